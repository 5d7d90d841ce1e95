"""The head of a document: title, byline, date, outlet, URL and dateline, read as a person reads
them from its first lines, whatever the format the text came from.

Text exports carry their metadata in a few shapes: marker-prefixed header lines (a news-wire
archive's ``-- headline`` / ``-- By …`` / ``-- Fri Oct 20, 2006 6:15pm EDT`` / ``-- URL``),
``Key: value`` lines, e-mail-like headers, a byline under the title (``By X``, ``X*`` with its
footnote, ``X, Outlet, 12 October 2023``, ``X | Outlet``), a date line ("Updated …",
"Publication Date: …"), and a wire dateline opening the body (``ANCHORAGE, Alaska (Reuters) -``).
Only lines that are wholly a date are read as dates (dateutil, with the time and zone
ignored), so "In 2013, …", "Resolution 2022/14" or "Room 12, 4 March Street" give none. A field
the head does not give stays empty: nothing is guessed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from briefs.model import Document
from briefs.readers.bylines import BY, byline, people
from briefs.readers.clean import BANNER, CHROME_LINE, GLYPH_RUN, SITE_NAME, WATERMARK
from briefs.readers.dateline import dateline
from briefs.readers.filemeta import NAME_WORD as _NAME_WORD
from briefs.readers.filemeta import plausible_author, plausible_title  # noqa: F401 (re-exported)
from briefs.readers.printed_dates import (
    _MONTH,
    date_below,
    date_in_url,
    dated_title,
    parse_date,
)

_SCAN = 14  # leading paragraphs looked at
# A transcript's numbered line, as the PDF reader rows it: "1 | IN THE SUPREME COURT …".
_LINE_NUMBER = re.compile(r"^\d{1,3} \| ")
_MARKER = re.compile(r"^(?:--+|—|–|>+|#+|\*\*?|==+)\s*")
_KEY_VALUE = re.compile(
    r"^(title|headline|subject|date|published|publication date|updated|sent|source|publisher|"
    r"outlet|author|authors|by|byline|from|url|link|dateline|place|location|to|cc|bcc|"
    r"reply-to|importance|attachments|section|page|length|words|language|copyright)"
    r"\s*:\s*(\S.*)$",
    re.I,
)
_URL = re.compile(r"^<?(https?://\S+?)>?$")
_SITE = re.compile(r"\b[\w-]+\.(?:gov|com|org|net|edu|int)\b", re.IGNORECASE)
_STARRED = re.compile(rf"^(?P<who>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}})\s*(?P<mark>[*†‡§¹²³])$")


@dataclass
class Head:
    """What the first lines say, and which of them are head rather than body."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    place: str | None = None
    lines: dict[int, str] = field(default_factory=dict)  # head paragraph index -> what it gave
    notes: set[int] = field(default_factory=set)  # a byline's footnote: not body either


# A cell that is only a section number: "Campylobacter | 3.2." is a running head, not a title.
_NUMBER_CELL = re.compile(r"(?:^|\s\|\s)\d+(?:\.\d+)*\.(?:\s\|\s|$)")


def _few_letters(line: str) -> bool:
    """Fifteen Latin letters or more written with five different ones or fewer: a font's glyph
    codes read as letters ("Aabba7 Aabababa ab Aaaaaamaaba"), which no words are."""
    letters = [c for c in line.lower() if "a" <= c <= "z"]
    return len(letters) >= 15 and len(set(letters)) <= 5


def title_like(line: str, *, opens: bool = True) -> bool:
    """Whether a head line reads as a title: not a sentence, a cut-off cell or a table row."""
    return (
        4 <= len(line) <= 200
        # "in marketing | financial services,": a cut-off cell; a title's second line may
        # go on in lower case ("Regional cooperation on haze:" / "what 2023 showed")
        and not (opens and line[:1].islower())
        # a table's row: three cells or more, or one that is a section number
        and not (line.count(" | ") >= 2 or " | " in line and _NUMBER_CELL.search(line))
        and not GLYPH_RUN.search(line)
        and not _few_letters(line)
        and not WATERMARK.search(line)
        and not line.endswith((",", ";", ":"))
        and not re.search(r"[a-z]{2}\.$", line)  # a sentence, not a heading
        and not (line.endswith(".") and len(line.split()) > 12)
        and not _URL.match(line)
        and len(_SITE.findall(line)) < 2  # "USA.gov I GobiernoUSA.gov I Kids.gov": addresses
        and not _PART_NAME.match(line)
        and any(c.isalpha() for c in line)
    )


