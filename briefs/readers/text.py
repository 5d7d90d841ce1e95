"""Plain text (.txt): encoding detection, PDF-debris repair, title line and dateline."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from briefs.errors import ReadError
from briefs.extract.dates import MONTH_NAMES
from briefs.model import Document
from briefs.readers.clean import paragraphs_from_text

_MAX_LINE = 200_000
_DATELINE = re.compile(
    r"\b(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?\s+\d{4})\b"
)


_SINGLE_BYTE_LATIN = re.compile(r"^(?:cp125[0-8]|latin_1|iso8859_(?:1|2|9|15)|mac_roman)$")
_BOMS = ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes, path: str) -> str:
    """Decode ``data``: UTF-8 (with or without BOM) or UTF-16 by BOM; else detected.

    Valid UTF-8 is taken as UTF-8 (the check is exact). Anything else goes to
    charset-normalizer, with Windows-1252 preferred when it decodes the bytes, because that is
    what a Windows editor saves and short texts leave detectors guessing between Latin codepages.
    Raises ReadError when the bytes are binary rather than text.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if b"\x00" in data[:8192]:
        raise ReadError(path, "binary content, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best else "cp1252"
    if _SINGLE_BYTE_LATIN.match(encoding):
        encoding = "cp1252"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        if best is None:
            raise ReadError(path, "not text in any encoding charset-normalizer knows") from None
        return data.decode(best.encoding, errors="replace")


_OUTLET = re.compile(r"^((?:[A-Z][\w&'’.-]*\s?){1,6}),\s+\d")


_MONTH_NUMBER = {m.lower(): i for i, m in enumerate(MONTH_NAMES, 1)}
_DATELINE_PARTS = re.compile(
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+)?(?P<month>[A-Z][a-z]+)"
    r"(?:\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?)?\s+(?P<year>\d{4})"
)


def date_in(line: str) -> str | None:
    """Return an ISO date for a dateline such as "January 14th, 2022" or "4 March 2024".

    The forms are fixed, so they are read with a month table rather than dateparser: this
    runs once per ingested file, and dateparser costs about 2 ms a call.
    """
    m = _DATELINE.search(line)
    if not m:
        return None
    parts = _DATELINE_PARTS.search(m.group(0))
    if not parts or parts.group("month").lower() not in _MONTH_NUMBER:
        return None
    year, month = int(parts.group("year")), _MONTH_NUMBER[parts.group("month").lower()]
    day = parts.group("d1") or parts.group("d2")
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, int(day)).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}"


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
    publisher = None
    for i, p in enumerate(paragraphs[:3]):
        if len(p) <= 120 and (d := date_in(p)):
            date = d
            # "Kuala Lumpur Observer, 4 March 2024": the name before the date is the outlet.
            m = _OUTLET.match(p)
            if m:
                publisher = m.group(1)
            paragraphs = paragraphs[:i] + paragraphs[i + 1 :]
            break
    return Document(
        path=path, title=title, paragraphs=tuple(paragraphs), date=date, publisher=publisher
    )


def read(path: Path) -> Document:
    """Read a .txt file. Raises ReadError when it is empty, binary or not prose."""
    data = path.read_bytes()
    if not data.strip():
        raise ReadError(str(path), "empty file")
    return document_from_text(str(path), decode(data, str(path)))
