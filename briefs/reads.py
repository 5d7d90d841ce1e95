"""The reads both corpus stores share: the same SQL, written once with ``?`` placeholders.

Each store supplies ``_all(sql, params)`` in its own dialect (the PostgreSQL store turns ``?``
into ``%s``); schema, migrations, writes and full-text search stay in the dialect modules
(``store`` for SQLite, ``pgstore`` for PostgreSQL), where the two really differ.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence

from briefs.about import Signals
from briefs.errors import CorpusError
from briefs.model import Document, Passage
from briefs.rows import META_COLUMNS, material_rows, metadata_document, with_declared

_CHUNK = 500  # ids per IN (…) list


def window_sql(since: str | None, until: str | None) -> tuple[str, tuple[str, ...]]:
    """The SQL (``?`` placeholders) keeping documents whose whole date span is in the window."""
    clauses, params = [], []
    if since:
        clauses.append(" AND d.date_first >= ?")
        params.append(since)
    if until:
        clauses.append(" AND d.date_last <= ?")
        params.append(until)
    return "".join(clauses), tuple(params)


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def _marks(ids: list[int]) -> str:
    return ",".join("?" * len(ids))


class PortableReads:
    """Reads of documents, passages, aboutness, editions and curation, for either store."""

    def _all(self, sql: str, params: Sequence = ()) -> list[tuple]:
        raise NotImplementedError

    # -- documents ----------------------------------------------------------------------------

    def document(self, doc_id: int) -> Document:
        """Return the stored document ``doc_id`` with all its passages. Raises CorpusError."""
        rows = self._all(f"SELECT {META_COLUMNS}, extra FROM documents WHERE id=?", (doc_id,))
        if not rows:
            raise CorpusError(f"no document with id {doc_id}")
        _id, meta = metadata_document(rows[0][:-1])
        paras = self._all("SELECT text, page FROM passages WHERE doc_id=? ORDER BY seq", (doc_id,))
        return dataclasses.replace(
            meta,
            extra=tuple(sorted(json.loads(rows[0][-1]).items())),
            paragraphs=tuple(p[0] for p in paras),
            pages=tuple(p[1] for p in paras),
        )

    def documents(self) -> Iterator[tuple[int, Document, int]]:
        """Yield (id, document without paragraphs, passage count) for every stored document."""
        rows = self._all(
            f"SELECT {META_COLUMNS}, (SELECT count(*) FROM passages p WHERE p.doc_id=d.id)"
            " FROM documents d ORDER BY d.path, d.id"
        )
        for row in rows:
            yield (*metadata_document(row[:-1]), row[-1])

    def metadata(self, doc_ids: Iterable[int]) -> dict[int, Document]:
        """Documents' metadata without their text, in one query per 500."""
        out: dict[int, Document] = {}
        for chunk in _chunks(doc_ids):
            rows = self._all(
                f"SELECT {META_COLUMNS} FROM documents WHERE id IN ({_marks(chunk)})", chunk
            )
            out.update(metadata_document(row) for row in rows)
        return out

    def also(self, doc_id: int) -> list[str]:
        """Other files that carry the same text as ``doc_id`` (the same story saved twice)."""
        rows = self._all(
            "SELECT DISTINCT o.path FROM documents d JOIN documents o"
            " ON o.text_hash=d.text_hash AND o.file<>d.file WHERE d.id=? ORDER BY o.path",
            (doc_id,),
        )
        return [r[0] for r in rows]

    def duplicates_among(self, doc_ids: Iterable[int]) -> set[int]:
        """Those of ``doc_ids`` whose text an earlier-stored document already carries."""
        out: set[int] = set()
        for chunk in _chunks(doc_ids):
            out |= {
                r[0]
                for r in self._all(
                    f"SELECT d.id FROM documents d WHERE d.id IN ({_marks(chunk)})"
                    " AND EXISTS (SELECT 1 FROM documents o WHERE o.text_hash=d.text_hash"
                    " AND o.id<d.id)",
                    chunk,
                )
            }
        return out

    def count(self) -> int:
        return self._all("SELECT count(*) FROM documents")[0][0]

    def digest(self) -> str:
        """A hash over every stored file's content hash: the files the brief was made from.

        The readers' fingerprint that prefixes each stored hash is left out: the digest names
        the input, and the manifest's versions name the code that read it."""
        h = hashlib.sha256()
        contents = sorted(d.rpartition(":")[2] for (d,) in self._all("SELECT hash FROM files"))
        for d in contents:
            h.update(d.encode())
        return h.hexdigest()[:16]

    # -- passages -----------------------------------------------------------------------------

    def passages_of(self, doc_ids: Iterable[int], per_document: int) -> list[Passage]:
        """The first ``per_document`` passages of each document, in order."""
        out: list[Passage] = []
        for chunk in _chunks(doc_ids):
            rows = self._all(
                "SELECT doc_id, seq, text, page FROM passages"
                f" WHERE doc_id IN ({_marks(chunk)}) AND seq < ? ORDER BY doc_id, seq",
                (*chunk, per_document),
            )
            out += [Passage(doc_id=r[0], seq=r[1], text=r[2], page=r[3]) for r in rows]
        return out

    def passage_counts(self, doc_ids: Iterable[int]) -> dict[int, int]:
        """How many passages each document has."""
        out: dict[int, int] = {}
        for chunk in _chunks(doc_ids):
            rows = self._all(
                "SELECT doc_id, count(*) FROM passages"
                f" WHERE doc_id IN ({_marks(chunk)}) GROUP BY doc_id",
                chunk,
            )
            out.update({r[0]: r[1] for r in rows})
        return out

    # -- what documents are about ---------------------------------------------------------------

    def about_documents(
        self, iso3: str, declared: str, since: str | None = None, until: str | None = None
    ) -> list[tuple[int, Signals | None, bool]]:
        """(document id, its aboutness signals for ``iso3``, whether its metadata declares the
        country ``declared``) for every document in the window that names the country or
        declares it (a declared document that never names it has no signals)."""
        window, params = window_sql(since, until)
        rows = self._all(
            "SELECT a.doc_id, a.iso3, a.strong, a.weak, a.title, a.lead, a.share, a.dateline,"
            " a.passages, d.country FROM aboutness a JOIN documents d ON d.id = a.doc_id"
            f" WHERE a.iso3 = ?{window}",
            (iso3, *params),
        )
        found = [
            (
                r[0],
                Signals(r[1], r[2], r[3], bool(r[4]), bool(r[5]), r[6], bool(r[7]), r[8]),
                r[9] == declared,
            )
            for r in rows
        ]
        seen = {r[0] for r in found}
        rows = self._all(
            f"SELECT d.id FROM documents d WHERE d.country = ?{window}", (declared, *params)
        )
        return found + [(r[0], None, True) for r in rows if r[0] not in seen]

    def country_material(
        self, since: str | None = None, until: str | None = None
    ) -> list[tuple[str, str | None, str | None, int]]:
        """(iso3, document date, declared country, passages naming it) per country and document
        that has it as a subject, dated in the window (all documents without one): what batch
        runs and digests count to decide which countries have material."""
        window, params = window_sql(since, until)
        rows = self._all(
            "SELECT a.iso3, d.date, d.country, a.strong, a.weak, a.title, a.lead, a.share,"
            " a.dateline, a.passages FROM aboutness a"
            f" JOIN documents d ON d.id=a.doc_id WHERE 1=1{window}",
            params,
        )
        declared = self._all(
            "SELECT d.country, d.date, count(p.id) FROM documents d JOIN passages p"
            f" ON p.doc_id=d.id WHERE d.country IS NOT NULL{window} GROUP BY d.id, d.country,"
            " d.date",
            params,
        )
        return with_declared(material_rows(rows), declared)

    def window_counts(self, since: str | None, until: str | None) -> tuple[int, int]:
        """(undated documents, documents dated too coarsely for the window): what a dated
        brief leaves out and reports."""
        if since is None and until is None:
            return 0, 0
        undated = self._all("SELECT count(*) FROM documents WHERE date_first IS NULL")[0][0]
        lo, hi = since or "0000-00-00", until or "9999-99-99"
        coarse = self._all(
            "SELECT count(*) FROM documents WHERE date_last >= ? AND date_first <= ?"
            " AND NOT (date_first >= ? AND date_last <= ?)",
            (lo, hi, lo, hi),
        )[0][0]
        return undated, coarse

    # -- editions and curation ----------------------------------------------------------------

    def previous_edition(self, kind: str, scope: str, window_to: str) -> tuple[str, dict] | None:
        """(its window's end, its data) for the latest edition of ``scope`` ending earlier."""
        rows = self._all(
            "SELECT window_to, data FROM editions WHERE kind=? AND scope=? AND window_to<?"
            " ORDER BY window_to DESC LIMIT 1",
            (kind, scope, window_to),
        )
        return (rows[0][0], json.loads(rows[0][1])) if rows else None

    def editions(self, kind: str, scope: str) -> list[tuple[str, str, str, dict]]:
        """Every edition of ``scope``: (window from, window to, created, data), newest first."""
        rows = self._all(
            "SELECT window_from, window_to, created, data FROM editions WHERE kind=? AND scope=?"
            " ORDER BY window_to DESC, window_from DESC",
            (kind, scope),
        )
        return [(a, b, c, json.loads(d)) for a, b, c, d in rows]

    def curation(self, scope: str) -> dict[str, list[str]]:
        """The remembered choices for ``scope``: {"exclude_source": [...], "exclude_sentence":
        [...], "pin": [...]}, each sorted."""
        out: dict[str, list[str]] = {"exclude_source": [], "exclude_sentence": [], "pin": []}
        for kind, value in self._all(
            "SELECT kind, value FROM curation WHERE scope=? ORDER BY kind, value", (scope,)
        ):
            out.setdefault(kind, []).append(value)
        return out