# A line that stops on an article, "of" or a conjunction was cut mid-phrase: "On behalf of"
# over a speech's "His Majesty's Government, I should like …" is the sentence's start.
_DANGLING = re.compile(r"\b(?:of|the|a|an|and|or)$", re.IGNORECASE)

# The name of a part of a document, set large on its page, names no document: "HIGHLIGHTS"
# over a Census report's first page, "Contents" over a manual's.
_PART_NAME = re.compile(
    r"^(?:(?:table of )?contents|highlights|(?:executive )?summary|introduction|abstract|"
    r"foreword|preface|overview|background|key (?:findings|messages|points)|"
    r"acknowledge?ments?|appendix(?: [A-Z0-9])?|annex(?: [A-Z0-9])?|references|glossary|"
    r"index)\W*$",
    re.IGNORECASE,
)


def read_head(
    paragraphs: list[str],
    *,
    running: frozenset[str] = frozenset(),
    today: dt.date | None = None,
    starred: bool = True,
) -> Head:
    """Read the head of a document from its leading ``paragraphs`` (one line each, as text
    exports give them). ``running`` holds lines known to recur as running heads: never a title.
    ``starred`` False leaves "Name*" bylines alone (a magazine issue has one per article).
    """
    head = Head()
    marked = 0
    skip_next = False
    for i, raw in enumerate(paragraphs[:_SCAN]):
        if skip_next:
            skip_next = False
            continue
        if len(raw) > 300:
            break
        marker = _MARKER.match(raw)
        line = raw[marker.end() :].strip() if marker else raw.strip()
        if marker:
            marked += 1
        if not line or line in running or not any(c.isalpha() for c in line) or BANNER.match(line):
            head.lines[i] = "furniture"  # blank, a running head, a page number, a stamp
            continue
        site = len(line) <= 60 and SITE_NAME.match(line)
        if site or len(line) <= 60 and CHROME_LINE.search(line):
            if site:
                head.publisher = head.publisher or line
            head.lines[i] = "furniture"  # a language link, an advertisement, the site's name
            continue
        if kv := _KEY_VALUE.match(line):
            key, value = kv.group(1).lower(), kv.group(2).strip()
            if _field(head, key, value, today):
                head.lines[i] = "header"
                continue
        if url := _URL.match(line):
            head.url = head.url or url.group(1)
            head.lines[i] = "url"
            continue
        if (d := parse_date(line, today=today)) is not None:
            head.date = head.date or d
            head.lines[i] = "date"
            continue
        if _SEGMENTS.search(line) and len(line) <= 200 and _segments(head, line, today):
            head.lines[i] = "meta"
            continue
        if starred and (star := _STARRED.match(line)) and head.author is None:
            head.author = people(star.group("who"))
            head.lines[i] = "author"
            mark = star.group("mark")
            for j, later in enumerate(paragraphs):
                if j > i and later.startswith(mark) and len(later) < 400:
                    head.notes.add(j)
            continue
        if marker and marked == 1 and head.title is None and title_like(line):
            head.title = line  # a marked header block opens with its headline
            head.lines[i] = "title"
            continue
        if len(line) <= 120 and (head.author is None or head.date is None):
            author, outlet, date = byline(line)
            if author or (outlet and date):
                head.author = head.author or author
                head.publisher = head.publisher or outlet
                head.date = head.date or date
                head.lines[i] = "byline"
                continue
        if head.title is None and (marker or not _body_like(line)):
            # A title set on two lines: "Regional cooperation on haze:" / "what 2023 showed"
            follow = paragraphs[i + 1].strip() if i + 1 < len(paragraphs) else ""
            if (
                follow
                and len(line) + len(follow) <= 200
                and (line.endswith(":") or follow[:1].islower())
                and title_like(follow, opens=False)
                and title_like(f"{line} {follow}")
                and not _DANGLING.search(follow)
                and not _body_like(follow)
                and not CHROME_LINE.search(follow)
            ):
                head.title = f"{line} {follow}"
                head.lines[i] = head.lines[i + 1] = "title"
                skip_next = True
                continue
            # A marked header line is the headline, however it ends; an unmarked line that
            # stops mid-phrase is the first sentence's start.
            if title_like(line) and (marker or not _DANGLING.search(line)):
                head.title, dated = dated_title(_LINE_NUMBER.sub("", line), today=today)
                head.date = head.date or dated
                head.lines[i] = "title"
                continue
        if marker and marked == i + 1:
            continue  # another marked header line the head does not know: not body either
        if head.title is not None and len(line) <= 80 and not _body_like(line):
            # A masthead or kicker line ("Federal Register", "Analysis"): the head may go on
            # (a date line below it), but the line itself stays where it is.
            continue
        break
    found = date_below(paragraphs[:_SCAN], set(head.lines), today=today) if not head.date else None
    if found:
        head.date, line = found
        if line is not None:
            head.lines[line] = "date"
    if head.date is None and head.url:
        head.date = date_in_url(head.url)
    lead_at = next(
        (
            i
            for i, p in enumerate(paragraphs[:_SCAN])
            if i not in head.lines and i not in head.notes and not _MARKER.match(p)
        ),
        None,
    )
    if lead_at is not None:
        lead = paragraphs[lead_at]
        if d := dateline(lead):
            head.place = d.place
            head.publisher = head.publisher or d.outlet
    return head


