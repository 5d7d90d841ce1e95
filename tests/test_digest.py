"""The weekly digest, editions and "what changed", and briefs for every country."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefs import load_settings
from briefs.batch import build_all
from briefs.cli import main
from briefs.digest import last_complete_week, week
from briefs.errors import ConfigError
from briefs.ingest import ingest
from briefs.pipeline import build_digest
from briefs.store import Store

from conftest import UNGD, stored


def test_iso_weeks() -> None:
    w = week("2025-W52")
    assert (w.since, w.until, w.label) == ("2025-12-22", "2025-12-28", "2025-W52")
    import datetime as dt

    assert (
        last_complete_week(dt.date(2026, 1, 5)).label == "2026-W01"
        or last_complete_week(dt.date(2026, 1, 5)).label == "2025-W01"
    )
    assert last_complete_week(dt.date(2025, 12, 31)).label == "2025-W52"
    with pytest.raises(ConfigError, match="2025-52"):
        week("2025-52")


def test_digest_week_52_has_the_ceasefire_talks(seed_db: Path, tmp_path: Path) -> None:
    settings = load_settings(db=seed_db, out=tmp_path, formats=("md", "json"), today="2026-01-05")
    built = build_digest(settings, week_spec="2025-W52", with_briefs=False)
    folder = tmp_path / "2025-W52"
    assert [p.parent for p in built.paths] == [folder, folder]
    names = [c.country for c in built.digest.countries]
    assert "Cambodia" in names and "Thailand" in names
    md = (folder / "digest.md").read_text("utf-8")
    assert "ceasefire" in md and "Monday (December 22)" in md
    assert built.digest.check.failures == []
    data = json.loads((folder / "digest.json").read_text("utf-8"))
    assert set(data) >= {"sources", "check", "warnings", "manifest", "countries"}
    assert {"country", "lead", "bullets", "changes"} <= set(data["countries"][0])


def test_empty_week_says_so_and_exits_0(seed_db: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "digest",
            "--week",
            "2024-W10",
            "--db",
            str(seed_db),
            "--out",
            str(tmp_path),
            "--format",
            "md",
            "--no-briefs",
        ],
    )
    assert result.exit_code == 0, result.output
    md = (tmp_path / "2024-W10" / "digest.md").read_text("utf-8")
    assert "No documents in the corpus are dated within week 2024-W10" in md


def test_rerun_replaces_that_week_and_leaves_others(seed_db: Path, tmp_path: Path) -> None:
    settings = load_settings(db=seed_db, out=tmp_path, formats=("md",), today="2026-01-05")
    build_digest(settings, week_spec="2024-W10", with_briefs=False)
    build_digest(settings, week_spec="2025-W52", with_briefs=False)
    first = (tmp_path / "2025-W52" / "digest.md").read_text("utf-8")
    build_digest(settings, week_spec="2025-W52", with_briefs=False)
    assert (tmp_path / "2025-W52" / "digest.md").read_text("utf-8") == first
    assert (tmp_path / "2024-W10" / "digest.md").is_file()
    assert not list(tmp_path.rglob(".digest.md.*"))  # no temporary files left behind


def test_all_countries_on_the_seeds(seed_db: Path, tmp_path: Path) -> None:
    settings = load_settings(db=seed_db, out=tmp_path, formats=("md", "json"), today="2026-01-05")
    written, failed, index = build_all(settings)
    stems = {p.stem for p in written}
    assert {"cambodia", "myanmar", "thailand", "vietnam"} <= stems
    # Laos is only where one meeting was held (Luang Prabang): no seed is about it.
    assert "laos" not in stems
    assert failed == []
    page = index.read_text("utf-8")
    assert 'href="cambodia.md"' in page and index.parent == tmp_path / "2026-01-05"


def test_a_failing_country_is_reported_and_the_others_written(
    seed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefs.batch as pipeline  # where build_all looks build_brief up
    from briefs.errors import RenderError

    real = pipeline.build_brief

    def flaky(settings, **kw):
        if settings.country == "Myanmar":
            raise RenderError("disk full while writing myanmar.md")
        return real(settings, **kw)

    monkeypatch.setattr(pipeline, "build_brief", flaky)
    settings = load_settings(
        db=seed_db,
        out=tmp_path,
        formats=("md",),
        today="2026-01-05",
        countries=("Cambodia", "Myanmar", "Thailand"),
    )
    written, failed, index = build_all(settings)
    assert {p.stem for p in written} == {"cambodia", "thailand"}
    assert failed == [("Myanmar", "disk full while writing myanmar.md")]
    assert "Myanmar: disk full" in index.read_text("utf-8")


def test_briefs_and_digests_record_editions_and_what_changed(
    seed_copy: Path, tmp_path: Path
) -> None:
    db = tmp_path / "c.db"
    with Store(db) as store:
        ingest(store, [seed_copy])
    from briefs import build_brief

    opts = {"db": db, "out": tmp_path, "country": "Cambodia", "formats": ("json", "md")}
    first = build_brief(load_settings(**opts, today="2026-01-05"))
    assert first.brief.changes.previous is None
    assert "first edition for this scope" in first.paths[1].read_text("utf-8")
    # A new report arrives with a new figure on a measure the brief already had.
    (seed_copy / "005_new.md").write_text(
        "---\ntitle: Cambodia deploys more peacekeepers\npublisher: Test Wire\n"
        "date: 2026-01-10\ntype: news\n---\n"
        "Cambodia has deployed nearly 12,000 peacekeepers across UN missions since 2006, the "
        "defence ministry said in Phnom Penh on Friday.\n",
        "utf-8",
    )
    with Store(db) as store:
        ingest(store, [seed_copy])
    second = build_brief(load_settings(**opts, today="2026-01-12"))
    changes = second.brief.changes
    assert changes.previous == "2026-01-05"
    kinds = {c.kind for c in changes.items}
    assert "new_source" in kinds
    moved = [c for c in changes.items if c.kind == "moved_figure"]
    assert moved and moved[0].text == "nearly 12,000 peacekeepers"
    assert moved[0].before["text"] == "nearly 10,000 peacekeepers"
    assert moved[0].cites and moved[0].cites[0].quote.startswith("Cambodia has deployed nearly")


def test_ungd_2024_digest_covers_every_country_and_lists_changes(
    ungd_db: Path, tmp_path: Path
) -> None:
    base = {"db": ungd_db, "out": tmp_path, "formats": ("md", "json"), "today": "2025-01-10"}
    build_digest(load_settings(**base, since="2023-01-01", until="2023-12-31"), with_briefs=False)
    built = build_digest(
        load_settings(**base, since="2024-01-01", until="2024-12-31"), with_briefs=False
    )
    meta = [json.loads(line) for line in (UNGD / "metadata.jsonl").read_text().splitlines()]
    speakers_2024 = {m["country"] for m in meta if m["year"] == 2024}
    covered = {c.country for c in built.digest.countries}
    assert speakers_2024 <= covered
    changed = [c for e in built.digest.countries for c in (e.changes.items if e.changes else [])]
    assert any(c.kind in ("new_figure", "moved_figure") and c.cites for c in changed)
    assert any(c.kind in ("keyword_up", "keyword_down") for c in changed)
    assert all(
        e.changes and e.changes.previous == "2023-12-31"
        for e in built.digest.countries
        if e.country in speakers_2024
    )
    assert built.digest.check.failures == []


def test_trend_marks_against_the_previous_digest(ungd_db: Path, tmp_path: Path) -> None:
    base = {"db": ungd_db, "out": tmp_path, "formats": ("md",), "today": "2025-01-10"}
    first = build_digest(
        load_settings(**base, since="2022-01-01", until="2022-12-31"),
        countries=("Cambodia",),
        with_briefs=False,
    )
    assert first.digest.countries[0].trend is None
    second = build_digest(
        load_settings(**base, since="2023-01-01", until="2023-12-31"),
        countries=("Cambodia",),
        with_briefs=False,
    )
    assert second.digest.countries[0].trend == _expected_trend(first, second)
    assert "derived from the corpus and not an assessment" in second.markdown


def _expected_trend(first, second) -> str:
    """The trend the digest's rule gives, recomputed from both editions' material."""
    before = first.digest.countries[0].material
    now = second.digest.countries[0].material
    if now > before * 1.2:
        return "up"
    return "down" if now < before * 0.8 else "same"


def test_a_digest_with_briefs_retrieves_each_country_once(
    seed_db: Path, tmp_path: Path, monkeypatch
) -> None:
    import briefs.digest as digest_module
    import briefs.pipeline as pipeline_module

    calls: list[str] = []
    real = pipeline_module.retrieve

    def counted(store, scope, **kw):
        calls.append(scope.country.name if scope.country else "")
        return real(store, scope, **kw)

    monkeypatch.setattr(pipeline_module, "retrieve", counted)
    monkeypatch.setattr(digest_module, "retrieve", counted)
    settings = load_settings(db=seed_db, out=tmp_path, formats=("json",), today="2026-01-05")
    built = build_digest(settings, week_spec="2025-W52")
    countries = [e.country for e in built.digest.countries]
    assert countries and sorted(calls) == sorted(countries)
    # The entry is the brief's own key points: its lead is the brief's first one.
    cambodia = json.loads((tmp_path / "2025-W52" / "cambodia.json").read_text("utf-8"))
    first = cambodia["sections"][0]["sentences"][0]["text"]
    lead = next(e for e in built.digest.countries if e.country == "Cambodia").lead
    assert lead.text == first


def test_countries_composed_side_by_side_give_what_one_at_a_time_gives(
    sqlite_seed_db: Path, monkeypatch
) -> None:
    import os
    import threading

    import briefs.compose.many as many
    from briefs import geo
    from briefs.compose import compose
    from briefs.digest import _LIMITS
    from briefs.retrieve import Scope, retrieve

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    with Store(sqlite_seed_db) as store:
        jobs = [
            (retrieve(store, scope), scope)
            for scope in (
                Scope(geo.resolve(c), None, None, None) for c in ("Cambodia", "Myanmar", "Thailand")
            )
        ]
    alone = [compose(found, scope, limits=_LIMITS) for found, scope in jobs]
    assert many.compose_many(iter(jobs), _LIMITS, expected=3) == alone
    assert alone[0].sections and alone[1].sections

    # They did run in other processes: a worker reports its own process id.
    monkeypatch.setattr(many, "compose", lambda found, scope, limits: os.getpid())
    pids = many.compose_many(iter(jobs), _LIMITS, expected=3)
    assert len(pids) == 3 and os.getpid() not in pids
    # With another thread running (the desk's server) composition stays in this thread.
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert many.compose_many(iter(jobs), _LIMITS, expected=3) == [os.getpid()] * 3


def test_all_countries_over_all_dates_counts_undated_documents(tmp_path: Path) -> None:
    """A reference profile carries no date: over all dates, its country has material."""

    folder = tmp_path / "docs"
    folder.mkdir()
    for name, country in (("laos.md", "Laos"), ("cambodia.md", "Cambodia")):
        (folder / name).write_text(
            f"# {country}\n\n"
            + "\n\n".join(
                f"{country} held talks with its neighbours on trade and the border in year {i}, "
                f"and officials in {country} said the results would be published."
                for i in range(6)
            ),
            "utf-8",
        )
    db = stored(folder)
    settings = load_settings(db=db, out=tmp_path / "out", formats=("json",), today="2026-01-05")
    written, failed, _index = build_all(settings)
    assert failed == []
    assert sorted(p.name for p in written) == ["cambodia.json", "laos.json"]


def test_a_digest_entry_reads_its_keywords_from_less_prose_than_a_brief(
    sqlite_seed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """YAKE was two thirds of a ten-country digest's time, for keywords that feed at most
    three change lines: composition reads only ``Limits.keyword_text`` characters of the
    best-ranked prose, and the digest sets it lower than a brief."""
    import briefs.compose as compose
    from briefs import geo
    from briefs.compose import Limits
    from briefs.digest import _LIMITS, DIGEST_KEYWORD_TEXT
    from briefs.retrieve import Scope, retrieve
    from briefs.store import Store

    read: list[int] = []
    real = compose.yake_keywords

    def counting(text: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        read.append(len(text))
        return real(text, *args, **kwargs)

    monkeypatch.setattr(compose, "yake_keywords", counting)
    scope = Scope(geo.resolve("Cambodia"), None, None, None)
    with Store(sqlite_seed_db) as store:
        found = retrieve(store, scope)
    compose.compose(found, scope)
    compose.compose(found, scope, limits=Limits(keyword_text=2_000))
    assert read[0] > 2_000 and read[1] <= 2_000
    assert _LIMITS.keyword_text == DIGEST_KEYWORD_TEXT < Limits().keyword_text


def test_a_digest_records_the_same_entry_with_or_without_its_briefs(
    ungd_db: Path, tmp_path: Path
) -> None:
    """A brief reads more of a country's window for its keywords than a digest entry; an entry
    taken from a brief reads its own share, so the edition a digest records (what next week's
    "what changed" compares against) does not depend on whether the briefs were written."""
    import shutil

    recorded = []
    for with_briefs in (False, True):
        db = tmp_path / f"{with_briefs}.db"
        shutil.copy(ungd_db, db)
        settings = load_settings(
            db=db,
            out=tmp_path / f"out-{with_briefs}",
            formats=("json",),
            today="2026-01-05",
            since="2015-01-01",
            until="2019-12-31",
        )
        build_digest(settings, countries=("Cambodia", "Myanmar"), with_briefs=with_briefs)
        with Store(db) as store:
            recorded.append(
                [
                    store.previous_edition("digest", f"country={c}", "2020-01-01")
                    for c in ("Cambodia", "Myanmar")
                ]
            )
    assert all(r is not None and r[1]["keywords"] for r in recorded[0])
    assert recorded[0] == recorded[1]
    # An entry's figures are its brief's tiles, what a reader would put in a box, not the
    # table's first rows ("122 countries contributing troops" is a row, never a tile).
    brief = json.loads(next((tmp_path / "out-True").rglob("cambodia.json")).read_text("utf-8"))
    tiles = [brief["figures"][i]["text"] for i in brief["tiles"]]
    assert [f["text"] for f in recorded[1][0][1]["figures"]] == tiles
    assert "122 countries" in [f["text"] for f in brief["figures"]] and "122 countries" not in tiles
