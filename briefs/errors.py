"""One small hierarchy of errors. The library raises; the CLI turns them into one line."""

from __future__ import annotations


class BriefsError(Exception):
    """Base class for every error the library raises on purpose."""


class ConfigError(BriefsError):
    """A setting or option has a value the tool cannot use."""


class CorpusError(BriefsError):
    """The corpus store cannot be opened, read or written."""


class ReadError(BriefsError):
    """One input file cannot be read; ingest skips it with a warning."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ScopeError(BriefsError):
    """The requested country or topic is unknown, or nothing in the corpus matches it."""


class TemplateError(BriefsError):
    """A template is missing, does not parse, or fails to render."""


class RenderError(BriefsError):
    """An output file cannot be written."""
