"""Relevance eval with pinned floors: do a country brief's sources come from documents about
that country?

Corpus: the UN General Debate speeches of eleven Southeast Asian states (CC0, read from
../shared at run time), ingested **without** their metadata sidecar, so that only the text
says what a speech is about. Label (set by the corpus's editors, not by us): a speech is about
the state that delivered it (the ISO code that opens its file name). Speeches that discuss a
neighbour at length (a Thai statement on Myanmar in 2007) are therefore counted as wrong: the
precision below is a lower bound.

Split, fixed before any tuning on this eval (2026-12-01): dev Brunei, Indonesia, Cambodia,
Laos, Myanmar, Malaysia; held-out Philippines, Singapore, Thailand, Timor-Leste, Vietnam.

The same run scores a bare baseline: the 20 documents SQLite FTS5 bm25 ranks first for the
country's names (title included), as the issue's baseline does. Every run prints the table.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefs import build_brief, geo, load_settings
from briefs.ingest import ingest
from briefs.store import Store

from conftest import EVAL_REPORT, UNGD, stored

DEV = {
    "BRN": "Brunei",
    "IDN": "Indonesia",
    "KHM": "Cambodia",
    "LAO": "Laos",
    "MMR": "Myanmar",
    "MYS": "Malaysia",
}
HELDOUT = {
    "PHL": "Philippines",
    "SGP": "Singapore",
    "THA": "Thailand",
    "TLS": "Timor-Leste",
    "VNM": "Vietnam",
}
# Floors: mean and worst country precision of the cited sources, about 0.02 below what was
# reached (dev 0.989 / 0.933 when the floors were set; held-out scored once: see README).
FLOORS = {
    "dev": {"mean": 0.97, "worst": 0.91},
    "heldout": {"mean": 0.95, "worst": 0.88},
}


@pytest.fixture(scope="module")
def bare_ungd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not UNGD.is_dir():
        pytest.skip(f"the shared UN General Debate corpus is not at {UNGD}")
    folder = tmp_path_factory.mktemp("ungd-bare")
    for path in sorted(UNGD.glob("*.txt")):
        shutil.copy(path, folder / path.name)  # the texts only: no metadata sidecar
    db = folder / "corpus.db"
    with Store(db) as store:
        ingest(store, [folder], workers=2)
    return db


def _cited(db: Path, name: str, out: Path) -> list[str]:
    settings = load_settings(
        db=db, out=out, country=name, formats=("json",), today="2026-01-05", charts=False
    )
    data = json.loads(build_brief(settings).paths[0].read_text("utf-8"))
    return [s["path"] for s in data["sources"]]


def _baseline(db: Path, name: str) -> list[str]:
    """The first 20 distinct documents by bare bm25 over the country's names."""
    country = geo.resolve(name)
    with Store(db) as store:
        found = store.find([list(country.names)], limit=2000)
        docs: list[int] = []
        for p in found:
            if p.doc_id not in docs:
                docs.append(p.doc_id)
            if len(docs) == 20:
                break
        meta = store.metadata(docs)
    return [meta[d].path for d in docs]


def _score(db: Path, split: dict[str, str], out: Path) -> dict[str, tuple[float, float, int]]:
    rows = {}
    for iso, name in split.items():
        cited = _cited(db, name, out / iso)
        base = _baseline(db, name)
        precision = sum(p.startswith(iso) for p in cited) / len(cited)
        base_p = sum(p.startswith(iso) for p in base) / len(base)
        rows[name] = (precision, base_p, len(cited))
    return rows


