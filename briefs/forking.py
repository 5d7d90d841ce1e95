"""Whether work may go to a forked process: the one test the writers set aside and the
digest's composing workers share."""

from __future__ import annotations

import os
import threading


def may_fork() -> bool:
    """Whether work may go to a forked process here: a POSIX system, and no other thread
    running (a forked child gets only the calling thread; a lock another held stays locked)."""
    return hasattr(os, "fork") and threading.active_count() == 1
