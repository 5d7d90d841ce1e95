"""Key points: the candidate sentences in the order the key points take them.

Central facts first, by concept coverage across sources (``briefs.salience``), with what a
reader of a brief also weighs: that a sentence names the scope, that retrieval ranked its
passage high, that its source is recent and about the scope.
"""

from __future__ import annotations

from collections import Counter

from briefs import salience, topics
from briefs.extract.sentences import SourceSentence, asks
from briefs.retrieve import Scope

NAME_PRIOR = 0.5  # what naming the scope adds to a sentence's salience, in weight units
RANK_PRIOR = 0.5  # what retrieval's rank of its passage adds, at most
RECENCY = 0.5  # what being the newest source adds to a sentence's salience, in weight units
# What coming from a document about the scope adds: a reader trusts the report on Thailand
# over another country's report that mentions it.
ABOUT_PRIOR = 1.0


def ranked_for_key_points(
    candidates: list[tuple[float, SourceSentence]],
    scope: Scope,
    count: int,
    weight: dict[tuple[int, int], float],
    dates: dict[int, str | None],
    about: frozenset[int],
    advocacy: frozenset[int] = frozenset(),
) -> list[tuple[float, SourceSentence]]:
    """The candidates in the order key points take them: central facts first, by concept
    coverage across sources (``briefs.salience``); sentences that name the scope (its country,
    its topic or a related term) and passages retrieval ranked high are preferred."""
    names = [*(scope.country.names if scope.country else ())]
    if scope.topic:
        names += topics.terms(scope.topic, scope.related)
    lowered = [n.lower() for n in names]
    # A topic typed as a sentence is rarely repeated whole: a sentence holding more of its
    # words is more about it.
    content = topics.content_words(scope.topic) if scope.topic else []
    kept = [(i, s) for i, (_score, s) in enumerate(candidates) if not asks(s.quote)]
    # A sentence's place in its document counts the quotable sentences before it, as a
    # reader meets them: a subtitle, a byline or a photo caption does not push the lead back.
    place_in_doc: dict[int, int] = {}
    met: Counter[int] = Counter()
    for doc, _seq, _index, i in sorted((s.doc_id, s.seq, s.index, i) for i, s in kept):
        place_in_doc[i] = met[doc]
        met[doc] += 1
    # An advocacy group's text argues a case: its sentences weigh as views beside reporting.
    pool = [
        salience.Candidate(i, s.doc_id, place_in_doc[i], s.quote, view=s.doc_id in advocacy)
        for i, s in kept
    ]
    # The newest material matters most to a reader of a brief: a source's place among the
    # dates of the sources in the pool, 0 for the oldest (or undated) to 1 for the newest.
    dated = sorted({dates[c.doc] for c in pool if dates.get(c.doc)})
    place = {d: i / max(1, len(dated) - 1) for i, d in enumerate(dated)}
    prior = {
        c.key: NAME_PRIOR * any(n in c.text.lower() for n in lowered)
        + (NAME_PRIOR * topics.found(c.text, content) / len(content) if content else 0.0)
        + RANK_PRIOR * weight.get((c.doc, candidates[c.key][1].seq), 0.0)  # type: ignore[index]
        + RECENCY * place.get(dates.get(c.doc) or "", 0.0)
        + ABOUT_PRIOR * (c.doc in about)
        for c in pool
    }
    ranked = salience.rank(pool, 4 * count, prior=prior)
    n = len(ranked)
    return [(float(n - i), candidates[c.key][1]) for i, c in enumerate(ranked)]  # type: ignore[index]
