"""`briefs templates`: init, edit, check, and the sandbox, as a user meets them."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from briefs import build_brief, load_settings
from briefs.cli import main
from briefs.errors import TemplateError
from briefs.resources import templates_dir
from briefs.template_tools import check, data_page
from briefs.templating import render


def _texts(paths: list[Path]) -> dict[str, str]:
    out = {}
    for p in paths:
        if p.suffix == ".md":
            out["md"] = p.read_text("utf-8")
        elif p.suffix == ".docx":
            out["docx"] = "\n".join(par.text for par in docx.Document(str(p)).paragraphs)
        elif p.suffix == ".pdf":
            out["pdf"] = " ".join(
                " ".join(pg.extract_text().split()) for pg in PdfReader(str(p)).pages
            )
    return out


def test_init_edit_and_every_change_reaches_docx_pdf_and_markdown(
    seed_db: Path, tmp_path: Path
) -> None:
    house = tmp_path / "house"
    result = CliRunner().invoke(main, ["templates", "init", str(house)])
    assert result.exit_code == 0 and (house / "sections" / "key_points.md.j2").is_file()
    # 1. rename a section heading
    kp = house / "sections" / "key_points.md.j2"
    kp.write_text(kp.read_text("utf-8").replace("## {{ section.title }}", "## Main points"))
    # 2. reorder two sections (timeline before key figures), 3. remove one (keywords),
    # 4. add fixed text with the period in it
    top = house / "brief.md.j2"
    text = top.read_text("utf-8")
    figures = '{% block figures %}{% include "sections/figures.md.j2" %}{% endblock %}\n'
    timeline = '{% block timeline %}{% include "sections/timeline.md.j2" %}{% endblock %}\n'
    keywords = '{% block keywords %}{% include "sections/keywords.md.j2" %}{% endblock %}\n'
    assert figures in text and timeline in text and keywords in text
    text = text.replace(figures, "@@F@@").replace(timeline, figures).replace("@@F@@", timeline)
    text = text.replace(keywords, "")
    text = text.replace(
        "{% block contents %}", "This paper covers {{ period_label }}.\n\n{% block contents %}"
    )
    top.write_text(text, "utf-8")
    assert [p for p in check(house) if p.fatal] == []
    built = build_brief(
        load_settings(
            db=seed_db,
            out=tmp_path / "out",
            country="Cambodia",
            templates=house,
            formats=("md", "docx", "pdf", "json"),
            since="2021-01-01",
            until="2025-12-31",
        )
    )
    for fmt, body in _texts(built.paths).items():
        assert "Main points" in body and "Key points" not in body, fmt
        assert "This paper covers 2021-01-01 to 2025-12-31." in body, fmt
        assert body.index("Timeline") < body.index("Key figures"), fmt
        assert "Keywords" not in body, fmt


def test_check_reports_file_and_line_and_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    (bad / "sections").mkdir(parents=True)
    (bad / "sections" / "keywords.md.j2").write_text(
        "## Keywords\n\n{{ brief.keywordz }}\n", "utf-8"
    )
    (bad / "sections" / "gaps.md.j2").write_text("## Gaps\n{% for g in brief.gaps %}\n", "utf-8")
    (bad / "sections" / "timeline.md.j2").write_text(
        "## Timeline\n{{ brief.timeline | length }} {% if brief.title == “x” %}{% endif %}\n",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["templates", "check", str(bad)])
    assert result.exit_code == 1
    assert re.search(r"sections/gaps\.md\.j2:\d+: error: .*(end of template|endfor)", result.output)
    assert "sections/timeline.md.j2:2: error: curly quotes inside a Jinja tag" in result.output
    (bad / "sections" / "gaps.md.j2").unlink()
    (bad / "sections" / "timeline.md.j2").unlink()
    result = CliRunner().invoke(main, ["templates", "check", str(bad)])
    assert result.exit_code == 1
    assert "sections/keywords.md.j2:3: error: undefined:" in result.output
    assert "keywordz" in result.output


def test_brief_with_broken_template_is_one_line(seed_db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "brief.md.j2").write_text("# Title\n{% for x in %}\n", "utf-8")
    result = CliRunner().invoke(
        main,
        [
            "brief",
            "--country",
            "Cambodia",
            "--db",
            str(seed_db),
            "--templates",
            str(bad),
            "--out",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "brief.md.j2:2" in result.output


@pytest.mark.parametrize(
    "evil",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ brief.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{% include '/etc/passwd' %}",
        "{% include '../../../../../../etc/passwd' %}",
    ],
)
def test_sandbox_refuses_code_and_file_access(tmp_path: Path, evil: str) -> None:
    (tmp_path / "brief.md.j2").write_text(evil, "utf-8")
    from briefs.sample import sample_brief

    with pytest.raises(TemplateError):
        render("brief.md.j2", {"brief": sample_brief()}, tmp_path)


@pytest.mark.parametrize(
    "example,heading",
    [("situation-update", "situation update"), ("background-paper", "## Background")],
)
def test_example_sets(seed_db: Path, tmp_path: Path, example: str, heading: str) -> None:
    folder = tmp_path / example
    CliRunner().invoke(main, ["templates", "init", str(folder), "--example", example])
    assert [p for p in check(folder) if p.fatal] == []
    built = build_brief(
        load_settings(
            db=seed_db,
            out=tmp_path / "out",
            country="Cambodia",
            templates=folder,
            formats=("md", "json"),
        )
    )
    md = built.paths[0].read_text("utf-8")
    assert heading in md
    numbers = [int(n) for n in re.findall(r"\[\\\[(\d+)\\\]\]", md)]
    first_seen = list(dict.fromkeys(numbers))
    assert first_seen == sorted(first_seen), "sources numbered in the order a reader meets them"


def test_data_page_is_generated_from_the_model() -> None:
    assert (templates_dir() / "DATA.md").read_text("utf-8") == data_page()


def test_list_and_show(tmp_path: Path) -> None:
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "header.md.j2").write_text("# {{ brief.title }}\n", "utf-8")
    out = CliRunner().invoke(main, ["templates", "list", "--templates", str(tmp_path)]).output
    assert re.search(r"sections/header\.md\.j2\s+" + re.escape(str(tmp_path)), out)
    assert re.search(r"sections/keywords\.md\.j2\s+built-in", out)
    shown = CliRunner().invoke(main, ["templates", "show", "sections/keywords.md.j2"])
    assert shown.exit_code == 0 and "## Keywords" in shown.output
    missing = CliRunner().invoke(main, ["templates", "show", "nope.j2"])
    assert missing.exit_code == 1 and "no built-in template 'nope.j2'" in missing.output


def test_briefs_toml_sets_the_templates_folder_once(
    seed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    CliRunner().invoke(
        main, ["templates", "init", str(tmp_path / "house"), "--example", "situation-update"]
    )
    (tmp_path / "briefs.toml").write_text(f'templates = "house"\ndb = "{seed_db}"\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["brief", "--country", "Cambodia", "--format", "md"])
    assert result.exit_code == 0, result.output
    assert "situation update" in (tmp_path / "output" / "cambodia.md").read_text("utf-8")
