"""Builds that run beside the pages: a brief over a large store takes a second or more, and the
desk must answer other requests meanwhile. One worker thread per build; a build's key is what
it builds, so asking twice for the same brief waits for the one already running."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Job:
    key: str
    started: float = field(default_factory=time.monotonic)
    done: bool = False
    result: Any = None
    error: str | None = None

    @property
    def seconds(self) -> float:
        return round(time.monotonic() - self.started, 1)


class Jobs:
    """Background builds by key; a finished job is kept until the same key is built again."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def start(self, key: str, work: Callable[[], Any], *, again: bool = False) -> Job:
        """The job for ``key``: the running or finished one, or a new one running ``work``.
        ``again`` starts a new build even when one finished (after curation)."""
        with self._lock:
            job = self._jobs.get(key)
            if job and (not job.done or not again):
                return job
            job = Job(key)
            self._jobs[key] = job
        threading.Thread(target=self._run, args=(job, work), daemon=True).start()
        return job

    def get(self, key: str) -> Job | None:
        with self._lock:
            return self._jobs.get(key)

    def drop(self, key: str) -> None:
        with self._lock:
            self._jobs.pop(key, None)

    @staticmethod
    def _run(job: Job, work: Callable[[], Any]) -> None:
        from briefs.errors import BriefsError

        try:
            job.result = work()
        except BriefsError as e:
            job.error = str(e)
        except Exception as e:  # a bug: told as one line, never a traceback in a page
            job.error = f"internal error ({e.__class__.__name__})"
        finally:
            job.done = True

    def wait(self, key: str, timeout: float = 60.0) -> Job | None:
        """Wait for ``key`` to finish (tests and downloads); the job, or None if unknown."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            job = self.get(key)
            if job is None or job.done:
                return job
            time.sleep(0.05)
        return self.get(key)
