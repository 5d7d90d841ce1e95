"""Text repair shared by the readers: wrapped lines, hyphenation, page furniture, repeats.

Text that was once extracted from a PDF (hard-wrapped at the printed width, words split
"agen-" / "das" across lines, running titles and page numbers between paragraphs) is
detected by its line shape and repaired here, so every reader hands on clean paragraphs.
"""

from __future__ import annotations

import functools
import re
import statistics
import unicodedata
from collections.abc import Callable, Mapping

# A page's chrome at its head: a link to its other languages, an advertisement's label, a
# site's name ("English", "Top News Article advertisement", "The Japan Times Online").
CHROME_LINE = re.compile(
    r"^(?:English|Français|Español|Deutsch|Português|Русский|中文|العربية)$|\badvertisement\b"
    r"|^(?:Top|Latest|Breaking|World|International|National|Business|Technology|Politics|"
    r"Sports?|Entertainment|Health|Science) News(?: Articles?)?$",
    re.IGNORECASE,
)
SITE_NAME = re.compile(r"^(?:The )?(?:[A-Z][\w.&'’-]*\s){1,4}Online$")
# What a page stamps above its text that names no document: a notice on a transcript or a
# draft, a gazette's section ("Official - Subject to Final Review", "DRAFT", "Proposed Rules").
BANNER = re.compile(
    r"^(?:official\b.{0,20}\bsubject to (?:final )?review|draft|confidential|embargoed|"
    r"for official use only|not for (?:distribution|publication|citation)|"
    r"proposed rules|rules and regulations|notices|presidential documents)\W*$",
    re.IGNORECASE,
)

# What a PDF tool stamps on what it made while unpaid for: no document's words, never its title
# ("Produced with a Trial Version of PDF Annotator - www.PDFAnnotator.com", "Evaluation
# Warning: The document was created with Spire.PDF for .NET", "Created with an evaluation
# copy of Aspose.Words").
WATERMARK = re.compile(
    r"\b(?:trial|evaluation|unregistered|demo) (?:version|copy|edition|warning)\b"
    r"|\bevaluation warning\b|\bcreated (?:with|by|using) an? (?:trial|evaluation|unregistered)\b",
    re.IGNORECASE,
)

