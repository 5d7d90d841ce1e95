"""The embedded corpus store: one SQLite file with an FTS5 index over passages.

Files are tracked by path, size, mtime and content hash (under the readers' fingerprint, so
files are read again after an upgrade that reads differently), so a second ingest of unchanged
files reads nothing but their stat. Search uses FTS5's bm25 with the porter stemmer and
diacritic folding (``remove_diacritics 2``); "Đ/đ", which unicode61 does not fold, is folded
before indexing and querying.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from briefs import geo
from briefs.about import signals
from briefs.errors import CorpusError
from briefs.model import Document, Passage
from briefs.reads import PortableReads, window_sql
from briefs.rows import (  # noqa: F401 (re-exported: older callers import them from here)
    DOCUMENT_COLUMNS,
    DOCUMENT_PLACES,
    ParsedFile,
    about_rows,
    date_span,
    document_row,
    fold,
    search_text,
)
from briefs.store_upgrades import upgrade

SCHEMA_VERSION = 5
_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, rel TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY, file TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
    hash TEXT NOT NULL, path TEXT NOT NULL, title TEXT NOT NULL, author TEXT, publisher TEXT,
    date TEXT, url TEXT, type TEXT NOT NULL, country TEXT, locator TEXT, extra TEXT NOT NULL,
    language TEXT, text_hash TEXT NOT NULL,
    date_first TEXT, date_last TEXT,  -- the days a (partial) date covers: "2024" is 01-01..12-31
    provenance TEXT  -- JSON: where each metadata field came from
);
CREATE INDEX IF NOT EXISTS documents_dates ON documents(date_first, date_last);
CREATE INDEX IF NOT EXISTS documents_file ON documents(file);
CREATE INDEX IF NOT EXISTS documents_text ON documents(text_hash);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, text TEXT NOT NULL, page INTEGER,
    search TEXT  -- what FTS indexes, only where it differs from text (title, folded Đ)
);
CREATE VIEW IF NOT EXISTS passages_search AS
    SELECT id, coalesce(search, text) AS search FROM passages;
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id, seq);
DROP TABLE IF EXISTS mentions;  -- per-passage counts, replaced by aboutness (schema 5)
CREATE TABLE IF NOT EXISTS aboutness (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
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
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(
    search, content='passages_search', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
"""


def _check_fts5(conn: sqlite3.Connection) -> None:
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
        conn.execute("DROP TABLE temp.fts5_probe")
    except sqlite3.OperationalError as e:
        raise CorpusError(
            f"this Python's SQLite {sqlite3.sqlite_version} has no FTS5; "
            "use a Python built with FTS5 (python.org and Debian builds have it)"
        ) from e


