"""PDF reports and magazines (.pdf): text in reading order, by pdfminer.six.

pdfminer's layout analysis groups characters into text boxes in reading order, columns
included. Lines that recur at the top or bottom of most pages (running titles, footers) and
bare page numbers are dropped; words hyphenated across line breaks are joined again; each
paragraph keeps the page it starts on, for citations. A PDF with no text layer is reported as
a scan: OCR is not attempted.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from briefs.errors import ReadError
from briefs.model import Document
from briefs.readers.clean import _join_hyphenated, collapse, normalise
from briefs.readers.head import apply_head, plausible_author, plausible_title

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.I)
_TERMINAL = re.compile(r"[.!?:;”\"')\]]$")
_EDGE = 0.08  # top and bottom share of the page where running heads and feet live


def _pdf_date(value: object) -> str | None:
    text = value.decode("latin-1", "replace") if isinstance(value, bytes) else str(value or "")
    m = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?", text)
    if not m:
        return None
    return "-".join(g for g in m.groups() if g)


def _meta_text(value: object) -> str | None:
    from pdfminer.utils import decode_text

    if isinstance(value, bytes):
        text = decode_text(value)
    elif value is None:
        return None
    else:
        text = str(value)
    text = collapse(text)
    return text or None


def _largest_text(boxes: list) -> str | None:
    """The text set in the largest type on a page (a cover's or first page's title), when it
    stands out from the body type; consecutive lines in that size are one title."""
    from pdfminer.layout import LTChar, LTTextLine

    sized: list[tuple[float, str]] = []
    for box in boxes:
        for line in box:
            if not isinstance(line, LTTextLine):
                continue
            chars = [c.size for c in line if isinstance(c, LTChar) and c.get_text().strip()]
            text = collapse(line.get_text())
            if chars and text:
                sized.append((round(max(set(chars), key=chars.count), 1), text))
    if len(sized) < 2:
        return None
    body = sorted(size for size, _ in sized)[len(sized) // 2]
    top = max(size for size, _ in sized)
    if top < body * 1.15:
        return None
    parts: list[str] = []
    for size, text in sized:
        if size == top:
            parts.append(text)
        elif parts:
            break
    title = collapse(" ".join(parts))
    return title if 4 <= len(title) <= 250 and any(c.isalpha() for c in title) else None


def _pages(path: Path) -> tuple[list[list[tuple[str, float]]], dict, str | None]:
    """Per page: (box text, vertical position 0=top..1=bottom) in reading order; the info
    dictionary; and the largest text on page one."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextBox
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    with path.open("rb") as fh:
        doc = PDFDocument(PDFParser(fh))
        info = doc.info[0] if doc.info else {}
    pages = []
    largest = None
    for layout in extract_pages(str(path), laparams=LAParams(boxes_flow=0.5)):
        height = layout.height or 1
        boxes = [el for el in layout if isinstance(el, LTTextBox) and el.get_text().strip()]
        if not pages:
            largest = _largest_text(boxes)
        pages.append([(text, 1 - y / height) for text, y in _rows(boxes)])
    return pages, info, largest


def _rows(boxes: list) -> list[tuple[str, float]]:
    """Boxes in reading order, with one-line boxes that share a baseline joined as a table row.

    pdfminer reads a table cell by cell, often column by column; cells side by side on one line
    belong together ("Oddar Meanchey | 1,200 | 31 March 2025").
    """
    single = [b for b in boxes if b.get_text().strip().count("\n") == 0]
    lines: dict[int, list] = {}
    for b in single:
        key = next((k for k in lines if abs(k - b.y1) <= 2.5), round(b.y1))
        lines.setdefault(key, []).append(b)
    row_of = {id(b): key for key, members in lines.items() if len(members) > 1 for b in members}
    out: list[tuple[str, float]] = []
    done: set[int] = set()
    for b in boxes:
        key = row_of.get(id(b))
        if key is None:
            out.append((b.get_text(), b.y1))
        elif key not in done:
            done.add(key)
            cells = sorted(lines[key], key=lambda c: c.x0)
            out.append((" | ".join(collapse(c.get_text()) for c in cells), b.y1))
    return out


