"""PDF reports and magazines (.pdf): text in reading order, by pdfminer.six.

pdfminer's layout analysis groups characters into text boxes in reading order, columns
included. Lines that recur at the top or bottom of most pages (running titles, footers) and
bare page numbers are dropped; words hyphenated across line breaks are joined again; each
paragraph keeps the page it starts on, for citations. A PDF with no text layer is reported as
a scan: OCR is not attempted.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter
from pathlib import Path

from briefs.errors import ReadError
from briefs.model import Document
from briefs.readers.clean import BANNER, _join_hyphenated, collapse, normalise
from briefs.readers.head import (
    apply_head,
    parse_date,
    plausible_author,
    plausible_title,
    title_like,
)
from briefs.readers.pdf_layout import layout_pages

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
    elif value is None or not isinstance(value, str):
        return None  # an unresolved reference, a number: no text
    else:
        text = str(value)
    text = collapse(text)
    return text or None


def _notice_subject(paragraphs: tuple[str, ...]) -> str | None:
    """A notice's subject: the line above its "AGENCY:" ("Airworthiness Directives; The Boeing
    Company Airplanes"), among the first forty."""
    for before, line in zip(paragraphs[:40], paragraphs[1:40], strict=False):
        if line.startswith("AGENCY:") and title_like(before) and len(before) <= 200:
            return before
    return None


# pdfminer warns on stderr about files that ask not to be extracted, broken xrefs and the like:
# the file is read all the same, and a reader failure is reported as one line by ingest.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def _furniture(pages: list[list[tuple[str, float, float]]]) -> set[str]:
    """Boxes at a page edge whose text (digits masked) recurs on several pages.

    Three pages are enough: running heads often change with the chapter ("Chapter 2: R Basics").
    """
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for boxes in pages:
        seen = {_DIGITS.sub("#", collapse(t)) for t, y, _ in boxes if y < _EDGE or y > 1 - _EDGE}
        counts.update(seen)
    return {k for k, n in counts.items() if n >= (2 if len(pages) <= 4 else 3)}


_SMALL_WORDS = frozenset("a an and as at by for in of on or the to with from".split())


def _heading(text: str) -> bool:
    """A heading: a few words, most of them capitalised ("Proposed Design Changes")."""
    words = [w for w in text.split() if w.lower() not in _SMALL_WORDS]
    if not words or len(text.split()) > 12 or "," in text:
        return False
    return sum(w[:1].isupper() or w[:1].isdigit() for w in words) >= 0.7 * len(words)


_LINE_NUMBERED = re.compile(r"^(\d{1,2}) \| (.+)$", re.DOTALL)


def _unnumbered(boxes: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    """A page whose lines are numbered in the margin (a court transcript, a bill) without the
    numbers, so its lines join into sentences again: "12 | The above-entitled matter came on
    for oral" / "13 | argument before the Supreme Court". Only when most of the page's lines
    carry a number and the numbers run upward."""
    found = [_LINE_NUMBERED.match(collapse(text)) for text, *_ in boxes]
    numbers = [int(m.group(1)) for m in found if m]
    if len(numbers) < 8 or len(numbers) < 0.6 * len(boxes) or numbers != sorted(numbers):
        return boxes
    return [
        (m.group(2) if m else text, y, bottom)
        for (text, y, bottom), m in zip(boxes, found, strict=True)
    ]


def _goes_on(before: str, after: str, column_top: bool = True) -> bool:
    """Whether ``after`` continues the sentence ``before`` left open at a page or column
    break ("On October 29, 2018, a Boeing Model" / "737–8 airplane operated by …")."""
    if _TERMINAL.search(before) or " | " in before or " | " in after:
        return False
    if parse_date(after) or parse_date(before.rsplit(",", 1)[-1]):
        return False  # a date line, or a byline that ends with its date
    if after[:1].islower() or before.endswith("-"):
        return True
    return column_top and len(before.split()) >= 4 and not _heading(before) and not _heading(after)


def read(path: Path) -> Document:
    """Read a PDF. Raises ReadError for encrypted, damaged or text-less (scanned) files."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        pages, info, largest, periodical = layout_pages(path)
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise ReadError(str(path), "encrypted PDF: it needs a password") from e
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError) as e:
        raise ReadError(str(path), f"damaged PDF ({e.__class__.__name__})") from e
    pages = [_unnumbered(boxes) for boxes in pages]
    furniture = _furniture(pages)
    paragraphs: list[str] = []
    page_of: list[int] = []
    vocabulary = {w.lower() for boxes in pages for t, *_ in boxes for w in re.findall(r"[\w-]+", t)}
    for number, boxes in enumerate(pages, 1):
        above, below = None, 1.0  # where the box before this one began and ended on the page
        for text, y, bottom in boxes:
            flat = collapse(text)
            if _PAGE_NUMBER.match(flat):
                continue
            # A title that recurs as the running head of later pages stays on page one.
            if _DIGITS.sub("#", flat) in furniture and not (number == 1 and flat == largest):
                continue
            # A new page, a new column (back up the page), or the very next line down.
            broken = above is None or y < above - 0.2 or 0 <= y - below < 0.015
            above, below = y, bottom
            for part, chunk in enumerate(normalise(text).split("\n\n")):
                lines = [collapse(line) for line in chunk.split("\n") if line.strip()]
                if not lines:
                    continue
                para = ""
                for line in lines:
                    para = _join_hyphenated(para, line, vocabulary) if para else line
                # A paragraph cut by a page or column break goes on in the next box. Only a
                # box that opens a column or a page continues a sentence that starts no lower
                # case: one further down is a paragraph of its own (a byline, then the text).
                # A change of type inside a box splits it only where the words before it end
                # (a label's colon, a sentence's stop, a heading), not inside a sentence set
                # partly in small capitals ("… identified in the FOR FURTHER INFORMATION" /
                # "CONTACT section.").
                if paragraphs and _goes_on(paragraphs[-1], para, column_top=broken or part > 0):
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
    elif largest and not BANNER.match(largest) and title_like(largest):
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
    if periodical:
        provenance["publisher"] = "head"
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
        publisher=periodical,
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
    banner = frozenset({largest}) if largest and BANNER.match(largest) else frozenset()
    doc = apply_head(doc, scan=max(first_page, 1), fill=fill, cover=True, running=banner)
    if periodical and doc.title == periodical and (subject := _notice_subject(doc.paragraphs)):
        # The masthead names the periodical, not the piece: a gazette's notice says its
        # subject on the line above "AGENCY:" (the US Federal Register's layout).
        doc = dataclasses.replace(doc, title=subject)
    return doc
