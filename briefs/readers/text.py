"""Plain text (.txt): encoding detection, PDF-debris repair, title line and dateline."""

from __future__ import annotations

import re
from pathlib import Path

from briefs.errors import ReadError
from briefs.model import Document
from briefs.readers.clean import paragraphs_from_text

_MAX_LINE = 200_000
_DATELINE = re.compile(
    r"\b(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?\s+\d{4})\b"
)


def decode(data: bytes, path: str) -> str:
    """Decode ``data``: UTF-8 (with or without BOM), else Windows-1252.

    Raises ReadError when the bytes are binary (NUL bytes) rather than text.
    """
    if b"\x00" in data[:8192]:
        raise ReadError(path, "binary content, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # cp1252 maps every byte a Windows editor writes; latin-1 takes the few it leaves undefined.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def date_in(line: str) -> str | None:
    """Return an ISO date for a dateline such as "January 14th, 2022" or "4 March 2024"."""
    m = _DATELINE.search(line)
    if not m:
        return None
    import dateparser

    found = dateparser.parse(
        re.sub(r"(\d)(st|nd|rd|th)", r"\1", m.group(0)),
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]},
    )
    if not found:
        return None
    has_day = bool(re.search(r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z]|[A-Za-z]\s+\d{1,2}\b", m.group(0)))
    return found.strftime("%Y-%m-%d" if has_day else "%Y-%m")


def document_from_text(path: str, text: str) -> Document:
    """Build a Document from already-decoded plain text."""
    if any(len(line) > _MAX_LINE for line in text.split("\n")):
        raise ReadError(path, f"a line longer than {_MAX_LINE:,} characters; not prose")
    paragraphs = paragraphs_from_text(text)
    if not paragraphs:
        raise ReadError(path, "no text")
    title = Path(path).stem
    date = None
    first = paragraphs[0]
    if len(first) <= 150 and not first.endswith((".", ",", ";", "-")) and len(paragraphs) > 1:
        title = first
        paragraphs = paragraphs[1:]
    for i, p in enumerate(paragraphs[:3]):
        if len(p) <= 120 and (d := date_in(p)):
            date = d
            paragraphs = paragraphs[:i] + paragraphs[i + 1 :]
            break
    return Document(path=path, title=title, paragraphs=tuple(paragraphs), date=date)


def read(path: Path) -> Document:
    """Read a .txt file. Raises ReadError when it is empty, binary or not prose."""
    data = path.read_bytes()
    if not data.strip():
        raise ReadError(str(path), "empty file")
    return document_from_text(str(path), decode(data, str(path)))
