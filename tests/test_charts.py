"""Pictures: key-figure tiles, timeline strip, coverage chart, in every format, switchable."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefs import build_brief, load_settings
from briefs.charts import build, png, svg
from briefs.model import Figure
from briefs.sample import sample_brief


@pytest.fixture(scope="module")
def with_charts(seed_db: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("charts")
    built = build_brief(
        load_settings(
            db=seed_db,
            out=out,
            country="Cambodia",
            today="2026-01-05",
            formats=("pdf", "docx", "html", "md", "json"),
        )
    )
    return {p.suffix: p for p in built.paths}, built


def test_pictures_in_html_as_inline_svg_with_alt_text(with_charts) -> None:
    paths, built = with_charts
    html = paths[".html"].read_text("utf-8")
    labels = re.findall(r'<svg role="img" aria-label="([^"]+)"', html)
    assert any(label.startswith("Key figures:") for label in labels)
    assert any(label.startswith("Timeline:") for label in labels)
    assert any(label.startswith("Coverage by") for label in labels)
    # Markdown links each picture as an SVG file written beside it (no data URIs, which
    # GitHub, most viewers and mail clients drop).
    md = paths[".md"].read_text("utf-8")
    assert "data:image" not in md
    linked = re.findall(r"!\[[^\]]*\]\(([^)]+\.svg)\)", md)
    assert linked and all(
        (paths[".md"].parent / name).read_text("utf-8").startswith("<svg") for name in linked
    )


def test_pictures_in_docx_are_images_with_alt_text(with_charts) -> None:
    paths, _ = with_charts
    z = zipfile.ZipFile(paths[".docx"])
    media = [n for n in z.namelist() if n.startswith("word/media/") and n.endswith(".png")]
    assert len(media) == 3
    xml = z.read("word/document.xml").decode()
    assert len(re.findall(r'descr="(Key figures|Timeline|Coverage by)[^"]*"', xml)) == 3


def test_pictures_in_pdf_are_vector_drawings(with_charts) -> None:
    paths, built = with_charts
    reader = PdfReader(str(paths[".pdf"]))
    assert not any(
        "/Image" in str(p.get("/Resources", {}).get("/XObject", {})) for p in reader.pages
    )  # no raster
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "cited sentences" in text  # the coverage chart's legend, drawn as text
    first_figure = built.brief.figures[0].text
    assert re.search(r"\d", first_figure)


def test_no_charts_and_templates_drop_them(seed_db: Path, tmp_path: Path) -> None:
    built = build_brief(
        load_settings(
            db=seed_db, out=tmp_path, country="Cambodia", formats=("html", "docx"), charts=False
        )
    )
    html = built.paths[0].read_text("utf-8")
    assert "<svg" not in html
    assert not [
        n for n in zipfile.ZipFile(built.paths[1]).namelist() if n.startswith("word/media/")
    ]


def test_same_data_same_bytes_and_colours_from_the_style() -> None:
    brief = sample_brief()
    palette = {
        "accent": "#AA0000",
        "table_header": "#EEEEEE",
        "muted": "#666666",
        "rule": "#CCCCCC",
        "link": "#0000AA",
    }
    from briefs.looks import Fonts, load_style

    style = load_style(None)
    font = Fonts(style).names["regular"]
    a = build("tiles", brief, font, palette, {"S1": "[1]", "S2": "[2]"})
    b = build("tiles", brief, font, palette, {"S1": "[1]", "S2": "[2]"})
    assert svg(a) == svg(b)
    assert png(a, str(style.font_path("regular"))) == png(b, str(style.font_path("regular")))
    assert "rgb(66%,0%,0%)" in svg(a)  # the accent colour given, not the built-in one
    assert "525,000" in svg(a) and "[1]" in svg(a)


def test_pictures_show_the_briefs_own_numbers(with_charts) -> None:
    from briefs.looks import Fonts, load_style

    _, built = with_charts
    brief = built.brief
    style = load_style(None)
    font = Fonts(style).names["regular"]
    palette = style.data["colours"]
    markers = {s.id: f"[{s.id[1:]}]" for s in brief.sources}
    timeline = build("timeline", brief, font, palette, markers)
    # One numbered marker per timeline entry, 1..n in order.
    labels = [
        s.text
        for s in timeline.drawing.contents
        if type(s).__name__ == "String" and s.text.isdigit() and s.fontSize == 6.5
    ]
    assert labels == [str(n) for n in range(1, len(brief.timeline) + 1)]
    coverage = build("coverage", brief, font, palette, markers)
    from collections import Counter

    by_month = Counter(s.date[:7] for s in brief.sources if s.date and len(s.date) >= 7)
    by_month.update(s.date for s in brief.sources if s.date and len(s.date) == 4)
    for bucket, n in by_month.items():
        assert f"{bucket}: {n} source(s)" in coverage.alt
    tiles = build("tiles", brief, font, palette, markers)
    from briefs.charts import _tile_figures

    tiled = _tile_figures(brief)
    assert tiled and all(f.text in tiles.alt for f in tiled)
    sources = [f.source for f in tiled]
    # Tiles are chosen by composition: something happened to what they count, and a source
    # gives a second tile only when every source with such a figure has one (the brief's
    # figures are all about its country: composition keeps no other).
    from briefs.compose.tiles import happens

    assert all(happens(f) or (f.unit and f.counts) for f in tiled)
    if len(set(sources)) < len(sources):
        assert {f.source for f in brief.figures if happens(f)} <= set(sources)


def figure(counts: str, event: str | None, quote: str = "1") -> Figure:
    """A figure counting ``counts``, with ``event`` beside it, quoted from ``quote``."""
    return Figure(
        text="x",
        value=1.0,
        low=None,
        high=None,
        unit=None,
        counts=counts,
        measure=counts,
        as_of=None,
        source="S1",
        quote=quote,
        event=event,
    )


def test_a_tile_says_what_happened_to_what_it_counts() -> None:
    from briefs.compose.tiles import tile_label

    assert tile_label(figure("people", "displace", "…and 525,000 people displaced.")) == (
        "people displaced"
    )
    assert (
        tile_label(
            figure("peacekeepers", "deploy", "Cambodia has deployed nearly 10,000 peacekeepers.")
        )
        == "peacekeepers deployed"
    )
    # Where the sentence has no past form of it, the tile names only what is counted.
    assert tile_label(figure("tax", "add", "…and adding 15% tax.")) == "tax"
    # … unless it tells it happening right after the number, or by its noun.
    fleeing = replace(
        figure("people", "flee", "…with at least 10,000 people fleeing their homes."),
        text="at least 10,000 people",
    )
    assert tile_label(fleeing) == "people fleeing"
    plan = replace(figure("troops", "deploy", "It plans to deploy 500 troops."), text="500 troops")
    assert tile_label(plan) == "troops"
    assert tile_label(figure("deminers", None, "over 1,000 deminers")) == "deminers"
    # "related to" says what the instruments are about: nothing happened to them.
    related = figure(
        "international legal instruments",
        "relate",
        "Myanmar has signed 11 of the 12 international legal instruments related to terrorism.",
    )
    assert tile_label(related) == "international legal instruments"
    based = figure("Japanese troops", "base", "About 550 Japanese troops based in Samawah stay.")
    assert tile_label(based) == "Japanese troops"


def test_a_tile_writes_a_large_number_short_and_whole() -> None:
    """ "$11.5 billion" on a tile reads "$11.5bn", as a financial page writes it, and a value
    too wide for its tile is set smaller rather than cut."""
    from briefs.charts import _number, _size_to_fit
    from briefs.looks import Fonts, load_style

    assert _number("$11.5 billion deal") == "$11.5bn"
    assert _number("350 million people") == "350m"
    assert _number("1,200 troops") == "1,200"
    assert _number("20-30 million trees") == "20–30m"  # a range keeps both ends
    # Every currency a figure may open with, and thousands grouped by a space, stay whole.
    assert _number("roughly EUR 20 million") == "EUR 20m"
    assert _number("approximately 26 000 inhabitants") == "26 000"
    font = Fonts(load_style(None)).names["regular"]
    assert _size_to_fit("USD 355bn", font, 20, 13, 60) < 20
    assert _size_to_fit("75", font, 20, 13, 60) == 20


def test_a_tile_is_a_development_not_a_standing_count() -> None:
    """ "20 civilian deaths" and "people displaced" say what happened; "adding 15% tax" and
    "includes 20 members" do not, whatever verb stands beside the number."""
    from briefs.compose.tiles import happens

    assert happens(figure("civilian deaths", None)) and happens(figure("people", "displace"))
    assert not happens(figure("tax", "add")) and not happens(figure("members", "include"))
    assert not happens(figure("deminers", None))


def test_a_figure_with_what_happened_to_it() -> None:
    """The digest's figure line says what happened where the sentence does ("525,000 people
    displaced") and gives the figure as written where it does not."""
    from briefs.compose.tiles import with_development

    displaced = replace(
        figure("people", "displace", "…and 525,000 people displaced."), text="525,000 people"
    )
    assert with_development(displaced) == "525,000 people displaced"
    assert with_development(replace(figure("tax", "add", "adding 15% tax"), text="15% tax")) == (
        "15% tax"
    )


