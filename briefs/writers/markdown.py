"""Markdown from the document tree, for e-mail and notes: citations link to the references."""

from __future__ import annotations

import base64
import re
from pathlib import Path

from briefs import charts
from briefs.document import Block, Run
from briefs.model import Brief
from briefs.writers import atomic_write

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _inline(runs: list[Run]) -> str:
    out = []
    for r in runs:
        if r.anchor:
            out.append(f'<a id="ref-{r.anchor}"></a>')
            continue
        if r.cite:
            marker = _SPECIAL.sub(r"\\\1", r.text)
            out.append(f"[{marker}](#ref-{r.cite})")
            continue
        text = _SPECIAL.sub(r"\\\1", r.text)
        if r.href:
            text = f"[{text}]({r.href})"
        if r.bold and text.strip():
            text = f"**{text}**"
        if r.italic and text.strip():
            text = f"*{text}*"
        out.append(text)
    return "".join(out).replace("\n", "  \n")


def render(
    blocks: list[Block],
    brief: Brief | None = None,
    user_dir: Path | None = None,
    media: dict[str, str] | None = None,
    stem: str = "brief",
) -> str:
    """Markdown for ``blocks``. Pictures are drawn when ``brief`` is given: with ``media``,
    each goes in as ``<stem>-<name>-chart.svg`` (its SVG put in ``media`` under that name, for
    the caller to write beside the .md, as pandoc's --extract-media does), since GitHub, most
    viewers and mail clients drop data URIs; without, inline as a data URI."""
    parts = []
    for b in blocks:
        if b.kind == "chart":
            if brief is not None:
                picture, _font = charts.for_block(b.anchor or "", brief, b.markers, user_dir)
                if picture:
                    alt = _SPECIAL.sub(r"\\\1", picture.alt)
                    if media is None:
                        data = base64.b64encode(charts.svg(picture).encode()).decode()
                        parts.append(f"![{alt}](data:image/svg+xml;base64,{data})")
                    else:
                        name = f"{stem}-{b.anchor or picture.name}-chart.svg"
                        media[name] = charts.svg(picture)
                        parts.append(f"![{alt}]({name})")
            continue
        if b.kind == "heading":
            anchor = f'<a id="{b.anchor}"></a>\n' if b.anchor else ""
            parts.append(anchor + "#" * b.level + " " + _inline(b.runs))
        elif b.kind == "toc":
            parts.append("**Contents**\n\n" + "\n".join(f"- {_inline(i)}" for i in b.items))
        elif b.kind == "paragraph":
            parts.append(_inline(b.runs))
        elif b.kind in ("bullets", "numbered"):
            mark = (lambda i: "-") if b.kind == "bullets" else (lambda i: f"{i}.")
            parts.append(
                "\n".join(f"{mark(i)} {_inline(item)}" for i, item in enumerate(b.items, 1))
            )
        elif b.kind == "table":
            rows = [
                "| " + " | ".join(_inline(c).replace("|", "\\|") for c in row) + " |"
                for row in b.rows
            ]
            rows.insert(1, "|" + "---|" * len(b.rows[0]))
            parts.append("\n".join(rows))
        elif b.kind == "rule":
            parts.append("---")
    return "\n\n".join(parts) + "\n"


def write(blocks: list[Block], brief: Brief, path: Path, user_dir: Path | None = None) -> Path:
    """Write the .md and, beside it, one SVG file per picture it links."""
    media: dict[str, str] = {}
    text = render(blocks, brief, user_dir, media=media, stem=path.stem)
    for name, svg in media.items():
        atomic_write(path.with_name(name), lambda tmp, svg=svg: tmp.write_text(svg, "utf-8"))
    return atomic_write(path, lambda tmp: tmp.write_text(text, "utf-8"))
