"""What python-docx has no API for, built on its oxml layer: hyperlinks, bookmarks, fields.

python-docx 1.x reads hyperlinks but cannot add them (issue #74), and has no bookmarks or
PAGE/NUMPAGES fields; the usual workaround is to build the elements with ``OxmlElement``.
"""

from __future__ import annotations

import weakref
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run


def add_hyperlink(
    paragraph: Paragraph,
    text: str,
    *,
    url: str | None = None,
    anchor: str | None = None,
    style: str | None = "Hyperlink",
) -> Run:
    """Append a run of ``text`` linked to ``url`` (external) or bookmark ``anchor`` (internal)."""
    link = OxmlElement("w:hyperlink")
    if url is not None:
        r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
        link.set(qn("r:id"), r_id)
    if anchor is not None:
        link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    r = OxmlElement("w:r")
    link.append(r)
    paragraph._p.append(link)
    run = Run(r, paragraph)
    run.text = text
    if style and (style_id := _character_style(paragraph.part, style)):
        r.style = style_id
    return run


# Run.style looks the name up among every style of the document on each call: a brief's few
# hundred links spent a fifth of the DOCX writer's time there.
_STYLE_IDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _character_style(part: Any, name: str) -> str | None:
    ids = _STYLE_IDS.setdefault(part, {})
    if name not in ids:
        try:
            ids[name] = part.get_style_id(name, WD_STYLE_TYPE.CHARACTER)
        except KeyError:  # a house reference.docx without the style: the run stays plain
            ids[name] = None
    return ids[name]


def add_bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    """Put an empty bookmark ``name`` at the start of ``paragraph`` (a link target).

    ``number`` must be unique in the document; the caller counts, so output is deterministic.
    """
    bid = str(number)
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), bid)
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), bid)
    paragraph._p.insert(0 if paragraph._p.pPr is None else 1, end)
    paragraph._p.insert(0 if paragraph._p.pPr is None else 1, start)


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """Append a simple field (``PAGE``, ``NUMPAGES``) showing ``placeholder`` until updated."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instruction)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = placeholder
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def _fld_char(kind: str):
    r = OxmlElement("w:r")
    fld = OxmlElement("w:fldChar")
    fld.set(qn("w:fldCharType"), kind)
    r.append(fld)
    return r


def add_toc(document, entries: list[tuple[str, str]], title: str = "Contents") -> None:
    """A table-of-contents field whose entries are written now, linked to ``(text, bookmark)``.

    LibreOffice does not fill an empty TOC field when converting, and Word only on request, so
    the entries go inside the field's result: they show at once, and an update in Word adds
    page numbers.
    """
    heading = document.add_paragraph(title, style=_style(document, "TOC Heading", "Heading 2"))
    heading.paragraph_format.keep_with_next = True
    style = _style(document, "toc 1", "Body Text")
    for i, (text, bookmark) in enumerate(entries):
        p = document.add_paragraph(style=style)
        if i == 0:
            p._p.append(_fld_char("begin"))
            r = OxmlElement("w:r")
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = ' TOC \\o "1-3" \\h \\z \\u '
            r.append(instr)
            p._p.append(r)
            p._p.append(_fld_char("separate"))
        add_hyperlink(p, text, anchor=bookmark)
        if i == len(entries) - 1:
            p._p.append(_fld_char("end"))


def _style(document, name: str, fallback: str) -> str:
    names = {s.name for s in document.styles}
    return name if name in names else fallback
