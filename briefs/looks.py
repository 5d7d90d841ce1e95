"""Looks: the PDF style (fonts, colours, sizes, margins) and the registered fonts, resolved from
the templates folder once per run and shared by the PDF writer and the pictures.

Its own module so that charts and the PDF writer both import it instead of each other.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefs.errors import RenderError
from briefs.resources import fonts_dir, templates_dir


@dataclass(frozen=True, eq=False)  # one object per folder and version: hashed by identity
class Style:
    data: dict
    folder: Path

    def font_path(self, key: str) -> Path:
        name = self.data["fonts"][key]
        path = Path(name)
        if path.parent == Path("."):
            local = self.folder / name
            return local if local.is_file() else fonts_dir() / name
        return path if path.is_absolute() else self.folder / path

    def colour(self, key: str) -> colors.Color:
        return colors.HexColor(self.data["colours"][key])

    def size(self, key: str) -> float:
        return float(self.data["sizes"][key])


def load_style(user_dir: Path | None) -> Style:
    """The PDF style: the user's ``pdf-style.toml`` over the built-in one, key by key. Read
    once per folder and file version (every writer and picture of a run asks for it)."""
    path = user_dir / "pdf-style.toml" if user_dir else None
    stamp = path.stat().st_mtime_ns if path and path.is_file() else 0
    return _load_style(user_dir, stamp)


@functools.lru_cache(maxsize=16)
def _load_style(user_dir: Path | None, _stamp: int) -> Style:
    base = templates_dir() / "pdf-style.toml"
    data = tomllib.loads(base.read_text("utf-8"))
    folder = templates_dir()
    if user_dir and (user_dir / "pdf-style.toml").is_file():
        try:
            user = tomllib.loads((user_dir / "pdf-style.toml").read_text("utf-8"))
        except tomllib.TOMLDecodeError as e:
            raise RenderError(f"{user_dir / 'pdf-style.toml'}: {e}") from e
        for table, values in user.items():
            data.setdefault(table, {}).update(values)
        folder = user_dir
    return Style(data, folder)


@functools.lru_cache(maxsize=16)
def fonts(style: Style) -> Fonts:
    """The fonts of ``style``, registered once per process."""
    return Fonts(style)


class Fonts:
    """The registered font family and its character maps, for the glyph check."""

    FACES = ("regular", "bold", "italic", "bold_italic")

    def __init__(self, style: Style) -> None:
        self.cmaps: dict[str, set[int]] = {}
        self.names: dict[str, str] = {}
        for key in self.FACES:
            path = style.font_path(key)
            name = f"briefs-{key}-{path.stem}"
            if name not in pdfmetrics.getRegisteredFontNames():
                try:
                    pdfmetrics.registerFont(TTFont(name, str(path)))
                except Exception as e:  # reportlab raises bare TTFError/IOError variants
                    raise RenderError(f"cannot load font {str(path)!r}: {e}") from e
            self.names[key] = name
            self.cmaps[key] = set(pdfmetrics.getFont(name).face.charToGlyph)
        pdfmetrics.registerFontFamily(
            self.names["regular"],
            normal=self.names["regular"],
            bold=self.names["bold"],
            italic=self.names["italic"],
            boldItalic=self.names["bold_italic"],
        )

    def missing(self, text: str, face: str = "regular") -> set[str]:
        """Characters of ``text`` that ``face`` cannot draw (they would show as boxes)."""
        cmap = self.cmaps[face]
        return {
            ch for ch in set(text) if not ch.isspace() and ord(ch) >= 32 and ord(ch) not in cmap
        }
