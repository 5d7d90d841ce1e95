"""Keywords with YAKE, set up as the library notes advise.

``dedup_func="levs"``: the default ``seqm`` lets "Mekong River Commission", "Mekong River" and
"River Commission" all through. Stop-phrases that carry no content ("said", "according") are
dropped after extraction, because a custom stop-word list would replace YAKE's own.
"""

from __future__ import annotations

import re

import jellyfish
import yake

from briefs import geo
from briefs.extract.counted import word_kinds
from briefs.extract.dates import MONTH_NAMES
from briefs.model import Keyword
from briefs.readers.clean import collapse

_DROP = re.compile(
    r"^(?:said|says|according|also|would|could|including|however|mr|ms|dr|sir|madam|president)$"
    r"|\b(?:said|says|according|excellenc(?:y|ies)|ladies|gentlemen|congratulat\w*)\b"
    # a pointer to a part of the document: "table A-2", "figure 3"
    r"|^(?:table|figure|chart|appendix|annex|section|page|box)s? "
    r"(?:\d[\w.-]*|[A-Z](?:[-.]?\d[\w.-]*)?)$",
    re.IGNORECASE,
)
# A single lowercase word this common in English ("world", "people", "year") says nothing of a
# document: the count is pyspellchecker's English word frequency ("ceasefire" 678, "world" 599k).
COMMON_WORD = 30_000


class _Extractor(yake.KeywordExtractor):
    """YAKE with its "levs" de-duplication measured in compiled code: the same distance (its
    own cut-off for lengths far apart included), where YAKE's pure-Python loop took a quarter
    of a brief's keyword time."""

    def levs(self, cand1: str, cand2: str) -> float:
        longest = max(len(cand1), len(cand2))
        if abs(len(cand1) - len(cand2)) > longest * 0.7:
            return 0.0
        return 1 - jellyfish.levenshtein_distance(cand1, cand2) / longest


_MIXED = re.compile(
    r"\b(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\b"
    r"|\b[A-Z]+&[A-Z]+\b(?:-[a-z]+)?"  # "AT&T", "S&P", "AT&T-style": one token, not "T-style"
)


def _letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def _protect(text: str) -> tuple[str, dict[str, str]]:
    """Swap tokens mixing letters and digits ("COVID-19", "5PC"), or letters and an ampersand
    ("AT&T"), for letter-only stand-ins.

    YAKE tags such tokens unusable and never returns them (yake issues #48, #57).
    """
    table: dict[str, str] = {}

    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        if word not in table:
            table[word] = "Qzx" + _letters(len(table)) + "xzq"
        return table[word]

    return _MIXED.sub(swap, text), {v: k for k, v in table.items()}


def _common(phrase: str) -> bool:
    if " " in phrase or not phrase.islower():
        return False
    from briefs.readers.clean import word_counts

    return word_counts().get(phrase, 0) > COMMON_WORD


def _occurrences(phrase: str, text: str) -> list[re.Match[str]]:
    """Where ``text`` holds ``phrase`` as whole words."""
    return list(re.finditer(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text))


