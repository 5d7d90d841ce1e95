"""Compose: passages and findings -> Brief. The only place that decides what goes in.

The package splits the decisions: themes and outlook here; the order key points take
sentences in ``key_points``; the figures table in ``figures`` and the headline tiles in
``tiles``; the timeline in ``timeline``; the information gaps in ``gaps``.

Every item is chosen from source sentences (no generation): key points, thematic sections
headed by the keyword they share, figures, timeline, and recommendations with their speaker.
Sources are numbered S1, S2… in the order a reader meets them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from briefs import salience
from briefs.about import first_subject, weak_flags
from briefs.compose.figures import SPANS, differs, elsewhere, figures_of, measure_of
from briefs.compose.gaps import gaps_of
from briefs.compose.key_points import ranked_for_key_points
from briefs.compose.themes import theme_heading
from briefs.compose.tiles import tiles
from briefs.compose.timeline import (
    ABOUT_ITSELF,
    after_written,
    same_event,
    timeline_of,
    words_near,
)
from briefs.extract.attribution import in_correspondence, recommends, speaker
from briefs.extract.dates import find_dates
from briefs.extract.figures import find_figures
from briefs.extract.keywords import keywords as yake_keywords
from briefs.extract.sentences import SourceSentence, asks, sentences_of
from briefs.model import Cite, Document, Figure, Keyword, Section, Sentence, Source, TimelineEntry
from briefs.readers.debris import is_debris
from briefs.retrieve import Retrieved, Scope

_WORDS = re.compile(r"\w+")


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
    keyword_text: int = KEYWORD_TEXT  # characters of the best-ranked prose YAKE reads


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
    # The prose keywords were read from, best-ranked first, and the words never a keyword
    # (the scope's names, the outlets): a digest entry taken from a brief reads its own
    # shorter share of it, so that a digest is the same with or without its briefs.
    keyword_prose: str = ""
    not_keywords: frozenset[str] = frozenset()


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

    def names(sentence: str) -> bool:
        """Does ``sentence`` name the scope's country in its own right (not in a list of
        countries, not "Australian dollar")?"""
        iso = scope.country.iso3 if scope.country else None
        return any(found == iso and not weak for *_, found, weak in weak_flags(sentence))

    def eligible(s: SourceSentence) -> bool:
        """May the brief quote ``s``? Not when the analyst excluded it, when it is a contact
        line or notice inside a longer paragraph, or when it comes from a document about
        another place and does not name this one: such a document speaks for the scope only
        where it names it."""
        if curation.excludes_sentence(s.quote) or is_debris(s.quote):
            return False
        return speaks_for(s.doc_id, s.quote)

    def speaks_for(doc_id: int, sentence: str) -> bool:
        """A document about the scope speaks for it in every sentence; another document only
        in a sentence that names it (for a key point, a figure or a dated event alike)."""
        return not scope.country or doc_id in retrieved.about or names(sentence)

    about_first: dict[int, bool] = {}  # document -> whether it is about the country first

    def figure_speaks_for(doc_id: int, sentence: str) -> bool:
        """A figure counts for the country where its sentence names it, or where its document
        is about the country first: a count in a report mainly on Myanmar that names no
        country is Myanmar's, even where the report is about Cambodia too."""
        if not speaks_for(doc_id, sentence):
            return False
        if not scope.country or names(sentence):
            return True
        if elsewhere(sentence, scope.country.iso3):
            return False  # "the lives of 22 innocent persons … in Baghdad": Iraq's count
        if doc_id not in about_first:
            about_first[doc_id] = first_subject(docs[doc_id], scope.country.iso3)
        return about_first[doc_id]

    # Keywords from the prose the brief may quote: headings and link lists skew YAKE towards
    # page furniture, and another country's history towards that country.
    # The sentences as the brief shows them: a wire story's dateline ("PHNOM PENH (Reuters) -")
    # opens every story, so its place and agency would outrank every subject.
    prose = "\n\n".join(
        " ".join(s.text for s in sentences_of(p.doc_id, p.seq, p.text, p.page) if eligible(s))
        for p in passages
    )[: limits.keyword_text]
    # Who published the sources is not what they are about.
    not_keywords = frozenset(
        scope_names | {d.publisher.casefold() for d in docs.values() if d.publisher}
    )
    kws = keywords_of(prose, limits.keywords, not_keywords)

    candidates: list[tuple[float, SourceSentence]] = []
    for p in passages:
        for s in sentences_of(p.doc_id, p.seq, p.text, p.page):
            if not eligible(s):
                continue
            pinned = any(pin in s.quote for pin in curation.pins)
            if ABOUT_ITSELF.search(s.quote) and not pinned:
                continue  # the publication telling of itself says nothing of the scope
            score = 2.0 * p.score / top
            low = s.quote.lower()
            score += sum(1.0 / (1 + 0.3 * i) for i, k in enumerate(kws) if k.text.lower() in low)
            if scope.country and any(n in s.quote for n in scope.country.names):
                score += 1.5
            score += 0.5 * bool(find_figures(s.quote)) + 0.2 * (s.index == 0)
            score -= 1.0 * asks(s.quote)
            if pinned:
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
    ranked = ranked_for_key_points(
        candidates,
        scope,
        limits.key_points,
        weight,
        {d: docs[d].date for d in docs},
        retrieved.about,
        advocacy=frozenset(d for d in docs if docs[d].type == "advocacy"),
    )
    key += pick(ranked, max(0, limits.key_points - len(key)), 0.0)
    if key:
        sections.append(Section("Key points", [as_sentence(s) for s in key], kind="key_points"))

    outlook_pool = [
        c
        for c in candidates
        if recommends(c[1].quote) and not in_correspondence(c[1].passage, c[1].quote)
    ]
    outlook = pick(outlook_pool, limits.outlook, spread=1.0)

    by_theme: dict[int, list[tuple[float, SourceSentence]]] = defaultdict(list)
    for score, s in candidates:
        if salience.METHOD.search(s.quote):
            continue  # how the figures were made or what a term covers: no finding of a theme
        if asks(s.quote) or salience.frame_only(s.quote):
            continue  # a question asks, and a speaker's frame announces: neither tells
        low = s.quote.lower()
        for i, k in enumerate(kws):
            if re.search(rf"\b{re.escape(k.text.lower())}\b", low):
                by_theme[i].append((score, s))
                break
    themes = []
    for i in sorted(by_theme, key=lambda i: -sum(sc for sc, _ in by_theme[i][:3])):
        chosen = pick(by_theme[i], limits.per_section, spread=1.0)
        title = theme_heading(kws[i].text, [s.quote for s in chosen])
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
        for f in figures_of(passages, docs, limits.figures, scope, figure_speaks_for)
        if not curation.excludes_sentence(f.quote)
    ]
    timeline = [
        e
        for e in timeline_of(passages, docs, scope, limits.timeline, speaks_for)
        if not curation.excludes_sentence(e.quote)
    ]
    # Sources are numbered in the order the default template shows them: key points, the
    # figures table, the themes, the timeline, then recommendations and outlook.
    number = _Numbering()

    def renumbered(sec: Section) -> Section:
        return replace(sec, sentences=[_renumber(s, number) for s in sec.sentences])

    first = [renumbered(sec) for sec in sections if sec.kind == "key_points"]
    figures = [
        replace(
            f,
            source=number(int(f.source[1:])),
            also=[replace(c, source=number(int(c.source[1:]))) for c in f.also],
        )
        for f in figures
    ]
    middle = [renumbered(sec) for sec in sections if sec.kind not in ("key_points", "outlook")]
    timeline = [replace(e, source=number(int(e.source[1:]))) for e in timeline]
    last = [renumbered(sec) for sec in sections if sec.kind == "outlook"]
    sections = first + middle + last
    sources = [
        source_of(number.ids[d], docs[d], (also or {}).get(d, []))
        for d in sorted(number.ids, key=lambda d: int(number.ids[d][1:]))
    ]
    figures = differs(figures)
    return Parts(
        sections,
        figures,
        kws,
        timeline,
        sources,
        gaps_of(sources, sections, figures, retrieved),
        source_docs={sid: did for did, sid in number.ids.items()},
        tiles=tiles(figures, {sid: docs[did] for did, sid in number.ids.items()}, scope),
        keyword_prose=prose,
        not_keywords=not_keywords,
    )


def keywords_of(prose: str, count: int, not_keywords: frozenset[str]) -> list[Keyword]:
    """The ``count`` best keywords of ``prose`` that are none of ``not_keywords``."""
    return [
        k for k in yake_keywords(prose, top=count + 8) if k.text.casefold() not in not_keywords
    ][:count]


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
        date_from=doc.source_of("date") if doc.date else None,
    )


# Kept importable from here: tests and older callers use these names.
_ABOUT_ITSELF, _differs, _near, _same_event = ABOUT_ITSELF, differs, words_near, same_event
__all__ = [
    "SPANS",
    "Curation",
    "Limits",
    "Parts",
    "after_written",
    "compose",
    "measure_of",
    "source_of",
    "tiles",
]
