"""The review desk: a local web application over the same store and settings as the command line.

Flask (routing, sessions, Jinja2 pages) served by waitress (a threaded WSGI server, so a page
is answered while a build runs in the background). Pages are rendered on the server; a small
plain script (static/desk.js, shipped in the package) opens citations beside the brief and
posts curation. Nothing is fetched from the internet.

Routes: ``/`` corpus, ``/brief`` a brief and its curation, ``/cite`` a citation's source,
``/curate`` (POST), ``/download/<fmt>``, ``/digest``, ``/editions``, ``/jobs``.
"""

from __future__ import annotations

import ipaddress
import json
import secrets
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

from flask import Flask, abort, jsonify, redirect, render_template, request, send_file, session
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException

from briefs import geo
from briefs.config import Settings
from briefs.corpus import open_corpus
from briefs.desk.jobs import Jobs
from briefs.errors import BriefsError, ConfigError, ScopeError
from briefs.readers.clean import collapse
from briefs.rows import listing

FORMATS = ("json", "html", "md", "docx", "pdf")
_KINDS = {"exclude_sentence", "pin", "exclude_source", "reset"}


def create_app(settings: Settings) -> Flask:
    """The desk for ``settings`` (store, templates, output folder): what ``briefs serve`` runs."""
    app = Flask(__name__)
    app.secret_key = secrets.token_bytes(32)  # sessions last as long as the process
    app.config["SETTINGS"] = settings
    jobs = Jobs()
    folder = Path(settings.out) / "desk"

    # -- helpers ------------------------------------------------------------------------------

    def scope_args(values=None) -> dict[str, str]:  # noqa: ANN001 (request args or form)
        """The scope a request names, checked: a bad value is a 400, an unknown country 404."""
        values = request.args if values is None else values
        args = {k: values.get(k, "").strip() for k in ("country", "topic", "since", "until")}
        args = {k: v for k, v in args.items() if v}
        if "country" not in args and "topic" not in args:
            abort(400, "give a country, a topic, or both")
        if "country" in args:
            try:
                args["country"] = geo.resolve(args["country"]).name
            except ScopeError as e:
                abort(404, str(e))
        if len(args.get("topic", "")) > 200:
            abort(400, "the topic is longer than 200 characters")
        return args

    def brief_settings(args: dict[str, str], **more: object) -> Settings:
        from briefs.config import load

        try:
            checked = load(
                since=args.get("since"), until=args.get("until"), db=settings.db
            )  # validates dates
        except ConfigError as e:
            abort(400, str(e))
        key = _key(args)
        return replace(
            settings,
            country=args.get("country"),
            topic=args.get("topic"),
            since=checked.since,
            until=checked.until,
            formats=FORMATS,
            out=folder / _slug(key),
            **more,
        )

    def start(args: dict[str, str], again: bool = False, **more: object):
        from briefs import build_brief

        one = brief_settings(args, **more)
        return jobs.start(_key(args), lambda: build_brief(one), again=again)

    def csrf() -> str:
        if "csrf" not in session:
            session["csrf"] = secrets.token_urlsafe(24)
        return session["csrf"]

    app.jinja_env.globals["csrf"] = csrf

    # -- pages --------------------------------------------------------------------------------

    @app.get("/")
    def corpus():
        sort = request.args.get("sort", "path")
        if sort not in ("path", "title", "author", "publisher", "date", "type", "passages"):
            abort(400, f"cannot sort by {sort!r}")
        needle = request.args.get("q", "").strip().casefold()
        query = request.args.get("search", "").strip()
        with open_corpus(settings.db) as store:
            docs = []
            for did, doc, n in store.documents():
                row = listing(did, doc, n)
                shown = " ".join(str(v) for k, v in row.items() if v and k != "provenance")
                if needle and needle not in shown.casefold():
                    continue
                docs.append(row)
            docs.sort(
                key=lambda r: (str(r[sort] or "") if sort != "passages" else r[sort], r["id"])
            )
            hits = []
            if query:
                try:
                    found = store.search(query, limit=30)
                except BriefsError as e:
                    abort(400, str(e))
                meta = store.metadata(p.doc_id for p in found)
                hits = [(p, meta[p.doc_id]) for p in found]
            countries = _countries(store)
        return render_template(
            "corpus.html",
            docs=docs,
            sort=sort,
            q=needle,
            search=query,
            hits=hits,
            countries=countries,
        )

    @app.get("/brief")
    def brief():
        args = scope_args()
        job = start(args)
        if not job.done:
            return render_template("building.html", args=args, key=job.key), 202
        if job.error:
            abort(404 if "no passages found" in job.error else 400, job.error)
        built = job.result
        html_path = next(p for p in built.paths if p.suffix == ".html")
        data = json.loads(next(p for p in built.paths if p.suffix == ".json").read_text("utf-8"))
        failures = data["check"]["failures"]
        status = {
            s["text"]: not any(repr(s["text"][:60]) in f for f in failures)
            for sec in data["sections"]
            for s in sec["sentences"]
        }
        return render_template(
            "brief.html",
            args=args,
            query=urlencode(args),
            body=Markup(_body(html_path.read_text("utf-8"))),  # written by the HTML writer
            data=data,
            status=json.dumps(status, ensure_ascii=False),
            names={p.suffix[1:]: p.name for p in built.paths},
            seconds=job.seconds,
        )

    @app.get("/jobs")
    def job_state():
        args = scope_args()
        job = jobs.get(_key(args))
        if job is None:
            abort(404, "no build for that scope")
        return jsonify(done=job.done, seconds=job.seconds, error=job.error)

    @app.get("/cite")
    def cite():
        args = scope_args()
        job = jobs.get(_key(args))
        if job is None or not job.done or job.error:
            abort(404, "that brief has not been built")
        source, text = request.args.get("source", ""), collapse(request.args.get("text", ""))
        built = job.result
        found = _quote_for(built.brief, source, text)
        if found is None:
            abort(404, f"no citation of {source!r} there")
        quote, page = found
        src = next(s for s in built.brief.sources if s.id == source)
        paragraphs = built.source_texts[source].paragraphs
        at = next((i for i, p in enumerate(paragraphs) if quote in collapse(p)), None)
        if at is None:
            abort(404, "the quote is not in its source")
        around = [collapse(p) for p in paragraphs[max(0, at - 1) : at + 2]]
        middle = around.index(collapse(paragraphs[at]))
        shown = []
        for i, p in enumerate(around):
            if i == middle:
                before, _, after = p.partition(quote)
                shown.append(
                    Markup("<p class='cited'>{}<mark>{}</mark>{}</p>").format(before, quote, after)
                )
            else:
                shown.append(Markup("<p>{}</p>").format(p))
        return render_template("cite.html", src=src, page=page, paragraphs=shown, quote=quote)

    @app.post("/curate")
    def curate():
        if not secrets.compare_digest(request.form.get("csrf", ""), session.get("csrf", "-")):
            abort(403, "the form is stale or did not come from the desk: reload the page")
        args = scope_args(request.form)
        kind = request.form.get("kind", "")
        if kind not in _KINDS:
            abort(400, f"unknown curation {kind!r}")
        job = jobs.get(_key(args))
        more: dict[str, object] = {"forget": True} if kind == "reset" else {}
        if kind != "reset":
            if job is None or not job.done or job.error:
                abort(404, "that brief has not been built")
            source, text = request.form.get("source", ""), collapse(request.form.get("text", ""))
            if kind == "exclude_source":
                src = next((s for s in job.result.brief.sources if s.id == source), None)
                if src is None:
                    abort(404, f"no source {source!r} in that brief")
                more = {"exclude_sources": (src.path,)}
            else:
                found = _quote_for(job.result.brief, source, text)
                if found is None:
                    abort(404, "no such sentence in that brief")
                field = "exclude_sentences" if kind == "exclude_sentence" else "pins"
                more = {field: (found[0],)}
        start(args, again=True, **more)
        return redirect(f"/brief?{urlencode(args)}", code=303)

    @app.get("/download/<fmt>")
    def download(fmt: str):
        if fmt not in FORMATS:
            abort(404, f"no {fmt!r} download")
        args = scope_args()
        job = jobs.wait(_key(args))
        if job is None or job.error or not job.done:
            abort(404, "that brief has not been built")
        # Only a file this desk wrote for that build: never a path taken from the request.
        path = next((p for p in job.result.paths if p.suffix == f".{fmt}"), None)
        if path is None or not path.is_file():
            abort(404, f"no {fmt!r} file for that brief")
        return send_file(path, as_attachment=True, download_name=path.name)

    @app.get("/digest")
    def digest():
        from briefs import digest as digests
        from briefs.pipeline import build_digest

        week = request.args.get("week", "").strip() or None
        try:
            window = digests.window_of(settings, week)
        except BriefsError as e:
            abort(400, str(e))
        key = f"digest:{window.label}"
        one = replace(settings, formats=("json", "html", "md"), out=folder / "digests")
        job = jobs.start(key, lambda: build_digest(one, week_spec=week, with_briefs=False))
        if not job.done:
            return render_template("building.html", args={"week": window.label}, key=key), 202
        if job.error:
            abort(400, job.error)
        built = job.result
        html_path = next(p for p in built.paths if p.suffix == ".html")
        return render_template(
            "digest.html",
            window=window,
            body=Markup(_body(html_path.read_text("utf-8"))),
            entries=built.digest.countries,
        )

    @app.get("/editions")
    def editions():
        from briefs.pipeline import scope_key
        from briefs.retrieve import Scope

        args = scope_args()
        country = geo.resolve(args["country"]) if "country" in args else None
        key = scope_key(Scope(country, args.get("topic"), None, None))
        with open_corpus(settings.db) as store:
            rows = store.editions("brief", key)
        return render_template("editions.html", args=args, rows=rows, query=urlencode(args))

    # -- errors: a page with the reason, never a traceback ------------------------------------

    @app.errorhandler(HTTPException)
    def http_error(e: HTTPException):
        return render_template("error.html", code=e.code, reason=e.description), e.code

    @app.errorhandler(Exception)
    def internal(e: Exception):
        app.logger.error("internal error: %s: %s", e.__class__.__name__, e)
        return render_template("error.html", code=500, reason="internal error"), 500

    return app


