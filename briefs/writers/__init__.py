"""Writers draw the document tree (or, for JSON, dump the Brief). Every writer has the same
``write(blocks, brief, path, user_dir) -> Path``; ``writer(fmt)`` finds it by format.

Every writer writes to a temporary name beside the target and renames it, so a crash never
leaves a half-written file under the final name.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from briefs.errors import RenderError

# Modules by format, imported on first use: reportlab and python-docx cost start-up time, and
# a run that writes JSON and Markdown needs neither.
_MODULES = {
    "json": "briefs.writers.json",
    "md": "briefs.writers.markdown",
    "html": "briefs.writers.html",
    "docx": "briefs.writers.docx",
    "pdf": "briefs.writers.pdf",
}


def writer(fmt: str) -> Callable[..., Path]:
    """The ``write`` function for format ``fmt``. Raises RenderError for an unknown format."""
    import importlib

    if fmt not in _MODULES:
        raise RenderError(f"no writer for {fmt!r}: choose from {', '.join(_MODULES)}")
    return importlib.import_module(_MODULES[fmt]).write


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it: put it straight back
    os.umask(mask)
    return mask


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` then rename ``tmp`` to ``path``. Raises RenderError on OS errors."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        os.close(fd)
    except OSError as e:
        raise RenderError(f"cannot write to {str(path.parent)!r}: {e.strerror or e}") from e
    try:
        write(Path(tmp))
        # mkstemp makes the file rw------- whatever the umask: give it an ordinary file's
        # permissions, so a colleague on a shared folder can read the brief.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise RenderError(f"cannot write {str(path)!r}: {e.strerror or e}") from e
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
