"""Printed dates: a line that is wholly a date ("Fri Oct 20, 2006 6:15pm EDT", "Updated
September 22, 2023", "Publication Date: 13 June 2024"), and the date in a news URL's path.

The common written forms are read with a month table; anything else goes to dateutil, with the
time and zone ignored. A line with a word that is not part of a date gives none.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_HAS_MONTH = re.compile(rf"\b{_MONTH}(?![a-z])", re.I)
_NUMERIC_DATE = re.compile(r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b")
_DATE_LABEL = re.compile(
    r"^(?:(?:last\s+)?updated|published|posted|issued|released|first published|"
    r"publication date|date(?: of (?:issue|publication))?|dated|as of)\b\s*(?:on\s+)?[:\-–—]?\s*",
    re.I,
)
_WEEKDAY = re.compile(
    r"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|urday|rsday)?\b\.?,?",
    re.I,
)
_TIME = re.compile(r"\b\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?\b", re.I)
_ZONE = re.compile(
    r"\(?\b(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|ICT|SGT|WIB|[A-Z]{3,4}T)\b\)?"
    r"(?:\s*[+-]\d{1,2}(?::?\d{2})?)?"
)
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>[01]?\d)(?:[/-](?P<d>[0-3]?\d))?(?=/|$|[-_])"
    r"|/(?P<y2>(?:19|20)\d{2})(?P<m2>[01]\d)(?P<d2>[0-3]\d)(?=/|$)"
)


_ANY_DIGIT = re.compile(r"\d")


def parse_date(text: str, *, today: dt.date | None = None) -> str | None:
    """An ISO date ("2006-10-20", "2023-09" or "2023") when ``text`` is wholly a date.

    Weekday, time, zone and a label ("Updated:", "Publication Date:") may stand around it;
    anything else makes it not a date line. Day-first and month-first forms are both read.
    """
    if len(text) > 200 or not _ANY_DIGIT.search(text):
        return None  # a paragraph, or no year and no day: never wholly a date (most lines)
    if " | " in text:
        # A row of cells ("10 | Tuesday, January 13, 2009": a transcript's line number): the
        # date is the one cell that is one.
        cells = text.split("|")
        dated = [(k, d) for k, cell in enumerate(cells) if (d := parse_date(cell, today=today))]
        if len(dated) != 1 or any(
            re.search(r"[A-Za-z]", cell) for k, cell in enumerate(cells) if k != dated[0][0]
        ):
            return None  # a table's row ("Preah Vihear | 850 | 31 March 2025") is no date line
        return dated[0][1]
    core = _DATE_LABEL.sub("", text.strip())
    core = _ZONE.sub(" ", _TIME.sub(" ", _WEEKDAY.sub(" ", core)))
    core = re.sub(r"[()\[\]]", " ", core)  # "(1:18 PM EST)": the brackets of a time gone
    core = re.sub(r"\s*[|•·,]\s*$", "", " ".join(core.replace("|", " ").split())).strip(" ,.-–—")
    if not core or len(core) > 40:
        return None
    if not (_HAS_MONTH.search(core) or _NUMERIC_DATE.search(core)):
        return None
    if _HAS_MONTH.search(core) and len(re.findall(r"\d+", core)) > 2:
        return None  # "10 January 13, 2009": one number too many to be one date
    if re.search(
        r"[A-Za-z]",
        _HAS_MONTH.sub("", core)
        .replace("of", "")
        .replace("th", "")
        .replace("st", "")
        .replace("nd", "")
        .replace("rd", ""),
    ):
        return None  # a word that is not part of a date: "Room 12, 4 March Street"
    fast = written_date(core)
    if fast == "":
        return None
    if fast is not None:
        year = int(fast[:4])
        return fast if 1900 <= year <= (today or dt.date.today()).year + 1 else None
    from dateutil import parser

    try:
        a = parser.parse(core, default=dt.datetime(1, 1, 1), ignoretz=True, fuzzy=False)
        b = parser.parse(core, default=dt.datetime(2, 2, 2), ignoretz=True, fuzzy=False)
    except (ValueError, OverflowError, parser.ParserError):
        return None
    if a.year != b.year:
        return None  # no year written
    if not 1900 <= a.year <= (today or dt.date.today()).year + 1:
        return None
    if a.month != b.month:
        return f"{a.year:04d}"
    if a.day != b.day:
        return f"{a.year:04d}-{a.month:02d}"
    return a.date().isoformat()


_DAY_MONTH_YEAR = re.compile(
    r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{4})$"
)
_MONTH_DAY_YEAR = re.compile(
    r"^(?P<m>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})$"
)
_MONTH_YEAR = re.compile(r"^(?P<m>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{4})$")
_ISO_DAY = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def written_date(core: str) -> str | None:
    """The written forms most heads and sentences use ("4 March 2024", "March 4, 2024",
    "March 2024", "2024-03-04"), read with a month table: an ISO date, "" for a day the month
    does not have, None for any other form (the caller's general parser takes those).
    dateutil costs about 0.1 ms a call and dateparser 3 ms; ingest reads every file's head,
    and a brief resolves every date its sentences give."""
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _MONTH_YEAR, _ISO_DAY):
        m = pattern.match(core)
        if not m:
            continue
        month_text = m.group("m")
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text[:3].lower())
        if month is None or not 1 <= month <= 12:
            return None
        year = int(m.group("y"))
        if "d" not in m.groupdict():
            return f"{year:04d}-{month:02d}"
        try:
            return dt.date(year, month, int(m.group("d"))).isoformat()
        except ValueError:
            return ""  # 31 February: a date line, but no day that exists
    return None


def date_in_url(url: str) -> str | None:
    """The date a news URL's path holds (``/2006/10/20/``, ``/20061020/``), if any."""
    m = _URL_DATE.search(url)
    if not m:
        return None
    y, mo, d = (
        (m.group("y"), m.group("m"), m.group("d"))
        if m.group("y")
        else (m.group("y2"), m.group("m2"), m.group("d2"))
    )
    try:
        if d:
            return dt.date(int(y), int(mo), int(d)).isoformat()
        return f"{int(y):04d}-{int(mo):02d}" if 1 <= int(mo) <= 12 else None
    except ValueError:
        return None


# A day written out at the head of a text, before its first sentence.
LEADING_DATE = re.compile(
    rf"^((?:\d{{1,2}}\s+{_MONTH},?\s+(?:19|20)\d{{2}})|(?:{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}))"
    r"[\s:–—-]+(?=[A-Z“\"])"
)


def date_below(
    paragraphs: list[str], taken: set[int], *, today: dt.date | None = None
) -> tuple[str, int | None] | None:
    """The day of a text whose head gave none: a line that is wholly a day among the short
    lines above the text ("3 December 2004" under a site name, a photo caption and a credit
    the head did not read), or a day opening its first paragraph ("December 27, 2004 Over the
    past week…", as a release starts). The date, and the line to leave out of the text (None
    where the day opens a paragraph that stays). Lines in ``taken`` are the head's own."""
    for i, raw in enumerate(paragraphs):
        if i in taken:
            continue
        if (m := LEADING_DATE.match(raw)) and (found := parse_date(m.group(1), today=today)):
            return found, None
        if len(raw) > 300:
            return None  # the text has begun
        # a table's row ("Preah Vihear | 850 | 31 March 2025") holds a date, it is not one
        short = len(raw) <= 60 and " | " not in raw
        found = parse_date(raw.strip(), today=today) if short else None
        if found and len(found) == 10:
            return found, i
    return None


def dated_title(line: str, *, today: dt.date | None = None) -> tuple[str, str | None]:
    """A title with its day run into it ("Internet Explorer loses market share: November 02,
    2004: By : NETWORKING"): the title before the day, and the day (None when it has none)."""
    parts = re.split(r":\s+", line)
    for k, part in enumerate(parts[1:], 1):
        if (day := parse_date(part, today=today)) and len(day) == 10:
            return ": ".join(parts[:k]), day
    return line, None
