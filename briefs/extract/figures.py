"""Key figures: numbers that count something, with what they count, from one sentence.

A regex, not quantulum3: the library notes found quantulum3 drops counted nouns and misreads
currencies, while one pattern (qualifier, currency, number, scale, unit, counted noun) is exact
and fast. Dates, years, ordinals, clock times, session and list numbers are masked first.

What a number counts is the noun phrase after it, cut where a word can only be a verb or adverb
("people fleeing their homes" counts people). Which words can be nouns comes from LemmInflect's
English lexicon (the SPECIALIST lexicon's inflections, shipped in the wheel), not a word list.
A number with no noun after it takes one the sentence gives: "the number of displaced people
has reached 1 million", "the population will reach 9 billion", or the figure before it ("27
cases, of which 26 have recovered").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MASKS = [
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}\b",
    rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}",
    rf"\b{_MONTHS}\s+\d{{4}}\b",
    r"\b\d{1,2}:\d{2}\b(?:\s*[ap]\.?m\.?)?",
    r"\b\d+[- ](?:year|month|week|day)s?[- ]old\b",  # ages: "a 13-year-old boy"
    r"\b\d{1,2}\s*[ap]\.m\.",
    r"\b\d+(?:st|nd|rd|th)\b",
    r"\b(?i:No|Vol|Issue|Article|Chapter|Section|Resolution|paragraph|para|page|p|pp|Table|Figure|"
    r"Protocol|Phase|Level|Class|Grade|Decree|Law|Order|Session|Item|Rule|Goal|SDG|Target|"
    r"Agenda|Group of)s?\.?\s*#?\d[\d./-]*(?:\s+and\s+\d+)?",
    r"\bage[sd]?\s+(?:of\s+|from\s+|between\s+)?\d+(?:\s*(?:to|-|–|and)\s*\d+)?",
    r"#\d+",
    r"\b[A-Z]{1,6}[-/]\d[\w./-]*",  # COVID-19, A/70/PV.19, Su-30
    r"\bCOVID-?\s?19\b",
    r"\b\d[\w./-]*[A-Z]{2,}\b",  # 5PC, 4G
    r"\+?\d[\d ()-]{8,}\d",  # phone numbers
    r"\b(?:1[89]|20|21)\d{2}(?:\s*[-–/]\s*(?:1[89]|20|21)?\d{2})?s?\b(?![,.]\d)",  # years, 2012–13
    r"^\s*\(?\d{1,2}[.)]\s",  # list numbering
]
_MASK = re.compile("|".join(f"(?:{m})" for m in _MASKS))

_QUAL = (
    r"(?:more than|over|about|around|nearly|almost|approximately|at least|at most|up to|some|"
    r"roughly|fewer than|less than|close to|an estimated|estimated|just over|just under|"
    r"below|above)"
)
_CUR = r"(?:US\$|USD|US dollars|\$|€|EUR|£|GBP|¥|RM|THB|KHR|VND|PHP|IDR|MMK|SGD)"
# ASCII digits only: Burmese numerals (၁၁) are out of scope, and ``\d`` would take them.
_NUM = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_SCALE = r"(?:thousand|million|billion|trillion|bn|mn|m)\b"
_PCT = r"(?:%|\s?per\s?cent\b|\s?percent\b)"
# Currencies named after the number ("20,000 kyat", "5 million baht").
_CUR_WORD = (
    r"(?:kyats?|baht|riels?|dong|ringgit|rupiah|pesos?|yuan|yen|rupees?|dollars|euros|"
    r"US dollars)\b"
)
_UNIT = (
    r"(?:megawatts?|MW|gigawatts?|GW|kilowatts?|km2|km|kilometres?|kilometers?|miles?|metres?|"
    r"meters?|tonnes?|tons?|hectares?|ha|square kilomet(?:re|er)s?|sq km|acres?|litres?|"
    r"barrels?|kg|kilograms?|degrees? Celsius|nautical miles)\b|°C\b|°F\b"
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
    compared still times fold daily weekly monthly yearly many most several few much today
    yesterday tomorrow tonight currently""".split()
)
# Adjectives that stand for people when counted: "almost 100 dead", "13,650 injured".
_SUBSTANTIVE = {"dead", "injured", "wounded", "missing", "displaced", "homeless", "unemployed"}
# Plurals that do not end in -s; after a plural, a word that can be a verb is the verb
# ("850 million people face hunger").
_PLURALS = {"people", "children", "men", "women", "personnel", "police", "staff", "youth"}
_TIME_WORDS = {"year", "years", "month", "months", "week", "weeks", "day", "days"}
# "250-member Senate", "a 40-day truce": the number counts the word it is hyphened to.
_COMPOUND = re.compile(r"-(?!(?:thousand|million|billion|trillion|fold)\b)([a-z]+)\b(?!-old)")
_FIGURE = re.compile(
    rf"(?P<qual>\b{_QUAL}\s+)?"
    rf"(?P<cur>{_CUR}\s?)?"
    rf"(?P<num>{_NUM})"
    rf"(?:\s*(?:to|-|–|and)\s*(?P<num2>{_NUM}))?"
    rf"(?:\s?(?P<scale>{_SCALE}))?"
    rf"(?P<pct>{_PCT})?"
    rf"(?:\s?(?P<unit>{_UNIT}))?"
    rf"(?:\s(?P<cur_word>{_CUR_WORD}))?"
)
# A Capitalized word (not the sentence's first) right before a number makes it part of a name.
_NAMED_NUMBER = re.compile(r"\S\s+[A-Z][a-z]+\s$")
_DOT_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)\s*$",
    re.IGNORECASE,
)
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
# Words of a counted noun phrase: lower case, Title Case ("59 Civil Society Organizations"),
# acronyms ("20 UN peace missions"), possessives ("227 Students’ Unions").
_NOUN_WORD = re.compile(r"[A-Za-z][a-z-]*[a-z](?:[’']s?)?|[A-Z]{2,6}s?")
_PHRASE_WORDS = 5
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
_NOUN_OF = re.compile(rf"\b(?P<noun>[a-z]+)\s+(?:of|from)\s+(?:{_QUAL}\s+)?$")
# "the world's population will reach 9 billion": the noun before a verb of amount.
_AMOUNT_VERB = re.compile(
    rf"\b(?P<noun>[a-z][a-z-]+)\s+(?:(?:has|have|had|will|would|could|may|is expected to)\s+)?"
    r"(?:reach(?:ed|es)?|stood at|stands? at|totall?(?:ed|s)|numbered|exceed(?:ed|s)?|topped|"
    r"surpass(?:ed|es)?|(?:rose|rise[sn]?|fell|falls?|grew|grow[sn]?|increased|decreased|"
    rf"dropped|climbed) to)\s+(?:{_QUAL}\s+)?$"
)


