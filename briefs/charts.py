"""Pictures a reader takes in faster than a paragraph: key-figure tiles, a timeline strip and a
coverage chart (and trend marks in the digest, which are text).

Each picture is one reportlab Drawing built from the brief's data: the PDF draws it as vectors,
HTML inlines it as SVG, and DOCX gets a PNG of the same drawing from a small Pillow renderer
(reportlab's own bitmap backend needs a Cairo build this package cannot ship). Colours and the
font come from the PDF style, so a house style restyles the pictures too.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors

from briefs.citations import human_date
from briefs.compose.tiles import tile_label
from briefs.extract.figures import CURRENCY
from briefs.model import Brief

WIDTH = 480.0  # points: the text width of an A4 page with 2 cm margins, a little less
NAMES = ("tiles", "timeline", "coverage", "countries")


@dataclass(frozen=True)
class Picture:
    name: str
    drawing: Drawing
    alt: str


def build(
    name: str, brief: Brief, font: str, palette: dict[str, str], markers: dict[str, str]
) -> Picture | None:
    """The picture ``name`` for ``brief``, or None when the brief has nothing to draw."""
    maker = {
        "tiles": _tiles,
        "timeline": _timeline,
        "coverage": _coverage,
        "countries": _countries,
    }.get(name)
    return maker(brief, font, palette, markers) if maker else None


# "26 000": European reports group thousands with a space.
_DIGITS = r"\d[\d,.]*(?:[ \u00a0\u202f]\d{3}(?![\d]))*"
_SHORT_SCALE = {"thousand": "k", "million": "m", "billion": "bn", "trillion": "tn"}


def _number(text: str) -> str:
    """The figure's number as a tile shows it, its scale written short as a financial page
    does ("$11.5 billion deal" -> "$11.5bn", "20-30 million trees" -> "20–30m")."""
    m = re.search(
        rf"(?:{CURRENCY})?\s?{_DIGITS}"
        # a range keeps both ends: "20-30 million trees" -> "20–30m"
        rf"(?:\s?(?:-|–|to)\s?(?:{CURRENCY})?{_DIGITS})?"
        r"(?:\s?(?:thousand|million|billion|trillion|%|per ?cent))?",
        text,
    )
    if not m:
        return text
    value = re.sub(r"\s?(?:-|–|to)\s?(?=\S*\d)", "–", m.group(0).strip(), count=1)
    return re.sub(
        r"\s?(thousand|million|billion|trillion)$", lambda s: _SHORT_SCALE[s.group(1)], value
    )


def _tile_figures(brief: Brief, n: int = 4) -> list:
    """The headline figures composition chose (``compose.tiles``); a picture draws, it does
    not decide."""
    return [brief.figures[i] for i in brief.tiles[:n]]  # chosen by composition


def _tiles(brief: Brief, font: str, palette: dict[str, str], markers: dict[str, str]):
    figures = _tile_figures(brief)
    if not figures:
        return None
    gap = 8.0
    # One or two tiles keep a tile's proportions rather than fill the line.
    w = (WIDTH - gap * (max(len(figures), 3) - 1)) / max(len(figures), 3)
    h = 70.0
    d = Drawing(WIDTH, h)
    accent = colors.HexColor(palette["accent"])
    for i, f in enumerate(figures):
        x = i * (w + gap)
        d.add(
            Rect(x, 0, w, h, fillColor=colors.HexColor(palette["table_header"]), strokeColor=None)
        )
        d.add(Rect(x, h - 4, w, 4, fillColor=accent, strokeColor=None))
        value = re.sub(r"\s?per ?cent", "%", _number(f.text))  # the tile's large number
        size = _size_to_fit(value, font, 20, 13, w - 14)
        d.add(
            String(
                x + 8,
                h - 32,
                _fit(value, font, size, w - 14),
                fontName=font,
                fontSize=size,
                fillColor=accent,
            )
        )
        label = _fit(tile_label(f), font, 8.5, w - 14)
        d.add(
            String(
                x + 8,
                h - 48,
                label,
                fontName=font,
                fontSize=8.5,
                fillColor=colors.HexColor("#222222"),
            )
        )
        foot = " ".join(
            x
            for x in (
                human_date(f.as_of) and f"as of {human_date(f.as_of)}",
                "".join(markers.get(s, s) for s in (f.source, *(c.source for c in f.also))),
            )
            if x
        )
        d.add(
            String(
                x + 8,
                8,
                foot,
                fontName=font,
                fontSize=7,
                fillColor=colors.HexColor(palette["muted"]),
            )
        )
    alt = "Key figures: " + "; ".join(
        f"{f.text} ({markers.get(f.source, f.source)})" for f in figures
    )
    return Picture("tiles", d, alt)


def _size_to_fit(text: str, font: str, largest: float, smallest: float, width: float) -> float:
    """The largest type size from ``largest`` down to ``smallest`` at which ``text`` fits."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = largest
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 1
    return size


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _ordinal(date: str) -> float:
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return parts[0] + (parts[1] - 1) / 12 + (parts[2] - 1) / 365