def test_one_fact_told_twice_makes_one_tile() -> None:
    """ "30 million trees planted" and "20-30 million trees planted" from two sources are one
    count: one tile; 30 people killed and 30 injured are two."""
    from briefs.compose.tiles import tiles
    from briefs.retrieve import Scope

    def planted(text, value, low, high, source, counts="trees", event="plant"):
        return replace(
            figure(counts, event, f"They {event}ed {text}."),
            text=text,
            value=value,
            low=low,
            high=high,
            source=source,
            measure=f"{counts} ({event})",
        )

    figures = [
        planted("30 million trees", 30e6, None, None, "S1"),
        planted("20-30 million trees", None, 20e6, 30e6, "S2"),
        planted("30 people", 30, None, None, "S3", "people", "kill"),
        planted("30 people", 30, None, None, "S4", "people", "injur"),
    ]
    chosen = tiles(figures, {}, Scope(None, "trees", None, None))
    assert [figures[i].text for i in chosen] == ["30 million trees", "30 people", "30 people"]


def test_no_tile_from_method_and_one_from_the_parts_of_a_sum() -> None:
    """Seen in a brief over US government report pages: "98.1% of CHD deaths" from a sentence
    telling why the calculations were restricted, and three tiles from one sentence listing a
    bank's assets. Three developments in one sentence stay three tiles."""
    from briefs.compose.tiles import tiles
    from briefs.retrieve import Scope

    method = (
        "Age-specific rate calculations were restricted to adults aged 45 years or more "
        "because 98.1% of CHD deaths occurred among persons in this age group."
    )
    assets = (
        "Assets were securities of $64.5 billion and net loans and leases of $25.1 billion, "
        "10.6% of total assets."
    )
    toll = "The conflict has resulted in 20 civilian deaths, 79 injuries and 525,000 displaced."

    def fig(text: str, counts: str, unit: str | None, quote: str, event=None) -> Figure:
        measure = f"{counts} ({event})" if event else counts
        return replace(figure(counts, event, quote), text=text, unit=unit, measure=measure)

    figures = [
        fig("98.1% of CHD deaths", "CHD deaths", "%", method),
        fig("$64.5 billion", "securities", "$", assets),
        fig("$25.1 billion", "loans", "$", assets),
        fig("10.6% of total assets", "total assets", "%", assets),
        fig("20 civilian deaths", "civilian deaths", None, toll),
        fig("79 injuries", "injuries", None, toll),
        fig("525,000 people", "people", None, toll, "displace"),
    ]
    chosen = [figures[i].text for i in tiles(figures, {}, Scope(None, "x", None, None))]
    assert "98.1% of CHD deaths" not in chosen
    assert (
        sum(t in chosen for t in ("$64.5 billion", "$25.1 billion", "10.6% of total assets")) == 1
    )
    assert {"20 civilian deaths", "79 injuries", "525,000 people"} <= set(chosen)


