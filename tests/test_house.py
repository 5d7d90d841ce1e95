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


def _module_imports(path: Path, package: Path) -> set[str]:
    """The ``briefs`` modules ``path`` imports when it is loaded: its top-level imports, not
    those inside a function (loaded when called) or under ``TYPE_CHECKING``."""
    import ast

    tree = ast.parse(path.read_text("utf-8"))
    known = {_module_name(p, package) for p in package.rglob("*.py")}
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for sub in ast.walk(node) if isinstance(node, ast.Try | ast.If) else [node]:
            if isinstance(sub, ast.Import):
                found |= {a.name for a in sub.names}
            elif isinstance(sub, ast.ImportFrom) and sub.module and sub.level == 0:
                # "from briefs import geo" loads the module briefs.geo (and the package's
                # __init__ before it, as every import of a submodule does: no circle);
                # "from briefs.compose import Limits" takes a name from the package itself.
                named = {f"{sub.module}.{a.name}" for a in sub.names}
                found |= named & known or {sub.module}
    return {m for m in found if m in known}


def _module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_no_module_is_over_400_lines_and_no_imports_go_round_in_a_circle() -> None:
    import briefs

    package = Path(briefs.__file__).parent
    modules = sorted(package.rglob("*.py"))
    long = {
        _module_name(p, package): n
        for p in modules
        if (n := len(p.read_text("utf-8").splitlines())) > 400
    }
    assert not long, f"modules over 400 lines: {long}"
    graph = {_module_name(p, package): _module_imports(p, package) for p in modules}
    circles = []
    state: dict[str, int] = {}  # 1: being visited, 2: done

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for other in sorted(graph.get(module, ())):
            if other == module:
                continue
            if state.get(other) == 1:
                circles.append(trail[trail.index(other) :] + [other])
            elif other not in state:
                visit(other, [*trail, other])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not circles, f"import circles: {circles}"
    # The check sees imports at all: the pipeline loads compose and the store.
    assert {"briefs.compose", "briefs.corpus"} <= graph["briefs.pipeline"]
