"""HTML from the document tree: one self-contained page for the web or e-mail."""

from __future__ import annotations

from html import escape
from pathlib import Path

from briefs import charts
from briefs.document import Block, Run
from briefs.model import Brief
from briefs.writers import atomic_write

_CSS = """
body{font-family:"Noto Sans",Arial,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;
color:#222;line-height:1.5;font-size:15px}
h1{color:#1F3A5F;border-bottom:2px solid #1F3A5F;padding-bottom:.2em}
h2{color:#1F3A5F;margin-top:1.6em}
a{color:#1F5FAF}
sup a{text-decoration:none}
table{border-collapse:collapse;width:100%;font-size:.9em}
th{background:#E8EDF4;text-align:left;border-bottom:2px solid #1F3A5F}
td,th{padding:.3em .5em;vertical-align:top}
td{border-bottom:1px solid #B8C4D4}
figure.chart{margin:1em 0}
figure.chart svg{max-width:100%;height:auto}
figure.chart text{font-family:"Noto Sans",Arial,sans-serif}
"""


def _inline(runs: list[Run]) -> str:
    out = []
    for r in runs:
        if r.anchor:
            out.append(f'<span id="ref-{escape(r.anchor)}"></span>')
            continue
        text = escape(r.text).replace("\n", "<br>")
        if r.cite:
            text = f'<a href="#ref-{escape(r.cite)}">{text}</a>'
            if r.text.startswith("["):
                text = f"<sup>{text}</sup>"
        elif r.href:
            text = f'<a href="{escape(r.href)}">{text}</a>'
        if r.bold:
            text = f"<strong>{text}</strong>"
        if r.italic:
            text = f"<em>{text}</em>"
        out.append(text)
    return "".join(out)


def render(blocks: list[Block], brief: Brief, user_dir: Path | None = None) -> str:
    parts = []
    for b in blocks:
        if b.kind == "heading":
            ident = f' id="{escape(b.anchor)}"' if b.anchor else ""
            parts.append(f"<h{b.level}{ident}>{_inline(b.runs)}</h{b.level}>")
        elif b.kind == "chart":
            picture, _font = charts.for_block(b.anchor or "", brief, b.markers, user_dir)
            if picture:
                parts.append(f'<figure class="chart">{charts.svg(picture)}</figure>')
        elif b.kind == "toc":
            items = "".join(f"<li>{_inline(i)}</li>" for i in b.items)
            parts.append(f'<nav class="contents"><strong>Contents</strong><ol>{items}</ol></nav>')
        elif b.kind == "paragraph":
            parts.append(f"<p>{_inline(b.runs)}</p>")
        elif b.kind in ("bullets", "numbered"):
            tag = "ul" if b.kind == "bullets" else "ol"
            items = "".join(f"<li>{_inline(i)}</li>" for i in b.items)
            parts.append(f"<{tag}>{items}</{tag}>")
        elif b.kind == "table":
            head = "".join(f"<th>{_inline(c)}</th>" for c in b.rows[0])
            body = "".join(
                "<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in row) + "</tr>"
                for row in b.rows[1:]
            )
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        elif b.kind == "rule":
            parts.append("<hr>")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(brief.title)}</title>\n"
        f'<meta name="generator" content="briefs; corpus {escape(brief.manifest.corpus_digest)}">\n'
        f"<style>{_CSS}</style>\n</head>\n<body>\n" + "\n".join(parts) + "\n</body>\n</html>\n"
    )


def write(blocks: list[Block], brief: Brief, path: Path, user_dir: Path | None = None) -> Path:
    text = render(blocks, brief, user_dir)
    return atomic_write(path, lambda tmp: tmp.write_text(text, "utf-8"))
