"""PDF from the document tree with reportlab platypus.

Embedded Noto Sans Mekong (static TTF shipped in the package: Noto Sans merged with Noto Sans
Myanmar, Khmer, Thai and Lao) draws Latin, Vietnamese and the Mekong scripts in one font, with
HarfBuzz shaping on; one font avoids reportlab's broken shaping across font changes. Before
drawing, every character is checked against the fonts' character maps and missing ones are
named in a warning rather than drawn as boxes. Source text is escaped for reportlab's markup.
Citations link to the reference list; headings become PDF bookmarks; pages say "X of Y".
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    AnchorFlowable,
    BaseDocTemplate,
    Frame,
    HRFlowable,
    ListFlowable,
    ListItem,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from briefs import charts
from briefs.document import Block, Run
from briefs.looks import Fonts, Style, load_style
from briefs.looks import fonts as fonts_of
from briefs.model import Brief
from briefs.writers import atomic_write

log = logging.getLogger(__name__)


class _Numbered(rl_canvas.Canvas):
    """Draws "Page X of Y" with Y as a form filled in when the document is saved.

    The usual recipe (keep every page's state, draw the footers at save time) emits no page
    until the end, so every bookmark and internal link it records points at page 1. Here pages
    are emitted as they are drawn, and only the total waits, in a form XObject.
    """

    footer_font = "Helvetica"
    footer_colour = colors.grey
    footer_text = ""

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self.saveState()
        self.setFont(self.footer_font, 7.5)
        self.setFillColor(self.footer_colour)
        self.drawString(2 * cm, 1.2 * cm, self.footer_text)
        label = f"Page {self._pageNumber} of "
        x = self._pagesize[0] - 2 * cm - self.stringWidth("Page 999 of 999", self.footer_font, 7.5)
        self.drawString(x, 1.2 * cm, label)
        self.translate(x + self.stringWidth(label, self.footer_font, 7.5), 1.2 * cm)
        self.doForm("page-count")
        self.restoreState()
        super().showPage()

    def save(self) -> None:
        self.beginForm("page-count")
        self.setFont(self.footer_font, 7.5)
        self.setFillColor(self.footer_colour)
        self.drawString(0, 0, str(self._pageNumber - 1))
        self.endForm()
        super().save()


class _Doc(BaseDocTemplate):
    def afterFlowable(self, flowable) -> None:  # noqa: N802 (reportlab's name)
        level = getattr(flowable, "_outline_level", None)
        if level is None:
            return
        key = f"h{id(flowable)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level, closed=False)


def _styles(style: Style, fonts: Fonts) -> dict[str, ParagraphStyle]:
    f = fonts.names
    body = ParagraphStyle(
        "body",
        fontName=f["regular"],
        fontSize=style.size("body"),
        leading=style.size("body") * 1.4,
        spaceAfter=5,
        shaping=1,
    )
    return {
        "body": body,
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=f["bold"],
            fontSize=style.size("title"),
            leading=style.size("title") * 1.2,
            textColor=style.colour("accent"),
            spaceAfter=8,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=f["bold"],
            fontSize=style.size("heading"),
            leading=style.size("heading") * 1.3,
            textColor=style.colour("accent"),
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,  # a heading never ends a page without its first lines
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=body,
            fontName=f["bold"],
            fontSize=style.size("body") + 1,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "cell": ParagraphStyle(
            "cell",
            parent=body,
            fontSize=style.size("small") + 0.5,
            leading=(style.size("small") + 0.5) * 1.3,
            spaceAfter=0,
        ),
        "item": ParagraphStyle("item", parent=body, spaceAfter=2),
        "toc": ParagraphStyle("toc", parent=body, leftIndent=10, spaceAfter=1),
        "small": ParagraphStyle(
            "small",
            parent=body,
            fontSize=style.size("small"),
            leading=style.size("small") * 1.35,
            textColor=style.colour("muted"),
        ),
    }


def _inline(
    runs: list[Run],
    fonts: Fonts,
    link_colour: str,
    superscript: bool = True,
    targets: frozenset[str] | None = None,
) -> str:
    out = []
    for r in runs:
        if r.anchor:
            continue  # drawn by an AnchorFlowable or _AnchoredParagraph: inline <a name>
            # breaks reportlab's wrapping
        text = escape(r.text).replace("\n", "<br/>")
        if r.cite:
            # Numbered markers sit above the line; author-date ones "(Name, 2022)" run in it.
            if superscript and r.text.startswith("["):
                text = f"<super>{text}</super>"
            if targets is not None and f"ref-{r.cite}" not in targets:
                out.append(text)  # a template that drops the reference list: nothing to link to
                continue
            text = f'<a href="#ref-{r.cite}" color="{link_colour}">{text}</a>'
        elif r.href:
            text = f'<a href="{escape(r.href)}" color="{link_colour}">{text}</a>'
        if r.bold:
            text = f"<b>{text}</b>"
        if r.italic:
            text = f"<i>{text}</i>"
        out.append(text)
    return "".join(out)


class _AnchoredParagraph(Paragraph):
    """A paragraph that is its own link target.

    A separate zero-height anchor before a list item can stay at the foot of a page while its
    text moves on: the reference number was left behind with it. Drawn by the paragraph, the
    target and the number go where the text goes.
    """

    anchors: tuple[str, ...] = ()

    @classmethod
    def of(cls, text: str, style: ParagraphStyle, anchors: tuple[str, ...]):
        para = cls(text, style)
        para.anchors = anchors
        return para

    def draw(self) -> None:
        for name in self.anchors:
            self.canv.bookmarkHorizontal(name, 0, self.height)
        super().draw()

    def split(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        parts = super().split(availWidth, availHeight)
        for n, part in enumerate(parts):
            part.anchors = self.anchors if n == 0 else ()
        return parts


def _anchor_names(runs: list[Run]) -> tuple[str, ...]:
    return tuple(f"ref-{r.anchor}" for r in runs if r.anchor)


def _anchors(runs: list[Run]) -> list[AnchorFlowable]:
    return [AnchorFlowable(name) for name in _anchor_names(runs)]


# Text HarfBuzz must shape to draw right: combining marks, and the scripts whose letters
# change form or order (Myanmar, Khmer, Thai, Lao, the Indic scripts, Arabic). Latin text is
# drawn glyph by glyph; shaping it cost a third of the PDF writer's time on a brief.
_SHAPED = re.compile(
    "[\u0300-\u036f\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f"
    "\u1780-\u17ff\u19e0-\u19ff\u1dc0-\u1dff\u20d0-\u20ff\ua9e0-\ua9ff\uaa60-\uaa7f"
    "\ufe20-\ufe2f]"
)


class _Styles(dict):
    """The paragraph styles, each with shaping on only for text that needs it."""

    def __init__(self, styles: dict[str, ParagraphStyle]) -> None:
        super().__init__(styles)
        self.plain = {
            k: ParagraphStyle(f"{k}-plain", parent=v, shaping=0) for k, v in styles.items()
        }

    def of(self, key: str, text: str) -> ParagraphStyle:
        return self[key] if _SHAPED.search(text) else self.plain[key]


def flowables(blocks: list[Block], style: Style, fonts: Fonts, brief: Brief) -> list:
    st = _Styles(_styles(style, fonts))
    link = style.data["colours"]["link"]
    # Internal links only to names that exist: a house template may drop the reference list.
    targets = frozenset(
        [f"ref-{r.anchor}" for b in blocks for runs in [b.runs, *b.items] for r in runs if r.anchor]
    )

    def inline(runs: list[Run], superscript: bool = True) -> str:
        return _inline(runs, fonts, link, superscript, targets)

    small = False
    story: list = []
    for b in blocks:
        if b.kind == "chart":
            picture = charts.build(
                b.anchor or "", brief, fonts.names["regular"], style.data["colours"], b.markers
            )
            if picture:
                story += [picture.drawing, Spacer(1, 6)]
        elif b.kind == "toc":
            story.append(Paragraph("Contents", st.plain["h3"]))
            for item in b.items:
                story.append(Paragraph(text := inline(item), st.of("toc", text)))
            story.append(Spacer(1, 4))
        elif b.kind == "heading":
            if b.anchor:
                story.append(AnchorFlowable(b.anchor))
            key = "title" if b.level == 1 else "h2" if b.level == 2 else "h3"
            p = Paragraph(text := inline(b.runs), st.of(key, text))
            p._outline_level = max(0, b.level - 2) if b.level > 1 else None  # type: ignore[attr-defined]
            small = "small-print" in b.classes  # set by the template, not by the words
            story.append(p)
            if b.level == 1:
                story.append(
                    HRFlowable(
                        width="100%", color=style.colour("accent"), thickness=1.2, spaceAfter=6
                    )
                )
        elif b.kind == "paragraph":
            story += _anchors(b.runs)
            story.append(
                Paragraph(text := inline(b.runs), st.of("small" if small else "body", text))
            )
        elif b.kind in ("bullets", "numbered"):
            items = [
                ListItem(
                    [
                        _AnchoredParagraph.of(
                            text := inline(i),
                            st.of("small" if small else "item", text),
                            _anchor_names(i),
                        )
                    ],
                    leftIndent=12,
                )
                for i in b.items
            ]
            story.append(
                ListFlowable(
                    items,
                    bulletType="bullet" if b.kind == "bullets" else "1",
                    start="•" if b.kind == "bullets" else "1",
                    leftIndent=12,
                    bulletFontName=fonts.names["regular"],
                    bulletFontSize=style.size("body") - 1,
                )
            )
            story.append(Spacer(1, 4))
        elif b.kind == "table":
            story.append(_table(b, st, style, inline))
        elif b.kind == "rule":
            story.append(HRFlowable(width="100%", color=style.colour("rule")))
    return story


def _table(b: Block, st: _Styles, style: Style, inline) -> Table:
    data = [
        [Paragraph(text := inline(cell, superscript=False), st.of("cell", text)) for cell in row]
        for row in b.rows
    ]
    ncols = len(b.rows[0])
    widths = [0.36, 0.30, 0.18, 0.16] if ncols == 4 else [1 / ncols] * ncols
    usable = A4[0] - 2 * float(style.data["page"]["margin_cm"]) * cm
    table = Table(data, colWidths=[w * usable for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), style.colour("table_header")),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, style.colour("accent")),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, style.colour("rule")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _all_text(blocks: list[Block]) -> str:
    parts = []
    for b in blocks:
        parts += [r.text for r in b.runs]
        parts += [r.text for item in b.items for r in item]
        parts += [r.text for row in b.rows for cell in row for r in cell]
    return "".join(parts)


def write(blocks: list[Block], brief: Brief, path: Path, user_dir: Path | None = None) -> Path:
    """Write ``blocks`` as a PDF at ``path``. Missing glyphs are a warning on ``brief``'s log."""
    style = load_style(user_dir)
    fonts = fonts_of(style)
    missing = fonts.missing(_all_text(blocks))
    if missing:
        log.warning(
            "the PDF fonts have no glyph for %s; they will show as boxes",
            " ".join(f"{c!r} (U+{ord(c):04X})" for c in sorted(missing)),
        )
    story = flowables(blocks, style, fonts, brief)
    size = letter if str(style.data["page"]["size"]).lower() == "letter" else A4
    margin = float(style.data["page"]["margin_cm"]) * cm

    def save(tmp: Path) -> None:
        doc = _Doc(
            str(tmp),
            pagesize=size,
            leftMargin=margin,
            rightMargin=margin,
            topMargin=margin,
            bottomMargin=margin + 0.4 * cm,
            title=brief.title,
            author="briefs",
            subject="; ".join(f"{k}: {v}" for k, v in brief.scope.items() if v),
            keywords=[k.text for k in brief.keywords],
            creator="briefs",
            invariant=1,
            lang="en",
        )
        frame = Frame(
            margin,
            margin + 0.4 * cm,
            size[0] - 2 * margin,
            size[1] - 2 * margin - 0.4 * cm,
            id="body",
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])

        class Canvas(_Numbered):
            footer_font = fonts.names["regular"]
            footer_colour = style.colour("muted")
            footer_text = (
                f"{brief.title} · generated {brief.generated}"
                f" · corpus {brief.manifest.corpus_digest}"
            )

        doc.build(list(story), canvasmaker=Canvas)

    return atomic_write(path, save)
