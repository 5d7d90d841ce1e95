"""Several articles in one file: a magazine issue split into its signed articles.

A printed magazine signs each article with a byline such as "Desmond Molloy*" (the asterisk
points to the author's note at the foot of the page) under a title of one to three short
lines. Two or more such bylines make a file an issue; each article becomes a document with its
own title and author, and the text before the first one (the editorial) becomes one more.
All of them keep the file's path; ``locator`` names the issue they appear in.
"""

from __future__ import annotations

import dataclasses
import re

from briefs.model import Document

_BYLINE = re.compile(r"^(?:By\s+)?(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s*\*+$")
_REFERENCES = re.compile(r"^(?:REFERENCES|References|Bibliography|BIBLIOGRAPHY|Notes|NOTES)$")
_TITLE_LINE_MAX = 70


def _is_title_line(p: str) -> bool:
    return len(p) <= _TITLE_LINE_MAX and not p.endswith((".", ";", ",", ":")) and p[:1].isupper()


def split_articles(doc: Document) -> list[Document]:
    """Return ``doc`` split into its articles, or ``[doc]`` when it holds fewer than two."""
    paras = list(doc.paragraphs)
    bylines = [i for i, p in enumerate(paras) if _BYLINE.match(p)]
    if len(bylines) < 2:
        return [doc]
    starts = []  # (title start, byline index)
    for b in bylines:
        t = b
        while t > 0 and b - t < 3 and _is_title_line(paras[t - 1]):
            t -= 1
        if t == b:
            return [doc]  # a byline with no title above it: not the shape of an issue
        starts.append((t, b))
    issue = doc.title
    pages = doc.pages or (None,) * len(paras)
    out = []
    if starts[0][0] > 0:
        out.append(_part(doc, paras, pages, 0, starts[0][0], issue, None, "Editorial"))
    for n, (t, b) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(paras)
        title = " ".join(paras[t:b])
        author = _BYLINE.match(paras[b]).group("name")  # type: ignore[union-attr]
        out.append(_part(doc, paras, pages, b + 1, end, title, author, f"In: {issue}"))
    return [d for d in out if d.paragraphs]


def _part(
    doc: Document,
    paras: list[str],
    pages: tuple,
    start: int,
    end: int,
    title: str,
    author: str | None,
    locator: str,
) -> Document:
    body, body_pages, notes = [], [], []
    in_references = False
    for p, page in zip(paras[start:end], pages[start:end], strict=True):
        if _REFERENCES.match(p):
            in_references = True  # the bibliography runs to the end of the article
        if in_references:
            continue
        if p.startswith("*"):
            notes.append(p.lstrip("* "))  # the author's note at the foot of the first page
            continue
        body.append(p)
        body_pages.append(page)
    extra = dict(doc.extra)
    if notes:
        extra["author_note"] = " ".join(notes)
    provenance = dict(doc.provenance)
    if title != doc.title:
        provenance["title"] = "head"  # the article's own title, printed above its byline
    if author:
        provenance["author"] = "head"
    return dataclasses.replace(
        doc,
        provenance=tuple(sorted(provenance.items())),
        title=title,
        author=author or doc.author,
        paragraphs=tuple(body),
        pages=tuple(body_pages) if doc.pages else (),
        locator=locator,
        extra=tuple(sorted(extra.items())),
    )
