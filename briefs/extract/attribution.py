"""Who said it: the speaker a sentence or its paragraph names, for recommendations and outlook."""

from __future__ import annotations

import re

_NAME = r"(?:[A-Z][\w'’.-]*(?:\s+(?:of|for|and|the|de|van|bin|binti)\s+|\s+)){0,6}[A-Z][\w'’.-]*"
_VERB = (
    r"(?:said|says|stressed|warned|urged|urges|called on|calls on|noted|added|told|stated|"
    r"recommended|recommends|argued|argues|emphasi[sz]ed|reiterated|insisted)"
)
_PATTERNS = [
    # "Dr. Lynn Wei-Ling, Director of …, said": the subject, not the last name before "said".
    re.compile(rf"^(?P<who>{_NAME}),[^.;]{{0,200}}?,\s+{_VERB}\b"),
    re.compile(rf"\baccording to (?:the\s+)?(?P<who>{_NAME})"),
    re.compile(rf"(?P<who>{_NAME})\s*,?\s+(?:\w+\s+)?{_VERB}\b"),
    re.compile(rf"\b{_VERB}\s+(?P<who>{_NAME})\s*[.,]"),
]
_NOT_WHO = {
    "The",
    "This",
    "That",
    "It",
    "We",
    "They",
    "He",
    "She",
    "In",
    "On",
    "At",
    "But",
    "And",
    "However",
    "I",
    "A",
    "An",
    "There",
}
RECOMMENDS = re.compile(
    r"\b(?:should|must|needs? to|ought to|calls? (?:on|for)|called (?:on|for)|urged?|urges|"
    r"urging|recommend\w*|warn(?:s|ed|ing)?|appeal(?:s|ed)? to)\b",
    re.IGNORECASE,
)


def speaker(sentence: str) -> str | None:
    """The person or body ``sentence`` names as its speaker, or None when it names none."""
    for pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            who = m.group("who").strip(" ,.")
            words = who.split()
            while words and words[0] in _NOT_WHO:
                words = words[1:]
            if words and len(" ".join(words)) > 2:
                return " ".join(words)
    return None


def recommends(sentence: str) -> bool:
    """True when ``sentence`` recommends, urges, calls on or warns."""
    return bool(RECOMMENDS.search(sentence))