def _whole_name(phrase: str, text: str, grow_head: bool = True) -> str:
    """Grow a phrase cut from a name to the whole name: YAKE's 3-grams give "Aung San Suu" and
    "Minister Hun Sen" where the text says "Aung San Suu Kyi" and "Prime Minister Hun Sen".

    A neighbouring capitalised word is taken when it stands there in most of the phrase's
    occurrences (and the phrase stays within five words). A single word that always opens a
    longer name, and more than one, gives "" (no keyword). ``grow_head`` False grows the end
    only.
    """
    words = phrase.split()
    if not (words[0][:1].isupper() or words[-1][:1].isupper()):
        return phrase
    found = _occurrences(phrase, text)
    if not found:
        return phrase
    # a surname's particle goes with it: "Mayor Bill" + "de Blasio", "Ursula" + "von der Leyen"
    after = [
        re.match(
            r" ((?:(?:de|van|von|der|den|bin|da|di|le|la) )*[A-Z][\w’'-]*)",
            text[m.end() : m.end() + 60],
        )
        for m in found
    ]
    before = [
        re.search(r"(?<![.!?:;] )\b([A-Z][\w’'-]*) $", text[max(0, m.start() - 60) : m.start()])
        for m in found
    ]
    grown = phrase
    if words[-1][:1].isupper():
        # "Koizumi" and "Koizumi's" are one name's tail
        tails = {re.sub(r"['’]s$", "", a.group(1)) for a in after if a}
        if len(tails) == 1 and sum(1 for a in after if a) * 2 > len(found):
            grown = f"{grown} {tails.pop()}"
        elif len(words) == 1 and len(tails) > 1 and all(after):
            # "Lan" of "Lan Xang" and "Lan Na": always the start of a longer name, and of
            # more than one, so no name of its own.
            return ""
    if grow_head and words[0][:1].isupper() and len(grown.split()) < 5:
        heads = {b.group(1) for b in before if b}
        if (
            len(heads) == 1
            and sum(1 for b in before if b) * 2 > len(found)
            and not heads & {"The", "A", "An"}  # a sentence's article, not a name's word
        ):
            grown = f"{heads.pop()} {grown}"
        elif len(grown.split()) < 4:
            # A title joined by "of": "Secretary of State Antony Blinken", "Minister of
            # Foreign Affairs": the office and its holder are one name.
            offices = [
                re.search(r"\b([A-Z][\w’'-]* of) $", text[max(0, m.start() - 40) : m.start()])
                for m in found
            ]
            titles = {o.group(1) for o in offices if o}
            if len(titles) == 1 and sum(1 for o in offices if o) * 2 > len(found):
                grown = f"{titles.pop()} {grown}"
    return grown


_PREPOSITIONS = frozenset(
    "in on at to from by with between among into over under after before during about "
    "against through across within without towards toward than".split()
)
_REPORTING = frozenset(
    "say says said tell tells told supports support supported views urges urged calls "
    "called warns warned argue argues argued believe believes".split()
)
GENERIC_WORD = 8_000  # a lone lower-case noun this common ("groups") names no subject


_POSSESSIVE = r"(?:['’]s)?"


def _as_written(phrase: str, text: str) -> str:
    """The phrase as the text writes it: YAKE drops a possessive ("Moi Kenya Africa" from
    "Moi's Kenya Africa National Union"); "" when the text does not hold it at all."""
    words = phrase.split()
    pattern = r"\s+".join(re.escape(w) + _POSSESSIVE for w in words)
    m = re.search(rf"(?<![\w-]){pattern}(?![\w-])", text)
    # The possessive of the last word belongs to the sentence, not to the name.
    return re.sub(r"['’]s$", "", collapse(m.group(0))) if m else ""


def _whole_compound(phrase: str, text: str) -> str:
    """Grow a phrase cut before its head noun to the whole compound: "Kenya's deputy
    environment" is always followed by "minister" in the text, so the keyword is "Kenya's
    deputy environment minister" (up to five words)."""
    if not phrase or len(phrase.split()) >= 5:
        return phrase
    found = _occurrences(phrase, text)
    after = [re.match(r" ([a-z]+)\b", text[m.end() : m.end() + 40]) for m in found]
    tails = {a.group(1) for a in after if a}
    if found and all(after) and len(tails) == 1:
        tail = tails.pop()
        if "NOUN" in (kinds := word_kinds(tail)) and "AUX" not in kinds:  # not "will", "can"
            return f"{phrase} {tail}"
    return phrase


def verb_after_name(name: str, word: str) -> bool:
    """ "Maathai stands", "America finds": a name and a word in -s that can be its verb read as
    the start of a clause."""
    return (
        name[:1].isupper() and word.islower() and word.endswith("s") and "VERB" in word_kinds(word)
    )


_WHEN = frozenset("last next past previous earlier later ago today yesterday tomorrow".split())
# Words a noun phrase never ends in: articles, prepositions, conjunctions, the pronoun that
# opens a relative clause ("labour market training which (is …)"), and determiners cut off
# from their noun ("European buyers this (month)").
_CLOSED = frozenset(
    "the a an of and or for to in on at by with from which that who whom whose where while "
    "as than but if because this these those its their his her our my your".split()
)


