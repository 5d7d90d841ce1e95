"""A brief for every country with material, and an index page of them: the batch run behind
``briefs brief --all-countries``."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from briefs.config import Settings
from briefs.pipeline import build_brief, open_store

log = logging.getLogger(__name__)


MIN_PASSAGES_FOR_BRIEF = 4  # a country named in fewer passages gets no brief of its own


def build_all(
    settings: Settings, *, minimum: int = MIN_PASSAGES_FOR_BRIEF, progress=None
) -> tuple[list[Path], list[tuple[str, str]], Path]:
    """One brief per country with at least ``minimum`` passages naming it (or per country of
    the desk's list), plus an index page; a failure on one country is reported, the rest
    written. Files go to ``out/<label>/``: the period, or the run date. Returns (files written,
    (country, error) failures, the index)."""
    from briefs import digest as digests
    from briefs.errors import BriefsError

    label = (
        f"{settings.since or 'start'}_{settings.until or settings.today.isoformat()}"
        if settings.since or settings.until
        else settings.today.isoformat()
    )
    window = digests.Window(settings.since or "0001-01-01", settings.until or "9999-12-31", label)
    folder = settings.out / label
    with open_store(settings) as store:
        # With no period, every document counts, dated or not (a reference profile is undated).
        everything = not (settings.since or settings.until)
        chosen = digests.countries_with_material(
            store, window, settings.countries, minimum, undated=everything
        )
    written: list[Path] = []
    failed: list[tuple[str, str]] = []
    done: list[tuple[str, list[Path]]] = []
    for country in chosen:
        try:
            built = build_brief(replace(settings, country=country.name, out=folder))
        except BriefsError as e:
            failed.append((country.name, str(e)))
            log.warning("%s: %s", country.name, e)
        else:
            written += built.paths
            done.append((country.name, built.paths))
        if progress:
            progress(country.name)
    index = _write_index(folder, label, done, failed)
    return written, failed, index


def _write_index(
    folder: Path, label: str, done: list[tuple[str, list[Path]]], failed: list[tuple[str, str]]
) -> Path:
    from html import escape

    from briefs.writers import atomic_write

    rows = "".join(
        f"<li><strong>{escape(name)}</strong>: "
        + ", ".join(f'<a href="{escape(p.name)}">{escape(p.suffix[1:].upper())}</a>' for p in paths)
        + "</li>"
        for name, paths in done
    )
    fails = "".join(f"<li>{escape(name)}: {escape(err)}</li>" for name, err in failed)
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Briefs {escape(label)}</title></head><body>"
        f"<h1>Country briefs, {escape(label)}</h1><ul>{rows}</ul>"
        + (f"<h2>Not written</h2><ul>{fails}</ul>" if fails else "")
        + "</body></html>\n"
    )
    return atomic_write(folder / "index.html", lambda tmp: tmp.write_text(page, "utf-8"))
