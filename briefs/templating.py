"""The Jinja2 environment: sandboxed, user folder first, built-in templates second.

Templates render Markdown. Every string a template prints is escaped for Markdown unless it
is ``Md`` (already Markdown, e.g. from the ``cite`` filter), so a ``*``, ``#``, ``<`` or ``{{``
in a source stays text. Overrides work by file name, and ``{% extends "!default/brief.md.j2" %}``
reaches the built-in version of a template a user folder replaces.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from briefs.citations import human_date, reference
from briefs.compose.tiles import tile_label, with_development
from briefs.errors import TemplateError
from briefs.resources import templates_dir

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|!~&])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BULLET_START = re.compile(r"^(\s*)([-+])(\s)")
_NUMBER_START = re.compile(r"^(\s*)(\d+)([.)])(\s)")


class Md(str):
    """A string that is already Markdown and is printed as it is."""


def md_escape(value: Any) -> str:
    """Escape ``value`` so Markdown shows it as plain text; ``Md`` strings pass through."""
    if value is None:
        return ""
    if isinstance(value, Md):
        return value
    text = " ".join(_CONTROL.sub("", str(value)).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _BULLET_START.sub(r"\1\\\2\3", text)
    return _NUMBER_START.sub(r"\1\2\\\3\4", text)


def _cite(cites: Any) -> Md:
    """``{{ sentence.cites | cite }}`` -> "[@S1][@S3, p. 4]": one marker per distinct source and
    page; a source id alone (``{{ figure.source | cite }}``) gives "[@S1]"."""
    markers: list[str] = []
    items = cites if isinstance(cites, (list, tuple)) else [cites]
    for item in items:
        sid = item.get("source") if isinstance(item, dict) else getattr(item, "source", item)
        page = item.get("page") if isinstance(item, dict) else getattr(item, "page", None)
        marker = f"[@{sid}, p. {page}]" if page else f"[@{sid}]"
        if marker not in markers:
            markers.append(marker)
    return Md("".join(markers))


def _anchor(source_id: str) -> Md:
    return Md(f"[#{source_id}]")


def _number(value: Any, digits: int = 0) -> str:
    if value is None:
        return ""
    return f"{value:,.{digits}f}"


def _reference(source: Any) -> Md:
    return Md(
        reference(
            source,
            text=md_escape,
            title=lambda t: f"*{md_escape(t)}*",
            link=lambda url: (
                f"<{url}>" if re.fullmatch(r"https?://[^\s<>]+", url) else md_escape(url)
            ),
        )
    )


class _PrefixLoader(jinja2.BaseLoader):
    """User folder first, built-ins second; ``!default/NAME`` always reaches the built-in."""

    def __init__(self, user: Path | None, builtin: Path) -> None:
        self.builtin = jinja2.FileSystemLoader(str(builtin))
        self.user = jinja2.FileSystemLoader(str(user)) if user else None

    def get_source(self, environment: jinja2.Environment, template: str):  # type: ignore[override]
        if template.startswith("!default/"):
            return self.builtin.get_source(environment, template.removeprefix("!default/"))
        if self.user:
            try:
                return self.user.get_source(environment, template)
            except jinja2.TemplateNotFound:
                pass
        return self.builtin.get_source(environment, template)


def environment(user_dir: Path | None = None) -> SandboxedEnvironment:
    """The environment templates render in. Raises TemplateError for a missing user folder."""
    if user_dir is not None and not user_dir.is_dir():
        raise TemplateError(f"templates folder {str(user_dir)!r} does not exist")
    env = SandboxedEnvironment(
        loader=_PrefixLoader(user_dir, templates_dir()),
        undefined=jinja2.StrictUndefined,
        finalize=md_escape,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        cite=_cite,
        anchor=_anchor,
        date=human_date,
        number=_number,
        md=Md,
        reference=_reference,
        happened=with_development,
        counted=tile_label,
    )
    return env


def render(name: str, context: dict[str, Any], user_dir: Path | None = None) -> str:
    """Render template ``name`` to Markdown. Raises TemplateError naming file and line."""
    try:
        return environment(user_dir).get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(f"{e.filename or e.name}:{e.lineno}: {e.message}") from e
    except jinja2.TemplateNotFound as e:
        raise TemplateError(f"template {e.name!r} not found") from e
    except jinja2.UndefinedError as e:
        raise TemplateError(f"template {name!r}: {e.message}") from e
    except jinja2.exceptions.SecurityError as e:
        raise TemplateError(f"template {name!r} was refused by the sandbox: {e}") from e
    except jinja2.TemplateError as e:
        raise TemplateError(f"template {name!r}: {e}") from e
