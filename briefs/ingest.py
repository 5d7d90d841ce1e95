"""Ingest: files under the given paths into the store, incrementally, one bad file at a time.

Unchanged files are recognised by their size and mtime (then by content hash) and not read
again. Changed files are parsed in worker processes (reading, repair, language, country
aboutness: the CPU-bound part) while this process alone writes to the store, a few hundred files
per transaction; results are streamed in bounded chunks so memory does not grow with the corpus.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from briefs.about import signals
from briefs.corpus import CorpusStore
from briefs.errors import ReadError
from briefs.readers import read_file, reading, walk
from briefs.readers.metadata import load_sidecar
from briefs.rows import ParsedFile, search_texts

log = logging.getLogger(__name__)

BATCH = 250  # files per write transaction
CHUNK = 2000  # files in flight at once: bounds memory on any corpus size
PARALLEL_FROM = 64  # fewer changed files than this are parsed in this process


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


@dataclass(frozen=True)
class _Job:
    path: Path
    key: str  # the file's path under its resolved root: how the store knows it
    rel: str
    meta: dict[str, str] | None
    known_digest: str | None
    stored: bool = True  # whether the store holds this path already


@dataclass(frozen=True)
class _Outcome:
    job: _Job
    parsed: ParsedFile | None = None
    same: tuple[int, int] | None = None  # (size, mtime) of a touched but identical file
    error: str | None = None


def _parse(job: _Job) -> _Outcome:
    """Read one file (in a worker): hash it, parse it, read what it says of each country."""
    try:
        st = job.path.stat()
        data = job.path.read_bytes()
        # The content's hash under the readers' fingerprint: the same file read by readers
        # that changed since is a changed file.
        digest = f"{reading()}:{hashlib.sha256(data).hexdigest()}"
        if digest == job.known_digest:
            return _Outcome(job, same=(st.st_size, st.st_mtime_ns))
        docs = read_file(job.path, job.meta)
        about = [signals(d) for d in docs]
        # What the writer would otherwise work out alone, in this process, one file at a time.
        searches = [search_texts(d) for d in docs]
        for d in docs:
            _ = d.text_hash  # cached on the document, and sent with it
        return _Outcome(
            job,
            ParsedFile(
                job.key,
                job.rel,
                st.st_size,
                st.st_mtime_ns,
                digest,
                docs,
                about,
                replaces=job.stored,
                searches=searches,
            ),
        )
    except ReadError as e:
        return _Outcome(job, error=e.reason)
    except OSError as e:
        return _Outcome(job, error=e.strerror or str(e))


def ingest(
    store: CorpusStore,
    paths: list[Path],
    *,
    exclude: tuple[str, ...] = (),
    prune: bool = False,
    progress: Callable[[Path], None] | None = None,  # called as each file is done
    workers: int | None = None,
    shard: tuple[int, int] | None = None,
) -> IngestResult:
    """Read every supported file under ``paths`` into ``store``.

    Unchanged files (same size and mtime, or same content hash) are not parsed again.
    A file that cannot be read is skipped and listed in ``skipped``; the others still go in.
    With ``prune``, stored files no longer found under ``paths`` are removed. ``workers``
    parse processes (default: one per core) are used when many files changed. With ``shard``
    (K, N), only the files whose path hashes to K of N are read: N ingests on N machines share
    a folder between them (``prune`` then removes nothing).
    Raises ReadError only for a path that does not exist; CorpusError if the store cannot be
    written (a full disk).
    """
    result = IngestResult()
    known = store.file_states()
    sidecars: dict[Path, dict[str, dict[str, str]]] = {}
    seen: set[str] = set()
    jobs: list[_Job] = []
    roots: dict[Path, str] = {}
    for root, rel in walk(paths, exclude):
        if shard and int(hashlib.sha1(rel.encode()).hexdigest(), 16) % shard[1] != shard[0]:
            continue
        path = root / rel
        if root not in roots:
            roots[root] = str(root.resolve())
        key = os.path.join(roots[root], rel)
        seen.add(key)
        try:
            st = os.stat(path)
        except OSError as e:
            _skip(result, rel, e.strerror or str(e))
            continue
        state = known.get(key)
        if (
            state
            and state[0] == st.st_size
            and state[1] == st.st_mtime_ns
            and state[2].startswith(f"{reading()}:")
        ):
            result.unchanged.append(rel)
            if progress:
                progress(path)
            continue
        if path.parent not in sidecars:
            try:
                sidecars[path.parent] = load_sidecar(path.parent)
            except ReadError as e:
                log.warning("ignored metadata sidecar %s", e)
                sidecars[path.parent] = {}
        jobs.append(
            _Job(
                path,
                key,
                rel,
                sidecars[path.parent].get(path.name),
                state[2] if state else None,
                stored=state is not None,
            )
        )
    writer = _Writer(store)
    for outcome in _run(jobs, workers):
        writer.record(outcome, result)
        if progress:
            progress(outcome.job.path)
    writer.flush()
    if prune and not shard:
        result.removed = store.prune(seen)
    return result


class _Writer:
    """The single writer: parsed files go to the store BATCH at a time, one transaction each."""

    def __init__(self, store: CorpusStore) -> None:
        self.store = store
        self.batch: list[ParsedFile] = []

    def record(self, outcome: _Outcome, result: IngestResult) -> None:
        job = outcome.job
        if outcome.error is not None:
            _skip(result, job.rel, outcome.error)
            return
        if outcome.same is not None:
            self.store.touch(job.key, *outcome.same)
            result.unchanged.append(job.rel)
            return
        assert outcome.parsed is not None
        for doc in outcome.parsed.documents:
            if doc.language and doc.language != "en":
                log.warning(
                    "%s: the text is in %r, not English; the extractors read English only",
                    job.rel,
                    doc.language,
                )
                break
        self.batch.append(outcome.parsed)
        (result.updated if job.known_digest else result.added).append(job.rel)
        if len(self.batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            self.store.put_many(self.batch)
            self.batch = []


def _skip(result: IngestResult, rel: str, reason: str) -> None:
    log.warning("skipped %s: %s", rel, reason)
    result.skipped.append((rel, reason))


def _run(jobs: list[_Job], workers: int | None) -> Iterator[_Outcome]:
    """Parse ``jobs``: in worker processes when there are many, in order, CHUNK at a time."""
    workers = workers or os.cpu_count() or 1
    if len(jobs) < PARALLEL_FROM or workers < 2:
        yield from map(_parse, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # The next chunk is handed out before this one's results are written, so the workers
        # never wait for the writer at a chunk's end; two chunks in flight bound the memory.
        pending: Iterator[_Outcome] | None = None
        for start in range(0, len(jobs), CHUNK):
            current = pool.map(_parse, jobs[start : start + CHUNK], chunksize=16)
            if pending is not None:
                yield from pending
            pending = current
        if pending is not None:
            yield from pending
