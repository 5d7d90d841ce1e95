"""Salience: which source sentences carry the central facts of a set of documents.

The method is the one the strongest extractive systems of the multi-document news benchmarks
share (Gillick and Favre's concept coverage, ICSISumm; Lin and Bilmes's submodular coverage):

- **Concepts** are content-word bigrams, stemmed lightly; a concept's weight is the number of
  sources that report it (document frequency), so facts several sources tell outrank one
  source's aside. Concepts in only one source count when the set has three sources or fewer.
- **Greedy coverage**: sentences are chosen one at a time by the weight of the concepts they
  add that are not yet covered, divided by their length to a small power (longer sentences
  are not favoured for saying more words). A concept counts once, so two sentences that tell
  the same fact are not both chosen: novelty without a separate redundancy rule.
- **Position**: news puts the central fact first; a concept's weight is raised where it
  first appears early in a document, and a sentence's gain where it stands early.
- **Specificity**: a number or a date in a sentence adds a little (who did what, how many,
  when); a question takes away.
- **Reporting before views**: a view ("I think", "Analysts say", the writer as "I", or a
  sentence the caller marks, such as an advocacy group's) counts half what a report of the
  same facts counts; so does a sentence telling how a report's data or models were used or
  made (its method, not its findings).

No model, no network: counting only, deterministic for a given input.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from briefs.extract.sentences import asks

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say told according mr mrs ms dr one two three new also
    would could may might must shall us per cent percent year years last first week monday
    tuesday wednesday thursday friday saturday sunday""".split()
)
_OPINION = re.compile(
    r"\b(?:I think|I believe|in my view|we believe|it seems|arguably|perhaps|should be noted)\b"
    # a view given to unnamed analysts or observers: what they think, not what happened
    r"|\b(?:analysis|analysts?|observers|commentators|critics)\s+(?:\w+\s+)?"
    r"(?:suggests?|says?|said|believes?|believed|thinks?|expects?|argues?|warns?)\b",
    re.I,
)
# The writer speaking as "I" (case-sensitive, opening the sentence): a view or an aside, which
# a key point gives only when no reporting says as much.
_FIRST_PERSON = re.compile(r"^I\b")
# A speaker's formalities rather than reported facts: "I would like to congratulate…",
# "I certify that the proposed regulation…", "I thank…" (case-sensitive: the pronoun "I"),
# and the speaker announcing what comes next ("Let me touch upon an important question…",
# "Allow me to turn to…"): the frame of a speech, not what it says.
FORMALITY = re.compile(
    r"\bI (?:would like|wish|want|thank|congratulate|certify|welcome|take this|am (?:pleased|"
    r"honoured|honored|happy|grateful))\b"
    # "May I also … express my sincere gratitude to the General Assembly for …"
    r"|^May I\b|\b(?:express|extend|convey|offer) (?:my|our) (?:\w+ ){0,2}(?:gratitude|thanks|"
    r"appreciation|condolences|congratulations|felicitations|greetings|sympath(?:y|ies))\b"
    r"|^(?:[A-Z]\w+(?: \w+)?, )?(?:[Ll]et|[Aa]llow|[Pp]ermit) me\b"
)
# A formality that goes on to tell something: "I would like to inform the Assembly that Myanmar
# is making domestic preparations…", "Let me stress that…". The that-clause is the news.
_TELLS = re.compile(
    r"\b(?:inform|announce|report|say|note|stress|reiterate|emphasi[sz]e|state|recall|confirm|"
    r"share with \w+(?: \w+)?)\b(?: \w+){0,4} that\b"
)


def frame_only(sentence: str) -> bool:
    """Whether ``sentence`` is a speaker's formality that tells nothing: thanks, greetings,
    "Let me touch upon an important question…", not "I am pleased to inform the Assembly that
    yesterday Myanmar deposited…"."""
    return bool(FORMALITY.search(sentence)) and not _TELLS.search(sentence)


# How a report was made rather than what it found: its data, models and variables being used,
# collected or derived ("Various economic variables are used in the forecasting models …",
# "experts used the most recent national data available to describe …"). A reader of a
# brief wants the findings; the method is the source's to tell.
METHOD = re.compile(
    r"\b(?:data|estimates|models?|variables|methods?|methodology|surveys?|samples?|weights|"
    r"calculations|analys[ie]s)"
    r" (?:(?:were|was|are|is|have been|has been) )(?:\w+ )?(?:used|obtained|collected|derived|"
    r"drawn|calculated|computed|estimated|based|weighted|adjusted|coded|compiled|revised|"
    r"rounded|imputed|suppressed|excluded|restricted|limited)\b"
    r"|\b(?:used|uses|using|use) (?:the |a |an )?(?:[\w-]+ ){0,3}(?:data|models?|methods?|"
    r"variables|datasets?|surveys?) (?:available |sources? )?(?:to|for|from|in)\b"
    # how a figure was made, whatever it counts: "MAPEs … were calculated using …"
    r"|\b(?:were|was|are|is) (?:calculated|computed|constructed|derived|imputed|projected)"
    r" (?:using|from|by|with)\b"
    # a definition: what a term covers, not what happened
    r"|\b(?:is|are) (?:defined|classified|counted) as\b"
    r"|\brefers? to (?:the |a |an )?\w+ (?:who|that|which)\b"
    r"|\b(?:includes?|comprises?) (?:all )?(?:students|persons|people|individuals|those|households"
    r"|respondents|children|adults|workers|women|men)\b[^.;]{0,60}\bwho\b",
    re.I,
)
_SPECIFIC = re.compile(r"\d")
OPINION = 0.5  # what a view's gain is worth beside a report's
UNIGRAMS = 0.5  # content words count too, at half a pair: small clusters share few pairs
POSITION = (
    0.5  # what opening its document adds to a sentence's gain (news puts first what matters most)
)