class Store(PortableReads):
    """The corpus in one SQLite file. Use as a context manager, or call ``close``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Two processes on one store take turns: a writer waits up to a minute for the other.
            self.conn = sqlite3.connect(path, timeout=60)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            _check_fts5(self.conn)
            self._migrate()
        except (sqlite3.DatabaseError, OSError) as e:
            raise CorpusError(f"cannot open the corpus store {str(path)!r}: {e}") from e

    def _migrate(self) -> None:
        """Create the schema, or upgrade an older one in place; refuse a newer one."""
        # Rebuilding the passages table (schema 3) must not cascade into its dependants.
        self.conn.execute("PRAGMA foreign_keys = OFF")
        with self.conn:
            self.conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            version = int(row[0]) if row else None
            if version is not None and version > SCHEMA_VERSION:
                raise CorpusError(
                    f"the store {str(self.path)!r} has schema {version}, newer than this "
                    f"version of briefs understands ({SCHEMA_VERSION}); upgrade briefs"
                )
            if version is not None:
                upgrade(self.conn, version, self.document)
            self.conn.executescript(_SCHEMA)
            if version in (1, 2):
                self.conn.execute("INSERT INTO passages_fts(passages_fts) VALUES ('rebuild')")
            self.conn.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
            )
            # What documents say of countries is derived at ingest from the gazetteer: when it
            # changes (a new alias, a place name dropped), read it again rather than serve stale.
            row = self.conn.execute("SELECT value FROM meta WHERE key='gazetteer'").fetchone()
            if row is None or row[0] != geo.fingerprint():
                self._backfill_about()
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('gazetteer', ?)", (geo.fingerprint(),)
                )
        self.conn.execute("PRAGMA foreign_keys = ON")

    def _backfill_about(self) -> None:
        self.conn.execute("DELETE FROM aboutness")
        for (doc_id,) in self.conn.execute("SELECT id FROM documents").fetchall():
            self.conn.executemany(
                "INSERT INTO aboutness VALUES (?,?,?,?,?,?,?,?,?)",
                about_rows(doc_id, signals(self.document(doc_id))),
            )

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read everything inside as of one moment, whatever an ingest commits meanwhile."""
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            self.conn.execute("COMMIT")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def _all(self, sql: str, params: Sequence = ()) -> list[tuple]:
        return self.conn.execute(sql, params).fetchall()

    # -- ingest -------------------------------------------------------------------------------

    def file_states(self) -> dict[str, tuple[int, int, str]]:
        """Every stored file's (size, mtime_ns, hash), by absolute path: one query for ingest."""
        return {
            r[0]: (r[1], r[2], r[3])
            for r in self.conn.execute("SELECT path, size, mtime_ns, hash FROM files")
        }

    def touch(self, key: str, size: int, mtime_ns: int) -> None:
        """Record a new stat for a file whose content hash did not change."""
        with self.conn:
            self.conn.execute(
                "UPDATE files SET size=?, mtime_ns=? WHERE path=?",
                (size, mtime_ns, key),
            )

    def put(
        self,
        path: Path,
        rel: str,
        size: int,
        mtime_ns: int,
        digest: str,
        documents: Iterable[Document],
    ) -> None:
        """Replace everything stored for ``path`` with ``documents``, in one transaction."""
        self.put_many(
            [ParsedFile(str(path.resolve()), rel, size, mtime_ns, digest, list(documents))]
        )

    def put_many(self, files: list[ParsedFile]) -> None:
        """Store several parsed files in one transaction (each replaces what its path had).

        Raises CorpusError when the store cannot be written (a full disk, a read-only file).
        """
        try:
            with self.conn:
                # Take the write lock first: what this transaction reads (next ids, whether a
                # path is stored) must not change under it when two ingests run at once.
                self.conn.execute("BEGIN IMMEDIATE")
                next_id = self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM passages")
                counter = [next_id.fetchone()[0]]
                for f in files:
                    self._put(f, counter)
        except sqlite3.Error as e:
            raise CorpusError(f"cannot write to the corpus store {str(self.path)!r}: {e}") from e

    def _put(self, f: ParsedFile, counter: list[int]) -> None:
        # Passage ids are assigned here (one writer, inside its transaction), so that passages,
        # their index entries and the document's aboutness rows go in as bulk inserts.
        # Another ingest may have stored the path since this one looked: check, cheaply.
        if f.replaces or self.conn.execute("SELECT 1 FROM files WHERE path=?", (f.key,)).fetchone():
            self._delete_file(f.key)
        self.conn.execute(
            "INSERT INTO files VALUES (?,?,?,?,?)", (f.key, f.rel, f.size, f.mtime_ns, f.digest)
        )
        for n, doc in enumerate(f.documents):
            doc_id = self.conn.execute(
                f"INSERT INTO documents ({DOCUMENT_COLUMNS})"
                f" VALUES ({','.join('?' * DOCUMENT_PLACES)})",
                document_row(f, doc),
            ).lastrowid
            pages = doc.pages or (None,) * len(doc.paragraphs)
            first = counter[0]
            counter[0] += len(doc.paragraphs)
            searches = f.search_texts(n)
            self.conn.executemany(
                "INSERT INTO passages (id, doc_id, seq, text, page, search) VALUES (?,?,?,?,?,?)",
                (
                    (first + seq, doc_id, seq, text, page, None if search == text else search)
                    for seq, (text, page, search) in enumerate(
                        zip(doc.paragraphs, pages, searches, strict=True)
                    )
                ),
            )
            self.conn.executemany(
                "INSERT INTO passages_fts (rowid, search) VALUES (?, ?)",
                ((first + seq, search) for seq, search in enumerate(searches)),
            )
            about = f.about[n] if f.about else signals(doc)
            self.conn.executemany(
                "INSERT INTO aboutness VALUES (?,?,?,?,?,?,?,?,?)", about_rows(doc_id, about)
            )

    def _delete_file(self, key: str) -> None:
        self.conn.execute(
            "INSERT INTO passages_fts (passages_fts, rowid, search)"
            " SELECT 'delete', p.id, coalesce(p.search, p.text)"
            " FROM passages p JOIN documents d ON p.doc_id=d.id WHERE d.file=?",
            (key,),
        )
        self.conn.execute("DELETE FROM files WHERE path=?", (key,))

    def prune(self, keep: set[str]) -> int:
        """Remove stored files whose absolute path is not in ``keep``; return how many."""
        gone = [r[0] for r in self.conn.execute("SELECT path FROM files") if r[0] not in keep]
        with self.conn:
            for key in gone:
                self._delete_file(key)
        return len(gone)

    # -- reading ------------------------------------------------------------------------------

    def search(
        self, query: str, limit: int = 200, since: str | None = None, until: str | None = None
    ) -> list[Passage]:
        """Return passages matching the FTS5 ``query``, best bm25 first (score: higher is
        better), from documents whose date falls in ``since``..``until`` when those are given
        (an undated document or a partial date wider than the window does not).

        Raises CorpusError when the query is not valid FTS5 syntax.
        """
        window, params = window_sql(since, until)
        try:
            rows = self.conn.execute(
                "SELECT p.doc_id, p.seq, p.text, p.page, -bm25(passages_fts) AS s"
                " FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid"
                f" JOIN documents d ON d.id = p.doc_id WHERE passages_fts MATCH ?{window}"
                " ORDER BY s DESC, p.doc_id, p.seq LIMIT ?",
                (fold(query), *params, limit),
            ).fetchall()
        except sqlite3.OperationalError as e:
            raise CorpusError(f"bad search query {query!r}: {e}") from e
        return [Passage(doc_id=r[0], seq=r[1], text=r[2], page=r[3], score=r[4]) for r in rows]

    def find(
        self,
        any_of: list[list[str]],
        limit: int = 200,
        since: str | None = None,
        until: str | None = None,
    ) -> list[Passage]:
        """Passages holding at least one phrase of every group, best bm25 first, in the window.

        ``[["Cambodia", "Phnom Penh"], ["ceasefire"]]`` is (Cambodia OR "Phnom Penh") AND
        ceasefire: the structured query retrieval needs, which each store writes in its own
        search syntax.
        """

        def phrase(text: str) -> str:
            return '"' + text.replace('"', '""') + '"'

        query = " AND ".join(
            "(" + " OR ".join(phrase(p) for p in group) + ")" for group in any_of if group
        )
        return self.search(query, limit=limit, since=since, until=until)

    def openings(
        self,
        words: list[str],
        opening: int,
        limit: int,
        since: str | None = None,
        until: str | None = None,
    ) -> list[Passage]:
        """Up to ``limit`` of the first ``opening`` passages of documents in the window that
        hold any of ``words``, in no set order: unranked and unsorted, so that a common word
        costs no more than ``limit`` rows (all of them, in some order, when fewer match)."""
        if not words:
            return []
        window, params = window_sql(since, until)
        query = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows = self.conn.execute(
            "SELECT p.doc_id, p.seq, p.text, p.page FROM passages_fts"
            " JOIN passages p ON p.id = passages_fts.rowid JOIN documents d ON d.id = p.doc_id"
            f" WHERE passages_fts MATCH ? AND p.seq < ?{window} LIMIT ?",
            (fold(query), opening, *params, limit),
        ).fetchall()
        return [Passage(doc_id=r[0], seq=r[1], text=r[2], page=r[3]) for r in rows]

    # -- editions -----------------------------------------------------------------------------

    def record_edition(
        self, kind: str, scope: str, window: tuple[str, str], created: str, data: dict
    ) -> None:
        """Record a run; re-running the same scope and window replaces its edition."""
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO editions VALUES (?,?,?,?,?,?)",
                (
                    kind,
                    scope,
                    window[0],
                    window[1],
                    created,
                    json.dumps(data, ensure_ascii=False, sort_keys=True),
                ),
            )

    # -- curation -----------------------------------------------------------------------------

    def remember(self, scope: str, kind: str, values: Iterable[str]) -> None:
        with self.conn:
            self.conn.executemany(
                "INSERT OR IGNORE INTO curation VALUES (?,?,?)", ((scope, kind, v) for v in values)
            )

    def forget(self, scope: str) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM curation WHERE scope=?", (scope,))