_SEGMENTS = re.compile(r"\s(?:•|·|\||—)\s")
_READ_TIME = re.compile(r"^\d+\s*(?:-\s*)?min(?:ute)?s?\.?(?:\s+read)?$", re.I)


def _segments(head: Head, line: str, today: dt.date | None) -> bool:
    """A line of head fields side by side: "January 14th, 2022 • Author: X • 13 minute read".
    True when every segment is a date, a ``Key: value``, a byline or a reading time."""
    found = Head()
    for part in _SEGMENTS.split(line):
        part = part.strip()
        if not part or _READ_TIME.match(part):
            continue
        if (d := parse_date(part, today=today)) is not None:
            found.date = found.date or d
        elif (kv := _KEY_VALUE.match(part)) and _field(
            found, kv.group(1).lower(), kv.group(2), today
        ):
            continue
        elif (by := BY.match(part)) and (who := people(by.group("who"))):
            found.author = found.author or who
        else:
            return False
    for name in ("date", "author", "publisher", "title", "url", "place"):
        if getattr(head, name) is None:
            setattr(head, name, getattr(found, name))
    return True


def _body_like(line: str) -> bool:
    """A sentence of prose rather than a heading: long, and ends as a sentence does."""
    return len(line.split()) > 16 or (line.endswith(".") and len(line.split()) > 8)


def _field(head: Head, key: str, value: str, today: dt.date | None) -> bool:
    """Put a ``Key: value`` header into ``head``; False when the value does not fit the key."""
    if key in ("title", "headline", "subject"):
        head.title = head.title or value
    elif key in ("date", "published", "publication date", "updated", "sent"):
        d = parse_date(value, today=today)
        if d is None:
            return False
        head.date = head.date or d
    elif key in ("source", "publisher", "outlet"):
        head.publisher = head.publisher or value
    elif key in ("author", "authors", "by", "byline", "from"):
        who = re.sub(r"\s*<[^>]+>", "", value)  # "Name <mail@host>"
        who = people(who) or (who if "@" not in who and len(who) <= 80 else None)
        if who is None:
            return False
        head.author = head.author or who
    elif key in ("url", "link"):
        head.url = head.url or value
    elif key in ("dateline", "place", "location"):
        head.place = head.place or value
    return True  # other mail and export headers (To:, Cc:, Section:, Length:) are head too


_MASTHEAD = re.compile(
    rf"(?:\b(?:No|Vol|Issue|Number)\.?\s*\d+\W*)?(?P<date>(?:\d{{1,2}}\s+)?{_MONTH}\s+\d{{4}})\b"
)
_ISSUE_BYLINE = re.compile(rf"^(?:By\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}\s*\*+$")


