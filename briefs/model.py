"""The plain-data model: frozen dataclasses from documents to the finished brief.

Every finding carries its provenance (source document, passage, quote) so that citations
are derived, never typed by hand. ``as_dict`` turns any of them into JSON-ready data.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Any


def as_dict(obj: Any) -> Any:
    """Return ``obj`` (a model dataclass, list or dict of them) as plain JSON-ready data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: as_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [as_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: as_dict(v) for k, v in obj.items()}
    return obj


@dataclass(frozen=True)
class Document:
    """One document as a reader returns it: metadata and clean paragraphs.

    ``date`` is ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY" (as precise as the source says), or None.
    ``paragraphs`` hold the body text; ``pages`` (same length, or empty) the page each came from.
    """

    path: str
    title: str
    paragraphs: tuple[str, ...]
    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    type: str = "unknown"
    country: str | None = None
    pages: tuple[int | None, ...] = ()
    locator: str | None = None  # e.g. the article within a magazine issue
    language: str | None = None  # ISO 639-1, detected
    extra: tuple[tuple[str, str], ...] = ()
    # Where each metadata field came from: "sidecar", "head" (the text itself),
    # "file-metadata" (PDF Info, DOCX core properties: when the file was made), "path", or
    # "lead" (a title taken from the opening of a story saved under a coded file name).
    provenance: tuple[tuple[str, str], ...] = ()

    def source_of(self, name: str) -> str | None:
        """Where the field ``name`` came from (see ``provenance``), or None."""
        return dict(self.provenance).get(name)

    @property
    def anchor_date(self) -> str | None:
        """The date relative dates ("on Sunday", "6 April") are read against: the document's
        own date, never a file's production date, which can be years after the writing."""
        return None if self.source_of("date") == "file-metadata" else self.date

    @functools.cached_property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    def __getstate__(self) -> dict:
        # The joined text is cached on first use; a worker process sending the document to the
        # writer need not send its text twice.
        state = dict(self.__dict__)
        state.pop("text", None)
        return state

    @functools.cached_property
    def text_hash(self) -> str:
        """A hash of the body, case and whitespace folded: the same story in two files."""
        import hashlib

        return hashlib.sha256(" ".join(self.text.casefold().split()).encode()).hexdigest()


@dataclass(frozen=True)
class Passage:
    """A paragraph in the store, with the document it belongs to and its BM25 rank."""

    doc_id: int
    seq: int
    text: str
    page: int | None = None
    score: float = 0.0


@dataclass(frozen=True)
class Source:
    """A cited document, as it appears in the reference list (``id`` is S1, S2… by first use)."""

    id: str
    title: str
    author: str | None
    publisher: str | None
    date: str | None
    url: str | None
    path: str
    also: list[str] = field(default_factory=list)
    type: str = "unknown"
    locator: str | None = None
    # Where ``date`` came from (see Document.provenance): "file-metadata" is when the file was
    # made, which the reference list says as such, never as the date of publication.
    date_from: str | None = None


@dataclass(frozen=True)
class Cite:
    source: str
    quote: str
    page: int | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence shown in the brief: ``text`` is the quote or a trimmed copy of it."""

    text: str
    cites: list[Cite]
    attribution: str | None = None


@dataclass(frozen=True)
class Section:
    title: str
    sentences: list[Sentence]
    kind: str = "theme"  # key_points, theme, outlook


@dataclass(frozen=True)
class Keyword:
    text: str
    score: float


@dataclass(frozen=True)
class Figure:
    """A number that counts something, with the sentence it came from.

    ``value`` is normalised (17.4 billion -> 17.4e9); ranges fill ``low``/``high`` instead.
    ``event`` is what happened to what is counted when the sentence says so next to the number
    ("displace" in "525,000 people displaced"); ``measure`` folds it in ("people (displace)").
    """

    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    counts: str | None
    measure: str | None
    as_of: str | None
    source: str
    quote: str
    differs_from: list[int] = field(default_factory=list)
    event: str | None = None
    # Other sources that report the same value on the same measure, each with its sentence:
    # one row for one fact, and the fact corroborated.
    also: list[Cite] = field(default_factory=list)


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    text: str
    source: str
    quote: str


@dataclass(frozen=True)
class Check:
    sentences: int
    verified: int
    failures: list[str]


@dataclass(frozen=True)
class Manifest:
    corpus_digest: str
    settings: dict[str, Any]
    versions: dict[str, str]


@dataclass(frozen=True)
class Change:
    """One line of "what changed" since the previous edition of the same scope.

    ``kind`` is new_source, new_figure, moved_figure, keyword_up or keyword_down; ``text`` is
    the figure or keyword as written, ``before`` what the previous edition had (moved figures:
    its figure, source title and quote), ``cites`` the current source it rests on.
    """

    kind: str
    text: str
    cites: list[Cite] = field(default_factory=list)
    before: dict[str, str] | None = None


@dataclass(frozen=True)
class Changes:
    """What changed since ``previous`` (the date of the earlier edition; None: the first)."""

    previous: str | None
    items: list[Change] = field(default_factory=list)


@dataclass(frozen=True)
class Brief:
    """The finished brief as plain data: what the JSON sidecar holds and templates see."""

    title: str
    scope: dict[str, str | None]
    period: dict[str, str | None]
    generated: str
    sources: list[Source]
    sections: list[Section]
    figures: list[Figure]
    keywords: list[Keyword]
    timeline: list[TimelineEntry]
    check: Check
    warnings: list[str]
    gaps: list[str]
    manifest: Manifest
    changes: Changes | None = None
    tiles: list[int] = field(default_factory=list)  # figures shown as headline tiles, by index


@dataclass(frozen=True)
class CountryDigest:
    """One country in a digest: a lead sentence, two to four bullets, figures new in the window,
    what changed since the previous digest, and the file name of its full brief (or None)."""

    country: str
    lead: Sentence | None
    bullets: list[Sentence]
    figures: list[Figure]
    changes: Changes | None = None
    brief: str | None = None
    trend: str | None = None  # "up", "down" or "same" against the previous digest; None: first
    material: int = 0  # passages found for the country in the window: what the trend compares


@dataclass(frozen=True)
class Digest:
    """A digest of a window across countries, with one shared reference list."""

    title: str
    period: dict[str, str | None]
    generated: str
    sources: list[Source]
    countries: list[CountryDigest]
    check: Check
    warnings: list[str]
    gaps: list[str]
    manifest: Manifest
