"""What a number counts: the noun phrase after it, or the one its sentence gives.

The phrase is cut where a word can only be a verb or adverb ("people fleeing their homes"
counts people). Which words can be nouns, verbs or adjectives comes from LemmInflect's English
lexicon (the SPECIALIST lexicon's inflections, shipped in the wheel), not a word list. A number
with no noun after it takes one its sentence gives: "the number of displaced people has reached
1 million", "the population will reach 9 billion", "45 of our 450 doctors".
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lemminflect import getAllLemmas

from briefs.derived import derived_lookup

QUALIFIER = (
    r"(?:more than|over|about|around|nearly|almost|approximately|at least|at most|up to|some|"
    r"roughly|fewer than|less than|close to|an estimated|estimated|just over|just under|"
    r"below|above)"
)

_STOP = set(
    """of in on at to for from by with and or but the a an across since over under between
    among during into as than that which who were was are is have had has been be per each
    including about after before this these those its their his her will would could may might
    can also more less when where while such both all other out through throughout via against
    within without toward towards upon along around beyond near like because if then there here
    so not no now ago later earlier old long away off up down back being worldwide annually
    respectively alone together altogether overall last next must should shall
    it they we he she you i them us one two three four five six seven eight nine ten eleven
    twelve hundred thousand higher lower greater larger smaller bigger fewer equal equivalent
    compared still times fold worth daily weekly monthly yearly many most several few much today
    yesterday tomorrow tonight currently due owing thanks""".split()
)
# When and whither, right after what is counted: "killed at least 12 insurgents Friday",
# "6 miles west of the city". Case-sensitive: "15 West African states" counts states.
_WHEN_WHERE = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "north south east west northeast northwest southeast southwest".split()
)
# Adjectives that stand for people when counted: "almost 100 dead", "13,650 injured".
_SUBSTANTIVE = {"dead", "injured", "wounded", "missing", "displaced", "homeless", "unemployed"}
# Plurals that do not end in -s; after a plural, a word that can be a verb is the verb
# ("850 million people face hunger").
PLURALS = {
    "people",
    "children",
    "men",
    "women",
    "personnel",
    "police",
    "staff",
    "youth",
    "species",
}
TIME_WORDS = {"year", "years", "month", "months", "week", "weeks", "day", "days"}
# Spans of time, singular: what a count of them measures is how long, never a subject.
SPANS = {"year", "month", "week", "day", "hour", "minute", "decade"}


# Words of a counted noun phrase: lower case, Title Case ("59 Civil Society Organizations"),
# acronyms ("20 UN peace missions"), possessives ("227 Students’ Unions").
_NOUN_WORD = re.compile(r"[A-Za-z][a-z-]*[a-z](?:[’']s?)?|[A-Z]{2,6}s?")
_PHRASE_WORDS = 6
# "the number of internally displaced people ... has reached 1 million"
_NUMBER_OF = re.compile(r"\bnumbers? of\s+(?:the\s+)?", re.IGNORECASE)
# "a population of 1.5 million": the noun the amount is "of" ("a total of 300" says nothing).
_AMOUNTS = {
    "range",
    "total",
    "sum",
    "amount",
    "maximum",
    "minimum",
    "average",
    "rate",
    "level",
    "group",
    "list",
    "increase",
    "decrease",
    "rise",
    "fall",
    "estimate",
    "figure",
    "tally",
    "age",
}
_NOUN_OF = re.compile(rf"\b(?P<noun>[a-z]+)\s+(?:of|from)\s+(?:{QUALIFIER}\s+)?$")
# "the world's population will reach 9 billion": the noun before a verb of amount.
_AMOUNT_VERB = re.compile(
    rf"\b(?P<noun>[a-z][a-z-]+)\s+(?:(?:has|have|had|will|would|could|may|is expected to)\s+)?"
    r"(?:reach(?:ed|es)?|stood at|stands? at|totall?(?:ed|s)|numbered|exceed(?:ed|s)?|topped|"
    r"surpass(?:ed|es)?|(?:rose|rise[sn]?|fell|falls?|grew|grow[sn]?|increased|decreased|"
    rf"dropped|climbed) to)\s+(?:{QUALIFIER}\s+)?$"
)


@lru_cache(maxsize=1)
def _lexicon() -> None:
    """Hand LemmInflect its look-up table from the derived-table cache, read a word at a time
    (LemmInflect only ever asks it ``get(word, {})``): unpacking the gzipped CSV the package
    ships took 0.35 s, loading all of it from the cache 0.11 s, a brief's few hundred words
    a few milliseconds."""
    from lemminflect import config
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
    from lemminflect.core.Lemmatizer import Lemmatizer

    source = Path(config.lemma_lu_fn)
    lemmatizer = Lemmatizer()
    if not hasattr(lemmatizer, "lemma_dict"):  # the attribute its own lazy load fills
        lemmatizer.lemma_dict = derived_lookup(
            "lemmas", lambda: LemmaLUCodec.load(str(source)), packages=("lemminflect",), files=()
        )


@lru_cache(maxsize=8192)
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """LemmInflect's lemmas of ``word`` by part of speech (read, never changed)."""
    _lexicon()
    return getAllLemmas(word)


