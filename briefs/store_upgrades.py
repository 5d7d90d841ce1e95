"""Upgrades of an older SQLite store's schema, in place: each step from the version before.

Kept apart from the store itself: they run once per old store and are read only when a
schema changes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from briefs.model import Document
from briefs.rows import date_span


def upgrade(conn: sqlite3.Connection, version: int, document: Callable[[int], Document]) -> None:
    """Bring a store at schema ``version`` to the one before the current ``CREATE`` script;
    ``document`` reads a stored document (schema 1 lacked its text hash)."""
    if version == 1:
        _from_1(conn, document)
    if version in (1, 2):
        _to_3(conn)
    if version in (1, 2, 3):
        _to_4(conn)
    if version in (1, 2, 3, 4):
        _to_5(conn)


def _from_1(conn: sqlite3.Connection, document: Callable[[int], Document]) -> None:
    """Schema 1 had no language, text hash or country mentions."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(documents)")}
    if "language" not in columns:
        conn.execute("ALTER TABLE documents ADD COLUMN language TEXT")
    if "text_hash" not in columns:
        conn.execute("ALTER TABLE documents ADD COLUMN text_hash TEXT NOT NULL DEFAULT ''")
        for (doc_id,) in conn.execute("SELECT id FROM documents").fetchall():
            conn.execute(
                "UPDATE documents SET text_hash=? WHERE id=?",
                (document(doc_id).text_hash, doc_id),
            )


def _to_3(conn: sqlite3.Connection) -> None:
    """Schema 3 keeps the FTS column only where it differs from the text (the store was
    twice the size of its text) and indexes through a view."""
    conn.executescript(
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


def _to_4(conn: sqlite3.Connection) -> None:
    """Schema 4 keeps each document's date as the span of days it covers, for windows."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(documents)")}
    for name in ("date_first", "date_last"):
        if name not in columns:
            conn.execute(f"ALTER TABLE documents ADD COLUMN {name} TEXT")
    for did, date in conn.execute("SELECT id, date FROM documents").fetchall():
        conn.execute(
            "UPDATE documents SET date_first=?, date_last=? WHERE id=?", (*date_span(date), did)
        )


def _to_5(conn: sqlite3.Connection) -> None:
    """Schema 5 records each field's provenance and each document's aboutness signals."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(documents)")}
    if "provenance" not in columns:
        conn.execute("ALTER TABLE documents ADD COLUMN provenance TEXT")
    conn.execute("DELETE FROM meta WHERE key = 'gazetteer'")  # signals backfilled
