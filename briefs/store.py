"""The embedded corpus store: one SQLite file with an FTS5 index over passages.

Files are tracked by path, size, mtime and content hash, so a second ingest of unchanged
files reads nothing but their stat. Search uses FTS5's bm25 with the porter stemmer and
diacritic folding (``remove_diacritics 2``); "Đ/đ", which unicode61 does not fold, is folded
before indexing and querying.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefs import about, geo
from briefs.about import Signals, signals
from briefs.errors import CorpusError
from briefs.model import Document, Passage

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


@dataclass(frozen=True)
class StoredDocument:
    id: int
    document: Document


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0


def _check_fts5(conn: sqlite3.Connection) -> None:
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
        conn.execute("DROP TABLE temp.fts5_probe")
    except sqlite3.OperationalError as e:
        raise CorpusError(
            f"this Python's SQLite {sqlite3.sqlite_version} has no FTS5; "
            "use a Python built with FTS5 (python.org and Debian builds have it)"
        ) from e


def _window_sql(since: str | None, until: str | None) -> tuple[str, tuple[str, ...]]:
    clauses, params = [], []
    if since:
        clauses.append(" AND d.date_first >= ?")
        params.append(since)
    if until:
        clauses.append(" AND d.date_last <= ?")
        params.append(until)
    return "".join(clauses), tuple(params)


class Store:
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
            if version == 1:
                self._upgrade_from_1()
            if version in (1, 2):
                self._upgrade_to_3()
            if version in (1, 2, 3):
                self._upgrade_to_4()
            if version in (1, 2, 3, 4):
                self._upgrade_to_5()
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

    def _upgrade_from_1(self) -> None:
        """Schema 1 had no language, text hash or country mentions."""
        columns = {r[1] for r in self.conn.execute("PRAGMA table_info(documents)")}
        if "language" not in columns:
            self.conn.execute("ALTER TABLE documents ADD COLUMN language TEXT")
        if "text_hash" not in columns:
            self.conn.execute("ALTER TABLE documents ADD COLUMN text_hash TEXT NOT NULL DEFAULT ''")
            for (doc_id,) in self.conn.execute("SELECT id FROM documents").fetchall():
                self.conn.execute(
                    "UPDATE documents SET text_hash=? WHERE id=?",
                    (self.document(doc_id).text_hash, doc_id),
                )

    def _upgrade_to_3(self) -> None:
        """Schema 3 keeps the FTS column only where it differs from the text (the store was
        twice the size of its text) and indexes through a view."""
        self.conn.executescript(
            """
            DROP TABLE IF EXISTS passages_fts;
            CREATE TABLE passages_v3 (
                id INTEGER PRIMARY KEY,
                doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                seq INTEGER NOT NULL, text TEXT NOT NULL, page INTEGER, search TEXT);
            INSERT INTO passages_v3 SELECT id, doc_id, seq, text, page,
                CASE WHEN search = text THEN NULL ELSE search END FROM passages;
            DROP TABLE passages;
            ALTER TABLE passages_v3 RENAME TO passages;
            DELETE FROM meta WHERE key = 'gazetteer';
            """
        )

    def _upgrade_to_4(self) -> None:
        """Schema 4 keeps each document's date as the span of days it covers, for windows."""
        columns = {r[1] for r in self.conn.execute("PRAGMA table_info(documents)")}
        for name in ("date_first", "date_last"):
            if name not in columns:
                self.conn.execute(f"ALTER TABLE documents ADD COLUMN {name} TEXT")
        for did, date in self.conn.execute("SELECT id, date FROM documents").fetchall():
            self.conn.execute(
                "UPDATE documents SET date_first=?, date_last=? WHERE id=?", (*date_span(date), did)
            )

    def _upgrade_to_5(self) -> None:
        """Schema 5 records each field's provenance and each document's aboutness signals."""
        columns = {r[1] for r in self.conn.execute("PRAGMA table_info(documents)")}
        if "provenance" not in columns:
            self.conn.execute("ALTER TABLE documents ADD COLUMN provenance TEXT")
        self.conn.execute("DELETE FROM meta WHERE key = 'gazetteer'")  # signals backfilled

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
            searches = [
                search_text(doc.title, text, seq) for seq, text in enumerate(doc.paragraphs)
            ]
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

    def document(self, doc_id: int) -> Document:
        """Return the stored document ``doc_id`` with all its passages. Raises CorpusError."""
        row = self.conn.execute(
            "SELECT path, title, author, publisher, date, url, type, country, locator, extra,"
            " language, provenance FROM documents WHERE id=?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise CorpusError(f"no document with id {doc_id}")
        paras = self.conn.execute(
            "SELECT text, page FROM passages WHERE doc_id=? ORDER BY seq", (doc_id,)
        ).fetchall()
        path, title, author, publisher, date, url, type_, country, locator, extra, lang, prov = row
        return Document(
            path=path,
            title=title,
            author=author,
            publisher=publisher,
            date=date,
            url=url,
            type=type_,
            country=country,
            locator=locator,
            language=lang,
            extra=tuple(sorted(json.loads(extra).items())),
            provenance=tuple(sorted(json.loads(prov or "{}").items())),
            paragraphs=tuple(p[0] for p in paras),
            pages=tuple(p[1] for p in paras),
        )

    def documents(self) -> Iterator[tuple[int, Document, int]]:
        """Yield (id, document without paragraphs, passage count) for every stored document."""
        rows = self.conn.execute(
            f"SELECT {META_COLUMNS}, (SELECT count(*) FROM passages p WHERE p.doc_id=d.id)"
            " FROM documents d ORDER BY d.path, d.id"
        ).fetchall()
        for row in rows:
            yield (*metadata_document(row[:-1]), row[-1])

    def also(self, doc_id: int) -> list[str]:
        """Other files that carry the same text as ``doc_id`` (the same story saved twice)."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT o.path FROM documents d JOIN documents o"
                " ON o.text_hash=d.text_hash AND o.file<>d.file WHERE d.id=? ORDER BY o.path",
                (doc_id,),
            )
        ]

    def search(
        self, query: str, limit: int = 200, since: str | None = None, until: str | None = None
    ) -> list[Passage]:
        """Return passages matching the FTS5 ``query``, best bm25 first (score: higher is
        better), from documents whose date falls in ``since``..``until`` when those are given
        (an undated document or a partial date wider than the window does not).

        Raises CorpusError when the query is not valid FTS5 syntax.
        """
        window, params = _window_sql(since, until)
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

    def passages_of_country(
        self, country: str, limit: int = 400, since: str | None = None, until: str | None = None
    ) -> list[Passage]:
        """Passages of documents whose metadata declares ``country`` (a speech by that state),
        newest first, within the window when one is given."""
        window, params = _window_sql(since, until)
        rows = self.conn.execute(
            "SELECT p.doc_id, p.seq, p.text, p.page FROM passages p JOIN documents d"
            f" ON d.id=p.doc_id WHERE d.country=?{window}"
            " ORDER BY d.date DESC, p.doc_id, p.seq LIMIT ?",
            (country, *params, limit),
        ).fetchall()
        return [Passage(doc_id=r[0], seq=r[1], text=r[2], page=r[3]) for r in rows]

    def window_counts(self, since: str | None, until: str | None) -> tuple[int, int]:
        """(undated documents, documents dated too coarsely for the window): what a dated
        brief leaves out and reports."""
        if since is None and until is None:
            return 0, 0
        undated = self.conn.execute(
            "SELECT count(*) FROM documents WHERE date_first IS NULL"
        ).fetchone()[0]
        lo, hi = since or "0000-00-00", until or "9999-99-99"
        coarse = self.conn.execute(
            "SELECT count(*) FROM documents WHERE date_last >= ? AND date_first <= ?"
            " AND NOT (date_first >= ? AND date_last <= ?)",
            (lo, hi, lo, hi),
        ).fetchone()[0]
        return undated, coarse

    def about_documents(
        self, iso3: str, declared: str, since: str | None = None, until: str | None = None
    ) -> list[tuple[int, Signals | None, bool]]:
        """(document id, its aboutness signals for ``iso3``, whether its metadata declares the
        country ``declared``) for every document in the window that names the country or
        declares it (a declared document that never names it has no signals)."""
        window, params = _window_sql(since, until)
        rows = self.conn.execute(
            "SELECT a.doc_id, a.iso3, a.strong, a.weak, a.title, a.lead, a.share, a.dateline,"
            " d.country IS ? FROM aboutness a JOIN documents d ON d.id = a.doc_id"
            f" WHERE a.iso3 = ?{window}",
            (declared, iso3, *params),
        ).fetchall()
        found = [
            (r[0], Signals(r[1], r[2], r[3], bool(r[4]), bool(r[5]), r[6], bool(r[7])), bool(r[8]))
            for r in rows
        ]
        seen = {r[0] for r in found}
        rows = self.conn.execute(
            f"SELECT d.id FROM documents d WHERE d.country = ?{window}", (declared, *params)
        ).fetchall()
        return found + [(r[0], None, True) for r in rows if r[0] not in seen]

    def passages_of(self, doc_ids: Iterable[int], per_document: int) -> list[Passage]:
        """The first ``per_document`` passages of each document, in order."""
        ids = sorted(set(doc_ids))
        out: list[Passage] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self.conn.execute(
                "SELECT doc_id, seq, text, page FROM passages"
                f" WHERE doc_id IN ({','.join('?' * len(chunk))}) AND seq < ?"
                " ORDER BY doc_id, seq",
                (*chunk, per_document),
            )
            out += [Passage(doc_id=r[0], seq=r[1], text=r[2], page=r[3]) for r in rows]
        return out

    def passage_counts(self, doc_ids: Iterable[int]) -> dict[int, int]:
        """How many passages each document has."""
        ids = sorted(set(doc_ids))
        out: dict[int, int] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            out.update(
                self.conn.execute(
                    "SELECT doc_id, count(*) FROM passages"
                    f" WHERE doc_id IN ({','.join('?' * len(chunk))}) GROUP BY doc_id",
                    chunk,
                ).fetchall()
            )
        return out

    def metadata(self, doc_ids: Iterable[int]) -> dict[int, Document]:
        """Documents' metadata without their text, in one query."""
        ids = sorted(set(doc_ids))
        out: dict[int, Document] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self.conn.execute(
                f"SELECT {META_COLUMNS} FROM documents WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            out.update(metadata_document(row) for row in rows)
        return out

    def duplicates_among(self, doc_ids: Iterable[int]) -> set[int]:
        """Those of ``doc_ids`` whose text an earlier-stored document already carries."""
        ids = sorted(set(doc_ids))
        out: set[int] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            out |= {
                r[0]
                for r in self.conn.execute(
                    f"SELECT d.id FROM documents d WHERE d.id IN ({','.join('?' * len(chunk))})"
                    " AND EXISTS (SELECT 1 FROM documents o WHERE o.text_hash=d.text_hash"
                    " AND o.id<d.id)",
                    chunk,
                )
            }
        return out

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

    def previous_edition(self, kind: str, scope: str, window_to: str) -> tuple[str, dict] | None:
        """(its window's end, its data) for the latest edition of ``scope`` ending earlier."""
        row = self.conn.execute(
            "SELECT window_to, data FROM editions WHERE kind=? AND scope=? AND window_to<?"
            " ORDER BY window_to DESC LIMIT 1",
            (kind, scope, window_to),
        ).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def editions(self, kind: str, scope: str) -> list[tuple[str, str, str, dict]]:
        """Every edition of ``scope``: (window from, window to, created, data), newest first."""
        rows = self.conn.execute(
            "SELECT window_from, window_to, created, data FROM editions WHERE kind=? AND scope=?"
            " ORDER BY window_to DESC, window_from DESC",
            (kind, scope),
        ).fetchall()
        return [(a, b, c, json.loads(d)) for a, b, c, d in rows]

    # -- curation -----------------------------------------------------------------------------

    def curation(self, scope: str) -> dict[str, list[str]]:
        """The remembered choices for ``scope``: {"exclude_source": [...], "exclude_sentence":
        [...], "pin": [...]}, each sorted."""
        out: dict[str, list[str]] = {"exclude_source": [], "exclude_sentence": [], "pin": []}
        for kind, value in self.conn.execute(
            "SELECT kind, value FROM curation WHERE scope=? ORDER BY kind, value", (scope,)
        ):
            out.setdefault(kind, []).append(value)
        return out

    def remember(self, scope: str, kind: str, values: Iterable[str]) -> None:
        with self.conn:
            self.conn.executemany(
                "INSERT OR IGNORE INTO curation VALUES (?,?,?)", ((scope, kind, v) for v in values)
            )

    def forget(self, scope: str) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM curation WHERE scope=?", (scope,))

    def country_material(
        self, since: str | None = None, until: str | None = None
    ) -> list[tuple[str, str | None, str | None, int]]:
        """(iso3, document date, declared country, passages naming it) per country and
        document dated in the window (all documents without one): what batch runs and digests
        count to decide which countries have material."""
        window, params = _window_sql(since, until)
        rows = self.conn.execute(
            "SELECT a.iso3, d.date, d.country, a.strong, a.weak, a.title, a.lead, a.share,"
            " a.dateline, a.passages FROM aboutness a"
            f" JOIN documents d ON d.id=a.doc_id WHERE 1{window}",
            params,
        ).fetchall()
        declared = self.conn.execute(
            "SELECT d.country, d.date, count(p.id) FROM documents d JOIN passages p"
            f" ON p.doc_id=d.id WHERE d.country IS NOT NULL{window} GROUP BY d.id",
            params,
        ).fetchall()
        return with_declared(material_rows(rows), declared)

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def digest(self) -> str:
        """A hash over every stored file's content hash: the corpus as the brief saw it."""
        h = hashlib.sha256()
        for (d,) in self.conn.execute("SELECT hash FROM files ORDER BY hash"):
            h.update(d.encode())
        return h.hexdigest()[:16]