def lemmas_of(word: str) -> dict[str, tuple[str, ...]]:
    """The lexicon's lemmas of ``word`` by part of speech: {"VERB": ("meet",)} for "met"."""
    return _lemmas(word)


def singular(noun: str) -> str:
    """``noun`` in the singular, by the lexicon ("countries" -> "country", "people" stays)."""
    lemmas = _lemmas(noun).get("NOUN")
    if lemmas:
        return lemmas[0]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


@lru_cache(maxsize=4096)
def word_kinds(word: str) -> frozenset[str]:
    """The parts of speech ``word`` can take; empty for words the lexicon lacks (names)."""
    return frozenset(_lemmas(word.lower()) or _lemmas(word))


def _nominal(word: str) -> bool:
    """Can ``word`` sit in a counted noun phrase? Unknown words (Karenni, deminers) can."""
    kinds = word_kinds(word.rstrip("’'s") if word.endswith(("’", "'", "’s", "'s")) else word)
    return not kinds or bool(kinds & {"NOUN", "ADJ", "PROPN"})


# Endings of adjectives the lexicon lacks ("concessional"): such a word does not end a phrase.
_ADJECTIVE_ENDING = re.compile(r"[a-z-]+(?:al|ive|ous|ic|ary|ful|less|able|ible)")


def head_noun(word: str) -> bool:
    """Can ``word`` end a counted phrase? Nouns, names, and adjectives standing for people."""
    kinds = word_kinds(word.rstrip("’'"))
    if not kinds:
        return not _ADJECTIVE_ENDING.fullmatch(word)
    return "NOUN" in kinds or word.lower() in _SUBSTANTIVE


def plural(word: str) -> bool:
    w = word.lower().rstrip("’'")
    if w in PLURALS:
        return True
    lemmas = _lemmas(w).get("NOUN", ())
    if not lemmas and word[:1].isupper():
        # A people the lexicon lacks in the plural: "Americans", "Cambodians", "Filipinos".
        return w.endswith("s") and not w.endswith("ss") and len(w) > 4
    return w.endswith("s") and any(lemma != w for lemma in lemmas)


def _participle(word: str) -> bool:
    """A verb form ending a phrase ("people fleeing", "people displaced") is not its head."""
    return word.endswith(("ing", "ed")) and "VERB" in word_kinds(word)


def _plural_modified(previous: str, word: str, following: list[re.Match]) -> bool:
    """A plural after a plural names one thing ("States parties to the Convention"); after a
    span of time, or before an adverb, it is the verb ("the past 30 years shows clearly")."""
    if not plural(word) or previous.lower() in TIME_WORDS:
        return False
    nxt = following[0].group(0).strip(",.;:)”\"?!’'").lower() if following else ""
    return not nxt or nxt in _STOP or "ADV" not in word_kinds(nxt)


def _by_agent(word: str, following: list[re.Match]) -> bool:
    return bool(following) and following[0].group(0) == "by" and "VERB" in word_kinds(word)


def _modifying(word: str, following: list[re.Match]) -> bool:
    """A participle before a noun modifies it ("12 major developing countries")."""
    if not _participle(word) or not following:
        return False
    nxt = following[0].group(0).rstrip(",.;:)”\"?!’'")
    return (
        nxt.lower() not in _STOP
        and bool(_NOUN_WORD.fullmatch(nxt))
        and "NOUN" in word_kinds(nxt)
        and "VERB" not in word_kinds(nxt)
    )


def _verb_in_s(word: str, following: list[re.Match], token: str) -> bool:
    """A word in -s after a singular noun and before more words is its verb ("country remains
    virgin jungle"); at the end of the phrase it is a plural ("rice exports")."""
    if not word.endswith("s") or word.endswith("ss") or word != token or not following:
        return False
    verbs = _lemmas(word.lower()).get("VERB", ())
    if not any(lemma != word.lower() for lemma in verbs):
        return False  # "gross", "gas": not a verb inflected in -s
    nxt = following[0].group(0).strip(',.;:)”"?!')
    if not nxt or nxt.lower() in _STOP or nxt != following[0].group(0):
        return False
    return "VERB" not in word_kinds(nxt)  # "member States agreed": then "States" is the noun


def _adverb(word: str) -> bool:
    low = word.lower()
    return low.endswith("ly") and "ADV" in word_kinds(low)


