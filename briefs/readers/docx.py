"""Word documents (.docx): paragraphs and tables in body order, core properties as metadata.

A .docx is a zip of XML parts. Before python-docx opens it, the archive is checked: a
decompressed size over the cap (a zip bomb) or a DOCTYPE in any XML part (where external
entities and entity expansion live) is refused, so no hostile part reaches the XML parser.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from briefs.errors import ReadError
from briefs.model import Document
from briefs.readers.clean import collapse
from briefs.readers.head import apply_head, parse_date, plausible_author, plausible_title

MAX_UNZIPPED = 200 * 1024 * 1024
MAX_RATIO = 200


def _check_archive(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if total > MAX_UNZIPPED or total / packed > MAX_RATIO:
                raise ReadError(str(path), f"refused: unzips to {total:,} bytes (a zip bomb?)")
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with z.open(info) as part:
                        head = part.read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise ReadError(
                            str(path), f"refused: {info.filename} declares a DOCTYPE or entities"
                        )
    except zipfile.BadZipFile as e:
        raise ReadError(str(path), "not a valid .docx (bad zip archive)") from e


_DEPTH = 8  # tables inside tables: a layout table holds a form; deeper is a hostile file
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Where a reader sees no text of the paragraph: a text box (drawn over the page, its text
# held twice, once for old readers), a tracked deletion, text formatted as hidden, and a
# field's code ("PAGE \\* MERGEFORMAT") where only its result shows.
_UNSEEN = (
    "ancestor::w:txbxContent or ancestor::w:del or ancestor::w:r[w:rPr/w:vanish] "
    "or ancestor::*[local-name()='Fallback']"
)


def _blocks(parent, depth: int = 0):  # noqa: ANN001, ANN202 (lxml elements)
    """The paragraphs and tables of a body or a table cell, in order, including those inside
    content controls (a cover page's title, author and date sit in them) and custom XML."""
    for child in parent.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag in (f"{_W}sdt", f"{_W}customXml") and depth < _DEPTH:
            content = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
            if content is not None:
                yield from _blocks(content, depth + 1)


def _text(paragraph) -> str:  # noqa: ANN001 (a w:p element)
    """A paragraph's text as Word shows it: runs inside hyperlinks, smart tags, content
    controls and tracked insertions included; deleted, hidden and boxed text left out."""
    parts = []
    seen = f"[not({_UNSEEN})]"
    for node in paragraph.xpath(f".//w:t{seen} | .//w:tab{seen} | .//w:br{seen} | .//w:cr{seen}"):
        parts.append((node.text or "") if node.tag == f"{_W}t" else " ")
    return collapse("".join(parts))


def _own(parent, tag: str, kind: str) -> list:  # noqa: ANN001
    """The ``tag`` elements under ``parent`` whose nearest ``kind`` ancestor is ``parent``."""
    return [e for e in parent.iter(f"{_W}{tag}") if e.xpath(f"ancestor::w:{kind}[1]")[0] is parent]


def _rows(table, depth: int = 0) -> list[str]:  # noqa: ANN001 (a w:tbl element)
    """A table's rows as "cell | cell | cell", one row a passage, readable by the extractors.

    A cell may hold tables of its own (a page laid out as a table, a form inside it): their
    rows follow the row that holds them, as a reader reads them down the page.
    """
    out: list[str] = []
    # Rows and cells may sit inside content controls; those of a nested table are read with it.
    for row in _own(table, "tr", "tbl"):
        cells: list[str] = []
        inner: list[str] = []
        for cell in _own(row, "tc", "tr"):
            parts = []
            for block in _blocks(cell):
                if block.tag == f"{_W}tbl":
                    if depth < _DEPTH:
                        inner.extend(_rows(block, depth + 1))
                elif text := _text(block):
                    parts.append(text)
            text = " ".join(parts)
            if text and (not cells or cells[-1] != text):  # merged cells repeat
                cells.append(text)
        if cells:
            out.append(" | ".join(cells))
        out.extend(inner)
    return out


def read(path: Path) -> Document:
    """Read a .docx. Raises ReadError for damaged or hostile files."""
    import docx
    from docx.text.paragraph import Paragraph

    _check_archive(path)
    try:
        document = docx.Document(str(path))
    except Exception as e:  # python-docx raises assorted KeyError/ValueError on broken parts
        raise ReadError(str(path), f"damaged .docx ({e.__class__.__name__})") from e
    paragraphs: list[str] = []
    heading = None
    styled: dict[str, str] = {}
    for block in _blocks(document.element.body):
        if block.tag == f"{_W}tbl":
            paragraphs.extend(_rows(block))
            continue
        text = _text(block)
        if not text:
            continue
        style = Paragraph(block, document).style
        style = style.name if style is not None else ""
        if heading is None and not paragraphs and style in ("Title", "Heading 1"):
            heading = text
            continue
        # Word's and pandoc's (R Markdown's) head styles say what a line is.
        if not paragraphs and style in ("Author", "Date", "Subtitle"):
            styled.setdefault(style, text)
            continue
        paragraphs.append(text)
    if not paragraphs:
        raise ReadError(str(path), "no text")
    # Core properties say who saved the file and when ("Author: user", the day a template was
    # made): used only where they read like a title or a name, and the date only when the
    # document prints none.
    props = document.core_properties
    provenance: dict[str, str] = {}
    title = heading
    if title:
        provenance["title"] = "head"
    elif plausible_title(collapse(props.title or "")):
        title, provenance["title"] = collapse(props.title or ""), "file-metadata"
    else:
        title, provenance["title"] = path.stem, "path"
    author = styled.get("Author")
    if author:
        provenance["author"] = "head"
    elif plausible_author(collapse(props.author or "")):
        author, provenance["author"] = collapse(props.author or ""), "file-metadata"
    date = parse_date(styled["Date"]) if "Date" in styled else None
    if date:
        provenance["date"] = "head"
    elif props.created:
        date, provenance["date"] = props.created.date().isoformat(), "file-metadata"
    doc = Document(
        path=str(path),
        title=title,
        paragraphs=tuple(paragraphs),
        author=author,
        date=date,
        provenance=tuple(sorted(provenance.items())),
    )
    return apply_head(doc, scan=12)
