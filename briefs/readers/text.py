"""Plain text (.txt): encoding detection, PDF-debris repair, then the head (title, byline,
date, outlet, URL, dateline) read by ``readers.head``."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from briefs.errors import ReadError
from briefs.model import Document
from briefs.readers import sgml
from briefs.readers.clean import text_paragraphs
from briefs.readers.head import apply_head

_MAX_LINE = 200_000
_SINGLE_BYTE_LATIN = re.compile(r"^(?:cp125[0-8]|latin_1|iso8859_(?:1|2|9|15)|mac_roman)$")
_BOMS = ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes, path: str, declared: str | None = None) -> str:
    """Decode ``data``: UTF-8 (with or without BOM) or UTF-16 by BOM; else the encoding the
    file declares (``declared``, a web page's meta charset) when the bytes decode in it; else
    detected.

    Valid UTF-8 is taken as UTF-8 (the check is exact): pages that say "ISO-8859-1" and are
    UTF-8 are common, the converse is not. A declaration of Latin-1 or ASCII means
    Windows-1252, as browsers read it (the WHATWG encoding standard). Anything else goes to
    charset-normalizer, with Windows-1252 preferred when it decodes the bytes, because that is
    what a Windows editor saves and short texts leave detectors guessing between Latin codepages.
    Raises ReadError when the bytes are binary rather than text.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if b"\x00" in data[:8192]:
        raise ReadError(path, "binary content, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            codec = codecs.lookup(declared).name
            if codec in ("iso8859-1", "ascii"):  # codecs' names for Latin-1 and ASCII
                codec = "cp1252"
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass  # a declaration the bytes contradict: detected below
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best else "cp1252"
    if _SINGLE_BYTE_LATIN.match(encoding):
        encoding = "cp1252"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        if best is None:
            raise ReadError(path, "not text in any encoding charset-normalizer knows") from None
        return data.decode(best.encoding, errors="replace")


_MARK = re.compile(r"\s+(?=--\s)")


def _marked_lines(paragraphs: list[str]) -> list[str]:
    """A wire header's marked lines each on their own, even where a hard-wrapped export
    joined them ("-- Fed keeps its tone -- By Ros Krasny -- Fri Oct 20, 2006 …")."""
    out: list[str] = []
    for i, p in enumerate(paragraphs):
        if i < 8 and p.startswith("-- ") and " -- " in p:
            out += [part for part in _MARK.split(p) if part]
        else:
            out.append(p)
    return out


def document_from_text(path: str, text: str) -> Document:
    """Build a Document from already-decoded plain text, its head read as a person reads it."""
    if any(len(line) > _MAX_LINE for line in text.split("\n")):
        raise ReadError(path, f"a line longer than {_MAX_LINE:,} characters; not prose")
    paragraphs, running = text_paragraphs(text)
    if not paragraphs:
        raise ReadError(path, "no text")
    paragraphs = _marked_lines(paragraphs)
    doc = Document(
        path=path,
        title=Path(path).stem,
        paragraphs=tuple(paragraphs),
        provenance=(("title", "path"),),
    )
    return apply_head(doc, running=running)


def read(path: Path) -> Document | list[Document]:
    """Read a .txt file: a document, or every story of a news-wire SGML file saved as text.
    Raises ReadError when it is empty, binary or not prose."""
    text = _text_of(path)
    if sgml.is_sgml(text):
        return sgml.documents(str(path), text)
    return document_from_text(str(path), text)


def read_sgml(path: Path) -> list[Document]:
    """Read a .sgm or .sgml news-wire file: every story in it."""
    return sgml.documents(str(path), _text_of(path))


def _text_of(path: Path) -> str:
    """The file's text, decoded. Raises ReadError when it is empty or binary."""
    data = path.read_bytes()
    if not data.strip():
        raise ReadError(str(path), "empty file")
    return decode(data, str(path))
