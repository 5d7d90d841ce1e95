"""The headline tiles: the four figures an analyst would put in a box, and how a tile reads."""

from __future__ import annotations

import re
from collections import Counter

from briefs.compose.figures import SPANS, events_agree, generic_count, measure_of
from briefs.extract.attribution import recommends
from briefs.extract.counted import lemmas_of, singular
from briefs.extract.events import told_by_name
from briefs.model import Document, Figure
from briefs.retrieve import Scope
from briefs.salience import METHOD

# Verbs that say what a thing is about or where it belongs ("12 international legal instruments
# related to terrorism", "550 Japanese troops based in Samawah"): neither a development nor a
# word for the tile's label.
_RELATION = frozenset(
    "relate concern pertain belong correspond refer apply regard base locate".split()
)
# Verbs that say nothing happened to what is counted: "adding 15% tax", "includes 20 members".
_NO_DEVELOPMENT = (
    frozenset(
        "add include make have take give get use show produce see hold become bring put set keep "
        "cover contain involve represent total amount comprise account number".split()
    )
    | _RELATION
)
# Nouns that are themselves what happened: "20 civilian deaths", "79 injuries".
_EVENT_NOUNS = frozenset(
    "death fatality casualty injury killing arrest detention abduction displacement "
    "evacuation infection attack airstrike strike clash explosion".split()
)


def happens(f: Figure) -> bool:
    """Does the figure say what happened to what it counts (killed, displaced, deployed, or
    deaths and injuries), not only that it is there?"""
    if f.event:
        return f.event not in _NO_DEVELOPMENT
    counts = (f.counts or "").lower().split()
    return bool(counts) and singular(counts[-1]) in _EVENT_NOUNS


def tile_label(f: Figure) -> str:
    """What a headline tile says under its number: what is counted and, where the sentence
    says it, what happened to it, in the sentence's own word ("people displaced",
    "peacekeepers deployed")."""
    what = f.counts or f.unit or ""
    if not (f.event and what) or f.event in _RELATION:
        return what
    stem = f.event[: max(4, len(f.event) - 1)].lower()
    words = re.findall(r"[A-Za-z]+|[^A-Za-z\s]", f.quote)
    for i, word in enumerate(words):
        low = word.lower()
        if low.startswith(stem) and low.endswith("ed"):
            return f"{what} {low}{_object_of(words[i + 1 : i + 2])}"
    # Happening as the sentence tells it: "10,000 people fleeing their homes".
    going = re.match(r"\s+([a-z]+ing)\b", f.quote[f.quote.find(f.text) + len(f.text) :])
    if f.text in f.quote and going and going.group(1).startswith(stem):
        return f"{what} {going.group(1)}"
    # The sentence tells it happened in other words: "the massacre of 11 people", "were
    # beaten, then burned alive" (killed).
    told = told_by_name(f.event, f.quote)
    return f"{what} {told}" if told else what


_MODALS = frozenset("will would can could may might must shall should".split())


def _object_of(following: list[str]) -> str:
    """The noun a verb in the active takes right after it, where one does ("77 per cent of
    voters expressed support"): without it the label stops on a verb that needs it. Not a
    word that is also an adverb ("deployed overseas", "killed yesterday")."""
    if not following or not following[0].isalpha() or not following[0].islower():
        return ""
    if following[0] in _MODALS:
        return ""  # "the 100 tankers produced will …": the next verb, not an object
    kinds = lemmas_of(following[0])
    return f" {following[0]}" if "NOUN" in kinds and not {"ADV", "ADJ"} & kinds.keys() else ""


def with_development(f: Figure) -> str:
    """The figure as written, and what happened to it where its sentence says so in a word
    after it would read: "525,000 people displaced", "nearly 10,000 peacekeepers deployed"."""
    what = f.counts or f.unit or ""
    label = tile_label(f)
    if what and label != what and f.text.endswith(what):
        return f"{f.text} {label[len(what) :].strip()}"
    return f.text


# What is counted in every brief and says nothing by itself: no headline tile.
_GENERIC_TILES = {
    "country",
    "member",
    "member state",
    "state",
    "nation",
    "threshold",
    "time",
    "point",
    "organization",
    "organisation",
    "party",
    "round",
    "session",
    "meeting",
    "article",
    "issue",
    "page",
    "percent",
    "year",
}


# A tile shows what is, not what is aimed at or urged: a target, a goal, a plan.
_AIM = re.compile(
    r"\b(?:targets?|goals?|aims?|aiming|plans? to|planned|seeks? to|intends? to|"
    r"pledges? to|commit(?:s|ted)? to|commitments?|will|would)\b",
    re.IGNORECASE,
)
# Lengths and areas say where or how far, which is no development by itself.
_DISTANCE = re.compile(
    r"\b(?:nautical miles?|miles?|kilomet(?:re|er)s?|km|metres?|meters?|feet|square)\b"
)

# What a speaker welcomes, commends or applauds is another's deed, not the scope's own news.
_STANCE = re.compile(
    r"\b(?:welcom(?:es?|ed|ing)|commend(?:s|ed|ing)?|applaud(?:s|ed|ing)?|laud(?:s|ed|ing)?|"
    r"hail(?:s|ed|ing)?|congratulat(?:es?|ed|ing)|salut(?:es?|ed|ing))\b",
    re.IGNORECASE,
)
# A count of the world's whole: no tile of a country's brief, whoever quotes it.
_WORLD = re.compile(r"\b(?:world|global|worldwide)\b|\bplanet['’]s\b", re.I)


