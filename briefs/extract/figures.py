"""Key figures: numbers that count something, with what they count, from one sentence.

A regex, not quantulum3: the library notes found quantulum3 drops counted nouns and misreads
currencies, while one pattern (qualifier, currency, number, scale, unit, counted noun) is exact
and fast. Dates, years, ordinals, clock times, session and list numbers are masked first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MASKS = [
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}\b",
    rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}",
    rf"\b{_MONTHS}\s+\d{{4}}\b",
    r"\b\d{1,2}:\d{2}\b(?:\s*[ap]\.?m\.?)?",
    r"\b\d{1,2}\s*[ap]\.m\.",
    r"\b\d+(?:st|nd|rd|th)\b",
    r"\b(?:No|Vol|Issue|Article|Chapter|Section|Resolution|paragraph|para|page|p|pp|Table|Figure|"
    r"Protocol|Phase|Level|Class|Grade|Decree|Law|Order|Session|Item|Rule)\.?\s*#?\d[\d./-]*",
    r"#\d+",
    r"\b[A-Z]{1,6}[-/]\d[\w./-]*",  # COVID-19, A/70/PV.19, Su-30
    r"\b\d[\w./-]*[A-Z]{2,}\b",  # 5PC, 4G
    r"\+?\d[\d ()-]{8,}\d",  # phone numbers
    r"\b(?:1[89]|20|21)\d{2}(?:\s*[-–/]\s*(?:1[89]|20|21)?\d{2})?s?\b(?![,.]\d)",  # years, 2012–13
    r"^\s*\(?\d{1,2}[.)]\s",  # list numbering
]
_MASK = re.compile("|".join(f"(?:{m})" for m in _MASKS))

_QUAL = (
    r"(?:more than|over|about|around|nearly|almost|approximately|at least|at most|up to|some|"
    r"roughly|fewer than|less than|close to|an estimated|estimated|just over|just under|"
    r"below|above)"
)
_CUR = r"(?:US\$|USD|US dollars|\$|€|EUR|£|GBP|¥|RM|THB|KHR|VND|PHP|IDR|MMK|SGD)"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:thousand|million|billion|trillion|bn|mn|m)\b"
_PCT = r"(?:%|\s?per\s?cent\b|\s?percent\b)"
_UNIT = (
    r"(?:megawatts?|MW|gigawatts?|GW|kilowatts?|km2|km|kilometres?|kilometers?|miles?|metres?|"
    r"meters?|tonnes?|tons?|hectares?|ha|square kilomet(?:re|er)s?|sq km|acres?|litres?|"
    r"barrels?|kg|kilograms?)\b"
)
_STOP = set(
    """of in on at to for from by with and or but the a an across since over under between
    among during into as than that which who were was are is have had has been be per each
    including about after before this these those its their his her will would could may might
    can also more less when where while such both all other out through throughout via against
    within without toward towards upon along around beyond near like because if then there here
    so not no now ago later earlier old long away off up down back being worldwide annually
    respectively alone together altogether overall last next""".split()
)
_TIME_WORDS = {"year", "years", "month", "months", "week", "weeks", "day", "days"}
# "250-member Senate", "a 40-day truce": the number counts the word it is hyphened to.
_COMPOUND = re.compile(r"-([a-z]+)\b(?!-old)")
_FIGURE = re.compile(
    rf"(?P<qual>\b{_QUAL}\s+)?"
    rf"(?P<cur>{_CUR}\s?)?"
    rf"(?P<num>{_NUM})"
    rf"(?:\s*(?:to|-|–|and)\s*(?P<num2>{_NUM}))?"
    rf"(?:\s?(?P<scale>{_SCALE}))?"
    rf"(?P<pct>{_PCT})?"
    rf"(?:\s(?P<unit>{_UNIT}))?"
)
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
_NOUN_WORD = re.compile(r"[a-z][a-z-]*[a-z]|[A-Z]{2,6}s?")


@dataclass(frozen=True)
class FoundFigure:
    """A figure in a sentence: ``text`` is a verbatim span of it, ``start`` its offset."""

    text: str
    start: int
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    counts: str | None


def _mask(sentence: str) -> str:
    return _MASK.sub(lambda m: "\x00" * len(m.group(0)), sentence)


def _number(s: str) -> float:
    return float(s.replace(",", ""))


def _counted(rest: str) -> tuple[str | None, int]:
    """The noun phrase a number counts: up to three content words right after it."""
    words: list[str] = []
    pos = 0
    for m in re.finditer(r"\S+", rest):
        if m.start() - pos > 1 and words:
            break
        token = m.group(0)
        word = token.rstrip(',.;:)”"’')
        if word.lower() in _STOP or not _NOUN_WORD.fullmatch(word):
            break
        words.append(word)
        pos = m.start() + len(word)
        if len(words) == 3 or word != token:
            break
    return (" ".join(words) or None), pos


def find_figures(sentence: str) -> list[FoundFigure]:
    """Every figure in ``sentence`` that has a currency, percentage, unit or counted noun."""
    masked = _mask(sentence)
    out = []
    for m in _FIGURE.finditer(masked):
        if "\x00" in m.group(0) or not m.group("num"):
            continue
        start, end = m.span()
        if start > 0 and (masked[start - 1].isalnum() or masked[start - 1] in "./-\x00"):
            continue
        if m.group("num2") and not re.search(r"\b(?:to|and)\b|[-–]", m.group(0)):
            continue
        cur = (m.group("cur") or "").strip() or None
        pct = m.group("pct")
        unit = "%" if pct else (m.group("unit") or cur)
        counts, used = (None, 0)
        after = sentence[end:]
        if after.startswith(")") and start > 0 and sentence[start - 1] == "(":
            # "eighteen (18) years": the figure is the bracketed numeral and what follows it.
            start, end, after = start - 1, end + 1, after[1:]
        compound = _COMPOUND.match(after) if not (pct or m.group("unit")) else None
        if compound:
            counts, used = compound.group(1), compound.end()
        elif pct:
            of = re.match(r"\s+of\s+(?:the\s+)?", after)
            if of:
                counts, used = _counted(after[of.end() :])
                used += of.end() if counts else 0
            else:
                # "7% annual GDP growth", "15% tax": the share of what follows it directly.
                counts, used = _counted(after)
                if counts and counts.split()[-1] in _TIME_WORDS:
                    counts, used = None, 0
        else:
            counts, used = _counted(after)
        if not (cur or pct or m.group("unit") or counts):
            continue
        if m.group("scale") == "m" and not cur:
            continue  # "5 m" is metres more often than millions
        scale = _SCALES.get((m.group("scale") or "").lower(), 1.0)
        value = _number(m.group("num")) * scale
        low = high = None
        if m.group("num2"):
            low, high = value, _number(m.group("num2")) * scale
            if high < low:
                continue
            value = None
        text = sentence[start : end + used].strip().rstrip(",.;:")
        out.append(FoundFigure(text, start, value, low, high, unit, counts))
    return out