def stem(word: str) -> str:
    """A light stem: case folded, plural and common endings dropped (counts, not linguistics)."""
    w = word.casefold().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in ("ies", "es", "s", "ing", "ed"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return w


def concepts(sentence: str) -> set[tuple[str, str]]:
    """The content bigrams of a sentence ("killed 12", "border talks", "hun sen"), and, when
    ``UNIGRAMS`` weighs them, its content words as (word, "")."""
    stems = [stem(w) for w in _TOKEN.findall(sentence)]
    out = set()
    # "the border" says less than "border talks": pairs of content words only, adjacent or
    # across one stop word ("talks on ceasefire" gives talks~ceasefire).
    for a, b in zip(stems, stems[1:], strict=False):
        if a not in _STOP and b not in _STOP:
            out.add((a, b))
    for a, mid, b in zip(stems, stems[1:], stems[2:], strict=False):
        if mid in _STOP and a not in _STOP and b not in _STOP:
            out.add((a, b))
    if UNIGRAMS:
        out |= {(a, "") for a in stems if a not in _STOP and len(a) > 2 and not a.isdigit()}
    return out


@dataclass(frozen=True)
class Candidate:
    """A sentence that may be chosen: its document, its position there, and its text."""

    key: object  # what the caller knows the sentence by
    doc: int
    position: int  # sentence number in its document, from 0
    text: str
    view: bool = False  # the caller knows it for a view (an advocacy group's text)


def rank(
    candidates: list[Candidate],
    n: int,
    *,
    prior: dict[object, float] | None = None,
    min_words: int = 8,
    max_words: int = 60,
) -> list[Candidate]:
    """Choose up to ``n`` candidates by greedy concept coverage, best first.

    ``prior`` adds a per-candidate bonus in weight units (the caller's relevance to the scope,
    a pin); a candidate outside the word limits is never chosen.
    """
    prior = prior or {}
    docs = {c.doc for c in candidates}
    df: Counter[tuple[str, str]] = Counter()
    first_pos: dict[tuple[str, str], int] = {}
    per_candidate: dict[int, set[tuple[str, str]]] = {}
    seen_in: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, c in enumerate(candidates):
        found = concepts(c.text)
        per_candidate[i] = found
        for k in found:
            if c.doc not in seen_in[k]:
                seen_in[k].add(c.doc)
                df[k] += 1
            first_pos[k] = min(first_pos.get(k, 10**6), c.position)
    least = 1 if len(docs) <= 3 else 2
    weight = {
        k: d * (1.0 + 1.0 / (1 + first_pos[k])) * (UNIGRAMS if not k[1] else 1.0)
        for k, d in df.items()
        if d >= least
    }
    covered: set[tuple[str, str]] = set()
    chosen: list[Candidate] = []
    length = {i: len(_TOKEN.findall(c.text)) for i, c in enumerate(candidates)}
    open_ = [
        i
        for i in per_candidate
        if min_words <= length[i] <= max_words and not FORMALITY.search(candidates[i].text)
    ]
    # What does not change from one round to the next is worked out once per candidate.
    position = {i: 1.0 + POSITION / (1 + candidates[i].position) for i in open_}
    specific = {i: 0.3 * bool(_SPECIFIC.search(candidates[i].text)) for i in open_}
    penalty = {i: 2.0 * asks(candidates[i].text) for i in open_}
    # A view counts for half what a report of the same facts counts: reporting first.
    view = {
        i: OPINION
        if candidates[i].view
        or _OPINION.search(candidates[i].text)
        or _FIRST_PERSON.search(candidates[i].text)
        or METHOD.search(candidates[i].text)
        else 1.0
        for i in open_
    }
    shorter = {i: math.pow(length[i], 0.3) for i in open_}
    bonus = {i: prior.get(candidates[i].key, 0.0) for i in open_}
    while open_ and len(chosen) < n:
        best, best_gain = None, 0.0
        for i in open_:
            gain = sum(weight.get(k, 0.0) for k in per_candidate[i] - covered)
            if gain <= 0 and not bonus[i]:
                continue
            gain *= position[i]
            gain += specific[i] * (gain > 0)
            gain -= penalty[i]
            gain = gain * view[i] / shorter[i] + bonus[i]
            if best is None or gain > best_gain or (gain == best_gain and i < best):
                best, best_gain = i, gain
        if best is None or best_gain <= 0:
            break
        chosen.append(candidates[best])
        covered |= per_candidate[best]
        open_.remove(best)
    return chosen
