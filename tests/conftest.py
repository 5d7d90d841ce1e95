from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from briefs.ingest import ingest
from briefs.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
UNGD = ROOT.parent / "shared" / "corpora" / "ungd-sea"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def stored(folder: Path) -> Path:
    """A new SQLite store beside ``folder`` (``c.db``) holding every file in it."""
    db = folder.parent / "c.db"
    with Store(db) as store:
        ingest(store, [folder])
    return db


@pytest.fixture(scope="session")
def sqlite_seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("seeddb") / "corpus.db"
    with Store(db) as store:
        result = ingest(store, [SEEDS])
    assert len(result.added) == 5
    return db


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL cluster (Debian's postgresql), or a skip that says why not."""
    pytest.importorskip("psycopg", reason="psycopg is in the test extras")
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries not installed (Debian: postgresql)")
    # Not under pytest's own temporary folder: the postgres user must be able to reach it.
    folder = Path(tempfile.mkdtemp(prefix="briefs-pg-"))
    data = folder / "data"
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb and postgres refuse to run as root
        shutil.chown(folder, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = 54000 + os.getpid() % 1000
    try:
        subprocess.run(
            [
                *as_user,
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                *as_user,
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-w",
                "-l",
                str(folder / "log"),
                "-o",
                f"-k {folder} -c listen_addresses='' -p {port} -c fsync=off",
                "start",
            ],
            check=True,
            capture_output=True,
        )
    except (subprocess.CalledProcessError, OSError) as e:
        pytest.skip(f"could not start a PostgreSQL server: {e}")
    try:
        yield f"postgresql://postgres@/%s?host={folder}&port={port}"
    finally:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


def fresh_pg_database(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(server % "postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return server % name


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def seed_db(request: pytest.FixtureRequest):
    """A store holding the five seeds, built once per session: every test that uses it runs
    against the embedded SQLite store and against a PostgreSQL server."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_seed_db")
    from briefs.corpus import open_corpus

    url = fresh_pg_database(request.getfixturevalue("pg_server"), "briefs_seeds_shared")
    with open_corpus(url) as store:
        result = ingest(store, [SEEDS])
    assert len(result.added) == 5
    return url


@pytest.fixture(scope="session")
def ungd_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not UNGD.is_dir():
        pytest.skip(f"the shared UN General Debate corpus is not at {UNGD}")
    db = tmp_path_factory.mktemp("ungddb") / "corpus.db"
    with Store(db) as store:
        ingest(store, [UNGD])
    return db


@pytest.fixture()
def seed_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest


EVAL_REPORT: list[str] = []  # filled by test_eval, printed at the end of every run


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001 (pytest hook)
    if EVAL_REPORT:
        terminalreporter.section("evals: extraction, relevance, topics, debris, summaries")
        for line in EVAL_REPORT:
            terminalreporter.write_line(line)
