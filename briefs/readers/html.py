"""Saved web pages (.html): the article's main text only, by trafilatura.

trafilatura is the field's usual article extractor: it drops navigation, scripts, styles, ads
and footers, and reads metadata from <title>, author meta, article:published_time, og:site_name
and the canonical link. Paragraph boundaries come from its XML output.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from briefs.errors import ReadError
from briefs.model import Document
from briefs.readers.clean import collapse, normalise
from briefs.readers.text import decode

_BLOCKS = {"p", "head", "item", "quote", "cell", "row", "list"}


def _paragraphs(xml: str) -> list[str]:
    root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False))
    main = root.find("main")
    body = main if main is not None else root
    out: list[str] = []
    for el in body.iter("p", "head", "item", "quote", "row"):
        if el.tag == "row":
            cells = [collapse("".join(c.itertext())) for c in el.iter("cell")]
            text = " | ".join(c for c in cells if c)
        elif any(a.tag in ("p", "item", "quote") for a in el.iterancestors()):
            continue  # nested: its text is in the ancestor's
        else:
            text = collapse("".join(el.itertext()))
        if text:
            out.append(text)
    return out


def read(path: Path) -> Document:
    """Read an HTML page. Raises ReadError when no article text can be found in it."""
    import trafilatura

    raw = path.read_bytes()
    if not raw.strip():
        raise ReadError(str(path), "empty file")
    html = normalise(decode(raw, str(path)))
    xml = trafilatura.extract(
        html,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        favor_precision=True,
        deduplicate=True,
    )
    if not xml:
        raise ReadError(str(path), "no article text found in the page")
    paragraphs = _paragraphs(xml)
    if not paragraphs:
        raise ReadError(str(path), "no article text found in the page")
    meta = trafilatura.extract_metadata(html)
    title = (meta.title if meta and meta.title else None) or path.stem
    if paragraphs and collapse(paragraphs[0]) == collapse(title):
        paragraphs = paragraphs[1:]
    return Document(
        path=str(path),
        title=title,
        paragraphs=tuple(paragraphs),
        author=meta.author if meta else None,
        publisher=(meta.sitename or meta.hostname) if meta else None,
        date=meta.date if meta and meta.date else None,
        url=meta.url if meta else None,
    )
