"""Retrieval: (country, topic, window) -> ranked passages with their documents.

BM25 from the store finds candidates; what helps a brief then re-ranks them: a passage that
names the country in its own text beats one from a document that names it once, and no
single document may fill the pool.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from briefs import geo
from briefs.corpus import CorpusStore
from briefs.errors import ScopeError
from briefs.model import Document, Passage
from briefs.store import date_span

_WORD = re.compile(r"\w[\w'-]*")


@dataclass(frozen=True)
class Scope:
    country: geo.Country | None
    topic: str | None
    since: str | None  # ISO date
    until: str | None


@dataclass(frozen=True)
class Retrieved:
    passages: list[Passage]
    documents: dict[int, Document]
    excluded_undated: int
    excluded_language: int = 0
    excluded_coarse: int = 0


def _topic_words(topic: str) -> list[str]:
    words = [w for w in _WORD.findall(topic) if len(w) > 1]
    if not words:
        raise ScopeError(f"topic {topic!r} has no words to search for")
    return words


def in_window(date: str | None, since: str | None, until: str | None) -> bool | None:
    """True/False whether ``date`` falls in the window; None when the document is undated.

    A date given only by year or month belongs to a window that covers all of that year or
    month (a year-long window takes a speech dated 2024; an ISO week does not).
    """
    if since is None and until is None:
        return True
    if not date:
        return None
    first, last = date_span(date)
    return (since is None or first >= since) and (until is None or last <= until)


def too_coarse(date: str | None, since: str | None, until: str | None) -> bool:
    """True for a partial date that overlaps the window without fitting in it."""
    if not date or in_window(date, since, until):
        return False
    first, last = date_span(date)
    return (since is None or last >= since) and (until is None or first <= until)


def retrieve(
    store: CorpusStore, scope: Scope, *, pool: int = 80, per_document: int = 12
) -> Retrieved:
    """Return up to ``pool`` passages for ``scope``, best first.

    Raises ScopeError when neither a country nor a topic is given, or nothing matches.
    """
    if scope.country is None and not scope.topic:
        raise ScopeError("give a country, a topic, or both")
    groups = []
    if scope.country:
        groups.append(list(scope.country.names))
    if scope.topic:
        groups.append(_topic_words(scope.topic))
    # The window is applied in the query, so a week's passages are found in a large corpus.
    found = {
        (p.doc_id, p.seq): p
        for p in store.find(groups, limit=2000, since=scope.since, until=scope.until)
    }
    if scope.country:
        for p in store.passages_of_country(
            scope.country.name, since=scope.since, until=scope.until
        ):
            found.setdefault((p.doc_id, p.seq), p)
    metadata = store.metadata(p.doc_id for p in found.values())
    duplicates = store.duplicates_among(metadata)
    foreign = {d for d, doc in metadata.items() if doc.language not in (None, "en")}
    topic_words = {w.lower() for w in _WORD.findall(scope.topic or "")}
    scored: list[tuple[float, Passage]] = []
    for p in found.values():
        doc = metadata[p.doc_id]
        if p.doc_id in duplicates or p.doc_id in foreign:
            continue
        score = p.score
        if scope.country:
            named = geo.mentions_of(p.text, scope.country)
            about = doc.country == scope.country.name
            if not named and not about:
                continue
            score += 3.0 * min(named, 3) + (2.0 if about else 0.0)
        if topic_words:
            score += 2.0 * len(topic_words & {w.lower() for w in _WORD.findall(p.text)})
        scored.append((score, p))
    undated, coarse = store.window_counts(scope.since, scope.until)
    if not scored:
        what = " and ".join(
            x
            for x in (scope.country and scope.country.name, scope.topic and repr(scope.topic))
            if x
        )
        raise ScopeError(f"no passages found for {what} in the corpus")
    scored.sort(key=lambda sp: (-sp[0], sp[1].doc_id, sp[1].seq))
    taken: Counter[int] = Counter()
    out = []
    for score, p in scored:
        if taken[p.doc_id] >= per_document:
            continue
        taken[p.doc_id] += 1
        out.append(Passage(p.doc_id, p.seq, p.text, p.page, round(score, 4)))
        if len(out) == pool:
            break
    documents = {d: store.document(d) for d in sorted({p.doc_id for p in out})}
    return Retrieved(out, documents, undated, len(foreign), coarse)
