"""Readers: one module per format, each ``read(path) -> Document``.

``discover`` walks the paths ingest is given; ``read_file`` picks the reader by suffix and
applies the metadata sidecar of the file's folder.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from briefs.errors import ReadError
from briefs.model import Document
from briefs.readers import docx, html, markdown, pdf, text
from briefs.readers.articles import split_articles
from briefs.readers.metadata import KNOWN, SIDECAR_NAMES
from briefs.readers.signals import guess_type, language

READERS: dict[str, Callable[[Path], Document]] = {
    ".txt": text.read,
    ".md": markdown.read,
    ".markdown": markdown.read,
    ".html": html.read,
    ".htm": html.read,
    ".pdf": pdf.read,
    ".docx": docx.read,
}
_SKIP = ("README*", "LICENSE*", "CHANGELOG*", *SIDECAR_NAMES)


def discover(paths: list[Path], exclude: tuple[str, ...] = ()) -> Iterator[tuple[Path, Path]]:
    """Yield (file, root) for every supported file under ``paths``, sorted, hidden ones skipped.

    Folders are walked without following symbolic links to folders, so a link loop cannot
    recurse; links to files are read as files. Raises ReadError for a path that does not exist.
    """
    for root, rel in walk(paths, exclude):
        yield root / rel, root


def walk(paths: list[Path], exclude: tuple[str, ...] = ()) -> Iterator[tuple[Path, str]]:
    """Yield (root, path relative to it) for every supported file: ``discover`` on strings,
    which a 100,000-file folder walks several times faster than with pathlib."""
    skip = _SKIP + exclude
    for root in paths:
        if not root.exists():
            raise ReadError(str(root), "no such file or folder")
        if root.is_file():
            if root.suffix.lower() in READERS and not any(
                fnmatch.fnmatch(root.name, g) for g in skip
            ):
                yield root.parent, root.name
            continue
        base = str(root)
        found = []
        for folder, dirs, names in os.walk(base, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            prefix = folder[len(base) + 1 :]
            for name in names:
                if name.startswith(".") or os.path.splitext(name)[1].lower() not in READERS:
                    continue
                if any(fnmatch.fnmatch(name, g) for g in skip):
                    continue
                found.append(os.path.join(prefix, name) if prefix else name)
        for rel in sorted(found):
            yield root, rel


def read_file(path: Path, meta: dict[str, str] | None = None) -> list[Document]:
    """Read ``path`` with the reader for its suffix, apply sidecar metadata ``meta``, and split
    a magazine issue into its articles. Returns one document or more, all with ``path``.

    Raises ReadError naming the file and the reason when it cannot be read.
    """
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReadError(str(path), f"unsupported file type {path.suffix!r}")
    try:
        doc = reader(path)
    except ReadError:
        raise
    except (OSError, ValueError) as e:
        raise ReadError(str(path), f"{e.__class__.__name__}: {e}") from e
    if meta:
        fields = {k: _normal_date(v) if k == "date" else v for k, v in meta.items() if k in KNOWN}
        extra = tuple(sorted((k, v) for k, v in meta.items() if k not in KNOWN))
        doc = dataclasses.replace(doc, **fields, extra=extra)
    if doc.type == "unknown":
        doc = dataclasses.replace(doc, type=guess_type(doc))
    doc = dataclasses.replace(doc, language=language(doc.text))
    return split_articles(doc)


def _normal_date(value: str) -> str | None:
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    return "-".join(g for g in m.groups() if g) if m else None
