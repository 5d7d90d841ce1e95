"""Benchmark: extraction (keywords, figures, dates) over one brief's passages, and the writers.

Prints medians of repeated runs; not a test. Usage, from the repository root:

    python bench/extract.py [--country Cambodia] [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from briefs import geo
from briefs.compose import compose
from briefs.extract.dates import find_dates
from briefs.extract.figures import find_figures
from briefs.extract.keywords import keywords
from briefs.extract.sentences import split
from briefs.ingest import ingest
from briefs.retrieve import Scope, retrieve
from briefs.store import Store


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--country", default="Cambodia")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "corpus.db")
        ingest(store, [Path("seeds")])
        scope = Scope(geo.resolve(args.country), None, None, None)
        found = retrieve(store, scope)
        text = "\n\n".join(p.text for p in found.passages)
        sentences = [s for p in found.passages for s in split(p.text)]
        date = {p.doc_id: found.documents[p.doc_id].date for p in found.passages}
        keywords(text)  # load YAKE once, as a running brief would
        find_dates("7 January 2022")
        rows = [
            ("retrieve (bm25 + rerank)", median_time(lambda: retrieve(store, scope), args.repeat)),
            ("keywords (YAKE)", median_time(lambda: keywords(text), args.repeat)),
            ("figures", median_time(lambda: [find_figures(s) for s in sentences], args.repeat)),
            (
                "dates",
                median_time(
                    lambda: [
                        find_dates(s, date[p.doc_id]) for p in found.passages for s in split(p.text)
                    ],
                    args.repeat,
                ),
            ),
            ("compose (all of the above)", median_time(lambda: compose(found, scope), args.repeat)),
        ]
    print(
        f"{args.country}: {len(found.passages)} passages, {len(text):,} characters, "
        f"{len(sentences)} sentences; median of {args.repeat} runs"
    )
    for name, seconds in rows:
        print(f"  {name:<28} {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
