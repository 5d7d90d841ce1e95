"""The timeline: dated events of the passages, each told once, oldest first."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from briefs.extract.dates import MONTH_NAMES, find_dates
from briefs.extract.sentences import sentences_of
from briefs.model import Document, TimelineEntry
from briefs.retrieve import Scope, in_window
from briefs.rows import date_span

# Sentences about the publication itself ("The magazine publishes two Issues per year") say
# nothing about the country.
ABOUT_ITSELF = re.compile(
    # "the June 2022 Issue" is the magazine's; "the issue of landmines" is a subject.
    r"\b(?:[Tt]he|[Tt]his)\s+(?:[A-Z][a-z]+\s+(?:\d{4}\s+)?)?Issue\b"
    r"|(?i:\b(?:the|this) (?:magazine|newsletter|publication)\b"
    r"|\bthis (?:[\w-]+ )?(?:article|paper|report|bulletin|brief|update)\b"
    r"|\bthe authors?\b|\bour readers\b"
    # an editor telling what a piece in the issue did: "The article about Cambodia provided…"
    r"|^the (?:article|paper|essay|chapter|contribution) (?:about|on|by)\b"
    # an editor walking through the issue: "The third article explained how…"
    r"|\bthe (?:first|second|third|fourth|fifth|sixth|final|last|next|previous|following)"
    r" (?:article|paper|chapter|section|essay|contribution)s?\b"
    # a pointer to the publication's own parts or its next edition: "… can be found in table
    # A-2, appendix A", "… will be included in a future report"
    r"|\b(?:can be|are|is|were|was) (?:found|shown|given|presented|listed|summarized|described)"
    r" in (?:the )?(?:tables?|figures?|appendi(?:x|ces)|annex(?:es)?|chapters?|sections?)\b"
    r"|\bin (?:a|the) (?:future|later|forthcoming|subsequent|next) (?:report|edition|issue|"
    r"update|release)\b"
    # a speaker telling of their own speaking: "Mr. President, yesterday I spoke on the
    # Senate floor regarding …", "I rise today to discuss …"
    r"|^(?:(?:mr|mrs|ms|madam|madame)\.? (?:president|speaker|chairman|chair)\s*,\s*)?"
    r"(?:(?:yesterday|today|earlier|last \w+|this \w+),? )?"
    r"i (?:rise|(?:spoke|speak|have spoken)(?! (?:with|to)\b)|"
    r"(?:want|wish|would like|intend) to (?:speak|talk|discuss|address|turn|focus|"
    r"say a few words))\b)"
)


_EVENT_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]{3,}")
_EVENT_STOP = {"with", "that", "this", "from", "have", "been", "were", "will", "said", "their"}


# Words next to a date that say nothing of what happened on it.
_NEAR_STOP = (
    _EVENT_STOP
    | {"since", "after", "before", "until", "following", "during", "including"}
    | {"days", "weeks", "months"}
    | {m.lower() for m in MONTH_NAMES}
)


# "the worst atrocities since the coup was mounted on 1 February 2021": a date inside a clause
# opened by "since", "after" or "following" is the point the sentence counts from; what the
# sentence tells happened later, on a day it does not give.
_COUNTED_FROM = re.compile(r"\b(?:since|after|following|until)\b[^,;:]{0,60}$", re.IGNORECASE)


def counted_from(sentence: str, at: int) -> bool:
    """Is the date at ``at`` the point a later event is counted from?"""
    return bool(_COUNTED_FROM.search(sentence[:at]))


def words_near(sentence: str, at: int) -> set[str]:
    """The words within 40 characters of the date at ``at``: what the sentence says of that day."""
    window = sentence[max(0, at - 40) : at + 40]
    return {w.lower() for w in _EVENT_WORD.findall(window)} - _NEAR_STOP


def same_event(
    a: str, b: str, near_a: set[str] = frozenset(), near_b: set[str] = frozenset()
) -> bool:
    """Do two sentences dated the same day tell one event? A third of their words in common, or
    a word in common next to the date ("the coup of 1 February", "the coup d’état was mounted on
    1 February, 2021")."""
    if near_a & near_b:
        return True
    wa, wb = ({w.lower() for w in _EVENT_WORD.findall(x)} - _EVENT_STOP for x in (a, b))
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 1 / 3


def after_written(date: str, written: str | None) -> bool:
    """Whether ``date`` falls wholly after the (possibly partial) date a source was written."""
    if not written:
        return False
    return date_span(date)[0] > date_span(written)[1]


def timeline_of(
    passages,
    docs: dict[int, Document],
    scope: Scope,
    n: int,
    speaks_for: Callable[[int, str], bool] = lambda doc, sentence: True,
) -> list[TimelineEntry]:
    """Up to ``n`` dated events, oldest first, one per event, from sentences that
    ``speaks_for`` lets speak for the scope."""
    entries: dict[str, TimelineEntry] = {}
    near: dict[str, set[str]] = {}  # by entry key: the words next to its date
    for p in passages:
        doc = docs[p.doc_id]
        for s in sentences_of(p.doc_id, p.seq, p.text, p.page):
            if ABOUT_ITSELF.search(s.quote):
                continue  # "the June 2022 Issue" dates the publication, not an event
            if not speaks_for(p.doc_id, s.quote):
                continue  # another country's history, from a document about it
            dates = [
                d for d in find_dates(s.quote, doc.anchor_date, doc.text) if d.date.count("-") >= 1
            ]
            if not dates:
                continue
            d = dates[0].date
            if counted_from(s.quote, dates[0].start):
                continue
            if not in_window(d, scope.since, scope.until) or after_written(d, doc.date):
                continue  # an event dated after its source was written is a misreading
            words = words_near(s.quote, dates[0].start) if d.count("-") == 2 else set()
            # One entry per event: the same date in the same document is the same event, and
            # so is the same date told in the same words by another source (the earlier,
            # better-ranked passage keeps it).
            if any(
                e.date == d and same_event(e.quote, s.quote, near[key], words)
                for key, e in entries.items()
                if not key.endswith(f" {p.doc_id}")
            ):
                continue
            key = f"{d} {p.doc_id}"
            if key not in entries:
                entries[key] = TimelineEntry(d, s.text, f"#{p.doc_id}", s.quote)
                near[key] = words
            if len(entries) >= 3 * n:
                break
    if len(entries) <= n:
        return sorted(entries.values(), key=lambda e: (e.date, e.quote))
    # Too many: the most precisely dated events, the better-ranked passage first, and no
    # source more than half the timeline while another has events to tell (a senator's
    # speech listing twelve dated e-mails is one source's chronology, not the story's).
    cap = -(-n // 2)
    told: Counter[str] = Counter()
    chosen: list[TimelineEntry] = []
    candidates = sorted(entries.values(), key=lambda e: -e.date.count("-"))  # stable: rank
    for e in candidates:
        if len(chosen) < n and told[e.source] < cap:
            chosen.append(e)
            told[e.source] += 1
    chosen += [e for e in candidates if e not in chosen][: n - len(chosen)]
    return sorted(chosen, key=lambda e: (e.date, e.quote))
