"""A web page's title: the article's heading, not the site's banner, a sidebar's heading or
the site's name the page sets beside it."""

from __future__ import annotations

import re
from html import unescape

from briefs.readers.clean import collapse

_TITLE_ELEMENT = re.compile(r"<title[^>]*>([^<]{3,400})</title>", re.IGNORECASE)
_SITE_SEPARATOR = re.compile(r"\s+[|–—:-]{1,2}\s+")
_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")


def named_page(title: str, head: str, site: str | None, paragraphs: list[str]) -> str:
    """The page's title: what trafilatura found, unless that is a short heading of something
    else on the page, outside the article's text and sharing no word with the page's own
    <title> (a sidebar's "Information and Resources" on a page titled "Superbugs: What They
    Are and How You Get Them | WebMD"); then the <title>, its site name aside (its longest
    part), where that is longer. ``head`` is the page's <head>."""
    element = _TITLE_ELEMENT.search(head)
    if not element or not title:
        return title
    if any(title in p or (len(p) < 200 and p in title) for p in paragraphs[:3]):
        return title  # the article's own heading ("Chapter 6 - Monitoring Distributed Systems")
    own = collapse(unescape(element.group(1)))
    words = {w.casefold() for w in _TITLE_WORD.findall(own)}
    if not words or words & {w.casefold() for w in _TITLE_WORD.findall(title)}:
        return title
    parts = [p for p in _SITE_SEPARATOR.split(own) if p and p != site]
    best = max(parts, key=len) if parts else own
    # Only a short heading ("Aktuelles", "Information and Resources", "Loading") gives way,
    # and only to a longer title that reads as one (not a script's "' + basename(url) + '").
    short, longer = len(title.split()) <= 3, len(best.split()) > len(title.split())
    return best if short and longer and not re.search(r"[+=(){}<>]", best) else title


_SUFFIX = re.compile(r"^(?P<title>.+?)\s+[|–—-]\s+(?P<site>[^|–—]{2,80})$")
_PREFIX = re.compile(r"^(?P<site>[^|–—-]{2,60}?)\s+[|–—-]\s+(?P<title>.+)$")


def _site_key(name: str) -> str:
    """A site's name folded for comparison: "www.AussenGedanken.de" -> "aussengedanken"."""
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", name.casefold())
    name = re.sub(r"\.(?:com|org|net|de|at|ch|fr|it|es|pl|cz|uk|co|info|news|media)\b", "", name)
    return re.sub(r"\W+", "", name)


def without_site(title: str, names: tuple[str | None, ...]) -> str:
    """``title`` without the site's name the page sets after it ("Plejaden, M45 - Abenteuer
    Astronomie", "… at Bhakkar hospital - The Frontier Post") or, the very name, before it
    ("BBC News - Obama admits …"): a citation gives the article's title and its publisher
    apart."""
    keys = {k for k in (_site_key(n) for n in names if n) if len(k) >= 4}
    if not keys:
        return title
    suffix = _SUFFIX.match(title)
    if suffix:
        key = _site_key(suffix.group("site"))
        if len(key) >= 4 and any(key in k or k in key for k in keys):
            return suffix.group("title").rstrip(" -|–—")
    prefix = _PREFIX.match(title)
    if prefix and _site_key(prefix.group("site")) in keys:
        return prefix.group("title")
    return title


# Where a page puts its own name and its promotions, not an article's heading.
_FURNITURE = re.compile(
    r"\b(?:footer|banner|masthead|logo|brand|site-?(?:title|name|header)|navbar|nav|promo)",
    re.IGNORECASE,
)


def article_heading(root, title: str) -> str:  # noqa: ANN001 (an lxml element, or None)
    """``title``, unless the page shows it as furniture or not as a heading at all. A heading
    that links to the site's front page ("<h1><a href="/">Hi, I'm Nicolas.</a></h1>") or
    stands in a footer, a banner or the navigation is the site's; a promotion ("Take your next
    trip with Atlas Obscura!") is no heading of the page. Then the page's one first-level
    heading that is not furniture ("The Deck of Cards That Made Tarot A Global Phenomenon"),
    or, with none, the title its head declares (og:title, else the longest part of <title>).
    A title the head declares stands. ``root`` is the parsed page (None: ``title`` stands)."""
    if not title or root is None:
        return title
    declared = _declared_titles(root)
    headings = [(collapse(h.text_content()), _furniture(h)) for h in root.iter("h1")]
    articles = [text for text, furniture in headings if text and not furniture]
    if title in articles or title in declared:
        return title
    if len(articles) == 1 and len(articles[0]) <= 300:
        return articles[0]
    if any(text == title for text, _ in headings) and declared:
        return declared[0]  # the site's banner, and no heading of the article's own
    return title


# og:title, twitter:title, parsely-title, DC.title, citation_title, sailthru.title …
_TITLE_META = re.compile(r"(?:^|[:.-])title$", re.IGNORECASE)


def _declared_titles(root) -> list[str]:  # noqa: ANN001 (an lxml element)
    """The titles the page's head declares: its metadata's (og:title and the like), then the
    parts of <title>, longest first."""
    og = [
        collapse(m.get("content", ""))
        for m in root.iter("meta")
        if _TITLE_META.search(m.get("property") or m.get("name") or "") and m.get("content")
    ]
    own = root.find(".//title")
    parts = _SITE_SEPARATOR.split(collapse(own.text_content())) if own is not None else []
    return [t for t in (*og, *sorted(parts, key=len, reverse=True)) if t]


def _furniture(heading) -> bool:  # noqa: ANN001 (an lxml element)
    """Whether an <h1> is the site's own: a link home, or inside a footer, banner or nav."""
    hrefs = (a.get("href") for a in heading.iter("a"))
    if any(href is not None and href.rstrip("/") in ("", ".") for href in hrefs):
        return True  # (an <a> with no href is an anchor, not a link: "<a name="top">")
    for el in (heading, *heading.iterancestors()):
        if el.tag in ("footer", "nav"):
            return True
        if _FURNITURE.search(f"{el.get('class', '')} {el.get('id', '')}"):
            return True
    return False
