"""The corpus store on PostgreSQL (psycopg 3): one shared corpus for a team.

Full-text search uses a ``tsvector`` column with a GIN index, a text-search configuration
``briefs`` (English stemming after ``unaccent``, which also folds Đ), ``phraseto_tsquery`` for
the structured queries retrieval asks for, ``websearch_to_tsquery`` for what a user types, and
``ts_rank_cd`` for ranking. Documents, passages, aboutness signals, editions and curation mirror
the SQLite store. Several ingest processes may write at once: each file is replaced in one
transaction under an advisory lock on its path, so overlapping or restarted workers leave each
file once. The schema carries a version: an older one is upgraded, a newer one refused.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Iterator

from briefs.about import Signals, signals
from briefs.errors import CorpusError
from briefs.model import Document, Passage
from briefs.store import (
    DOCUMENT_COLUMNS,
    DOCUMENT_PLACES,
    META_COLUMNS,
    ParsedFile,
    about_rows,
    document_row,
    material_rows,
    metadata_document,
    search_text,
    with_declared,
)

SCHEMA_VERSION = 2
_SCHEMA = """
CREATE TABLE IF NOT EXISTS briefs_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, rel TEXT NOT NULL, size BIGINT NOT NULL, mtime_ns BIGINT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    id BIGSERIAL PRIMARY KEY, file TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
    hash TEXT NOT NULL, path TEXT NOT NULL, title TEXT NOT NULL, author TEXT, publisher TEXT,
    date TEXT, url TEXT, type TEXT NOT NULL, country TEXT, locator TEXT, extra TEXT NOT NULL,
    language TEXT, text_hash TEXT NOT NULL, date_first TEXT, date_last TEXT, provenance TEXT
);
ALTER TABLE documents ADD COLUMN IF NOT EXISTS provenance TEXT;
CREATE INDEX IF NOT EXISTS documents_file ON documents(file);
CREATE INDEX IF NOT EXISTS documents_text ON documents(text_hash);
CREATE INDEX IF NOT EXISTS documents_dates ON documents(date_first, date_last);
CREATE INDEX IF NOT EXISTS documents_country ON documents(country);
CREATE TABLE IF NOT EXISTS passages (
    id BIGSERIAL PRIMARY KEY,
    doc_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, text TEXT NOT NULL, page INTEGER, search TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id, seq);
CREATE INDEX IF NOT EXISTS passages_search ON passages USING GIN (search);
DROP TABLE IF EXISTS mentions;  -- per-passage counts, replaced by aboutness (schema 5)
CREATE TABLE IF NOT EXISTS aboutness (
    doc_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    iso3 TEXT NOT NULL, strong INTEGER NOT NULL, weak INTEGER NOT NULL,
    title INTEGER NOT NULL, lead INTEGER NOT NULL, share REAL NOT NULL,
    dateline INTEGER NOT NULL DEFAULT 0, passages INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS aboutness_iso ON aboutness(iso3);
CREATE INDEX IF NOT EXISTS aboutness_doc ON aboutness(doc_id);
CREATE TABLE IF NOT EXISTS editions (
    kind TEXT NOT NULL, scope TEXT NOT NULL, window_from TEXT NOT NULL, window_to TEXT NOT NULL,
    created TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, scope, window_from, window_to)
);
CREATE TABLE IF NOT EXISTS curation (
    scope TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (scope, kind, value)
);
"""
_CONFIG = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'briefs') THEN
        CREATE TEXT SEARCH CONFIGURATION briefs (COPY = english);
        ALTER TEXT SEARCH CONFIGURATION briefs
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
    END IF;
END $$;
"""


def _window(since: str | None, until: str | None) -> tuple[str, list[str]]:
    sql, params = "", []
    if since:
        sql += " AND d.date_first >= %s"
        params.append(since)
    if until:
        sql += " AND d.date_last <= %s"
        params.append(until)
    return sql, params