def test_a_count_as_of_another_day_is_an_update_not_a_disagreement() -> None:
    """A toll told as of 12 April and another as of 22 May: the figures table shows both,
    and neither is marked as differing; two sources with other values for one day are."""
    from briefs.compose.figures import differs

    def toll(value: float, as_of: str | None, source: str) -> Figure:
        f = figure("people", "kill", f"{value:.0f} people were killed.")
        return replace(f, value=value, as_of=as_of, source=source, measure="people (kill)")

    apart = differs([toll(150, "2025-04-12", "S1"), toll(200, "2025-05-22", "S2")])
    assert [f.differs_from for f in apart] == [[], []]
    same_day = differs([toll(150, "2025-04-12", "S1"), toll(200, "2025-04-12", "S2")])
    assert [f.differs_from for f in same_day] == [[1], [0]]
    year_and_month = differs([toll(150, "2025", "S1"), toll(200, "2025-04", "S2")])
    assert [f.differs_from for f in year_and_month] == [[1], [0]]


def test_a_tile_names_an_event_its_sentence_tells_by_a_noun() -> None:
    """ "The massacre of 11 people": the tile says the people were killed."""
    from briefs.compose.tiles import tile_label

    massacre = "December saw the massacre of 11 people in Done Taw, Sagaing Region."
    figure_ = replace(figure("people", "kill", massacre), text="11 people")
    assert tile_label(figure_) == "people killed"


