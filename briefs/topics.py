"""Topics: the words an analyst types, and the related terms a desk files under them.

``topics.json`` (shipped) holds a small list per subject (inflation ~ consumer prices, CPI);
``[topics]`` in briefs.toml adds to it. Related terms widen what is found, so each list is
kept to words an editor would file under the topic.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from briefs.errors import ScopeError

_WORD = re.compile(r"\w[\w'-]*")


@functools.cache
def _shipped() -> dict[str, tuple[str, ...]]:
    data = json.loads(Path(__file__).with_name("topics.json").read_text("utf-8"))
    return {k.casefold(): tuple(v) for k, v in data.items() if not k.startswith("_")}


def words(topic: str) -> list[str]:
    """The words of ``topic`` worth searching for. Raises ScopeError when there are none."""
    found = [w for w in _WORD.findall(topic) if len(w) > 1]
    if not found:
        raise ScopeError(f"topic {topic!r} has no words to search for")
    return found


def related(topic: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Related terms for ``topic``: the shipped list's and the user's."""
    return tuple(dict.fromkeys((*_shipped().get(topic.casefold().strip(), ()), *extra)))


def terms(topic: str, extra: tuple[str, ...] = ()) -> list[str]:
    """What a passage about ``topic`` holds: the topic as a phrase (a compound in each way
    writers spell it), or a related term."""
    phrase = " ".join(words(topic))
    return list(dict.fromkeys([*spellings(phrase), *related(topic, extra)]))


COMMON = 5_000  # a word this frequent in English is a word a compound may be made of


@functools.cache
def spellings(phrase: str) -> tuple[str, ...]:
    """A compound as writers spell it, closed, open or hyphenated: "heatwave", "heat wave",
    "heat-wave"; "ceasefire", "cease fire". A word is taken apart only where it is two
    common words in exactly one way ("Sensex" is not, "Firefox" is: "fire fox" is rare
    enough to find nothing wrong)."""
    parts = phrase.split() if " " in phrase else phrase.split("-")
    if len(parts) == 1:
        parts = _two_words(phrase) or parts
    if len(parts) != 2 or not all(p.isalpha() for p in parts):
        return (phrase,)
    return tuple(dict.fromkeys((phrase, " ".join(parts), "".join(parts), "-".join(parts))))


def _two_words(word: str) -> list[str] | None:
    if not word.isalpha() or len(word) < 6:
        return None
    from briefs.readers.clean import two_words, word_counts

    counts = word_counts()
    at = two_words(word.casefold(), lambda part: counts.get(part, 0) >= COMMON)
    return [word[: at[0]], word[at[0] :]] if len(at) == 1 else None


# Words that carry no subject of their own in a topic typed as a phrase.
_FUNCTION = frozenset(
    "a an the of in on at to for from by with and or its their his her this that these those "
    "about into over under between among during after before against".split()
)


def content_words(topic: str) -> list[str]:
    """The words of ``topic`` that say what it is about ("Vietnam's contribution to regional
    peace" -> Vietnam, contribution, regional, peace): no function words, no possessive."""
    out = []
    for w in words(topic):
        w = re.sub(r"['’]s$", "", w).strip("'’-")
        if w.casefold() not in _FUNCTION and len(w) > 1:
            out.append(w)
    return list(dict.fromkeys(out)) or words(topic)


def needed(count: int) -> int:
    """How many of a topic's ``count`` content words a passage must hold to be about it: all
    of up to three; three of four to six (a reader allows one or two to be implied); half of
    a topic typed as a sentence ("Nobel Peace Prize awarded to Kenyan environmental
    activist"), whose other words are detail a passage about it need not repeat."""
    return count if count <= 3 else max(3, -(-count // 2))


def whole(count: int) -> int:
    """How many of a topic's ``count`` content words make a passage hold all of it: every one
    of up to four ("Vietnam's contribution to regional peace" is not a Vietnamese speech's
    "peace" and "contribution"); of a topic typed as a sentence, one more than ``needed``."""
    return count if count <= 4 else needed(count) + 1


def _same_word(a: str, b: str) -> bool:
    """One word in two forms ("contribution", "Contributing"; "region", "regional")."""
    a, b = a.casefold(), b.casefold()
    n = min(6, len(a), len(b))
    return a[:n] == b[:n] and (n >= 5 or a == b)


@functools.cache
def forms(word: str) -> tuple[str, ...]:
    """A content word and, when it names a country, that country's own names (not its cities):
    a topic's "China" is also found as "Chinese", its "Americans" as "United States", "US"."""
    from briefs import geo

    for w in dict.fromkeys((word, word[:-1] if word.endswith("s") else word)):
        hit = geo.mentions(w)
        if len(hit) == 1 and hit[0][:2] == (0, len(w)):
            country = geo.countries()[hit[0][2]]
            stems = {word[:4].casefold(), country.name[:4].casefold()}
            own = [
                n
                for n in country.names
                if country.name in n
                or n[:4].casefold() in stems
                or (n.replace(".", "").isupper() and len(n) <= 5)
            ]
            return tuple(dict.fromkeys((word, country.name, *own)))
    return (word,)


def holds(text: str, wanted: list[str]) -> bool:
    """Does ``text`` (a title) hold a topic: enough of its content words ``wanted``
    (``content_words``), in any form?"""
    return found(text, wanted) >= needed(len(wanted))


def found(text: str, wanted: list[str]) -> int:
    """How many of a topic's content words ``wanted`` ``text`` holds, in any form."""
    present = [w.strip("'’-") for w in _WORD.findall(text)]  # "high-" at a dash, "Sensex'"
    return sum(
        1
        for w in wanted
        if any(_same_word(w, p) for p in present) or any(f in text for f in forms(w)[1:])
    )