def test_country_briefs_cite_documents_about_the_country(bare_ungd: Path, tmp_path: Path):
    failures = []
    EVAL_REPORT.append("")
    EVAL_REPORT.append("relevance: share of a country brief's sources about the country")
    EVAL_REPORT.append(f"{'':<8}{'country':<13}{'briefs':>7}{'bm25 top 20':>13}{'sources':>9}")
    for split_name, split in (("dev", DEV), ("heldout", HELDOUT)):
        rows = _score(bare_ungd, split, tmp_path / split_name)
        for name, (p, base, n) in rows.items():
            EVAL_REPORT.append(f"{split_name:<8}{name:<13}{p:>7.3f}{base:>13.3f}{n:>9}")
        mean = sum(p for p, _, _ in rows.values()) / len(rows)
        base_mean = sum(b for _, b, _ in rows.values()) / len(rows)
        worst = min(p for p, _, _ in rows.values())
        EVAL_REPORT.append(f"{split_name:<8}{'mean':<13}{mean:>7.3f}{base_mean:>13.3f}")
        floors = FLOORS[split_name]
        if mean < floors["mean"]:
            failures.append(f"{split_name} mean precision {mean:.3f} < {floors['mean']}")
        if worst < floors["worst"]:
            failures.append(f"{split_name} worst precision {worst:.3f} < {floors['worst']}")
        if mean < base_mean:
            failures.append(f"{split_name}: briefs {mean:.3f} below bare bm25 {base_mean:.3f}")
    assert not failures, failures


def test_a_name_in_a_list_gives_nothing_and_the_subject_gives_all(tmp_path: Path) -> None:
    """The Malaysia and Vietnam cases: every sentence of an article about the country may be
    quoted, even those that do not repeat its name; a document naming it once in a list of
    countries contributes nothing."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "mediation.txt").write_text(
        "Malaysia's mediation: the quiet broker\n\n"
        "KUALA LUMPUR - Malaysia has facilitated talks between Bangkok and the insurgent groups "
        "of the deep south since 2013, hosting more than 30 formal rounds.\n\n"
        "The facilitator's office employs only 12 staff, and its annual budget is under "
        "RM 5 million, officials said.\n\n"
        "Analysts say the format gives both sides a venue without the cost of a public "
        "ceasefire.\n",
        "utf-8",
    )
    (folder / "vietnam.txt").write_text(
        "Vietnam hosts women's leadership forum\n\n"
        "HANOI - Vietnam opened a regional forum on women in public office on Monday.\n\n"
        "Deputy Prime Minister Trần Lưu Quang met Đặng Thị Ngọc Thịnh and delegates from "
        "eight countries on the first day.\n",
        "utf-8",
    )
    (folder / "summit.txt").write_text(
        "Leaders gather for the regional summit\n\n"
        "Delegations from Japan, Malaysia, Vietnam, Indonesia and Australia arrived in "
        "Canberra on Sunday for two days of talks on trade.\n\n"
        "Australia's prime minister said 41 agreements were ready to be signed.\n",
        "utf-8",
    )
    db = stored(folder)
    for country, must, never in (
        ("Malaysia", "The facilitator's office employs only 12 staff", "41 agreements"),
        ("Vietnam", "Trần Lưu Quang met Đặng Thị Ngọc Thịnh", "41 agreements"),
    ):
        settings = load_settings(
            db=db,
            out=tmp_path / country,
            country=country,
            formats=("json",),
            today="2026-01-05",
            charts=False,
        )
        data = json.loads(build_brief(settings).paths[0].read_text("utf-8"))
        quotes = " ".join(
            [s["quote"] for sec in data["sections"] for s in sec["sentences"] for s in s["cites"]]
            + [f["quote"] for f in data["figures"]]
        )
        assert must in quotes, country
        assert never not in quotes and "summit.txt" not in [s["path"] for s in data["sources"]]
    malaysia = json.loads((tmp_path / "Malaysia" / "malaysia.json").read_text("utf-8"))
    assert any(f["value"] == 12 for f in malaysia["figures"]), malaysia["figures"]


def test_a_story_filed_elsewhere_is_about_the_country_its_names_stand_for(tmp_path: Path):
    """Two Kenya stories name Wangari Maathai and the Nobel prize in their openings; a third
    filed from Oslo names Norway most and Kenya once, but its opening gives the same names: it
    is a Kenya story, and its sentences that do not name Kenya may be quoted. A fourth names
    Kenya once, in a story whose opening gives none of those names: nothing of it is."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Kenyan Maathai wins Nobel prize\n\n"
        "NAIROBI - Kenya's deputy environment minister Wangari Maathai has won the Nobel "
        "Peace Prize, the first African woman to do so.\n\n"
        "Maathai founded the Green Belt Movement in Kenya in 1977.\n",
        "utf-8",
    )
    (folder / "b.txt").write_text(
        "Kenya celebrates its laureate\n\n"
        "Crowds in Kenya cheered on Saturday as news spread that Maathai had won the Nobel "
        "Peace Prize.\n\n"
        "Kenya's president called the award an honour for the whole of Kenya.\n",
        "utf-8",
    )
    (folder / "c.txt").write_text(
        "Peace prize ceremony in Oslo\n\n"
        "OSLO, Norway - Environmental activist Wangari Maathai received the Nobel Peace Prize "
        "on Friday in Oslo City Hall, Norway's capital.\n\n"
        "The committee chairman said the Green Belt Movement had planted 30 million trees.\n\n"
        "Norway's king attended; Maathai thanked the women of Kenya.\n",
        "utf-8",
    )
    (folder / "d.txt").write_text(
        "Norway sets its fishing quotas\n\n"
        "OSLO - Norway cut its cod quota by 20 percent on Friday, the ministry said, after "
        "scientists warned that stocks in the Barents Sea had fallen for a fifth year.\n\n"
        "The fisheries minister told parliament the cut would be reviewed in the spring, and "
        "that coastal communities would be compensated for the lost catch.\n\n"
        "Fishing crews in the northern ports said the cut came too late in the season for "
        "them to change their plans, and asked for a meeting with the ministry.\n\n"
        "Norway's fleet landed 40,000 tonnes last season, and exports to Kenya rose.\n",
        "utf-8",
    )
    sources, quotes = _brief_on(folder, country="Kenya")
    assert "c.txt" in sources and "d.txt" not in sources, sources
    assert "Green Belt Movement had planted 30 million trees" in quotes, quotes


