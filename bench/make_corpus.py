"""Write N realistic news-like documents for the scale benchmark.

Sentences are taken from the shared UN General Debate corpus and the shipped seeds and
recombined into articles of about 3.4 KB (the size of a wire story), each with a dateline,
a date spread over 2019-2025, a country it is about, and numbers as news carries them.
Deterministic for a given N and seed. Usage:

    python bench/make_corpus.py /tmp/corpus100k --docs 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from pathlib import Path

from briefs.extract.dates import MONTH_NAMES

ROOT = Path(__file__).resolve().parent.parent
UNGD = ROOT.parent / "shared" / "corpora" / "ungd-sea"
COUNTRIES = [
    "Cambodia",
    "Myanmar",
    "Thailand",
    "Vietnam",
    "Laos",
    "Malaysia",
    "Indonesia",
    "Philippines",
    "Singapore",
    "Brunei",
    "Timor-Leste",
    "China",
    "Japan",
    "India",
]
GIVEN = ["Anna", "Somchai", "Nguyen", "Ratna", "Kyaw", "Maria", "Tan", "Dara", "Lena", "Hiro"]
FAMILY = ["Krasny", "Prasert", "Lan", "Dewi", "Win", "Santos", "Wei Ming", "Sok", "Hart", "Ito"]
CITIES = {
    "Cambodia": "Phnom Penh",
    "Myanmar": "Yangon",
    "Thailand": "Bangkok",
    "Vietnam": "Hanoi",
    "Laos": "Vientiane",
    "Malaysia": "Kuala Lumpur",
    "Indonesia": "Jakarta",
    "Philippines": "Manila",
    "Singapore": "Singapore",
    "Brunei": "Bandar Seri Begawan",
    "Timor-Leste": "Dili",
    "China": "Beijing",
    "Japan": "Tokyo",
    "India": "New Delhi",
}


def sentences() -> list[str]:
    texts = [p.read_text("utf-8", errors="replace") for p in sorted(UNGD.glob("*.txt"))]
    texts += [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    out = []
    for text in texts:
        for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
            if 60 <= len(s) <= 300 and s[0].isupper():
                out.append(s)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pool = sentences()
    args.folder.mkdir(parents=True, exist_ok=True)
    meta = []
    truth: list[dict] = []  # what a person reads off the head of each header-block file
    total = 0
    for i in range(args.docs):
        country = rng.choice(COUNTRIES)
        year, month, day = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
        paragraphs = []
        size = 0
        while size < 3200:
            para = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
            if rng.random() < 0.3:
                n = rng.choice([12, 350, 1200, 4500, 20000, 525000, 2.5])
                noun = rng.choice(
                    [
                        "people",
                        "families",
                        "civilian deaths",
                        "troops",
                        "refugees",
                        "million people",
                        "villages",
                    ]
                )
                para += (
                    f" Officials in {CITIES[country]} said {n:,} {noun} were affected "
                    f"by {day} {MONTH_NAMES[month - 1]} {year}."
                )
            paragraphs.append(para)
            size += len(para)
        title = f"{country}: {rng.choice(pool)[:70].rstrip(' ,.;')}"
        kind = i % 3
        when = dt.datetime(year, month, day, rng.randint(0, 23), rng.randint(0, 59))
        author = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        if kind == 1:
            # A news-wire archive's text export: marked header lines, then a wire dateline.
            url = (
                f"http://www.example-wire.com/article/{year}/{month:02d}/{day:02d}/"
                f"{country.lower()}-story-id{i:08d}"
            )
            body = (
                f"-- {title}\n-- By {author}\n"
                f"-- {when.strftime('%a %b')} {day}, {year} {when.strftime('%I:%M%p')} EST\n"
                f"-- {url}\n\n {CITIES[country].upper()} (Benchmark Wire) - "
                + "\n\n".join(paragraphs)
                + "\n"
            )
        elif kind == 2:
            # A "Key: value" export header.
            body = (
                f"Title: {title}\nAuthor: {author}\n"
                f"Date: {day} {MONTH_NAMES[month - 1]} {year}\nSource: Benchmark Wire\n\n"
                + "\n\n".join(paragraphs)
                + "\n"
            )
        else:
            body = (
                f"{title}\n\n{CITIES[country]}, {day} {MONTH_NAMES[month - 1]} {year}\n\n"
                + "\n\n".join(paragraphs)
                + "\n"
            )
        name = f"{i // 1000:03d}/{i:06d}.txt"
        path = args.folder / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(body, "utf-8")
        total += len(body.encode())
        if kind == 0:
            meta.append(
                {
                    "file": name,
                    "date": f"{year}-{month:02d}-{day:02d}",
                    "country": country,
                    "type": "news",
                    "publisher": "Benchmark Wire",
                }
            )
        else:  # the head must be read from the text: what the benchmark checks
            truth.append(
                {
                    "file": name,
                    "date": f"{year}-{month:02d}-{day:02d}",
                    "title": title,
                    "author": author,
                    "url": url if kind == 1 else None,
                }
            )
    # One sidecar per subfolder, as ingest reads them.
    by_folder: dict[str, list[dict]] = {}
    for row in meta:
        folder, file = row["file"].split("/")
        by_folder.setdefault(folder, []).append({**row, "file": file})
    for folder, rows in by_folder.items():
        with (args.folder / folder / "metadata.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row) + "\n")
    with (args.folder / "heads.jsonl").open("w", encoding="utf-8") as fh:
        for row in truth:
            fh.write(json.dumps(row) + "\n")
    print(f"wrote {args.docs:,} documents, {total / 1e6:.1f} MB, to {args.folder}")


if __name__ == "__main__":
    main()
