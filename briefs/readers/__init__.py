"""Readers: one module per format, each ``read(path) -> Document``.

``discover`` walks the paths ingest is given; ``read_file`` picks the reader by suffix and
applies the metadata sidecar of the file's folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fnmatch
import functools
import hashlib
import logging
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from briefs.errors import ReadError
from briefs.model import Document
from briefs.readers import text
from briefs.readers.articles import split_articles
from briefs.readers.debris import clean_document
from briefs.readers.metadata import KNOWN, SIDECAR_NAMES
from briefs.readers.mojibake import repair_document
from briefs.readers.signals import guess_type, language
from briefs.readers.untitled import lead_title

# The reader of each suffix, by module and function: imported when a file of that kind is
# read, so that a brief, which imports this package for its text tools, does not load
# python-docx and the PDF, web and Markdown readers it never uses.
READERS: dict[str, tuple[str, str]] = {
    ".txt": ("text", "read"),
    ".sgm": ("text", "read_sgml"),
    ".sgml": ("text", "read_sgml"),
    ".md": ("markdown", "read"),
    ".markdown": ("markdown", "read"),
    ".html": ("html", "read"),
    ".htm": ("html", "read"),
    ".pdf": ("pdf", "read"),
    ".docx": ("docx", "read"),
}


def reader_for(suffix: str) -> Callable[[Path], Document | list[Document]] | None:
    """The reader of files ending in ``suffix`` (".pdf"), or None for a kind not read."""
    import importlib

    entry = READERS.get(suffix.lower())
    if entry is None:
        return None
    return getattr(importlib.import_module(f"briefs.readers.{entry[0]}"), entry[1])


log = logging.getLogger(__name__)
_SKIP = ("README*", "LICENSE*", "CHANGELOG*", *SIDECAR_NAMES)
# Not documents: an office suite's lock and temporary files, passed over without a word.
_NOT_DOCUMENTS = ("~$*", ".~lock.*", "*.tmp", "~*.tmp")


def discover(paths: list[Path], exclude: tuple[str, ...] = ()) -> Iterator[tuple[Path, Path]]:
    """Yield (file, root) for every supported file under ``paths``, sorted, hidden ones skipped.

    Folders are walked without following symbolic links to folders, so a link loop cannot
    recurse; links to files are read as files. Raises ReadError for a path that does not exist.
    """
    for root, rel in walk(paths, exclude):
        yield root / rel, root


# News-wire archives name their files by story number ("APW19981016.0240", "NYT_ENG_0001"):
# such a file, with no suffix or a numeric one, is known by its content.
_STORY_NUMBER = re.compile(r"(?:\.\d+)?")


def _readable(path: str) -> bool:
    """Is ``path`` a file a reader takes: by its suffix, or a news-wire file by its first bytes?"""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in READERS:
        return True
    return bool(_STORY_NUMBER.fullmatch(suffix)) and _newswire(path)


def _newswire(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            head = f.read(256)
    except OSError:
        return False
    return head.lstrip()[:4].upper() == b"<DOC"


def walk(paths: list[Path], exclude: tuple[str, ...] = ()) -> Iterator[tuple[Path, str]]:
    """Yield (root, path relative to it) for every supported file: ``discover`` on strings,
    which a 100,000-file folder walks several times faster than with pathlib."""
    # One pattern for every glob, matched in C: a glob at a time costs more than reading the
    # folder on a corpus of 100,000 files.
    skip = re.compile("|".join(fnmatch.translate(g) for g in _SKIP + _NOT_DOCUMENTS + exclude))
    for root in paths:
        if not root.exists():
            raise ReadError(str(root), "no such file or folder")
        if root.is_file():
            if _readable(str(root)) and not skip.match(os.path.normcase(root.name)):
                yield root.parent, root.name
            continue
        base = str(root)
        found = []
        for folder, dirs, names in os.walk(base, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            prefix = folder[len(base) + 1 :]
            for name in names:
                if name.startswith(".") or not _readable(os.path.join(folder, name)):
                    continue
                if skip.match(os.path.normcase(name)):
                    continue
                found.append(os.path.join(prefix, name) if prefix else name)
        for rel in sorted(found):
            yield root, rel


@functools.cache
def reading() -> str:
    """A fingerprint of how this version of briefs reads files: the readers' own source, the
    aboutness signals ingest stores with them and the country matcher those use. The store
    keeps it with each file's hash, so that an ingest after an upgrade that reads differently
    reads every file again rather than keep what the old readers made of it."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    signals = ("about.py", "geo.py", "geo_aliases.json")  # a new alias changes what a file says
    for source in (*sorted(here.glob("*.py")), *(here.parent / name for name in signals)):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def read_file(path: Path, meta: dict[str, str] | None = None) -> list[Document]:
    """Read ``path`` with the reader for its suffix, apply sidecar metadata ``meta``, and split
    a magazine issue into its articles. Returns one document or more, all with ``path``.

    Raises ReadError naming the file and the reason when it cannot be read.
    """
    reader = reader_for(path.suffix)
    if reader is None and _newswire(str(path)):
        reader = text.read_sgml
    if reader is None:
        raise ReadError(str(path), f"unsupported file type {path.suffix!r}")
    try:
        read = reader(path)
    except ReadError:
        raise
    except (OSError, ValueError) as e:
        raise ReadError(str(path), f"{e.__class__.__name__}: {e}") from e
    # A news-wire archive file holds many stories; each is a document of its own.
    docs = [d for doc in (read if isinstance(read, list) else [read]) for d in _finish(doc, meta)]
    if not docs:
        raise ReadError(str(path), "nothing but page furniture, notes or boilerplate")
    return docs


def _finish(doc: Document, meta: dict[str, str] | None) -> list[Document]:
    """One document as read: mojibake undone, sidecar metadata applied, date checked, type
    and language found, a magazine issue split into articles, debris removed."""
    doc = repair_document(doc)
    if meta:
        fields = {k: _normal_date(v) if k == "date" else v for k, v in meta.items() if k in KNOWN}
        extra = dict(doc.extra) | {k: v for k, v in meta.items() if k not in KNOWN}
        provenance = dict(doc.provenance) | {k: "sidecar" for k in fields}
        doc = dataclasses.replace(
            doc,
            **fields,
            extra=tuple(sorted(extra.items())),
            provenance=tuple(sorted(provenance.items())),
        )
    doc = _sane_date(doc)
    if doc.type == "unknown":
        doc = dataclasses.replace(doc, type=guess_type(doc))
    doc = dataclasses.replace(doc, language=language(doc.text))
    # Debris per article: a magazine issue has a reference list after each of them.
    return [lead_title(d) for d in map(clean_document, split_articles(doc)) if d.paragraphs]


def _sane_date(doc: Document) -> Document:
    """Drop a publication date after the run date or before 1900, with a warning naming the
    file: a misread, or a file's clock that was wrong."""
    if not doc.date:
        return doc
    today = run_date().isoformat()
    if doc.date[:4] >= "1900" and doc.date[: len(doc.date)] <= today[: len(doc.date)]:
        return doc
    log.warning("%s: publication date %s is not plausible; left undated", doc.path, doc.date)
    provenance = tuple((k, v) for k, v in doc.provenance if k != "date")
    return dataclasses.replace(doc, date=None, provenance=provenance)


def run_date() -> dt.date:
    """Today, or the day SOURCE_DATE_EPOCH pins (so tests and reproducible runs agree)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def _normal_date(value: str) -> str | None:
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    return "-".join(g for g in m.groups() if g) if m else None
