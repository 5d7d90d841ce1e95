"""``briefs templates``: list, print, copy, check and document the templates."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from briefs import config
from briefs.cli_common import friendly as _friendly


@click.group()
def templates() -> None:
    """List, print, copy and check the templates that shape a brief.

    \b
    Example: start a house style from the defaults, edit it, check it, use it:
      briefs templates init house/
      briefs templates check house/
      briefs brief --country Cambodia --templates house/
    """


@templates.command("list")
@click.option(
    "--templates",
    "folder",
    type=click.Path(path_type=Path),
    help="A templates folder; shows which of its files override the built-ins.",
)
@_friendly
def templates_list(folder: Path | None) -> None:
    """What templates exist and where each one comes from."""
    from briefs import template_tools

    settings = config.load(templates=folder)
    for name, origin in template_tools.list_templates(settings.templates):
        click.echo(f"{name:<32} {origin}")
    for name, path in template_tools.examples().items():
        click.echo(f"{'example set: ' + name:<32} {path}")


@templates.command("show")
@click.argument("name")
@_friendly
def templates_show(name: str) -> None:
    """Print a built-in template (like `pandoc -D`).

    \b
    Example:
      briefs templates show sections/key_points.md.j2
    """
    from briefs import template_tools

    click.echo(template_tools.show(name), nl=False)


@templates.command("init")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--example", help="Start from an example set (situation-update, background-paper).")
@click.option("--force", is_flag=True, help="Overwrite files the folder already has.")
@_friendly
def templates_init(folder: Path, example: str | None, force: bool) -> None:
    """Copy the default templates into FOLDER to start a house style from.

    \b
    Example:
      briefs templates init house/ --example background-paper
    """
    from briefs import template_tools

    written = template_tools.init(folder, example, force)
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"{len(written)} files; edit them, then `briefs templates check {folder}`")


@templates.command("check")
@click.argument("folder", type=click.Path(path_type=Path))
@_friendly
def templates_check(folder: Path) -> None:
    """Dry-run FOLDER's templates against a sample brief; exit 1 on any error.

    Reports syntax errors and undefined variables with file and line, curly quotes inside Jinja
    tags, section templates that render empty, and look files that do not load.
    """
    from briefs import template_tools

    problems = template_tools.check(folder)
    for p in problems:
        click.echo(str(p), err=p.fatal)
    errors = sum(p.fatal for p in problems)
    click.echo(f"{errors} errors, {len(problems) - errors} warnings in {folder}")
    if errors:
        sys.exit(1)


@templates.command("doc")
@click.option("--out", type=click.Path(path_type=Path), help="Write the page to a file.")
@_friendly
def templates_doc(out: Path | None) -> None:
    """Print the page that documents the data and filters templates can use."""
    from briefs import template_tools

    page = template_tools.data_page()
    if out:
        out.write_text(page, "utf-8")
        click.echo(f"wrote {out}")
    else:
        click.echo(page, nl=False)
