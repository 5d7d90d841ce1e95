"""Citation styles: the numbered house style, or an author-date CSL style (APA) by citeproc-py.

The house style numbers sources in order of first use ("[3]") and lists them in that order.
An author-date style marks citations "(Progressive Voice, 2022)" and sorts the list by author;
citeproc-py formats both from CSL-JSON built out of the corpus metadata.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from briefs.citations import reference
from briefs.errors import ConfigError
from briefs.model import Source

STYLES = ("numbered", "apa")
_CSL = {"apa": Path(__file__).with_name("styles") / "apa.csl"}
_TYPES = {
    "news": "article-newspaper",
    "magazine": "article-magazine",
    "official": "speech",
    "report": "report",
    "advocacy": "webpage",
    "unknown": "document",
}


@dataclass(frozen=True)
class Formatted:
    """In-text markers by source id, and the reference list in the order the style wants."""

    markers: dict[str, str]
    references: list[tuple[Source, str]]


def _csl_item(source: Source) -> dict:
    item: dict = {
        "id": source.id,
        "type": _TYPES.get(source.type, "document"),
        "title": source.title,
    }
    author = source.author or source.publisher
    if author:
        item["author"] = [{"literal": author}]  # organisations and full names as written
    if source.publisher and source.publisher != author:
        item["publisher"] = source.publisher
    if source.locator and source.locator.startswith("In: "):
        item["container-title"] = source.locator[4:]
    if source.date:
        item["issued"] = {"date-parts": [[int(p) for p in source.date.split("-")]]}
    if source.url:
        item["URL"] = source.url
    return item


@functools.cache
def _style(name: str):
    from citeproc import CitationStylesStyle

    return CitationStylesStyle(str(_CSL[name]), validate=False)


def format_sources(sources: list[Source], style: str) -> Formatted:
    """Markers and the reference list for ``sources`` in ``style``.

    Raises ConfigError naming the style when it is not one of STYLES.
    """
    if style not in STYLES:
        raise ConfigError(f"unknown citation style {style!r}: choose from {', '.join(STYLES)}")
    if style == "numbered":
        return Formatted(
            {s.id: f"[{s.id[1:]}]" for s in sources}, [(s, reference(s)) for s in sources]
        )
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    bib = CitationStylesBibliography(
        _style(style), CiteProcJSON([_csl_item(s) for s in sources]), formatter.plain
    )
    citations = {s.id: Citation([CitationItem(s.id)]) for s in sources}
    for c in citations.values():
        bib.register(c)
    markers = {sid: str(bib.cite(c, lambda _item: None)) for sid, c in citations.items()}
    by_key = {s.id.lower(): s for s in sources}
    refs = []
    for key, entry in zip(bib.keys, bib.bibliography(), strict=True):
        source = by_key[str(key).lower()]
        text = _dedupe_title(str(entry), source.title)
        if not source.url:
            text = f"{text} File: {source.path}"
        refs.append((source, " ".join(text.split())))
    # Author-date lists run alphabetically (citeproc-py keeps the order of registration).
    refs.sort(key=lambda r: r[1].replace("[", "").casefold())
    return Formatted(markers, refs)


def _dedupe_title(text: str, title: str) -> str:
    """citeproc-py repeats the title of an item with no author (a known bug); keep the first."""
    first = text.find(title)
    if first < 0:
        return text
    rest = text[first + len(title) :]
    return text[: first + len(title)] + re.sub(re.escape(title) + r"\.?\s*", "", rest, count=1)
