"""Where the built-in templates, fonts and sample corpus live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def templates_dir() -> Path:
    """Built-in templates: ``briefs/_data/templates`` installed, ``templates/`` in a checkout."""
    return _data("templates")


def seeds_dir() -> Path:
    """The shipped sample corpus."""
    return _data("seeds")


def fonts_dir() -> Path:
    return _PACKAGE / "fonts"
