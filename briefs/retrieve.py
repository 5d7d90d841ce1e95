"""Retrieval: (country, topic, window) -> ranked passages with their documents.

BM25 from the store finds candidates; what helps a brief then re-ranks them: a passage that
names the country in its own text beats one from a document that names it once, and no
single document may fill the pool.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from briefs import about, geo, topics
from briefs.corpus import CorpusStore
from briefs.errors import ScopeError
from briefs.linked import linked
from briefs.model import Document, Passage
from briefs.rows import date_span

_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Scope:
    country: geo.Country | None
    topic: str | None
    since: str | None  # ISO date
    until: str | None
    related: tuple[str, ...] = ()  # the user's related terms for the topic (briefs.toml)

    def named(self) -> str:
        """The scope as a message names it: "Cambodia", "'ceasefire'", "Cambodia and 'haze'"."""
        parts = (self.country and self.country.name, self.topic and repr(self.topic))
        return " and ".join(x for x in parts if x)


@dataclass(frozen=True)
class Retrieved:
    passages: list[Passage]
    documents: dict[int, Document]
    excluded_undated: int
    excluded_language: int = 0
    excluded_coarse: int = 0
    about_documents: int = 0  # cited documents about the scope, not passing mentions
    also: dict[int, list[str]] = field(default_factory=dict)  # kept document -> its copies
    # Which of ``documents`` are about the scope; the others lend passages that name it.
    about: frozenset[int] = frozenset()


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
    """Return up to ``pool`` passages for ``scope``, best first, from the documents that are
    about it.

    For a country, a document is about it by its title, its opening and its share of
    mentions (``briefs.about``); every passage of such a document may be quoted, ranked by
    what it adds. A document that only mentions the country gives passages only where they
    name it strongly (not in a list of countries, not "Australian dollar"), and only when no
    document is about it. A topic works the same way on its words and
    related terms (``briefs.topics``): in the title or opening, or a good share of passages.

    Raises ScopeError when neither a country nor a topic is given, or nothing matches.
    """
    if scope.country is None and not scope.topic:
        raise ScopeError("give a country, a topic, or both")
    country = scope.country
    country_docs: dict[int, float] = {}
    topic_hits: dict[int, dict[int, Passage]] = {}
    found: dict[tuple[int, int], Passage] = {}
    if country:
        for doc_id, sig, declared in store.about_documents(
            country.iso3, country.name, scope.since, scope.until
        ):
            value = 1.0 if sig is None else about.score(sig, declared)
            country_docs[doc_id] = max(value, country_docs.get(doc_id, 0.0))
    if scope.topic:
        passages, dense = _topic_passages(store, scope)
        for p in passages:
            topic_hits.setdefault(p.doc_id, {})[p.seq] = p
            found[(p.doc_id, p.seq)] = p
    topic_docs, named_in_title = (
        _topic_scores(store, topic_hits, scope, dense) if scope.topic else ({}, set())
    )
    # Which documents are about the whole scope: the country's and the topic's, or both.
    if country and scope.topic:
        # About the topic, with the country as a subject (first or second): about the scope.
        # A coffee report that lists Brazil among twenty producers is not.
        scores = {
            d: topic_docs[d]
            if country_docs.get(d, 0.0) >= about.SECONDARY
            else min(country_docs.get(d, 0.0), topic_docs[d])
            for d in topic_docs
        }
    elif country:
        scores = country_docs
    else:
        scores = topic_docs
    # When nothing is squarely about a topic, the documents that have it as a second subject
    # are the nearest a reader would turn to. Not for a country: there a document about its
    # neighbour lends only the sentences that name it (the passing-mention path below).
    floor = about.ABOUT
    if scope.topic and not any(v >= about.ABOUT for v in scores.values()):
        floor = about.SECONDARY
    about_docs = sorted(
        (d for d, v in scores.items() if v >= floor), key=lambda d: (-scores[d], d)
    )[:MAX_DOCUMENTS]
    if country and not scope.topic and len(about_docs) < MAX_DOCUMENTS:
        # A story filed from Oslo about a Kenyan laureate: its names say whose story it is.
        more = linked(store, scores, about_docs, floor, scope.since, scope.until)
        scores.update(dict.fromkeys(more, floor))
        about_docs = (about_docs + sorted(more))[:MAX_DOCUMENTS]
    # Passing mentions serve only when nothing at all is about the scope: a few documents
    # about it are the brief (the gaps say the material is thin), not a list padded with
    # speeches that name it once.
    mention_only = not about_docs
    if country and not scope.topic:
        for p in store.passages_of(about_docs, per_document * 2):
            found.setdefault((p.doc_id, p.seq), p)
        for p in store.find([list(country.names)], 2000, scope.since, scope.until):
            found.setdefault((p.doc_id, p.seq), p)
    elif scope.topic:
        # A story about the topic tells it in sentences that need not repeat its words ("China
        # extended an apology … one of its submarines intruded"): every passage of a document
        # about the topic whose title names it (a word of it or a related term) may be quoted,
        # as for a country; those holding the topic rank first. A speech or a report on many
        # subjects, which the topic fills only in part, lends only what holds it, and its
        # opening when it holds the topic's words fewer than three times.
        squarely = [d for d in about_docs if scores[d] >= about.ABOUT and d in named_in_title]
        thin = [d for d in about_docs if d not in squarely and len(topic_hits.get(d, {})) < THIN]
        for p in store.passages_of(squarely, per_document * 2):
            found.setdefault((p.doc_id, p.seq), p)
        for p in store.passages_of(thin, OPENING):
            found.setdefault((p.doc_id, p.seq), p)
    metadata = store.metadata(p.doc_id for p in found.values())
    duplicates = store.duplicates_among(metadata)
    foreign = {d for d, doc in metadata.items() if doc.language not in (None, "en")}
    about_set = set(about_docs)
    best_match = max((p.score for p in found.values()), default=0.0) or 1.0
    scored: list[tuple[float, Passage]] = []
    for p in found.values():
        if p.doc_id in duplicates or p.doc_id in foreign:
            continue
        in_about = p.doc_id in about_set
        secondary = scores.get(p.doc_id, 0.0) >= about.SECONDARY
        if not in_about and not secondary and not mention_only:
            continue
        # Inside a document about the scope a passage counts by what it adds (prose over a
        # label or a field line); elsewhere by how well it matches (bm25, scaled to the same
        # range), since there only the match makes it relevant at all.
        match = substance(p.text) if in_about else MATCH_WEIGHT * p.score / best_match
        score = match + 4.0 * scores.get(p.doc_id, 0.0) + 1.0 / (1 + p.seq)
        if country:
            flags = about.weak_flags(p.text)
            strong = sum(1 for *_, iso, weak in flags if iso == country.iso3 and not weak)
            others = sum(1 for *_, iso, weak in flags if iso != country.iso3 and not weak)
            if not in_about and (strong == 0 or country_docs.get(p.doc_id, 0.0) < MENTION_FLOOR):
                continue  # a passing mention in a document about something else
            if strong == 0 and others:
                score -= 1.5  # a passage of the document about another country
            score += 1.5 * min(strong, 2)
        if scope.topic:
            if p.seq not in topic_hits.get(p.doc_id, {}) and not in_about:
                continue
            score += 2.0 * (p.seq in topic_hits.get(p.doc_id, {}))
        scored.append((score, p))
    undated, coarse = store.window_counts(scope.since, scope.until)
    if not scored:
        raise ScopeError(
            f"no passages found for {scope.named()} in the corpus"
            + _not_in_english(len(foreign - duplicates))
        )
    scored.sort(key=lambda sp: (-sp[0], sp[1].doc_id, sp[1].seq))
    fetched: dict[int, Document] = {}  # whole documents read once, for the copy test and after
    copies = _same_text(store, [p.doc_id for _, p in scored], fetched)
    scored = [(score, p) for score, p in scored if p.doc_id not in copies]
    taken: Counter[int] = Counter()
    out = []
    for score, p in scored:
        if taken[p.doc_id] >= per_document:
            continue
        taken[p.doc_id] += 1
        out.append(Passage(p.doc_id, p.seq, p.text, p.page, round(score, 4)))
        if len(out) == pool:
            break
    documents = {
        d: fetched[d] if d in fetched else store.document(d)
        for d in sorted({p.doc_id for p in out})
    }
    thin = sum(1 for d in documents if d in about_set)
    also: dict[int, list[str]] = {}
    for copy, kept in copies.items():
        if kept in documents:
            also.setdefault(kept, []).append(metadata[copy].path)
    return Retrieved(
        out,
        documents,
        undated,
        len(foreign),
        coarse,
        about_documents=thin,
        also=also,
        about=frozenset(d for d in documents if d in about_set),
    )


MATCH_WEIGHT = 3.0  # the most a passage's search match adds to its score
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]?$")


def substance(text: str) -> float:
    """What a passage of a document about the scope adds: ``MATCH_WEIGHT`` for prose (it ends
    as a sentence does, eight words or more), nothing for a heading, a label or a field line
    ("24 provinces (khett …)", "noun: Cambodian(s)"). Among prose, position and naming the
    scope decide, as for a reader: a news paragraph of one sentence adds as much as a long
    one."""
    if len(text.split()) < 8 or not _SENTENCE_END.search(text.rstrip()):
        return 0.0
    return MATCH_WEIGHT


SHINGLE = 5  # words in a shingle
SAME_TEXT = 0.6  # share of the shorter text's shingles the longer one holds: one document


def _shingles(doc: Document) -> set[str]:
    words = _WORDS.findall(doc.text.casefold()[:20_000])
    return {" ".join(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}


def _same_text(
    store: CorpusStore, ranked: list[int], fetched: dict[int, Document], limit: int = 40
) -> dict[int, int]:
    """{copy: kept} among the best-ranked documents: the same report as PDF and as Markdown,
    a DOCX and its PDF export (their texts differ in furniture, so not by hash: by how much of
    the shorter text's word shingles the other holds). The better-ranked one is kept. The
    documents read go into ``fetched``, for the caller to reuse."""
    order = list(dict.fromkeys(ranked))[:limit]
    if len(order) < 2:
        return {}
    fetched.update({d: store.document(d) for d in order})
    shingles = {d: _shingles(fetched[d]) for d in order}
    copies: dict[int, int] = {}
    for i, d in enumerate(order):
        if d in copies or not shingles[d]:
            continue
        for e in order[i + 1 :]:
            if e in copies or not shingles[e]:
                continue
            shared = len(shingles[d] & shingles[e])
            if shared >= SAME_TEXT * min(len(shingles[d]), len(shingles[e])):
                copies[e] = d
    return copies


def _not_in_english(n: int) -> str:
    """What an empty brief should add when documents in other languages name its scope."""
    if not n:
        return ""
    many = n != 1
    return (
        f" ({n} document{'s' if many else ''} naming it {'are' if many else 'is'} not in English,"
        " which the extractors do not read)"
    )


THIN = 3  # fewer passages holding the topic than this, and a document lends its opening
# How far an opening reaches, in passages: a cover page's or a caption's short lines (a
# transcript's parties, one to a line) come before the first sentence a reader would quote.
OPENING = 8
MAX_DOCUMENTS = 60  # documents about the scope read for a brief, most about it first
PASSING = 0.2  # the most a topic's single mention in a document makes it about the topic
MENTION_FLOOR = 0.2  # a document must say at least this much of a country to lend a passage


def _topic_passages(store: CorpusStore, scope: Scope) -> tuple[list[Passage], set[int]]:
    """Passages that hold the topic: as a phrase or a related term; and, for a topic of
    several words, passages holding enough of its content words (``topics.needed``), each
    word found by the index in any of its forms. A passage with one word of "Vietnam's
    contribution to regional peace" ("peace") does not hold the topic. Failing any such
    passage, the passages of documents that hold all the words somewhere.

    Also the documents dense with the topic's words: each word in two passages or more ("Delta
    4 Heavy Ready For Demonstration Launch", its rocket named in seven places, never "rocket
    launch"); their passages holding any of the words are found too."""
    terms = topics.terms(scope.topic or "", scope.related)
    found = store.find([terms], 3000, scope.since, scope.until)
    content = topics.content_words(scope.topic or "")
    dense: set[int] = set()
    if len(content) > 1:
        count: Counter[tuple[int, int]] = Counter()
        by_key: dict[tuple[int, int], Passage] = {}
        per_word: list[Counter[int]] = []  # each word's documents, with its passages in each
        for word in content:
            hits = store.find([list(topics.forms(word))], 3000, scope.since, scope.until)
            if not hits:
                continue  # a word the corpus never uses ("etc") cannot be required
            per_word.append(Counter(p.doc_id for p in hits))
            for p in hits:
                key = (p.doc_id, p.seq)
                count[key] += 1
                by_key.setdefault(key, p)
        if len(per_word) == len(content) <= 3:
            # Every word, in two passages or more. Not for a longer topic: there most speeches
            # of a corpus hold three of "Vietnam's contribution to regional peace" often.
            dense = set.intersection(*({d for d, n in c.items() if n >= 2} for c in per_word))
        # A word the corpus never uses is not required, but it does not make the topic a
        # shorter one: seven words still need four.
        need = min(topics.needed(len(content)), len(per_word))
        together = [p for key, p in by_key.items() if count[key] >= need]
        if len(found) < 5 and not together and per_word:
            # No passage holds them together (a cover page puts each name on a line of its
            # own): the documents that hold enough of them somewhere.
            per_doc = Counter(d for docs in per_word for d in docs)
            every = {d for d, n in per_doc.items() if n >= max(need, len(per_word) - 1)}
            together = [p for p in by_key.values() if p.doc_id in every]
        found += together
        found += [p for p in by_key.values() if p.doc_id in dense]
    unique = {(p.doc_id, p.seq): p for p in reversed(found)}  # the first find's score wins
    return list(unique.values()), dense


def _topic_scores(
    store: CorpusStore,
    hits: dict[int, dict[int, Passage]],
    scope: Scope,
    dense: set[int] = frozenset(),
) -> tuple[dict[int, float], set[int]]:
    """How much each document is about the topic, 0 to 1, by where and how often it holds
    the topic: its title, its opening, the share of its passages. One passage holding it,
    wherever that is, is a passing mention, unless the title names the topic too. A document
    ``dense`` with the topic's words whose title names one of them has the topic as its title
    ("Delta 4 Heavy Ready For Demonstration Launch" for "rocket launch").

    Also the documents whose title names the topic at all: a related term or a word of it."""
    counts = store.passage_counts(hits)
    titles = {d: doc.title for d, doc in store.metadata(hits).items()}
    wanted = [t.casefold() for t in topics.terms(scope.topic or "", scope.related)]
    content = topics.content_words(scope.topic or "")
    out = {}
    named: set[int] = set()
    for doc_id, seqs in hits.items():
        title = titles.get(doc_id) or ""
        says = any(t in title.casefold() for t in wanted)
        if says or topics.found(title, content) >= 1:
            named.add(doc_id)
        titled = says or topics.holds(title, content)
        titled = titled or (doc_id in dense and doc_id in named)
        # A cover page or a caption sets the topic's words on lines of their own ("MICHAEL
        # A. KNOWLES," / "v." / "ALEXANDRE MIRZAYANCE."): together in its opening, they title it.
        opening = " ".join(
            p.text for seq, p in sorted(seqs.items()) if seq < OPENING and len(p.text) <= 60
        )
        titled = titled or (len(content) > 1 and topics.holds(opening, content))
        # A passage with the whole topic (its phrase, a related term, its content words, but
        # for what a reader allows implied in a long one) holds it; one that holds only enough
        # of them to be found counts half.
        whole = {
            seq
            for seq, p in seqs.items()
            if any(t in p.text.casefold() for t in wanted)
            or topics.found(p.text, content) >= topics.whole(len(content))
        }
        share = (len(whole) + 0.5 * (len(seqs) - len(whole))) / max(counts.get(doc_id, 1), 1)
        value = 0.45 * (titled or 0 in whole) + 0.25 * bool({1, 2} & whole)
        value += 0.3 * min(1.0, 2 * share) + 0.1 * min(len(whole), 4) / 4
        if len(seqs) < 2 and not titled:
            value = min(value, PASSING)
        out[doc_id] = round(min(value, 1.0), 4)
    return out, named