def counted(rest: str) -> tuple[str | None, int, bool]:
    """The noun phrase a number counts, right after it: (head phrase, span used, full).

    ``full`` is False when the phrase was only a verb form ("4,200 crossing into Thailand"):
    the span is kept for the figure's text but the sentence must name what is counted.
    """
    words: list[str] = []
    ends: list[int] = []
    pos = 0
    # A double hyphen stands for a dash: "300 ethnic groups--have been" ends at "groups".
    tokens = list(re.finditer(r"(?:(?!--)\S)+|--", rest))
    dash = next((k for k, t in enumerate(tokens) if t.group(0) == "--"), len(tokens))
    tokens = tokens[:dash]
    for i, m in enumerate(tokens):
        if m.start() - pos > 1 and words:
            break
        token = m.group(0)
        word = token.rstrip(',.;:)”"?!')
        possessive = word.endswith(("’", "'")) and word == token
        if possessive and len(words) < _PHRASE_WORDS - 1 and word[:-1] not in TIME_WORDS:
            pass  # a possessive ("Students’ Unions") goes on to the noun it qualifies
        else:
            word = word.rstrip("’'")  # "15 years’ absence" counts years
        if word.lower() in _STOP or word in _WHEN_WHERE or not _NOUN_WORD.fullmatch(word):
            break
        if (
            not _nominal(word)
            and any(_nominal(w) for w in words)
            and not _modifying(word, tokens[i + 1 : i + 2])
        ):
            break  # "people died": the verb ends the phrase; "internally displaced people" goes on
        after_plural = words and plural(words[-1])
        if after_plural and (
            (
                "VERB" in word_kinds(word)
                and not _plural_modified(words[-1], word, tokens[i + 1 : i + 2])
            )
            or (word[:1].isupper() and words[-1].islower())
        ):
            # "850 million people face hunger", "the past 20 years Viet Nam has"; a plural
            # after a plural is not its verb ("States parties to the Convention").
            break
        if words and not after_plural and _verb_in_s(word, tokens[i + 1 : i + 2], token):
            break  # "75 per cent of the environment shows significant signs"
        if words and word == token and _by_agent(word, tokens[i + 1 : i + 2]):
            break  # "the 70 per cent target set by WHO": a participle with its agent
        words.append(word)
        pos = m.start() + len(word)
        ends.append(pos)
        if len(words) == _PHRASE_WORDS or word != token:
            break
    pos = ends[-1] if ends else 0  # the figure's text keeps the words as written
    while words and (
        not (_nominal(words[-1]) and head_noun(words[-1]))
        or (len(words) > 1 and _adverb(words[-2]))
    ):
        # Modifiers with no noun after them ("5 killed and", "20 per cent urban"), and a word
        # an adverb qualifies ("75 historically active"): an adjective, not what is counted.
        words.pop()
    if words:
        # "10 per cent of our population live and work overseas": the text ends with the
        # noun, not with the verb the loop took for a modifier and let go.
        pos = ends[len(words) - 1]
    head = list(words)
    while len(head) > 1 and _participle(head[-1]):
        head.pop()
    if len(head) == 1 and _participle(head[0]) and head[0].lower() not in _SUBSTANTIVE:
        return head[0], pos, False
    return (" ".join(head) or None), pos, True


PARTITIVE = re.compile(
    r"\s+(?:out\s+of\s+(?:the\s+)?(?=[0-9])|of\s+(?:the|our|its|their|these|those|all)\s+)"
    r"(?:[0-9][0-9,.]*\s+)?(?=[A-Za-z])"
)
_CONJUNCT = re.compile(
    rf"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)(?:(?:{QUALIFIER}\s+)?[0-9][0-9,.]*\s+)?"
)


def coordinated(counts: str | None, rest: str) -> str | None:
    """The shared head of "68 girl and 62 boy deputies", "14 State and regional bodies".

    A count above one names a plural; a singular word followed by "and"/"or" is a modifier
    of the last conjunct's noun, which is what is counted.
    """
    head = None
    for _ in range(3):
        joint = _CONJUNCT.match(rest)
        if not joint:
            break
        phrase, used, _full = counted(rest[joint.end() :])
        if not phrase:
            break
        head, rest = phrase, rest[joint.end() + used :]
        words = head.split()
        if plural(words[-1]) and (len(words) > 1 or words[-1].lower() not in PLURALS):
            break  # "police" alone may be one more modifier: "military, police and civilian staff"
    if head and plural(head.split()[-1]):
        return head
    return counts


def antecedent(before: str) -> str | None:
    """What a bare number counts, from the words before it in its sentence."""
    numbers_of = list(_NUMBER_OF.finditer(before))
    if numbers_of:
        number_of = numbers_of[-1]  # the nearest
        counts, _, full = counted(before[number_of.end() :])
        if counts and full:
            return counts
    of = _NOUN_OF.search(before)
    if of and of.group("noun") not in _STOP | _AMOUNTS and "NOUN" in word_kinds(of.group("noun")):
        return of.group("noun")
    verb = _AMOUNT_VERB.search(before)
    if verb and verb.group("noun") not in _STOP and "NOUN" in word_kinds(verb.group("noun")):
        return verb.group("noun")
    return None
