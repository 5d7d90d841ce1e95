"""Datelines: where a wire story was filed, and by whom.

"PHNOM PENH, Cambodia (AP) _ Cambodian leader…", "TOKYO, March 3 (Reuters) - Japan's…",
"BANGKOK — Thailand's…", "Kuala Lumpur (AFP) - …". A reader takes the place in capitals (or
in title case when an agency in brackets follows it), an optional region or date after a
comma, the agency, and the dash, underscore or colon that ends it. One reading serves the
readers (the story's place and agency), aboutness (the country it was filed from) and the
sentences a brief shows (which leave the dateline out).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PLACE = (
    r"(?P<place>[A-Z][A-Z.'’-]{2,}(?:[ -][A-Z][A-Z.'’-]+)*"
    # title case only when an agency in brackets follows: "Kuala Lumpur (AFP) -"
    r"|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?=(?:,[^()\n]{2,40})?\s*\([A-Z]))"
)
_REGION = r"(?P<region>,\s[^()_—–:\n-]{2,40}?)?\s*"
_OUTLET = r"\((?P<outlet>[A-Z][\w &.'-]{1,30})\)"
_DASH = r"\s*(?:_|--?|—|–|:)\s+(?=\S)"  # what ends it: a dash, an underscore or a colon
_DATELINE = re.compile(rf"^{_PLACE}{_REGION}(?:{_OUTLET})?{_DASH}")


@dataclass(frozen=True)
class Dateline:
    place: str  # with its region: "PHNOM PENH, Cambodia"
    outlet: str | None  # the agency in brackets: "AP", "Reuters"
    end: int  # where the story's first sentence starts


def dateline(text: str) -> Dateline | None:
    """The dateline opening ``text``, or None."""
    m = _DATELINE.match(text)
    return _read(m) if m else None


def _read(m: re.Match[str]) -> Dateline:
    place = (m.group("place") + (m.group("region") or "")).strip()
    return Dateline(place, m.group("outlet"), m.end())


# A dateline that a page's header runs into: the place, region and agency in brackets, after a
# space ("… By RAVI NESSMAN Associated Press Writer RAMALLAH, West Bank (AP) - Marwan …").
_AGENCY_DATELINE = re.compile(rf"(?<=\s){_PLACE}{_REGION}{_OUTLET}{_DASH}")
# A sentence's end: what a header before a dateline does not hold ("Nov. 13" is no end).
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+[A-Z]")
HEADER = 200  # the longest run of header fields before a dateline, in characters


def dateline_after_header(text: str) -> Dateline | None:
    """A wire dateline with its agency that a run of header fields precedes ("Saturday
    November 13, 2004 8:16 PM AP Photo LON104 By RAVI NESSMAN Associated Press Writer
    RAMALLAH, West Bank (AP) - …": a page's header, its text run into the story's first
    line). None when what precedes it holds a sentence: then it is the story's own text."""
    m = _AGENCY_DATELINE.search(text, 1, HEADER + 60)
    if not m or m.start() > HEADER or _SENTENCE_END.search(text, 0, m.start()):
        return None
    return _read(m)