def _furniture(pages: list[list[tuple[str, float]]]) -> set[str]:
    """Boxes at a page edge whose text (digits masked) recurs on several pages.

    Three pages are enough: running heads often change with the chapter ("Chapter 2: R Basics").
    """
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for boxes in pages:
        seen = {_DIGITS.sub("#", collapse(t)) for t, y in boxes if y < _EDGE or y > 1 - _EDGE}
        counts.update(seen)
    return {k for k, n in counts.items() if n >= (2 if len(pages) <= 4 else 3)}


def read(path: Path) -> Document:
    """Read a PDF. Raises ReadError for encrypted, damaged or text-less (scanned) files."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        pages, info, largest = _pages(path)
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise ReadError(str(path), "encrypted PDF: it needs a password") from e
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError) as e:
        raise ReadError(str(path), f"damaged PDF ({e.__class__.__name__})") from e
    furniture = _furniture(pages)
    paragraphs: list[str] = []
    page_of: list[int] = []
    vocabulary = {w.lower() for boxes in pages for t, _ in boxes for w in re.findall(r"[\w-]+", t)}
    for number, boxes in enumerate(pages, 1):
        for text, _y in boxes:
            flat = collapse(text)
            if _PAGE_NUMBER.match(flat):
                continue
            # A title that recurs as the running head of later pages stays on page one.
            if _DIGITS.sub("#", flat) in furniture and not (number == 1 and flat == largest):
                continue
            lines = [collapse(line) for line in normalise(text).split("\n") if line.strip()]
            para = ""
            for line in lines:
                para = _join_hyphenated(para, line, vocabulary) if para else line
            # A paragraph cut by a page or column break goes on in the next box.
            if paragraphs and not _TERMINAL.search(paragraphs[-1]) and para[:1].islower():
                paragraphs[-1] = _join_hyphenated(paragraphs[-1], para, vocabulary)
                continue
            paragraphs.append(para)
            page_of.append(number)
    if not paragraphs:
        raise ReadError(str(path), "no text layer (a scanned PDF?); OCR is not attempted")
    # File metadata says how the file was made: a title or author only where it reads like
    # one (not "a769.PDF" or a login name), a date only as the latest the text can be.
    provenance: dict[str, str] = {}
    info_title = _meta_text(info.get("Title"))
    if plausible_title(info_title):
        title, provenance["title"] = info_title, "file-metadata"
    elif largest:
        title, provenance["title"] = largest, "head"
    else:
        title, provenance["title"] = path.stem, "path"
    author = _meta_text(info.get("Author"))
    author = author if plausible_author(author) else None
    if author:
        provenance["author"] = "file-metadata"
    date = _pdf_date(info.get("CreationDate"))
    if date:
        provenance["date"] = "file-metadata"
    if paragraphs and collapse(paragraphs[0]) == collapse(title):
        paragraphs, page_of = paragraphs[1:], page_of[1:]
    first_page = sum(1 for n in page_of if n == 1)
    doc = Document(
        path=str(path),
        title=title,
        paragraphs=tuple(paragraphs),
        pages=tuple(page_of),
        author=author,
        date=date,
        provenance=tuple(sorted(provenance.items())),
        extra=tuple(
            (k.lower(), v)
            for k in ("Subject",)
            if (v := _meta_text(info.get(k))) and plausible_title(v) and v != "unspecified"
        ),
    )
    # The first page's byline, date line or "Updated …" beat the file's; the title stays the
    # one chosen above (a first page often opens with an organisation's name, not the title).
    fill = ("author", "date", "publisher", "url") if provenance["title"] != "path" else None
    return apply_head(doc, scan=max(first_page, 1), fill=fill)
