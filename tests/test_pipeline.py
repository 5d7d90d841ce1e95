"""The whole path on the shipped seeds: retrieval, composition, claim check, sidecar contract."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefs import build_brief, load_settings
from briefs.readers.clean import collapse
from briefs.retrieve import in_window, too_coarse

from conftest import SEEDS, stored


def _build(seed_db: Path, out: Path, **options):
    settings = load_settings(db=seed_db, out=out, today="2026-01-05", **options)
    return build_brief(settings)


@pytest.fixture(scope="module")
def cambodia(seed_db: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("cambodia")
    return _build(seed_db, out, country="Cambodia", formats=("json", "md"))


def _raw_texts() -> dict[str, str]:
    return {p.name: collapse(p.read_text("utf-8")) for p in SEEDS.glob("*.txt")}


def test_sidecar_has_the_contract_fields(cambodia) -> None:
    data = json.loads(cambodia.paths[0].read_text("utf-8"))
    for key in (
        "title",
        "scope",
        "period",
        "sources",
        "sections",
        "figures",
        "keywords",
        "timeline",
        "check",
        "warnings",
        "manifest",
    ):
        assert key in data
    assert data["scope"] == {"country": "Cambodia", "topic": None}
    assert set(data["manifest"]) >= {"corpus_digest", "settings", "versions"}
    for s in data["sources"]:
        assert re.fullmatch(r"S\d+", s["id"])
        assert s["type"] in {"news", "magazine", "advocacy", "official", "report", "unknown"}
    # What happened to what a figure counts is its own field, and part of its measure.
    assert all("event" in f for f in data["figures"])
    assert any(f["event"] for f in data["figures"])
    for f in data["figures"]:
        assert (f["event"] is None) == ("(" not in (f["measure"] or ""))
        assert not f["event"] or f["measure"].endswith(f"({f['event']})")


def test_every_sentence_quote_is_in_its_source_and_three_seeds_cited(cambodia) -> None:
    brief = cambodia.brief
    assert len(brief.sources) >= 3
    raw = _raw_texts()
    by_id = {s.id: s for s in brief.sources}
    found_in_raw = total = 0
    for section in brief.sections:
        for sentence in section.sentences:
            assert sentence.cites, sentence.text
            for cite in sentence.cites:
                total += 1
                # The extracted text repairs PDF debris (hyphenation, page furniture), so a
                # quote can differ from the raw file there; most must match it verbatim.
                found_in_raw += collapse(cite.quote) in raw[by_id[cite.source].path]
    assert total >= 10
    assert found_in_raw / total >= 0.8


def test_claim_check_verifies_everything_on_the_seeds(cambodia) -> None:
    check = cambodia.brief.check
    assert check.failures == []
    assert check.verified == check.sentences > 20


def test_sources_are_numbered_in_order_of_first_use(cambodia) -> None:
    text = cambodia.markdown
    order = []
    for m in re.finditer(r"\[@(S\d+)\]", text):
        if m.group(1) not in order:
            order.append(m.group(1))
    assert order == [f"S{i}" for i in range(1, len(order) + 1)]


def test_myanmar_brief_cites_three_seeds_and_no_figure_is_a_date(seed_db: Path, tmp_path: Path):
    built = _build(seed_db, tmp_path, country="Myanmar", formats=("json",))
    assert len(built.brief.sources) >= 3
    for f in built.brief.figures:
        assert not re.fullmatch(r"(19|20)\d\d", f.text), f.text
        assert f.counts or f.unit, f.text


def test_topic_ceasefire_finds_the_border_talks(seed_db: Path, tmp_path: Path) -> None:
    built = _build(seed_db, tmp_path, topic="ceasefire", formats=("json",))
    text = " ".join(s.text for sec in built.brief.sections for s in sec.sentences)
    assert "Thai" in text and "Cambodia" in text  # the border talks, by either name
    assert any("003_" in s.path for s in built.brief.sources)


def test_same_corpus_gives_byte_identical_output(seed_db: Path, tmp_path: Path) -> None:
    formats = ("json", "md", "html", "docx", "pdf")
    a = _build(seed_db, tmp_path / "a", country="Thailand", formats=formats)
    b = _build(seed_db, tmp_path / "b", country="Thailand", formats=formats)
    for pa, pb in zip(a.paths, b.paths, strict=True):
        assert pa.read_bytes() == pb.read_bytes(), pa.name


def test_partial_dates_belong_to_windows_that_cover_them() -> None:
    assert in_window("2024", "2024-01-01", "2024-12-31")
    assert not in_window("2024", "2024-03-01", "2024-03-31")  # too coarse for a month
    assert too_coarse("2024", "2024-03-01", "2024-03-31")
    assert in_window("2024-03", "2024-03-01", "2024-03-31")
    assert not in_window("2023-12", "2024-01-01", None)
    assert not too_coarse("2023-12", "2024-01-01", None)
    assert in_window(None, "2024-01-01", None) is None


def test_period_limits_sources(seed_db: Path, tmp_path: Path) -> None:
    built = _build(seed_db, tmp_path, country="Cambodia", since="2024-01-01", formats=("json",))
    assert all(s.date and s.date >= "2024" for s in built.brief.sources)
    assert any("undated" in g for g in built.brief.gaps)


def test_curation_excludes_and_pins_and_is_remembered(seed_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    opts = {
        "db": db,
        "out": tmp_path / "out",
        "country": "Cambodia",
        "formats": ("json",),
        "today": "2026-01-05",
    }
    from briefs.ingest import ingest
    from briefs.store import Store

    with Store(db) as store:
        ingest(store, [seed_copy])
    pin = "The latest round of border clashes between Cambodia and Thailand has lasted 16 days."
    first = build_brief(
        load_settings(**opts, exclude_sources=("004_2aa6a7042d021437.txt",), pins=(pin,))
    )
    assert not any(s.path.startswith("004_") for s in first.brief.sources)
    assert first.brief.sections[0].sentences[0].text == pin
    settings = first.brief.manifest.settings["curation"]
    assert settings == {
        "exclude_sources": ["004_2aa6a7042d021437.txt"],
        "exclude_sentences": [],
        "pins": [pin],
    }
    again = build_brief(load_settings(**opts))  # remembered for the scope
    assert again.brief.sections[0].sentences[0].text == pin
    assert not any(s.path.startswith("004_") for s in again.brief.sources)
    fresh = build_brief(load_settings(**opts, forget=True))
    assert any(s.path.startswith("004_") for s in fresh.brief.sources)
    missing = build_brief(load_settings(**opts, pins=("No source says this sentence.",)))
    assert any("pinned sentence not found" in w for w in missing.brief.warnings)


def test_pdf_sources_carry_page_locators(tmp_path: Path) -> None:
    from briefs.ingest import ingest
    from briefs.store import Store

    from conftest import FIXTURES

    db = tmp_path / "c.db"
    with Store(db) as store:
        ingest(store, [FIXTURES / "report.pdf"])
    built = build_brief(
        load_settings(
            db=db,
            out=tmp_path,
            topic="ceasefire demining families",
            formats=("md",),
            today="2026-01-05",
        )
    )
    assert re.search(r"\[\\\[1, p\. [12]\\\]\]\(#ref-S1\)", built.paths[0].read_text("utf-8"))


def test_since_and_until_take_a_year_or_a_month() -> None:
    s = load_settings(since="2015", until="2016-02")
    assert (s.since, s.until) == ("2015-01-01", "2016-02-29")
    s = load_settings(since="2024-03", until="2024")
    assert (s.since, s.until) == ("2024-03-01", "2024-12-31")


def test_timeline_tells_each_event_once_and_not_the_magazine_issue(cambodia) -> None:
    timeline = cambodia.brief.timeline
    # Hun Sen's visit of 7 January 2022 is told by two sources; it is one entry.
    assert [e.date for e in timeline].count("2022-01-07") == 1
    assert not any("Issue" in e.quote for e in timeline)
    from briefs.compose import _ABOUT_ITSELF

    assert not _ABOUT_ITSELF.search("States must address the issue of landmines.")
    # The magazine's editor walking through its issue says nothing of Cambodia, in no section.
    quoted = [t.text for sec in cambodia.brief.sections for t in sec.sentences]
    assert quoted and not any(q.startswith("The article about Cambodia") for q in quoted)
    # The coup is the point "the worst atrocities since" count from, not December's event.
    assert not any("atrocities since" in e.quote for e in timeline)
    from briefs.compose.timeline import counted_from

    s = "December saw the worst atrocities since the coup was mounted on 1 February, 2021."
    assert counted_from(s, s.index("1 February"))
    s = "The coup was mounted on 1 February 2021, since when 1,500 people have died."
    assert not counted_from(s, s.index("1 February"))


def test_one_day_told_by_two_sources_in_other_words_is_one_event() -> None:
    from briefs.compose import _near, _same_event

    a = "The confusion is being cleared in the days since the coup of 1 February."
    b = "Atrocities since the attempted coup d’état was mounted on 1 February, 2021, went on."
    c = "The Christmas Eve Massacre comes after a massacre on 1 February in Done Taw."
    near = {x: _near(x, x.index("1 February")) for x in (a, b, c)}
    assert _same_event(a, b, near[a], near[b])
    assert not _same_event(a, c, near[a], near[c])


def test_one_source_fills_at_most_half_a_full_timeline() -> None:
    """A senator's speech listing dated e-mails is one source's chronology: when there are
    more events than room, no source takes more than half while another has events."""
    from briefs.compose.timeline import timeline_of
    from briefs.model import Document, Passage
    from briefs.retrieve import Scope

    months = ["January", "February", "March", "April", "May", "June"]
    speech = [
        f"On {m} 5, 2003, the secretary wrote again to the contractor about the lease."
        for m in months
    ]
    story = [
        "On July 9, 2004, the inspector general opened an inquiry into the tanker lease.",
        "On August 2, 2004, the committee asked the department for all of the e-mails.",
    ]
    docs = {
        1: Document(path="speech.txt", title="Speech", paragraphs=tuple(speech), date="2004-09-01"),
        2: Document(path="story.txt", title="Story", paragraphs=tuple(story), date="2004-09-01"),
    }
    passages = [Passage(1, i, t) for i, t in enumerate(speech)] + [
        Passage(2, i, t) for i, t in enumerate(story)
    ]
    timeline = timeline_of(passages, docs, Scope(None, "lease", None, None), 4)
    assert [e.source for e in timeline].count("#1") == 2
    assert [e.source for e in timeline].count("#2") == 2


def test_the_pdf_written_beside_the_docx_is_the_one_written_alone(
    seed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefs import forking

    formats = ("pdf", "json", "docx")
    forked = _build(seed_db, tmp_path / "a", country="Thailand", formats=formats)
    assert [p.suffix for p in forked.paths] == [".pdf", ".json", ".docx"]
    monkeypatch.setattr(forking, "may_fork", lambda: False)
    alone = _build(seed_db, tmp_path / "b", country="Thailand", formats=formats)
    for a, b in zip(forked.paths, alone.paths, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_an_error_writing_the_pdf_in_its_own_process_is_raised_as_itself(
    seed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefs.output as output
    from briefs.errors import RenderError

    real = output.write_one

    def failing(fmt: str, *args):  # type: ignore[no-untyped-def]
        if fmt == "pdf":
            raise RenderError("cambodia.pdf: the layout failed")
        return real(fmt, *args)

    from briefs.forking import may_fork

    assert may_fork()  # the forked path is the one under test
    monkeypatch.setattr(output, "write_one", failing)
    with pytest.raises(RenderError, match="the layout failed"):
        _build(seed_db, tmp_path, country="Thailand", formats=("json", "docx", "pdf"))


def test_a_wire_storys_dateline_and_agency_are_no_keywords(tmp_path: Path) -> None:
    """Every story of a news wire opens "PHNOM PENH, March 3 (Mekong Wire) -": the place and
    the agency are in every passage, and YAKE would rank them above every subject."""

    stories = [
        "Cambodia's parliament approved a budget of 8 billion dollars for schools and roads.",
        "Cambodian deminers cleared 120 square kilometres of land near the Thai border.",
        "The Mekong River Commission warned of low water levels hurting rice farmers.",
        "Garment factories in Cambodia reported new orders from European buyers this month.",
        "Cambodia and Thailand agreed to reopen two border crossings for traders.",
        "Health officials in Cambodia vaccinated 300,000 children against measles.",
    ]
    corpus = tmp_path / "wire"
    corpus.mkdir()
    for day, story in enumerate(stories, 3):
        (corpus / f"story{day}.txt").write_text(
            f"Cambodia story {day}\n\nPHNOM PENH, March {day} (Mekong Wire) - {story} "
            f"Officials said more work would follow in the coming months across the country.\n",
            "utf-8",
        )
    db = stored(corpus)
    built = build_brief(
        load_settings(
            db=db, out=tmp_path, country="Cambodia", formats=("json",), today="2026-01-05"
        )
    )
    data = json.loads(built.paths[0].read_text("utf-8"))
    words = {k["text"].casefold() for k in data["keywords"]}
    assert words, "the brief has keywords"
    assert not words & {"phnom penh", "mekong wire", "march"}
    assert "european buyers this" not in words  # a determiner cut from its noun ("this month")
    assert {s["publisher"] for s in data["sources"]} == {"Mekong Wire"}


def test_the_figures_table_says_what_happened_to_what_is_counted(
    cambodia, seed_db: Path, tmp_path: Path
) -> None:
    """ "525,000 people" counts people displaced, "11 people" people killed (in "the massacre
    of 11 people"): the table says so, where it said "people"."""
    md = next(p for p in cambodia.paths if p.suffix == ".md").read_text("utf-8")
    assert "| 525,000 people | people displaced |" in md
    myanmar = _build(seed_db, tmp_path, country="Myanmar", formats=("md",), charts=False)
    assert "| 11 people | people killed |" in myanmar.paths[0].read_text("utf-8")


def test_a_figure_counts_for_the_country_its_sentence_or_document_is_about(
    sqlite_seed_db: Path, tmp_path: Path
) -> None:
    """Seen in the seeds' Cambodia brief: "the massacre of 11 people in Done Taw" and "at
    least 35 people" killed in Hpruso, from a report on Hun Sen's visit to Myanmar that is
    mostly about Myanmar, filled its figures table, and the massacre took a tile. A figure
    (and so a tile) is the country's where its sentence names it or its document is about
    the country first; the same massacre is Myanmar's."""
    import json

    def brief(country: str) -> dict:
        built = _build(sqlite_seed_db, tmp_path / country, country=country, formats=("json",))
        return json.loads(built.paths[0].read_text("utf-8"))

    cambodia = brief("Cambodia")
    figures = [f["text"] for f in cambodia["figures"]]
    assert "11 people" not in figures and "at least 35 people" not in figures
    # Named in its own sentence (Hun Sen is Cambodia's), a figure of that report stays.
    assert "261 Myanmar revolutionary organizations" in figures
    assert [figures[i] for i in cambodia["tiles"]] == [
        "nearly 10,000 peacekeepers",
        "20 civilian deaths",
        "79 injuries",
        "525,000 people",
    ]
    myanmar = brief("Myanmar")
    assert "11 people" in [myanmar["figures"][i]["text"] for i in myanmar["tiles"]]


def test_a_story_titled_by_its_topic_lends_every_passage_and_a_speech_only_what_holds_it(
    tmp_path: Path,
) -> None:
    """Issue 19: a document about the scope lends passages that do not repeat its name. For a
    topic, a story whose title names it tells it throughout; a speech on many subjects, about
    the topic by its share of passages but not titled by it, lends only what holds the topic."""
    from briefs.retrieve import Scope, retrieve
    from briefs.store import Store

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "story.md").write_text(
        "# Beijing apologises for submarine incursion near Okinawa\n\n"
        "A Chinese submarine entered Japanese territorial waters near Okinawa last week, "
        "the Japanese defence ministry said on Monday.\n\n"
        "China extended an apology on Tuesday to Tokyo after admitting that one of its "
        "vessels intruded into Japan's waters during a routine training exercise.\n\n"
        "The foreign ministry in Beijing called the incident a technical error and promised "
        "that it would not happen again.\n\n"
        "Japanese aircraft tracked the Chinese submarine for two days before it left.\n\n"
        "It was the first time a Chinese submarine had entered those waters since 2004.\n",
        "utf-8",
    )
    (folder / "speech.md").write_text(
        "# Statement by the Minister for Foreign Affairs\n\n"
        "Climate change threatens the livelihoods of our farmers and fishermen alike.\n\n"
        "Our islands are losing coastline to climate change every year, and our people know it.\n\n"
        "We ask the developed countries to honour their pledges on climate change finance.\n\n"
        "We agree on the need for the United Nations to strengthen its central position in "
        "the multilateral system.\n\n"
        "Trade between the members of our region grew by a fifth last year, and tariffs fell.\n",
        "utf-8",
    )
    with Store(stored(folder)) as store:
        story = retrieve(store, Scope(None, "Chinese submarine", None, None))
        speech = retrieve(store, Scope(None, "climate change", None, None))
    story_text = " ".join(p.text for p in story.passages)
    assert "China extended an apology on Tuesday" in story_text
    assert "technical error" in story_text
    speech_text = " ".join(p.text for p in speech.passages)
    assert "climate change finance" in speech_text
    assert "central position" not in speech_text and "tariffs" not in speech_text
