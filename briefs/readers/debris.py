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
import re

from briefs.model import Document
from briefs.readers.clean import GLYPH_RUN, WATERMARK, collapse
from briefs.readers.glued import lost_spaces, mend_spaces
from briefs.readers.ligatures import (
    ODD_GLYPHS,
    lost_ligatures,
    mend_glyphs,
    opening,
    unknown_words,
)
from briefs.readers.references import cites_by_number, strip_references

_DOT_LEADER = re.compile(r"\.{6,}|(?:\.\s){5,}|(?:…\s?){3,}")  # leaders: no sentence has them
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
    r"reproduction is authori[sz]ed|©|\(c\) \d{4}|"
    # A site's privacy policy and terms: "how we collect, use, protect or otherwise handle
    # your Personally Identifiable Information", "By using this site you agree to …"
    r"personally identifiable information|read (?:our|this) privacy policy|"
    r"by (?:using|accessing) (?:this|our) (?:site|website|service)|"
    r"(?:we|this site) uses? cookies",
    re.I,
)
# Cheap tests before the regular expressions: most paragraphs hold none of these words.
_DISCLAIMER_KEYS = (
    "relied upon",
    "necessarily",
    "rights reserved",
    "been prepared",
    "was prepared",
    "been produced",
    "was produced",
    "made possible",
    "states government",
    "copyright",
    "be reproduced",
    "reproduction is",
    "purposes only",
    "©",
    "(c) ",
    "identifiable information",
    "privacy policy",
    "by using",
    "by accessing",
    "cookies",
)
_CONTACT_KEYS = (
    "phone",
    "fax",
    "mail",
    "tel.",
    "further information",
    "be sent to",
    "be submitted to",
    "be addressed to",
)
_LEGAL_LINE = re.compile(
    r"^(?:terms of use|privacy policy|cookie policy|contact us|about us)\b", re.I
)
_CONTACT_LABEL = re.compile(
    r"\b(?:telephone|tel\.|phone|fax|e-?mail)\s*:|for further information contact", re.I
)
# A postal line: "Kansas City, Missouri 64106", "Washington, DC 20590".
_POSTAL = re.compile(
    r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?, (?:[A-Z][a-z]+(?: [A-Z][a-z]+)?|[A-Z]{2}) \d{5}(?:-\d{4})?\b"
)
_SEND_TO = re.compile(r"\b(?:should|may|must) be (?:sent|mailed|submitted|addressed) to\b", re.I)
_ADDRESS_WORDS = (
    "Avenue",
    "Ave.",
    "Street",
    "St.",
    "Road",
    "Rd.",
    "Blvd",
    "Drive",
    "Suite",
    "Room",
    "Box",
)
_ADDRESS_HINT = re.compile(r"\d{1,5} [A-Z]|Suite|Room|Box|[A-Z]{2} \d{5}")
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
# A note's symbol after a word ("the United States* (1)", "WARN Report*"): a word's end then
# the symbol, then a space, a stop or the end.
_SYMBOL_MARKER = re.compile(r"(?<=[A-Za-z)]{2})[*†‡]+(?=[,.;:]?(?:\s|$))")
_SYMBOLS = ("*", "†", "‡")
# Asterisks around words are emphasis or an aside ("*lach*", "*REWE Produkttest*"): a text
# that opens a word with one uses them so, and its asterisks are no notes.
_STARRED = re.compile(r"(?:^|\s)\*[^\s*]")


def _strip_symbols(text: str) -> str:
    if "*" in text and _STARRED.search(text):
        return _SYMBOL_MARKER.sub(lambda m: "*" * m.group(0).count("*"), text)
    return _SYMBOL_MARKER.sub("", text)


_DIGIT = re.compile(r"[0-9]")


def _marker_hint(text: str) -> bool:
    """A note's symbol, a digit right after a lower-case letter, or a number and a period
    before lower case: the digits found by visiting them only (a scan for the pair with ``re``
    costs twice as much)."""
    if any(c in text for c in _SYMBOLS):
        return True
    for m in _DIGIT.finditer(text):
        i = m.start()
        if i and text[i - 1].islower():
            return True
        if text.startswith(". ", i + 1) and text[i + 3 : i + 4].islower():
            return True
    return False


