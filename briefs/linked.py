"""Documents about a country through the names its stories are about.

A reader who knows that Wangari Maathai is Kenyan reads "OSLO, Norway - Environmental activist
Wangari Maathai received the Nobel Peace Prize" as a Kenya story, though its dateline and most
of its place names are Norway's; so with "Pinochet" for Chile or "Hun Sen" for Cambodia. The
corpus itself says which names stand for a country: a name that the openings of the country's
own documents give, and that most openings giving it belong to documents about the country, is
one of the country's subjects. A document that names the country at least once, and whose
opening gives two such names, is about it too.

Only openings count (the title and the first paragraphs): a name in passing deep in a story
says nothing of what the story is about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from briefs import geo
from briefs.corpus import CorpusStore
from briefs.readers.clean import word_counts

OPENING = 3  # passages of a document that make its opening (the first holds the title)
READ = 40  # documents about the country whose openings are read for names
NAMES = 12  # candidate names looked up, most shared first
SUPPORT = 2  # the country's documents whose openings must give a name
SHARE = 0.5  # of the openings giving a name, more than this share are about the country
NEEDED = 2  # names an opening must give for its document to be linked
COMMON = 1000  # a word this frequent in English text is a word before it is a name

_WORD = re.compile(r"(?<![\w’'-])[A-Z][a-z][\w’'-]+")
_POSSESSIVE = re.compile(r"[’']s$")
# Capitalised words that name no one: titles of office, calendar words, openers.
_NOT_NAMES = frozenset(
    "The This That These Those There Their They Then When While After Before Since During "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mr Mrs Ms Dr Prof Sir "
    "President Prime Minister Ministry Minister Deputy Secretary General Foreign Government "
    "National International Party Committee Council Assembly United Nations News Reuters "
    "Associated Press Agence France Presse Update Updated Home Page Copyright".split()
)

# Parts of the world: places the country gazetteer leaves out, shared by many countries' news.
_REGIONS = frozenset(
    "Asia Asian Africa African Europe European America American Americas Pacific Atlantic "
    "Arctic Antarctic Caribbean Mediterranean Balkans Gulf Arab Arabs Latin Nordic Baltic "
    "South-East Southeast Northeast North-East Eurasia Oceania".split()
)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or a dateline's story."""
    before = text[max(0, start - 8) : start].rstrip()
    if not before:
        return start <= 8 or not text[:start].strip()
    return before[-1] in '.!?:;"“(' or before.endswith((" -", " –", " —"))


def names(text: str) -> set[str]:
    """The capitalised words of ``text`` that may name a person, a group or a thing: not a
    sentence's first word, not a place the gazetteer knows, not a title or calendar word, and
    not a common English word ("Security Council", "Green Belt Movement" name no one by
    themselves; "Maathai", "Nobel" and "Hun" do)."""
    places = {text[s:e] for s, e, _ in geo.mentions(text)}
    common = word_counts()
    found: set[str] = set()
    for m in _WORD.finditer(text):
        word = _POSSESSIVE.sub("", m.group(0)).rstrip("’'-")
        if word in _NOT_NAMES or len(word) < 3 or _opens_sentence(text, m.start()):
            continue
        if any(word in place for place in places) or word in _REGIONS:
            continue
        if all(common.get(part, 0) >= COMMON for part in word.lower().split("-")):
            continue  # "Security", "Secretary-General", "High-level"
        found.add(word)
    return found


def _openings(store: CorpusStore, doc_ids: Iterable[int]) -> dict[int, str]:
    text: dict[int, list[str]] = {}
    for p in store.passages_of(doc_ids, OPENING):
        text.setdefault(p.doc_id, []).append(p.text)
    titles = store.metadata(text)
    return {d: "\n".join([titles[d].title or "", *parts]) for d, parts in text.items()}


def linked(
    store: CorpusStore,
    scores: dict[int, float],
    about_docs: list[int],
    floor: float,
    since: str | None = None,
    until: str | None = None,
) -> set[int]:
    """The documents that name the country (``scores`` holds every one, by aboutness) below
    ``floor``, whose openings give two of the names the country's documents (``about_docs``,
    most about it first) are about."""
    if len(about_docs) < SUPPORT:
        return set()
    shared: Counter[str] = Counter()
    for text in _openings(store, about_docs[:READ]).values():
        shared.update(names(text))
    candidates = sorted(
        (n for n, c in shared.items() if c >= SUPPORT), key=lambda n: (-shared[n], n)
    )[:NAMES]
    about = set(about_docs)
    # A name can be one of the country's only if at most 1/SHARE times as many documents
    # give it as the country's own: a search stopped there says enough of a common word.
    cap = int(OPENING * len(about) / SHARE) + 1
    giving: dict[int, set[str]] = {}
    for name in candidates:
        hits = store.openings([name], OPENING, cap, since, until)
        if len(hits) >= cap:
            continue
        # The search matches the title with the first passage, and folds case: a name rare
        # enough to be a candidate is seldom a lower-case word too.
        docs = {p.doc_id for p in hits}
        if len(docs & about) >= SUPPORT and len(docs & about) > SHARE * len(docs):
            for d in docs - about:
                giving.setdefault(d, set()).add(name)
    return {
        d
        for d, found in giving.items()
        if 0.0 < scores.get(d, 0.0) < floor and len(found) >= NEEDED
    }
