"""Aboutness: whether a document is about a country, from what a reader goes by.

A reader knows an article is about France when France is in its title or its opening, and
when France is named more than the other places in it. Not every mention counts alike: a name
inside an enumeration of countries ("the United States, Japan, West Germany, France, Britain
and Canada"), a demonym that modifies a currency or a product ("Australian dollar bonds",
"French franc") and a capital standing for an accord ("the Louvre accord", "the Paris
agreement") are weak mentions: they say nothing of the country itself.

Ingest computes the signals once per document and country (``signals``); the score is worked
out from them at query time (``score``), the same for both stores.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from briefs import geo
from briefs.model import Document
from briefs.readers.dateline import dateline as read_dateline

ABOUT = 0.5  # a document at or above this score is about the country
SECONDARY = 0.3  # one at or above this has the country as a second subject
LEAD_CHARS = 400  # the opening a reader takes in at a glance: the first sentences

_LIST_GAP = re.compile(
    r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*/\s*)(?:the\s+)?(?:[A-Z][a-z]+\s+)?$"
)
_AFTER_WORD = re.compile(r"\s*([A-Za-z-]+)")
# What a demonym may modify without the text being about the country.
_MODIFIED = frozenset(
    "dollar dollars franc francs pound pounds sterling yen mark marks peso pesos rupee rupees "
    "ringgit baht won yuan renminbi dong crown crowns krona kronor krone kroner shilling "
    "shillings rand real reais lira lire riyal riyals dinar dinars dirham dirhams guilder "
    "guilders escudo escudos peseta pesetas drachma schilling currency bond bonds eurobond "
    "eurobonds paper notes wine wines cheese cuisine restaurant restaurants food style "
    "breed accent ocean".split()  # "the Indian Ocean" is a sea, not India
)
# What a capital may stand for without the text being about the country.
_ACCORD = frozenset(
    "accord accords agreement agreements club consensus declaration convention protocol "
    "treaty principles rules charter pact communique communiqué process plan "
    # a place naming a scale, a test or a negotiating round: "the Torino scale" (of asteroid
    # impact risk), "the Copenhagen criteria", "the Uruguay Round"
    "scale criteria syndrome round format".split()
)


@dataclass(frozen=True)
class Signals:
    """What a document says of one country: strong and weak mentions, whether the title or
    the opening names it (strongly), and its share of all strong country mentions."""

    iso3: str
    strong: int
    weak: int
    title: bool
    lead: bool
    share: float
    dateline: bool = False  # the story is filed from there: "PHNOM PENH –", "TOKYO (Reuters) -"
    passages: int = 0  # paragraphs that name it at all (what "material" counts)


def weak_flags(text: str) -> list[tuple[int, int, str, bool]]:
    """Every country mention in ``text`` as (start, end, iso3, weak)."""
    found = geo.mentions(text)
    if not found:
        return []
    if len(found) == 1:  # no list of one; only what follows the name can make it weak
        start, end, iso = found[0]
        return [(start, end, iso, _modifies(text, start, end, iso))]
    weak = [False] * len(found)
    # Enumerations: three or more names in a row, joined only by commas, "and", "or".
    run = [0]
    for k in range(1, len(found) + 1):
        joined = k < len(found) and _LIST_GAP.match(text[found[k - 1][1] : found[k][0]])
        if joined:
            run.append(k)
            continue
        if len({found[j][2] for j in run}) >= 3:
            for j in run:
                weak[j] = True
        run = [k]
    for k, (start, end, iso) in enumerate(found):
        if not weak[k]:
            weak[k] = _modifies(text, start, end, iso)
    return [(s, e, iso, w) for (s, e, iso), w in zip(found, weak, strict=True)]


def _modifies(text: str, start: int, end: int, iso: str) -> bool:
    """Whether the name at ``start``..``end`` only modifies what follows it: a demonym or alias
    before a currency or a product ("Australian dollar", "French franc"), a capital before an
    accord ("the Paris accord", "the Louvre agreement")."""
    after = _AFTER_WORD.match(text, end)
    word = after.group(1).lower() if after else ""
    if word in _ACCORD:
        return True
    if word not in _MODIFIED:
        return False
    country = geo.countries().get(iso)
    return bool(country) and text[start:end] != country.name


_CAPS = re.compile(r"[A-Z]{3}")


def _readable(text: str) -> str:
    """A title or dateline set in capitals ("JAPAN TRADE SURPLUS WIDENS", "TOKYO, March 3 -")
    in title case, so that names are matched as a reader reads them (only there: in running
    text a word in capitals is more often an acronym)."""
    if not _CAPS.search(text):
        return text
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.6:
        return re.sub(r"[A-Za-z][A-Za-z'’]*", lambda m: m.group(0).capitalize(), text)
    return re.sub(r"\b[A-Z]{3,}\b", lambda m: m.group(0).capitalize(), text)


def signals(doc: Document) -> list[Signals]:
    """The aboutness signals of ``doc`` for every country it names."""
    strong: Counter[str] = Counter()
    weak: Counter[str] = Counter()
    named: Counter[str] = Counter()
    lead: set[str] = set()
    dateline: set[str] = set()
    first = doc.paragraphs[0] if doc.paragraphs else ""
    head = read_dateline(first)
    if head:
        dateline = {iso for *_, iso, _weak in weak_flags(_readable(first[: head.end]))}
    offset = 0
    for paragraph in doc.paragraphs:
        found = weak_flags(paragraph)
        named.update({iso for *_, iso, _weak in found})
        for start, _end, iso, is_weak in found:
            if is_weak:
                weak[iso] += 1
            else:
                strong[iso] += 1
                if offset + start < LEAD_CHARS:
                    lead.add(iso)
        offset += len(paragraph) + 1
    title = {iso for *_, iso, is_weak in weak_flags(_readable(doc.title or "")) if not is_weak}
    total = sum(strong.values()) or 1
    return [
        Signals(
            iso,
            strong[iso],
            weak[iso],
            iso in title,
            iso in lead,
            round(strong[iso] / total, 4),
            iso in dateline,
            named[iso],
        )
        for iso in sorted(set(strong) | set(weak) | title)
    ]


def score(s: Signals, declared: bool = False) -> float:
    """How much a document is about the country, 0 to 1 (``ABOUT`` and up: it is about it).

    The title weighs most, then the opening and the dateline, then the share of mentions; a
    country named most often, at least three times, counts as a subject even when the title
    names another, and one named ten times or more as a second subject.
    """
    if declared:
        return 1.0
    value = 0.45 * s.title + 0.3 * s.lead + 0.15 * s.dateline + 0.3 * s.share
    value += 0.1 * min(s.strong, 4) / 4
    if s.share >= 0.5 and s.strong >= 3:
        value = max(value + 0.2, ABOUT)
    if s.share >= 0.25 and s.strong >= 10:
        value += 0.15
    return round(min(value, 1.0), 4)


def first_subject(doc: Document, iso3: str) -> bool:
    """Whether ``doc`` is about the country ``iso3`` at least as much as about any other (by
    ``score``): a report on Hun Sen's visit to Myanmar, mostly about Myanmar, is not
    Cambodia's first subject; "Malaysia's mediation: the quiet broker", set in southern
    Thailand, is Malaysia's."""
    country = geo.countries().get(iso3)
    if doc.country and country and doc.country == country.name:
        return True  # the metadata declares it, as retrieval takes it
    scores = {s.iso3: score(s) for s in signals(doc)}
    return scores.get(iso3, 0.0) >= max(scores.values(), default=0.0)