_MARGIN_NUMBER = re.compile(r"(?<=[a-z,]) \d{1,3}\. (?=[a-z])")


_CODE_WORDS = ("function", "var ", "=>", "};", "document.", "window.", "JSON.", "return ", "null;")


def _code(p: str) -> bool:
    """Program code a page left in its text ("(function() { document.addEventListener(…"):
    two or more of its keywords, and braces, brackets and semicolons as one character in
    twenty (forty with four keywords or more), which prose never has."""
    if "{" not in p and ";" not in p:
        return False
    words = sum(1 for w in _CODE_WORDS if w in p)
    if words < 2:
        return False
    # Four keywords or more are code even where escaped data ("\x7b\x22…") thins the braces.
    return sum(p.count(c) for c in "{}();=") >= len(p) / (20 if words < 4 else 40)


# A photo's caption or credit: what a picture shows, never a passage (and never the opening
# that says what a story is about). Only a line that ends as no sentence does.
_PHOTO_CAPTION = re.compile(
    r"\b(?:satellite image|file photo|aerial (?:photo|view)|(?:photo(?:graph)?|picture|image) "
    r"(?:of|shows|taken)|pictured)\b|\b(?:Photo|Credit|Image):|\b(?:AP|AFP|Reuters|Getty) "
    r"(?:Photo|Images)\b",
    re.IGNORECASE,
)


def _spaced_letters(p: str) -> bool:
    """Most of the line's words are single letters: text set sideways or letter-spaced, which
    a PDF's text layer gives one glyph at a time. A table's row of digits is not."""
    words = [w for w in p.split() if w != "|"]
    letters = sum(1 for w in words if len(w) == 1 and w.isalpha())
    return len(words) >= 6 and letters >= 0.7 * len(words)


def is_debris(paragraph: str, *, legal: bool = True, contact: bool = True) -> bool:
    """A paragraph that is page or web furniture, a blob, or boilerplate: never a passage.

    ``legal`` and ``contact`` False skip the disclaimer and contact-block tests (the caller
    found none of their words anywhere in the document)."""
    p = paragraph.strip()
    n = len(p)
    if not p:
        return True
    if ("....." in p or "…" in p) and _DOT_LEADER.search(p):
        return True  # a contents line, however long its entry
    if n <= 200:  # furniture, chrome and noise come in short lines
        if _LONE_SYMBOLS.match(p) or _RULE.match(p):
            return True
        if _URL_ONLY.match(p):
            return True
        if _spaced_letters(p):
            return True  # "( t o a n d a r e n o t": a rotated line read a letter at a time
        if GLYPH_RUN.fullmatch(p):
            return True  # "zyxwvutsrqponmlkjihgfedcba…": a subset font's glyph list, not a word
        if WATERMARK.search(p):
            return True
        if n <= 80 and (_CHROME.match(p.strip(" .:|>»›")) or _FILE_SIZE.search(p)):
            return True
        if n <= 120 and _LEGAL_LINE.match(p):
            return True
        if n >= 8 and " | " not in p and sum(c.isalpha() for c in p) / n < 0.4:
            return True  # OCR noise (a table row is not noise)
        if _PHOTO_CAPTION.search(p) and not p.rstrip("”\"')").endswith((".", "!", "?")):
            return True  # "2002 Satellite image of swollen Jamuna river flooding Bangladesh"
    elif p.count(" ") < n / 20 and _BLOB.search(p):
        return True  # an encoded blob: one "word" of 80 characters or more
    if _code(p):
        return True
    if n <= 600 and (legal or contact):
        low = p.lower()
        if legal and any(k in low for k in _DISCLAIMER_KEYS) and _DISCLAIMER.search(p):
            return True
        if (
            contact
            and n <= 500
            and (
                any(k in low for k in _CONTACT_KEYS)
                and (_CONTACT_LABEL.search(p) or _SEND_TO.search(p) and _ADDRESS.search(p))
                or _ADDRESS_HINT.search(p)
                and len(_ADDRESS.findall(p)) >= 2
                or _POSTAL.search(p)
            )
        ):
            return True  # a contact block: addresses, telephone numbers, mail
    return False


