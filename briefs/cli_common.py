"""What every command of the command line shares: the --db help text, and the wrapper that
turns the library's typed errors into one line and an exit status."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import click

from briefs.errors import BriefsError

DB_HELP = (
    "Corpus store: a file (default .briefs/corpus.db) or postgresql://user@host/name "
    "for a shared store; or set BRIEFS_DB."
)


class OneLine(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"warning: {record.getMessage()}", err=True)


def friendly(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the library's typed errors into one line on stderr and exit status 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BriefsError as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(1)
        except click.ClickException:
            raise  # a usage error (a bad --shard): click says so and exits 2
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # The reader went away (`briefs sources | head`): stop quietly, as cat does.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except Exception as e:  # a bug: still one line, the traceback only on request
            if os.environ.get("BRIEFS_DEBUG"):
                raise
            click.echo(
                f"error: internal error ({e.__class__.__name__}: {e}); "
                "set BRIEFS_DEBUG=1 for the traceback",
                err=True,
            )
            sys.exit(70)

    return wrapper