def test_a_topic_typed_as_a_sentence_finds_the_story(tmp_path: Path) -> None:
    """A topic typed as a headline ("Nobel Peace Prize awarded to Kenyan environmental
    activist") is rarely repeated whole: passages holding half its words are about it, a
    country word is found in any of the country's names ("Kenya" for "Kenyan"), and a speech
    that names the prize once is not."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "nobel.txt").write_text(
        "Maathai wins the Nobel\n\n"
        "OSLO - The Norwegian Nobel Committee awarded the 2004 Peace Prize to Wangari "
        "Maathai of Kenya for her contribution to sustainable development.\n\n"
        "Maathai, an environmentalist, founded a movement that has planted 30 million "
        "trees across Kenya since 1977.\n\n"
        "She is the first African woman to receive the prize, the committee said.\n",
        "utf-8",
    )
    (folder / "speech.txt").write_text(
        "Statement to the assembly\n\n"
        "We congratulate all laureates of the Nobel Peace Prize and thank the delegates "
        "for their work over the past year on trade and fisheries.\n\n"
        "Our fishing fleet landed 40,000 tonnes of tuna last season, a record catch.\n",
        "utf-8",
    )
    sources, quotes = _brief_on(
        folder, topic="Nobel Peace Prize awarded to Kenyan environmental activist"
    )
    assert sources == ["nobel.txt"]
    assert "Wangari Maathai of Kenya" in quotes


def test_a_document_dense_with_a_topics_words_is_about_it(tmp_path: Path) -> None:
    """ "rocket launch" is never written whole in a story headed "Delta 4 Heavy Ready For
    Demonstration Launch" that names the rocket in most paragraphs: a reader calls it a
    rocket launch story. A budget note that names a rocket and a launch once is not one."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "delta.txt").write_text(
        "Delta 4 Heavy Ready For Demonstration Launch\n\n"
        "America got its first look at the new Delta IV Heavy launch vehicle on Oct. 27 when "
        "the mobile service tower rolled back at Space Launch Complex 37B.\n\n"
        "The rocket stands 23 stories tall and its three boosters were stacked in 2004.\n\n"
        "Engineers said the rocket would carry a demonstration satellite on its first "
        "flight, and the launch team rehearsed the countdown twice.\n\n"
        "The Air Force paid 141 million dollars for the demonstration flight of the rocket.\n",
        "utf-8",
    )
    (folder / "budget.txt").write_text(
        "Agency budget note\n\n"
        "The agency spent 12 million dollars on offices, and a rocket engine test was "
        "delayed by the weather in March.\n\n"
        "Staff numbers rose to 1,200 and the product launch of its new website slipped.\n\n"
        "The agency's auditors reviewed 40 contracts for office supplies in 2004.\n",
        "utf-8",
    )
    sources, quotes = _brief_on(folder, topic="rocket launch")
    assert sources == ["delta.txt"]
    assert "mobile service tower" in quotes


