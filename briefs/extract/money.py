"""What a sum of money measures: exports, aid, a budget, a balance sheet's securities, named
within a few words of it. A sum counts what it measures, never its currency: "USD 355 billion"
of exports counts exports.
"""

from __future__ import annotations

import re

# What a sum of money measures, as reports name it next to the sum.
_MONEY_NOUNS = (
    "exports",
    "imports",
    "budget",
    "aid",
    "assistance",
    "investment",
    "investments",
    "debt",
    "loan",
    "loans",
    "spending",
    "expenditure",
    "deficit",
    "surplus",
    "trade",
    "funding",
    "grant",
    "grants",
    "remittances",
    "revenue",
    "revenues",
    "sales",
    "profit",
    "profits",
    "income",
    "reserves",
    "GDP",
    "output",
    "bonds",
    "pledges",
    "damage",
    "losses",
    "goods",
    # A balance sheet's parts: "securities of $64.5 billion, and net loans of $25.1 billion"
    "securities",
    "assets",
    "deposits",
    "liabilities",
    "equity",
    "capital",
    "balances",
    "costs",
    "taxes",
    "fees",
    "wages",
)
_MONEY_VERBS = {
    "exported": "exports",
    "imported": "imports",
    "invested": "investment",
    "borrowed": "loans",
    "pledged": "pledges",
    "spent": "spending",
}
_MONEY_WORD = re.compile(r"[A-Za-z]+")


def money_measure(sentence: str, start: int, length: int) -> str | None:
    """The thing a sum of money measures, named within a few words of it: "Exports reached
    USD 355 billion" -> exports, "US$ 1.2 billion in aid" -> aid, "exported USD 355 billion
    worth of goods" -> exports. None when the sentence names none."""
    before = _MONEY_WORD.findall(sentence[:start])[-5:]
    after = _MONEY_WORD.findall(sentence[start + length :])[:4]
    for word in [*reversed(before), *after]:
        if word in _MONEY_NOUNS or word.lower() in _MONEY_NOUNS:
            return word.lower() if word != "GDP" else word
        if word.lower() in _MONEY_VERBS:
            return _MONEY_VERBS[word.lower()]
    return None
