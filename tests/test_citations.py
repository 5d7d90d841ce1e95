"""The claim check catches every kind of altered item."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from briefs import build_brief, load_settings
from briefs.citations import check, human_date, reference
from briefs.model import Source


@pytest.fixture(scope="module")
def built(seed_db: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("check")
    result = build_brief(
        load_settings(
            db=seed_db, out=out, country="Cambodia", formats=("json",), today="2026-01-05"
        )
    )
    return result.brief, result.source_texts


def test_unaltered_brief_is_fully_verified(built) -> None:
    brief, texts = built
    result = check(brief, texts)
    assert result.failures == [] and result.verified == result.sentences


def test_altered_sentence_number_is_caught(built) -> None:
    brief, texts = built
    sec = next(s for s in brief.sections if any(c.isdigit() for x in s.sentences for c in x.text))
    i = next(i for i, x in enumerate(sec.sentences) if any(c.isdigit() for c in x.text))
    sentence = sec.sentences[i]
    digit = next(c for c in sentence.text if c.isdigit())
    quote = sentence.cites[0].quote
    # A number the quote does not hold ("7–8 January" altered to "8–8" still holds an 8).
    text = next(
        t
        for k in range(1, 10)
        if not set(
            re.findall(r"\d+", t := sentence.text.replace(digit, str((int(digit) + k) % 10), 1))
        )
        <= set(re.findall(r"\d+", quote))
    )
    bad = replace(sentence, text=text)
    sections = [
        replace(s, sentences=[bad if x is sentence else x for x in s.sentences])
        for s in brief.sections
    ]
    result = check(replace(brief, sections=sections), texts)
    assert len(result.failures) == 1 and "not in its quote" in result.failures[0]


def test_altered_figure_value_is_caught(built) -> None:
    brief, texts = built
    f = brief.figures[0]
    value = (f.value or 1) * 1.1
    result = check(replace(brief, figures=[replace(f, value=value), *brief.figures[1:]]), texts)
    assert len(result.failures) == 1 and "does not follow" in result.failures[0]


def test_a_corroborating_source_must_give_the_same_value(built) -> None:
    """A figure's corroboration is checked like the figure: the other source's sentence must
    be in it and hold the same value."""
    from briefs.model import Cite

    brief, texts = built
    f = brief.figures[0]
    other = next(s for s in texts if s != f.source)
    held = next(x for x in texts[other].text.split(". ") if x and not any(c.isdigit() for c in x))
    for also, why in (
        ([Cite(f.source, f.quote)], None),
        ([Cite(other, "Invented words nobody wrote.")], "corroborating quote not found"),
        ([Cite(other, held)], "does not give the value"),
    ):
        result = check(replace(brief, figures=[replace(f, also=also), *brief.figures[1:]]), texts)
        if why is None:
            assert result.failures == []
        else:
            assert len(result.failures) == 1 and why in result.failures[0], result.failures


def test_altered_timeline_date_is_caught(built) -> None:
    brief, texts = built
    e = brief.timeline[0]
    result = check(
        replace(brief, timeline=[replace(e, date="1999-01-01"), *brief.timeline[1:]]), texts
    )
    assert len(result.failures) == 1 and "date does not follow" in result.failures[0]


def test_altered_attribution_is_caught(built) -> None:
    brief, texts = built
    sec = brief.sections[0]
    first = replace(sec.sentences[0], attribution="Somebody Unnamed")
    sections = [replace(sec, sentences=[first, *sec.sentences[1:]]), *brief.sections[1:]]
    result = check(replace(brief, sections=sections), texts)
    assert len(result.failures) == 1 and "attribution" in result.failures[0]


def test_quote_not_in_source_is_caught(built) -> None:
    brief, texts = built
    sec = brief.sections[0]
    s = sec.sentences[0]
    fake = replace(s, cites=[replace(s.cites[0], quote="Invented words nobody wrote.")])
    sections = [replace(sec, sentences=[fake, *sec.sentences[1:]]), *brief.sections[1:]]
    result = check(replace(brief, sections=sections), texts)
    assert any("quote not found" in f for f in result.failures)


def test_reference_house_style() -> None:
    src = Source(
        "S2",
        "Hun Sen: Lend the Junta No Legitimacy",
        "Progressive Voice",
        "Progressive Voice",
        "2022-01-14",
        None,
        "004.txt",
        type="advocacy",
    )
    assert reference(src) == (
        "Hun Sen: Lend the Junta No Legitimacy. Progressive Voice, 14 January 2022. File: 004.txt"
    )
    assert human_date("2022-06") == "June 2022" and human_date("2024") == "2024"


def test_apa_style_gives_author_date_markers_and_an_alphabetical_list(
    seed_db: Path, tmp_path: Path
) -> None:
    built = build_brief(
        load_settings(
            db=seed_db,
            out=tmp_path,
            country="Cambodia",
            formats=("md", "pdf", "json"),
            style="apa",
            today="2026-01-05",
        )
    )
    md = built.paths[0].read_text("utf-8")
    assert "[(Progressive Voice, 2022)](#ref-" in md
    assert "Progressive Voice. (2022, January 14). Hun Sen: Lend the Junta No Legitimacy." in md
    refs = md.split("## Sources", 1)[1].split("##", 1)[0]
    entries = [line.split("</a>", 1)[1] for line in refs.splitlines() if 'id="ref-' in line]
    assert entries == sorted(entries, key=lambda e: e.replace("\\[", "").casefold())
    assert built.brief.check.failures == []
    assert json.loads(built.paths[2].read_text())["manifest"]["settings"]["style"] == "apa"


def test_a_date_only_the_files_metadata_gave_is_said_for_what_it_is() -> None:
    # An ICDAR 2013 report page prints no date; its PDF was made on 5 April 2013.
    made = Source(
        id="S1",
        title="Coronary Heart Disease and Stroke Deaths — United States, 2006",
        author=None,
        publisher=None,
        date="2013-04-05",
        url=None,
        path="us-025.pdf",
        date_from="file-metadata",
    )
    assert reference(made) == (
        "Coronary Heart Disease and Stroke Deaths — United States, 2006. "
        "Undated (file made 5 April 2013). File: us-025.pdf"
    )
    printed = replace(made, publisher="CDC", date_from="head")
    assert "CDC, 5 April 2013." in reference(printed)
    assert "CDC, undated (file made 5 April 2013)." in reference(
        replace(printed, date_from="file-metadata")
    )