@dataclass(frozen=True)
class FoundFigure:
    """A figure in a sentence: ``text`` is a verbatim span of it, ``start`` its offset."""

    text: str
    start: int
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    counts: str | None
    # What happened to what is counted, when the sentence says so next to the number:
    # "killed at least 1,600 people" and "525,000 people displaced" are not the same measure.
    event: str | None = None


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
}


def singular(noun: str) -> str:
    """``noun`` in the singular, by the lexicon ("countries" -> "country", "people" stays)."""
    lemmas = getAllLemmas(noun).get("NOUN")
    if lemmas:
        return lemmas[0]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _event_verb(word: str) -> str | None:
    word = word.strip().strip(",.;:()“”\"'’").lower()
    if not word.endswith(("ed", "ing")):
        return None
    verbs = getAllLemmas(word).get("VERB")
    return verbs[0] if verbs and verbs[0] not in _NOT_EVENTS else None


def _event(before: str, after: str) -> str | None:
    """The verb next to a figure: a participle after it, or the verb just before it."""
    following = re.match(r"\s*(\S+)", after)
    if following and (verb := _event_verb(following.group(1))):
        return verb
    preceding = re.search(r"(\S+)\s*$", before)
    return _event_verb(preceding.group(1)) if preceding else None


def _mask(sentence: str) -> str:
    return _MASK.sub(lambda m: "\x00" * len(m.group(0)), sentence)


