"""Saved web pages (.html): the article's main text only, by trafilatura.

trafilatura is the field's usual article extractor: it drops navigation, scripts, styles, ads
and footers, and reads metadata from <title>, author meta, article:published_time, og:site_name
and the canonical link. Paragraph boundaries come from its XML output.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from lxml import etree

from briefs.errors import ReadError
from briefs.model import Document
from briefs.readers.clean import LINE_ENDS_SENTENCE, collapse, normalise, text_paragraphs
from briefs.readers.filemeta import ORGANISATION
from briefs.readers.head import apply_head
from briefs.readers.page_title import article_heading, named_page, without_site
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
            for text in _broken(el):
                text = _AGENCY_GLUED.sub(r"\1 ", text)
                text = text.rstrip("¶# ")  # Sphinx and static-site heading permalinks
                if text:
                    out.append(text)
            continue
        text = text.rstrip("¶# ")
        if text:
            out.append(text)
    return out


# A news organisation's name.
_OUTLET = re.compile(
    r"^The\s|\b(?:Today|Times|Post|News|Press|Daily|Herald|Tribune|Journal|Gazette|Telegraph|"
    r"Guardian|Wire|Magazine|Media|Reuters|Bloomberg|Agence France)\b",
    re.IGNORECASE,
)
# Words that make a byline entry a label, a desk or a widget rather than a person.
_NOT_A_PERSON = re.compile(
    r"^(?:Article by|Unknown|Staff|Admin|Editor|Editorial|Jobs|Hire|PhD|MD|says|Agencies|"
    r"No Author|User|Username|Anonymous|Guest)$"
    r"|\b(?:Staff|Reports|Kitchens|says|Edition|Edited|Team|Webteam|Newsdesk|Redaktion|Articles|"
    r"Posts|News|Media|Blog|Jornal|Journal|Gazette|Gazeta|Tribune|Times|eG|"
    r"Redacci\w*|Redação|Redazione|Diario|Zeitung|Magazin|GmbH|Inc|Ltd)\b",
    re.IGNORECASE,
)


# "By" as the languages of the pages read write it; other than English, only where an element
# opens with it (Italian "di" and French "par" are everywhere in running text).
_BY_WORDS = "Por|Par|Von|Door|Di|Av|Af|Oleh"
_BY = rf">\s*(?:{_BY_WORDS})"
_MARKED = r"<[^<>]*\b(?:itemprop|class|rel)=\"[^\"]*\b(?:author|byline)[\w-]*(?:\s[^\"]*)?\"[^<>]*>"
# Structured data naming the author: "author": {"@type": "Person", "name": "Charnele Henry"}.
_AUTHOR_NAME = r'"author"\s*:\s*[\[{][^\]]{0,400}?"name"\s*:\s*"'
_DECLARED = re.compile(rf'{_AUTHOR_NAME}([^"]{{3,80}})"')
_LEADING_BY = re.compile(rf"^(By|{_BY_WORDS})\s+(?=\S)")
_PARTICLES = frozenset("de van der von le la da di dos bin binti al".split())


def _person_like(name: str) -> bool:
    """Two to four capitalised words (particles aside), letters only, an initial not last:
    "Michael L Anderson", "Loïc Le Clerc", "Валерия Пестрякова"; not "Cortesía", "Joe S",
    "Zeige alle Beiträge von Petra Ruland", or a newsroom's name."""
    words = name.split()
    if not 2 <= len(words) <= 4 or ORGANISATION.search(name):
        return False
    for i, w in enumerate(words):
        if w in _PARTICLES and 0 < i < len(words) - 1:
            continue
        core = w.rstrip(".")
        if not (core[:1].isupper() and all(c.isalpha() or c in "-'’" for c in core)):
            return False
        if len(core) < 2 and i == len(words) - 1:
            return False
    return True


def _declared_within(given: str, html: str) -> str | None:
    """The author the page's structured data names, where the name found on the page holds it
    and runs on ("Aleš Vávra před" for "Aleš Vávra")."""
    for m in _DECLARED.finditer(html):
        try:
            name = collapse(json.loads(f'"{m.group(1)}"'))  # "Ale\u0161 V\u00e1vra"
        except ValueError:
            name = collapse(m.group(1))
        if _person_like(name) and given.startswith(name + " "):
            return name
    return None


# Creators in the head's library metadata (Dublin Core, Highwire's citation_author for
# journals and reports), which by convention write a name "Last, First".
_CREATOR_META = re.compile(
    r"<meta\s+(?=[^>]*\bname=[\"'](?:dc\.creator|dcterms\.creator|citation_author)[\"'])"
    r"[^>]*\bcontent=[\"']([^\"']+)[\"']",
    re.IGNORECASE,
)
_LAST_FIRST = re.compile(r"^([^\W\d][^,;]*),\s*([^\W\d][^,;]*)$")