def tiles(
    figures: list[Figure], sources: dict[str, Document], scope: Scope, n: int = 4
) -> list[int]:
    """The figures an analyst would put in a box, by index: a specific counted thing and what
    happened to it (killed, displaced, deployed, pledged), or a sum or share of something
    named; recent, reported by more than one source where possible, one per source first.
    Generic counts (countries, members, thresholds) and spans of time never make a tile.
    ``figures`` are composition's, each already about the scope (``compose``'s figure rule)."""
    by_measure = Counter(f.measure for f in figures if f.measure)
    eligible = []
    for i, f in enumerate(figures):
        counts = (f.counts or "").lower()
        measure = singular(counts.split()[-1]) if counts else ""
        happened = happens(f)
        if f.measure in SPANS or measure in SPANS or generic_count(f):
            continue
        if (
            counts in _GENERIC_TILES
            or measure in _GENERIC_TILES
            or " ".join(counts.split()[-2:]) in _GENERIC_TILES
        ):
            continue
        if not happened and not (f.unit and f.counts):
            continue  # "20 countries", "41 people": nothing happened to them
        if METHOD.search(f.quote):
            continue  # "calculations were restricted to adults ≥45 because 98.1% of deaths …"
        if _aimed_at(f) and not (happened and tile_label(f) != (f.counts or f.unit)):
            # (what is told as done stays: "backing this commitment with action, Cambodia
            # has deployed nearly 10,000 peacekeepers")
            continue  # "the 10 per cent deployment target", "must meet 0.7 per cent of GNP"
        if not happened and _DISTANCE.search(f.text):
            continue  # "within 126 nautical miles of": where, not what happened
        if _STANCE.search(_before(f)):
            continue  # "welcomes the 100 per cent debt cancellation for the 38 …": others' act
        if scope.country and _WORLD.search(f.text):
            continue  # "80 per cent of world trade travels by sea": the world's, not the scope's
        date = sources[f.source].date if f.source in sources else None
        score = (2.0 if happened else 1.0) + (by_measure[f.measure] > 1 or bool(f.also))
        score += 0.5 * bool(scope.country and any(x in f.quote for x in scope.country.names))
        eligible.append((-score, -(int((date or "0")[:4])), i, f))
    eligible.sort(key=lambda e: e[:3])
    # One fact, one tile: "30 million trees" beside "20-30 million trees" from another source
    # tells the same count again (the table shows both, marked as differing).
    # Two sources' values of one measure, marked as differing ("$11.5 billion deal",
    # "$11 billion merger"), are one fact too: the table shows both.
    kept: list[Figure] = []
    unique = []
    for e in eligible:
        f = e[3]
        if any(_same_count(f, g) for g in kept):
            continue
        if any(figures[e2[2]] is not f and e2[2] in f.differs_from for e2 in unique):
            continue
        if _span(f):
            kept.append(f)
        unique.append(e)
    eligible = unique
    # One source's best development each before a second from any source; a figure where
    # nothing happened ("15% tax") never goes ahead of a development on that account.
    first: list[int] = []
    used: set[str] = set()
    for negated, _year, i, f in eligible:
        if f.source not in used and -negated >= 2.0:
            first.append(i)
            used.add(f.source)
    # One development, one tile: a second figure for the same event in the same source
    # ("nearly 10,000 peacekeepers" and "9,205 personnel" deployed) says it again.
    # Where nothing happened, one sentence gives one tile: the parts of a sum it lists
    # ("securities of $64.5 billion, and net loans of $25.1 billion, … 10.6% of total
    # assets") are one fact. "20 civilian deaths, 79 injuries and 525,000 people displaced"
    # are three developments.
    told = {(figures[i].source, figures[i].event) for i in first if figures[i].event}
    quoted = {figures[i].quote for i in first}
    rest = []
    for *_, i, f in eligible:
        if i in first or (f.event and (f.source, f.event) in told):
            continue
        if f.quote in quoted and not happens(f):
            continue
        rest.append(i)
        quoted.add(f.quote)
        if f.event:
            told.add((f.source, f.event))
    return sorted((first + rest)[:n])


def _before(f: Figure) -> str:
    """The words of the figure's sentence just before it (the whole sentence if not found)."""
    at = f.quote.find(f.text)
    return f.quote[max(0, at - 80) : at] if at >= 0 else f.quote


def _aimed_at(f: Figure) -> bool:
    """Whether the figure is what a sentence urges or what someone aims at, not what is: told
    in a recommendation, or with an aim in the words just before it ("we aim to attain the
    10 per cent deployment target", "the commitment to allocate 0.7 per cent of GNI")."""
    return bool(_AIM.search(_before(f)) or _AIM.match(f.text.split()[-1]) or recommends(f.quote))


def _same_count(f: Figure, g: Figure) -> bool:
    """The same thing counted, nothing else said to have happened to it, and values that
    overlap: one count told twice."""
    a, b = _span(f), _span(g)
    return (
        a is not None
        and b is not None
        and measure_of(f.counts, f.unit) == measure_of(g.counts, g.unit)
        and events_agree(f, g)
        and b[0] <= a[1]
        and a[0] <= b[1]
    )


def _span(f: Figure) -> tuple[float, float] | None:
    """The values a figure covers: its range, or its one value at both ends."""
    if f.low is not None and f.high is not None:
        return (f.low, f.high)
    return (f.value, f.value) if f.value is not None else None
