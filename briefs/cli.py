"""The command line: thin click commands. BriefsError becomes one line and exit status 1."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from briefs import config
from briefs.cli_common import DB_HELP as _DB_HELP
from briefs.cli_common import OneLine as _OneLine
from briefs.cli_common import friendly as _friendly


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefs")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
def main(quiet: bool) -> None:
    """Turn a corpus of documents into a cited policy brief.

    \b
    Example, on the sample corpus that ships with briefs:
      briefs brief --country Cambodia
      briefs brief --country Myanmar --topic "ceasefire" --format pdf
      briefs ingest ../reports --exclude "*draft*"
    """
    root = logging.getLogger("briefs")
    root.handlers[:] = [_OneLine()]
    root.setLevel(logging.ERROR if quiet else logging.WARNING)
    root.propagate = False


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--db", help=_DB_HELP)
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files matching GLOB.")
@click.option("--prune", is_flag=True, help="Remove stored files no longer under PATHS.")
@click.option(
    "--shard",
    metavar="K/N",
    help="Read only share K of N (0-based): run N ingests, "
    "on one machine or many, against one PostgreSQL store.",
)
@click.option("--strict", is_flag=True, help="Exit with status 2 when any file had to be skipped.")
@_friendly
def ingest(
    paths: tuple[Path, ...],
    db: Path | None,
    exclude: tuple[str, ...],
    prune: bool,
    shard: str | None,
    strict: bool,
) -> None:
    """Read documents into the corpus store (default: the shipped seeds/).

    Reads .txt, .md, .html, .pdf, .docx and news-wire SGML (.sgm, .sgml, or a file that opens
    with <DOC> or <REUTERS>, one document per story). Unchanged files are not read again. Files that
    cannot be read are skipped with a warning naming each and the reason, and the rest go in:
    the exit status is 0, so one damaged file in an inbox does not stop the digest that
    follows; with --strict it is 2. Lock and temporary files (~$*.docx, .~lock.*) are passed
    over without a word.

    \b
    Example:
      briefs ingest seeds/ ../shared/corpora/ungd-sea
    """
    from briefs.corpus import open_corpus
    from briefs.ingest import ingest as run
    from briefs.resources import seeds_dir

    settings = config.load(db=db)
    targets = list(paths) or [Path("seeds") if Path("seeds").is_dir() else seeds_dir()]
    with open_corpus(settings.db) as store:
        from briefs.readers import walk

        total = sum(1 for _ in walk(targets, exclude)) if sys.stderr.isatty() else 0
        with click.progressbar(
            length=total, label="ingesting", file=sys.stderr, hidden=total <= 20
        ) as bar:
            result = run(
                store,
                targets,
                exclude=exclude,
                prune=prune,
                progress=lambda _p: bar.update(1),
                shard=_shard(shard),
            )
    for rel, reason in result.skipped:
        click.echo(f"skipped {rel}: {reason}", err=True)
    click.echo(f"{result.summary()} -> {settings.db}")
    if result.skipped and strict:
        sys.exit(2)


def _shard(spec: str | None) -> tuple[int, int] | None:
    if not spec:
        return None
    try:
        k, n = (int(x) for x in spec.split("/"))
    except ValueError:
        raise click.BadParameter(f"--shard must look like 0/4, got {spec!r}") from None
    if not 0 <= k < n:
        raise click.BadParameter(f"--shard K/N needs 0 <= K < N, got {spec!r}")
    return k, n


def _with_sidecar(formats: tuple[str, ...]) -> tuple[str, ...]:
    """The formats asked for, and json: the sidecar is the contract; it always comes along."""
    return (*formats, "json") if formats and "json" not in formats else formats


def _output_options(templates_help: str):
    """--format, --out and --templates, shared by brief and digest."""

    def add(command):
        for option in reversed(
            [
                click.option(
                    "--format",
                    "formats",
                    multiple=True,
                    type=click.Choice(config.FORMATS),
                    help="Output format; repeat for several "
                    "(default: docx, pdf and the json sidecar).",
                ),
                click.option(
                    "--out",
                    type=click.Path(path_type=Path),
                    help="Output folder (default output/).",
                ),
                click.option("--templates", type=click.Path(path_type=Path), help=templates_help),
            ]
        ):
            command = option(command)
        return command

    return add


@main.command()
@click.option("--country", help="Country by name, alias or ISO code (Cambodia, Burma, KHM).")
@click.option(
    "--all-countries",
    is_flag=True,
    help="One brief per country with material (or per country in briefs.toml), "
    "into output/<date or period>/ with an index.html.",
)
@click.option("--topic", help='Free text, e.g. "border ceasefire".')
@click.option("--since", metavar="DATE", help="Only documents dated on or after DATE (2024-01-01).")
@click.option("--until", metavar="DATE", help="Only documents dated on or before DATE.")
@_output_options("Folder of templates that override the built-in ones by file name.")
@click.option(
    "--style",
    type=click.Choice(("numbered", "apa")),
    help="Citation style: numbered references (default) or APA author-date.",
)
@click.option(
    "--exclude-source",
    "exclude_sources",
    multiple=True,
    metavar="FILE|TITLE",
    help="Leave a source out of this scope's briefs (remembered).",
)
@click.option(
    "--exclude-sentence",
    "exclude_sentences",
    multiple=True,
    metavar="TEXT",
    help="Leave out sentences containing TEXT (remembered).",
)
@click.option(
    "--pin",
    "pins",
    multiple=True,
    metavar="TEXT",
    help="Put the sentence containing TEXT first in the key points (remembered).",
)
@click.option("--forget", is_flag=True, help="Drop this scope's remembered curation first.")
@click.option(
    "--no-charts",
    is_flag=True,
    help="Leave out the key-figure tiles, the timeline strip and the coverage chart.",
)
@click.option("--today", metavar="DATE", help="Pin the run date (for reproducible output).")
@click.option("--db", help=_DB_HELP)
@_friendly
def brief(
    country: str | None,
    all_countries: bool,
    topic: str | None,
    since: str | None,
    until: str | None,
    formats: tuple[str, ...],
    out: Path | None,
    templates: Path | None,
    style: str | None,
    exclude_sources: tuple[str, ...],
    exclude_sentences: tuple[str, ...],
    pins: tuple[str, ...],
    forget: bool,
    no_charts: bool,
    today: str | None,
    db: Path | None,
) -> None:
    """Write a cited brief for a country and/or topic.

    Every sentence, figure and date in it is quoted from a source in the corpus and cited.
    The JSON sidecar beside it holds the same content as data, with the claim check.

    \b
    Example:
      briefs brief --country Cambodia
      -> output/cambodia.docx, output/cambodia.pdf, output/cambodia.json
    """
    from briefs.pipeline import build_brief

    settings = config.load(
        country=country,
        topic=topic,
        since=since,
        until=until,
        formats=_with_sidecar(formats),
        out=out,
        templates=templates,
        style=style,
        exclude_sources=exclude_sources,
        exclude_sentences=exclude_sentences,
        pins=pins,
        forget=forget,
        charts=not no_charts,
        today=today,
        db=db,
    )
    from briefs.pipeline import seed_if_empty

    seed_if_empty(settings)
    if all_countries:
        from briefs.batch import build_all

        if country:
            raise click.UsageError("give --country or --all-countries, not both")
        with _progress("briefs") as bar:
            written, failed, index = build_all(settings, progress=bar)
        for name, error in failed:
            click.echo(f"failed {name}: {error}", err=True)
        click.echo(
            f"wrote {len(written)} files for "
            f"{len({p.stem for p in written})} countries; index: {index}"
        )
        if failed:
            sys.exit(2)
        return
    built = build_brief(settings)
    check = built.brief.check
    for path in built.paths:
        click.echo(f"wrote {path}")
    click.echo(
        f"claim check: {check.verified} of {check.sentences} items verified"
        f"; {len(built.brief.sources)} source{'' if len(built.brief.sources) == 1 else 's'} cited"
    )


class _progress:
    """A progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar = None

    def __enter__(self):
        if sys.stderr.isatty():
            self.bar = click.progressbar(length=0, label=self.label, file=sys.stderr, show_pos=True)
            self.bar.__enter__()
        return self

    def __call__(self, item: str) -> None:
        if self.bar is not None:
            self.bar.length = (self.bar.length or 0) + 1
            self.bar.update(1, item)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