def _timeline(brief: Brief, font: str, palette: dict[str, str], markers: dict[str, str]):
    events = brief.timeline
    if len(events) < 2:
        return None
    xs = [_ordinal(e.date) for e in events]
    lo, hi = min(xs), max(xs)
    span = (hi - lo) or 1.0
    h = 60.0
    left, right = 12.0, WIDTH - 12.0
    d = Drawing(WIDTH, h)
    accent = colors.HexColor(palette["accent"])
    muted = colors.HexColor(palette["muted"])
    axis_y = 24.0
    d.add(Line(left, axis_y, right, axis_y, strokeColor=muted, strokeWidth=0.8))
    # Label every year while labels keep 30 points apart; otherwise every second, fifth…
    years = int(hi) - int(lo) + 1
    step = next(s for s in (1, 2, 5, 10, 20, 50) if years / s * 30 <= right - left or s == 50)
    for year in range(int(lo), int(hi) + 1):
        if (lo <= year <= hi or int(lo) == int(hi)) and year % step == 0:
            x = left + (max(year, lo) - lo) / span * (right - left)
            d.add(Line(x, axis_y - 3, x, axis_y + 3, strokeColor=muted, strokeWidth=0.6))
            d.add(
                String(
                    x,
                    axis_y - 14,
                    str(year),
                    fontName=font,
                    fontSize=7,
                    fillColor=muted,
                    textAnchor="middle",
                )
            )
    last_x, level = -100.0, 0
    for n, v in enumerate(xs, 1):
        x = left + (v - lo) / span * (right - left)
        level = level + 1 if x - last_x < 14 else 0  # stack close markers upwards
        last_x = x
        y = axis_y + 10 + 12 * (level % 3)
        d.add(Line(x, axis_y, x, y - 5, strokeColor=muted, strokeWidth=0.4))
        d.add(Circle(x, y, 5, fillColor=accent, strokeColor=None))
        d.add(
            String(
                x,
                y - 2.5,
                str(n),
                fontName=font,
                fontSize=6.5,
                fillColor=colors.white,
                textAnchor="middle",
            )
        )
    alt = "Timeline: " + "; ".join(
        f"{n}. {human_date(e.date)} ({markers.get(e.source, e.source)})"
        for n, e in enumerate(events, 1)
    )
    return Picture("timeline", d, alt)


def _coverage(brief: Brief, font: str, palette: dict[str, str], markers: dict[str, str]):
    dates = {s.id: s.date for s in brief.sources if s.date}
    if not dates:
        return None
    cited = Counter(c.source for sec in brief.sections for s in sec.sentences for c in s.cites)
    months = {d[:7] if len(d) >= 7 else d[:4] for d in dates.values()}
    by_year = len(months) > 14
    key = (lambda d: d[:4]) if by_year else (lambda d: d[:7] if len(d) >= 7 else d[:4])
    buckets = sorted({key(d) for d in dates.values()})
    sources = Counter(key(d) for d in dates.values())
    passages: Counter[str] = Counter()
    for sid, n in cited.items():
        if sid in dates:
            passages[key(dates[sid])] += n
    unit = "year" if by_year else "month"
    alt = f"Coverage by {unit}: " + "; ".join(
        f"{b}: {sources[b]} source(s), {passages[b]} cited sentence(s)" for b in buckets
    )
    return Picture("coverage", _bars(buckets, sources, passages, font, palette), alt)


def _countries(brief: Brief, font: str, palette: dict[str, str], markers: dict[str, str]):
    """Sources and cited sentences per country of a digest (its sections): where material is
    thin."""
    sections = [s for s in brief.sections if s.sentences]
    if not sections:
        return None
    buckets = [s.title for s in sections]
    sources = Counter(
        {s.title: len({c.source for x in s.sentences for c in x.cites}) for s in sections}
    )
    passages = Counter({s.title: len(s.sentences) for s in sections})
    alt = "Material per country: " + "; ".join(
        f"{b}: {sources[b]} source(s), {passages[b]} cited sentence(s)" for b in buckets
    )
    return Picture("countries", _bars(buckets, sources, passages, font, palette), alt)


