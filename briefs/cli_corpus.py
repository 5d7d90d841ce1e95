"""The commands that look at the corpus: ``sources``, ``search`` and ``serve`` (the desk)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from briefs import config
from briefs.cli_common import DB_HELP as _DB_HELP
from briefs.cli_common import friendly as _friendly
from briefs.rows import listing

_SOURCE_FIELDS = (
    "id",
    "path",
    "title",
    "author",
    "publisher",
    "date",
    "url",
    "type",
    "country",
    "language",
    "passages",
)


@click.command()
@click.option("--db", help=_DB_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("table", "json", "csv")),
    default="table",
    show_default=True,
    help="table for people; json or csv (every field with its provenance) for scripts.",
)
@click.option(
    "--where",
    multiple=True,
    metavar="FIELD=VALUE",
    help="Only documents whose FIELD contains VALUE (case-insensitive); repeat to narrow.",
)
@_friendly
def sources(db: Path | None, fmt: str, where: tuple[str, ...]) -> None:
    """List the documents in the corpus store: what was read, and where each field came from
    (sidecar, head = the text itself, file-metadata, path).

    \b
    Examples:
      briefs sources
      briefs sources --format json --where country=Cambodia
      briefs sources --format csv --where date=2024 > sources.csv
    """
    import csv
    import json

    from briefs.corpus import open_corpus

    filters = []
    for item in where:
        name, sep, value = item.partition("=")
        if not sep or name not in _SOURCE_FIELDS:
            raise click.BadParameter(
                f"{item!r}: use FIELD=VALUE with FIELD one of {', '.join(_SOURCE_FIELDS)}",
                param_hint="--where",
            )
        filters.append((name, value.casefold()))
    settings = config.load(db=db)
    rows = []
    with open_corpus(settings.db) as store:
        for did, doc, n in store.documents():
            row = listing(did, doc, n)
            if all(v in str(row[k] if row[k] is not None else "").casefold() for k, v in filters):
                rows.append(row)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        names = [
            *_SOURCE_FIELDS,
            *(f"{k}_from" for k in ("title", "author", "publisher", "date", "url")),
        ]
        writer = csv.DictWriter(sys.stdout, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            prov = row.pop("provenance")
            writer.writerow(
                row
                | {
                    f"{k}_from": prov.get(k, "")
                    for k in ("title", "author", "publisher", "date", "url")
                }
            )
    else:
        for row in rows:
            click.echo(
                f"{row['id']:>5}  {row['date'] or '-':<10}  {row['type']:<9}  "
                f"{row['passages']:>4} passages  {row['path']}  {row['title']}"
                + (f"  — {row['author']}" if row["author"] else "")
            )


@click.command()
@click.argument("query")
@click.option("--limit", default=10, show_default=True)
@click.option("--db", help=_DB_HELP)
@_friendly
def search(query: str, limit: int, db: Path | None) -> None:
    """Full-text search of the corpus (SQLite FTS5 syntax).

    \b
    Example:
      briefs search '"border" AND ceasefire'
    """
    from briefs.corpus import open_corpus

    settings = config.load(db=db)
    with open_corpus(settings.db) as store:
        for p in store.search(query, limit=limit):
            doc = store.document(p.doc_id)
            click.echo(f"{p.score:6.2f}  {doc.path} ¶{p.seq + 1}: {p.text[:150]}")


@click.command()
@click.option("--port", default=8750, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but loopback lets others on the network in.",
)
@click.option("--db", help=_DB_HELP)
@click.option("--out", type=click.Path(path_type=Path), help="Where the desk writes its files.")
@click.option("--templates", type=click.Path(path_type=Path), help="A house templates folder.")
@_friendly
def serve(port: int, host: str, db: Path | None, out: Path | None, templates: Path | None):
    """Open the review desk in the browser: the corpus, briefs with every citation beside its
    source sentence, curation (exclude, pin, reset) shared with the command line, downloads,
    the digest and editions.

    \b
    Example:
      briefs serve              # then open http://127.0.0.1:8750/
      briefs serve --port 9000 --db postgresql://desk@db/briefs
    """
    from briefs.desk import serve as run
    from briefs.pipeline import seed_if_empty

    settings = config.load(db=db, out=out, templates=templates)
    seed_if_empty(settings)  # an empty store gets the shipped seeds, as a brief would
    run(settings, host=host, port=port)