def _creators(head: str) -> str | None:
    """The authors the head names as "Last, First" (``<meta name="DC.Creator" content="Jong,
    Michiel de">``), written as a reader writes them: "Michiel de Jong; F. Kooman". None unless
    every such name has that form (a single "Mac & i" is a desk, left to the byline rules)."""
    from briefs import geo

    names = [collapse(unescape(m.group(1))) for m in _CREATOR_META.finditer(head)]
    inverted = [_LAST_FIRST.match(n) for n in names]
    if not names or not all(inverted):
        return None
    if any(_NOT_A_PERSON.search(n) or geo.mentions(n) for n in names):
        return None  # "Reuters, Bangkok", "Staff, Jakarta Post": an outlet and its place
    return "; ".join(dict.fromkeys(f"{m.group(2)} {m.group(1)}" for m in inverted if m))


def _byline(found: str | None, html: str, head: str, site: str | None = None) -> str | None:
    """The page's authors, each checked on its own: trafilatura joins several with "; "
    ("David Brand; Ramsey Khalifeh") and its text heuristics take headings for bylines
    ("Set Authorizer"). A name is kept when the page gives it as one: in its <head>
    metadata, within a "By …" line ("By David Brand and Ramsey Khalifeh"), or as the author
    of the page's structured data (JSON-LD). Desks and
    labels ("Staff", "Article by"), the site itself and agency acronyms ("CNN") are not
    authors. Upper-case names are put in title case; a name given twice is kept once."""
    if not found:
        return None
    kept: list[str] = []
    for part in found.split(";"):
        given = collapse(part)
        by = _LEADING_BY.match(given)
        if by and (by.group(1) not in ("Di", "Von") or len(given.split()) > 2):
            given = given[by.end() :]  # "Par Stefan Häne", "Af Ritzau"; not "Di Wang"
        if not given or _NOT_A_PERSON.search(given) or given == site:
            continue  # a desk, a label, or the site itself (a blog's name stays its publisher)
        if " " not in given and given.isupper():
            continue  # "CNN", "AFP", "BBNTEAM": an agency or a desk
        # The page may write initials with stops and apostrophes curly: "J. O. Haselhoef".
        pattern = r"\s*".join(
            re.escape(w) + (r"\.?" if len(w) == 1 else "") for w in given.split()
        ).replace("'", "['’]")
        # "By <a href=…>Emily Burack</a>": tags may stand between the word and the name.
        tail = rf"\b(?:[^<>]|<[^<>]{{0,200}}>){{0,300}}?{pattern}"
        english = re.search(rf"\bBy{tail}", html, re.IGNORECASE)
        byline = english or re.search(rf"{_BY}{tail}", html, re.IGNORECASE)
        declared = re.search(rf'{_AUTHOR_NAME}{pattern}"', html)
        # Markup that marks its text as the author, with only tags between:
        # <span itemprop="author" …><span itemprop="name">Alex Perry</span>,
        # <div class="author-name …">NATALIYA VASILYEVA</div>.
        marked = re.search(rf"{_MARKED}(?>\s*<[^<>]{{0,400}}>){{0,12}}\s*{pattern}\s*<", html)
        if given in head or english or declared:
            kept.append(given.title() if given.isupper() else given)
        elif (byline or marked) and _person_like(given):
            # Markup or another language's "By" vouches for a person's name only: two to four
            # capitalised words, not "Cortesía", "Posted" or "Zeige alle Beiträge von …".
            kept.append(given.title() if given.isupper() else given)
        elif named := _declared_within(given, html):
            kept.append(named)  # "Aleš Vávra před": the page's text ran on after the name
    # Beside the people who wrote it, a news organisation ("Colleen Barry; The Associated
    # Press", "…; Usa Today") is the outlet the story first ran in; alone, it is the author.
    people = [k for k in kept if not _OUTLET.search(k)]
    return "; ".join(dict.fromkeys(people or kept)) or None


_HEAD_LINES = 6  # the article's first lines where a page prints its date

# A wire dateline whose agency tag stood in its own element: "London (CNN)It was …".
_AGENCY_GLUED = re.compile(r"^([A-Z][\w .,'-]{1,40}\((?:[A-Z][A-Za-z]{1,9}|AP|AFP)\))(?=[A-Z])")
_BREAK = "\u2028"


