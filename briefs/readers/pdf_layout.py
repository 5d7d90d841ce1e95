"""A PDF's pages as pdfminer.six lays them out: each page's text boxes in reading order, with
where they stand on the page, the body's type size, the largest text on page one and the
masthead of a periodical.

Boxes are read line by line: a glyph drawn twice at one place is read once, a box whose type
size changes is split there (a label set bold beside its answer), stamps drawn over a page
and notes set small at its foot are left out.
"""

from __future__ import annotations

import itertools
import re
import weakref
from collections import Counter
from pathlib import Path

from briefs.readers.clean import collapse


def _line_size(line) -> float | None:  # noqa: ANN001 (a pdfminer LTTextLine)
    """The type size most of a line's glyphs are set in, to a tenth of a point."""
    from pdfminer.layout import LTChar

    sizes = [c.size for c in line if isinstance(c, LTChar) and c.get_text().strip()]
    return round(max(set(sizes), key=sizes.count), 1) if sizes else None


def _largest_text(boxes: list) -> str | None:
    """The text set in the largest type on a page (a cover's or first page's title), when it
    stands out from the body type; consecutive lines in that size are one title."""
    from pdfminer.layout import LTTextLine

    sized: list[tuple[float, str]] = []
    for box in boxes:
        for line in box:
            if not isinstance(line, LTTextLine):
                continue
            size = _line_size(line)
            text = collapse(_line_text(line, 0.0))
            if size is not None and text:
                sized.append((size, text))
    if len(sized) < 2:
        return None
    body = sorted(size for size, _ in sized)[len(sized) // 2]
    top = max(size for size, _ in sized)
    if top < body * 1.15:
        return None
    parts: list[str] = []
    for size, text in sized:
        if size == top:
            parts.append(text)
        elif parts:
            break
    title = collapse(" ".join(parts))
    return title if 4 <= len(title) <= 250 and any(c.isalpha() for c in title) else None


_VOLUME = re.compile(
    r"^Vol(?:ume)?\.?\s*\d+\s*[,;/]?\s*(?:No|Number|Issue|Iss)\.?\s*\d+", re.IGNORECASE
)


def _periodical(boxes: list) -> str | None:
    """The periodical a first page's masthead names: the line before its "Vol. 85, No. 152"
    ("Federal Register", "Journal of Southeast Asian Studies"), when it reads as a name."""
    from pdfminer.layout import LTTextLine

    lines = [
        collapse(line.get_text())
        for box in boxes
        for line in box
        if isinstance(line, LTTextLine) and line.get_text().strip()
    ][:20]
    for i, line in enumerate(lines):
        if _VOLUME.match(line):
            for before in reversed(lines[max(0, i - 2) : i]):
                if 3 <= len(before) <= 80 and not re.search(r"\d", before):
                    return before.strip(" .,/|")
    return None


def _stable_layout() -> None:
    """Make pdfminer's grouping of text boxes the same on every run.

    pdfminer merges the closest boxes first and breaks ties between equal distances by
    ``id()`` of the boxes, a memory address that differs from run to run; on a page of
    scattered glyphs (a rotated table, a scanned form's text layer) the same PDF then reads in
    a different order, and the same corpus would not give the same brief. Within its layout
    module only, ``id`` becomes a number given to each object in the order first asked, which
    follows the page's own order; a weak map lets freed boxes go, so no number is reused.
    """
    import pdfminer.layout

    if getattr(pdfminer.layout, "id", None) is not None:
        return
    numbers: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
    counter = itertools.count()

    def stable_id(obj: object) -> int:
        try:
            return numbers.setdefault(obj, next(counter))
        except TypeError:  # an object that cannot be weakly referenced: its address
            return id(obj)

    pdfminer.layout.id = stable_id


def layout_pages(
    path: Path,
) -> tuple[list[list[tuple[str, float, float]]], dict, str | None, str | None]:
    """Per page: (box text, top, bottom; 0 is the top of the page, 1 its foot) in reading
    order; the info dictionary; the largest text on page one; and the periodical its
    masthead names."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    _stable_layout()
    with path.open("rb") as fh:
        doc = PDFDocument(PDFParser(fh))
        # Values can be indirect objects (a title kept elsewhere in the file): resolve them
        # while the file is open.
        info = {k: resolve1(v) for k, v in (doc.info[0] if doc.info else {}).items()}
    laid: list[tuple[list, float]] = []
    # all_texts: text inside form XObjects (a pdfTeX title page, a stamped cover) is laid out
    # and read like the rest, instead of being left inside a figure.
    for layout in extract_pages(str(path), laparams=LAParams(boxes_flow=0.5, all_texts=True)):
        boxes = [el for el in _text_boxes(layout) if el.get_text().strip()]
        laid.append(([b for b in boxes if not _stamp(b)], layout.height or 1))
    # The body's type size is the document's, not a page's: a page can hold more notes than text.
    sizes = Counter(size for boxes, _ in laid for b in boxes for size in _sizes(b))
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    largest = _largest_text(laid[0][0]) if laid else None
    periodical = _periodical(laid[0][0]) if laid else None
    pages = []
    for boxes, height in laid:
        notes = _footnote_boxes(boxes, body, height)
        kept = [b for b in boxes if id(b) not in notes]
        pages.append(
            [
                (text, 1 - top / height, 1 - bottom / height)
                for text, top, bottom in _rows(kept, body)
            ]
        )
    return pages, info, largest, periodical


def _stamp(box) -> bool:  # noqa: ANN001
    """A margin stamp set vertically, which pdfminer reads one letter a line."""
    lines = [ln for ln in box.get_text().split("\n") if ln.strip()]
    return len(lines) >= 4 and sum(len(ln.strip()) <= 2 for ln in lines) >= 0.8 * len(lines)


def _text_boxes(layout) -> list:  # noqa: ANN001 (a pdfminer LTPage)
    """The text boxes of a page, those inside figures (form XObjects) included."""
    from pdfminer.layout import LTFigure, LTTextBox

    out = []
    for el in layout:
        if isinstance(el, LTTextBox):
            out.append(el)
        elif isinstance(el, LTFigure):
            out += _text_boxes(el)
    return out


def _sizes(box) -> list[float]:  # noqa: ANN001
    from pdfminer.layout import LTChar, LTTextLine

    return [
        round(c.size, 1)
        for line in box
        if isinstance(line, LTTextLine)
        for c in line
        if isinstance(c, LTChar) and c.get_text().strip()
    ]


_NOTE_START = re.compile(r"^\s*(?:\d{1,3}|[*†‡§])\s*\S")


def _median_size(box) -> float:  # noqa: ANN001
    sizes = sorted(_sizes(box))
    return sizes[len(sizes) // 2] if sizes else 0.0


def _footnote_boxes(boxes: list, body: float, height: float) -> set[int]:
    """The page's footnote blocks: smaller type than the body, in the lower half, from a box
    that opens with a note marker ("1 Preliminary report …") down its column."""
    if not body:
        return set()
    # Position first: it is free, and the type size means visiting every character.
    small = [b for b in boxes if 1 - b.y1 / height > 0.45 and _median_size(b) <= body * 0.9]
    starts = [b for b in small if _NOTE_START.match(b.get_text())]
    notes: set[int] = set()
    for b in small:
        for m in starts:
            same_column = b.x0 < m.x1 and m.x0 < b.x1
            if same_column and b.y1 <= m.y1 + 1:
                notes.add(id(b))
                break
    return notes


# What pdfminer gives for a glyph it cannot map to a character, "(cid:153)", and symbol-font
# bullets in the private-use area: no reader sees either as text.
_UNMAPPED = re.compile("\\(cid:\\d+\\)|[\ue000-\uf8ff]")


def _glyphs(text: str) -> str:
    return _UNMAPPED.sub("", text)


def _line_text(line, body: float) -> str:  # noqa: ANN001
    """A line's text without superscript note markers (digits set well below the body size:
    "disagree alert,5 and" -> "disagree alert, and") and with each glyph drawn twice at one
    place read once: a bold made by overprinting, or a shadow, reads "DDaattaa SShheeeett"
    otherwise (pdfplumber's dedupe_chars does the same, within one point)."""
    from pdfminer.layout import LTChar

    out = []
    prev = None
    for c in line:
        t = c.get_text()
        if isinstance(c, LTChar):
            if body and (t.isdigit() or t in "*†‡") and c.size < body * 0.75:
                continue
            if (
                prev is not None
                and t == prev.get_text()
                and abs(c.x0 - prev.x0) < 1
                and abs(c.y0 - prev.y0) < 1
            ):
                continue
            prev = c
        out.append(t)
    return _glyphs("".join(out))


def _box_text(box, body: float) -> str:  # noqa: ANN001
    """A box's lines, a blank line where the type changes size by more than a sixth: pdfminer
    puts a title, its byline and its authors' affiliation in one box when they are set close
    together ("Coronary Heart Disease … 2006" / "Nora L. Keenan, PhD" / "National Center …"),
    and a reader sees three things there, not one paragraph."""
    from pdfminer.layout import LTTextLine

    out: list[str] = []
    before = 0.0
    for line in box:
        if not isinstance(line, LTTextLine):
            continue
        size = _line_size(line)
        size = before if size is None else size
        if out and before and size and abs(size - before) > max(size, before) / 6:
            out.append("\n")
        out.append(_line_text(line, body))
        before = size
    return "".join(out)


def _rows(boxes: list, body: float = 0.0) -> list[tuple[str, float, float]]:
    """Boxes in reading order, with one-line boxes that share a baseline joined as a table row.

    pdfminer reads a table cell by cell, often column by column; cells side by side on one line
    belong together ("Oddar Meanchey | 1,200 | 31 March 2025").
    """
    single = [b for b in boxes if b.get_text().strip().count("\n") == 0]
    lines: dict[int, list] = {}
    for b in single:
        key = next((k for k in lines if abs(k - b.y1) <= 2.5), round(b.y1))
        lines.setdefault(key, []).append(b)
    row_of = {id(b): key for key, members in lines.items() if len(members) > 1 for b in members}
    out: list[tuple[str, float]] = []
    done: set[int] = set()
    for b in boxes:
        key = row_of.get(id(b))
        if key is None:
            out.append((_box_text(b, body), b.y1, b.y0))
        elif key not in done:
            done.add(key)
            cells = sorted(lines[key], key=lambda c: c.x0)
            out.append((" | ".join(collapse(_box_text(c, body)) for c in cells), b.y1, b.y0))
    return out
