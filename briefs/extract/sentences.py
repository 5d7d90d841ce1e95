"""Sentences: split passages (segtok), keep the ones that read as prose on their own.

A brief shows source sentences verbatim or trimmed of a leading connective ("But", "However,"),
so the filter here decides what can stand alone: no photo captions or bylines, no fragments,
no sentence that leans on the one before it ("He also said…"), and none without a verb that
says something (``clauses.states_something``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from segtok.segmenter import split_single

from briefs.extract.clauses import instructs, states_something
from briefs.extract.dates import MONTH_NAMES
from briefs.readers.clean import collapse
from briefs.readers.dateline import dateline, dateline_after_header
from briefs.readers.printed_dates import LEADING_DATE

# What the sentence after a dateline opens with: a capital or an opening quote.
_STARTS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ“\"‘'")

_CAPTION = re.compile(
    r"\b(?:Photo(?:graph)? (?:by|credit)|Featured image|minute read|Related Articles|Read more|"
    r"Click here|Subscribe|All rights reserved)\b|\b(?:Photo|Source|Author|Caption):|\(C\)|©",
    re.IGNORECASE,
)
_LEANS_BACK = re.compile(
    r"^(?:He|She|They|It|His|Her|Their|Its|Him|Them|Such|Both|This|These|Those|That|The latter|"
    r"The former|Meanwhile|Moreover|Furthermore|Additionally|In addition|Likewise|Similarly|Also|"
    r"Thus|Hence|Therefore|Then|As a result|As such|Consequently|Accordingly|In turn|Instead|"
    r"In response|To this end|For this reason|Even so|Despite this|In that case)\b"
)
_CONNECTIVE = re.compile(
    r"^(?:\(?\d{1,3}[.)]\s+)?(?:(?:But|And|Yet|So|However|Still|Nevertheless|Nonetheless)\b,?\s+"
    r"|(?:First|Second|Third|Fourth|Fifth|Finally|Lastly),\s+)?"
)
# "…taking 7 contracts By Edward Iwata, USA TODAY Handing down…": prose writes "by" in lower
# case after a word; a capital "By" and a name there is a byline inside the text.
_INLINE_BYLINE = re.compile(r"[a-z0-9,] By [A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z'’-]+")
# A run of dated entries ("October 1998: Police in UK arrest Pinochet …; March 2000: Deemed
# unfit …"): a timeline box its page set beside the story, run together, not a sentence.
_DATED_ENTRY = re.compile(rf"\b(?:{'|'.join(MONTH_NAMES)})(?: \d{{1,2}})?,? (?:19|20)\d{{2}}:")
# An address with a path: a sentence that holds one cites where to look, it tells nothing.
_URL = re.compile(r"https?://|\bwww\.|\b[\w-]+(?:\.[\w-]+)*\.(?:gov|org|com|net|int|edu)/")


def _flattened_table(words: list[str]) -> bool:
    """A table read row by row into one line repeats its row label: "Remains between 14.3% and
    19.6% Remains between 9.3% and 13.1% Remains between 5.0% and 7.3%". Prose repeats "of
    the" or a name, not a capitalised word and the word after it three times."""
    pairs = Counter(
        (a, b)
        for a, b in zip(words, words[1:], strict=False)
        if a.isalpha() and b.isalpha() and a[:1].isupper() and b[:1].islower()
    )
    return bool(pairs) and max(pairs.values()) >= 3


# ``…'' is how the Congressional Record and the Federal Register quote in plain text.
_OPEN_CLOSE = (("“", "”"), ("(", ")"), ("[", "]"), ("``", "''"))


@dataclass(frozen=True)
class SourceSentence:
    """A sentence of a passage.

    ``quote`` is verbatim (whitespace collapsed); ``text`` may be trimmed of a connective.
    """

    doc_id: int
    seq: int
    index: int
    quote: str
    text: str
    page: int | None
    passage: str


# A web page's export often drops the space after a full stop ("degradation.In 1977, …",
# "planning.GBM was …"): a word of three lower-case letters or more, its stop, and a
# capitalised word is a sentence end all the same (an abbreviation is short or capitalised,
# a domain name goes on in lower case: "U.S.", "e.g.", "Amazon.com").
_RUN_ON = re.compile(r"(?<=[a-z]{3}[.!?])(?=[A-Z][A-Za-z])")


def split(text: str) -> list[str]:
    """Split ``text`` into sentences, whitespace collapsed."""
    out = []
    for s in split_single(text):
        if s.strip():
            out += [collapse(part) for part in _RUN_ON.split(s) if part.strip()]
    return out


# An entry of a reference list: a surname, initials, and the year in brackets.
_REFERENCE_ENTRY = re.compile(
    r"^[A-Z][\w'’-]+,\s(?:[A-Z]\.\s?-?)+(?:,?\s(?:and|&)\s[A-Z][\w'’-]+,\s(?:[A-Z]\.\s?)+)*"
    r"[^()]{0,40}\((?:19|20)\d{2}[a-z]?\)"
)
_CUT_AT_TITLE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|Maj|Rev|St|No|Nos)\.$"
)
_HEADING_WORD = re.compile(r"\S+")
_OPENERS = frozenset("The A An This These In On At For".split())
# A headline in title case run into the story's first sentence: "Intel Agent Strapped to
# Gurney and Flown Out of Iraq by U.S. Army After Reporting Torture of Detainees A veteran
# sergeant who …". Six words or more, capitalised but for title case's small words, then "A",
# "An" or "The" opening a clause.
_HEADLINE_RUN = re.compile(
    r"^(?:(?:[A-Z0-9][\w'’.&-]*|(?:a|an|and|as|at|but|by|for|from|in|into|of|on|or|over|the|"
    r"to|with)(?=\s))\s+){6,}?(?=(?:A|An|The)\s+[a-z])"
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}")
# A printed page's header run into its first sentence: its date and page number.
_DATED_PAGE = re.compile(r"^[^.!?]{0,40}?\b(?:19|20)\d{2}\s*,?\s*Page\s+\d+\s+(?=[A-Z“\"])")
# A page's section label in capitals run into the sentence it heads: "INTERNATIONAL The
# American photographer whose videotape …".
_SECTION_LABEL = re.compile(rf"^[A-Z]{{5,}}\s+(?=(?:{'|'.join(sorted(_OPENERS))})\s)")


