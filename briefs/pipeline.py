"""build_brief(): the stages in order, top to bottom.

store -> scope -> retrieve -> compose -> Brief -> claim check -> JSON, and
Brief -> templates (Markdown) -> document tree -> DOCX, PDF, HTML, Markdown (``output``).
The digest is built from the same stages: each country's brief, then the digest over them.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path

from briefs import geo
from briefs.citations import SourceText, check
from briefs.compose import Curation, Parts, compose
from briefs.config import Settings
from briefs.corpus import CorpusStore, open_corpus
from briefs.editions import compare, snapshot
from briefs.errors import ScopeError
from briefs.ingest import ingest
from briefs.model import Brief, Check, Manifest
from briefs.output import render_document, write_all, write_away
from briefs.resources import seeds_dir
from briefs.retrieve import Retrieved, Scope, retrieve
from briefs.writers.aside import Aside, writers_aside

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Built:
    brief: Brief
    markdown: str
    paths: list[Path]
    source_texts: dict[str, SourceText]  # what the claim check compared against
    retrieved: Retrieved | None = None  # what was gathered and composed: a digest reuses it
    parts: Parts | None = None


def slug(text: str) -> str:
    """A file-name-safe form of ``text``: "Timor-Leste / border" -> "timor-leste-border"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80] or "brief"


def open_store(settings: Settings) -> CorpusStore:
    """Open the store ``settings`` name. Raises CorpusError when it cannot be opened."""
    return open_corpus(settings.db)


def seed_if_empty(settings: Settings) -> None:
    """On first use with an empty store, ingest the shipped seeds: the command line's choice
    (``briefs brief`` works on a fresh install), never a library call's side effect."""
    with open_corpus(settings.db) as store:
        if store.count() == 0:
            local = Path("seeds")
            seeds = local if local.is_dir() else seeds_dir()
            log.info("empty corpus store: ingesting the sample corpus from %s", seeds)
            ingest(store, [seeds])


