"""Keywords with YAKE, set up as the library notes advise.

``dedup_func="levs"``: the default ``seqm`` lets "Mekong River Commission", "Mekong River" and
"River Commission" all through. Stop-phrases that carry no content ("said", "according") are
dropped after extraction, because a custom stop-word list would replace YAKE's own.
"""

from __future__ import annotations

import re

import yake

from briefs.model import Keyword

_DROP = re.compile(
    r"^(?:said|says|according|also|would|could|including|however|mr|ms|dr)$|\b(?:said|says|according)\b",
    re.IGNORECASE,
)


def keywords(text: str, top: int = 15) -> list[Keyword]:
    """Return up to ``top`` key phrases of ``text``, best first (YAKE score: lower is better)."""
    if not text.strip():
        return []
    extractor = yake.KeywordExtractor(
        lan="en", n=3, dedup_lim=0.5, dedup_func="levs", window_size=1, top=top * 2
    )
    out: list[Keyword] = []
    seen: set[str] = set()
    for phrase, score in extractor.extract_keywords(text):
        key = phrase.casefold()
        if _DROP.search(phrase) or key in seen or len(phrase) < 3:
            continue
        seen.add(key)
        out.append(Keyword(text=phrase, score=round(float(score), 6)))
    # A single word inside a kept phrase ("Rouge" beside "Khmer Rouge") adds nothing.
    phrases = [k.text.casefold().split() for k in out if " " in k.text]
    out = [
        k for k in out
        if " " in k.text or not any(k.text.casefold() in words for words in phrases)
    ]
    # YAKE's 3-grams overlap ("Minister Hun Sen", "Prime Minister Hun"): keep the better-scored
    # of any two phrases that share half their words.
    kept: list[Keyword] = []
    for k in out:
        words = set(k.text.casefold().split())
        if any(len(words & set(x.text.casefold().split())) * 2 >= len(words) for x in kept):
            continue
        kept.append(k)
    return kept[:top]
