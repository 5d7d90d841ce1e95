"""Templates render Markdown; source text stays text; user folders override by file name."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefs import build_brief, load_settings
from briefs.document import parse
from briefs.errors import TemplateError
from briefs.templating import md_escape, render
from briefs.writers import html, markdown

HOSTILE = "<font>A & B</font> **bold** [@S9] {{ 7*7 }} # not a heading ]]> \u202eRTL"


def test_hostile_source_text_stays_text_through_parse() -> None:
    blocks = parse(f"Quote: {md_escape(HOSTILE)} [@S1]\n")
    (block,) = blocks
    assert block.text == f"Quote: {HOSTILE} [1]"
    assert [r.cite for r in block.runs if r.cite] == ["S1"]
    assert not any(r.bold for r in block.runs)


def test_hostile_text_is_escaped_in_html_and_markdown(tmp_path: Path) -> None:
    blocks = parse(f"{md_escape(HOSTILE)}\n")
    page = html.render(blocks, _empty_brief())
    assert "&lt;font&gt;A &amp; B&lt;/font&gt;" in page
    again = parse(markdown.render(blocks))
    assert again[0].text == HOSTILE


def test_user_folder_overrides_one_section_and_extends_default(tmp_path: Path) -> None:
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "keywords.md.j2").write_text(
        "## Terms\n\n{% for k in brief.keywords %}{{ k.text }}; {% endfor %}\n\n", "utf-8"
    )
    (tmp_path / "brief.md.j2").write_text(
        '{% extends "!default/brief.md.j2" %}{% block gaps %}{% endblock %}', "utf-8"
    )
    ctx = {
        "brief": _empty_brief(),
        "scope_label": "x",
        "period_label": "y",
        "style": "numbered",
        "references": [],
        "charts": True,
    }
    text = render("brief.md.j2", ctx, tmp_path)
    assert "## Terms" in text and "## Keywords" not in text
    assert "Information gaps" not in text


def test_template_errors_name_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "brief.md.j2").write_text("# Title\n{% for x in %}\n", "utf-8")
    with pytest.raises(TemplateError, match=r"brief\.md\.j2:2"):
        render("brief.md.j2", {}, tmp_path)
    (tmp_path / "brief.md.j2").write_text("{{ brief.nothing_here }}", "utf-8")
    with pytest.raises(TemplateError, match="nothing_here"):
        render("brief.md.j2", {"brief": _empty_brief()}, tmp_path)


def test_templates_option_reaches_every_format(seed_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "house"
    (folder / "sections").mkdir(parents=True)
    (folder / "sections" / "header.md.j2").write_text(
        "# {{ brief.title }}\n\nPrepared by the Mekong desk.\n\n", "utf-8"
    )
    built = build_brief(
        load_settings(
            db=seed_db,
            out=tmp_path / "out",
            country="Vietnam",
            templates=folder,
            formats=("md", "html", "json"),
        )
    )
    for path in built.paths[:2]:
        assert "Prepared by the Mekong desk." in path.read_text("utf-8")


def _empty_brief():
    from briefs.model import Brief, Check, Keyword, Manifest

    return Brief(
        "T: policy brief",
        {"country": None, "topic": "t"},
        {"from": None, "to": None},
        "2026-01-05",
        [],
        [],
        [],
        [Keyword("peace", 0.1)],
        [],
        Check(0, 0, []),
        [],
        ["a gap"],
        Manifest("x", {}, {}),
    )
