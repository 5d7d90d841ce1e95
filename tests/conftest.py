from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefs.ingest import ingest
from briefs.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
UNGD = ROOT.parent / "shared" / "corpora" / "ungd-sea"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the five seeds, built once per session."""
    db = tmp_path_factory.mktemp("seeddb") / "corpus.db"
    with Store(db) as store:
        result = ingest(store, [SEEDS])
    assert len(result.added) == 5
    return db


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
        terminalreporter.section("extraction eval")
        for line in EVAL_REPORT:
            terminalreporter.write_line(line)
