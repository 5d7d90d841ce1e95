"""The weekly digest: for each country with material in a window, a cited lead and bullets,
the figures new in the window and what changed since the previous digest; one reference list.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from briefs import geo
from briefs.citations import SourceText, check
from briefs.compose import Limits, Parts, keywords_of, source_of
from briefs.compose.figures import differs
from briefs.compose.many import compose_many
from briefs.config import Settings
from briefs.corpus import CorpusStore
from briefs.editions import compare, snapshot
from briefs.errors import ConfigError, ScopeError
from briefs.model import (
    Brief,
    Check,
    Cite,
    CountryDigest,
    Digest,
    Figure,
    Manifest,
    Section,
)
from briefs.retrieve import Retrieved, Scope, in_window, retrieve

log = logging.getLogger(__name__)

MIN_PASSAGES = 3  # a country named in fewer passages of the window gets no digest entry
# A digest entry shows no themes and at most three keyword changes: its keywords are read from
# the best-ranked 8,000 characters of the country's week, not a brief's 30,000. YAKE was two
# thirds of a ten-country digest's time; this took the digest in process 2.43 -> 1.78 s.
DIGEST_KEYWORD_TEXT = 8_000
_LIMITS = Limits(
    key_points=5,
    sections=0,
    per_section=0,
    figures=Limits().figures,  # the brief's table, so an entry's tiles are the brief's
    timeline=0,
    outlook=0,
    keywords=8,
    keyword_text=DIGEST_KEYWORD_TEXT,
)


@dataclass(frozen=True)
class Window:
    since: str
    until: str
    label: str  # "2025-W52", or "2024-01-01_2024-12-31"


def week(spec: str) -> Window:
    """The ISO week ``spec`` ("2025-W52"). Raises ConfigError naming a malformed value."""
    m = re.fullmatch(r"(\d{4})-?W(\d{1,2})", spec.strip())
    if not m:
        raise ConfigError(f"--week must look like 2025-W52, got {spec!r}")
    try:
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    except ValueError as e:
        raise ConfigError(f"no ISO week {spec!r}: {e}") from e
    year, number, _ = monday.isocalendar()
    return Window(
        monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), f"{year}-W{number:02d}"
    )


def last_complete_week(today: dt.date) -> Window:
    monday = today - dt.timedelta(days=today.weekday() + 7)
    year, number, _ = monday.isocalendar()
    return week(f"{year}-W{number:02d}")


def window_of(settings: Settings, week_spec: str | None) -> Window:
    if week_spec and (settings.since or settings.until):
        raise ConfigError("give --week or --since/--until, not both")
    if week_spec:
        return week(week_spec)
    if settings.since or settings.until:
        since = settings.since or "0001-01-01"
        until = settings.until or settings.today.isoformat()
        return Window(since, until, f"{since}_{until}")
    return last_complete_week(settings.today)


def countries_with_material(
    store: CorpusStore,
    window: Window,
    desk: tuple[str, ...] = (),
    minimum: int = MIN_PASSAGES,
    *,
    undated: bool = False,
) -> list[geo.Country]:
    """Countries named in at least ``minimum`` passages of documents dated in the window, or
    declared by such a document's metadata; limited to ``desk`` when it is given. With
    ``undated`` (a run over all dates), undated documents count too."""
    counts: Counter[str] = Counter()
    declared: set[str] = set()
    # The store's window leaves undated documents out; a run over all dates reads them all.
    since, until = (None, None) if undated else (window.since, window.until)
    for iso, date, country, n in store.country_material(since, until):
        inside = in_window(date, window.since, window.until)
        if inside or (inside is None and undated):
            counts[iso] += n
            if country and geo.resolve(country).iso3 == iso:
                declared.add(iso)
    wanted = {geo.resolve(c).iso3 for c in desk}
    table = geo.countries()
    chosen = [iso for iso, n in counts.items() if n >= minimum or iso in declared]
    if wanted:
        chosen = [iso for iso in chosen if iso in wanted]
    return sorted((table[iso] for iso in chosen), key=lambda c: c.name)


def build(
    store: CorpusStore,
    settings: Settings,
    window: Window,
    countries: list[geo.Country],
    brief_names: dict[str, str] | None = None,
    composed: dict[str, tuple[Retrieved, Parts]] | None = None,
) -> tuple[Digest, dict[str, SourceText]]:
    """The digest of ``window`` for ``countries`` (plain data), and the source texts its claim
    check compared against. A country whose retrieval finds nothing is reported, not fatal.

    ``composed`` holds what each country's brief for the window already retrieved and composed
    (with the scope's curation): the digest takes its entry from there instead of retrieving
    and composing a second time."""
    numbering: dict[int, str] = {}
    documents: dict[int, object] = {}
    entries: list[CountryDigest] = []
    warnings: list[str] = []
    all_figures: list[Figure] = []

    def global_id(doc_id: int) -> str:
        if doc_id not in numbering:
            numbering[doc_id] = f"S{len(numbering) + 1}"
        return numbering[doc_id]

    ready: dict[str, tuple[Retrieved, Parts]] = dict(composed or {})
    todo: list[tuple[geo.Country, Retrieved]] = []

    def retrieved() -> Iterator[tuple[Retrieved, Scope]]:
        for country in countries:
            if country.name in ready:
                continue
            scope = Scope(country, None, window.since, window.until)
            try:
                found = retrieve(store, scope)
            except ScopeError as e:
                warnings.append(f"{country.name}: {e}")
                continue
            todo.append((country, found))
            yield found, scope

    made = compose_many(retrieved(), _LIMITS, expected=len(countries) - len(ready))
    for (country, found), parts in zip(todo, made, strict=True):
        ready[country.name] = (found, parts)

    for country in countries:
        if country.name not in ready:
            continue
        found, parts = ready[country.name]
        documents.update(found.documents)
        chosen = [s for sec in parts.sections if sec.kind == "key_points" for s in sec.sentences][
            : _LIMITS.key_points
        ]
        # The figures a reader would put in a box (composition's tiles: something counted and
        # what happened to it), not the table's first rows: "122 countries contributing
        # troops" and "some 400 people" are in a table, not in a week's news.
        kept_figures = [parts.figures[i] for i in parts.tiles]
        keywords = parts.keywords[: _LIMITS.keywords]
        if country.name in (composed or {}):
            # A brief read more of the week for its keywords than an entry does: the entry
            # reads its own share, as it would without the brief.
            keywords = keywords_of(
                parts.keyword_prose[:DIGEST_KEYWORD_TEXT], _LIMITS.keywords, parts.not_keywords
            )
        # Only the sources the entry cites take a number in the digest's one reference list.
        cited = {c.source for s in chosen for c in s.cites} | {
            x for f in kept_figures for x in (f.source, *(c.source for c in f.also))
        }
        local = {
            sid: global_id(parts.source_docs[sid])
            for sid in sorted(cited, key=lambda x: int(x[1:]))
        }

        def recite(cites: list[Cite], local: dict[str, str] = local) -> list[Cite]:
            return [replace(c, source=local[c.source]) for c in cites]

        points = [replace(s, cites=recite(s.cites)) for s in chosen]
        figures = differs(
            [
                replace(f, source=local[f.source], differs_from=[], also=recite(f.also))
                for f in kept_figures
            ]
        )
        all_figures += figures
        key = f"country={country.name}"
        previous = store.previous_edition("digest", key, window.until)
        sources_here = [replace(s, id=local[s.id]) for s in parts.sources if s.id in local]
        changes = compare(
            previous and previous[1],
            previous and previous[0],
            sources_here,
            figures,
            keywords,
        )
        material = len(found.passages)
        store.record_edition(
            "digest",
            key,
            (window.since, window.until),
            settings.today.isoformat(),
            {**snapshot(sources_here, figures, keywords), "material": material},
        )
        entries.append(
            CountryDigest(
                country=country.name,
                lead=points[0] if points else None,
                bullets=points[1:5],
                figures=figures,
                changes=changes,
                brief=(brief_names or {}).get(country.name),
                trend=_trend(previous and previous[1], material, changes),
                material=material,
            )
        )
    sources = [
        source_of(sid, documents[did], store.also(did))
        for did, sid in sorted(numbering.items(), key=lambda x: int(x[1][1:]))
    ]
    texts = {sid: SourceText.of(documents[did]) for did, sid in numbering.items()}
    digest = Digest(
        title=f"Digest: {_period_words(window)}",
        period={"from": window.since, "to": window.until},
        generated=settings.today.isoformat(),
        sources=sources,
        countries=entries,
        check=Check(0, 0, []),
        warnings=warnings,
        gaps=_gaps(store, window),
        manifest=Manifest(
            store.digest(),
            {
                "window": window.label,
                "since": window.since,
                "until": window.until,
                "countries": [c.name for c in countries],
                "formats": list(settings.formats),
            },
            {},
        ),
    )
    result = check(as_brief(digest), texts)
    warnings += [f"claim check: {f}" for f in result.failures]
    for w in warnings:
        log.warning(w)
    return replace(digest, check=result, warnings=warnings), texts


def _trend(previous: dict | None, material: int, changes) -> str | None:
    """Up, down or the same against the previous digest: more or less material in the window,
    or figures that moved. Derived from the corpus, not an assessment of the situation."""
    if previous is None:
        return None
    before = previous.get("material", 0)
    moved = sum(1 for c in changes.items if c.kind == "moved_figure")
    if material > before * 1.2 or (moved and material >= before):
        return "up"
    if material < before * 0.8:
        return "down"
    return "same"


def as_brief(digest: Digest) -> Brief:
    """The digest seen as a brief: what the claim check and the writers' metadata read."""
    sections = [
        Section(e.country, [s for s in [e.lead, *e.bullets] if s is not None])
        for e in digest.countries
    ]
    figures = [f for e in digest.countries for f in e.figures]
    return Brief(
        title=digest.title,
        scope={"country": None, "topic": "digest"},
        period=digest.period,
        generated=digest.generated,
        sources=digest.sources,
        sections=sections,
        figures=figures,
        keywords=[],
        timeline=[],
        check=digest.check,
        warnings=digest.warnings,
        gaps=digest.gaps,
        manifest=digest.manifest,
    )


def _period_words(window: Window) -> str:
    if "-W" in window.label:
        return f"week {window.label} ({window.since} to {window.until})"
    return f"{window.since} to {window.until}"


def _gaps(store: CorpusStore, window: Window) -> list[str]:
    undated, coarse = store.window_counts(window.since, window.until)
    gaps = []
    if undated:
        gaps.append(f"{undated} undated document(s) in the corpus were left out of this window.")
    if coarse:
        gaps.append(
            f"{coarse} document(s) dated only by month or year are too coarsely dated "
            "for this window and were left out."
        )
    return gaps


def output_folder(out: Path, window: Window) -> Path:
    return out / window.label
