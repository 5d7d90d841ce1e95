"""Ligatures in a PDF's text layer: glyphs to unfold, split ones to rejoin, lost ones to put
back.

A font draws "fi", "ff", "ffi" as one glyph; a text layer may keep the ligature character
("ﬁnancial"), split it from its word ("ﬁ nancial"), or keep only part of it ("aer" for
"after", "certiicate"). The first two are mended wherever they appear; the third only in a
document whose opening shows the damage, and only in English, the dictionary's language.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from briefs.readers.clean import english_words

_LIGATURES = ("ffi", "ffl", "ff", "fi", "fl", "ft", "tt")
# What a word lacks where a font drew a ligature and its text layer kept only part of it: the
# whole ligature ("aer" for "after"), or its f's alone ("certiicate", "diferent",
# "insuicient", "relect"); at any place, the word's start included ("irst").
_LOST = (*_LIGATURES, "f")
_SPLIT_LIGATURE = re.compile(r"\b([A-Za-z]*(?:ffi|ffl|ff|fi|fl))\s([a-z]+)\b")
_WORD = re.compile(r"[A-Za-z]+")
# A word of three lower-case letters or more, standing alone: what the dictionary test reads.
_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]{3,}(?![A-Za-z])")
_LIGATURE_CHARS = re.compile("[\ufb00-\ufb06]")
ODD_GLYPHS = re.compile("[\ufb00-\ufb06\ue000-\uf8ff\ufffd\U000f0000-\U000ffffd]")
_PRIVATE = re.compile("[\ue000-\uf8ff\ufffd\U000f0000-\U000ffffd]")


def _mends(low: str, losses: tuple[str, ...], first: int) -> set[str]:
    """The English words ``low`` becomes with one of ``losses`` put back at one place from
    ``first`` on (common words only: a rare word is more likely a name or a typo)."""
    words = english_words()
    return {
        candidate
        for i in range(first, len(low))
        for lost in losses
        if words.get(candidate := low[:i] + lost + low[i:], 0) > 50
    }


@functools.lru_cache(maxsize=65536)
def mend_word(word: str) -> str:
    """A word that lost a ligature glyph, mended when exactly one ligature put back at one
    place gives an English word ("aer" -> "after", "diiculties" -> "difficulties", "irst" ->
    "first")."""
    low = word.lower()
    if len(low) < 3 or low in english_words():
        return word
    found = _mends(low, _LOST, 0)
    if len(found) != 1:
        return word
    (mended,) = found
    if word[:1].isupper():
        mended = mended[:1].upper() + mended[1:]
    return mended


def mend_glyphs(text: str, damaged_words: bool = True) -> str:
    """Unfold ligatures, rejoin split ones, drop private-use characters; with
    ``damaged_words``, mend words that lost a ligature glyph."""
    if not damaged_words and not ODD_GLYPHS.search(text):
        return text  # the usual case: one scan
    if _LIGATURE_CHARS.search(text):
        text = unicodedata.normalize("NFKC", text)

        def join(m: re.Match[str]) -> str:
            joined = m.group(1) + m.group(2)
            return joined if joined.lower() in english_words() else m.group(0)

        text = _SPLIT_LIGATURE.sub(join, text)
    if _PRIVATE.search(text):
        text = _PRIVATE.sub("", text)
    if damaged_words:
        text = _WORD.sub(lambda m: mend_word(m.group(0)), text)
    return text


def opening(paragraphs: list[str]) -> str:
    """The first 3,000 characters, where damage that runs through a document shows.

    The opening is enough: a browser print loses its ligatures on every page alike. Three
    thousand characters, not one: a report may show no damaged word in its first thousand
    and dozens in the next two (a CDC report's first thousand hold none the test can see)."""
    opening, size = [], 0
    for p in paragraphs:
        opening.append(p)
        size += len(p)
        if size >= 3000:
            break
    return " ".join(opening)[:3000]


def lost_ligatures(unknown: list[str]) -> bool:
    """Whether a document's text lost ligature glyphs: ``unknown`` words of its opening that
    mend into English words, twice or more ("aer", "oice", "eective"). Only then are words
    mended: a name the dictionary lacks is never touched in a document without such damage."""
    seen = 0
    for w in unknown[:40]:
        mended = mend_word(w)
        # Evidence is a word of five letters or more, or a whole ligature lost inside a word:
        # a short word that only an f at its start mends is as likely another language's
        # ("und", "ist") as a lost glyph.
        if mended != w and (len(w) >= 5 or _mends(w, _LIGATURES, 1) == {mended}):
            seen += 1
            if seen >= 2:
                return True
    return False


@functools.cache
def _common_words() -> frozenset[str]:
    """The dictionary's most frequent words: a set small enough to stay in the processor's
    cache, which answers for most of a text's words before the whole dictionary is asked."""
    return frozenset(w for w, n in english_words().items() if n >= _COMMON)


_COMMON = 5000  # a count in pyspellchecker's list that some 7,700 words reach


def unknown_words(text: str) -> list[str]:
    """The distinct lower-case words of ``text`` the dictionary lacks, in sorted order (so the
    sample, and the verdict, does not depend on hashing)."""
    rare = set(_LOWER_WORD.findall(text)).difference(_common_words())
    return sorted(rare.difference(english_words()))
