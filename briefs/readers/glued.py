"""Words glued together where a line break was dropped without a space.

Some exports join a text's lines with nothing between them, so every wrapped line glues its
last word to the next line's first: "US President George W. Bushannounced on Friday … 350
milliondollars … a tenfold increase overits first wave of aid" (a news agency's text file).
A reader sees two words; the corpus would index "bushannounced", miss the figure's unit and
quote the damage. Such a document is mended as a reader mends it: a word the dictionary
lacks is split where exactly two common words result.

Only a document that shows the damage is mended (three or more distinct unknown words in its
opening split that way, with a function word in the pair), so a name the dictionary lacks
("Sihanoukville") is never touched elsewhere, and only English documents, the dictionary's
language.
"""

from __future__ import annotations

import functools
import re

from briefs.readers.clean import english_words, two_words

# Two-letter words that can end or start a line; the dictionary also holds fragments ("ed",
# "al", "re") that would split any word.
_SHORT = frozenset("an as at be by do go he if in is it me my no of on or so to up us we".split())
# Function words that, glued to the word before or after, show a lost line break.
_EVIDENT_TAIL = frozenset(
    "the to is be by its of and that this with from was were are has have for not will would "
    "should can before after".split()
)
_EVIDENT_HEAD = frozenset(
    "the that should would which when where with from after before their there this these "
    "those have has was were are is and".split()
)
_COMMON = 1000  # the dictionary's count for a word that is not rare ("meager" 1,397)
_EVIDENCE = 3
_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b")


def _common(part: str) -> int:
    """The dictionary's count for ``part`` when it may stand as a word of a glued pair, else 0."""
    if len(part) == 1 or (len(part) == 2 and part not in _SHORT):
        return 0
    count = english_words().get(part, 0)
    return count if count >= _COMMON else 0


@functools.lru_cache(maxsize=65536)
def split_word(word: str) -> str:
    """``word`` as the two words it glues ("overits" -> "over its"), or itself when it is a
    word, or no split (or more than one) gives two common words."""
    low = word.lower()
    if low in english_words():
        return word
    splits = two_words(low, lambda part: bool(_common(part)), shortest=2)
    if len(splits) != 1:
        return word
    return f"{word[: splits[0]]} {word[splits[0] :]}"


def lost_spaces(unknown: list[str]) -> bool:
    """Whether a document whose opening holds the ``unknown`` lower-case words (the
    dictionary lacks them) glued its lines together.

    Evidence is a glued pair with a function word in it ("thatthe", "needsto", "shouldbe",
    "heis"): a line break falls anywhere, so the damage joins the commonest words; a compound
    the dictionary lacks joins two content words ("lockdown", "bushfires", "programmes" as
    "program mes"), and a prefix or a suffix that looks like a word ("offence", "requestor",
    "majority") is no evidence either."""
    seen = 0
    for w in unknown:
        split = split_word(w)
        if split == w:
            continue
        head, tail = split.split(" ")
        if tail in _EVIDENT_TAIL or head in _EVIDENT_HEAD:
            seen += 1
            if seen >= _EVIDENCE:
                return True
    return False


def mend_spaces(text: str) -> str:
    """``text`` with its glued words parted."""
    return _WORD.sub(lambda m: split_word(m.group(0)), text)
