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
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

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
    path = cache_dir() / f"{name}-{_key(name, packages, files)}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except FileNotFoundError:
        pass
    except (OSError, ValueError, EOFError, TypeError) as e:
        log.debug("derived table %s unreadable (%s); building it", path, e)
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_bytes(marshal.dumps(value))
        os.replace(partial, path)
    except OSError as e:
        log.debug("derived table %s not kept (%s)", path, e)
    return value
