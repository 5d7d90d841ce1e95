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
    for root in paths:
        if not root.exists():
            raise ReadError(str(root), "no such file or folder")
        if root.is_file():
            files, base = [root], root.parent
        else:
            base = root
            files = []
            for folder, dirs, names in os.walk(root, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files += [Path(folder) / n for n in names]
            files.sort()
        for f in files:
            rel = f.relative_to(base)
            if any(part.startswith(".") for part in rel.parts):
                continue
            if any(fnmatch.fnmatch(f.name, g) for g in _SKIP + exclude):
                continue
            if f.suffix.lower() in READERS:
                yield f, base


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
