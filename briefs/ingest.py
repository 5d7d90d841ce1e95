"""Ingest: files under the given paths into the store, incrementally, one bad file at a time."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefs.errors import ReadError
from briefs.readers import discover, read_file
from briefs.readers.metadata import load_sidecar
from briefs.store import Store

log = logging.getLogger(__name__)


@dataclass
class IngestResult:
    """What one ingest did. ``skipped`` holds (file, reason) for every file that was not read."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    removed: int = 0

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped"
            + (f", {self.removed} removed" if self.removed else "")
        )


def ingest(
    store: Store,
    paths: list[Path],
    *,
    exclude: tuple[str, ...] = (),
    prune: bool = False,
    progress: Callable[[Path], None] | None = None,
) -> IngestResult:
    """Read every supported file under ``paths`` into ``store``.

    Unchanged files (same size and mtime, or same content hash) are not parsed again.
    A file that cannot be read is skipped and listed in ``skipped``; the others still go in.
    With ``prune``, stored files no longer found under ``paths`` are removed.
    Raises ReadError only for a path that does not exist.
    """
    result = IngestResult()
    sidecars: dict[Path, dict[str, dict[str, str]]] = {}
    seen: set[str] = set()
    for path, root in list(discover(paths, exclude)):
        if progress:
            progress(path)
        seen.add(str(path.resolve()))
        rel = str(path.relative_to(root))
        try:
            _ingest_one(store, path, rel, sidecars, result)
        except ReadError as e:
            log.warning("skipped %s", e)
            result.skipped.append((rel, e.reason))
        except OSError as e:
            log.warning("skipped %s: %s", rel, e)
            result.skipped.append((rel, e.strerror or str(e)))
    if prune:
        result.removed = store.prune(seen)
    return result


def _ingest_one(
    store: Store,
    path: Path,
    rel: str,
    sidecars: dict[Path, dict[str, dict[str, str]]],
    result: IngestResult,
) -> None:
    st = path.stat()
    known = store.file_state(path)
    if known and known[0] == st.st_size and known[1] == st.st_mtime_ns:
        result.unchanged.append(rel)
        return
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if known and known[2] == digest:
        store.touch(path, st.st_size, st.st_mtime_ns)
        result.unchanged.append(rel)
        return
    if path.parent not in sidecars:
        sidecars[path.parent] = load_sidecar(path.parent)
    docs = read_file(path, sidecars[path.parent].get(path.name))
    for doc in docs:
        if doc.language and doc.language != "en":
            log.warning(
                "%s: the text is in %r, not English; the extractors read English only",
                rel,
                doc.language,
            )
            break
    store.put(path, rel, st.st_size, st.st_mtime_ns, digest, docs)
    (result.updated if known else result.added).append(rel)
