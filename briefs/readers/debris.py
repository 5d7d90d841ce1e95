"""Debris: what extraction leaves in a document's text that a person skips when reading it.

Every reader's paragraphs pass through ``clean_document``:

- **Glyphs.** Ligature presentation forms are unfolded (NFKC: "ﬁ" -> "fi"), a ligature split
  from the rest of its word is joined again ("Ofﬁ ce" -> "Office"), and a word that lost its
  ligature glyph in a browser's PDF ("aer", "oice", "diiculties", "eective") is mended when
  putting one of ff, fi, fl, ffi, ffl, ft, tt back gives exactly one English word
  (pyspellchecker's list). Private-use characters (symbol-font bullets) and U+FFFD go.
- **Furniture lines.** Table-of-contents lines with dot leaders, lone symbols or bullets,
  rules ("___"), URL-only and link-only lines, encoded blobs (base64), OCR noise.
- **Web chrome** that survived extraction: buttons, share and subscribe lines, "Read more",
  "SEE MORE", navigation toggles, download links with a file size.
- **Boilerplate**: a report series' disclaimer and copyright notices, contact blocks
  (addresses, telephone and fax numbers).
- **Notes and references**: everything from a "References", "Bibliography", "Notes" or
  "Endnotes" heading on, footnote paragraphs ("238 See UN Committee on …", "4 Concluding
  Observations on …, 2014."), and note markers glued to words ("children9, within") or
  margin paragraph numbers inside a sentence ("OHCHR also 5. conducted").

The rules are a short documented list: trafilatura and jusText already handle HTML pages (the
HTML reader uses trafilatura with its own boilerplate removal); this covers the text that
comes out of PDFs, Word files and Markdown or text exports of web pages.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata

from briefs.model import Document

_LIGATURES = ("ffi", "ffl", "ff", "fi", "fl", "ft", "tt")
_SPLIT_LIGATURE = re.compile(r"\b([A-Za-z]*(?:ffi|ffl|ff|fi|fl))\s([a-z]+)\b")
_WORD = re.compile(r"[A-Za-z]+")
_PRIVATE = re.compile("[\ue000-\uf8ff\ufffd\U000f0000-\U000ffffd]")
_DOT_LEADER = re.compile(r"(?:\.\s?){5,}\s*\d*\s*$|(?:…\s?){3,}\s*\d*\s*$")
_LONE_SYMBOLS = re.compile(r"^[\W_\d]{1,6}$")
_RULE = re.compile(r"^[_=\-–—*~•·.\s]{3,}$")
_URL_ONLY = re.compile(r"^(?:<?https?://\S+>?|www\.\S+|\[[^\]]*\]\([^)]*\))(?:\s+\S+)?$")
_BLOB = re.compile(r"[A-Za-z0-9+/=]{80,}")
_CHROME = re.compile(
    r"^(?:see more|don'?t miss|read more:?|read more\b.*|related(?: stories| articles)?:?|"
    r"share(?: this)?(?: story| article)?|tweet|email|print|subscribe(?: now)?|"
    r"sign up.*newsletter.*|"
    r"like this story\?.*|share it with a friend!?|hide (?:overview|details)|show (?:more|less)|"
    r"skip to (?:main )?content|advertisement|back to top|download (?:pdf|the report)\b.*|"
    r"click here.*|follow us.*|comments?|loading\.{0,3}|cookie.*|accept(?: all)?(?: cookies)?|"
    r"view (?:image|gallery|comments).*|listen to (?:this )?article.*|\d+\s*min(?:ute)? read)$",
    re.I,
)
_FILE_SIZE = re.compile(r"\(\d+(?:\.\d+)?\s?[KMG]B\)", re.I)
_DISCLAIMER = re.compile(
    r"should not be relied upon|does not necessarily (?:reflect|represent)|do not necessarily "
    r"(?:reflect|represent)|all rights reserved|this (?:report|document|publication|paper) "
    r"(?:was|has been) (?:prepared|produced|made possible)|is (?:a|an) (?:work|publication) of "
    r"the united states government|not subject to copyright protection|may be reproduced "
    r"(?:in (?:whole|part)|without)|for (?:general )?information purposes only|"
    r"reproduction is authori[sz]ed|©|\(c\) \d{4}",
    re.I,
)
_LEGAL_LINE = re.compile(
    r"^(?:terms of use|privacy policy|cookie policy|contact us|about us)\b", re.I
)
_CONTACT_LABEL = re.compile(
    r"\b(?:telephone|tel\.|phone|fax|e-?mail)\s*:|for further information contact", re.I
)
_ADDRESS = re.compile(
    r"\b\d{1,5}\s(?:[A-Z][a-z]+\s){1,3}(?:Avenue|Ave\.|Street|St\.|Road|Rd\.|Boulevard|"
    r"Blvd\.|Drive)\b|\b(?:Suite|Room|P\.?O\.? Box)\s[\w–-]+,|\b[A-Z]{2}\s\d{5}(?:-\d{4})?\b"
)
_REFERENCES = re.compile(
    r"^(?:\d+\.?\s+)?(?:references|bibliography|notes|endnotes|footnotes|works cited|"
    r"sources|literature cited|further reading)\s*:?$",
    re.I,
)
_FOOTNOTE = re.compile(r"^(?:\d{1,3}|[*†‡§])\s*(?:[A-Z\"“(]|See\b|Ibid|Id\.|cf\.)")
_CITATION_SIGNS = re.compile(
    r"\bSee\b|\bIbid\b|\bop\. cit\.|\bet al\.|https?://|\bpp?\.\s?\d|\(\d{4}\)|, \d{4}[.,]|"
    r"\bVol\.|\bNo\.\s?\d|\bReport of\b|\bA/\d|\bS/\d|\bE/C\.\d|Retrieved|Accessed|\bdoi\b",
)
_GLUED_MARKER = re.compile(r"(?<=[a-z]{3})(\d{1,3})(?=[,.;:]?\s|[,.;:]$)")
_MARGIN_NUMBER = re.compile(r"(?<=[a-z,]) \d{1,3}\. (?=[a-z])")


@functools.cache
def _vocabulary() -> dict[str, int]:
    from briefs.readers.clean import english_words

    return english_words()


@functools.lru_cache(maxsize=65536)
def mend_word(word: str) -> str:
    """A word that lost a ligature glyph, mended when exactly one ligature put back at one
    place gives an English word ("aer" -> "after", "diiculties" -> "difficulties")."""
    words = _vocabulary()
    low = word.lower()
    if len(low) < 3 or low in words:
        return word
    found = set()
    for i in range(1, len(low)):
        for lig in _LIGATURES:
            candidate = low[:i] + lig + low[i:]
            if words.get(candidate, 0) > 50:
                found.add(candidate)
    if len(found) != 1:
        return word
    (mended,) = found
    if word[:1].isupper():
        mended = mended[:1].upper() + mended[1:]
    return mended


def mend_glyphs(text: str, damaged_words: bool = True) -> str:
    """Unfold ligatures, rejoin split ones, drop private-use characters; with
    ``damaged_words``, mend words that lost a ligature glyph."""
    if any("\ufb00" <= c <= "\ufb06" for c in text):
        text = unicodedata.normalize("NFKC", text)

        def join(m: re.Match[str]) -> str:
            joined = m.group(1) + m.group(2)
            return joined if joined.lower() in _vocabulary() else m.group(0)

        text = _SPLIT_LIGATURE.sub(join, text)
    text = _PRIVATE.sub("", text)
    if damaged_words:
        text = _WORD.sub(lambda m: mend_word(m.group(0)), text)
    return text


def _lost_ligatures(paragraphs: list[str]) -> bool:
    """Whether a document's text lost ligature glyphs: unknown words that mend into English
    words, several times over ("aer", "oice", "eective"). Only then are words mended: a name
    the dictionary lacks is never touched in a document that shows no such damage."""
    seen = tried = 0
    words = _vocabulary()
    for p in paragraphs[:60]:
        for w in _WORD.findall(p):
            if len(w) > 2 and w.islower() and w not in words:
                tried += 1
                if mend_word(w) != w:
                    seen += 1
                    if seen >= 3:
                        return True
                if tried >= 200:
                    return False
    return False


def is_debris(paragraph: str) -> bool:
    """A paragraph that is page or web furniture, a blob, or boilerplate: never a passage."""
    p = paragraph.strip()
    if not p:
        return True
    if _LONE_SYMBOLS.match(p) or _RULE.match(p) or _DOT_LEADER.search(p):
        return True
    if _URL_ONLY.match(p) or _BLOB.search(p):
        return True
    if len(p) <= 80 and (_CHROME.match(p.strip(" .:|>»›")) or _FILE_SIZE.search(p)):
        return True
    if len(p) <= 600 and _DISCLAIMER.search(p):
        return True
    if len(p) <= 120 and _LEGAL_LINE.match(p):
        return True
    if len(p) <= 500 and (_CONTACT_LABEL.search(p) or len(_ADDRESS.findall(p)) >= 2):
        return True  # a contact block: addresses, telephone numbers, mail
    letters = sum(c.isalpha() for c in p)
    return len(p) >= 8 and letters / len(p) < 0.4 and " | " not in p  # OCR noise, not a table


def is_footnote(paragraph: str) -> bool:
    """A note or reference entry: a marker, then a citation ("238 See UN Committee on …")."""
    return bool(_FOOTNOTE.match(paragraph)) and bool(_CITATION_SIGNS.search(paragraph))


def strip_markers(paragraph: str) -> str:
    """Note markers glued to words and margin paragraph numbers inside a sentence."""
    paragraph = _GLUED_MARKER.sub("", paragraph)
    return _MARGIN_NUMBER.sub(" ", paragraph)


def clean_document(doc: Document) -> Document:
    """``doc`` with its debris removed: see the module's docstring. Returns ``doc`` itself when
    nothing changed."""
    paragraphs = list(doc.paragraphs)
    pages = list(doc.pages) if doc.pages else [None] * len(paragraphs)
    damaged = _lost_ligatures(paragraphs)
    kept: list[str] = []
    kept_pages: list[int | None] = []
    for i, (p, page) in enumerate(zip(paragraphs, pages, strict=True)):
        if _REFERENCES.match(p.strip()) and i > len(paragraphs) // 3:
            break  # the reference list or the notes run to the end of the document
        text = mend_glyphs(p, damaged)
        if is_debris(text) or is_footnote(text):
            continue
        text = " ".join(strip_markers(text).split())
        if text:
            kept.append(text)
            kept_pages.append(page)
    if kept == paragraphs:
        return doc
    return dataclasses.replace(
        doc,
        paragraphs=tuple(kept),
        pages=tuple(kept_pages) if doc.pages else (),
    )