def _key(args: dict[str, str]) -> str:
    return "brief:" + urlencode(sorted(args.items()))


def _slug(key: str) -> str:
    from briefs.pipeline import slug

    return slug(key.removeprefix("brief:"))


def _body(html: str) -> str:
    """The inside of a written HTML page's <body>: what the desk shows of it."""
    start = html.find("<body>")
    end = html.rfind("</body>")
    return html[start + 6 : end] if start >= 0 and end > start else html


def _quote_for(brief, source: str, text: str) -> tuple[str, int | None] | None:  # noqa: ANN001
    """The quote and page behind the citation of ``source`` on the sentence, figure or
    timeline entry whose shown text is ``text`` (or starts it)."""
    text = collapse(text)
    for sec in brief.sections:
        for s in sec.sentences:
            if collapse(s.text) in text or text.startswith(collapse(s.text)[:60]):
                for c in s.cites:
                    if c.source == source:
                        return c.quote, c.page
    for f in brief.figures:
        if f.source == source and f.text in text:
            return f.quote, None
    for e in brief.timeline:
        if e.source == source and collapse(e.text)[:60] in text:
            return e.quote, None
    return None


def _countries(store) -> list[tuple[str, int]]:  # noqa: ANN001
    """Countries with material in the corpus and how many documents are about them."""
    from collections import Counter

    counts: Counter[str] = Counter()
    for iso, _date, _declared, _n in store.country_material():
        counts[iso] += 1
    table = geo.countries()
    return sorted(
        ((table[i].name, n) for i, n in counts.items() if i in table), key=lambda x: (-x[1], x[0])
    )


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8750) -> None:
    """Run the desk with waitress until interrupted; warn when it listens beyond this machine."""
    import logging

    from waitress import serve as waitress_serve

    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        logging.getLogger(__name__).warning(
            "the desk listens on %s: anyone who can reach this machine can read the corpus "
            "and change curation",
            host,
        )
    print(f"briefs desk on http://{host}:{port}/  (Ctrl+C stops it)", flush=True)
    waitress_serve(create_app(settings), host=host, port=port, threads=8, ident="briefs")


__all__ = ["create_app", "serve", "escape"]
