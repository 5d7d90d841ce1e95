"""File metadata as evidence: whether a PDF's Info or a DOCX's core properties read like a
title and a person or organisation (``a769.PDF``, ``Document1`` and login names do not).

Also the shapes of names the head reader shares: a person's name, an organisation's."""

from __future__ import annotations

import re

NAME_WORD = r"(?:[A-Z][a-zà-ÿ'’.-]+|[A-Z]\.|[A-Z]{2,}|(?:de|van|der|von|bin|binti|al|da|dos|le))"
PERSON = re.compile(rf"^{NAME_WORD}(?:\s+{NAME_WORD}){{1,4}}$")
ORGANISATION = re.compile(
    r"\b(?:Office|Nations|Ministry|Department|Agency|Bank|Council|Committee|Commission|Centre|"
    r"Center|Institute|Foundation|Programme|Program|Organi[sz]ation|Service|Group|Secretariat|"
    r"Fund|Association|Network|Watch|International|Union|Forum|University|Coordination|"
    r"Humanitarian|Cluster|Mission|Government|Parliament|Congress|Press|News|Times|Post|Reuters|"
    r"Associated|Agence|Monitor|Review|Journal|Herald|Observer|Tribune)\b"
)


_FILE_NAME = re.compile(r"\.(?:pdf|docx?|indd|ps|pptx?|xlsx?|rtf|txt|html?|odt|tex|qxd)\b", re.I)
_TOOL_TITLE = re.compile(
    r"^(?:Microsoft (?:Word|PowerPoint|Excel)\s*-|untitled|document\d*$|title$|slide \d+|"
    r"x{3,}$|print$|layout \d)|- Google Docs$|^\W*$",
    re.I,
)


def plausible_title(value: str | None) -> bool:
    """Whether file metadata's title reads like a title, not a file or tool name."""
    if not value:
        return False
    value = value.strip()
    if _FILE_NAME.search(value) or _TOOL_TITLE.search(value):
        return False
    if "_" in value and " " not in value:
        return False  # "Profiling_Printer_cover2"
    return len(value) >= 6 and sum(c.isalpha() for c in value) >= 4


def plausible_author(value: str | None) -> bool:
    """Whether file metadata's author reads like a person or an organisation, not a login."""
    if not value:
        return False
    value = value.strip()
    if ORGANISATION.search(value) and len(value) <= 100:
        return True
    return bool(PERSON.match(value)) and value.lower() not in {"microsoft office user"}