def _broken(el) -> list[str]:  # noqa: ANN001 (an lxml element)
    """The paragraphs of one block, split where a line break (<lb/>, the page's <br>) ends a
    sentence: many pages separate paragraphs with <br> inside one <p>, and joining the lines
    bare gives "Brooklyn.For the first time". A break inside a sentence is a space."""
    for lb in el.iter("lb"):
        lb.tail = _BREAK + (lb.tail or "")
    lines = [collapse(x) for x in "".join(el.itertext()).split(_BREAK)]
    out: list[str] = []
    for line in lines:
        if not line:
            continue
        if out and not LINE_ENDS_SENTENCE.search(out[-1]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _extracted(html: str, precision: bool) -> list[str]:
    """The page's article paragraphs as trafilatura finds them, favouring precision or recall.

    Repeated blocks are dropped within the page only: trafilatura's own cache of what it has
    seen lives as long as the process, so a paragraph three pages share (a wire story that
    three sites ran) vanished from the third page read, and what a page gave depended on which
    worker read it after what (trafilatura issue #778)."""
    import trafilatura
    from trafilatura.deduplication import LRUCache

    xml = trafilatura.extract(
        html,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        favor_precision=precision,
        favor_recall=not precision,
        deduplicate=LRUCache(maxsize=4096),
    )
    return _paragraphs(xml) if xml else []


_PREFORMATTED = 0.8  # the share of a page's text its <pre> elements hold: a plain-text document


def _tree(html: str):  # noqa: ANN202 (an lxml element, or None)
    """The page parsed once, for what is read from its elements (its <pre> text, its
    headings); None when lxml cannot parse it."""
    from lxml import html as lxml_html

    try:
        return lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _preformatted(root) -> str | None:  # noqa: ANN001 (an lxml element)
    """The text of the page's <pre> elements, when they hold nearly all its text: a document
    published as plain text in a page (an IETF draft, a mailing-list archive), not a post
    with code listings."""
    if root is None:
        return None
    pre = "\n".join(el.text_content() for el in root.iter("pre"))
    whole = len("".join(root.text_content().split()))
    return pre if whole and len("".join(pre.split())) >= _PREFORMATTED * whole else None


def read(path: Path) -> Document:
    """Read an HTML page. Raises ReadError when no article text can be found in it."""
    import trafilatura

    raw = path.read_bytes()
    if not raw.strip():
        raise ReadError(str(path), "empty file")
    from w3lib.encoding import html_body_declared_encoding

    html = normalise(decode(raw, str(path), declared=html_body_declared_encoding(raw)))
    # A page that is one preformatted text (an IETF draft) is read as the plain text it is:
    # hard-wrapped lines rejoined, the running head of each page left out. Any other page,
    # with precision first (a news page's menus and teasers stay out); a page all article in
    # bare <div>s reads as nothing that way, and is read again for recall.
    root = _tree(html)
    pre = _preformatted(root)
    paragraphs = text_paragraphs(pre)[0] if pre else _extracted(html, precision=True)
    if not paragraphs:
        paragraphs = _extracted(html, precision=False)
    if not paragraphs:
        raise ReadError(str(path), "no article text found in the page")
    # Dates only from what the page says of itself, never guessed from a copyright line.
    meta = trafilatura.extract_metadata(
        html, date_config={"original_date": True, "extensive_search": False}
    )
    lower = html.lower()
    head = html[: lower.find("</head>")] if "</head>" in lower else ""
    title = collapse((meta.title or "") if meta else "").rstrip("¶# ")
    # (a page without a </head> keeps its <title> in its first 20,000 characters, if anywhere)
    title = article_heading(root, title)
    named = named_page(title, head or html[:20_000], meta.sitename if meta else None, paragraphs)
    title = without_site(named or path.stem, (meta.sitename, meta.hostname) if meta else ())
    if paragraphs and collapse(paragraphs[0]) == title:
        paragraphs = paragraphs[1:]
    site = meta.sitename if meta else None
    if site and collapse(site).rstrip("¶# ") == title:
        site = None  # with no og:site_name, trafilatura falls back to the title
    author = _creators(head) or _byline(meta.author if meta else None, html, head, site)
    provenance = {
        name: "head"
        for name, value in (
            ("title", meta and meta.title),
            ("author", author),
            ("date", meta and meta.date),
            ("url", meta and meta.url),
            ("publisher", site or (meta and meta.hostname)),
        )
        if value
    }
    provenance.setdefault("title", "path")
    doc = Document(
        path=str(path),
        provenance=tuple(sorted(provenance.items())),
        title=title,
        paragraphs=tuple(paragraphs),
        author=author,
        publisher=site or (meta.hostname if meta else None),
        date=meta.date if meta and meta.date else None,
        url=meta.url if meta else None,
    )
    # A page whose markup dates nothing may print its date under the headline ("January 18,
    # 2020", "Date of Last Revision: August 9, 2017"): read as in any other document's head.
    # Only a day: a month alone at a page's top is a calendar or an archive widget ("February
    # 2020" above "Su | Mo | Tu …"), not when the page was written.
    if not doc.date:
        dated = apply_head(doc, scan=_HEAD_LINES, fill=("date",))
        doc = dated if dated.date and len(dated.date) == 10 else doc
    # So may a byline its markup does not mark ("By Nathan Willis" above the article).
    if not doc.author:
        signed = apply_head(doc, scan=_HEAD_LINES, fill=("author",))
        doc = signed if signed.author else doc
    return doc
