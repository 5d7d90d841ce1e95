"""DOCX from the document tree, styled by a reference document (pandoc's --reference-doc idea).

Styles, fonts, page size, header and footer live in ``reference.docx`` (the user's templates
folder first, the built-in one second); this module only places content. Citations "[n]" are
internal hyperlinks to bookmarks on the reference-list entries; URLs are external links.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from briefs import charts
from briefs.document import Block, Run, number_of
from briefs.model import Brief
from briefs.resources import templates_dir
from briefs.writers import atomic_write
from briefs.writers.ooxml import add_bookmark, add_field, add_hyperlink, add_toc

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def reference_doc(user_dir: Path | None) -> Path:
    if user_dir and (user_dir / "reference.docx").is_file():
        return user_dir / "reference.docx"
    return templates_dir() / "reference.docx"


def _bookmark(name: str) -> str:
    """Word bookmark names take letters, digits and underscores only."""
    return name.replace("-", "_")[:40]


def _runs(paragraph, runs: list[Run]) -> None:
    for r in runs:
        if r.anchor:
            add_bookmark(paragraph, _bookmark(f"ref-{r.anchor}"), number_of(r.anchor))
        elif r.cite:
            link = add_hyperlink(
                paragraph, r.text, anchor=_bookmark(f"ref-{r.cite}"), style="Citation"
            )
            link.font.superscript = False
        elif r.href and r.href.startswith("#"):
            add_hyperlink(paragraph, r.text, anchor=_bookmark(r.href[1:]))
        elif r.href:
            add_hyperlink(paragraph, r.text, url=r.href)
        else:
            run = paragraph.add_run(r.text)
            run.bold = r.bold or None
            run.italic = r.italic or None


def _clear_body(document: DocxDocument) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag.endswith("}sectPr"):
            continue
        body.remove(child)


def build(blocks: list[Block], brief: Brief, user_dir: Path | None = None) -> DocxDocument:
    """Return a python-docx Document holding ``blocks`` in the reference document's styles."""
    document = docx.Document(str(reference_doc(user_dir)))
    _clear_body(document)
    # python-docx looks a style name up by scanning every style; look each up once.
    styles = {s.name: s for s in document.styles}

    def new_paragraph(name: str) -> Paragraph:
        """A new paragraph in the style ``name``. Given a style, python-docx still scans every
        style for the default one at each paragraph (a third of the writer's time on a brief):
        the style's id is set on the paragraph's properties directly."""
        style = styles.get(name)
        if style is None:
            return document.add_paragraph(style=name)
        added = document.add_paragraph()
        added._p.style = style.style_id
        return added

    bookmarks = 0
    for b in blocks:
        if b.kind == "chart":
            picture, font = charts.for_block(b.anchor or "", brief, b.markers, user_dir)
            if picture:
                width = (
                    document.sections[0].page_width
                    - document.sections[0].left_margin
                    - document.sections[0].right_margin
                )
                document.add_picture(io.BytesIO(charts.png(picture, font)), width=width)
                # Alt text: what a screen reader says, and what Word shows as the description.
                inline = document.inline_shapes[-1]._inline
                inline.docPr.set("descr", picture.alt)
                inline.docPr.set("title", picture.name)
        elif b.kind == "toc":
            add_toc(document, [(item[0].text, _bookmark(item[0].href[1:])) for item in b.items])
        elif b.kind == "heading":
            style = "Title" if b.level == 1 else f"Heading {b.level - 1}"
            paragraph = new_paragraph(style)
            if b.anchor:
                bookmarks += 1
                add_bookmark(paragraph, _bookmark(b.anchor), 1000 + bookmarks)
            _runs(paragraph, b.runs)
        elif b.kind == "paragraph":
            _runs(new_paragraph("Body Text"), b.runs)
        elif b.kind in ("bullets", "numbered"):
            style = "List Bullet" if b.kind == "bullets" else "List Number"
            for item in b.items:
                _runs(new_paragraph(style), item)
        elif b.kind == "table":
            table = document.add_table(rows=0, cols=len(b.rows[0]))
            # A house reference.docx without the project's table style: Word's own grid, else
            # the document's default table look (templates check says so too).
            names = {st.name for st in document.styles}
            table.style = next(
                (n for n in ("Brief Table", "Table Grid") if n in names), table.style
            )
            for i, row in enumerate(b.rows):
                cells = table.add_row().cells
                for cell, runs in zip(cells, row, strict=False):
                    p = cell.paragraphs[0]
                    _runs(p, runs)
                    if i == 0:
                        for r in p.runs:
                            r.bold = True
            _repeat_header(table)
            _widths(table, document)
            new_paragraph("Body Text").paragraph_format.space_after = Pt(2)
    _footer(document)
    props = document.core_properties
    # OOXML core properties hold at most 255 characters each.
    props.title = brief.title[:255]
    props.subject = "; ".join(f"{k}: {v}" for k, v in brief.scope.items() if v)[:255]
    props.keywords = ", ".join(k.text for k in brief.keywords)[:255].rsplit(",", 1)[0]
    props.author = "briefs"
    props.comments = f"corpus {brief.manifest.corpus_digest}"
    stamp = dt.datetime.fromisoformat(brief.generated)
    props.created = props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
    return document


def _widths(table, document: DocxDocument) -> None:
    """Key-figures tables read best with a wide first column; others share the width."""
    section = document.sections[0]
    usable = section.page_width - section.left_margin - section.right_margin
    n = len(table.columns)
    shares = [0.36, 0.30, 0.18, 0.16] if n == 4 else [1 / n] * n
    table.autofit = False
    for row in table.rows:
        for cell, share in zip(row.cells, shares, strict=False):
            cell.width = int(usable * share)


def _repeat_header(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _footer(document: DocxDocument) -> None:
    footer = document.sections[0].footer
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    if "PAGE" in p._p.xml:
        return  # the reference document has its own page numbers
    p.text = "Page "
    add_field(p, "PAGE")
    p.add_run(" of ")
    add_field(p, "NUMPAGES")


def _pin_zip_times(path: Path) -> None:
    """python-docx stamps every zip entry with the current time; pin them for determinism."""
    with zipfile.ZipFile(path) as zin:
        items = [(i, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in items:
            fixed = zipfile.ZipInfo(info.filename, _FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            zout.writestr(fixed, data)


def write(blocks: list[Block], brief: Brief, path: Path, user_dir: Path | None = None) -> Path:
    document = build(blocks, brief, user_dir)

    def save(tmp: Path) -> None:
        document.save(str(tmp))
        _pin_zip_times(tmp)

    return atomic_write(path, save)
