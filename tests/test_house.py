"""House-keeping promises: ordinary file permissions, usage errors, settings, a house
reference.docx that lacks the project's table style."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from briefs import build_brief, load_settings
from briefs.cli import main
from briefs.errors import ConfigError


def test_written_files_are_readable_by_the_group_and_others(seed_db: Path, tmp_path: Path):
    old = os.umask(0o022)
    try:
        built = build_brief(
            load_settings(
                db=seed_db,
                out=tmp_path,
                country="Cambodia",
                formats=("json", "md"),
                today="2026-01-05",
            )
        )
    finally:
        os.umask(old)
    for path in [*built.paths, *tmp_path.glob("*.svg")]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_a_bad_shard_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", "--shard", "x/y", "--db", str(tmp_path / "c")])
    assert result.exit_code == 2 and "--shard must look like 0/4" in result.output
    assert "internal error" not in result.output


def test_a_misspelt_setting_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown setting 'contry'"):
        load_settings(contry="Cambodia")


def test_a_house_reference_without_the_table_style_falls_back(seed_db: Path, tmp_path: Path):
    house = tmp_path / "house"
    house.mkdir()
    docx.Document().save(str(house / "reference.docx"))  # Word's defaults: no "Brief Table"
    built = build_brief(
        load_settings(
            db=seed_db,
            out=tmp_path / "out",
            country="Cambodia",
            formats=("docx",),
            templates=house,
            today="2026-01-05",
        )
    )
    document = docx.Document(str(built.paths[0]))
    assert document.tables and document.tables[0].style.name == "Table Grid"
