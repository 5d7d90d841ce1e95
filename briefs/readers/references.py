"""References a text points to by number, which a brief's reader cannot follow: "[55–57]",
"[citation needed]", and "(1)" in a document that numbers its references so. Dropped where
they follow a claim; kept where they are a sentence's noun ("In [20], the dependence …").
"""

from __future__ import annotations

import re

# The numbers of a reference: "3", "21, 22", "55–57" (never a first 0: "[0, 1]" is an interval).
_FIRST, _MORE = r"[1-9]\d{0,2}", r"(?:\s?[,–-]\s?\d{1,3})*"
_NUMBERS = _FIRST + _MORE
# A reference in brackets after a word or its stop: "… a disease or injury outcome [55–57].",
# "[29, 30]", Wikipedia's "[citation needed]". Not where it is the sentence's noun ("In [20],
# the dependence …"): after a preposition it names the work and stays.
_REFERENCE = rf"\[(?:{_NUMBERS}|citation needed|clarification needed)\]"
_BRACKETED = re.compile(
    rf"(?<=[\w.,;:)”\"’%])(\s?){_REFERENCE}(?:,?\s?{_REFERENCE})*(?=[\s.,;:)]|$)"
)
# After these a reference is a noun of the sentence: "the authors of [9] showed", "are [21]",
# "Prince et al., [50] were included".
_NAMES_A_WORK = frozenset(
    "in of see from by and or to with cf e.g. also as are is was were be the than like via "
    "on at for al.".split()
)


# A reference by number in parentheses, after a word and before a stop or "and" ("the first
# and third leading causes of death in the United States (1) and have …", "respectively (2).")
# in a document that numbers its references so ("(1)", then "(2)", then "(3)"); elsewhere
# "(33)" is an age and "(2)" a score. Not after a word that points within a document ("column
# (2)", "Line 7c", "item (3)").
_NUMBERED = re.compile(rf"\(({_FIRST}){_MORE}\)")
_PARENTHESISED = re.compile(
    r"(?<=[a-z%)\]])(?<!column)(?<!line)(?<!item)(?<!items)(?<!box)(?<!step)(?<!section)"
    r"(?<!paragraph)(?<!question)(?<!equation)(?<!table)(?<!figure)(?<!part)(?<!note)"
    rf" \({_NUMBERS}\)(?=[.,;:]| and\b)"
)


def cites_by_number(text: str) -> bool:
    """Whether ``text`` cites its references as "(1)", "(2)", "(3)", first met in that order."""
    first: dict[int, int] = {}
    for i, m in enumerate(_NUMBERED.finditer(text)):
        first.setdefault(int(m.group(1)), i)
    return all(n in first for n in (1, 2, 3)) and first[1] < first[2] < first[3]


def strip_references(text: str, numbered: bool) -> str:
    """``text`` without the references that follow its claims: in brackets always, by number in
    parentheses where its document is ``numbered`` (``cites_by_number``)."""
    if "[" in text:
        text = _strip_bracketed(text)
    if numbered and "(" in text:
        text = _PARENTHESISED.sub("", text)
    return text


def _strip_bracketed(text: str) -> str:
    def drop(m: re.Match[str]) -> str:
        before = text[: m.start()].split()[-1:]
        word = before[0].lower().rstrip(",;:") if before else ""
        if m.group(1) and (word in _NAMES_A_WORK or len(word) == 1):
            return m.group(0)  # "In [20], …"; "Prince et al., [50] were"; "from U [1, 2]"
        return ""

    return _BRACKETED.sub(drop, text)