def _versions() -> dict[str, str]:
    out = {}
    for name in ("briefs", "python-docx", "reportlab", "jinja2", "yake", "markdown-it-py"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "unknown"
    return out


def _labels(scope: Scope, settings: Settings) -> tuple[str, str, str]:
    title_scope = " — ".join(x for x in (scope.country and scope.country.name, scope.topic) if x)
    scope_label = "; ".join(
        x
        for x in (
            scope.country and f"country: {scope.country.name}",
            scope.topic and f"topic: {scope.topic}",
        )
        if x
    )
    if settings.since or settings.until:
        period = f"{settings.since or 'the earliest source'} to {settings.until or 'the latest'}"
    else:
        period = "all dates in the corpus"
    return f"{title_scope}: policy brief", scope_label, period


def scope_key(scope: Scope) -> str:
    """How curation and editions name a scope: "country=Cambodia;topic=ceasefire"."""
    return f"country={scope.country.name if scope.country else ''};topic={scope.topic or ''}"


def _curation(store: CorpusStore, scope: Scope, settings: Settings) -> Curation:
    """This run's choices, remembered for the scope, merged with those of earlier runs."""
    key = scope_key(scope)
    if settings.forget:
        store.forget(key)
    store.remember(key, "exclude_source", settings.exclude_sources)
    store.remember(key, "exclude_sentence", settings.exclude_sentences)
    store.remember(key, "pin", settings.pins)
    saved = store.curation(key)
    return Curation(
        exclude_sources=tuple(saved["exclude_source"]),
        exclude_sentences=tuple(saved["exclude_sentence"]),
        pins=tuple(saved["pin"]),
    )


def _with_pins(store: CorpusStore, found: Retrieved, pins: tuple[str, ...]) -> Retrieved:
    """Add the passages that hold pinned sentences, wherever the ranking left them."""
    passages = list(found.passages)
    documents = dict(found.documents)
    have = {(p.doc_id, p.seq) for p in passages}
    for pin in pins:
        words = re.findall(r"\w+", pin)
        if not words:
            continue
        for p in store.find([[w] for w in words], limit=50):
            if pin in p.text and (p.doc_id, p.seq) not in have:
                have.add((p.doc_id, p.seq))
                passages.append(p)
                documents.setdefault(p.doc_id, store.document(p.doc_id))
    return replace(found, passages=passages, documents=documents)


def build_brief(settings: Settings, *, out_name: str | None = None) -> Built:
    """Build the brief ``settings`` describe and write it in every requested format.

    The stages, in order: gather (scope, curation, retrieval), compose, assemble the Brief,
    check every claim against its source, compare with the previous edition, render the
    templates, write each format. ``out_name`` overrides the file name (default: the scope).
    Raises ScopeError (unknown country, nothing found), CorpusError, TemplateError, RenderError.
    """
    # The slow writers' processes are forked first, before the store is opened.
    with writers_aside(settings.formats, write_away) as aside:
        return _build_brief(settings, out_name, aside)


def _build_brief(settings: Settings, out_name: str | None, aside: dict[str, Aside]) -> Built:
    country = geo.resolve(settings.country) if settings.country else None
    scope = Scope(
        country,
        settings.topic,
        settings.since,
        settings.until,
        related=settings.topics.get((settings.topic or "").casefold(), ()),
    )
    window = (settings.since or "", settings.until or settings.today.isoformat())
    with open_store(settings) as store:
        curation = _curation(store, scope, settings)
        with store.snapshot():  # one consistent view, even while an ingest runs
            found = _with_pins(store, retrieve(store, scope), curation.pins)
            also = {d: sorted({*store.also(d), *found.also.get(d, [])}) for d in found.documents}
            corpus_digest = store.digest()
        parts = compose(found, scope, also=also, curation=curation)
        if not parts.sources:
            raise ScopeError(_nothing_quotable(scope, found))
        title, scope_label, period_label = _labels(scope, settings)
        brief = Brief(
            title=title,
            scope={"country": country and country.name, "topic": settings.topic},
            period={"from": settings.since, "to": settings.until},
            generated=settings.today.isoformat(),
            sources=parts.sources,
            sections=parts.sections,
            figures=parts.figures,
            keywords=parts.keywords,
            timeline=parts.timeline,
            check=Check(0, 0, []),
            warnings=[],
            gaps=parts.gaps,
            manifest=_manifest(corpus_digest, settings, curation),
            tiles=parts.tiles,
        )
        texts = {sid: SourceText.of(found.documents[did]) for sid, did in parts.source_docs.items()}
        brief = _verified(brief, texts, _missing_pins(parts, curation))
        previous = store.previous_edition("brief", scope_key(scope), window[1])
        brief = replace(
            brief,
            changes=compare(
                previous and previous[1],
                previous and previous[0],
                brief.sources,
                brief.figures,
                brief.keywords,
            ),
        )
    context = {"brief": brief, "scope_label": scope_label, "period_label": period_label}
    markdown, blocks = render_document("brief.md.j2", context, brief.sources, settings)
    name = out_name or slug(title.removesuffix(": policy brief"))
    targets = {fmt: settings.out / f"{name}.{fmt}" for fmt in settings.formats}
    paths = write_all(brief, blocks, targets, settings, aside)
    # Recorded once the files exist: a run that fails to write leaves the next run comparing
    # against the edition before it.
    with open_store(settings) as store:
        store.record_edition(
            "brief",
            scope_key(scope),
            window,
            brief.generated,
            snapshot(brief.sources, brief.figures, brief.keywords),
        )
    return Built(brief, markdown, paths, texts, found, parts)


def _nothing_quotable(scope: Scope, found: Retrieved) -> str:
    files = ", ".join(sorted({d.path for d in found.documents.values()})[:3])
    n = len(found.passages)
    found_ = "the only passage found" if n == 1 else f"the {n} passages found"
    return (
        f"nothing to quote for {scope.named()}: {found_} "
        f"(in {files}{', …' if len(found.documents) > 3 else ''}) "
        f"{'holds' if n == 1 else 'hold'} no sentence that stands on its own"
    )


def _manifest(digest: str, settings: Settings, curation: Curation) -> Manifest:
    return Manifest(
        corpus_digest=digest,
        settings={
            "country": settings.country and geo.resolve(settings.country).name,
            "topic": settings.topic,
            "since": settings.since,
            "until": settings.until,
            "formats": list(settings.formats),
            "style": settings.style,
            "curation": {
                "exclude_sources": list(curation.exclude_sources),
                "exclude_sentences": list(curation.exclude_sentences),
                "pins": list(curation.pins),
            },
            "templates": str(settings.templates) if settings.templates else None,
        },
        versions=_versions(),
    )


def _missing_pins(parts, curation: Curation) -> list[str]:
    return [
        pin
        for pin in curation.pins
        if not any(
            pin in s.text or any(pin in c.quote for c in s.cites)
            for sec in parts.sections
            for s in sec.sentences
        )
    ]


def _verified(brief: Brief, texts: dict[str, SourceText], missing_pins: list[str]) -> Brief:
    """Run the claim check; its failures and unfound pins become warnings (and log lines)."""
    result = check(brief, texts)
    warnings = [f"claim check: {f}" for f in result.failures]
    warnings += [
        f"pinned sentence not found in the corpus for this scope: {p!r}" for p in missing_pins
    ]
    for w in warnings:
        log.warning(w)
    return replace(brief, check=result, warnings=warnings)


@dataclass(frozen=True)
class BuiltDigest:
    digest: object  # briefs.model.Digest
    markdown: str
    paths: list[Path]
    briefs: list[Path]
    failed: list[tuple[str, str]]


def build_digest(
    settings: Settings,
    *,
    week_spec: str | None = None,
    countries: tuple[str, ...] = (),
    with_briefs: bool = True,
    progress=None,
) -> BuiltDigest:
    """The digest for a window (an ISO week by default), written to ``out/<window label>/``.

    With ``with_briefs``, each country's full brief for the same window is written beside it
    and the digest points to it; a country whose brief fails is reported and the rest go on.
    Re-running the same window replaces that window's files (each written atomically).
    """
    with writers_aside(settings.formats, write_away) as aside:
        return _build_digest(settings, week_spec, countries, with_briefs, progress, aside)


def _build_digest(
    settings: Settings,
    week_spec: str | None,
    countries: tuple[str, ...],
    with_briefs: bool,
    progress,
    aside: dict[str, Aside],
) -> BuiltDigest:
    from briefs import digest as digests
    from briefs.errors import BriefsError
    from briefs.model import as_dict

    window = digests.window_of(settings, week_spec)
    folder = digests.output_folder(settings.out, window)
    with open_store(settings) as store:
        chosen = digests.countries_with_material(store, window, countries or settings.countries)
    briefs_written: list[Path] = []
    failed: list[tuple[str, str]] = []
    names: dict[str, str] = {}
    composed: dict = {}
    if with_briefs:
        for country in chosen:
            one = replace(
                settings,
                country=country.name,
                topic=None,
                since=window.since,
                until=window.until,
                out=folder,
                formats=tuple(f for f in settings.formats if f != "json") + ("json",),
            )
            try:
                built = build_brief(one)
            except BriefsError as e:
                failed.append((country.name, str(e)))
                log.warning("%s: %s", country.name, e)
            else:
                briefs_written += built.paths
                by_suffix = {p.suffix: p for p in built.paths}
                main = next(
                    (by_suffix[s] for s in (".pdf", ".docx", ".html", ".md") if s in by_suffix),
                    built.paths[0],
                )
                names[country.name] = main.name
                if built.retrieved is not None and built.parts is not None:
                    composed[country.name] = (built.retrieved, built.parts)
            if progress:
                progress(country.name)
    with open_store(settings) as store:
        # One retrieval and one composition per country: the digest takes each entry from
        # that country's brief when one was written, and composes only the others.
        digest, _texts = digests.build(store, settings, window, chosen, names, composed)
    brief_view = digests.as_brief(digest)
    context = {"digest": digest, "brief": brief_view, "period_label": digests._period_words(window)}
    markdown, blocks = render_document("digest.md.j2", context, digest.sources, settings)

    def write_json(path: Path) -> Path:
        # The digest's own record, not the brief-shaped view the other formats render.
        import json

        from briefs.writers import atomic_write

        text = json.dumps(as_dict(digest), ensure_ascii=False, indent=2) + "\n"
        return atomic_write(path, lambda tmp: tmp.write_text(text, "utf-8"))

    targets = {fmt: folder / f"digest.{fmt}" for fmt in settings.formats}
    paths = write_all(brief_view, blocks, targets, settings, aside, here={"json": write_json})
    return BuiltDigest(digest, markdown, paths, briefs_written, failed)