def _participle_before_plural(words: list[str]) -> bool:
    """A participle before a plural noun alone describes it ("armed forces", "displaced
    people", "rising prices"); before more, or a name, it is a verb and its object."""
    from briefs.extract.counted import word_kinds

    first, last = words[0], words[-1]
    return (
        len(words) == 2
        and first.islower()
        and first.endswith(("ed", "ing"))
        and last.islower()
        and (last.endswith("s") or last in ("people", "children"))
        and "NOUN" in word_kinds(last)
    )


def noun_phrase(phrase: str) -> bool:
    """A noun phrase or a name, as a keyword must be: it ends in a noun or a name, holds no
    adverb, reporting verb or preposition (unless it is a name: "Ministry of Foreign
    Affairs"), and a lone lower-case word is a noun that is not too common."""
    from briefs.extract.counted import word_kinds
    from briefs.readers.clean import word_counts

    words = phrase.split()
    last = words[-1]
    if len(last) == 1 and len(words) > 1:
        return False  # "white Christian A": cut off at an initial
    if len(words) > 1 and last.lower() in _CLOSED:
        return False  # "THE NORWEGIAN NOBEL COMMITTEE The": cut off at the next sentence
    if len(words) > 1 and last in _WHEN:
        return False  # "British Medical Journal last (month)": cut before its noun
    if _ORDINAL.fullmatch(last):
        return False  # "10th and 13th", "late 18th": an ordinal with its noun cut off
    if _ORDINAL.fullmatch(re.sub(r"^(?i:mid|early|late)-", "", words[0])) and last.lower() in _AGES:
        return False  # "18th century", "mid-13th century": when, not what
    if (
        len(words) > 1
        and words[0].islower()
        and word_kinds(words[0]) == {"ADJ"}
        and _DEMONYM_END.search(last)
        and geo.mentions(last)
    ):
        return False  # "successful South Vietnamese": a description cut before its noun
    first = words[0]
    if first.lower() in _QUANTITY:
        return False  # "million people", "thousands of refugees": how many, not what
    if (
        first.islower()
        and (kinds := word_kinds(first))
        and not kinds & {"NOUN", "ADJ"}
        and not (kinds == {"ADV"} and len(words) > 2 and words[1].endswith("ed"))
        and not _participle_before_plural(words)
    ):
        return False  # "includes Malay", "remains unclear": a verb and what follows it
    if last.islower() and word_kinds(last) and "NOUN" not in word_kinds(last):
        return False  # "dialogue in southern", "dialogue to include"
    name = all(w[:1].isupper() for w in words if w.lower() not in ("of", "and", "the", "for"))
    lowered = [w.lower() for w in words]
    if any(a == b for a, b in zip(lowered, lowered[1:], strict=False)):
        return False  # "Confidential Business Information information": a word twice
    for i, w in enumerate(words[1:], 1):
        if w.islower() and words[i - 1][:1].isupper() and word_kinds(w) == {"VERB"}:
            return False  # a verb after its subject: "FAA issued Emergency AD"
    if len(words) > 2 and verb_after_name(words[-2], last):
        # "white Christian America finds": a name and its verb ("Thailand exports" may be
        # the noun, so two words stay)
        return False
    for i, w in enumerate(words):
        low = w.lower()
        # An adverb before a participle inside the phrase describes ("internally displaced
        # people"); before anything else it belongs to a clause ("Cambodia fully supports").
        describes = i + 2 < len(words) and words[i + 1].endswith("ed")
        if w.islower() and (
            low.endswith("ly") and "ADV" in word_kinds(low) and not describes or low in _REPORTING
        ):
            return False  # "Cambodia fully supports", "Analysts say Malaysia"
        if w.islower() and low in _PREPOSITIONS and not name:
            return False  # "rounds between Bangkok"
    if len(words) == 1 and not phrase.isupper():
        low = phrase.lower()
        if low in _MONTHS or low in _WEEKDAYS:
            return False  # "Friday", "Sunday": when, not what
        kinds = word_kinds(low)
        if kinds and "NOUN" not in kinds:
            return False  # "formal"
        # "groups", or "Peace" at the head of a sentence: a common word, not a name
        return word_counts().get(low, 0) <= GENERIC_WORD
    return True


_QUANTITY = frozenset(
    "hundred hundreds thousand thousands million millions billion billions trillion "
    "dozen dozens percent per cent several many few".split()
)
_AGES = frozenset("century centuries decade decades millennium era".split())
_DEMONYM_END = re.compile(r"(?:ese|an|ish|i|ch)$")
_MONTHS = frozenset(m.lower() for m in MONTH_NAMES)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth", re.IGNORECASE)