# A run of 25 letters is no word of any language read here: a subset font's glyph list left
# in a PDF's text layer ("zyxwvutsrqponmlkjihgfedcba…"), never a title and never a passage.
GLYPH_RUN = re.compile(r"[A-Za-z]{25,}")

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}\s*(?:of\s+\d{1,4})?\s*$", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?:;…”’\"')\]]\s*$")
# Where a line break in a web page or a Markdown export ends a paragraph: after a sentence's
# (or a label's) last mark, a closing quote or bracket allowed.
LINE_ENDS_SENTENCE = re.compile(r"[.!?:;][\"”’')]?$")
_HYPHEN_END = re.compile(r"([A-Za-zÀ-ÿ]+)-$")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*")
_SPACES = re.compile(r"[ \t\u00a0]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


# Page furniture of UN documents as the General Debate corpus carries it, inside the text:
# a page number with the document's job number ("26/27 17-29722", "10-55128 48") and the
# meeting symbol ("A/70/PV.19").
_UN_FURNITURE = re.compile(
    r"(?<!\S)(?:\d{1,3}/\d{1,3} \d{2}-\d{5}|\d{2}-\d{5}(?: \d{1,3}(?:/\d{1,3})?)?|"
    r"\d{1,3} \d{2}-\d{5}|A/\d{2,3}/PV\.\d{1,3})(?!\S) ?"
)


_JOB_HINT = re.compile(r"-\d{5}")


def normalise(text: str) -> str:
    """Return ``text`` in Unicode NFC with line endings unified and control characters dropped."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    return _CONTROL.sub("", text)


def drop_furniture(text: str) -> str:
    """Remove document symbols and job numbers that page breaks left inside the text."""
    # Every shape holds "A/" or "-" and five digits: scans for those, opening on a literal the
    # regex engine finds as fast as str.find, pass over the texts (most) that have none.
    if "A/" not in text and not _JOB_HINT.search(text):
        return text
    return _UN_FURNITURE.sub("", text)


def collapse(text: str) -> str:
    """Collapse runs of whitespace to one space (how quotes are compared with sources)."""
    return " ".join(text.split())


def is_hard_wrapped(lines: list[str]) -> bool:
    """True when most non-blank lines end mid-sentence at a similar width (PDF-extracted text)."""
    body = [ln.rstrip() for ln in lines if len(ln.strip()) > 20]
    if len(body) < 8:
        return False
    open_ended = sum(1 for ln in body if not _TERMINAL.search(ln))
    return open_ended / len(body) > 0.5 and statistics.median(len(ln) for ln in body) < 130


def running_heads(lines: list[str], *, pages: bool = False) -> tuple[set[str], str | None]:
    """Short lines that recur as page furniture (three times, or twice in text with page
    breaks), digits masked so "Page 3 | ASEAN Monitor" and "Page 4 | …" are one; and the one
    running line to keep at the top as the title.

    A running head without digits that opens the document is its title repeated on later
    pages: its first time stays. One with digits (an issue number, a date) is a masthead.
    """
    keys: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        if len(ln) > 160:
            continue  # a paragraph, not a running line
        line = " ".join(ln.split())
        if 0 < len(line) <= 80:
            keys.setdefault(_DIGIT.sub("#", line), []).append(i)
    need = 2 if pages else 3
    running = {collapse(lines[i]) for key, at in keys.items() if len(at) >= need for i in at}
    title = None
    if running:
        opening = [collapse(ln) for ln in lines[:12] if ln.strip()][:3]
        title = next((ln for ln in opening if ln in running and not _DIGIT.search(ln)), None)
    return running, title


_DIGIT = re.compile(r"\d+")


def _spelling_counts() -> dict[str, int]:
    from spellchecker import SpellChecker

    return dict(SpellChecker(distance=1).word_frequency.dictionary)


@functools.cache
def english_words() -> dict[str, int]:
    """English words and their frequency (pyspellchecker's list, shipped in its package)."""
    from briefs.derived import derived

    return derived("english-words", _spelling_counts, packages=("pyspellchecker",), files=())


@functools.cache
def word_counts() -> Mapping[str, int]:
    """``english_words`` read a word at a time: for a command that asks about a few hundred
    words (a brief) rather than every word of every document (ingest)."""
    from briefs.derived import derived_lookup

    return derived_lookup("english-words", _spelling_counts, packages=("pyspellchecker",), files=())


def two_words(word: str, known: Callable[[str], bool], shortest: int = 3) -> list[int]:
    """Where ``word`` splits into two words ``known`` accepts, each ``shortest`` letters or
    more ("milliondollars" -> [7]). Each caller decides what counts as a word and what one
    split or several mean: a glued line, a figure's noun run together, a compound topic."""
    return [
        i for i in range(shortest, len(word) - shortest + 1) if known(word[:i]) and known(word[i:])
    ]


def keeps_hyphen(stem: str, tail: str, vocabulary: set[str]) -> bool:
    """Whether "stem-" at a line end and "tail" on the next line form a hyphenated compound.

    The document's own spelling decides first (the joined or the hyphenated form elsewhere in
    it), then the dictionary: a joined word it knows is joined ("agendas"); two words it knows
    that do not join into one keep their hyphen ("low-profile"); anything else is joined.
    """
    joined, hyphenated = f"{stem}{tail}".lower(), f"{stem}-{tail}".lower()
    if joined in vocabulary:
        return False
    if hyphenated in vocabulary:
        return True
    words = english_words()
    if joined in words:
        return False
    return stem.lower() in words and tail.lower() in words and min(len(stem), len(tail)) > 1


def _join_hyphenated(left: str, right: str, vocabulary: set[str]) -> str:
    """Join ``left`` to the next line ``right``, mending a word hyphenated across them."""
    m = _HYPHEN_END.search(left)
    head = re.match(r"[A-Za-zÀ-ÿ]+", right)
    if not left.endswith("-"):
        return f"{left} {right}"
    if not m or not head or not head.group(0)[0].islower():
        return left + right
    if keeps_hyphen(m.group(1), head.group(0), vocabulary):
        return left + right
    return left[:-1] + right


def paragraphs_from_text(text: str) -> list[str]:
    """Split plain text into clean paragraphs (see ``text_paragraphs``)."""
    return text_paragraphs(text)[0]


def text_paragraphs(text: str) -> tuple[list[str], frozenset[str]]:
    """Split plain text into clean paragraphs; also return the running heads dropped.

    Blank lines always end a paragraph. Running heads and feet are dropped (the title kept
    where it opens the document). In hard-wrapped text a line much shorter than the wrap
    width also ends a paragraph (its last line, or a heading), page numbers are dropped, and
    words hyphenated across lines are joined again.
    """
    pages = "\f" in text
    text = drop_furniture(normalise(text))
    lines = text.split("\n")
    furniture, title = running_heads(lines, pages=pages)
    if title:
        first = next(i for i, ln in enumerate(lines) if collapse(ln) == title)
        lines[first] = "\x00" + lines[first]  # marked: kept as the title
    furniture.discard(title or "")
    running = frozenset(furniture)
    if not is_hard_wrapped(lines):
        kept = [c for ln in lines if (c := collapse(ln)) and c not in furniture]
        return _dedupe([ln.lstrip("\x00") for ln in kept]), running
    lines = [ln.replace("\x00", "") for ln in lines]
    width = statistics.quantiles([len(ln.rstrip()) for ln in lines if ln.strip()], n=10)[7]
    vocabulary = {w.lower() for w in _WORD.findall(text)}
    paragraphs: list[str] = []
    current = ""
    page_break = after_number = False

    def next_blank(i: int) -> bool:
        return i + 1 >= len(lines) or not lines[i + 1].strip()

    for index, raw in enumerate(lines):
        line = collapse(raw)
        if (
            after_number
            and line
            and len(line) <= 60
            and not _TERMINAL.search(line)
            and next_blank(index)
        ):
            after_number = False
            page_break = True
            continue  # a running title right after the page number ("Mekong Connect Vol. 04")
        if line:
            after_number = bool(_PAGE_NUMBER.match(line))
        if not line or _PAGE_NUMBER.match(line) or line in furniture:
            if not line and current:
                paragraphs.append(current)
                current = ""
            page_break = page_break or bool(line)
            continue
        # After page furniture, or at a line that starts with a space (how this kind of
        # extraction marks a new page), a finished sentence before a capital starts anew.
        if (
            (page_break or raw[:1] == " ")
            and current
            and _TERMINAL.search(current)
            and line[:1].isupper()
        ):
            paragraphs.append(current)
            current = ""
        page_break = False
        current = _join_hyphenated(current, line, vocabulary) if current else line
        if len(raw.rstrip()) < 0.6 * width and not line.endswith("-"):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return _dedupe(paragraphs), running


def _dedupe(paragraphs: list[str]) -> list[str]:
    """Keep the first of repeated paragraphs (news pages often repeat their lead)."""
    seen: set[str] = set()
    out = []
    for p in paragraphs:
        key = p.casefold()
        if len(p) > 40 and key in seen:
            continue
        seen.add(key)
        out.append(p)
    return out
