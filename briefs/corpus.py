"""What the pipeline needs from a corpus store: the interface a second store implements.

The embedded SQLite store (briefs.store.Store) is the only implementation today. A store for a
team (a database server shared by many analysts and ingest workers) implements the same
methods; nothing above the store (retrieval, composition, digests, editions, curation) talks
SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from briefs.about import Signals
from briefs.model import Document, Passage
from briefs.rows import ParsedFile


class CorpusStore(Protocol):
    # ingest
    def file_states(self) -> dict[str, tuple[int, int, str]]: ...
    def touch(self, key: str, size: int, mtime_ns: int) -> None: ...
    def put_many(self, files: list[ParsedFile]) -> None: ...
    def prune(self, keep: set[str]) -> int: ...

    # reading
    def snapshot(self) -> AbstractContextManager[None]: ...
    def find(
        self,
        any_of: list[list[str]],
        limit: int = 200,
        since: str | None = None,
        until: str | None = None,
    ) -> list[Passage]: ...
    def search(
        self, query: str, limit: int = 200, since: str | None = None, until: str | None = None
    ) -> list[Passage]: ...
    def openings(
        self,
        words: list[str],
        opening: int,
        limit: int,
        since: str | None = None,
        until: str | None = None,
    ) -> list[Passage]: ...
    def about_documents(
        self, iso3: str, declared: str, since: str | None = None, until: str | None = None
    ) -> list[tuple[int, Signals | None, bool]]: ...
    def passages_of(self, doc_ids: Iterable[int], per_document: int) -> list[Passage]: ...
    def passage_counts(self, doc_ids: Iterable[int]) -> dict[int, int]: ...
    def metadata(self, doc_ids: Iterable[int]) -> dict[int, Document]: ...
    def document(self, doc_id: int) -> Document: ...
    def documents(self) -> Iterator[tuple[int, Document, int]]: ...
    def duplicates_among(self, doc_ids: Iterable[int]) -> set[int]: ...
    def also(self, doc_id: int) -> list[str]: ...
    def window_counts(self, since: str | None, until: str | None) -> tuple[int, int]: ...
    def country_material(
        self, since: str | None = None, until: str | None = None
    ) -> list[tuple[str, str | None, str | None, int]]: ...
    def count(self) -> int: ...
    def digest(self) -> str: ...

    # editions and curation
    def record_edition(
        self, kind: str, scope: str, window: tuple[str, str], created: str, data: dict
    ) -> None: ...
    def previous_edition(
        self, kind: str, scope: str, window_to: str
    ) -> tuple[str, dict] | None: ...
    def editions(self, kind: str, scope: str) -> list[tuple[str, str, str, dict]]: ...
    def curation(self, scope: str) -> dict[str, list[str]]: ...
    def remember(self, scope: str, kind: str, values: Iterable[str]) -> None: ...
    def forget(self, scope: str) -> None: ...

    def close(self) -> None: ...


def is_server_url(db: object) -> bool:
    return str(db).startswith(("postgresql://", "postgres://"))


def open_corpus(db: Path | str) -> CorpusStore:
    """The store ``db`` names: a PostgreSQL URL (``postgresql://user@host/name``) or a file
    path for the embedded SQLite store. Raises CorpusError when it cannot be opened."""
    if is_server_url(db):
        from briefs.pgstore import PgStore

        return PgStore(str(db))
    from briefs.store import Store

    return Store(Path(db))
