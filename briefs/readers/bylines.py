"""Bylines: who wrote a text and for whom, as its head line says ("By X and Y", "X, Outlet,
12 October 2023", "X | Outlet")."""

from __future__ import annotations

import re

from briefs.readers.filemeta import ORGANISATION as _ORGANISATION
from briefs.readers.filemeta import PERSON as _PERSON
from briefs.readers.printed_dates import parse_date

BY = re.compile(r"^by\s+(?P<who>.+)$", re.I)
_BYLINE_SPLIT = re.compile(r"\s*(?:;|\band\b|&|,)\s*")


_NOT_NAME = frozenset(
    "document no page date posted table contents section report figure chapter volume vol "
    "annex summary total number issue updated published appendix source sources notes "
    "name names rank type loan amount description code category item value id".split()
)


def people(text: str) -> str | None:
    """Normalised names from a byline ("JEFFREY GETTLEMAN", "A; B", "A and B"), or None."""
    text = re.sub(r"\s*[*†‡§¹²³]+$", "", text.strip())
    names: list[str] = []
    for part in _BYLINE_SPLIT.split(text):
        part = part.strip()
        if not part:
            continue
        if part.isupper() and len(part) > 3:
            part = part.title()
        if _NOT_NAME.intersection(part.casefold().replace(".", " ").split()):
            return None  # "Document No.", "Date Posted": a form's labels, not a name
        if _ORGANISATION.search(part):
            part = re.split(r"\s\d", part)[0]  # "X School District 1309 S. Mary Avenue"
        if _PERSON.match(part) or (_ORGANISATION.search(part) and len(part) <= 80):
            if part not in names:
                names.append(part)
        else:
            return None
    return ", ".join(names) if names else None


# A street number or a postal code: an address line, not a name and an outlet.
_ADDRESS_NUMBER = re.compile(r"\b\d{3,}\b|\b[A-Z]{2} \d{5}\b")


def byline(line: str) -> tuple[str | None, str | None, str | None]:
    """(author, outlet, date) of a byline: "By X", "By X and Y", "X, Outlet, 12 October 2023",
    "X | Outlet". A line without "By" needs an outlet beside the name; "Outlet, 4 March 2024"
    gives the outlet and the date."""
    m = BY.match(line)
    pieces = [p for p in re.split(r"\s*[|,]\s*", m.group("who") if m else line) if p]
    date = None
    for k in (1, 2):  # "12 October, 2023" is two pieces
        if len(pieces) > k - (1 if m else 0) and (d := parse_date(", ".join(pieces[-k:]))):
            date, pieces = d, pieces[:-k]
            break
    if not pieces:
        return None, None, None
    if m:
        every = people(" and ".join(pieces))
        if every:
            return every, None, date
        author = people(pieces[0])
        outlet = ", ".join(pieces[1:]) or None
        return (author, outlet, date) if author else (None, None, None)
    if ":" in line or not all(p[:1].isupper() or p[:1].isdigit() for p in pieces):
        return None, None, None  # "Timor-Leste: The Government of X, at present, …" is a title
    if any(_ADDRESS_NUMBER.search(p) for p in pieces):
        return None, None, None  # "… 1309 S. Mary Avenue, Sunnyvale, CA 94087": an address
    if len(pieces) >= 2 and (author := people(pieces[0])) and len(pieces[1]) <= 60:
        return author, ", ".join(pieces[1:]), date
    if len(pieces) == 1 and date and len(pieces[0]) <= 60 and pieces[0][:1].isupper():
        return None, pieces[0], date  # "Kuala Lumpur Observer, 4 March 2024"
    return None, None, None
