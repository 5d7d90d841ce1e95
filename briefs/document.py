"""The document tree every writer draws, parsed from the Markdown the templates render.

One parse step (markdown-it-py, CommonMark plus tables) turns Markdown into a small tree of
blocks and runs. Two inline additions: ``[@S3]`` is a citation of source S3 (drawn "[3]",
linked to the reference list) and ``[#S3]`` is the anchor that reference entry carries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

_CHART = re.compile(r"\[\[chart:(\w+)\]\]")
_MARKER = re.compile(r"\[([@#])(S\d+)(?:, p\. (\d+))?\]")


@dataclass(frozen=True)
class Run:
    """A stretch of inline text with one look. ``cite``/``anchor`` hold a source id."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    cite: str | None = None
    anchor: str | None = None


@dataclass(frozen=True)
class Block:
    """heading (level), paragraph, bullets/numbered (items), table (rows, first is header)."""

    kind: str
    runs: list[Run] = field(default_factory=list)
    level: int = 0
    items: list[list[Run]] = field(default_factory=list)
    rows: list[list[list[Run]]] = field(default_factory=list)
    anchor: str | None = None  # headings: the name links and the table of contents point to
    # charts: the picture's name is ``anchor``; ``markers`` the citation markers it shows
    markers: dict[str, str] = field(default_factory=dict)
    # headings: classes from a trailing "{.small-print}", which writers read to set a look
    # (the small print of the information gaps) without keying on the heading's words
    classes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def _marker_rule(state: StateInline, silent: bool) -> bool:
    m = _MARKER.match(state.src, state.pos)
    if not m:
        return False
    if not silent:
        token = state.push("cite" if m.group(1) == "@" else "anchor", "", 0)
        token.meta = {"id": m.group(2), "page": m.group(3)}
    state.pos = m.end()
    return True


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    md.inline.ruler.before("link", "source_marker", _marker_rule)
    return md


def number_of(source_id: str) -> int:
    return int(source_id[1:])


def _runs(tokens: list[Token], markers: dict[str, str]) -> list[Run]:
    runs: list[Run] = []
    bold = italic = False
    href: str | None = None
    for t in tokens:
        if t.type == "strong_open":
            bold = True
        elif t.type == "strong_close":
            bold = False
        elif t.type == "em_open":
            italic = True
        elif t.type == "em_close":
            italic = False
        elif t.type == "link_open":
            href = str(t.attrs.get("href", ""))
        elif t.type == "link_close":
            href = None
        elif t.type in ("text", "code_inline"):
            runs.append(Run(t.content, bold, italic, href))
        elif t.type in ("softbreak",):
            runs.append(Run(" ", bold, italic, href))
        elif t.type == "hardbreak":
            runs.append(Run("\n", bold, italic, href))
        elif t.type == "cite":
            sid, page = t.meta["id"], t.meta.get("page")
            marker = markers.get(sid, f"[{number_of(sid)}]")
            if page:  # "[3, p. 12]", "(Author, 2022, p. 12)"
                marker = f"{marker[:-1]}, p. {page}{marker[-1]}"
            runs.append(Run(marker, cite=sid))
        elif t.type == "anchor":
            runs.append(Run("", anchor=t.meta["id"]))
    return _merge(runs)


def _merge(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for r in runs:
        last = out[-1] if out else None
        if (
            last
            and not r.cite
            and not r.anchor
            and not last.cite
            and not last.anchor
            and (last.bold, last.italic, last.href) == (r.bold, r.italic, r.href)
        ):
            out[-1] = Run(last.text + r.text, r.bold, r.italic, r.href)
        else:
            out.append(r)
    return out


def parse(markdown: str, markers: dict[str, str] | None = None) -> list[Block]:
    """Parse rendered Markdown into blocks. Unknown constructs degrade to paragraphs.

    ``markers`` gives the text each citation shows ("[3]" by default; "(Author, 2022)" in an
    author-date style).
    """
    markers = markers or {}
    tokens = _parser().parse(markdown)
    blocks: list[Block] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.type == "heading_open":
            blocks.append(
                Block("heading", _runs(tokens[i + 1].children or [], markers), level=int(t.tag[1]))
            )
            i += 3
            continue
        if t.type == "paragraph_open" and t.level == 0:
            blocks.append(Block("paragraph", _runs(tokens[i + 1].children or [], markers)))
            i += 3
            continue
        if t.type in ("bullet_list_open", "ordered_list_open"):
            close = t.type.replace("_open", "_close")
            items: list[list[Run]] = []
            depth = 0
            j = i
            while j < len(tokens):
                if tokens[j].type == t.type:
                    depth += 1
                elif tokens[j].type == close:
                    depth -= 1
                    if depth == 0:
                        break
                elif tokens[j].type == "inline" and depth == 1:
                    items.append(_runs(tokens[j].children or [], markers))
                j += 1
            blocks.append(
                Block("bullets" if t.type.startswith("bullet") else "numbered", items=items)
            )
            i = j + 1
            continue
        if t.type == "table_open":
            rows: list[list[list[Run]]] = []
            j = i
            while tokens[j].type != "table_close":
                if tokens[j].type == "tr_open":
                    rows.append([])
                elif tokens[j].type == "inline":
                    rows[-1].append(_runs(tokens[j].children or [], markers))
                j += 1
            blocks.append(Block("table", rows=rows))
            i = j + 1
            continue
        if t.type == "hr":
            blocks.append(Block("rule"))
        i += 1
    return _contents(blocks, markers)


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-") or "section"


_CLASSES = re.compile(r"\s*\{((?:\.[\w-]+\s*)+)\}\s*$")


def _contents(blocks: list[Block], markers: dict[str, str]) -> list[Block]:
    """Name every section heading, and fill a "[TOC]" paragraph with links to them."""
    named: list[Block] = []
    used: set[str] = set()
    for b in blocks:
        if b.kind == "heading" and (m := _CLASSES.search(b.text)):
            classes = tuple(c.lstrip(".") for c in m.group(1).split())
            runs = list(b.runs)
            runs[-1] = replace(runs[-1], text=_CLASSES.sub("", runs[-1].text))
            b = Block("heading", runs, level=b.level, anchor=b.anchor, classes=classes)
        if b.kind == "heading" and b.level >= 2:
            anchor = base = f"sec-{_slug(b.text)}"
            n = 1
            while anchor in used:
                n += 1
                anchor = f"{base}-{n}"
            used.add(anchor)
            b = Block("heading", b.runs, level=b.level, anchor=anchor, classes=b.classes)
        named.append(b)
    entries = [[Run(b.text, href=f"#{b.anchor}")] for b in named if b.anchor and b.level == 2]
    named = [
        Block("chart", anchor=m.group(1), markers=markers)
        if b.kind == "paragraph" and (m := _CHART.fullmatch(b.text))
        else b
        for b in named
    ]
    return [
        Block("toc", items=entries) if b.kind == "paragraph" and b.text == "[TOC]" else b
        for b in named
    ]
