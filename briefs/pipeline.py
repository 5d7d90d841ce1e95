"""build_brief(): the stages in order, top to bottom.

store -> scope -> retrieve -> compose -> Brief -> claim check -> JSON, and
Brief -> templates (Markdown) -> document tree -> DOCX, PDF, HTML, Markdown.
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
from briefs.cite_styles import format_sources
from briefs.compose import Curation, compose
from briefs.config import Settings
from briefs.document import parse
from briefs.editions import compare, snapshot
from briefs.ingest import ingest
from briefs.model import Brief, Check, Manifest
from briefs.resources import seeds_dir
from briefs.retrieve import Retrieved, Scope, retrieve
from briefs.store import Store
from briefs.templating import render

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Built:
    brief: Brief
    markdown: str
    paths: list[Path]
    source_texts: dict[str, SourceText]  # what the claim check compared against


def slug(text: str) -> str:
    """A file-name-safe form of ``text``: "Timor-Leste / border" -> "timor-leste-border"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80] or "brief"


def open_store(settings: Settings) -> Store:
    """Open the store; on first use with an empty store, ingest the shipped seeds."""
    store = Store(settings.db)
    if store.count() == 0:
        local = Path("seeds")
        seeds = local if local.is_dir() else seeds_dir()
        log.info("empty corpus store: ingesting the sample corpus from %s", seeds)
        ingest(store, [seeds])
    return store


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


def _curation(store: Store, scope: Scope, settings: Settings) -> Curation:
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


def _with_pins(store: Store, found: Retrieved, pins: tuple[str, ...]) -> Retrieved:
    """Add the passages that hold pinned sentences, wherever the ranking left them."""
    passages = list(found.passages)
    documents = dict(found.documents)
    have = {(p.doc_id, p.seq) for p in passages}
    for pin in pins:
        words = " ".join(f'"{w}"' for w in re.findall(r"\w+", pin))
        if not words:
            continue
        for p in store.search(words, limit=50):
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
    country = geo.resolve(settings.country) if settings.country else None
    scope = Scope(country, settings.topic, settings.since, settings.until)
    window = (settings.since or "", settings.until or settings.today.isoformat())
    with open_store(settings) as store:
        curation = _curation(store, scope, settings)
        found = _with_pins(store, retrieve(store, scope), curation.pins)
        also = {d: store.also(d) for d in found.documents}
        parts = compose(found, scope, also=also, curation=curation)
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
            manifest=_manifest(store.digest(), settings, curation),
        )
        texts = {
            sid: SourceText(list(found.documents[did].paragraphs), found.documents[did].date)
            for sid, did in parts.source_docs.items()
        }
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
        store.record_edition(
            "brief",
            scope_key(scope),
            window,
            brief.generated,
            snapshot(brief.sources, brief.figures, brief.keywords),
        )
    context = {"brief": brief, "scope_label": scope_label, "period_label": period_label}
    markdown, blocks = render_document("brief.md.j2", context, brief.sources, settings)
    name = out_name or slug(title.removesuffix(": policy brief"))
    paths = [
        _write(fmt, brief, blocks, settings.out / f"{name}.{fmt}", settings)
        for fmt in settings.formats
    ]
    return Built(brief, markdown, paths, texts)


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


def render_document(
    template: str, context: dict, sources: list, settings: Settings
) -> tuple[str, list]:
    """Render ``template`` to Markdown and parse it into the document tree.

    In the numbered style, sources are numbered in the order this template's reader meets
    them (a house template may put the themes before the key points) and listed in that order.
    """
    cited = format_sources(sources, settings.style)
    context = {**context, "style": settings.style, "references": cited.references}
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


def _write(fmt: str, brief: Brief, blocks, path: Path, settings: Settings) -> Path:
    # Writers are imported on use: reportlab and python-docx cost start-up time.
    if fmt == "json":
        from briefs.writers import json as writer

        return writer.write(brief, path)
    if fmt == "md":
        from briefs.writers import markdown as writer

        return writer.write(blocks, path)
    if fmt == "html":
        from briefs.writers import html as writer
    elif fmt == "docx":
        from briefs.writers import docx as writer
    else:
        from briefs.writers import pdf as writer
    return writer.write(blocks, brief, path, settings.templates)