def test_a_tile_keeps_the_noun_an_active_verb_takes() -> None:
    """Cambodia's 2019 UN speech: "77 per cent of voters expressed support for those
    policies" read "voters expressed" in the digest; a passive's next word is no object."""
    from briefs.compose.tiles import tile_label

    support = "During our most recent general election, 77 per cent of voters expressed support."
    assert tile_label(figure("voters", "express", support)) == "voters expressed support"
    abroad = "Some 10,000 peacekeepers deployed overseas since 1993."
    assert tile_label(figure("peacekeepers", "deploy", abroad)) == "peacekeepers deployed"
    modal = "The 100 tankers produced will cost more than the lease."
    assert tile_label(figure("tankers", "produce", modal)) == "tankers produced"


def test_one_deal_told_by_two_sources_makes_one_tile() -> None:
    """Seen in a United States brief over real news pages: "$11.5 billion deal unveiled"
    (one wire) and "$11 billion merger" (another page), marked as differing in the table,
    were two of its four tiles."""
    from briefs.compose.figures import differs, measure_of
    from briefs.compose.tiles import tiles
    from briefs.retrieve import Scope

    def money(text: str, value: float, counts: str, event: str | None, quote: str, sid: str):
        return replace(
            figure(counts, event, quote),
            text=text,
            value=value,
            unit="$",
            measure=measure_of(counts, "$", event),
            source=sid,
        )

    deal = money(
        "$11.5 billion deal",
        11.5e9,
        "deal",
        "unveil",
        "Kmart will buy Sears in an $11.5 billion deal unveiled today.",
        "S1",
    )
    merger = money(
        "$11 billion merger",
        11e9,
        "merger",
        None,
        "A look at the $11 billion merger of two retail icons.",
        "S2",
    )
    aid = money(
        "$350 million", 350e6, "aid", "pledge", "Washington pledged $350 million in aid.", "S3"
    )
    marked = differs([deal, merger, aid])
    assert marked[0].differs_from == [1]
    chosen = [marked[i].text for i in tiles(marked, {}, Scope(None, "x", None, None))]
    assert chosen == ["$11.5 billion deal", "$350 million"]


