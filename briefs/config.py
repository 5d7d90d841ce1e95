"""Settings: defaults <- briefs.toml ([tool.briefs] in pyproject.toml) <- environment <- CLI."""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from briefs.errors import ConfigError

FORMATS = ("docx", "pdf", "md", "html", "json")
DEFAULT_FORMATS = ("docx", "pdf", "json")


@dataclass(frozen=True)
class Settings:
    """Everything a run needs, in one typed object. ``today`` pins the run date."""

    db: Path | str = Path(".briefs/corpus.db")  # a file, or a postgresql:// URL
    out: Path = Path("output")
    formats: tuple[str, ...] = DEFAULT_FORMATS
    templates: Path | None = None
    today: dt.date = field(default_factory=dt.date.today)
    country: str | None = None
    topic: str | None = None
    since: str | None = None
    until: str | None = None
    style: str = "numbered"  # citation style: numbered (house style) or apa
    # Curation for this run's scope, added to what earlier runs remembered (forget: start over).
    exclude_sources: tuple[str, ...] = ()
    exclude_sentences: tuple[str, ...] = ()
    pins: tuple[str, ...] = ()
    forget: bool = False
    countries: tuple[str, ...] = ()  # the desk's countries (briefs.toml); empty: all
    charts: bool = True  # key-figure tiles, timeline strip, coverage chart
    # Related terms per topic, added to the shipped list (briefs/topics.json): [topics] in
    # briefs.toml, e.g. inflation = ["consumer prices", "CPI"].
    topics: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _today() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
        except ValueError as e:
            raise ConfigError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix time") from e
    return dt.date.today()


def _file_settings(folder: Path) -> dict[str, Any]:
    path = folder / "briefs.toml"
    try:
        if path.is_file():
            return tomllib.loads(path.read_text("utf-8"))
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            return tomllib.loads(pyproject.read_text("utf-8")).get("tool", {}).get("briefs", {})
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: {e}") from e
    return {}


def load(folder: Path | None = None, **options: Any) -> Settings:
    """Merge defaults, briefs.toml, BRIEFS_DB and ``options`` (None means "not given")."""
    folder = folder or Path.cwd()
    merged: dict[str, Any] = {"today": _today()}
    known = {f.name for f in fields(Settings)}
    for key, value in _file_settings(folder).items():
        if key not in known:
            raise ConfigError(f"briefs.toml: unknown setting {key!r}")
        merged[key] = value
    if os.environ.get("BRIEFS_DB"):
        merged["db"] = os.environ["BRIEFS_DB"]
    for key in options:
        if key not in known:
            raise ConfigError(f"unknown setting {key!r}: known are {', '.join(sorted(known))}")
    merged.update({k: v for k, v in options.items() if v not in (None, ())})
    for key in ("db", "out", "templates"):
        # A server URL stays a string; "postgresql://x" would lose a slash as a Path.
        if merged.get(key) is not None and not str(merged[key]).startswith(
            ("postgresql://", "postgres://")
        ):
            merged[key] = Path(merged[key])
    if isinstance(merged.get("today"), str):
        merged["today"] = _iso(merged["today"], "today")
    for key in ("since", "until"):
        if merged.get(key):
            merged[key] = _iso(str(merged[key]), key).isoformat()
    formats = tuple(merged.get("formats", DEFAULT_FORMATS))
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ConfigError(f"unknown format {bad[0]!r}: choose from {', '.join(FORMATS)}")
    merged["formats"] = formats
    if isinstance(merged.get("countries"), (list, str)):
        value = merged["countries"]
        merged["countries"] = tuple(value.split(",") if isinstance(value, str) else value)
    topics = merged.get("topics", {})
    if not isinstance(topics, dict) or not all(
        isinstance(v, list) and all(isinstance(t, str) for t in v) for v in topics.values()
    ):
        raise ConfigError('[topics] must map a topic to a list of terms: inflation = ["CPI"]')
    merged["topics"] = {k.casefold(): tuple(v) for k, v in topics.items()}
    return replace(Settings(), **merged)


def _iso(value: str, name: str) -> dt.date:
    """A day, or a year or month ("2015", "2015-03") taken from its start (since) or end (until)."""
    try:
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1) if name == "since" else dt.date(int(value), 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            first = dt.date.fromisoformat(f"{value}-01")
            if name == "since":
                return first
            following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return following - dt.timedelta(days=1)
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise ConfigError(
            f"{name} must be a date like 2024-12-31, 2024-12 or 2024, got {value!r}"
        ) from e
