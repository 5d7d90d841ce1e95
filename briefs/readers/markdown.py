"""Markdown (.md): YAML front matter as metadata; Markdown syntax stripped from the body."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefs.errors import ReadError
from briefs.model import Document
from briefs.readers.clean import LINE_ENDS_SENTENCE, collapse, normalise
from briefs.readers.head import apply_head, parse_date
from briefs.readers.metadata import KNOWN
from briefs.readers.text import decode


def _front_matter(text: str, path: str) -> tuple[dict[str, object], str]:
    if not text.startswith("---"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0:
        return {}, text
    try:
        meta = yaml.safe_load(text[3:end]) or {}
    except yaml.YAMLError as e:
        raise ReadError(path, f"front matter is not YAML ({e.__class__.__name__})") from e
    if not isinstance(meta, dict):
        return {}, text
    return meta, text[end + 4 :].split("\n", 1)[-1]


_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _inline_texts(token: Token) -> list[str]:
    """The paragraphs an inline token holds: usually one, more where HTML line breaks end a
    label, a sentence or a paragraph ("**Background**<br>…", "…in 2013.<br><br>In the 2010s").

    A line that is only links (a navigation bar, "Read more: [...]"), which a web page saved
    as Markdown keeps, gives nothing."""
    out: list[str] = []
    parts: list[str] = []
    linked = depth = emphasis = 0
    plain = False  # text outside bold or italics since the last break: not a bare label
    breaks = 0

    def close() -> None:
        nonlocal linked, plain
        text = collapse("".join(parts))
        letters = sum(c.isalnum() for c in text)
        if text and not (letters and linked >= 0.7 * letters):
            out.append(text)
        parts.clear()
        linked, plain = 0, False

    children = token.children or []
    for k, child in enumerate(children):
        if child.type == "html_inline" and _BREAK.fullmatch(child.content.strip()):
            breaks += 1
            following = children[k + 1] if k + 1 < len(children) else None
            if (
                following is not None
                and following.type == "html_inline"
                and _BREAK.fullmatch(following.content.strip())
            ):
                continue  # a run of breaks is decided at its last one
            text = "".join(parts).strip()
            if breaks > 1 or (text and not plain) or LINE_ENDS_SENTENCE.search(text):
                close()  # a paragraph break, a label's end, or a sentence's
            else:
                parts.append(" ")
            breaks = 0
            continue
        breaks = 0
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth -= 1
        elif child.type in ("strong_open", "em_open"):
            emphasis += 1
        elif child.type in ("strong_close", "em_close"):
            emphasis -= 1
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
            if child.content.strip() and not emphasis:
                plain = True
            if depth:
                linked += len(child.content.strip())
    close()
    return out


_HTML_BREAK = re.compile(
    r"<br\s*/?>|</?(?:p|div|li|ul|ol|h[1-6]|tr|table|blockquote|section|article)\b[^>]*>",
    re.IGNORECASE,
)


def _html_texts(html: str) -> list[str]:
    """The paragraphs of a block of HTML inside Markdown (a "<p>…" paragraph, a table): text
    without tags, split where the HTML breaks lines or blocks; scripts, styles and comments
    give nothing. CommonMark passes such a block through untouched, so without this its text
    would be lost."""
    from lxml import etree
    from lxml import html as lxml_html

    marked = _HTML_BREAK.sub("\n\n", html)
    try:
        root = lxml_html.fragment_fromstring(marked, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    for node in root.xpath("//script|//style|//comment()"):
        node.drop_tree() if hasattr(node, "drop_tree") else node.getparent().remove(node)
    text = root.text_content()
    return [t for t in (collapse(x) for x in re.split(r"\n\s*\n", text)) if t]


def _paragraphs(body: str) -> tuple[str | None, list[str]]:
    """Return (first heading, paragraphs as plain text) of a Markdown body."""
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    heading, out = None, []
    in_heading = False
    level = ""
    for t in tokens:
        if t.type == "heading_open":
            in_heading = True
            level = t.tag
        elif t.type == "heading_close":
            in_heading = False
        elif t.type == "html_block":
            out.extend(_html_texts(t.content))
        elif t.type == "inline":
            texts = _inline_texts(t)
            if not texts:
                continue
            if in_heading and heading is None and (not out or level == "h1"):
                heading = " ".join(texts)
                # What came before the page's only h1 is its chrome ("Skip to main content").
                out = [p for p in out if len(p) > 120]
            elif in_heading:
                out.append(" ".join(texts))
            else:
                out.extend(texts)
    return heading, out


def read(path: Path) -> Document:
    """Read a Markdown file. Raises ReadError when it is empty or its front matter is broken."""
    text = normalise(decode(path.read_bytes(), str(path)))
    if not text.strip():
        raise ReadError(str(path), "empty file")
    meta, body = _front_matter(text, str(path))
    heading, paragraphs = _paragraphs(body)
    if not paragraphs:
        raise ReadError(str(path), "no text")
    fields = {k: str(meta[k]) for k in KNOWN if meta.get(k)}
    if "date" in fields:
        fields["date"] = parse_date(fields["date"]) or fields["date"][:10]
    provenance = {k: "head" for k in fields}  # front matter is the document's own head
    if "title" not in fields:
        provenance["title"] = "head" if heading else "path"
    doc = Document(
        path=str(path),
        title=heading or path.stem,
        paragraphs=tuple(paragraphs),
        provenance=tuple(sorted(provenance.items())),
    )
    return apply_head(dataclasses.replace(doc, **fields), scan=12)
