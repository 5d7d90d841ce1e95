"""The figures table: which numbers a brief shows, what they count, and which agree."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from briefs.about import weak_flags
from briefs.extract.clauses import states_something
from briefs.extract.counted import SPANS, plural, singular, word_kinds
from briefs.extract.dates import find_dates
from briefs.extract.figures import FoundFigure, designations, find_figures
from briefs.extract.money import money_measure
from briefs.extract.sentences import split
from briefs.model import Cite, Document, Figure
from briefs.retrieve import Scope

_AS_OF = re.compile(r"\b(?:as of|in|at the end of)\s+((?:19|20)\d{2})\b", re.IGNORECASE)


def measure_of(counts: str | None, unit: str | None, event: str | None = None) -> str | None:
    """What a figure measures: its counted noun, unit and event ("people (displace)")."""
    if not counts and not unit:
        return None
    words = (counts or "").lower().split()
    if words:
        words[-1] = singular(words[-1])
        if unit and unit != "%":
            # a sum paid for one company buying another is the deal's, whatever the story
            # calls it ("$11.5 billion deal", "$11 billion merger")
            words[-1] = _DEAL_WORDS.get(words[-1], words[-1])
    measure = " ".join(x for x in (" ".join(words), unit if unit != "%" else "percent") if x)
    return f"{measure} ({event})" if event else measure


_DEAL_WORDS = {w: "deal" for w in ("merger", "acquisition", "takeover", "buyout", "purchase")}
_GENERIC_MEASURES = {"people", "person", "individual", "other"}
# Measures that are spans of time (``SPANS``): never marked as differing, never a tile.


def generic_count(f: Figure) -> bool:
    """People with nothing said of them ("53 million people", "10 million Filipinos"), and
    spans of time ("6 years" in prison, "more than 20 years" of peace)."""
    if f.measure in _GENERIC_MEASURES or f.measure in SPANS:
        return True
    words = (f.counts or "").split()
    return len(words) == 1 and words[0][:1].isupper() and f.event is None


_DURATIONS = {
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "decade",
    "decades",
    "minute",  # "a 10-minute test flight"
    "minutes",
    "seconds",
    "times",
    "issues",
    "articles",
    "points",
    "pages",
    "rounds",
}


# "the worst atrocities since the coup was mounted on 1 February 2021, including the massacre
# of 11 people": a date after "since" in the same clause is where a span starts, not the day
# the figure was true.
_SINCE = re.compile(r"\b(?:since|after)\b[^,;]*$", re.IGNORECASE)
_AHEAD = re.compile(
    r"\b(?:expected|next|planned|scheduled|due|by|until|till|before|target(?:ed)?)\W+"
    r"(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)


def figures_of(
    passages,
    docs: dict[int, Document],
    n: int,
    scope: Scope,
    speaks_for: Callable[[int, str], bool] = lambda doc, sentence: True,
) -> list[Figure]:
    """The ``n`` strongest figures: on the country, counting people or things, not durations;
    from sentences that ``speaks_for`` lets speak for the scope."""
    ranked: list[tuple[float, int, Figure]] = []
    # What each figure's text was said to undergo in each document: one text, one fact, unless
    # something else happened to it ("killed 30 people and the blast injured 30 people").
    seen: dict[tuple[str, int], set[str | None]] = {}
    events: set[tuple[float | None, str, int]] = set()
    named: dict[int, frozenset[float]] = {}
    for rank, p in enumerate(passages):
        for sentence in split(p.text):
            found = find_figures(sentence)
            if not found or not states_something(sentence):
                continue  # a figure is a claim a sentence makes, not a field of a table
            if not speaks_for(p.doc_id, sentence):
                continue  # Xinjiang's population, from a sentence naming the scope as a neighbour
            dates = find_dates(sentence, docs[p.doc_id].anchor_date, docs[p.doc_id].text)
            # "expected date of next election: July 2028" names when, not as of when
            full = [
                d.date
                for d in dates
                if d.date.count("-") >= 1
                and not _AHEAD.search(sentence[: d.start])
                and not _SINCE.search(sentence[: d.start])
            ]
            year = _AS_OF.search(sentence)
            as_of = full[0] if full else (year.group(1) if year else None)
            doc_date = docs[p.doc_id].date
            if as_of and doc_date and as_of[:4] > doc_date[:4]:
                as_of = None  # "by 2050" is a target, not the date the figure refers to
            for f in found:
                told = seen.get((f.text, p.doc_id))
                if told is not None and not (f.event and not told & {f.event, None}):
                    continue
                if not (f.counts or f.unit):
                    continue
                if f.unit and not f.counts and f.unit != "%":
                    # A sum of money counts what it measures, never the currency.
                    f = replace(f, counts=money_measure(sentence, f.start, len(f.text)))
                    if not f.counts:
                        continue  # "£10,000" of what? A sum with nothing named is no key figure.
                if f.event:
                    if (f.value, f.event, p.doc_id) in events:
                        continue  # "10,000 villagers fleeing", "10,000 people fleeing": one event
                    events.add((f.value, f.event, p.doc_id))
                if f.unit == "%" and not f.counts:
                    continue  # "7%" of what? A share with nothing named is no key figure.
                if not f.unit and f.value is not None:
                    if p.doc_id not in named:
                        named[p.doc_id] = designations(docs[p.doc_id].text)
                    if f.value in named[p.doc_id]:
                        continue  # "737 MAX airplanes" where the document names "Model 737–8"
                if f.counts and not f.unit and _proper(f.counts):
                    continue  # "901 Locust", "83 FR", "14 CFR": an address or a citation
                if f.unit == "%" and f.counts and _proper(f.counts) and " of " not in f.text:
                    continue  # "19.6% Remains": a table's next cell, not what the share is of
                if f.value == 1 and not (f.unit or f.event):
                    continue  # "only 1 location": one of something is no key figure

                seen.setdefault((f.text, p.doc_id), set()).add(f.event)
                score = -rank / max(1, len(passages))
                if scope.country and any(x in sentence for x in scope.country.names):
                    score += 1.0
                last = (f.counts or "").split()[-1:] or [""]
                first = (f.counts or "").split()[:1] or [""]
                if last[0] in _DURATIONS or first[0] in _DURATIONS:
                    continue  # how long something lasted ("16 days", "30 year anniversary")
                if last[0].lower() in _VERSIONS:
                    continue  # "the upcoming 1.0 release": a version's name, not a count
                if not _a_word(last[0]):
                    continue  # "350 milliondollars": words run together in the source
                if _year_before_noun(f):
                    continue  # "a 1761 work", "the 2019 report": a year, not a count
                if not (f.event or f.unit) and _MEASURE_OF_NEXT.fullmatch(f.text):
                    continue  # "a 26-game suspension": what follows measured, not counted
                if not f.event and singular(last[0].lower()) in _UNITS_OF_NOTHING:
                    continue  # "250-member (Senate)", "3 thresholds": a unit, not a subject
                if not (f.event or f.unit) and singular(last[0].lower()) in _PLACES:
                    continue  # "from 20 countries": how widely, not what happened
                score += 0.5 if f.counts else 0.0
                figure = Figure(
                    text=f.text,
                    value=f.value,
                    low=f.low,
                    high=f.high,
                    unit=f.unit,
                    counts=f.counts,
                    measure=measure_of(f.counts, f.unit, f.event),
                    as_of=as_of,
                    source=f"#{p.doc_id}",
                    quote=sentence,
                    event=f.event,
                )
                ranked.append((score, len(ranked), figure))
    ranked.sort(key=lambda r: (-r[0], r[1]))
    return spread_over_sources([f for _, _, f in _one_row_per_fact(ranked)], n)


def spread_over_sources(figures: list[Figure], n: int) -> list[Figure]:
    """The first ``n`` of ``figures`` (best first), each source giving at most a third of them
    (two at least), unless no other source has figures left: one statement listing its
    signatories' counts should not fill the table."""
    cap = max(2, -(-n // 3))
    per_source: Counter[str] = Counter()
    chosen: list[Figure] = []
    held: list[Figure] = []
    for figure in figures:
        per_source[figure.source] += 1
        (chosen if per_source[figure.source] <= cap else held).append(figure)
    return chosen[:n] + held[: max(0, n - len(chosen))]


def events_agree(a: Figure, b: Figure) -> bool:
    """Whether two figures may tell one fact: neither says something else happened to what it
    counts ("30 killed" and "30 injured" never do)."""
    return not (a.event and b.event and a.event != b.event)


def _one_row_per_fact(
    ranked: list[tuple[float, int, Figure]],
) -> list[tuple[float, int, Figure]]:
    """The same value of the same counted thing from several sources is one fact: the
    best-placed row stays, and the other sources join it as corroboration (one each), with
    their own sentences. A sentence that says what happened ("planted 30 million trees") and
    one that does not ("to plant 30 million trees") tell the same fact; two that say different
    things happened ("30 killed", "30 injured") do not. Figures counting nothing named are
    never merged."""
    out: list[tuple[float, int, Figure]] = []
    rows: dict[tuple, list[int]] = {}
    for score, order, f in ranked:
        base = measure_of(f.counts, f.unit)
        key = (f.value, f.low, f.high, base)
        at = next((k for k in rows.get(key, []) if events_agree(f, out[k][2])), None)
        if base is None or at is None:
            rows.setdefault(key, []).append(len(out))
            out.append((score, order, f))
            continue
        kept = out[at][2]
        if f.source != kept.source and all(c.source != f.source for c in kept.also):
            out[at] = (
                out[at][0],
                out[at][1],
                replace(kept, also=[*kept.also, Cite(f.source, f.quote)]),
            )
    return out


def _year_before_noun(f: FoundFigure) -> bool:
    """A year written before a singular noun: four digits, no thousands comma, 1000 to 2100."""
    words = (f.counts or "").split()
    return (
        not f.unit
        and f.value is not None
        and f.text[:4].isdigit()
        and "," not in f.text
        and 1000 <= f.value <= 2100
        and bool(words)
        and not plural(words[-1])
    )


_VERSIONS = frozenset("release releases version versions update edition beta patch".split())


def _a_word(word: str) -> bool:
    """Not two words run together by the source ("350 milliondollars"): a lower-case word
    neither the lexicon nor the word list knows, that splits into two words they know well."""
    from briefs.readers.clean import two_words, word_counts

    low = word.lower()
    if not word.islower() or not word.isalpha() or word_kinds(low):
        return True
    known = word_counts()
    if low in known or singular(low) in known:
        return True
    return not two_words(low, lambda part: known.get(part, 0) >= _WELL_KNOWN)


_WELL_KNOWN = 1000  # how often a word must be met in English to count as one of two run together


# Units a number can count that carry no subject of their own: no key figure at all.
# A number joined to its unit by a hyphen, as an adjective: "26-game", "370-mile", "10-minute".
_MEASURE_OF_NEXT = re.compile(r"(?:[A-Za-z]+ )?\d[\d,.]*-[a-z]+")
_UNITS_OF_NOTHING = {
    "member",
    "threshold",
    "time",
    "point",
    "page",
    "percent",
    "session",
    "round",
    # a length, where nothing is said to have happened: "the 370-mile border", "6 miles"
    "mile",
    "kilometre",
    "kilometer",
    "km",
    "metre",
    "meter",
    "foot",
    "plus",  # "700-plus": more than a number of something the sentence names elsewhere
    # where a number stands on a scale, not what it counts: "a new daily high of 799"
    "high",
    "low",
    "record",
    "peak",
    "level",
    "projection",
    "estimate",
    # a bound a rule sets, not what happened: "no districts exceeded the 1 percent cap"
    "cap",
    "ceiling",
    "limit",
    # what a value stands on, not a count: "a declining trend from 0.8766 in 1997"
    "trend",
    "index",
    "ratio",
    "score",
}
# How widely, not what happened: "deminers from 20 countries", "aligning with 142 nations".
# A count of states something happened to keeps its verb ("12 states signed"), and a share of
# a country is a share ("48 per cent of our country").
_PLACES = {"country", "nation", "state"}


def _proper(phrase: str) -> bool:
    """A name or an abbreviation rather than a counted thing: every word capitalised."""
    # the joining words as joining words write them: "DE" (a country code) is no "de"
    words = [w for w in phrase.split() if w not in ("of", "and", "the", "de")]
    return bool(words) and all(w[:1].isupper() for w in words)


def _updated(f: Figure, g: Figure) -> bool:
    """Whether two counts are as of times that do not overlap: a toll told as of 12 April and
    another as of 22 May is an update, not two sources disagreeing ("2023" and "May 2023"
    overlap, and may disagree)."""
    a, b = f.as_of, g.as_of
    return bool(a and b and not a.startswith(b) and not b.startswith(a))


def _apart(f: Figure, g: Figure) -> bool:
    """Whether two counts are ten times apart or more: not one count told two ways, but two
    events ("11 people killed" in one village, "at least 1,600 people killed" since the coup)."""
    a = f.value if f.value is not None else f.high
    b = g.value if g.value is not None else g.high
    return bool(a and b and a > 0 and b > 0 and max(a, b) / min(a, b) >= 10)


def differs(figures: list[Figure]) -> list[Figure]:
    """Mark figures on the same measure with other values (both shown, never averaged).

    "People" alone, or a nationality, with nothing said of what happened to them, is no
    measure: 53 million people (a population) and 11 people (a massacre) do not differ.
    """
    out = []
    for i, f in enumerate(figures):
        other = [
            j
            for j, g in enumerate(figures)
            if j != i
            and f.measure
            and not generic_count(f)
            and not generic_count(g)
            and measure_of(g.counts, g.unit) == measure_of(f.counts, f.unit)
            and events_agree(f, g)  # "$11.5 billion deal unveiled", "$11 billion merger"
            and (g.value, g.low, g.high) != (f.value, f.low, f.high)
            and g.source != f.source
            and not _updated(f, g)
            and not _apart(f, g)
        ]
        out.append(replace(f, differs_from=other))
    return out


# The speaker's own side: "we have sent 135 deminers to the Sudan" is the speaker's country's
# deed wherever it was done.
_OUR = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")


def elsewhere(sentence: str, iso3: str) -> bool:
    """Whether ``sentence``, which does not name ``iso3``, tells of another country: it names
    one in its own right (not in a list, not "Australian dollar") and not as the place where
    the speaker's own side acted. Its figures are that country's, not ``iso3``'s."""
    return not _OUR.search(sentence) and any(
        found != iso3 and not weak for *_, found, weak in weak_flags(sentence)
    )