def test_a_report_telling_of_itself_is_in_no_section(tmp_path: Path) -> None:
    """ "… should be reflected in future editions of this report" recommends to the report's
    own editors, not about its country: it is no outlook, as it is no key point or theme."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "health.txt").write_text(
        "Measures of health inequality in Laos\n\n"
        "Laos cut its maternal mortality ratio by half between 2000 and 2017, the ministry of "
        "health said in its annual review.\n\n"
        "The government of Laos should expand district hospitals in the southern provinces "
        "before the next rainy season, the review said.\n\n"
        "Better measures of inequality in Laos should be reflected in future editions of this "
        "report, the authors of the review wrote.\n",
        "utf-8",
    )
    _, quotes = _brief_on(folder, country="Laos")
    assert "district hospitals" in quotes
    assert "future editions of this report" not in quotes


def _brief_on(folder: Path, **scope: str) -> tuple[list[str], str]:
    """Ingest ``folder`` into a store beside it, brief ``scope`` on it: the cited files and
    the text of every quoted sentence."""
    db = stored(folder)
    settings = load_settings(
        db=db,
        out=folder.parent / "out",
        formats=("json",),
        today="2026-01-05",
        charts=False,
        **scope,
    )
    data = json.loads(build_brief(settings).paths[0].read_text("utf-8"))
    quotes = " ".join(s["text"] for sec in data["sections"] for s in sec["sentences"])
    return [Path(s["path"]).name for s in data["sources"]], quotes


def test_a_country_word_in_a_topic_is_found_in_the_country_names() -> None:
    from briefs import topics

    assert "Chinese" in topics.forms("China")
    assert {"United States", "US"} <= set(topics.forms("Americans"))
    assert topics.forms("lunches") == ("lunches",)
    assert [topics.needed(n) for n in (1, 3, 4, 6, 8, 11)] == [1, 3, 3, 3, 4, 6]


def test_a_country_and_a_headline_topic_find_the_story(tmp_path: Path) -> None:
    """A country with a topic typed as a headline: the story about the topic whose country is
    a subject is about the scope, a word at a dash ("high-") is the word, and a story that
    repeats the headline's words only in its title lends its opening."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "sensex.txt").write_text(
        "Sensex ends at new high- The Economic Times\n\n"
        "MUMBAI: The markets moved further up on the back of sustained buying across the board "
        "in India on Monday.\n\n"
        "The 30-stock index of the Bombay Stock Exchange closed at 6,679.20 points, gaining "
        "76.51 points over Friday's close.\n\n"
        "Foreign funds bought shares worth 8.5 billion dollars this year, brokers said.\n",
        "utf-8",
    )
    (folder / "budget.txt").write_text(
        "Budget keeps out tax cuts\n\n"
        "NEW DELHI: India's interim budget offered none of the tax concessions that industry "
        "had expected, the finance minister said on Tuesday.\n",
        "utf-8",
    )
    sources, quotes = _brief_on(
        folder, country="India", topic="Indian Sensex reaches a New All-time High"
    )
    assert sources == ["sensex.txt"]
    assert "gaining 76.51 points" in quotes


