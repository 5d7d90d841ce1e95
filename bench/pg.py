"""PostgreSQL store benchmark: ingest N generated documents with one worker and with two
concurrent workers (--shard 0/2 and 1/2), documents per second for each, and the latency of a
country brief against the same corpus in SQLite. Not a test. Usage, with a server you run:

    python bench/pg.py --admin 'postgresql://postgres@/postgres?host=/tmp/pg&port=5432' \\
        --docs 100000 [--workdir /tmp/briefs-bench]

It creates and drops databases named briefs_bench_*. The corpus is bench/make_corpus.py's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from run import brief_command  # bench/run.py, beside this file

HERE = Path(__file__).resolve().parent


def fresh(admin: str, name: str) -> str:
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, query = admin.partition("?")
    return base.rsplit("/", 1)[0] + f"/{name}" + (f"?{query}" if query else "")


def ingest(url: str, corpus: Path, shards: int) -> float:
    cmd = [sys.executable, "-m", "briefs", "-q", "ingest", str(corpus), "--db", url]
    subprocess.run(
        [*cmd[:-4], "sources", "--db", url], check=True, stdout=subprocess.DEVNULL
    )  # create the schema before the race
    t = time.perf_counter()
    procs = [
        subprocess.Popen(
            [*cmd, *(["--shard", f"{k}/{shards}"] if shards > 1 else [])], stdout=subprocess.DEVNULL
        )
        for k in range(shards)
    ]
    for p in procs:
        if p.wait() != 0:
            raise SystemExit("an ingest worker failed")
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--admin", required=True)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/briefs-bench"))
    args = ap.parse_args()
    corpus = args.workdir / f"corpus-{args.docs}"
    if not corpus.is_dir():
        subprocess.run(
            [sys.executable, str(HERE / "make_corpus.py"), str(corpus), "--docs", str(args.docs)],
            check=True,
        )
    rows = []
    for shards in (1, 2):
        url = fresh(args.admin, f"briefs_bench_{shards}")
        seconds = ingest(url, corpus, shards)
        rows.append(
            (
                f"ingest, {shards} worker{'s' if shards > 1 else ''}",
                f"{seconds:.0f} s",
                f"{args.docs / seconds:.0f} documents/s",
            )
        )
    sqlite = args.workdir / "store.db"
    env = dict(os.environ)
    brief = brief_command(args.workdir / "out-pg")
    for label, db in (("PostgreSQL", url), ("SQLite", str(sqlite))):
        if label == "SQLite" and not sqlite.exists():
            continue
        times = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([*brief, "--db", db], check=True, env=env, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - t)
        rows.append(
            (f"one country brief from the CLI, {label}", f"{statistics.median(times):.2f} s", "")
        )
    print(f"{args.docs:,} documents\n\n| step | time | figure |\n|---|---|---|")
    for name, value, note in rows:
        print(f"| {name} | {value} | {note} |")


if __name__ == "__main__":
    main()
