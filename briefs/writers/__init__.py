"""Writers draw the document tree (or, for JSON, dump the Brief). Each ``write(...) -> Path``.

Every writer writes to a temporary name beside the target and renames it, so a crash never
leaves a half-written file under the final name.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from briefs.errors import RenderError


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
