"""The rows both corpus stores write and read: the documents row, its metadata codec, a date's
span of days, the text the index holds, the aboutness rows, and a parsed file on its way in.

One module, so the two stores (``store`` for SQLite, ``pgstore`` for PostgreSQL) and what
reads them (retrieval, citations) share one definition instead of importing a dialect.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from briefs import about, geo
from briefs.about import Signals
from briefs.model import Document

_FOLD = str.maketrans({"Đ": "D", "đ": "d"})


def fold(text: str) -> str:
    """Fold what FTS5's unicode61 leaves alone (Đ/đ), so "Dang" finds "Đặng"."""
    return text.translate(_FOLD) if "Đ" in text or "đ" in text else text


def date_span(date: str | None) -> tuple[str | None, str | None]:
    """The first and last day a (possibly partial) ISO date covers; (None, None) if undated."""
    if not date:
        return None, None
    parts = date.split("-")
    if len(parts) == 1:
        return f"{date}-01-01", f"{date}-12-31"
    if len(parts) == 2:
        return f"{date}-01", f"{date}-31"
    return date, date


DOCUMENT_COLUMNS = (
    "file, hash, path, title, author, publisher, date, url, type, country, "
    "locator, extra, language, text_hash, date_first, date_last, provenance"
)


DOCUMENT_PLACES = 17  # values in a documents row


def document_row(f: ParsedFile, doc: Document) -> tuple:
    """The values of a documents row, in DOCUMENT_COLUMNS order (both stores write these)."""
    return (
        f.key,
        f.digest,
        f.rel,
        doc.title,
        doc.author,
        doc.publisher,
        doc.date,
        doc.url,
        doc.type,
        doc.country,
        doc.locator,
        json.dumps(dict(doc.extra)),
        doc.language,
        doc.text_hash,
        *date_span(doc.date),
        json.dumps(dict(doc.provenance), sort_keys=True),
    )


META_COLUMNS = (
    "id, path, title, author, publisher, date, url, type, country, locator, language, text_hash,"
    " provenance"
)


def metadata_document(row: tuple) -> tuple[int, Document]:
    """(id, document without its text) from a row of META_COLUMNS, as both stores read it."""
    did, path, title, author, pub, date, url, type_, country, loc, lang, text_hash, prov = row
    doc = Document(
        provenance=tuple(sorted(json.loads(prov or "{}").items())),
        path=path,
        title=title,
        author=author,
        publisher=pub,
        date=date,
        url=url,
        type=type_,
        country=country,
        locator=loc,
        language=lang,
        paragraphs=(),
    )
    doc.__dict__["text_hash"] = text_hash  # the stored hash: what the duplicate check compares
    return did, doc


def material_rows(rows: list[tuple]) -> list[tuple[str, str | None, str | None, int]]:
    """(iso3, date, declared country, passages naming it) for each document that has the
    country as a subject (``about.SECONDARY``), from aboutness rows with their passage count:
    a list of countries or a passing mention is no material for that country."""
    out = []
    for iso, date, country, strong, weak, title, lead, share, dateline, n in rows:
        sig = Signals(iso, strong, weak, bool(title), bool(lead), share, bool(dateline), n)
        if about.score(sig) >= about.SECONDARY:
            out.append((iso, date, country, n))
    return out


def with_declared(
    mentioned: list[tuple], declared: list[tuple]
) -> list[tuple[str, str | None, str | None, int]]:
    """Country material: passages naming a country, plus documents declaring one (a speech
    by that state) counted whole; a declared name the gazetteer does not know is left out."""
    out = [(iso, date, country, n) for iso, date, country, n in mentioned]
    for country, date, n in declared:
        try:
            out.append((geo.resolve(country).iso3, date, country, n))
        except Exception:  # ScopeError: an unknown declared country
            continue
    return out


def about_rows(doc_id: int, found: list[Signals]) -> list[tuple]:
    """Rows of the aboutness table for one document (both stores write these)."""
    return [
        (
            doc_id,
            s.iso3,
            s.strong,
            s.weak,
            int(s.title),
            int(s.lead),
            s.share,
            int(s.dateline),
            s.passages,
        )
        for s in found
    ]


def search_text(title: str, text: str, seq: int) -> str:
    """What the index holds for a passage: the text folded, and the first one with the title
    (so that a title match counts)."""
    return fold(f"{title}\n{text}" if seq == 0 else text)


def search_texts(doc: Document) -> list[str]:
    """``search_text`` of each passage of ``doc``."""
    return [search_text(doc.title, text, seq) for seq, text in enumerate(doc.paragraphs)]


@dataclass(frozen=True)
class ParsedFile:
    """A file read and ready to store: what an ingest worker hands to the single writer."""

    key: str  # the absolute path
    rel: str
    size: int
    mtime_ns: int
    digest: str
    documents: list[Document]
    about: list[list[Signals]] | None = None  # per document: aboutness signals per country
    replaces: bool = True  # False when the store is known not to hold this path yet
    # per document: what the index holds for each passage (``search_text``), worked out by
    # the worker that read the file so that the single writer only writes
    searches: list[list[str]] | None = None

    def search_texts(self, n: int) -> list[str]:
        """What the index holds for each passage of document ``n``: as the worker worked it
        out, or now."""
        return self.searches[n] if self.searches else search_texts(self.documents[n])


def listing(doc_id: int, doc: Document, passages: int) -> dict:
    """One stored document as ``briefs sources`` and the desk's corpus page list it: its
    metadata, its passage count and where each field came from."""
    return {
        "id": doc_id,
        "path": doc.path,
        "title": doc.title,
        "author": doc.author,
        "publisher": doc.publisher,
        "date": doc.date,
        "url": doc.url,
        "type": doc.type,
        "country": doc.country,
        "language": doc.language,
        "passages": passages,
        "provenance": dict(doc.provenance),
    }
