"""Build briefs/fonts/NotoSansMekong-*.ttf: Noto Sans merged with Noto Sans Myanmar, Khmer,
Thai and Lao, so that one font draws every script the Mekong corpus holds.

reportlab's HarfBuzz shaping breaks when the font changes inside a word ("(ရန်ကုန်)": the
brackets come from one font, the letters from another) and the script fonts lack brackets and
digits; a merged font needs no switch at all. The Latin 'liga' ligatures (fi, fl) are dropped,
so that a reader's copy or search of the PDF finds "fi", not U+FB01.
Usage, with Debian's fonts-noto-core unpacked:

    python tools/make_fonts.py /usr/share/fonts/truetype/noto briefs/fonts
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger, Options

SCRIPTS = ("Myanmar", "Khmer", "Thai", "Lao")
STYLES = {  # merged style: (Latin face, script face)
    "Regular": ("Regular", "Regular"),
    "Bold": ("Bold", "Bold"),
    "Italic": ("Italic", "Regular"),  # the script fonts have no italics
    "BoldItalic": ("BoldItalic", "Bold"),
}


def build(src: Path, dest: Path) -> None:
    for style, (latin, script) in STYLES.items():
        parts = [src / f"NotoSans-{latin}.ttf"]
        parts += [src / f"NotoSans{name}-{script}.ttf" for name in SCRIPTS]
        font = Merger(options=Options(drop_tables=["vmtx", "vhea", "MATH"])).merge(
            [str(p) for p in parts]
        )
        # Keep every glyph and feature but the standard ligatures.
        tags = {
            record.FeatureTag
            for table in ("GSUB", "GPOS")
            if table in font
            for record in font[table].table.FeatureList.FeatureRecord
        }
        options = subset.Options()
        options.parse_opts(
            [
                "notdef-outline",
                "name-IDs=*",
                "name-languages=*",
                "glyph-names",
                "layout-scripts=*",
                "no-prune-unicode-ranges",
                "legacy-kern",
            ]
        )
        options.layout_features = sorted(tags - {"liga", "dlig"})
        subsetter = subset.Subsetter(options)
        subsetter.populate(glyphs=font.getGlyphOrder())
        subsetter.subset(font)
        names = font["name"]
        for record in names.names:
            text = record.toUnicode()
            if record.nameID in (1, 3, 4, 6, 16):
                record.string = text.replace("Noto Sans", "Noto Sans Mekong").replace(
                    "NotoSans", "NotoSansMekong"
                )
        out = dest / f"NotoSansMekong-{style}.ttf"
        font.save(str(out))
        print(out, out.stat().st_size)


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
