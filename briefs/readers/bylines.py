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


# A degree or title after a name ("Nora L. Keenan, PhD", "Kate M. Shaw, MS"): part of how a
# report signs its authors, never an outlet.
_DEGREE = re.compile(
    r",?\s*\b(?:Ph\.?\s?D|M\.?D|M\.?P\.?H|M\.?S(?:c|W|N)?|M\.?A|Dr\.?P\.?H|J\.?D|M\.?B\.?A|"
    r"R\.?N|D\.?D\.?S|D\.?V\.?M|B\.?Sc|F\.?R\.?C\.?P|Sc\.?D|Ed\.?D|PMP)\b\.?(?=\s|,|$)"
)


_STATES = frozenset({"MD", "MA", "MS"})


def signed(line: str) -> str | None:
    """The authors of a line that signs them with their degrees ("Nora L. Keenan, PhD Kate M.
    Shaw, MS" -> "Nora L. Keenan, Kate M. Shaw"), or None when the line is not that."""
    degrees = [m.group(0).strip(" ,.").replace(".", "") for m in _DEGREE.finditer(line)]
    # MD, MA and MS are also states ("Silver Spring, MD"): alone they sign nobody.
    if not degrees or all(d in _STATES for d in degrees):
        return None
    names = [n.strip(" ,") for n in _DEGREE.split(line)]
    names = [n for n in names if n]
    if not names or len(names) > 8:
        return None
    found = [people(n) for n in names]
    if not all(found) or any("," in (f or "") for f in found):
        return None  # each piece must be one person: "Director, USA.gov" is no signature
    return ", ".join(f for f in found if f)


# A street number or a postal code: an address line, not a name and an outlet.
_ADDRESS_NUMBER = re.compile(r"\b\d{3,}\b|\b[A-Z]{2} \d{5}\b")


def byline(line: str) -> tuple[str | None, str | None, str | None]:
    """(author, outlet, date) of a byline: "By X", "By X and Y", "X, Outlet, 12 October 2023",
    "X | Outlet". A line without "By" needs an outlet beside the name; "Outlet, 4 March 2024"
    gives the outlet and the date."""
    m = BY.match(line)
    named = m.group("who") if m else line
    if (who := signed(named)) is not None:
        return who, None, None
    pieces = [p for p in re.split(r"\s*[|,]\s*", named) if p]
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
