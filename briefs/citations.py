"""Citations: source numbering by first use, the reference list, and the claim check.

The claim check runs over everything the brief derives, not only copied sentences: each
sentence's numbers, dates and capitalised names must appear in its quote and the quote in
its source; each figure's value must follow from its text; each timeline date from its quote;
each attribution must name someone the quote or its paragraph names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from briefs.extract.dates import MONTH_NAMES, find_dates
from briefs.extract.figures import find_figures
from briefs.model import Brief, Check, Document, Source
from briefs.readers.clean import collapse
from briefs.rows import date_span

_CHECKED_TOKEN = re.compile(r"\d[\d,.]*\d|\d|\b[A-Z][\w'’-]+")


def human_date(date: str | None) -> str | None:
    """ "2022-01-14" -> "14 January 2022"; "2022-06" -> "June 2022"; "2024" -> "2024"."""
    if not date:
        return None
    parts = date.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def _same(text: str) -> str:
    return text


def reference(
    source: Source,
    text: Callable[[str], str] = _same,
    title: Callable[[str], str] = _same,
    link: Callable[[str], str] = _same,
) -> str:
    """The house-style reference: Author. Title. Publisher, date. Locator. URL or file. A date
    only the file's metadata gave reads "Undated (file made 5 April 2013)" ("Publisher,
    undated (…)" after a publisher).

    ``text``, ``title`` and ``link`` format the pieces (the Markdown template escapes the text,
    sets the title in italics and makes the URL a link); by default the result is plain text.
    """
    parts = []
    if source.author and source.author != source.publisher:
        parts.append(text(source.author.rstrip(".") + "."))
    parts.append(title(source.title.rstrip(".")) + ".")
    when = human_date(source.date)
    if when and source.date_from == "file-metadata":
        # The file's own record of when it was made: the best bound there is on an undated
        # report, said for what it is.
        when = f"{'undated' if source.publisher else 'Undated'} (file made {when})"
    tail = ", ".join(x for x in (source.publisher, when) if x)
    if tail:
        parts.append(text(tail + "."))
    if source.locator:
        parts.append(text(source.locator.rstrip(".") + "."))
    parts.append(link(source.url) if source.url else text(f"File: {source.path}"))
    return " ".join(parts)


def _year_supported(date: str, quote: str, src: SourceText) -> bool:
    """A resolved date's year must be written in its sentence, be its source's own year (or
    the one before: "last December"), or go with that day and month elsewhere in the source."""
    year = date[:4]
    if year in quote:
        return True
    if src.date and int(src.date[:4]) - int(year) in (0, 1):
        return True
    return year in src.text


@dataclass
class SourceText:
    """The extracted text of a source (paragraphs) and the document's date, for checking."""

    paragraphs: list[str]
    date: str | None  # what relative dates are read against (Document.anchor_date)
    written: str | None = None  # when the source was written, from whatever told it

    @classmethod
    def of(cls, doc: Document) -> SourceText:
        """A stored document as the claim check reads it."""
        return cls(list(doc.paragraphs), doc.anchor_date, doc.date)

    @cached_property
    def text(self) -> str:
        # Read once per item checked, and keyed on by find_dates' per-document cache.
        return collapse(" ".join(self.paragraphs))

    def paragraph_of(self, quote: str) -> str:
        q = collapse(quote)
        return next((p for p in self.paragraphs if q in collapse(p)), "")


def _tokens(text: str) -> set[str]:
    return {t for t in _CHECKED_TOKEN.findall(text) if t not in {"The", "A", "An", "In"}}


def _is_trim(text: str, quote: str) -> bool:
    """True when ``text`` is ``quote`` less a leading stretch, first letter capitalised."""
    tail = quote[len(quote) - len(text) :] if len(text) <= len(quote) else ""
    return bool(text) and tail[1:] == text[1:] and tail[:1].upper() == text[:1]


def check(brief: Brief, texts: dict[str, SourceText]) -> Check:
    """Verify every derived item of ``brief`` against ``texts`` (by source id)."""
    failures: list[str] = []
    total = 0

    def fail(what: str, why: str) -> None:
        failures.append(f"{what}: {why}")

    for sec in brief.sections:
        for s in sec.sentences:
            total += 1
            label = f"sentence {s.text[:60]!r}"
            problems = [] if s.cites else ["no citation"]
            for c in s.cites:
                src = texts.get(c.source)
                if src is None or collapse(c.quote) not in src.text:
                    problems.append(f"quote not found in {c.source}")
                elif not _is_trim(s.text, c.quote) and (
                    missing := _tokens(s.text) - _tokens(c.quote)
                ):
                    problems.append(f"not in its quote: {', '.join(sorted(missing))}")
            if problems:
                fail(label, "; ".join(problems))
            if s.attribution:
                total += 1
                named = any(
                    c.source in texts and s.attribution in texts[c.source].paragraph_of(c.quote)
                    for c in s.cites
                )
                if not named:
                    fail(label, f"attribution {s.attribution!r} not named in its paragraph")
    for i, f in enumerate(brief.figures):
        total += 1
        label = f"figure {i} {f.text!r}"
        src = texts.get(f.source)
        if src is None or collapse(f.quote) not in src.text:
            fail(label, f"quote not found in {f.source}")
        elif f.text not in f.quote:
            fail(label, "text not in its quote")
        else:
            # Re-read the figure where it stands in its quote: same span, same value.
            again = [
                g
                for g in find_figures(f.quote)
                if g.text == f.text and (g.value, g.low, g.high) == (f.value, f.low, f.high)
            ]
            if not again:
                fail(
                    label,
                    f"value {f.value if f.value is not None else (f.low, f.high)} "
                    "does not follow from its text",
                )
        for c in f.also:
            # A corroborating source must say the same value in the sentence it is cited for.
            other = texts.get(c.source)
            if other is None or collapse(c.quote) not in other.text:
                fail(label, f"corroborating quote not found in {c.source}")
            elif not any(
                (g.value, g.low, g.high) == (f.value, f.low, f.high) for g in find_figures(c.quote)
            ):
                fail(label, f"{c.source} does not give the value {f.text!r} gives")
    for e in brief.timeline:
        total += 1
        label = f"timeline {e.date} {e.text[:40]!r}"
        src = texts.get(e.source)
        if src is None or collapse(e.quote) not in src.text:
            fail(label, f"quote not found in {e.source}")
        elif e.date not in {d.date for d in find_dates(e.quote, src.date, src.text)}:
            fail(label, "date does not follow from its quote")
        elif not _year_supported(e.date, e.quote, src):
            fail(label, f"year {e.date[:4]} is in neither its sentence nor its source's date")
        elif src.written and date_span(e.date)[0] > date_span(src.written)[1]:
            fail(label, f"dated after its source was written ({src.written})")
    return Check(sentences=total, verified=total - len(failures), failures=failures)
