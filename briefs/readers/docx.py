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


def read(path: Path) -> Document:
    """Read a .docx. Raises ReadError for damaged or hostile files."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _check_archive(path)
    try:
        document = docx.Document(str(path))
    except Exception as e:  # python-docx raises assorted KeyError/ValueError on broken parts
        raise ReadError(str(path), f"damaged .docx ({e.__class__.__name__})") from e
    paragraphs: list[str] = []
    heading = None
    styled: dict[str, str] = {}
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = collapse(block.text)
            if not text:
                continue
            style = block.style.name if block.style is not None else ""
            if heading is None and not paragraphs and style in ("Title", "Heading 1"):
                heading = text
                continue
            # Word's and pandoc's (R Markdown's) head styles say what a line is.
            if not paragraphs and style in ("Author", "Date", "Subtitle"):
                styled.setdefault(style, text)
                continue
            paragraphs.append(text)
        elif isinstance(block, Table):
            # A row becomes "cell | cell | cell": readable by the extractors, one row a passage.
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = collapse(cell.text)
                    if text and (not cells or cells[-1] != text):  # merged cells repeat
                        cells.append(text)
                if cells:
                    paragraphs.append(" | ".join(cells))
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
