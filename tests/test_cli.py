"""The command line: results on stdout, one-line errors, exit codes, no tracebacks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefs.cli import main

from conftest import SEEDS


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_brief_on_first_use_ingests_seeds_and_writes_three_files(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    result = runner.invoke(main, ["brief", "--country", "Cambodia"])
    assert result.exit_code == 0, result.output
    for ext in ("docx", "pdf", "json"):
        assert (tmp_path / "output" / f"cambodia.{ext}").is_file()
    assert (tmp_path / ".briefs" / "corpus.db").is_file()
    assert "claim check:" in result.output


def test_unknown_country_is_one_line_and_exit_1(runner: CliRunner, seed_db: Path) -> None:
    result = runner.invoke(main, ["brief", "--country", "Narnia", "--db", str(seed_db)])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "error: unknown country 'Narnia': give a country name, alias or ISO code"
    )


def test_no_passages_names_the_scope(runner: CliRunner, seed_db: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        main, ["brief", "--country", "Iceland", "--db", str(seed_db), "--out", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert "no passages found for Iceland" in result.output
    assert "Traceback" not in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_unwritable_output_folder(runner: CliRunner, seed_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    result = runner.invoke(
        main,
        [
            "brief",
            "--country",
            "Cambodia",
            "--db",
            str(seed_db),
            "--out",
            str(out),
            "--format",
            "md",
        ],
    )
    assert result.exit_code == 1 and "cannot write" in result.output


def test_output_path_that_is_a_file_is_an_error(
    runner: CliRunner, seed_db: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file, not a folder", "utf-8")
    result = runner.invoke(
        main,
        [
            "brief",
            "--country",
            "Cambodia",
            "--db",
            str(seed_db),
            "--out",
            str(blocker),
            "--format",
            "md",
        ],
    )
    assert result.exit_code == 1
    assert result.output.startswith("error: cannot write to")


def test_ingest_reports_counts_and_skipped_files(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    (folder / "broken.txt").write_bytes(b"\x00\x00\x00")
    db = tmp_path / "c.db"
    (folder / "~$report.docx").write_bytes(b"\x00lock")  # Word's lock file: not a document
    result = runner.invoke(main, ["ingest", str(folder), "--db", str(db), "--strict"])
    assert result.exit_code == 2
    assert "skipped broken.txt: binary content, not text" in result.output
    assert "~$report" not in result.output
    assert "5 added, 0 updated, 0 unchanged, 1 skipped" in result.output
    again = runner.invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert again.exit_code == 0, "without --strict a skipped file is a warning"
    assert "0 added, 0 updated, 5 unchanged, 1 skipped" in again.output


def test_missing_path_and_bad_date(runner: CliRunner, tmp_path: Path, seed_db: Path) -> None:
    result = runner.invoke(main, ["ingest", str(tmp_path / "nope"), "--db", str(seed_db)])
    assert result.exit_code == 1 and "no such file or folder" in result.output
    result = runner.invoke(
        main, ["brief", "--country", "Laos", "--since", "last year", "--db", str(seed_db)]
    )
    assert result.exit_code == 1
    assert "since must be a date like 2024-12-31, 2024-12 or 2024, got 'last year'" in result.output


def test_sources_and_search(runner: CliRunner, seed_db: Path) -> None:
    result = runner.invoke(main, ["sources", "--db", str(seed_db)])
    assert result.exit_code == 0 and result.output.count("passages") == 11
    result = runner.invoke(main, ["search", "ceasefire", "--db", str(seed_db), "--limit", "3"])
    assert result.exit_code == 0 and "003_14141caa1f55aa04.txt" in result.output


def test_help_carries_examples(runner: CliRunner) -> None:
    for command in (["--help"], ["brief", "--help"], ["ingest", "--help"]):
        result = runner.invoke(main, command)
        assert result.exit_code == 0 and "Example" in result.output


def test_passages_without_a_quotable_sentence_say_so(runner: CliRunner, tmp_path: Path) -> None:
    """A docket sheet names the case, one name a line: found, but nothing in it is a sentence
    a brief can quote. One line that says so, no empty brief."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "docket.txt").write_text(
        "MICHAEL A. KNOWLES, WARDEN\n\nPetitioner\n\nv.\n\nALEXANDRE MIRZAYANCE\n\n"
        "No. 07-1315\n\nArgued: January 13, 2009\n",
        "utf-8",
    )
    db = str(tmp_path / "c.db")
    assert runner.invoke(main, ["ingest", str(docs), "--db", db]).exit_code == 0
    result = runner.invoke(
        main,
        ["brief", "--topic", "Knowles v. Mirzayance", "--db", db, "--out", str(tmp_path / "o")],
    )
    assert result.exit_code == 1
    assert result.output.startswith("error: nothing to quote for 'Knowles v. Mirzayance': ")
    assert result.output.strip().endswith(
        ": the only passage found (in docket.txt) holds no sentence that stands on its own"
    )
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())
