"""Compose: passages and findings -> Brief. The only place that decides what goes in.

Every item is chosen from source sentences (no generation): key points, thematic sections
headed by the keyword they share, figures, timeline, and recommendations with their speaker.
Sources are numbered S1, S2… in the order a reader meets them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from briefs import salience, topics
from briefs.extract.attribution import recommends, speaker
from briefs.extract.counted import singular
from briefs.extract.dates import MONTH_NAMES, find_dates
from briefs.extract.figures import find_figures
from briefs.extract.keywords import keywords as yake_keywords
from briefs.extract.sentences import SourceSentence, sentences_of, split
from briefs.model import Cite, Document, Figure, Keyword, Section, Sentence, Source, TimelineEntry
from briefs.retrieve import Retrieved, Scope, in_window
from briefs.store import date_span

_WORDS = re.compile(r"\w+")
# Sentences about the publication itself ("The magazine publishes two Issues per year") say
# nothing about the country.
_ABOUT_ITSELF = re.compile(
    # "the June 2022 Issue" is the magazine's; "the issue of landmines" is a subject.
    r"\b(?:[Tt]he|[Tt]his)\s+(?:[A-Z][a-z]+\s+(?:\d{4}\s+)?)?Issue\b"
    r"|(?i:\b(?:the|this) (?:magazine|newsletter|publication)\b|\bthis (?:article|paper|report)\b"
    r"|\bthe authors?\b|\bour readers\b)"
)
_AS_OF = re.compile(r"\b(?:as of|in|by|at the end of)\s+((?:19|20)\d{2})\b", re.IGNORECASE)


# YAKE's cost grows with its input (about 0.6 s for 100 KB); the best-ranked passages, which
# come first, are what the keywords should describe.
KEYWORD_TEXT = 30_000


@dataclass(frozen=True)
class Limits:
    key_points: int = 5
    sections: int = 4
    per_section: int = 4
    figures: int = 12
    timeline: int = 12
    outlook: int = 5
    keywords: int = 12


@dataclass(frozen=True)
class Curation:
    """An analyst's choices for a scope: sources and sentences left out, sentences pinned.

    Sources match on their file path or title; sentences on any part of their text.
    """

    exclude_sources: tuple[str, ...] = ()
    exclude_sentences: tuple[str, ...] = ()
    pins: tuple[str, ...] = ()

    def excludes_document(self, doc: Document) -> bool:
        return any(x in (doc.path, doc.title) for x in self.exclude_sources)

    def excludes_sentence(self, quote: str) -> bool:
        return any(x in quote for x in self.exclude_sentences)


@dataclass(frozen=True)
class Parts:
    """What compose decided, before sources are numbered: sections cite by document id."""

    sections: list[Section]
    figures: list[Figure]
    keywords: list[Keyword]
    timeline: list[TimelineEntry]
    sources: list[Source]
    gaps: list[str]
    source_docs: dict[str, int]  # S1 -> the stored document it is
    tiles: list[int] = field(default_factory=list)  # indexes of the headline figures


def _jaccard(a: str, b: str) -> float:
    x, y = set(_WORDS.findall(a.lower())), set(_WORDS.findall(b.lower()))
    return len(x & y) / max(1, len(x | y))


class _Numbering:
    """Assigns S1, S2… to documents in the order they are first cited."""

    def __init__(self) -> None:
        self.ids: dict[int, str] = {}

    def __call__(self, doc_id: int) -> str:
        if doc_id not in self.ids:
            self.ids[doc_id] = f"S{len(self.ids) + 1}"
        return self.ids[doc_id]


def compose(
    retrieved: Retrieved,
    scope: Scope,
    limits: Limits = Limits(),
    also: dict[int, list[str]] | None = None,
    curation: Curation = Curation(),
) -> Parts:
    """Choose the brief's content from ``retrieved`` passages, as ``curation`` directs."""
    docs = retrieved.documents
    passages = [
        p
        for p in retrieved.passages
        if not curation.excludes_document(retrieved.documents[p.doc_id])
    ]
    top = max((p.score for p in passages), default=1.0) or 1.0
    scope_names = {n.casefold() for n in (scope.country.names if scope.country else ())}

    # Keywords from prose only: headings and link lists skew YAKE towards page furniture.
    prose = "\n\n".join(
        " ".join(s.quote for s in sentences_of(p.doc_id, p.seq, p.text, p.page)) for p in passages
    )[:KEYWORD_TEXT]
    kws = [
        k
        for k in yake_keywords(prose, top=limits.keywords + 8)
        if k.text.casefold() not in scope_names
    ][: limits.keywords]

    candidates: list[tuple[float, SourceSentence]] = []
    for p in passages:
        for s in sentences_of(p.doc_id, p.seq, p.text, p.page):
            score = 2.0 * p.score / top
            low = s.quote.lower()
            score += sum(1.0 / (1 + 0.3 * i) for i, k in enumerate(kws) if k.text.lower() in low)
            if scope.country and any(n in s.quote for n in scope.country.names):
                score += 1.5
            score += 0.5 * bool(find_figures(s.quote)) + 0.2 * (s.index == 0)
            score -= 1.0 * ("?" in s.quote)
            score -= 2.0 * bool(_ABOUT_ITSELF.search(s.quote))
            if curation.excludes_sentence(s.quote):
                continue
            if any(pin in s.quote for pin in curation.pins):
                score += 100.0  # pinned: first into the key points
            candidates.append((score, s))
    candidates.sort(key=lambda c: (-c[0], c[1].doc_id, c[1].seq, c[1].index))

    used: set[str] = set()
    per_doc: Counter[int] = Counter()
    events: list[tuple[int, set[str]]] = []  # (document, dates) of chosen sentences

    def pick(
        pool: list[tuple[float, SourceSentence]], n: int, spread: float
    ) -> list[SourceSentence]:
        chosen: list[SourceSentence] = []
        remaining = [c for c in pool if c[1].quote not in used]
        while remaining and len(chosen) < n:
            best = max(remaining, key=lambda c: c[0] - spread * per_doc[c[1].doc_id])
            remaining.remove(best)
            s = best[1]
            dates = {
                d.date for d in find_dates(s.quote, docs[s.doc_id].anchor_date, docs[s.doc_id].text)
            }
            days = {d for d in dates if d.count("-") == 2}
            if any(_jaccard(s.quote, u) > 0.4 for u in used) or any(
                (doc == s.doc_id and dates & seen) or days & seen for doc, seen in events
            ):
                continue
            events.append((s.doc_id, dates))
            chosen.append(s)
            used.add(s.quote)
            per_doc[s.doc_id] += 1
        return chosen

    def attributed(s: SourceSentence) -> str | None:
        return speaker(s.quote)

    def as_sentence(s: SourceSentence, with_speaker: bool = False) -> Sentence:
        cite = Cite(source=f"#{s.doc_id}", quote=s.quote, page=s.page)
        return Sentence(
            text=s.text, cites=[cite], attribution=attributed(s) if with_speaker else None
        )

    sections: list[Section] = []
    pinned = [c for c in candidates if any(pin in c[1].quote for pin in curation.pins)]
    key = pick(pinned, len(pinned), spread=0.0)
    weight = {(p.doc_id, p.seq): p.score / top for p in passages}
    ranked = _salient(candidates, scope, limits, weight)
    key += pick(ranked, max(0, limits.key_points - len(key)), 0.0)
    if key:
        sections.append(Section("Key points", [as_sentence(s) for s in key], kind="key_points"))

    outlook_pool = [c for c in candidates if recommends(c[1].quote)]
    outlook = pick(outlook_pool, limits.outlook, spread=1.0)

    by_theme: dict[int, list[tuple[float, SourceSentence]]] = defaultdict(list)
    for score, s in candidates:
        low = s.quote.lower()
        for i, k in enumerate(kws):
            if re.search(rf"\b{re.escape(k.text.lower())}\b", low):
                by_theme[i].append((score, s))
                break
    themes = []
    for i in sorted(by_theme, key=lambda i: -sum(sc for sc, _ in by_theme[i][:3])):
        chosen = pick(by_theme[i], limits.per_section, spread=1.0)
        title = _theme_heading(kws[i].text, [s.quote for s in chosen])
        if len(chosen) >= 2 and title:
            themes.append(Section(title, [as_sentence(s) for s in chosen]))
        else:
            used.difference_update(s.quote for s in chosen)
        if len(themes) == limits.sections:
            break

    # Background before developments: sections run from the oldest material to the newest,
    # and within a section sentences follow their sources' dates.
    def when(s: Sentence) -> str:
        return docs[int(s.cites[0].source[1:])].date or "9999"

    themes = [replace(t, sentences=sorted(t.sentences, key=when)) for t in themes]
    themes.sort(key=lambda t: sorted(when(s) for s in t.sentences)[len(t.sentences) // 2])
    sections += themes
    if outlook:
        sections.append(
            Section(
                "Recommendations and outlook",
                [as_sentence(s, with_speaker=True) for s in outlook],
                kind="outlook",
            )
        )

    figures = [
        f
        for f in _figures(passages, docs, limits.figures, scope)
        if not curation.excludes_sentence(f.quote)
    ]
    timeline = [
        e
        for e in _timeline(passages, docs, scope, limits.timeline)
        if not curation.excludes_sentence(e.quote)
    ]
    # Sources are numbered in the order the default template shows them: key points, the
    # figures table, the themes, the timeline, then recommendations and outlook.
    number = _Numbering()

    def renumbered(sec: Section) -> Section:
        return replace(sec, sentences=[_renumber(s, number) for s in sec.sentences])

    first = [renumbered(sec) for sec in sections if sec.kind == "key_points"]
    figures = [replace(f, source=number(int(f.source[1:]))) for f in figures]
    middle = [renumbered(sec) for sec in sections if sec.kind not in ("key_points", "outlook")]
    timeline = [replace(e, source=number(int(e.source[1:]))) for e in timeline]
    last = [renumbered(sec) for sec in sections if sec.kind == "outlook"]
    sections = first + middle + last
    sources = [
        source_of(number.ids[d], docs[d], (also or {}).get(d, []))
        for d in sorted(number.ids, key=lambda d: int(number.ids[d][1:]))
    ]
    figures = _differs(figures)
    return Parts(
        sections,
        figures,
        kws,
        timeline,
        sources,
        _gaps(sources, sections, figures, retrieved),
        source_docs={sid: did for did, sid in number.ids.items()},
        tiles=tiles(figures, {sid: docs[did] for did, sid in number.ids.items()}, scope),
    )


_HEADING_STOP = frozenset(
    "the a an of in on at to and or for with by from as is are was were be been its their "
    "his her this that these those which who said has have had will would also not".split()
)


def _theme_heading(keyword: str, quotes: list[str]) -> str | None:
    """A theme's heading: its keyword when that is a phrase ("Border ceasefire talks"); a
    single word grown to the two-word noun phrase its sentences use most ("Junta" -> "Military
    junta"); None when they use none."""
    from briefs.extract.keywords import noun_phrase

    def capital(text: str) -> str:
        return text[:1].upper() + text[1:]

    if " " in keyword:
        return capital(keyword)
    pairs: Counter[str] = Counter()
    k = re.escape(keyword)
    pattern = re.compile(rf"\b([A-Za-z][\w’'-]+) ({k})\b|\b({k}) ([A-Za-z][\w-]+)\b", re.I)
    for q in quotes:
        for m in pattern.finditer(q):
            pair = f"{m.group(1)} {m.group(2)}" if m.group(1) else f"{m.group(3)} {m.group(4)}"
            other = m.group(1) or m.group(4)
            if (
                other.lower() not in _HEADING_STOP
                and not other.endswith(("’s", "'s"))
                and noun_phrase(pair)
            ):
                pairs[pair] += 1
    if not pairs:
        return None
    best = max(sorted(pairs), key=lambda p: pairs[p])
    return capital(best)


def _salient(
    candidates: list[tuple[float, SourceSentence]],
    scope: Scope,
    limits: Limits,
    weight: dict[tuple[int, int], float],
) -> list[tuple[float, SourceSentence]]:
    """The candidates in the order key points take them: central facts first, by concept
    coverage across sources (``briefs.salience``); sentences that name the scope (its country,
    its topic or a related term) and passages retrieval ranked high are preferred."""
    names = [*(scope.country.names if scope.country else ())]
    if scope.topic:
        names += topics.terms(scope.topic, scope.related)
    lowered = [n.lower() for n in names]
    pool = [
        salience.Candidate(i, s.doc_id, s.seq + s.index, s.quote)
        for i, (_score, s) in enumerate(candidates)
        if not _ABOUT_ITSELF.search(s.quote) and "?" not in s.quote
    ]
    prior = {
        c.key: 0.5 * any(n in c.text.lower() for n in lowered)
        + 0.5 * weight.get((c.doc, candidates[c.key][1].seq), 0.0)  # type: ignore[index]
        for c in pool
    }
    ranked = salience.rank(pool, 4 * limits.key_points, prior=prior)
    n = len(ranked)
    return [(float(n - i), candidates[c.key][1]) for i, c in enumerate(ranked)]  # type: ignore[index]


def _renumber(s: Sentence, number: _Numbering) -> Sentence:
    return replace(s, cites=[replace(c, source=number(int(c.source[1:]))) for c in s.cites])


def source_of(sid: str, doc: Document, also: list[str]) -> Source:
    """The reference-list entry for a stored document."""
    return Source(
        id=sid,
        title=doc.title,
        author=doc.author,
        publisher=doc.publisher,
        date=doc.date,
        url=doc.url,
        path=doc.path,
        also=also,
        type=doc.type,
        locator=doc.locator,
    )


def measure_of(counts: str | None, unit: str | None, event: str | None = None) -> str | None:
    """What a figure measures: its counted noun, unit and event ("people (displace)")."""
    if not counts and not unit:
        return None
    words = (counts or "").lower().split()
    if words:
        words[-1] = singular(words[-1])
    measure = " ".join(x for x in (" ".join(words), unit if unit != "%" else "percent") if x)
    return f"{measure} ({event})" if event else measure


_GENERIC_MEASURES = {"people", "person", "individual", "other"}
# Measures that are spans of time: never marked as differing, never a tile.
SPANS = {"year", "month", "week", "day", "hour", "minute", "decade"}


def _generic(f: Figure) -> bool:
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
    "hours",
    "decades",
    "minutes",
    "times",
    "issues",
    "articles",
    "points",
    "pages",
    "rounds",
}


def _figures(passages, docs: dict[int, Document], n: int, scope: Scope) -> list[Figure]:
    """The ``n`` strongest figures: on the country, counting people or things, not durations."""
    ranked: list[tuple[float, int, Figure]] = []
    seen: set[tuple[str, int]] = set()
    events: set[tuple[float | None, str, int]] = set()
    for rank, p in enumerate(passages):
        for sentence in split(p.text):
            found = find_figures(sentence)
            if not found:
                continue
            dates = find_dates(sentence, docs[p.doc_id].anchor_date, docs[p.doc_id].text)
            full = [d.date for d in dates if d.date.count("-") >= 1]
            year = _AS_OF.search(sentence)
            as_of = full[0] if full else (year.group(1) if year else None)
            doc_date = docs[p.doc_id].date
            if as_of and doc_date and as_of[:4] > doc_date[:4]:
                as_of = None  # "by 2050" is a target, not the date the figure refers to
            for f in found:
                if (f.text, p.doc_id) in seen or not (f.counts or f.unit):
                    continue
                if f.event:
                    if (f.value, f.event, p.doc_id) in events:
                        continue  # "10,000 villagers fleeing", "10,000 people fleeing": one event
                    events.add((f.value, f.event, p.doc_id))
                if f.unit == "%" and not f.counts:
                    continue  # "7%" of what? A share with nothing named is no key figure.
                if f.counts and not f.unit and _proper(f.counts):
                    continue  # "901 Locust", "83 FR", "14 CFR": an address or a citation

                seen.add((f.text, p.doc_id))
                score = -rank / max(1, len(passages))
                if scope.country and any(x in sentence for x in scope.country.names):
                    score += 1.0
                last = (f.counts or "").split()[-1:] or [""]
                score += -1.5 if last[0] in _DURATIONS else 0.5 if f.counts else 0.0
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
    # One statement listing its signatories' counts should not fill the table: each source
    # gives at most a third of it, unless no other source has figures left.
    cap = max(2, -(-n // 3))
    per_source: Counter[str] = Counter()
    chosen: list[Figure] = []
    held: list[Figure] = []
    for _, _, figure in ranked:
        per_source[figure.source] += 1
        (chosen if per_source[figure.source] <= cap else held).append(figure)
    return chosen[:n] + held[: max(0, n - len(chosen))]


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


def tiles(
    figures: list[Figure], sources: dict[str, Document], scope: Scope, n: int = 4
) -> list[int]:
    """The figures an analyst would put in a box, by index: a specific counted thing and what
    happened to it (killed, displaced, deployed, pledged), or a sum or share of something
    named; recent, reported by more than one source where possible, one per source first.
    Generic counts (countries, members, thresholds) and spans of time never make a tile."""
    by_measure = Counter(f.measure for f in figures if f.measure)
    eligible = []
    for i, f in enumerate(figures):
        counts = (f.counts or "").lower()
        measure = singular(counts.split()[-1]) if counts else ""
        if f.measure in SPANS or measure in SPANS or _generic(f):
            continue
        if (
            counts in _GENERIC_TILES
            or measure in _GENERIC_TILES
            or " ".join(counts.split()[-2:]) in _GENERIC_TILES
        ):
            continue
        if not f.event and not (f.unit and f.counts):
            continue  # "20 countries", "41 people": nothing happened to them
        date = sources[f.source].date if f.source in sources else None
        score = (2.0 if f.event else 1.0) + (by_measure[f.measure] > 1)
        score += 0.5 * bool(scope.country and any(x in f.quote for x in scope.country.names))
        eligible.append((-score, -(int((date or "0")[:4])), i, f))
    eligible.sort(key=lambda e: e[:3])
    first: list[int] = []
    used: set[str] = set()
    for *_, i, f in eligible:
        if f.source not in used:
            first.append(i)
            used.add(f.source)
    rest = [i for *_, i, _f in eligible if i not in first]
    return sorted((first + rest)[:n])


def _proper(phrase: str) -> bool:
    """A name or an abbreviation rather than a counted thing: every word capitalised."""
    words = [w for w in phrase.split() if w.lower() not in ("of", "and", "the", "de")]
    return bool(words) and all(w[:1].isupper() for w in words)


def _differs(figures: list[Figure]) -> list[Figure]:
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
            and not _generic(f)
            and g.measure == f.measure
            and (g.value, g.low, g.high) != (f.value, f.low, f.high)
            and g.source != f.source
        ]
        out.append(replace(f, differs_from=other))
    return out


_EVENT_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]{3,}")
_EVENT_STOP = {"with", "that", "this", "from", "have", "been", "were", "will", "said", "their"}


# Words next to a date that say nothing of what happened on it.
_NEAR_STOP = (
    _EVENT_STOP
    | {"since", "after", "before", "until", "following", "during", "including"}
    | {"days", "weeks", "months"}
    | {m.lower() for m in MONTH_NAMES}
)


def _near(sentence: str, at: int) -> set[str]:
    """The words within 40 characters of the date at ``at``: what the sentence says of that day."""
    window = sentence[max(0, at - 40) : at + 40]
    return {w.lower() for w in _EVENT_WORD.findall(window)} - _NEAR_STOP


def _same_event(
    a: str, b: str, near_a: set[str] = frozenset(), near_b: set[str] = frozenset()
) -> bool:
    """Do two sentences dated the same day tell one event? A third of their words in common, or
    a word in common next to the date ("the coup of 1 February", "the coup d’état was mounted on
    1 February, 2021")."""
    if near_a & near_b:
        return True
    wa, wb = ({w.lower() for w in _EVENT_WORD.findall(x)} - _EVENT_STOP for x in (a, b))
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 1 / 3


def after_written(date: str, written: str | None) -> bool:
    """Whether ``date`` falls wholly after the (possibly partial) date a source was written."""
    if not written:
        return False
    return date_span(date)[0] > date_span(written)[1]


def _timeline(passages, docs: dict[int, Document], scope: Scope, n: int) -> list[TimelineEntry]:
    entries: dict[str, TimelineEntry] = {}
    near: dict[str, set[str]] = {}  # by entry key: the words next to its date
    for p in passages:
        doc = docs[p.doc_id]
        for s in sentences_of(p.doc_id, p.seq, p.text, p.page):
            if _ABOUT_ITSELF.search(s.quote):
                continue  # "the June 2022 Issue" dates the publication, not an event
            dates = [
                d for d in find_dates(s.quote, doc.anchor_date, doc.text) if d.date.count("-") >= 1
            ]
            if not dates:
                continue
            d = dates[0].date
            if not in_window(d, scope.since, scope.until) or after_written(d, doc.date):
                continue  # an event dated after its source was written is a misreading
            words = _near(s.quote, dates[0].start) if d.count("-") == 2 else set()
            # One entry per event: the same date in the same document is the same event, and
            # so is the same date told in the same words by another source (the earlier,
            # better-ranked passage keeps it).
            if any(
                e.date == d and _same_event(e.quote, s.quote, near[key], words)
                for key, e in entries.items()
                if not key.endswith(f" {p.doc_id}")
            ):
                continue
            key = f"{d} {p.doc_id}"
            if key not in entries:
                entries[key] = TimelineEntry(d, s.text, f"#{p.doc_id}", s.quote)
                near[key] = words
            if len(entries) >= 3 * n:
                break
    ranked = sorted(entries.values(), key=lambda e: (e.date, e.quote))
    if len(ranked) > n:
        # Keep the most precisely dated events when there are too many.
        ranked = sorted(
            sorted(ranked, key=lambda e: -e.date.count("-"))[:n], key=lambda e: (e.date, e.quote)
        )
    return ranked


def _gaps(
    sources: list[Source], sections: list[Section], figures: list[Figure], retrieved: Retrieved
) -> list[str]:
    gaps = []
    kinds = {s.id: s.type for s in sources}
    for sec in sections:
        cited = {c.source for s in sec.sentences for c in s.cites}
        if cited and all(kinds.get(c) == "advocacy" for c in cited):
            gaps.append(
                f"“{sec.title}” rests only on advocacy sources ({', '.join(sorted(cited))})."
            )
    if retrieved.about_documents < 3:
        n = retrieved.about_documents
        gaps.append(
            f"Material is thin: {n or 'no'} document{'' if n == 1 else 's'} in the corpus "
            f"{'is' if n == 1 else 'are'} about this scope"
            + (
                f"; {len(sources) - n} more only mention it."
                if len(sources) > n
                else "; passing mentions elsewhere were not used."
            )
        )
    by_measure = Counter(f.measure for f in figures if f.measure)
    single = [f.text for f in figures if by_measure[f.measure] == 1]
    if single:
        gaps.append(
            f"{len(single)} of {len(figures)} key figures are not reported by a second source."
        )
    advocacy = [s.id for s in sources if s.type == "advocacy"]
    if advocacy:
        gaps.append(f"Advocacy sources, not reporting: {', '.join(advocacy)}.")
    undated = [s.id for s in sources if not s.date]
    if undated:
        gaps.append(f"Undated sources: {', '.join(undated)}.")
    if retrieved.excluded_undated:
        gaps.append(f"{retrieved.excluded_undated} undated document(s) left out of the period.")
    if retrieved.excluded_coarse:
        gaps.append(
            f"{retrieved.excluded_coarse} document(s) dated only by month or year are too "
            "coarsely dated for this period and were left out."
        )
    if retrieved.excluded_language:
        gaps.append(
            f"{retrieved.excluded_language} document(s) not in English left out "
            "(the extractors read English only)."
        )
    return gaps
