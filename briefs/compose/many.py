"""Several scopes composed at once: the digest's countries, side by side on a machine's cores.

Composition is a pure function of what retrieval found, and most of a digest's time (YAKE
above all); the countries do not depend on one another. Worker processes are forked, so they
start with this process's modules and tables loaded (a spawned worker would spend longer
importing than composing). Forking a process that runs other threads (the review desk's
server) can leave a worker waiting on a lock no thread will release, so there composition
stays in the calling thread.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor

from briefs import forking
from briefs.compose import Limits, Parts, compose
from briefs.retrieve import Retrieved, Scope

MAX_WORKERS = 4


def _one(job: tuple[Retrieved, Scope, Limits]) -> Parts:
    found, scope, limits = job
    return compose(found, scope, limits=limits)


def compose_many(
    jobs: Iterable[tuple[Retrieved, Scope]], limits: Limits, expected: int
) -> list[Parts]:
    """``compose`` of every (retrieved, scope) in ``jobs``, in order; the same result whether
    it runs here or in worker processes. ``jobs`` may be a generator that retrieves as it goes:
    each job goes to a worker as soon as it is made, so the next retrieval overlaps the
    composition of the last. ``expected`` is how many jobs there will be at most."""
    workers = min(expected, os.cpu_count() or 1, MAX_WORKERS)
    if workers < 2 or not forking.may_fork():
        return [compose(found, scope, limits=limits) for found, scope in jobs]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        pending = [pool.submit(_one, (found, scope, limits)) for found, scope in jobs]
        return [f.result() for f in pending]