def _number(s: str, grouped_by_dots: bool = False) -> float:
    if grouped_by_dots:
        s = s.replace(".", "")
    return float(s.replace(",", ""))


@lru_cache(maxsize=4096)
def _kinds(word: str) -> frozenset[str]:
    """The parts of speech ``word`` can take; empty for words the lexicon lacks (names)."""
    kinds = getAllLemmas(word.lower()) or getAllLemmas(word)
    return frozenset(kinds)


def _nominal(word: str) -> bool:
    """Can ``word`` sit in a counted noun phrase? Unknown words (Karenni, deminers) can."""
    kinds = _kinds(word.rstrip("’'s") if word.endswith(("’", "'", "’s", "'s")) else word)
    return not kinds or bool(kinds & {"NOUN", "ADJ", "PROPN"})


def _head_noun(word: str) -> bool:
    """Can ``word`` end a counted phrase? Nouns, names, and adjectives standing for people."""
    kinds = _kinds(word.rstrip("’'"))
    return not kinds or "NOUN" in kinds or word.lower() in _SUBSTANTIVE


def _plural(word: str) -> bool:
    w = word.lower().rstrip("’'")
    if w in _PLURALS:
        return True
    lemmas = getAllLemmas(w).get("NOUN", ())
    return w.endswith("s") and any(lemma != w for lemma in lemmas)


def _participle(word: str) -> bool:
    """A verb form ending a phrase ("people fleeing", "people displaced") is not its head."""
    return word.endswith(("ing", "ed")) and "VERB" in _kinds(word)


def _verb_in_s(word: str, following: list[re.Match], token: str) -> bool:
    """A word in -s after a singular noun and before more words is its verb ("country remains
    virgin jungle"); at the end of the phrase it is a plural ("rice exports")."""
    if not word.endswith("s") or word.endswith("ss") or word != token or not following:
        return False
    verbs = getAllLemmas(word.lower()).get("VERB", ())
    if not any(lemma != word.lower() for lemma in verbs):
        return False  # "gross", "gas": not a verb inflected in -s
    nxt = following[0].group(0).strip(',.;:)”"?!')
    if not nxt or nxt.lower() in _STOP or nxt != following[0].group(0):
        return False
    return "VERB" not in _kinds(nxt)  # "member States agreed": then "States" is the noun


