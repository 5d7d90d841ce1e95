"""Theme headings: two or more words a theme's own sentences use, naming what it is about."""

from __future__ import annotations

import re
from collections import Counter

_HEADING_STOP = frozenset(
    "the a an of in on at to and or for with by from as is are was were be been its their "
    "his her this that these those which who said has have had will would also not can "
    "could may might must shall should does did do until after before during since while "
    "when where although though because if unless despite under over into through between "
    "among against within without about across along around behind beyond near toward "
    "towards upon via "
    # quantifiers: "two or more races" gives no theme "More races"
    "more most some many few several other such any each every all both no".split()
)


def theme_heading(keyword: str, quotes: list[str]) -> str | None:
    """A theme's heading: its keyword when that is a phrase ("Border ceasefire talks"); a
    single word grown to the two-word noun phrase its sentences use most ("Junta" -> "Military
    junta"); None when they use none."""
    from briefs.extract.keywords import _clause, noun_phrase, verb_after_name

    def capital(text: str) -> str:
        return text[:1].upper() + text[1:]

    if " " in keyword:
        return capital(keyword)
    pairs: Counter[str] = Counter()
    k = re.escape(keyword)
    # Whole words only (the "communist" of "anti-communist South" is no word of its own), and
    # the word before and the word after each looked at, so one does not hide the other.
    before = re.compile(rf"(?<![\w-])([A-Za-z][\w’'-]+) ({k})(?![\w-])", re.I)
    after = re.compile(rf"(?<![\w-])({k}) ([A-Za-z][\w-]+)(?![\w-])", re.I)
    for q in quotes:
        for pattern, side in ((before, 1), (after, 2)):
            for m in pattern.finditer(q):
                pair, other = f"{m.group(1)} {m.group(2)}", m.group(side)
                if (
                    other.lower() not in _HEADING_STOP
                    and not other.endswith(("’s", "'s"))
                    and not (side == 2 and verb_after_name(m.group(1), other))
                    and noun_phrase(pair)
                    and not _clause(pair)  # "containing CBI" is no heading
                ):
                    pairs[pair] += 1
    if not pairs:
        return None
    best = max(sorted(pairs), key=lambda p: pairs[p])
    return capital(best)