def is_footnote(paragraph: str) -> bool:
    """A note or reference entry: a marker, then a citation ("238 See UN Committee on …")."""
    return bool(_FOOTNOTE.match(paragraph)) and bool(_CITATION_SIGNS.search(paragraph))


def strip_markers(paragraph: str) -> str:
    """Note markers glued to words (digits, asterisks, daggers) and margin paragraph numbers
    inside a sentence."""
    if not _marker_hint(paragraph):
        return paragraph  # the usual case
    paragraph = _GLUED_MARKER.sub("", paragraph)
    paragraph = _strip_symbols(paragraph)
    return _MARGIN_NUMBER.sub(" ", paragraph)


def said_once(title: str) -> str:
    """A title said two times or more in a row, said once: a PDF that draws its heading
    several times over (a shadow, a bold made by overprinting) gives its text that often
    ("安徽安利合成革股份有限公司 安徽安利合成革股份有限公司 …", "教育经历 教育经历"). A name
    that doubles a word of the Latin script ("Bora Bora", "Walla Walla") is left alone."""
    words = title.split()
    for parts in range(len(words), 1, -1):
        if len(words) % parts == 0:
            size = len(words) // parts
            if all(words[i : i + size] == words[:size] for i in range(0, len(words), size)):
                if size == 1 and parts == 2 and any("a" <= c <= "z" for c in words[0].lower()):
                    return title
                return " ".join(words[:size])
    return title


# A rule typed as characters beside a heading: underscores, dots or dashes.
_TYPED_RULE = re.compile(r"_{3,}|\.{6,}|-{6,}")


def clean_document(doc: Document) -> Document:
    """``doc`` with its debris removed: see the module's docstring. Returns ``doc`` itself when
    nothing changed."""
    paragraphs = list(doc.paragraphs)
    pages = list(doc.pages) if doc.pages else [None] * len(paragraphs)
    # The test and the mending know English words only: in German "und" and "ist" would
    # mend into "fund" and "fist".
    english = doc.language in (None, "en")
    first = opening(paragraphs)
    unknown = unknown_words(first) if english else []
    damaged = english and lost_ligatures(unknown)
    odd = damaged or bool(ODD_GLYPHS.search(doc.text))  # one scan of the whole text
    # Whole-document gates: most documents hold no disclaimer or contact words at all, and
    # then no paragraph needs those tests.
    low = doc.text.lower()
    legal = any(k in low for k in _DISCLAIMER_KEYS)
    contact = any(k in low for k in _CONTACT_KEYS) or any(w in doc.text for w in _ADDRESS_WORDS)
    markers = _marker_hint(doc.text)
    numbered = "(1)" in doc.text and cites_by_number(doc.text)
    kept: list[str] = []
    kept_pages: list[int | None] = []
    for i, (p, page) in enumerate(zip(paragraphs, pages, strict=True)):
        if len(p) < 40 and _REFERENCES.match(p.strip()) and i > len(paragraphs) // 3:
            break  # the reference list or the notes run to the end of the document
        text = mend_glyphs(p, damaged) if odd else p
        if is_debris(text, legal=legal, contact=contact) or is_footnote(text):
            continue
        stripped = strip_references(strip_markers(text) if markers else text, numbered)
        text = " ".join(stripped.split()) if stripped is not text else text
        if text:
            kept.append(text)
            kept_pages.append(page)
    # Glued words are looked for in the text a reader reads: a page's menus may fill the
    # opening of what was read.
    # Most often the opening lost nothing, and its unknown words are those found above.
    now = opening(kept)
    if english and lost_spaces(unknown if now == first else unknown_words(now)):
        kept = [mend_spaces(p) for p in kept]
    # A title read from a PDF's type keeps its ligature glyphs ("Diﬀerential Privacy").
    title = mend_glyphs(doc.title, False) if ODD_GLYPHS.search(doc.title) else doc.title
    if any(c in title for c in _SYMBOLS):
        title = _strip_symbols(title)
    title = said_once(title)
    if _TYPED_RULE.search(title):
        title = collapse(_TYPED_RULE.sub(" ", title))  # "Healthy Students Healthy Lives ______"
    if kept == paragraphs and title == doc.title:
        return doc
    return dataclasses.replace(
        doc,
        title=title,
        paragraphs=tuple(kept),
        pages=tuple(kept_pages) if doc.pages else (),
    )
