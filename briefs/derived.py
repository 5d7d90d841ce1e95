"""Tables derived from packaged data, kept between runs in the user's cache folder.

The gazetteer (built from pycountry, countryinfo and pyspellchecker's word list) and the
lexicon (LemmInflect's gzipped look-up table) take about 0.3 s to build, a sixth of a brief
from the command line, and depend on nothing but installed packages and this package's own
files. So each is kept as a ``marshal`` file (plain data only: loading it runs no code) under a
key made of those packages' versions and a hash of the files it is built from: a new release
or an edited alias list builds it afresh, and the same installation always reads the same
table. A cache folder that cannot be read or written costs the build, nothing else.

The folder is ``$BRIEFS_CACHE``, else ``$XDG_CACHE_HOME/briefs``, else ``~/.cache/briefs``.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, suppress
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


def cache_dir() -> Path:
    if os.environ.get("BRIEFS_CACHE"):
        return Path(os.environ["BRIEFS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "briefs"


def _key(name: str, packages: tuple[str, ...], files: tuple[Path, ...]) -> str:
    digest = hashlib.sha256(name.encode())
    for package in packages:
        try:
            digest.update(f"{package}={metadata.version(package)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=none;".encode())
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _table_path(name: str, packages: tuple[str, ...], files: tuple[Path, ...], kind: str) -> Path:
    return cache_dir() / f"{name}-{_key(name, packages, files)}.{kind}"


def _keep(path: Path, write: Callable[[Path], object]) -> bool:
    """Write a table with ``write(partial)`` and put it in place at once, so that no reader
    sees half of it; False (logged) where the cache folder cannot take it."""
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        write(partial)
        os.replace(partial, path)
        return True
    except (OSError, sqlite3.Error) as e:
        log.debug("derived table %s not kept (%s)", path, e)
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        return False


def derived(
    name: str,
    build: Callable[[], T],
    *,
    packages: tuple[str, ...],
    files: tuple[Path, ...],
) -> T:
    """``build()``, or the table it built before under the same key.

    ``build`` must return plain data (dicts, lists, tuples, strings, numbers) that marshal
    can keep; ``packages`` are the distributions and ``files`` the files it reads.
    """
    path = _table_path(name, packages, files, "marshal")
    try:
        return marshal.loads(path.read_bytes())
    except FileNotFoundError:
        pass
    except (OSError, ValueError, EOFError, TypeError) as e:
        log.debug("derived table %s unreadable (%s); building it", path, e)
    value = build()
    _keep(path, lambda partial: partial.write_bytes(marshal.dumps(value)))
    return value


class Lookup(Mapping[str, Any]):
    """A derived table read one key at a time from an SQLite file in the cache folder.

    A brief asks the lexicon and the word list about a few hundred words; unpacking either
    whole took 0.05–0.11 s of every command. Keys looked up are remembered. The connection
    is opened again in a forked process (SQLite connections must not cross a fork).
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._pid = -1
        self._db: sqlite3.Connection | None = None
        self._memo: dict[str, Any] = {}

    def _connection(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():
            # Read-only and shared by the review desk's threads (SQLite serialises them).
            self._db = sqlite3.connect(
                f"file:{self._path}?mode=ro", uri=True, check_same_thread=False
            )
            self._pid = os.getpid()
        return self._db

    def __getitem__(self, key: str) -> Any:
        value = self._memo.get(key, _UNSEEN)
        if value is _UNSEEN:
            row = self._connection().execute("SELECT v FROM t WHERE k = ?", (key,)).fetchone()
            value = self._memo[key] = _MISSING if row is None else marshal.loads(row[0])
        if value is _MISSING:
            raise KeyError(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        try:
            value = self[key]
        except KeyError:
            return default
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key, _MISSING) is not _MISSING

    def __iter__(self) -> Iterator[str]:
        return (k for (k,) in self._connection().execute("SELECT k FROM t ORDER BY k"))

    def __len__(self) -> int:
        return self._connection().execute("SELECT count(*) FROM t").fetchone()[0]


class _Missing:
    pass


_MISSING: Any = _Missing()  # looked up, not in the table
_UNSEEN: Any = _Missing()  # not looked up yet


def derived_lookup(
    name: str,
    build: Callable[[], dict[str, Any]],
    *,
    packages: tuple[str, ...],
    files: tuple[Path, ...],
) -> Mapping[str, Any]:
    """``build()``'s mapping, kept as a ``Lookup`` under the same key rules as ``derived``;
    the built dict itself where the cache folder cannot be written."""
    path = _table_path(name, packages, files, "sqlite")
    if path.exists():
        table = Lookup(path)
        try:
            table.get("")  # a damaged or foreign file fails here, not in the middle of a brief
            return table
        except sqlite3.Error as e:
            log.debug("derived table %s unreadable (%s); building it", path, e)
    value = build()

    def write(partial: Path) -> None:
        with closing(sqlite3.connect(partial)) as db, db:
            db.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID")
            db.executemany(
                "INSERT INTO t VALUES (?, ?)", ((k, marshal.dumps(v)) for k, v in value.items())
            )

    return Lookup(path) if _keep(path, write) else value