@main.command()
@click.option(
    "--week",
    "week_spec",
    metavar="YYYY-Www",
    help="ISO week (default: the last complete one), e.g. 2025-W52.",
)
@click.option("--since", metavar="DATE", help="Window start instead of a week (2024-01-01).")
@click.option("--until", metavar="DATE", help="Window end instead of a week.")
@click.option(
    "--countries",
    help="Comma-separated countries (default: every country with "
    "material in the window, or the desk's list in briefs.toml).",
)
@_output_options("Folder of templates that override the built-ins (digest.md.j2, ...).")
@click.option("--no-briefs", is_flag=True, help="Do not write each country's full brief.")
@click.option("--style", type=click.Choice(("numbered", "apa")), help="Citation style.")
@click.option("--today", metavar="DATE", help="Pin the run date.")
@click.option("--db", help=_DB_HELP)
@_friendly
def digest(
    week_spec: str | None,
    since: str | None,
    until: str | None,
    countries: str | None,
    formats: tuple[str, ...],
    out: Path | None,
    templates: Path | None,
    no_briefs: bool,
    style: str | None,
    today: str | None,
    db: Path | None,
) -> None:
    """Write the digest of a window: per country a cited lead, bullets, new figures and what
    changed since the previous digest, with one reference list.

    Files go to output/<window>/ (output/2025-W52/digest.pdf, with each country's brief
    beside it); re-running a week replaces that week's files and leaves other weeks alone.

    \b
    Example (every Monday at 7:00, for the week just ended):
      briefs digest
      0 7 * * 1  cd /srv/desk && .venv/bin/briefs digest --format pdf --format md
    """
    from briefs.pipeline import build_digest

    settings = config.load(
        since=since,
        until=until,
        formats=_with_sidecar(formats),
        out=out,
        templates=templates,
        style=style,
        today=today,
        db=db,
    )
    chosen = tuple(c.strip() for c in countries.split(",") if c.strip()) if countries else ()
    from briefs.pipeline import seed_if_empty

    seed_if_empty(settings)
    with _progress("country briefs") as bar:
        built = build_digest(
            settings, week_spec=week_spec, countries=chosen, with_briefs=not no_briefs, progress=bar
        )
    for name, error in built.failed:
        click.echo(f"failed {name}: {error}", err=True)
    for path in built.paths:
        click.echo(f"wrote {path}")
    d = built.digest
    if not d.countries:
        click.echo(
            f"no documents dated within {d.period['from']} to {d.period['to']}: the digest says so"
        )
    click.echo(
        f"{len(d.countries)} countries, {len(built.briefs) and len(built.briefs)} brief "
        f"files; claim check: {d.check.verified} of {d.check.sentences} items verified"
    )
    if built.failed:
        sys.exit(2)


def _register() -> None:
    # The corpus commands and the templates group live in their own modules (which import no
    # part of this one): they are added to the group here.
    from briefs.cli_corpus import search, serve, sources
    from briefs.cli_templates import templates

    for command in (sources, search, serve, templates):
        main.add_command(command)


_register()

if __name__ == "__main__":
    main()