def _counted(rest: str) -> tuple[str | None, int, bool]:
    """The noun phrase a number counts, right after it: (head phrase, span used, full).

    ``full`` is False when the phrase was only a verb form ("4,200 crossing into Thailand"):
    the span is kept for the figure's text but the sentence must name what is counted.
    """
    words: list[str] = []
    ends: list[int] = []
    pos = 0
    tokens = list(re.finditer(r"\S+", rest))
    for i, m in enumerate(tokens):
        if m.start() - pos > 1 and words:
            break
        token = m.group(0)
        word = token.rstrip(',.;:)”"?!')
        possessive = word.endswith(("’", "'")) and word == token
        if possessive and len(words) < _PHRASE_WORDS - 1 and word[:-1] not in _TIME_WORDS:
            pass  # a possessive ("Students’ Unions") goes on to the noun it qualifies
        else:
            word = word.rstrip("’'")  # "15 years’ absence" counts years
        if word.lower() in _STOP or not _NOUN_WORD.fullmatch(word):
            break
        if not _nominal(word) and any(_nominal(w) for w in words):
            break  # "people died": the verb ends the phrase; "internally displaced people" goes on
        after_plural = words and _plural(words[-1])
        if after_plural and (
            "VERB" in _kinds(word) or (word[:1].isupper() and words[-1].islower())
        ):
            break  # "850 million people face hunger", "the past 20 years Viet Nam has"
        if words and not after_plural and _verb_in_s(word, tokens[i + 1 : i + 2], token):
            break  # "75 per cent of the environment shows significant signs"
        words.append(word)
        pos = m.start() + len(word)
        ends.append(pos)
        if len(words) == _PHRASE_WORDS or word != token:
            break
    pos = ends[-1] if ends else 0  # the figure's text keeps the words as written
    while words and not (_nominal(words[-1]) and _head_noun(words[-1])):
        words.pop()  # modifiers with no noun after them ("5 killed and", "20 per cent urban")
    head = list(words)
    while len(head) > 1 and _participle(head[-1]):
        head.pop()
    if len(head) == 1 and _participle(head[0]) and head[0].lower() not in _SUBSTANTIVE:
        return head[0], pos, False
    return (" ".join(head) or None), pos, True


_PARTITIVE = re.compile(
    r"\s+(?:out\s+of\s+(?:the\s+)?(?=[0-9])|of\s+(?:the|our|its|their|these|those|all)\s+)"
    r"(?:[0-9][0-9,.]*\s+)?(?=[A-Za-z])"
)
_CONJUNCT = re.compile(
    rf"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)(?:(?:{_QUAL}\s+)?[0-9][0-9,.]*\s+)?"
)


def _coordinated(counts: str | None, rest: str) -> str | None:
    """The shared head of "68 girl and 62 boy deputies", "14 State and regional bodies".

    A count above one names a plural; a singular word followed by "and"/"or" is a modifier
    of the last conjunct's noun, which is what is counted.
    """
    head = None
    for _ in range(3):
        joint = _CONJUNCT.match(rest)
        if not joint:
            break
        phrase, used, _full = _counted(rest[joint.end() :])
        if not phrase:
            break
        head, rest = phrase, rest[joint.end() + used :]
        words = head.split()
        if _plural(words[-1]) and (len(words) > 1 or words[-1].lower() not in _PLURALS):
            break  # "police" alone may be one more modifier: "military, police and civilian staff"
    if head and _plural(head.split()[-1]):
        return head
    return counts


def _antecedent(before: str) -> str | None:
    """What a bare number counts, from the words before it in its sentence."""
    number_of = None
    for number_of in _NUMBER_OF.finditer(before):  # noqa: B007 (the last one is nearest)
        pass
    if number_of:
        counts, _, full = _counted(before[number_of.end() :])
        if counts and full:
            return counts
    of = _NOUN_OF.search(before)
    if of and of.group("noun") not in _STOP | _AMOUNTS and "NOUN" in _kinds(of.group("noun")):
        return of.group("noun")
    verb = _AMOUNT_VERB.search(before)
    if verb and verb.group("noun") not in _STOP and "NOUN" in _kinds(verb.group("noun")):
        return verb.group("noun")
    return None


