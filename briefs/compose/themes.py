"""Theme headings: two or more words a theme's own sentences use, naming what it is about."""

from __future__ import annotations

import re
from collections import Counter

_HEADING_STOP = frozenset(
    "the a an of in on at to and or for with by from as is are was were be been its their "
    "his her this that these those which who said has have had will would also not can "
    "could may might must shall should does did do".split()
)


def theme_heading(keyword: str, quotes: list[str]) -> str | None:
    """A theme's heading: its keyword when that is a phrase ("Border ceasefire talks"); a
    single word grown to the two-word noun phrase its sentences use most ("Junta" -> "Military
    junta"); None when they use none."""
    from briefs.extract.keywords import _clause, noun_phrase

    def capital(text: str) -> str:
        return text[:1].upper() + text[1:]

    if " " in keyword:
        return capital(keyword)
    pairs: Counter[str] = Counter()
    k = re.escape(keyword)
    pattern = re.compile(rf"\b([A-Za-z][\w’'-]+) ({k})\b|\b({k}) ([A-Za-z][\w-]+)\b", re.I)
    for q in quotes:
        for m in pattern.finditer(q):
            pair = f"{m.group(1)} {m.group(2)}" if m.group(1) else f"{m.group(3)} {m.group(4)}"
            other = m.group(1) or m.group(4)
            if (
                other.lower() not in _HEADING_STOP
                and not other.endswith(("’s", "'s"))
                and noun_phrase(pair)
                and not _clause(pair)  # "containing CBI" is no heading
            ):
                pairs[pair] += 1
    if not pairs:
        return None
    best = max(sorted(pairs), key=lambda p: pairs[p])
    return capital(best)