# Forms of "be", "have" and "do" that only stand inside a clause; "will", "may" and "can" are
# nouns too ("political will").
_AUXILIARY = frozenset(
    "is are was were be been being has have had does did isn't aren't wasn't weren't".split()
)


def _clause(phrase: str) -> bool:
    """Does the phrase cross a clause ("attending high-level ASEAN", "Cambodia views ASEAN")?

    A first word that is a verb form, or a lower-case verb in -s between capitalised words,
    makes it part of a sentence rather than a name or a subject.
    """
    words = phrase.split()
    if any(w in _AUXILIARY for w in words):
        return True  # "refugees were affected", "Cambodia has been": a subject and its verb
    first = words[0]
    if first.islower() and first.endswith(("ing", "ed")) and "VERB" in word_kinds(first):
        return not _participle_before_plural(words)
    if any(
        w.islower()
        and w.endswith("ed")
        and "VERB" in word_kinds(w)
        and words[i].islower()
        and (
            word_kinds(words[i]) == {"NOUN"}
            or words[i].endswith("s")
            and "NOUN" in word_kinds(words[i])
        )
        for i, w in enumerate(words[1:-1])
    ):
        # "history included periods", "states reported enrollment counts": a subject, its
        # verb and its object
        return True
    return any(
        w.islower() and w.endswith("s") and "VERB" in word_kinds(w) and words[i][:1].isupper()
        for i, w in enumerate(words[1:-1])
    )


def keywords(text: str, top: int = 15) -> list[Keyword]:
    """Return up to ``top`` key phrases of ``text``, best first (YAKE score: lower is better)."""
    if not text.strip():
        return []
    original = text
    text, restore = _protect(text)
    extractor = _Extractor(
        lan="en", n=3, dedup_lim=0.5, dedup_func="levs", window_size=1, top=top * 3
    )
    out: list[Keyword] = []
    seen: set[str] = set()
    for phrase, score in extractor.extract_keywords(text):
        phrase = re.sub(r"Qzx[a-z]+xzq", lambda m: restore.get(m.group(0), m.group(0)), phrase)
        if _clause(phrase) or not noun_phrase(phrase):
            continue
        phrase = _as_written(phrase, original)
        if not phrase:
            continue  # not in the text at all: a tokeniser's join across a break
        grown = _whole_name(phrase, original)
        if grown and grown != phrase:
            # A long name grows on to its end ("Moi's Kenya Africa National" + "Union"), never
            # twice at its head ("Prime Minister Hun Sen" is not "Cambodian Prime Minister…").
            grown = _whole_name(grown, original, grow_head=False)
        phrase = _whole_compound(grown, original) if grown else ""
        if phrase != grown and not noun_phrase(phrase):
            continue  # "mid-13th" grown to "mid-13th century": a time, not a subject
        if not phrase or phrase.split()[-1].lower() in _CLOSED:
            continue  # "THE NORWEGIAN NOBEL COMMITTEE The": grown into the next sentence
        if any(w in ("The", "A", "An") for w in phrase.split()[1:]):
            continue  # "… COMMITTEE The Nobel": a heading and the sentence after it
        key = phrase.casefold()
        if _DROP.search(phrase) or key in seen or len(phrase) < 3 or _common(phrase):
            continue
        seen.add(key)
        out.append(Keyword(text=phrase, score=round(float(score), 6)))
    # YAKE's 3-grams overlap ("Minister Hun Sen", "Prime Minister Hun"): keep the better-scored
    # of any two phrases that share half their words.
    kept: list[Keyword] = []
    for k in out:
        words = set(k.text.casefold().split())
        if any(len(words & set(x.text.casefold().split())) * 2 >= len(words) for x in kept):
            continue
        kept.append(k)
    # A single word inside a kept phrase ("Rouge" beside "Khmer Rouge") adds nothing.
    phrases = [k.text.casefold().split() for k in kept if " " in k.text]
    kept = [
        k for k in kept if " " in k.text or not any(k.text.casefold() in words for words in phrases)
    ]
    return kept[:top]