def find_figures(sentence: str) -> list[FoundFigure]:
    """Every figure in ``sentence`` that has a currency, percentage, unit or counted noun."""
    masked = _mask(sentence)
    out: list[FoundFigure] = []
    for m in _FIGURE.finditer(masked):
        if "\x00" in m.group(0) or not m.group("num"):
            continue
        start, end = m.span()
        if start > 0 and (masked[start - 1].isalnum() or masked[start - 1] in "./-+\x00"):
            continue
        if m.group("num2") and not re.search(r"\b(?:to|and)\b|[-–]", m.group(0)):
            continue
        cur_word = m.group("cur_word")
        cur = (m.group("cur") or "").strip() or None
        if cur_word:
            cur = "$" if cur_word.endswith("dollars") else cur_word
        pct = m.group("pct")
        unit = "%" if pct else (m.group("unit") or cur)
        counts, used, full = None, 0, True
        after = sentence[end:]
        if after.startswith(")") and start > 0 and sentence[start - 1] == "(":
            # "eighteen (18) years": the figure is the bracketed numeral and what follows it;
            # "(1) facilitating trade; (2) …" is list numbering.
            if not _NUMBER_WORD.search(sentence[: start - 1]):
                continue
            start, end, after = start - 1, end + 1, after[1:]
        compound = _COMPOUND.match(after) if not (pct or unit) else None
        if compound and _head_noun(compound.group(1)) and _kinds(compound.group(1)):
            counts, used = compound.group(1), compound.end()
        elif pct:
            of = re.match(r"\s+of\s+(?:the\s+|our\s+|its\s+|their\s+|all\s+)?", after)
            if of:
                counts, used, full = _counted(after[of.end() :])
                used = used + of.end() if counts else 0
            else:
                # "7% annual GDP growth", "15% tax": the share of what follows it directly.
                counts, used, full = _counted(after)
                if counts and counts.split()[-1] in _TIME_WORDS:
                    counts, used = None, 0
            counts = counts if full else None
        else:
            counts, used, full = _counted(after)
            partitive = _PARTITIVE.match(after) if not counts else None
            if partitive:
                # "45 of our 450 doctors", "more than 100 of our citizens"
                counts = _counted(after[partitive.end() :])[0]
            singular = not counts or not _plural(counts.split()[-1])
            if not unit and singular and _number(m.group("num")) != 1:
                counts = _coordinated(counts, after[used:])
            if unit:
                counts = counts if full else None
            elif re.search(r"\b(?:under|aged)\s+$", sentence[:start]) or re.match(
                r"\s+per\b", sentence[end:]
            ):
                counts = counts if full else None  # "children under 5", "8.6 per 1,000 births"
            elif not full or counts is None:
                counts = _antecedent(sentence[:start]) or next(
                    (f.counts for f in reversed(out) if f.counts and not f.unit), None
                )
        if not (cur or pct or unit or counts):
            continue
        if not pct and re.search(r"\b(?:per|out of|in every)\s+$", sentence[:start]):
            continue  # the base of a rate: "8.6 per 1,000 live births", "220 out of 1,000 cases"
        if (
            not (m.group("qual") or cur or pct)
            and _NAMED_NUMBER.search(sentence[:start])
            and not (counts and _plural(counts.split()[-1]))
        ):
            continue  # a number in a name: "Kim Jong 11", "the Thailand 4.0 programme"
        if (
            not sentence[:start].strip()
            and not m.group("qual")
            and not unit
            and counts
            and counts[:1].isupper()
            and not _plural(counts.split()[-1])
        ):
            continue  # a paragraph number: "14 Singapore also supports …", "6 First, we must …"
        if m.group("scale") == "m" and not cur:
            continue  # "5 m" is metres more often than millions
        scale = _SCALES.get((m.group("scale") or "").lower(), 1.0)
        # "3.000 civilians": a count of people is a whole number, so the dot groups thousands.
        dots = bool(counts and not unit and _DOT_THOUSANDS.fullmatch(m.group("num")))
        value = _number(m.group("num"), dots) * scale
        low = high = None
        if m.group("num2"):
            low, high = value, _number(m.group("num2")) * scale
            if high < low:
                continue
            value = None
        text = sentence[start : end + used].strip().rstrip(",.;:")
        event = None
        if counts:
            # "4,200 crossing into Thailand": the verb is the phrase the number took.
            weak = sentence[end : end + used] if not full else ""
            event = _event_verb(weak) or _event(sentence[:start], sentence[end + used :])
        out.append(FoundFigure(text, start, value, low, high, unit, counts, event))
    return out