def test_a_tile_shows_what_is_not_what_is_aimed_at() -> None:
    """Seen in briefs over the UN speeches: "the 10 per cent deployment target" a state aims
    to surpass, the "0.7 per cent of GNP" developed countries must give, and "126 nautical
    miles" from an island were tiles. A development told as done stays, whatever commitment
    its sentence mentions."""
    from briefs.compose.tiles import tiles
    from briefs.retrieve import Scope

    def share(text: str, counts: str, quote: str, event: str | None = None) -> Figure:
        unit = "%" if "per cent" in text else None
        return replace(
            figure(counts, event, quote),
            text=text,
            unit=unit,
            measure=f"{counts} ({event})" if event else counts,
        )

    figures = [
        share(
            "10 per cent deployment target",
            "deployment target",
            "We aim to attain and surpass the 10 per cent deployment target of women.",
        ),
        share(
            "0.7 per cent of their gross national product",
            "gross national product",
            "Developed countries must meet the target of 0.7 per cent of their gross national "
            "product.",
        ),
        share(
            "126 nautical miles",
            "Philippine island",
            "China occupied rocks within 126 nautical miles of a Philippine island.",
        ),
        share(
            "nearly 10,000 peacekeepers",
            "peacekeepers",
            "Backing this commitment with action, Cambodia has deployed nearly 10,000 "
            "peacekeepers.",
            "deploy",
        ),
        share(
            "500 troops",
            "troops",
            "The government plans to deploy 500 troops next year.",
            "deploy",
        ),
        share("73 per cent decline", "decline", "UNODC reported a 73 per cent decline."),
    ]
    chosen = [figures[i].text for i in tiles(figures, {}, Scope(None, "x", None, None))]
    assert chosen == ["nearly 10,000 peacekeepers", "73 per cent decline"]


def test_a_count_of_the_worlds_whole_is_no_tile_of_a_country() -> None:
    """Seen in the Philippines brief on the UN speeches: "80 per cent of world trade travels by
    sea" was a tile. It stays a tile of a topic brief on shipping."""
    from briefs import geo
    from briefs.compose.tiles import tiles
    from briefs.retrieve import Scope

    sea = "A full 80 per cent of world trade travels by sea, manned by 1.25 million seafarers."
    world = replace(figure("world trade", None, sea), text="80 per cent of world trade", unit="%")
    own = replace(
        figure("Filipino peacekeepers", "deploy", "We have deployed 161 Filipino peacekeepers."),
        text="161 Filipino peacekeepers",
    )
    country = Scope(geo.resolve("Philippines"), None, None, None)
    assert [[world, own][i].text for i in tiles([world, own], {}, country)] == [own.text]
    assert tiles([world], {}, Scope(None, "shipping", None, None)) == [0]


def test_what_a_speaker_welcomes_is_no_tile() -> None:
    """Seen in the Philippines brief: "The Philippines welcomes the 100 per cent debt
    cancellation for the 38 heavily indebted poor countries" was a tile: others' deed."""
    from briefs import geo
    from briefs.compose.tiles import tiles
    from briefs.retrieve import Scope

    quote = (
        "The Philippines welcomes the 100 per cent debt cancellation for the 38 heavily "
        "indebted poor countries."
    )
    welcomed = replace(
        figure("debt cancellation", None, quote), text="100 per cent debt cancellation", unit="%"
    )
    own = replace(
        figure("peacekeepers", "deploy", "The Philippines has deployed 161 peacekeepers."),
        text="161 peacekeepers",
    )
    country = Scope(geo.resolve("Philippines"), None, None, None)
    assert [[welcomed, own][i].text for i in tiles([welcomed, own], {}, country)] == [own.text]
