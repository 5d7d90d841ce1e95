"""A title for a document that gives none and whose file name is a code.

A news export saves a story without its headline under a number ("c093_01.txt",
"1484494308.txt"); a citation of "c093_01" tells a reader nothing. A wire desk knows such a
story by its lead, so the lead's first words become its title, marked as taken from there
(provenance "lead"). Only a story's, one filed under a dateline ("WASHINGTON, Dec. 31
(Xinhuanet) --"): a report's page cut from its middle opens on a sentence that names nothing
("Handguns and other weapons were used in about half of the …"), and a file name made of
words ("border-report.txt") is a title already.
"""

from __future__ import annotations

import dataclasses
import re

from briefs.model import Document
from briefs.readers.dateline import dateline

WORDS = 12  # a headline's length at most: the lead is cut there
_PART = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9%)][.!?])\s+(?=[A-Z\"“‘])")
# An address to the room opens a speech; it names nothing the speech is about.
_ADDRESS = re.compile(r"^(?:Mr|Mrs|Ms|Madam|Madame|Dear|Excellenc|Your|Ladies|Distinguished)\b")
# A cut that stops on one of these words reads as broken off.
_TRAILING = frozenset("a an and as at by for from in of on or that the to with".split())


def coded_name(stem: str) -> bool:
    """Whether a file name is a code rather than words: no part of it is a word of four
    letters or more ("c093_01", "us-001", "BRN_55_2000", "000_fdfac7c5ffbee239")."""
    return not any(part.isalpha() and len(part) >= 4 for part in _PART.findall(stem))


def lead_title(doc: Document) -> Document:
    """``doc`` titled by its lead when its only title is a coded file name, else ``doc``."""
    if doc.source_of("title") != "path" or not doc.paragraphs or not coded_name(doc.title):
        return doc
    first = doc.paragraphs[0]
    head = dateline(first)
    if head is None:
        return doc
    sentence = _SENTENCE_END.split(first[head.end :].strip(" -–—:"), maxsplit=1)[0]
    words = sentence.split()
    if (
        len(words) < 6
        or not words[0][:1].isupper()
        or " | " in sentence
        or _ADDRESS.match(sentence)
    ):
        return doc
    title = " ".join(words[:WORDS]).rstrip(".!?,;:")
    if len(words) > WORDS:
        cut = title.split()
        while cut and cut[-1].lower() in _TRAILING:
            cut.pop()
        title = " ".join(cut).rstrip(",;:") + "…"
    provenance = dict(doc.provenance) | {"title": "lead"}
    return dataclasses.replace(doc, title=title, provenance=tuple(sorted(provenance.items())))
