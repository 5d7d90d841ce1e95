"""The PostgreSQL store, against a throwaway server this test starts (Debian's postgresql).

Skipped, with the reason, where the server binaries are not installed; `.ci/run` installs them.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefs import build_brief, load_settings
from briefs.corpus import open_corpus
from briefs.errors import CorpusError
from briefs.ingest import ingest
from briefs.pipeline import build_digest

from conftest import SEEDS, UNGD, fresh_pg_database

psycopg = pytest.importorskip("psycopg", reason="psycopg is in the test extras")


@pytest.fixture(scope="module")
def server(pg_server: str) -> str:
    return pg_server


def _fresh(server: str, name: str) -> str:
    return fresh_pg_database(server, name)


def test_brief_and_digest_from_a_postgresql_store(server: str, tmp_path: Path) -> None:
    url = _fresh(server, "briefs_seeds")
    with open_corpus(url) as store:
        result = ingest(store, [SEEDS])
        assert len(result.added) == 5 and store.count() == 11
        assert store.find([["Chanthaburi"]])
        assert store.find([["dang hoang"]]) == []  # nothing to find yet
    built = build_brief(
        load_settings(
            db=url, out=tmp_path, country="Cambodia", formats=("md", "json"), today="2026-01-05"
        )
    )
    assert len(built.brief.sources) >= 3 and built.brief.check.failures == []
    again = build_brief(
        load_settings(
            db=url, out=tmp_path, country="Cambodia", formats=("json",), today="2026-01-12"
        )
    )
    assert again.brief.changes.previous == "2026-01-05"  # editions live in the server too
    digest = build_digest(
        load_settings(db=url, out=tmp_path, formats=("md",), today="2026-01-05"),
        week_spec="2025-W52",
        with_briefs=False,
    )
    assert {"Cambodia", "Thailand"} <= {c.country for c in digest.digest.countries}


def test_diacritics_fold_and_reingest_does_no_work(server: str, tmp_path: Path) -> None:
    url = _fresh(server, "briefs_fold")
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "vn.md").write_text(
        "---\ntitle: Hanoi talks\n---\nDeputy Minister Đặng Hoàng "
        "Giang met Nguyễn Phương Nga in Hanoi on the border.\n",
        "utf-8",
    )
    with open_corpus(url) as store:
        ingest(store, [folder])
        assert store.find([["nguyen phuong"]]) and store.find([["Dang Hoang"]])
        assert "Đặng" in store.find([["dang"]])[0].text
        again = ingest(store, [folder])
        assert (len(again.added), len(again.unchanged)) == (0, 1)
        assert store.search('"Nguyen Phuong" hanoi')  # what a user types: websearch syntax


@pytest.mark.skipif(not UNGD.is_dir(), reason="needs the UN corpus")
def test_sharded_workers_overlapping_and_restarted_leave_each_file_once(
    server: str, tmp_path: Path
) -> None:
    url = _fresh(server, "briefs_shards")
    open_corpus(url).close()
    script = textwrap.dedent("""
        import sys
        from pathlib import Path
        from briefs.corpus import open_corpus
        from briefs.ingest import ingest
        url, corpus, k, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        with open_corpus(url) as store:
            ingest(store, [Path(corpus)], shard=(k, n) if n > 1 else None, workers=1)
    """)
    # Two shards at once, plus a third worker over everything that overlaps both of them.
    procs = [
        subprocess.Popen([sys.executable, "-c", script, url, str(UNGD), str(k), "2"])
        for k in (0, 1)
    ]
    procs.append(subprocess.Popen([sys.executable, "-c", script, url, str(UNGD), "0", "1"]))
    for p in procs:
        assert p.wait(timeout=300) == 0
    with psycopg.connect(url) as conn:
        files, docs, distinct = conn.execute(
            "SELECT (SELECT count(*) FROM files), count(*), count(DISTINCT file) FROM documents"
        ).fetchone()
    assert (files, docs, distinct) == (264, 264, 264)


def test_newer_schema_is_refused(server: str) -> None:
    url = _fresh(server, "briefs_newer")
    open_corpus(url).close()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE briefs_meta SET value='99' WHERE key='schema'")
    with pytest.raises(CorpusError, match="newer"):
        open_corpus(url)


def test_unreachable_server_is_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from briefs.cli import main

    result = CliRunner().invoke(
        main, ["sources", "--db", f"postgresql://nobody@/none?host={tmp_path}&port=1"]
    )
    assert result.exit_code == 1 and result.output.startswith("error: cannot connect")


@pytest.mark.skipif(not UNGD.is_dir(), reason="needs the UN corpus")
def test_a_killed_worker_restarted_leaves_every_document_once(server: str) -> None:
    import signal
    import time

    url = _fresh(server, "briefs_kill")
    open_corpus(url).close()
    script = textwrap.dedent("""
        import sys
        from pathlib import Path
        from briefs.corpus import open_corpus
        import briefs.ingest
        briefs.ingest.BATCH = 5  # commit as it goes, so the kill lands mid-run
        url, corpus, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
        with open_corpus(url) as store:
            briefs.ingest.ingest(store, [Path(corpus)], shard=(k, 2), workers=1)
    """)

    def start(k: int) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-c", script, url, str(UNGD), str(k)])

    first, second = start(0), start(1)
    deadline = time.time() + 120
    while time.time() < deadline:
        with psycopg.connect(url) as conn:
            if conn.execute("SELECT count(*) FROM files").fetchone()[0] >= 20:
                break
        time.sleep(0.2)
    assert first.poll() is None, "the first worker finished before it could be killed"
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert second.wait(timeout=300) == 0
    assert start(0).wait(timeout=300) == 0  # the restarted worker finishes its share
    with psycopg.connect(url) as conn:
        files, docs, distinct = conn.execute(
            "SELECT (SELECT count(*) FROM files), count(*), count(DISTINCT file) FROM documents"
        ).fetchone()
        orphans = conn.execute(
            "SELECT count(*) FROM passages p LEFT JOIN documents d"
            " ON d.id = p.doc_id WHERE d.id IS NULL"
        ).fetchone()[0]
    assert (files, docs, distinct, orphans) == (264, 264, 264, 0)


@pytest.mark.skipif(not UNGD.is_dir(), reason="needs the UN corpus")
def test_ranking_parity_with_sqlite(server: str, ungd_db: Path, tmp_path: Path) -> None:
    url = _fresh(server, "briefs_parity")
    with open_corpus(url) as store:
        ingest(store, [UNGD])
    overlaps = []
    for country in ("Cambodia", "Myanmar", "Philippines", "Timor-Leste"):
        got = []
        for db in (ungd_db, url):
            built = build_brief(
                load_settings(
                    db=db,
                    out=tmp_path,
                    country=country,
                    since="2015-01-01",
                    until="2024-12-31",
                    formats=("json",),
                    today="2025-01-10",
                )
            )
            got.append({s.path for s in built.brief.sources})
        overlaps.append(len(got[0] & got[1]) / len(got[0] | got[1]))
    # Both stores rank with BM25-like scores but not the same formula (FTS5 bm25 against
    # ts_rank_cd); most cited sources must still be shared.
    assert min(overlaps) >= 0.5, overlaps
    assert sum(overlaps) / len(overlaps) >= 0.6, overlaps