class PgStore:
    """The corpus in a PostgreSQL database named by ``url``. Use as a context manager."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        self.path = url  # what messages name
        try:
            self.conn = psycopg.connect(url, autocommit=False)
        except psycopg.Error as e:
            raise CorpusError(f"cannot connect to the corpus store {url!r}: {e}") from e
        try:
            self._migrate()
        except psycopg.Error as e:
            raise CorpusError(f"cannot set up the corpus store {url!r}: {e}") from e

    def _migrate(self) -> None:
        with self.conn.transaction():
            # One migration at a time, whichever worker gets there first.
            self.conn.execute("SELECT pg_advisory_xact_lock(4242)")
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS briefs_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
            )
            row = self.conn.execute("SELECT value FROM briefs_meta WHERE key='schema'").fetchone()
            version = int(row[0]) if row else None
            if version is not None and version > SCHEMA_VERSION:
                raise CorpusError(
                    f"the store {self.url!r} has schema {version}, newer than this version of "
                    f"briefs understands ({SCHEMA_VERSION}); upgrade briefs"
                )
            self.conn.execute(_CONFIG)
            self.conn.execute(_SCHEMA)
            self.conn.execute(
                "INSERT INTO briefs_meta VALUES ('schema', %s) ON CONFLICT (key) DO UPDATE"
                " SET value = EXCLUDED.value",
                (str(SCHEMA_VERSION),),
            )

    def __enter__(self) -> PgStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def _rows(self, sql: str, params: Iterable = ()) -> list[tuple]:
        with self.conn.transaction():
            return self.conn.execute(sql, list(params)).fetchall()

    # -- ingest -------------------------------------------------------------------------------

    def file_states(self) -> dict[str, tuple[int, int, str]]:
        return {
            r[0]: (r[1], r[2], r[3])
            for r in self._rows("SELECT path, size, mtime_ns, hash FROM files")
        }

    def touch(self, key: str, size: int, mtime_ns: int) -> None:
        with self.conn.transaction():
            self.conn.execute(
                "UPDATE files SET size=%s, mtime_ns=%s WHERE path=%s", (size, mtime_ns, key)
            )

    def put_many(self, files: list[ParsedFile]) -> None:
        """Store parsed files, each in its own transaction under a lock on its path, so that
        workers that overlap (or restart) replace a file rather than duplicate it."""
        import psycopg

        try:
            for f in files:
                with self.conn.transaction():
                    self.conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f.key,))
                    self._put(f)
        except psycopg.Error as e:
            raise CorpusError(f"cannot write to the corpus store {self.url!r}: {e}") from e

    def _put(self, f: ParsedFile) -> None:
        self.conn.execute("DELETE FROM files WHERE path=%s", (f.key,))
        self.conn.execute(
            "INSERT INTO files VALUES (%s,%s,%s,%s,%s)",
            (f.key, f.rel, f.size, f.mtime_ns, f.digest),
        )
        for n, doc in enumerate(f.documents):
            doc_id = self.conn.execute(
                f"INSERT INTO documents ({DOCUMENT_COLUMNS}) VALUES"
                f" ({','.join(['%s'] * DOCUMENT_PLACES)}) RETURNING id",
                document_row(f, doc),
            ).fetchone()[0]
            pages = doc.pages or (None,) * len(doc.paragraphs)
            about = about_rows(doc_id, f.about[n] if f.about else signals(doc))
            if about:
                with self.conn.cursor() as cur:
                    cur.executemany(
                        "INSERT INTO aboutness VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)", about
                    )
            if not doc.paragraphs:
                continue
            # All of a document's passages in one round trip (psycopg pipelines executemany).
            with self.conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO passages (doc_id, seq, text, page, search) VALUES"
                    " (%s,%s,%s,%s, to_tsvector('briefs', %s))",
                    [
                        (doc_id, seq, text, page, search_text(doc.title, text, seq))
                        for seq, (text, page) in enumerate(zip(doc.paragraphs, pages, strict=True))
                    ],
                )

    def prune(self, keep: set[str]) -> int:
        gone = [r[0] for r in self._rows("SELECT path FROM files") if r[0] not in keep]
        with self.conn.transaction():
            for key in gone:
                self.conn.execute("DELETE FROM files WHERE path=%s", (key,))
        return len(gone)

    # -- reading ------------------------------------------------------------------------------

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Everything inside reads one consistent view (REPEATABLE READ)."""
        self.conn.commit()
        self.conn.isolation_level = 3  # psycopg.IsolationLevel.REPEATABLE_READ
        try:
            with self.conn.transaction():
                yield
        finally:
            self.conn.isolation_level = None

    def _search(
        self, tsquery_sql: str, params: list, limit: int, since: str | None, until: str | None
    ) -> list[Passage]:
        window, wparams = _window(since, until)
        rows = self._rows(
            f"WITH q AS (SELECT {tsquery_sql} AS q) SELECT p.doc_id, p.seq, p.text, p.page,"
            " ts_rank_cd(p.search, q.q) AS s FROM passages p JOIN documents d"
            f" ON d.id = p.doc_id, q WHERE p.search @@ q.q{window}"
            " ORDER BY s DESC, p.doc_id, p.seq LIMIT %s",
            [*params, *wparams, limit],
        )
        return [
            Passage(doc_id=r[0], seq=r[1], text=r[2], page=r[3], score=float(r[4]) * 10)
            for r in rows
        ]

    def find(
        self,
        any_of: list[list[str]],
        limit: int = 200,
        since: str | None = None,
        until: str | None = None,
    ) -> list[Passage]:
        groups = [g for g in any_of if g]
        if not groups:
            return []
        parts, params = [], []
        for group in groups:
            parts.append("(" + " || ".join(["phraseto_tsquery('briefs', %s)"] * len(group)) + ")")
            params += group
        return self._search(" && ".join(parts), params, limit, since, until)

    def search(
        self, query: str, limit: int = 200, since: str | None = None, until: str | None = None
    ) -> list[Passage]:
        import psycopg

        try:
            return self._search("websearch_to_tsquery('briefs', %s)", [query], limit, since, until)
        except psycopg.Error as e:
            raise CorpusError(f"bad search query {query!r}: {e}") from e

    def passages_of_country(
        self, country: str, limit: int = 400, since: str | None = None, until: str | None = None
    ) -> list[Passage]:
        window, params = _window(since, until)
        rows = self._rows(
            "SELECT p.doc_id, p.seq, p.text, p.page FROM passages p JOIN documents d"
            f" ON d.id=p.doc_id WHERE d.country=%s{window}"
            " ORDER BY d.date DESC, p.doc_id, p.seq LIMIT %s",
            [country, *params, limit],
        )
        return [Passage(doc_id=r[0], seq=r[1], text=r[2], page=r[3]) for r in rows]

    def about_documents(
        self, iso3: str, declared: str, since: str | None = None, until: str | None = None
    ) -> list[tuple[int, Signals | None, bool]]:
        window, params = _window(since, until)
        rows = self._rows(
            "SELECT a.doc_id, a.iso3, a.strong, a.weak, a.title, a.lead, a.share, a.dateline,"
            " d.country = %s FROM aboutness a JOIN documents d ON d.id = a.doc_id"
            f" WHERE a.iso3 = %s{window}",
            [declared, iso3, *params],
        )
        found = [
            (r[0], Signals(r[1], r[2], r[3], bool(r[4]), bool(r[5]), r[6], bool(r[7])), bool(r[8]))
            for r in rows
        ]
        seen = {r[0] for r in found}
        rows = self._rows(
            f"SELECT d.id FROM documents d WHERE d.country = %s{window}", [declared, *params]
        )
        return found + [(r[0], None, True) for r in rows if r[0] not in seen]

    def passages_of(self, doc_ids: Iterable[int], per_document: int) -> list[Passage]:
        ids = sorted(set(doc_ids))
        if not ids:
            return []
        rows = self._rows(
            "SELECT doc_id, seq, text, page FROM passages WHERE doc_id = ANY(%s) AND seq < %s"
            " ORDER BY doc_id, seq",
            [ids, per_document],
        )
        return [Passage(doc_id=r[0], seq=r[1], text=r[2], page=r[3]) for r in rows]

    def passage_counts(self, doc_ids: Iterable[int]) -> dict[int, int]:
        ids = sorted(set(doc_ids))
        if not ids:
            return {}
        rows = self._rows(
            "SELECT doc_id, count(*) FROM passages WHERE doc_id = ANY(%s) GROUP BY doc_id", [ids]
        )
        return {r[0]: r[1] for r in rows}

    def metadata(self, doc_ids: Iterable[int]) -> dict[int, Document]:
        ids = sorted(set(doc_ids))
        if not ids:
            return {}
        return dict(
            metadata_document(row)
            for row in self._rows(f"SELECT {META_COLUMNS} FROM documents WHERE id = ANY(%s)", [ids])
        )

    def document(self, doc_id: int) -> Document:
        rows = self._rows(
            "SELECT path, title, author, publisher, date, url, type, country, locator, extra,"
            " language, provenance FROM documents WHERE id=%s",
            [doc_id],
        )
        if not rows:
            raise CorpusError(f"no document with id {doc_id}")
        path, title, author, pub, date, url, type_, country, loc, extra, lang, prov = rows[0]
        paras = self._rows("SELECT text, page FROM passages WHERE doc_id=%s ORDER BY seq", [doc_id])
        return Document(
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
            extra=tuple(sorted(json.loads(extra).items())),
            provenance=tuple(sorted(json.loads(prov or "{}").items())),
            paragraphs=tuple(p[0] for p in paras),
            pages=tuple(p[1] for p in paras),
        )

    def documents(self) -> Iterator[tuple[int, Document, int]]:
        rows = self._rows(
            f"SELECT {META_COLUMNS}, (SELECT count(*) FROM passages p WHERE p.doc_id=d.id)"
            " FROM documents d ORDER BY d.path, d.id"
        )
        for row in rows:
            yield (*metadata_document(row[:-1]), row[-1])

    def duplicates_among(self, doc_ids: Iterable[int]) -> set[int]:
        ids = sorted(set(doc_ids))
        if not ids:
            return set()
        return {
            r[0]
            for r in self._rows(
                "SELECT d.id FROM documents d WHERE d.id = ANY(%s) AND EXISTS (SELECT 1 FROM"
                " documents o WHERE o.text_hash=d.text_hash AND o.id<d.id)",
                [ids],
            )
        }

    def also(self, doc_id: int) -> list[str]:
        return [
            r[0]
            for r in self._rows(
                "SELECT DISTINCT o.path FROM documents d JOIN documents o"
                " ON o.text_hash=d.text_hash AND o.file<>d.file WHERE d.id=%s ORDER BY o.path",
                [doc_id],
            )
        ]

    def window_counts(self, since: str | None, until: str | None) -> tuple[int, int]:
        if since is None and until is None:
            return 0, 0
        undated = self._rows("SELECT count(*) FROM documents WHERE date_first IS NULL")[0][0]
        lo, hi = since or "0000-00-00", until or "9999-99-99"
        coarse = self._rows(
            "SELECT count(*) FROM documents WHERE date_last >= %s AND date_first <= %s"
            " AND NOT (date_first >= %s AND date_last <= %s)",
            [lo, hi, lo, hi],
        )[0][0]
        return undated, coarse

    def country_material(
        self, since: str | None = None, until: str | None = None
    ) -> list[tuple[str, str | None, str | None, int]]:
        window, params = _window(since, until)
        rows = self._rows(
            "SELECT a.iso3, d.date, d.country, a.strong, a.weak, a.title, a.lead, a.share,"
            " a.dateline, a.passages FROM aboutness a"
            f" JOIN documents d ON d.id=a.doc_id WHERE TRUE{window}",
            params,
        )
        declared = self._rows(
            "SELECT d.country, d.date, count(p.id) FROM documents d JOIN passages p"
            f" ON p.doc_id=d.id WHERE d.country IS NOT NULL{window} GROUP BY d.id",
            params,
        )
        return with_declared(material_rows(rows), declared)

    def count(self) -> int:
        return self._rows("SELECT count(*) FROM documents")[0][0]

    def digest(self) -> str:
        h = hashlib.sha256()
        for (d,) in self._rows("SELECT hash FROM files ORDER BY hash"):
            h.update(d.encode())
        return h.hexdigest()[:16]

    # -- editions and curation ----------------------------------------------------------------

    def record_edition(
        self, kind: str, scope: str, window: tuple[str, str], created: str, data: dict
    ) -> None:
        with self.conn.transaction():
            self.conn.execute(
                "INSERT INTO editions VALUES (%s,%s,%s,%s,%s,%s) ON CONFLICT (kind, scope,"
                " window_from, window_to) DO UPDATE SET created=EXCLUDED.created,"
                " data=EXCLUDED.data",
                (
                    kind,
                    scope,
                    window[0],
                    window[1],
                    created,
                    json.dumps(data, ensure_ascii=False, sort_keys=True),
                ),
            )

    def previous_edition(self, kind: str, scope: str, window_to: str) -> tuple[str, dict] | None:
        rows = self._rows(
            "SELECT window_to, data FROM editions WHERE kind=%s AND scope=%s AND window_to<%s"
            " ORDER BY window_to DESC LIMIT 1",
            [kind, scope, window_to],
        )
        return (rows[0][0], json.loads(rows[0][1])) if rows else None

    def editions(self, kind: str, scope: str) -> list[tuple[str, str, str, dict]]:
        rows = self._rows(
            "SELECT window_from, window_to, created, data FROM editions WHERE kind=%s AND"
            " scope=%s ORDER BY window_to DESC, window_from DESC",
            [kind, scope],
        )
        return [(a, b, c, json.loads(d)) for a, b, c, d in rows]

    def curation(self, scope: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {"exclude_source": [], "exclude_sentence": [], "pin": []}
        for kind, value in self._rows(
            "SELECT kind, value FROM curation WHERE scope=%s ORDER BY kind, value", [scope]
        ):
            out.setdefault(kind, []).append(value)
        return out

    def remember(self, scope: str, kind: str, values: Iterable[str]) -> None:
        with self.conn.transaction():
            for v in values:
                self.conn.execute(
                    "INSERT INTO curation VALUES (%s,%s,%s) ON CONFLICT DO NOTHING",
                    (scope, kind, v),
                )

    def forget(self, scope: str) -> None:
        with self.conn.transaction():
            self.conn.execute("DELETE FROM curation WHERE scope=%s", (scope,))
