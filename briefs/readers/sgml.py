"""News-wire archives in SGML: the ``<DOC>`` files of news collections (TREC, DUC, LDC's
Gigaword and their kin), one story or hundreds in a file.

A person reading such a file sees markup around stories: ``<DOCNO>`` names the story,
``<HEADLINE>`` is its title, ``<DATE_TIME>`` or ``<DATE>`` its date, ``<BYLINE>`` its author,
and ``<TEXT>`` its body, in ``<P>`` elements or as hard-wrapped lines whose paragraphs open
with an indent. Tags are never text. The file is parsed by lxml's recovering XML parser
(SGML is not XML: there is no root, and ``&`` may stand alone), so broken markup costs the
broken element, not the file.
"""

from __future__ import annotations

import re

from lxml import etree

from briefs.errors import ReadError
from briefs.model import Document
from briefs.readers.bylines import BY, people
from briefs.readers.clean import collapse, text_paragraphs
from briefs.readers.head import apply_head
from briefs.readers.printed_dates import parse_date

# The opening of a news-wire SGML file: a <DOC> element (TREC, DUC, Gigaword) or a <REUTERS>
# one (the Lewis DTD of Reuters' 1987 wire), whatever precedes it in a comment or a DOCTYPE.
_OPENING = re.compile(
    r"\A\s*(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:DOC|REUTERS)[\s>]", re.IGNORECASE | re.DOTALL
)
_STORY_TAGS = ("DOC", "REUTERS")
# Control characters written as references ("&#2;", "&#3;" around a Reuters story): XML
# refuses them, and a reader never sees them.
_CONTROL_REF = re.compile(r"&#(?:[0-8]|1[0-9]|2[0-9]|3[01]);|&#x(?:[0-8]|1[0-9a-fA-F]);")
# A wire's sign-off on a line of its own: "Reuter", "Reuters", "AP".
_SIGN_OFF = re.compile(r"^(?:Reuters?|AP|AFP|UPI)$")
# A date written into the story's number: "APW19981016.0240", "NYT_ENG_20050101.0001".
_DOCNO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
# Paragraph starts in hard-wrapped wire text: a line opening with an indent or a tab.
_INDENT = re.compile(r"\n(?=[ \t]+\S)")
_ENTITY = re.compile(r"&(?!(?:amp|lt|gt|quot|apos);)([A-Za-z][A-Za-z0-9]*);")
_ENTITIES = {"AMP": "&amp;", "LT": "&lt;", "GT": "&gt;", "MD": "—", "HT": " ", "SP": " "}
# A note to the wire desk, in capitals and parentheses: "(STORY CAN END HERE. OPTIONAL 2ND
# TAKE FOLLOWS.)".
_DESK_NOTE = re.compile(r"\([^a-z()]*[A-Z][^a-z()]*\)")
_BARE_AMPERSAND = re.compile(r"&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)")
_DATE_TAGS = ("DATE_TIME", "DATE", "PUBDATE", "DATELINE")
_TITLE_TAGS = ("HEADLINE", "HL", "TITLE", "HEAD")
_BODY_TAGS = ("TEXT", "BODY", "LP")


def is_sgml(text: str) -> bool:
    """Does ``text`` open as a news-wire SGML file (``<DOC>`` first)?"""
    return bool(_OPENING.match(text[:2000]))


def documents(path: str, text: str) -> list[Document]:
    """Every story in the SGML ``text``. Raises ReadError when none has a body."""
    # SGML entities the file never defines: the few with a meaning become their character,
    # typesetting codes ("&UR;", "&QL;") go; then a bare "&" ("AT&T"), which SGML allows and
    # XML does not, is escaped.
    text = _CONTROL_REF.sub("", text)
    text = _ENTITY.sub(lambda m: _ENTITIES.get(m.group(1).upper(), ""), text)
    text = _BARE_AMPERSAND.sub("&amp;", text)
    # A root of our own, so that a file of many <DOC>s parses as one tree.
    parser = etree.XMLParser(recover=True, huge_tree=True, resolve_entities=False)
    root = etree.fromstring(f"<FILE>{text}</FILE>".encode(), parser)
    if root is None:
        raise ReadError(path, "SGML that no parser could read")
    out = []
    stories = [
        el for el in root.iter() if isinstance(el.tag, str) and el.tag.upper() in _STORY_TAGS
    ]
    for n, element in enumerate(stories):
        doc = _story(path, element, n)
        if doc is not None:
            out.append(doc)
    if not out:
        raise ReadError(path, "no <DOC> with text in this SGML file")
    return out


def _field(element, names: tuple[str, ...]) -> str | None:
    for child in element.iter():
        if isinstance(child.tag, str) and child.tag.upper() in names:
            value = collapse(" ".join(child.itertext()))
            if value:
                return value
    return None