def _bars(
    buckets: list[str], sources: Counter, passages: Counter, font: str, palette: dict[str, str]
) -> Drawing:
    h = 90.0
    d = Drawing(WIDTH, h)
    top = max(max(passages.values(), default=0), max(sources.values(), default=0), 1)
    slot = (WIDTH - 20) / len(buckets)
    bar = min(14.0, slot / 2.5)
    base = 18.0
    accent = colors.HexColor(palette["accent"])
    light = colors.HexColor(palette["rule"])
    muted = colors.HexColor(palette["muted"])
    for i, b in enumerate(buckets):
        x = 10 + i * slot + slot / 2
        for j, (count, colour) in enumerate(((sources[b], accent), (passages[b], light))):
            bh = (h - base - 22) * count / top
            d.add(Rect(x - bar + j * bar, base, bar - 1, bh, fillColor=colour, strokeColor=None))
            d.add(
                String(
                    x - bar / 2 + j * bar,
                    base + bh + 2,
                    str(count),
                    fontName=font,
                    fontSize=6.5,
                    fillColor=muted,
                    textAnchor="middle",
                )
            )
        d.add(
            String(
                x,
                base - 11,
                _fit(b, font, 6.5, slot - 2),
                fontName=font,
                fontSize=6.5,
                fillColor=muted,
                textAnchor="middle",
            )
        )
    d.add(Rect(10, h - 10, 8, 6, fillColor=accent, strokeColor=None))
    d.add(String(21, h - 10, "sources", fontName=font, fontSize=7, fillColor=muted))
    d.add(Rect(70, h - 10, 8, 6, fillColor=light, strokeColor=None))
    d.add(String(81, h - 10, "cited sentences", fontName=font, fontSize=7, fillColor=muted))
    return d


def png(picture: Picture, font_path: str, scale: float = 2.5) -> bytes:
    """The drawing as PNG, drawn with Pillow: the DOCX copy of the vector picture."""
    from PIL import Image, ImageDraw, ImageFont

    d = picture.drawing
    w, h = int(d.width * scale), int(d.height * scale)
    img = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(img)
    fonts: dict[float, ImageFont.FreeTypeFont] = {}

    def rgb(c) -> tuple[int, int, int] | None:
        if c is None:
            return None
        return tuple(int(round(v * 255)) for v in (c.red, c.green, c.blue))

    def y(v: float) -> float:
        return h - v * scale

    for shape in d.contents:
        if isinstance(shape, Rect):
            x0, y0 = shape.x * scale, y(shape.y + shape.height)
            draw.rectangle(
                [x0, y0, x0 + shape.width * scale, y(shape.y)],
                fill=rgb(shape.fillColor),
                outline=rgb(shape.strokeColor),
            )
        elif isinstance(shape, Line):
            draw.line(
                [shape.x1 * scale, y(shape.y1), shape.x2 * scale, y(shape.y2)],
                fill=rgb(shape.strokeColor),
                width=max(1, int(shape.strokeWidth * scale)),
            )
        elif isinstance(shape, Circle):
            r = shape.r * scale
            cx, cy = shape.cx * scale, y(shape.cy)
            draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=rgb(shape.fillColor))
        elif isinstance(shape, String):
            size = shape.fontSize * scale
            if size not in fonts:
                fonts[size] = ImageFont.truetype(font_path, size=int(size))
            f = fonts[size]
            width = draw.textlength(shape.text, font=f)
            x = shape.x * scale - {"middle": width / 2, "end": width}.get(shape.textAnchor, 0)
            draw.text((x, y(shape.y) - size * 0.8), shape.text, font=f, fill=rgb(shape.fillColor))
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=False)
    return out.getvalue()


def svg(picture: Picture) -> str:
    """The drawing as inline SVG (no XML declaration), with its alt text as a title."""
    from reportlab.graphics import renderSVG

    text = renderSVG.drawToString(picture.drawing)
    text = re.sub(r"^<\?xml[^>]*>\s*(<!DOCTYPE[^>]*>\s*)?", "", text)
    text = text.replace("<title>...</title>", f"<title>{_attr(picture.alt)}</title>", 1)
    text = text.replace("<desc>...</desc>", "", 1)
    return text.replace("<svg ", f'<svg role="img" aria-label="{_attr(picture.alt)}" ', 1)


def _attr(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def for_block(
    name: str, brief: Brief, markers: dict[str, str], user_dir=None
) -> tuple[Picture | None, str]:
    """The picture a ``[[chart:NAME]]`` block asks for, in the house style; and the path of the
    font it is drawn in (for the PNG copy)."""
    from briefs.looks import fonts, load_style

    style = load_style(user_dir)
    picture = build(name, brief, fonts(style).names["regular"], style.data["colours"], markers)
    return picture, str(style.font_path("regular"))
