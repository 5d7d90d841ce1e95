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
import json
from collections.abc import Iterable, Iterator, Sequence

from briefs.about import signals
from briefs.errors import CorpusError
from briefs.model import Passage
from briefs.reads import PortableReads
from briefs.rows import (
    DOCUMENT_COLUMNS,
    DOCUMENT_PLACES,
    ParsedFile,
    about_rows,
    document_row,
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


class PgStore(PortableReads):
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

    def _all(self, sql: str, params: Sequence = ()) -> list[tuple]:
        return self._rows(sql.replace("?", "%s"), params)

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
                        (doc_id, seq, text, page, search)
                        for seq, (text, page, search) in enumerate(
                            zip(
                                doc.paragraphs,
                                pages,
                                f.search_texts(n),
                                strict=True,
                            )
                        )
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

    def openings(
        self,
        words: list[str],
        opening: int,
        limit: int,
        since: str | None = None,
        until: str | None = None,
    ) -> list[Passage]:
        if not words:
            return []
        window, wparams = _window(since, until)
        query = " || ".join(["phraseto_tsquery('briefs', %s)"] * len(words))
        rows = self._rows(
            f"SELECT p.doc_id, p.seq, p.text, p.page FROM passages p JOIN documents d"
            f" ON d.id = p.doc_id WHERE p.search @@ ({query}) AND p.seq < %s{window}"
            " LIMIT %s",
            [*words, opening, *wparams, limit],
        )
        return [Passage(doc_id=r[0], seq=r[1], text=r[2], page=r[3]) for r in rows]

    def search(
        self, query: str, limit: int = 200, since: str | None = None, until: str | None = None
    ) -> list[Passage]:
        import psycopg

        try:
            return self._search("websearch_to_tsquery('briefs', %s)", [query], limit, since, until)
        except psycopg.Error as e:
            raise CorpusError(f"bad search query {query!r}: {e}") from e

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
