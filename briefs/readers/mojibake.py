"""Mojibake: text that was decoded in the wrong encoding somewhere before it reached us.

A page saved by a tool that read UTF-8 as Windows-1252 says "atakÃ³w" and "â€œquotedâ€";
read as Mac Roman it says "atak√≥w". The bytes in the file are valid, so no decoder can
notice; the damage is in the characters. ftfy (Robyn Speer's "fixes text for you") undoes it:
it re-encodes a suspicious stretch in each legacy codepage it knows and keeps the result only
where the UTF-8 decoding succeeds and the text reads as less strange by its measure of
"badness". It also maps stray C1 control characters to what Windows-1252 meant (U+0095 is a
bullet).

Only what ftfy calls its encoding fixes are used: quotes stay curly, ligatures are left to
``ligatures.mend_glyphs`` (which rejoins "ﬁ nancial" by the ligature it sees), full-width forms
and line breaks are left as the document wrote them.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from briefs.model import Document

# ftfy's codepages leave out Mac Central European, which a Mac saved Polish, Czech and
# Hungarian in ("Fundacjńô" for "Fundację"), and its badness measure does not know that
# codepage's letters. Tried after ftfy, on ftfy's own evidence: the characters re-encoded in
# the codepage are valid UTF-8, which text written in it almost never is (its letters are single
# bytes above 127, and UTF-8 allows those only in fixed lead-and-continuation runs), and at
# least two characters are mended.
_MORE_CODECS = ("mac_latin2",)
# What text needs no look: ASCII and the General Punctuation block (curly quotes, dashes,
# bullets, the ellipsis), which is all the non-ASCII most English copy holds, and which
# mojibake is all but never made of alone: a UTF-8 lead byte read in a single-byte codepage is
# a letter or symbol outside it ("Ã", "√", "Ň", "Р"), and so is the first continuation byte
# of the General Punctuation characters themselves ("â€", "‚Ä"). The one gap, Mac Roman's
# "„" lead before "†" and "•" (three characters of a CJK block), is not worth a slower scan.
_PLAIN = re.compile(r"[\x00-\x7f\u2000-\u206f]*")


@functools.cache
def _config():  # type: ignore[no-untyped-def]
    from ftfy import TextFixerConfig

    return TextFixerConfig(
        unescape_html=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        explain=False,
    )


# Codepages whose reading of UTF-8 ftfy undoes (its list, by Python's names), and the one added.
_CODEPAGES = (
    "latin-1", "cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "iso8859-2",
    "mac_roman", "cp437", *_MORE_CODECS,
)  # fmt: skip


@functools.cache
def _suspect() -> re.Pattern[str]:
    """What mojibake cannot be without: a UTF-8 lead byte (0xC2-0xF4) read in one of the
    codepages, then a continuation byte (0x80-0xBF) read in it ("Ã" "©", "√" "≥", "ń" "ô"),
    or a C1 control character. Worked out from the codecs themselves; found in one scan, ten
    times faster than ftfy's own test of badness (7 against 72 microseconds on a paragraph of
    accented names), so that ftfy reads only the paragraphs that may need it."""
    leads: set[str] = set()
    follows: set[str] = set()
    for codec in _CODEPAGES:
        leads.update(bytes(range(0xC2, 0xF5)).decode(codec, errors="ignore"))
        follows.update(bytes(range(0x80, 0xC0)).decode(codec, errors="ignore"))

    def chars(found: set[str]) -> str:
        return "".join(re.escape(c) for c in sorted(found))

    return re.compile(f"[{chars(leads)}][{chars(follows)}]|[\x80-\x9f]")


def repair(text: str) -> str:
    """``text`` with its mojibake undone; ``text`` itself when there is none (ASCII with curly
    quotes and dashes, the usual case for English copy, is returned at once)."""
    if text.isascii() or _PLAIN.fullmatch(text) or not _suspect().search(text):
        return text
    from ftfy import fix_text

    fixed = fix_text(text, _config())
    if fixed.isascii():
        return fixed
    for codec in _MORE_CODECS:
        try:
            again = fixed.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if len(again) <= len(fixed) - 2:
            return again
    return fixed


def repair_document(doc: Document) -> Document:
    """``doc`` with mojibake undone in its title, author, publisher and paragraphs; ``doc``
    itself when there was none."""
    paragraphs = tuple(repair(p) for p in doc.paragraphs)
    fields = {
        name: repair(value)
        for name in ("title", "author", "publisher")
        if isinstance(value := getattr(doc, name), str)
    }
    if paragraphs == doc.paragraphs and all(getattr(doc, k) == v for k, v in fields.items()):
        return doc
    return dataclasses.replace(doc, paragraphs=paragraphs, **fields)
