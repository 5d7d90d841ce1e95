"""Key figures: numbers that count something, with what they count, from one sentence.

A regex, not quantulum3: the library notes found quantulum3 drops counted nouns and misreads
currencies, while one pattern (qualifier, currency, number, scale, unit, counted noun) is exact
and fast. Dates, years, ordinals, clock times, session and list numbers are masked first.

What a number counts is found by ``briefs.extract.counted``; this module finds the numbers,
their qualifier, currency, scale and unit, and decides which are figures at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from briefs.extract.counted import (
    PARTITIVE,
    QUALIFIER,
    SPANS,
    TIME_WORDS,
    antecedent,
    coordinated,
    counted,
    head_noun,
    plural,
    singular,
    word_kinds,
)
from briefs.extract.events import event, event_verb

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
    r"\b\d+[- ](?:year|month|week|day)s?[- ]old\b",  # ages: "a 13-year-old boy"
    r"\b\d{1,2}\s*[ap]\.m\.",
    r"\b\d{1,2}\s*[ap]m\b",  # "4am Saturday", "10 pm": a clock time
    r"\b\d+(?:st|nd|rd|th)\b",
    r"\b(?i:No|Vol|Issue|Article|Chapter|Section|Resolution|paragraph|para|page|p|pp|Table|Figure|"
    r"Protocol|Phase|Level|Class|Grade|Decree|Law|Order|Session|Item|Rule|Goal|SDG|Target|"
    r"Agenda|Group of|Annex|Appendix|Schedule|Part|Tier|Category)s?\.?\s*#?\d[\d./-]*"
    r"(?:\s+and\s+\d+)?",
    r"\bage[sd]?\s+(?:of\s+|from\s+|between\s+)?\d+(?:\s*(?:to|-|–|and)\s*\d+)?",
    r"#\d+",
    r"\b\d+°\d+\s?C\b",  # "1°5C": a degree sign standing in for the point of 1.5°C
    r"\b[A-Z]{1,6}[-/]\d[\w./-]*",  # COVID-19, A/70/PV.19, Su-30
    r"\bCOVID-?\s?19\b",
    r"\b\d[\w./-]*[A-Z]{2,}\b",  # 5PC, 4G
    r"\+?\d[\d ()-]{8,}\d",  # phone numbers
    r"\b(?:1[89]|20|21)\d{2}(?:\s*[-–/]\s*(?:1[89]|20|21)?\d{2})?s?\b(?![,.]\d)",  # years, 2012–13
    r"^\s*\(?\d{1,2}[.)]\s",  # list numbering
]
_MASK = re.compile("|".join(f"(?:{m})" for m in _MASKS))

_CUR = r"(?:US\$|USD|US dollars|\$|€|EUR|£|GBP|¥|RM|THB|KHR|VND|PHP|IDR|MMK|SGD)"
CURRENCY = _CUR  # the currencies a figure's text may open with, for the tiles' short form
# ASCII digits only: Burmese numerals (၁၁) are out of scope, and ``\d`` would take them.
# European reports group thousands with a (thin or no-break) space: "26 000 inhabitants".
_NUM = (
    r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?![0-9.,])"
    r"|[0-9]+(?:\.[0-9]+)?"
)
# Wire copy abbreviates: "150 mln dlrs", "1.5 bln", "4.2 pct", "12 mln stg".
_SCALE = r"(?:thousand|million|billion|trillion|bn|mn|mln|bln|m)\b"
_PCT = r"(?:%|\s?per\s?cent\b|\s?percent\b|\s?pct\b)"
# Currencies named after the number ("20,000 kyat", "5 million baht").
_CUR_WORD = (
    r"(?:kyats?|baht|riels?|dong|ringgit|rupiah|pesos?|yuan|yen|rupees?|dollars|euros|"
    r"US dollars|dlrs?|stg|marks|francs|guilders|lire|pounds|sterling)\b"
)
# How a wire writes a currency after its number, as a reader names it.
_CUR_NAMES = {"dlr": "$", "dlrs": "$", "stg": "£", "sterling": "£", "pounds": "£"}
_UNIT = (
    r"(?:megawatts?|MW|gigawatts?|GW|kilowatts?|km2|km|kilometres?|kilometers?|miles?|metres?|"
    r"meters?|tonnes?|tons?|hectares?|ha|square kilomet(?:re|er)s?|sq km|acres?|litres?|"
    r"barrels?|kg|kilograms?|degrees? Celsius|nautical miles)\b|°C\b|°F\b"
)
# "250-member Senate", "a 40-day truce": the number counts the word it is hyphened to.
_COMPOUND = re.compile(r"-(?!(?:thousand|million|billion|trillion|fold)\b)([a-z]+)\b(?!-old)")
_FIGURE = re.compile(
    rf"(?P<qual>\b{QUALIFIER}\s+)?"
    rf"(?P<cur>{_CUR}\s?)?"
    rf"(?P<num>{_NUM})"
    # "1 million to 2 million hectares": the low end may carry its own scale.
    rf"(?:\s?(?P<scale1>{_SCALE})(?=\s*(?:to|-|–)\s*(?:{_CUR}\s?)?[0-9]))?"
    rf"(?:\s*(?:to|-|–|and)\s*(?P<cur2>{_CUR}\s?)?(?P<num2>{_NUM}))?"
    rf"(?:\s?(?P<scale>{_SCALE}))?"
    rf"(?P<pct>{_PCT})?"
    rf"(?:\s?(?P<unit>{_UNIT}))?"
    rf"(?:\s(?P<cur_word>{_CUR_WORD}))?"
)
# A Capitalized word (not the sentence's first) right before a number makes it part of a name.
_NAMED_NUMBER = re.compile(r"\S\s+[A-Z][a-z]+\s$")
# A model designation: a number after a capitalised word (not a sentence's first) with a
# variant after a dash that is shorter than it, so never the upper end of a range: "Boeing
# Model 737–8", "Model 787-9".
_DESIGNATION = re.compile(r"\w[,;]?\s+[A-Z][a-z]+\s+([0-9]{3,4})[–-]([0-9]{1,3})\b")
# Three or four digits with no thousands comma after a name: a model ("Boeing 767", "Airbus
# 380"); a count that large after a name is written "Thailand's 1,200 troops".
_MODEL = re.compile(r"[0-9]{3,4}")
_DOT_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_SPELT = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand"
)
_NUMBER_WORD = re.compile(rf"\b(?:{_SPELT})\s*$", re.IGNORECASE)
_FROM = re.compile(rf"\bfrom\s+(?:{QUALIFIER}\s+)?$")
# Words for an amount of something else: a percentage of them is a percentage of that.
_SHARE_OF = {"amount", "total", "number", "share", "proportion", "volume", "value", "sum"}
_SCALES = {
    "thousand": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "bln": 10**9,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
}


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
    # What happened to what is counted, when the sentence says so next to the number:
    # "killed at least 1,600 people" and "525,000 people displaced" are not the same measure.
    event: str | None = None


def _mask(sentence: str) -> str:
    return _MASK.sub(lambda m: "\x00" * len(m.group(0)), sentence)


def _scaled(s: str, scale: int, grouped_by_dots: bool = False) -> float:
    """The number times its scale, in decimal: 8.2 million is 8200000.0, not 8199999.999…"""
    if grouped_by_dots:
        s = s.replace(".", "")
    return float(Decimal(re.sub(r"[,\s]", "", s)) * scale)


def find_figures(sentence: str) -> list[FoundFigure]:
    """Every figure in ``sentence`` that has a currency, percentage, unit or counted noun."""
    return list(_figures(sentence))


# Composition scores every candidate sentence by its figures and then reads the figures of the
# same sentences again; the claim check asks once more.
@lru_cache(maxsize=8192)
def _figures(sentence: str) -> tuple[FoundFigure, ...]:
    masked = _mask(sentence)
    out: list[FoundFigure] = []
    for m in _FIGURE.finditer(masked):
        if "\x00" in m.group(0) or not m.group("num"):
            continue
        start, end = m.span()
        if start > 0 and (masked[start - 1].isalnum() or masked[start - 1] in "./-+\x00"):
            continue
        if m.group("num2") and not re.search(r"\b(?:to|and)\b|[-–]", m.group(0)):
            continue
        cur_word = m.group("cur_word")
        cur = (m.group("cur") or "").strip() or None
        if cur_word:
            cur = "$" if cur_word.endswith("dollars") else _CUR_NAMES.get(cur_word, cur_word)
        pct = m.group("pct")
        unit = "%" if pct else (m.group("unit") or cur)
        counts, used, full = None, 0, True
        after = sentence[end:]
        if after.startswith(")") and start > 0 and sentence[start - 1] == "(":
            # "eighteen (18) years": the figure is the bracketed numeral and what follows it;
            # "(1) facilitating trade; (2) …" is list numbering.
            if not _NUMBER_WORD.search(sentence[: start - 1]):
                continue
            start, end, after = start - 1, end + 1, after[1:]
        compound = _COMPOUND.match(after) if not (pct or unit) else None
        if compound and head_noun(compound.group(1)) and word_kinds(compound.group(1)):
            counts, used = compound.group(1), compound.end()
        elif pct:
            of = re.match(
                r"\s+of\s+(?:the\s+|our\s+|its\s+|their\s+|all\s+)?(?:[0-9][0-9,.]*\s+)?", after
            )
            if of:
                counts, used, full = counted(after[of.end() :])
                used = used + of.end() if counts else 0
                share = re.match(r"\s+of\s+(?:the\s+)?", after[used:])
                if counts and share and counts.split()[-1].lower() in _SHARE_OF:
                    # "50 per cent of the total amount of electricity": a share of electricity
                    more, more_used, full = counted(after[used + share.end() :])
                    if more:
                        counts, used = more, used + share.end() + more_used
                if (
                    counts
                    and not plural(counts.split()[-1])
                    and re.match(r"\s+(?:and|or)\s+[a-z]", after[used:])
                ):
                    # "30 per cent of plant and animal species"
                    counts = coordinated(counts, after[used:])
            else:
                # "7% annual GDP growth", "15% tax": the share of what follows it directly.
                counts, used, full = counted(after)
                if counts and counts.split()[-1] in TIME_WORDS:
                    counts, used = None, 0
            counts = counts if full else None
        else:
            counts, used, full = counted(after)
            partitive = PARTITIVE.match(after) if not counts else None
            if partitive:
                # "45 of our 450 doctors", "more than 100 of our citizens"
                counts = counted(after[partitive.end() :])[0]
            singular = not counts or not plural(counts.split()[-1])
            if not unit and singular and _scaled(m.group("num"), 1) != 1:
                counts = coordinated(counts, after[used:])
            if unit:
                counts = counts if full else None
            elif re.search(r"\b(?:under|aged)\s+$", sentence[:start]) or re.match(
                r"\s+per\b", sentence[end:]
            ):
                counts = counts if full else None  # "children under 5", "8.6 per 1,000 births"
            elif not full or counts is None:
                counts = antecedent(sentence[:start]) or _listed_with(out, sentence, start)
        if counts and counts.lower() in _WHOLE:
            counts = None  # "EUR 20 million of the whole funding": a share of, not a count of
        if counts == "others":
            counts = _others_of(out, sentence[:start]) or counts
        if not (cur or pct or unit or counts):
            continue
        if not pct and re.search(
            r"\b(?:per|out of|in every|(?:one|[0-9][0-9,.]*) in)\s+$", sentence[:start]
        ):
            continue  # a rate's base: "8.6 per 1,000 births", "220 out of 1,000", "one in 1,000"
        if (
            not (m.group("qual") or cur or pct)
            and _NAMED_NUMBER.search(sentence[:start])
            and (
                not (counts and plural(counts.split()[-1]) and not counts[:1].isupper())
                or _MODEL.fullmatch(m.group("num"))
            )
        ):
            # a number in a name: "Kim Jong 11", "the Thailand 4.0 programme", "the Developing
            # 8 Countries"; a maker's model, however plural what follows ("Boeing 767 aircraft")
            continue
        if re.match(r"s\b", sentence[end:]):
            continue  # "the 767s": a model named in the plural, not a count
        if not (cur or pct or unit) and _IDENTIFIER.search(sentence[:start]):
            continue  # "Missouri zip 63848", "Form 1040", "flight 370": a number that names
        if (
            not sentence[:start].strip()
            and not m.group("qual")
            and not unit
            and counts
            and counts[:1].isupper()
            and not plural(counts.split()[-1])
        ):
            continue  # a paragraph number: "14 Singapore also supports …", "6 First, we must …"
        if m.group("scale") == "m" and not cur:
            continue  # "5 m" is metres more often than millions
        scale = _SCALES.get((m.group("scale") or "").lower(), 1)
        # "3.000 civilians": a count of people is a whole number, so the dot groups thousands.
        dots = bool(counts and not unit and _DOT_THOUSANDS.fullmatch(m.group("num")))
        value = _scaled(m.group("num"), _SCALES.get((m.group("scale1") or "").lower(), scale), dots)
        low = high = None
        if m.group("num2"):
            low, high = value, _scaled(m.group("num2"), scale)
            if _FROM.search(sentence[:start]) and re.search(r"\bto\b", m.group(0)):
                # "from 53.6 to 69.3 years" is a change between two values, not a range:
                # both are figures of what the second counts.
                first_end = m.end("scale1") if m.group("scale1") else m.end("num")
                out.append(
                    FoundFigure(sentence[start:first_end], start, low, None, None, unit, counts)
                )
                start = m.start("cur2") if m.group("cur2") else m.start("num2")
                value, low, high = high, None, None
            elif high < low:
                continue
            else:
                value = None
        if counts and (rate := _RATE.match(sentence, end + used)):
            # "135.0 deaths per 100,000 population": a rate, told and measured whole
            used = rate.end() - end
            counts = f"{counts} {' '.join(rate.group(0).split())}"
        elif not (unit or pct) and re.match(r"\s+population\b", sentence[end:]):
            continue  # a rate's base: "29.7 per 100,000 population" ("a population of" counts)
        text = sentence[start : end + used].strip().rstrip(",.;:")
        happened = None
        if counts:
            # "4,200 crossing into Thailand": the verb is the phrase the number took.
            weak = sentence[end : end + used] if not full else ""
            happened = event_verb(weak) or event(sentence[:start], sentence[end + used :])
        out.append(FoundFigure(text, start, value, low, high, unit, counts, happened))
    return tuple(out)


def _listed_with(out: list[FoundFigure], sentence: str, start: int) -> str | None:
    """What the figure just before counts, when this number is listed with it ("3,000 in
    Rakhine and 1,200 in Chin"), not one a clause away ("all 50 states …, that is, grades 3–8")."""
    if not out or not out[-1].counts or out[-1].unit:
        return None
    between = sentence[out[-1].start + len(out[-1].text) : start]
    return (
        out[-1].counts
        if len(between) <= 40 and not re.search(r"[;:(]|, \w+ \w+,", between)
        else None
    )


# Words after which a number names one thing, it counts nothing.
_IDENTIFIER = re.compile(
    r"\b(?:zip(?: code)?|postcode|postal code|no\.|number|form|flight|route|room|page|pages|"
    r"article|section|chapter|paragraph|resolution|case|docket|item|line|box|exhibit|table|"
    r"figure|annex|appendix|code)\s+$",
    re.IGNORECASE,
)
_WHOLE = frozenset(("whole", "total", "entire", "rest", "remainder", "bulk"))
# A count spelt out, and the plural it counts: "killed sixteen people and wounded 38 others".
_SPELT_COUNT = re.compile(
    rf"\b(?:{_SPELT}|dozens?|scores|hundreds|thousands)\s+(?:of\s+)?(?:[a-z]+\s+){{0,2}}?"
    r"([a-z]+s|people)\b",
    re.IGNORECASE,
)


def _others_of(found: list[FoundFigure], before: str) -> str | None:
    """What "others" counts: the thing counted just before it in the sentence ("killed 12
    people and injured 40 others" counts people twice), in figures or in words."""
    if found and found[-1].counts:
        return found[-1].counts
    # not a span of time ("two weeks ago") nor a multiplier ("three times as many")
    spelt = [
        w.lower()
        for w in _SPELT_COUNT.findall(before)
        if singular(w.lower()) not in SPANS and w.lower() != "times"
    ]
    return spelt[-1] if spelt else None


# A rate's base after what a number counts: "per 100,000 standard population", "per 1,000
# live births", "per capita".
_RATE = re.compile(
    r"\s+per\s+(?:capita\b|(?:[0-9][0-9,.]*|one|a|an|each|every)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:population|people|persons|inhabitants|residents|births|live births|adults|children|"
    r"women|men|households|km2|square kilometres|square miles)\b)"
)


# A maker's model after its name or code ("Boeing 767", "KC-767", "Airbus 380"), not a year.
_MAKER_MODEL = re.compile(r"\b(?:[A-Z][a-z]+\s+|[A-Z]{1,4}-\s?)([0-9]{3,4})\b(?![,.][0-9])")


def designations(text: str) -> frozenset[float]:
    """Numbers ``text`` writes as a model's name ("Boeing Model 737–8", "Boeing 767"): in the
    same document a bare "737 MAX airplanes" or "767 aircraft" names that model, it counts
    nothing."""
    named = {
        float(m.group(1)) for m in _DESIGNATION.finditer(text) if len(m.group(2)) < len(m.group(1))
    }
    named |= {
        float(m.group(1))
        for m in _MAKER_MODEL.finditer(text)
        if not 1900 <= int(m.group(1)) <= 2099 and not _NOT_MAKERS.match(m.group(0))
    }
    return frozenset(named)


# Capitalised words before a number that are no maker: a sentence's or a list's opening.
_NOT_MAKERS = re.compile(
    r"(?:About|Almost|Around|Nearly|Over|Some|Only|Just|More|Fewer|Less|Least|Most|The|By|"
    r"In|On|At|Of|For|With|From|To|And|But|Page|Article|Section|Resolution|No|Room|Flight|"
    r"Highway|Route|Road|Street)\s"
)
