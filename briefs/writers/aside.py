"""Writers set aside: a forked process per slow format that loads its writer at once and
writes with it when the document is ready.

The PDF and DOCX writers each load a large library (reportlab, python-docx) and take a
tenth of a second or more to lay a brief out. Forked when a command starts, a process per
format loads its writer while this one gathers and composes, then writes while this one
writes the rest; the command waits only for the slower of the two. On a two-core machine a
one-country brief from the command line (JSON, DOCX, PDF) took 1.81 s with both written after
composing, the PDF in a process forked then, and 1.43–1.50 s this way; a ten-country digest
(JSON, PDF) 2.64–2.70 s and 2.33–2.49 s.

A plain forked process and a pipe, not a process pool: a pool runs a thread in this process,
and with a thread running no other work may be forked (``forking.may_fork``), so the
digest's countries would be composed one by one.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from briefs import forking
from briefs.errors import RenderError

# The writers that take time, each loading a large library.
SLOW_FORMATS = ("pdf", "docx")

Write = Callable[..., Path]


class Aside:
    """One forked process that has loaded the writer for ``fmt`` and writes with ``write``
    (called with the arguments given to ``send``) when asked."""

    def __init__(self, fmt: str, write: Write) -> None:
        context = multiprocessing.get_context("fork")
        self.fmt = fmt
        self._conn, child = context.Pipe()
        # Forked, not spawned: the target is inherited, never pickled, so ``write`` is the
        # function this process would call (a test's stand-in included).
        self._process = context.Process(
            target=_serve, args=(fmt, write, child, self._conn), daemon=True
        )
        self._process.start()
        child.close()

    def send(self, *args: Any) -> None:
        self._conn.send(args)

    def result(self) -> Path:
        """The written file's path; the child's error raised here, as itself."""
        try:
            ok, value = self._conn.recv()
        except EOFError:
            raise RenderError(f"the {self.fmt} writer's process ended without writing") from None
        if not ok:
            raise value
        return value

    def close(self) -> None:
        self._conn.close()  # a child still waiting reads the end and leaves
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()


def _serve(fmt: str, write: Write, conn: Connection, parents: Connection) -> None:
    # The fork copied the parent's end of the pipe too: closed here, so that the parent
    # closing its own is an end of input this process sees.
    parents.close()
    from briefs.writers import writer

    writer(fmt)  # the writer's module, and with it its library and the pictures' code
    try:
        args = conn.recv()
    except EOFError:
        return  # the command ended before it had anything to write
    try:
        conn.send((True, write(*args)))
    except BaseException as e:  # noqa: BLE001 (every failure goes back to the caller)
        try:
            conn.send((False, e))
        except Exception:  # an error that cannot be pickled goes back as its message
            conn.send((False, RenderError(f"{fmt}: {e}")))


@contextmanager
def writers_aside(formats: tuple[str, ...], write: Write) -> Iterator[dict[str, Aside]]:
    """An ``Aside`` per slow format in ``formats``, or none where forking is not safe here
    (``forking.may_fork``); each process ends when the block does."""
    slow = [fmt for fmt in SLOW_FORMATS if fmt in formats]
    with ExitStack() as stack:
        asides: dict[str, Aside] = {}
        if forking.may_fork():
            for fmt in slow:
                asides[fmt] = aside = Aside(fmt, write)
                stack.callback(aside.close)
        yield asides