_LABELLED_DATE = re.compile(
    r"\b(?:Updated|Last updated|Published|Publication date|Date of publication|Issued|Dated|"
    r"Released)\s*(?:on)?\s*:?\s*(?P<date>(?:[A-Z][a-z]+,?\s+)?(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?"
    r"(?:\s+\d{1,2},?)?\s+\d{4})"
)


def _numbered_line(row: str) -> bool:
    """A row of cells that is a line of text with its line number ("10 | Tuesday, …")."""
    cells = [c.strip() for c in row.split("|")]
    return sum(not (c.isdigit() and len(c) <= 3) for c in cells) == 1


def _cover_date(paragraphs: list[str], today: dt.date | None) -> str | None:
    """A first page's date that is not in its head block: a labelled one anywhere on the page
    ("Updated September 22, 2023", even glued to a column's first line), else a short line
    that is wholly a date ("June 2024" at the foot of a cover)."""
    # A table's dates are its data's; a line-numbered transcript's rows are text.
    paragraphs = [p for p in paragraphs if " | " not in p or _numbered_line(p)]
    for p in paragraphs:
        m = _LABELLED_DATE.search(p)
        if m and (d := parse_date(m.group("date"), today=today)):
            return d
    for p in paragraphs:
        if len(p) <= 60 and (d := parse_date(p, today=today)):
            return d
    return None


def apply_head(
    doc: Document,
    *,
    scan: int | None = None,
    running: frozenset[str] = frozenset(),
    today: dt.date | None = None,
    fill: tuple[str, ...] | None = None,
    cover: bool = False,
) -> Document:
    """``doc`` with what its head says filled in where no better source spoke (a sidecar or the
    format's own head, such as front matter), and the head lines taken out of the body.

    ``scan`` limits the head to the first paragraphs (a PDF's first page); ``fill`` to some
    fields; ``cover`` looks for a date anywhere on that first page when the head gives none.
    The head beats file metadata and the file name; provenance records which gave each.
    """
    paras = list(doc.paragraphs)
    issue = sum(1 for p in paras if _ISSUE_BYLINE.match(p)) >= 2  # a magazine: split later
    head = read_head(
        paras[:scan] if scan else paras, running=running, today=today, starred=not issue
    )
    provenance = dict(doc.provenance)
    fields: dict[str, object] = {}
    for name in fill or ("title", "author", "date", "publisher", "url"):
        value = getattr(head, name)
        if value and provenance.get(name) in (None, "path", "file-metadata"):
            fields[name] = value
            provenance[name] = "head"
    if (
        cover
        and "date" in (fill or ("date",))
        and head.date is None
        and provenance.get("date") in (None, "path", "file-metadata")
        and (d := _cover_date(paras[:scan], today))
    ):
        fields["date"], provenance["date"] = d, "head"
    if head.date is None and running and provenance.get("date") in (None, "path", "file-metadata"):
        # A masthead running head dates the issue: "ASEAN Monitor No. 7 … September 2023".
        for line in sorted(running):
            m = _MASTHEAD.search(line)
            if m and (d := parse_date(m.group("date"), today=today)):
                fields["date"], provenance["date"] = d, "head"
                name = line[: m.start()].strip(" |-–—") or None
                if name and provenance.get("publisher") is None and len(name) <= 60:
                    fields["publisher"], provenance["publisher"] = name, "head"
                break
    drop = set(head.notes)
    title = fields.get("title", doc.title)
    for i, kind in head.lines.items():
        if kind != "title" or title in (head.title, _MARKER.sub("", paras[i]).strip()):
            drop.add(i)
    if len(drop) >= len(paras):
        drop = set()  # a document that is all head: keep its lines as its text
    extra = dict(doc.extra)
    if head.place and "place" not in extra:
        extra["place"] = head.place
        provenance["place"] = "head"
    keep = [i for i in range(len(paras)) if i not in drop]
    return dataclasses.replace(
        doc,
        **fields,
        paragraphs=tuple(paras[i] for i in keep),
        pages=tuple(doc.pages[i] for i in keep) if doc.pages else (),
        extra=tuple(sorted(extra.items())),
        provenance=tuple(sorted(provenance.items())),
    )
