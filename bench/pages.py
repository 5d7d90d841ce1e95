"""Titles, authors and dates read from web pages, against the metadata their makers expected:
mozilla/readability's test pages (``test/test-pages/<name>/source.html`` beside
``expected-metadata.json``, written by readability's maintainers). Not shipped: the pages are
copies of news sites. Usage, with a checkout of https://github.com/mozilla/readability:

    python bench/pages.py readability/test/test-pages [--split dev|held] [-v]

Pages are split by their sorted position: even ones are dev, odd ones held out (scored once
per change). A title counts when it equals the expected one (case, spaces and punctuation
aside); an author when one holds the other ("By" aside); a date when its day is the expected
one. Where readability expects no byline, an author found is counted as false.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def _norm(text: str | None) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", (text or "").casefold()).split())


def _person(text: str | None) -> str:
    return _norm(re.sub(r"^\s*(?:by|par|von|door|por)\s+", "", text or "", flags=re.I))


def score(folder: Path, split: str, verbose: bool = False) -> dict[str, int]:
    from briefs.errors import ReadError
    from briefs.readers import read_file

    names = sorted(p.name for p in folder.iterdir() if (p / "source.html").exists())
    names = [n for i, n in enumerate(names) if (i % 2 == 0) == (split == "dev")]
    out = dict(pages=0, title=0, authors=0, author=0, false_author=0, dates=0, date=0)
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            meta = json.loads((folder / name / "expected-metadata.json").read_text("utf-8"))
            page = Path(tmp) / f"{name}.html"
            shutil.copy(folder / name / "source.html", page)
            try:
                doc = read_file(page)[0]
            except ReadError:
                doc = None
            out["pages"] += 1
            title = _norm(doc.title if doc else "") == _norm(meta.get("title"))
            out["title"] += title
            want, got = _person(meta.get("byline")), _person(doc.author if doc else "")
            author = True
            if want:
                out["authors"] += 1
                author = bool(got) and (got in want or want in got)
                out["author"] += author
            elif got:
                out["false_author"] += 1
                author = False
            day, got_day = (meta.get("publishedTime") or "")[:10], (doc.date or "") if doc else ""
            if day:
                out["dates"] += 1
                out["date"] += got_day[:10] == day
            if verbose and not (title and author):
                print(
                    f"{name}: title {doc.title if doc else None!r} / {meta.get('title')!r}; "
                    f"author {got!r} / {want!r}"
                )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--split", choices=("dev", "held"), default="dev")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    logging.disable(logging.CRITICAL)
    s = score(args.folder, args.split, args.verbose)
    print(
        f"{args.split}: {s['pages']} pages; title {s['title']}/{s['pages']}; "
        f"author {s['author']}/{s['authors']} (found where none is expected: "
        f"{s['false_author']}); date {s['date']}/{s['dates']}"
    )


if __name__ == "__main__":
    main()