def test_a_country_named_only_in_other_languages_is_said_so(tmp_path: Path) -> None:
    from briefs.errors import ScopeError

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "tesla.txt").write_text(
        "Plant Tesla eine zweite Fabrik in China?\n\n"
        "Der Autobauer Tesla prüft nach Angaben aus Branchenkreisen den Bau einer zweiten "
        "Fabrik in China, wo die Nachfrage nach Elektroautos weiter wächst und die Regierung "
        "den Ausbau der Ladestationen fördert. Die Entscheidung soll im Frühjahr fallen.\n",
        "utf-8",
    )
    with pytest.raises(ScopeError, match="1 document naming it is not in English"):
        _brief_on(folder, country="China")


def test_a_compound_is_found_however_it_is_spelt(tmp_path: Path) -> None:
    """Seen in a topic brief over real news: `--topic heatwave` found nothing in four stories
    that all wrote "heat wave". A compound is searched closed, open and hyphenated; a word is
    taken apart only where it is two common words in one way."""
    from briefs import topics

    assert topics.terms("heatwave")[:3] == ["heatwave", "heat wave", "heat-wave"]
    assert topics.terms("heat wave")[:3] == ["heat wave", "heatwave", "heat-wave"]
    assert "cease fire" in topics.terms("ceasefire")
    assert topics.terms("Sensex") == ["Sensex"]  # "sen" is no common word
    assert topics.terms("tsunami") == ["tsunami"]
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "heat.txt").write_text(
        "Heat wave grips southern Europe\n\n"
        "A heat wave sent temperatures above 40 degrees in Seville on Monday, and hospitals "
        "treated 300 people for heatstroke.\n\n"
        "The heat wave is expected to last until Friday, forecasters said.\n",
        "utf-8",
    )
    (folder / "rain.txt").write_text(
        "Floods in the north\n\nHeavy rain flooded 2,000 homes in the north on Monday.\n",
        "utf-8",
    )
    sources, quotes = _brief_on(folder, topic="heatwave")
    assert sources == ["heat.txt"]
    assert "above 40 degrees" in quotes


def test_a_title_quoted_with_its_question_mark_is_no_question() -> None:
    from briefs.extract.sentences import asks

    assert asks("Will the truce hold?")
    assert asks('He asked: "Who will pay for it?"')
    assert not asks("The new video for 'Do They Know It's Christmas?' is to air at 5.55pm tonight.")


def test_a_figure_counts_for_the_country_its_document_is_first_about() -> None:
    """Seen in the seeds' Cambodia brief: "the massacre of 11 people in Done Taw" and a 15%
    tax on SIM cards, from a report on Hun Sen's visit to Myanmar that is mostly about
    Myanmar, filled its figures table. A figure whose sentence does not name the country
    counts for it only from a document about that country first; an article set in southern
    Thailand but about Malaysia's mediation is Malaysia's first."""
    from briefs.about import first_subject
    from briefs.model import Document

    visit = Document(
        "visit.txt",
        "Cambodia's leader visits the junta",
        (
            "Cambodia's prime minister flew to Myanmar on Friday.",
            "Myanmar's junta has killed hundreds; Myanmar's army burned villages in Myanmar.",
            "In Myanmar, 11 people were killed in Done Taw, and Myanmar taxes rose 15%.",
        ),
    )
    assert first_subject(visit, "MMR") and not first_subject(visit, "KHM")
    mediation = Document(
        "mediation.txt",
        "Malaysia's mediation: the quiet broker",
        (
            "KUALA LUMPUR - Malaysia has facilitated talks between Bangkok and insurgents.",
            "Southern Thailand's provinces have seen violence; Thailand's army patrols them.",
        ),
    )
    assert first_subject(mediation, "MYS")
    declared = Document("x.txt", "Notes", ("Thailand and Thailand again.",), country="Laos")
    assert first_subject(declared, "LAO")
