"""What happened to what a figure counts: the verb next to it ("525,000 people displaced",
"have killed at least 1,600 people"), past an aside, an auxiliary or an adverb ("11 civilians,
including a boy, were arbitrarily detained, beaten and killed"), or an event named as a noun
("the massacre of 11 people"). Verbs are recognised by LemmInflect's lexicon, as in
``counted``.
"""

from __future__ import annotations

import re

from briefs.extract.counted import lemmas_of

# Verbs that say how much, not what happened ("has reached 1 million", "lasting 16 days").
_NOT_EVENTS = {
    "be",
    "have",
    "do",
    "reach",
    "total",
    "last",
    "number",
    "exceed",
    "top",
    "include",
    "surpass",
    "call",
    "represent",
    "account",
    "comprise",
    "involve",
    "range",
}


def event_verb(word: str) -> str | None:
    word = word.strip().strip(",.;:()“”\"'’").lower()
    if not word.endswith(("ed", "ing")):
        return None
    verbs = lemmas_of(word).get("VERB")
    return verbs[0] if verbs and verbs[0] not in _NOT_EVENTS else None


# An event named as a noun before "of" and the count ("the massacre of 11 people", "the
# evacuation of 3,000 residents"): the verb it names. Bodies and remains are of the dead.
EVENT_OF = {
    "massacre": "kill",
    "killing": "kill",
    "killings": "kill",
    "murder": "kill",
    "murders": "kill",
    "slaughter": "kill",
    "execution": "execute",
    "executions": "execute",
    "deaths": "die",
    "bodies": "die",
    "remains": "die",
    "arrest": "arrest",
    "arrests": "arrest",
    "detention": "detain",
    "abduction": "abduct",
    "kidnapping": "kidnap",
    "evacuation": "evacuate",
    "displacement": "displace",
    "deployment": "deploy",
    "release": "release",
    "rescue": "rescue",
}
_DEAD = frozenset({"bodies", "remains"})
# The participle of those verbs, for a tile whose sentence names the event by its noun.
PARTICIPLE = {"kill": "killed", "die": "died", "kidnap": "kidnapped"}
_NOUN_OF = re.compile(r"\b([a-z]+)\s+of\s+(?:(?:the|some|all|the\s+other)\s+)?$")
# What may stand between a count and the participle that says what happened to it: an aside
# set off by commas ("11 civilians, including a boy, were killed"), a passive or perfect
# auxiliary and an adverb ("have been internally displaced", "were arbitrarily detained").
_ASIDE = re.compile(
    r"\s*,\s*(?:including|among them|most of them|many of them|mostly|both|all of them)\b"
    r"[^,;.]{0,100},"
)
# A development is told in the past or the perfect ("were killed", "have been displaced",
# "have returned"), after the count or a short phrase saying where its people are from or in
# ("some 300 people from camps in Cox's Bazar have returned"); the present passive tells a
# state ("are employed", "is located").
_AUXILIARY = re.compile(
    r"(?:\s+(?:from|in|at|across|inside|within)(?:\s+[\w'’-]+){1,5}?)?"
    r"\s*(?P<aux>were|was|have|has|had)(?P<been>\s+been)?\s+(?:[a-z]+ly\s+)?"
)
# In the active perfect the counted people are the doers ("53 million people have endured
# civil war", "20 countries have signed"): only a verb of what befalls or moves them tells
# what happened to them ("have died", "have fled", "have returned").
_HAPPENS_TO = frozenset(
    "die drown perish starve flee escape return arrive cross leave disappear vanish "
    "migrate resettle relocate surrender defect".split()
)
# Verbs that say how sure a count is, not what happened: the participle after them does
# ("were reported killed", "were feared drowned"); alone they say nothing happened.
_HEDGES = frozenset({"report", "believe", "fear", "think", "say", "know", "estimate", "expect"})
# A participle joined to the next in a run of what happened: ", beaten", " and killed",
# ", then burned alive" (with up to five words of its own between).
_NEXT = re.compile(r"(?:\s+\S+){0,5}?(?:,\s*(?:and\s+|then\s+)?|\s+(?:and|then)\s+)(\w+)")


def _event_participle(word: str) -> str | None:
    """The event a past participle names, regular or not ("killed", "beaten", "burnt")."""
    if verb := event_verb(word):
        return verb
    verbs = lemmas_of(word.lower()).get("VERB")
    low = word.lower()
    return verbs[0] if verbs and verbs[0] != low and verbs[0] not in _NOT_EVENTS else None


# The gravest of several things that happened to the same people is what a reader needs.
_GRAVEST = frozenset({"kill", "murder", "execute", "massacre", "slaughter"})
_TO_DEATH = re.compile(r"\s+(?:alive|to death)\b")


def event(before: str, after: str) -> str | None:
    """The verb next to a figure: a participle after it (past an aside, an auxiliary or an
    adverb; the gravest of a run of them), the verb just before it, or an event named as a
    noun before "of" it."""
    following = re.match(r"\s*(\S+)", after)
    if following and (verb := event_verb(following.group(1))):
        return verb
    at = _ASIDE.match(after)
    rest = after[at.end() :] if at else after
    auxiliary = _AUXILIARY.match(rest)
    if auxiliary:
        verb = _run_of_participles(rest[auxiliary.end() :])
        passive = auxiliary.group("aux") in ("were", "was") or auxiliary.group("been")
        if verb and (passive or verb in _HAPPENS_TO):
            return verb
    preceding = re.search(r"(\S+)\s*$", before)
    if preceding and (verb := event_verb(preceding.group(1))):
        return verb
    tail = before[-40:]
    noun = _NOUN_OF.search(tail)
    if not noun:
        return None
    word = noun.group(1).lower()
    if word in _DEAD and not tail[: noun.start()].rstrip().lower().endswith("the"):
        return None  # "the bodies of 35 people", not "the governing bodies of 20 countries"
    return EVENT_OF.get(word)


def _run_of_participles(text: str) -> str | None:
    """The event of the participles ``text`` opens with: the first, or a killing among them
    ("abducted, beaten to the brink of death, then burned alive" -> kill)."""
    first = re.match(r"(\w+)", text)
    verb = _event_participle(first.group(1)) if first else None
    if first and verb in _HEDGES:
        rest = text[first.end() :].lstrip()
        after = _event_participle(re.match(r"\w*", rest).group(0)) if rest else None
        return _run_of_participles(rest) if after and after not in _HEDGES else None
    if not (first and verb):
        return None
    found, end = [(verb, first.end())], first.end()
    while len(found) < 5 and (more := _NEXT.match(text, end)):
        if not (other := _event_participle(more.group(1))):
            break
        found.append((other, more.end()))
        end = more.end()
    for verb, stop in found:
        if verb in _GRAVEST or _TO_DEATH.match(text, stop):
            return "kill"
    return found[0][0]


def told_by_name(verb: str, quote: str) -> str | None:
    """The participle of ``verb`` where ``quote`` tells that it happened in other words: by
    its noun ("the massacre of 11 people": killed) or as a death ("burned alive"). None
    where it does not: "plans to deploy 5,000 troops" tells of no troops deployed."""
    words = set(re.findall(r"[a-z]+", quote.lower()))
    by_noun = any(EVENT_OF[w] == verb for w in words & EVENT_OF.keys())
    as_death = verb == "kill" and re.search(r"\w+(?:ed|t)\s+(?:alive|to death)\b", quote)
    if not (by_noun or as_death):
        return None
    return PARTICIPLE.get(verb) or verb.rstrip("e") + "ed"
