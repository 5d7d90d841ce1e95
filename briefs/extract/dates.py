"""Dates in a sentence, resolved against the document's own date.

Candidates are found with a regex (fast, exact spans); each is resolved with dateparser,
strictly set up (English only, first day of month for partial dates, relative to the
document's date), as the library notes advise: ``search_dates`` over whole text is slow and
reads "may be" as May.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from briefs.readers.printed_dates import written_date

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# English month names, for writing dates out; a tuple rather than calendar.month_name, which
# follows the process's locale and would make the same corpus give another brief.
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DAY = r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_KINDS = ("range", "mrange", "dmy", "mdy", "my", "md", "dm", "y", "wd", "dateline")
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_CANDIDATE = re.compile(
    rf"\b(?P<range>{_DAY})\s*(?:[–-]|to|and)\s*{_DAY}\s+(?P<range_my>{_MONTH}\.?(?:,?\s+{_YEAR})?)\b"
    rf"|\b(?P<mrange>{_MONTH})\s*[–-]\s*(?={_MONTH},?\s+(?P<mrange_y>{_YEAR})\b)"
    rf"|\b(?P<dmy>{_DAY}\s+{_MONTH}\.?,?\s+{_YEAR})\b"
    rf"|\b(?P<mdy>{_MONTH}\.?\s+{_DAY},?\s+{_YEAR})\b"
    rf"|\b(?P<my>{_MONTH}\.?,?\s+{_YEAR})\b"
    rf"|\b(?P<md>{_MONTH}\.?\s+{_DAY})\b(?!\s*,?\s*\d)"
    rf"|\b(?P<dm>{_DAY}\s+{_MONTH})\b(?!\.?,?\s+\d)"
    rf"|^(?:In|By|Since|From|Until)\s+(?:early\s+|late\s+|mid-)?(?P<y>{_YEAR})\b(?!\s*[-–])"
    rf"|\b(?P<wd>{_WEEKDAY})(?:'s)?(?:\s*\((?P<wd_day>{_DAY})\))?(?!\s*\(\s*{_MONTH})"
    rf"|^\((?:[A-Z][\w.'’-]*\s?){{1,4}},\s*(?P<dateline>{_DAY})\)"
)


_WHICH_YEAR = re.compile(r",?\s+(?:of\s+)?(last|this|next)\s+year\b", re.IGNORECASE)
_NAMED_BY_DATE = re.compile(r"\b[a-z]+ of\s+(?:the\s+)?$")
_NAMED_BY_DATE_AFTER = re.compile(r"\s+(?:attacks?|events?|bombings?|coup|tragedy)\b")


def _named_by_date(sentence: str, m: re.Match) -> bool:
    """Does the date name an event ("the events of 11 September", "the 11 September attacks")?"""
    before, after = sentence[: m.start()], sentence[m.end() :]
    return bool(
        _NAMED_BY_DATE.search(before)
        or (re.search(r"\bthe\s+$", before) and _NAMED_BY_DATE_AFTER.match(after))
    )


@dataclass(frozen=True)
class FoundDate:
    """A date in a sentence: ``text`` verbatim, ``date`` ISO at the precision the text gives."""

    text: str
    start: int
    date: str


def _base(doc_date: str | None) -> dt.datetime | None:
    if not doc_date:
        return None
    parts = [int(p) for p in doc_date.split("-")] + [1, 1]
    return dt.datetime(parts[0], parts[1], parts[2])


def _weekday(base: dt.datetime, weekday: int, day: str | None) -> dt.datetime | None:
    shift = (weekday - base.weekday()) % 7
    candidates = [base + dt.timedelta(days=shift), base + dt.timedelta(days=shift - 7)]
    best = min(candidates, key=lambda d: (abs((d - base).days), d > base))
    if abs((best - base).days) > 3:
        return None
    if day and int(re.match(r"\d+", day).group(0)) != best.day:
        return None  # "Wednesday (24th)" must agree with the calendar
    return best


def _parse(text: str, base_year: int | None = None) -> dt.datetime | None:
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text).replace(",", " ")
    if base_year is not None:
        cleaned = f"{cleaned} {base_year}"
    cleaned = " ".join(cleaned.split())
    # The candidates are shaped by _CANDIDATE: the head reader's month table reads them
    # (dateparser took 3 ms a date, a third of a brief's composition); anything else still
    # goes to dateparser.
    written = written_date(cleaned)
    if written == "":
        return None  # "31 February 2024": no such day
    if written is not None:
        year, month, day = ([int(x) for x in written.split("-")] + [1])[:3]
        return dt.datetime(year, month, day)
    import dateparser

    return dateparser.parse(
        cleaned,
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month", "year"]},
    )


_FULL_DATE = re.compile(
    rf"\b(?P<d1>{_DAY})\s+(?P<m1>{_MONTH})\.?,?\s+(?P<y1>{_YEAR})\b"
    rf"|\b(?P<m2>{_MONTH})\.?\s+(?P<d2>{_DAY}),?\s+(?P<y2>{_YEAR})\b"
)


@lru_cache(maxsize=64)
def _years_given(document: str) -> dict[tuple[str, int], int]:
    """Days and months the document dates in full, once each: ("sep", 11) -> 2001."""
    years: dict[tuple[str, int], set[int]] = {}
    for m in _FULL_DATE.finditer(document):
        month = (m.group("m1") or m.group("m2"))[:3].lower()
        day = int(re.match(r"\d+", m.group("d1") or m.group("d2")).group(0))
        years.setdefault((month, day), set()).add(int(m.group("y1") or m.group("y2")))
    return {key: found.pop() for key, found in years.items() if len(found) == 1}


def _year_given(text: str, document: str | None) -> int | None:
    if not document:
        return None
    day = int(re.search(r"\d+", text).group(0))
    month = re.search(_MONTH, text).group(0)[:3].lower()
    return _years_given(document).get((month, day))


def find_dates(
    sentence: str, doc_date: str | None = None, document: str | None = None
) -> list[FoundDate]:
    """Every date in ``sentence``; a day or month without a year takes the document's year.

    ``document`` is the whole text the sentence comes from: in a document dated only by
    month or year, a day and month it gives in full elsewhere ("after 11 September 2001")
    take that year where they come alone ("since 11 September"). A day and month with no
    year is dropped when the document has no day or month date (it cannot be placed). A day
    range ("7–8 January 2022") gives its first day.
    """
    base = _base(doc_date)
    coarse = (doc_date or "").count("-") < 2
    out = []
    for m in _CANDIDATE.finditer(sentence):
        kind = next(k for k in _KINDS if m.group(k))
        if kind == "y":
            out.append(FoundDate(m.group("y"), m.start("y"), m.group("y")))
            continue
        if kind == "wd":
            # A weekday names the nearest such day to a day-dated document (within three
            # days either way): a report of Tuesday 23 December says "on Monday" for the 22nd.
            if base is None or (doc_date or "").count("-") < 2:
                continue
            found = _weekday(base, _WEEKDAYS.index(m.group("wd")), m.group("wd_day"))
            if found:
                out.append(FoundDate(m.group(0), m.start(), found.strftime("%Y-%m-%d")))
            continue
        if kind == "dateline":
            # "(Kuala Lumpur, 23rd)": the day of the document's own month.
            if base is None or (doc_date or "").count("-") < 1:
                continue
            day = int(re.match(r"\d+", m.group("dateline")).group(0))
            try:
                found = base.replace(day=day)
            except ValueError:
                continue
            out.append(FoundDate(m.group(0), m.start(), found.strftime("%Y-%m-%d")))
            continue
        text = verbatim = m.group(0) if kind == "range" else m.group(kind)
        if kind == "range" and not re.search(r"\d{4}$", m.group("range_my")):
            # "from 16 to 18 September": the first day, placed as a day and month is.
            kind, text = "dm", f"{m.group('range')} {m.group('range_my')}"
        said_year = _year_given(text, document) if kind in ("md", "dm") and coarse else None
        if kind in ("md", "dm") and base is None and said_year is None:
            continue
        if kind == "my" and text.startswith("May") and not re.match(r"May\s+\d", text):
            continue
        if kind == "range":
            found = _parse(f"{m.group('range')} {m.group('range_my')}")
        elif kind == "mrange":
            # "(February-December, 2021)": the first month takes the year of the second, which
            # the next match reads as a month-year of its own.
            found = _parse(f"{m.group('mrange')} {m.group('mrange_y')}")
        elif said_year is not None and not _WHICH_YEAR.match(sentence[m.end() :]):
            # The document says which year this day and month fell in.
            found = _parse(text, said_year)
        elif kind in ("md", "dm") and _named_by_date(sentence, m) and coarse:
            # "the coup of 1 February", "the events of 11 September": an event named by its
            # date is usually a well-known past one, and a document dated only by month or
            # year cannot tell which year (a 2022 magazine means the 2021 coup).
            continue
        elif kind in ("md", "dm") and base:
            # A day and month take the document's year, or the year before when that would
            # put them more than two months after the document (December news, January date).
            # A document dated by year only (a speech of 2006) gives its year as it is.
            said = _WHICH_YEAR.match(sentence[m.end() :])
            if said:
                # "on 26 December last year", "on 24 September this year"
                shift = {"last": -1, "this": 0, "next": 1}[said.group(1).lower()]
                found = _parse(text, base.year + shift)
            else:
                found = _parse(text, base.year)
                if found and (doc_date or "").count("-") and found - base > dt.timedelta(days=62):
                    found = found.replace(year=found.year - 1)
        else:
            found = _parse(text)
        if found is None:
            continue
        iso = found.strftime("%Y-%m" if kind in ("my", "mrange") else "%Y-%m-%d")
        out.append(FoundDate(verbatim, m.start(), iso))
    return out