def _heading_run(sentence: str) -> int:
    """Where the sentence proper starts after a page heading run into it ("Norwegian THE
    NORWEGIAN NOBEL COMMITTEE The Nobel Peace Prize 2004 The Norwegian Nobel Committee has
    decided…", "Delta IV/Evolved Expendable Launch Vehicle Program On Oct. 16, 1998, the…"):
    the opening holds no lower-case word for six words or more and shouts a phrase in capitals,
    or for eight words or more, and a sentence opener ("The", "A", "On") stands last in it; or
    a section label, one word in capitals right before an opener. 0 when there is none."""
    if label := _SECTION_LABEL.match(sentence):
        return label.end()
    if (headline := _HEADLINE_RUN.match(sentence)) and len(_CAPITALISED.findall(headline[0])) >= 4:
        return headline.end()
    words = list(_HEADING_WORD.finditer(sentence))
    run = 0
    while run < len(words) and not words[run].group(0)[:1].islower():
        run += 1
    if run < 6 or run >= len(words):
        return 0
    shouted = [w.group(0) for w in words[:run] if len(w.group(0)) >= 3 and w.group(0).isupper()]
    if len(shouted) < 2 and run < 8:
        return 0  # "Prime Minister Hun Sen Said": a name may be long; a heading is longer
    for k in range(run - 1, 0, -1):
        if words[k].group(0) in _OPENERS:
            return words[k].start()
    return 0


def trim(sentence: str) -> str:
    """Drop a page heading run into the sentence, a leading dateline ("PHNOM PENH, Cambodia
    (AP) _") or day ("December 27, 2004 Over…") and a leading connective ("But", "However,"),
    and capitalise what follows. The quote keeps them."""
    start = _heading_run(sentence)
    if start:
        sentence = sentence[start:]
    d = dateline(sentence) or dateline_after_header(sentence)
    if d and len(sentence) - d.end > 40 and sentence[d.end] in _STARTS:
        sentence = sentence[d.end :]
    elif (page := _DATED_PAGE.match(sentence)) and len(sentence) - page.end() > 40:
        sentence = sentence[page.end() :]  # "Friday, Dec 31, 2004,Page 16 Advertising Meet …"
    elif (day := LEADING_DATE.match(sentence)) and len(sentence) - day.end() > 40:
        sentence = sentence[day.end() :]  # "December 27, 2004 Over the past week, …"
    m = _CONNECTIVE.match(sentence)
    if not m or not m.group(0):
        return sentence
    rest = sentence[m.end() :]
    return rest[:1].upper() + rest[1:] if rest else sentence


def asks(sentence: str) -> bool:
    """Whether ``sentence`` is a question: it ends in a question mark, inside its closing
    quotes or brackets. A title quoted inside it ("the video for 'Do They Know It's
    Christmas?' is to air at 5.55pm") does not make it one."""
    return sentence.rstrip().rstrip("\"'”’)]»").endswith("?")


def stands_alone(sentence: str) -> bool:
    """True when ``sentence`` reads as a complete sentence on its own in a brief."""
    words = sentence.split()
    if not 8 <= len(words) <= 60:
        return False
    if not re.match(r"^[“\"‘']?[A-Z0-9]", sentence):
        return False
    if not re.search(r"[.!?][”\"’')]?$", sentence):
        return False
    if _CAPTION.search(sentence) or _LEANS_BACK.match(trim(sentence)):
        return False
    if sum(1 for w in words if w[:1].islower()) < len(words) / 8:
        return False  # a run of names or a heading in capitals: a table's cells, not prose
    if _REFERENCE_ENTRY.match(sentence):
        return False  # "Walker, J. (1985), “Social problems of shift work”, in …": a reference
    if _CUT_AT_TITLE.search(sentence):
        return False  # "…beginning on May 9, 2003, Ms.": cut at a title before its name
    if _INLINE_BYLINE.search(sentence):
        return False  # a headline, its byline and the lead run together by the page's export
    if len(_DATED_ENTRY.findall(sentence)) >= 2:
        return False  # a timeline box's entries run together
    if sentence.count('"') % 2:
        return False
    if _URL.search(sentence):
        return False  # "…Population in the United States, <factfinder2.census.gov/…>": a reference
    if _flattened_table(words):
        return False
    if re.fullmatch(r"[“\"][^“”\"]*[”\"]", sentence):
        return False  # a bare quotation: who said it is in the sentence before
    if not all(sentence.count(a) == sentence.count(b) for a, b in _OPEN_CLOSE):
        return False
    # not a label, a list, a caption or an address; not advice to the reader
    return states_something(sentence) and not instructs(sentence)


# Keywords, candidates and the timeline each walk the same passages: split them once.
@lru_cache(maxsize=8192)
def sentences_of(
    doc_id: int, seq: int, passage: str, page: int | None
) -> tuple[SourceSentence, ...]:
    """Every sentence of one passage that stands alone, with its position."""
    return tuple(
        SourceSentence(doc_id, seq, i, s, trim(s), page, passage)
        for i, s in enumerate(split(passage))
        if stands_alone(s)
    )