def _story(path: str, element, n: int) -> Document | None:
    number = element.get("NEWID") or element.get("id") or element.get("ID")
    docno = (
        _field(element, ("DOCNO", "DOCID")) or (number and f"NEWID {number}") or f"story {n + 1}"
    )
    # The story's text: the innermost of <TEXT> and <BODY> (DUC's <BODY> holds the headline
    # and the <TEXT>; Reuters' <TEXT> holds the title, the dateline and the <BODY>).
    bodies = [c for c in element.iter() if isinstance(c.tag, str) and c.tag.upper() in _BODY_TAGS]
    inner = [b for b in bodies if not any(c is not b and c in bodies for c in b.iter())]
    body = inner[0] if inner else None
    if body is None:
        return None
    title = _field(element, _TITLE_TAGS)
    found = _paragraphs(body)
    signed = next((p for p in found if _SIGN_OFF.match(p)), None)
    # The title is no paragraph where the text element holds it ("******BRIEF TITLE").
    paragraphs = [p for p in found if p is not signed and (not title or p.strip("* ") != title)]
    if not paragraphs:
        return None
    line = _field(element, ("DATELINE",))
    if line and not paragraphs[0].startswith(line.rstrip(" -")):
        # Reuters sets the dateline apart ("BANGKOK, March 3 - "); a reader reads it first.
        paragraphs[0] = f"{line} {paragraphs[0]}"
    fields: dict[str, str] = {}
    provenance: dict[str, str] = {}
    if signed:
        # The wire signs off under its name: "Reuter" closes a 1987 Reuters story.
        fields["publisher"] = "Reuters" if signed == "Reuter" else signed
        provenance["publisher"] = "head"
    if title:
        fields["title"] = title
        provenance["title"] = "head"
    date = _date(element, docno)
    if date:
        fields["date"] = date
        provenance["date"] = "head"
    loose = _loose_lines(element)
    author = _field(element, ("BYLINE", "AUTHOR")) or next(
        (line for line in loose if _LOOSE_BYLINE.match(line)), None
    )
    if author:
        by = BY.match(author)
        who = by.group("who") if by else author
        # The head's reading of a byline: names in capitals title-cased, several joined.
        fields["author"] = people(who) or (who.title() if who.isupper() else who)
        provenance["author"] = "head"
    credit = next((m.group(1) for line in loose if (m := _CREDIT.match(line))), None)
    if credit:
        fields["publisher"] = credit
        provenance["publisher"] = "head"
    kind = _field(element, ("DOCTYPE", "TXTTYPE", "TYPE")) or ""
    doc = Document(
        path=path,
        type="news" if "NEWS" in kind.upper() else "unknown",
        title=fields.get("title", docno),
        paragraphs=tuple(paragraphs),
        date=fields.get("date"),
        author=fields.get("author"),
        publisher=fields.get("publisher"),
        locator=docno,
        provenance=tuple(sorted(provenance.items())) or (("title", "path"),),
    )
    # The story's own first lines still hold its dateline and agency ("PHNOM PENH,
    # Cambodia (AP) _"), read as for any news text; the markup's fields stand.
    return apply_head(doc)


# Lines a wire sets between the headline and the text: "By SETH MYDANS", "c.1998 N.Y. Times
# News Service", "(jl)".
_LOOSE_BYLINE = re.compile(r"^By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}$")
_CREDIT = re.compile(r"^(?:c\.|\(c\)|©)\s?(?:19|20)\d{2},?\s+(.{3,60})$")
_LOOSE_TAGS = (
    "TEXT",
    "HEADLINE",
    "HL",
    "TITLE",
    "SLUG",
    "DOCNO",
    "DOCID",
    "DATE_TIME",
    "DATE",
    "DATELINE",
)


def _loose_lines(element) -> list[str]:
    """The lines of a story that stand outside its tagged fields and its text."""
    lines: list[str] = []
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        parts = [node.tail] if node.tag.upper() in _LOOSE_TAGS else [node.text, node.tail]
        for part in parts:
            lines += [collapse(x) for x in (part or "").splitlines() if x.strip()]
    return lines


def _paragraphs(body) -> list[str]:
    return [p for p in _blocks(body) if not _DESK_NOTE.fullmatch(p)]


def _blocks(body) -> list[str]:
    """The story's paragraphs: its <P> elements, or the indented or blank-line blocks of its
    hard-wrapped text."""
    marked = [p for p in body.iter() if isinstance(p.tag, str) and p.tag.upper() == "P"]
    if marked:
        return [t for p in marked if (t := collapse(" ".join(p.itertext())))]
    text = "".join(body.itertext())
    if "\n\n" not in text.strip() and _INDENT.search(text):
        text = _INDENT.sub("\n\n", text)
    # Wire text is hard-wrapped: a paragraph's lines are one paragraph.
    blocks = (" ".join(block.split()) for block in re.split(r"\n\s*\n", text))
    paragraphs, _running = text_paragraphs("\n\n".join(b for b in blocks if b))
    return paragraphs


def _date(element, docno: str) -> str | None:
    for tag in _DATE_TAGS:
        value = _field(element, (tag,))
        if value:
            found = parse_date(value) or parse_date(value.split()[0])
            if found:
                return found
    m = _DOCNO_DATE.search(docno)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
