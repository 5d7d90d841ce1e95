"""Output: a brief or digest rendered through its template into the document tree, and written
in every format asked for, the slow ones by the processes set aside for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from briefs.cite_styles import format_sources
from briefs.config import Settings
from briefs.document import parse
from briefs.model import Brief
from briefs.templating import render
from briefs.writers.aside import Aside


def render_document(
    template: str, context: dict, sources: list, settings: Settings
) -> tuple[str, list]:
    """Render ``template`` to Markdown and parse it into the document tree.

    In the numbered style, sources are numbered in the order this template's reader meets
    them (a house template may put the themes before the key points) and listed in that order.
    """
    cited = format_sources(sources, settings.style)
    context = {
        **context,
        "style": settings.style,
        "references": cited.references,
        "charts": settings.charts,
    }
    markdown = render(template, context, settings.templates)
    markers = cited.markers
    if settings.style == "numbered":
        first = list(dict.fromkeys(re.findall(r"\[@(S\d+)", markdown)))
        order = first + [s.id for s in sources if s.id not in first]
        if order != [s.id for s in sources]:
            context["references"] = sorted(cited.references, key=lambda r: order.index(r[0].id))
            markdown = render(template, context, settings.templates)
        markers = {sid: f"[{i}]" for i, sid in enumerate(order, 1)}
    return markdown, parse(markdown, markers)


def write_one(fmt: str, brief: Brief, blocks, path: Path, settings: Settings) -> Path:
    from briefs.writers import writer

    return writer(fmt)(blocks, brief, path, settings.templates)


def write_away(fmt: str, brief: Brief, blocks, path: Path, settings: Settings) -> Path:
    # Looked up when called, in the writer's process: this module's ``write_one`` as it is then.
    return write_one(fmt, brief, blocks, path, settings)


def write_all(
    brief: Brief,
    blocks,
    targets: dict[str, Path],
    settings: Settings,
    aside: dict[str, Aside] | None = None,
    here: dict[str, Callable[[Path], Path]] | None = None,
) -> list[Path]:
    """Every format in ``targets`` (format -> file), in their order: a format with a process
    set ``aside`` for it is written there while this one writes the rest, each with its
    writer or, for a format in ``here``, with the function given (the digest's JSON)."""
    here = here or {}
    away = {fmt: a for fmt, a in (aside or {}).items() if fmt in targets and fmt not in here}
    for fmt, a in away.items():
        a.send(fmt, brief, blocks, targets[fmt], settings)
    written = {
        fmt: here[fmt](path) if fmt in here else write_one(fmt, brief, blocks, path, settings)
        for fmt, path in targets.items()
        if fmt not in away
    }
    written |= {fmt: a.result() for fmt, a in away.items()}
    return [written[fmt] for fmt in targets]
