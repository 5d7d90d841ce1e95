"""Benchmark: one brief on the seeds: retrieval, extraction (keywords, figures, dates), and
each writer (DOCX, PDF). Prints medians of repeated runs; not a test. From the repository root:

    python bench/brief.py [--country Cambodia] [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from briefs import build_brief, geo, load_settings
from briefs.compose import compose
from briefs.document import parse
from briefs.extract.dates import find_dates
from briefs.extract.figures import find_figures
from briefs.extract.keywords import keywords
from briefs.extract.sentences import split
from briefs.ingest import ingest
from briefs.retrieve import Scope, retrieve
from briefs.store import Store
from briefs.writers import docx as docx_writer
from briefs.writers import pdf as pdf_writer


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
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        with Store(tmp / "corpus.db") as store:
            ingest(store, [Path("seeds")])
            scope = Scope(geo.resolve(args.country), None, None, None)
            found = retrieve(store, scope)
            text = "\n\n".join(p.text for p in found.passages)
            sentences = [s for p in found.passages for s in split(p.text)]
            dated = [
                (s, found.documents[p.doc_id].date) for p in found.passages for s in split(p.text)
            ]
            keywords(text)  # load YAKE and dateparser once, as a running brief does
            find_dates("7 January 2022")
            rows = [
                (
                    "retrieve (bm25 + rerank)",
                    median_time(lambda: retrieve(store, scope), args.repeat),
                ),
                ("keywords (YAKE)", median_time(lambda: keywords(text), args.repeat)),
                ("figures", median_time(lambda: [find_figures(s) for s in sentences], args.repeat)),
                ("dates", median_time(lambda: [find_dates(s, d) for s, d in dated], args.repeat)),
                (
                    "compose (all of the above)",
                    median_time(lambda: compose(found, scope), args.repeat),
                ),
            ]
        built = build_brief(
            load_settings(
                db=tmp / "corpus.db",
                out=tmp,
                country=args.country,
                formats=("json",),
                today="2026-01-05",
            )
        )
        blocks = parse(built.markdown)
        docx_writer.write(blocks, built.brief, tmp / "warm.docx")  # fonts and styles load once
        pdf_writer.write(blocks, built.brief, tmp / "warm.pdf")
        rows += [
            (
                "write DOCX",
                median_time(
                    lambda: docx_writer.write(blocks, built.brief, tmp / "b.docx"), args.repeat
                ),
            ),
            (
                "write PDF",
                median_time(
                    lambda: pdf_writer.write(blocks, built.brief, tmp / "b.pdf"), args.repeat
                ),
            ),
        ]
        pages = len(PdfReader(str(tmp / "b.pdf")).pages)
        both = {
            "db": tmp / "corpus.db",
            "out": tmp,
            "country": args.country,
            "formats": ("pdf", "docx", "html", "json"),
            "today": "2026-01-05",
        }
        with_pictures = median_time(lambda: build_brief(load_settings(**both)), args.repeat)
        without = median_time(lambda: build_brief(load_settings(**both, charts=False)), args.repeat)
        rows.append(("pictures (PDF+DOCX+HTML brief, with minus without)", with_pictures - without))
    print(
        f"{args.country}: {len(found.passages)} passages, {len(text):,} characters, "
        f"{len(sentences)} sentences, a {pages}-page PDF; median of {args.repeat} runs"
    )
    for name, seconds in rows:
        print(f"  {name:<28} {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
