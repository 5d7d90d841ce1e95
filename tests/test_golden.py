"""Golden files: the JSON sidecars of four runs on the seeds, with the run date pinned.

Any change to what goes into a brief or digest shows here as a diff. When the change is meant,
rewrite the files and commit them with it:

    BRIEFS_UPDATE_GOLDEN=1 pytest tests/test_golden.py

Library versions are left out of the comparison (they follow the environment, not the code).
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from briefs import build_brief, load_settings
from briefs.ingest import ingest
from briefs.pipeline import build_digest
from briefs.store import Store

from conftest import SEEDS

GOLDEN = Path(__file__).resolve().parent / "golden"
TODAY = "2026-01-05"
UPDATE = os.environ.get("BRIEFS_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def fresh_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Its own store: editions recorded by other tests would change "what changed".
    db = tmp_path_factory.mktemp("golden") / "corpus.db"
    with Store(db) as store:
        ingest(store, [SEEDS])
    return db


def _normal(path: Path) -> str:
    data = json.loads(path.read_text("utf-8"))
    data.get("manifest", {}).pop("versions", None)
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _compare(name: str, produced: Path) -> None:
    golden = GOLDEN / f"{name}.json"
    text = _normal(produced)
    if UPDATE:
        golden.write_text(text, "utf-8")
        return
    if not golden.exists():
        pytest.fail(f"no golden file {golden.name}: run BRIEFS_UPDATE_GOLDEN=1 pytest {__file__}")
    want = golden.read_text("utf-8")
    if text != want:
        diff = difflib.unified_diff(
            want.splitlines(), text.splitlines(), f"golden/{golden.name}", "this run", lineterm=""
        )
        shown = "\n".join(list(diff)[:120])
        pytest.fail(
            f"{name} differs from its golden file (update on purpose, see the module):\n{shown}"
        )


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("cambodia", {"country": "Cambodia"}),
        ("myanmar", {"country": "Myanmar"}),
        ("topic-ceasefire", {"topic": "ceasefire"}),
    ],
)
def test_brief_matches_its_golden_file(fresh_db: Path, tmp_path: Path, name, options) -> None:
    settings = load_settings(db=fresh_db, out=tmp_path, today=TODAY, formats=("json",), **options)
    built = build_brief(settings)
    _compare(name, built.paths[0])


def test_digest_matches_its_golden_file(fresh_db: Path, tmp_path: Path) -> None:
    settings = load_settings(db=fresh_db, out=tmp_path, today=TODAY, formats=("json",))
    built = build_digest(settings, week_spec="2025-W52", with_briefs=False)
    _compare("digest-2025-W52", built.paths[0])


def test_a_changed_brief_fails_its_golden_comparison(fresh_db: Path, tmp_path: Path) -> None:
    if UPDATE:
        pytest.skip("updating the golden files")
    settings = load_settings(
        db=fresh_db, out=tmp_path, today=TODAY, formats=("json",), country="Cambodia"
    )
    path = build_brief(settings).paths[0]
    data = json.loads(path.read_text("utf-8"))
    data["sections"][0]["sentences"].pop()
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(pytest.fail.Exception, match="differs from its golden file"):
        _compare("cambodia", path)
