"""Debris eval: passages with debris per real document, and briefs on them with none.

The checker here is written apart from ``briefs.readers.debris`` (its own patterns, from the
kinds of debris an analyst reported), so the count is not the cleaner grading itself. Every
run prints the table; the floor is zero.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefs import build_brief, load_settings
from briefs.ingest import ingest
from briefs.readers import read_file
from briefs.store import Store

from conftest import EVAL_REPORT, FIXTURES, stored

REAL = FIXTURES / "real"

KINDS = {
    "footnote": re.compile(r"^\d{1,3} (?:See |Ibid|[A-Z][^.]{0,80}(?:Report|\(\d{4}\)|, \d{4}))"),
    "reference list": re.compile(r"^(?:References|Bibliography|Notes|Endnotes)$", re.I),
    "glued marker": re.compile(r"[a-z]{3}\d{1,2}[,.;]\s"),
    "disclaimer": re.compile(
        r"should not be relied upon|do(?:es)? not necessarily reflect|"
        r"All rights reserved|©",
        re.I,
    ),
    "chrome": re.compile(
        r"^(?:SEE MORE|DON'T MISS|Hide Overview|Read more|Skip to main content|"
        r"Like this story|Download PDF|Terms of use)",
        re.I,
    ),
    "broken glyph": re.compile(
        r"\b(?:aer|oice|diiculties|eective|dierent|eect)\b|"
        "[\ue000-\uf8ff\ufffd]|ﬁ |ﬂ "
    ),
    "furniture": re.compile(r"^(?:[\W\d_]{1,6}|_{3,}|.*\.{6,}\s*\d*)$|(?:\b\w\b ){8,}"),
    "url only": re.compile(r"^(?:https?://\S+|\[[^\]]+\]\([^)]+\))$"),
    # A label glued to its text when its line break was lost: "Background Modern-day Laos …"
    "glued label": re.compile(r"^(?:Background|Location|Languages|Religions|Climate) [A-Z]"),
    # Two paragraphs run together without a space: "… WTO in 2013.In the 2010s"
    "run-on": re.compile(r"[a-z0-9]{2}\.[A-Z][a-z]"),
}


# A passage may be a table's record ("number of seats: 125 … term in office: 5 years"): the
# store keeps it, searchable; a brief must not quote it as a sentence.
QUOTE_KINDS = {
    **KINDS,
    "field row": re.compile(r"\b[a-z][a-z ()]{2,30}: \S.*\b[a-z][a-z ()]{2,30}: \S"),
}


def debris_of(text: str, kinds: dict[str, re.Pattern] = KINDS) -> list[str]:
    return [kind for kind, pattern in kinds.items() if pattern.search(text)]


def _counts(paragraphs: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for p in paragraphs:
        for kind in debris_of(p):
            counts[kind] = counts.get(kind, 0) + 1
    return counts


def test_real_documents_keep_no_debris() -> None:
    EVAL_REPORT.append("")
    EVAL_REPORT.append("debris: passages with debris per real document (floor 0)")
    found = {}
    for path in sorted(p for p in REAL.rglob("*") if p.is_file()):
        if path.name == "README.md":
            continue
        paragraphs = [p for d in read_file(path) for p in d.paragraphs]
        counts = _counts(paragraphs)
        found[path.name] = counts
        EVAL_REPORT.append(
            f"  {path.relative_to(REAL).as_posix():<34} {len(paragraphs):>4} passages, "
            f"{sum(counts.values())} with debris {counts or ''}"
        )
    assert all(not c for c in found.values()), found


def test_the_checker_sees_debris() -> None:
    for text in (
        "238 See UN Committee on Economic, Social and Cultural Rights, 13 June 2014.",
        "Information in a CRS Report should not be relied upon for purposes other than that.",
        "Hide Overview",
        "came into oice aer having served",
        "Contents ........................ 3",
        "S L A S O P O R P h t i w D O R P",
        "unaccompanied children9, within Rwanda",
    ):
        assert debris_of(text), text
    assert not debris_of("Officials said 12 people were killed in the clashes on Monday.")


def test_what_the_web_export_and_browser_print_keep() -> None:
    (web,) = read_file(REAL / "web-export.md")
    assert web.title == "Indonesia's haze diplomacy after the 2023 fire season"
    assert web.paragraphs[0].startswith("Indonesia closed the 2023 fire season")
    assert web.paragraphs[-1].startswith("Malaysia and Singapore welcomed")
    (printed,) = read_file(REAL / "browser-print.txt")
    text = " ".join(printed.paragraphs)
    assert "came into office after the worst season" in text
    assert "enormous difficulties in proving effective protection" in text


def test_federal_register_reads_as_its_body(tmp_path: Path) -> None:
    (doc,) = read_file(REAL / "federal-register-2020-17221.pdf")
    assert doc.date == "2020-08-06" and doc.source_of("date") == "head"
    # The masthead ("Federal Register / Vol. 85, No. 152") names the periodical.
    assert doc.publisher == "Federal Register" and doc.source_of("publisher") == "head"
    # The masthead is no title: the notice's subject, above its "AGENCY:", is.
    assert doc.title == "Airworthiness Directives; The Boeing Company Airplanes"
    text = " ".join(doc.paragraphs)
    # Footnotes are gone, and the sentences they were glued to read on.
    assert "Preliminary KNKT.18.10.35.04" not in text
    assert "airspeed disagree alert, and altitude disagree alert" in text
    # A sentence broken across two columns is one passage again.
    assert any(
        p.startswith("On October 29, 2018, a Boeing Model 737–8 airplane operated by Lion Air")
        for p in doc.paragraphs
    )


SIX = ("Cambodia", "Myanmar", "Thailand", "Vietnam", "Indonesia", "Philippines")


@pytest.fixture(scope="module")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("real") / "c.db"
    with Store(db) as store:
        ingest(store, [REAL])
    return db


def _profile_country(path: str) -> str | None:
    """The country a Factbook profile is about, from its file name ("factbook/burma.md")."""
    from briefs import geo

    if not path.startswith("factbook/"):
        return None
    return geo.resolve(Path(path).stem).iso3


def test_briefs_on_real_documents_quote_no_debris(real_db: Path, tmp_path: Path) -> None:
    """Six country briefs (and one on the United States) over every real document: no quote
    with debris, and none from another country's profile that does not name the country."""
    from briefs import geo

    EVAL_REPORT.append("")
    EVAL_REPORT.append("debris: briefs over the real documents (floor 0 debris, 0 off scope)")
    EVAL_REPORT.append(
        f"  {'country':<14} {'sources':>7} {'quotes':>6} {'debris':>6} {'off scope':>9}"
    )
    failures = {}
    for country in (*SIX, "United States"):
        settings = load_settings(
            db=real_db,
            out=tmp_path / geo.resolve(country).iso3,
            country=country,
            formats=("json",),
            today="2026-01-05",
            charts=False,
        )
        data = json.loads(build_brief(settings).paths[0].read_text("utf-8"))
        paths = {src["id"]: src["path"] for src in data["sources"]}
        quotes = [
            (c["quote"], c["source"])
            for sec in data["sections"]
            for s in sec["sentences"]
            for c in s["cites"]
        ]
        quotes += [(f["quote"], f["source"]) for f in data["figures"]]
        quotes += [(e["quote"], e["source"]) for e in data["timeline"]]
        iso = geo.resolve(country).iso3
        debris = [q for q, _ in quotes if debris_of(q, QUOTE_KINDS)]
        off = [
            q
            for q, sid in quotes
            if _profile_country(paths[sid]) not in (None, iso)
            and not any(found == iso for *_, found in geo.mentions(q))
        ]
        EVAL_REPORT.append(
            f"  {country:<14} {len(data['sources']):>7} {len(quotes):>6} {len(debris):>6} "
            f"{len(off):>9}"
        )
        assert quotes, country
        if debris or off:
            failures[country] = debris + off
    assert failures == {}


def test_a_report_as_pdf_and_as_markdown_is_one_source(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    folder = tmp_path / "docs"
    folder.mkdir()
    body = [
        "Indonesia closed the 2023 fire season with 1.16 million hectares burned, officials",
        "in Jakarta said, and the government would review 12 plantation licences in Riau.",
        "The environment ministry said peatland restoration targets for 2024 would be raised",
        "and that companies whose concessions burned twice in five years would lose permits.",
    ]
    c = canvas.Canvas(str(folder / "haze-report.pdf"), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 780, "Haze review in Indonesia")
    c.setFont("Helvetica", 10)
    for i, line in enumerate(body):
        c.drawString(72, 740 - 14 * i, line)
    c.drawString(72, 60, "Page 1")
    c.save()
    (folder / "haze-report.md").write_text(
        "# Haze review in Indonesia\n\n" + " ".join(body[:2]) + "\n\n" + " ".join(body[2:]) + "\n",
        "utf-8",
    )
    db = stored(folder)
    settings = load_settings(
        db=db, out=tmp_path, country="Indonesia", formats=("json",), today="2026-01-05"
    )
    data = json.loads(build_brief(settings).paths[0].read_text("utf-8"))
    assert len(data["sources"]) == 1
    (source,) = data["sources"]
    assert {source["path"], *source["also"]} == {"haze-report.pdf", "haze-report.md"}


def test_a_transcripts_date_is_its_own_not_its_files() -> None:
    # Line-numbered: the date line reads "10 | Tuesday, January 13, 2009" in its text layer.
    (doc,) = read_file(REAL / "scotus-transcript-p1.pdf")
    assert doc.date == "2009-01-13" and doc.source_of("date") == "head"
    assert doc.publisher is None  # no masthead: no periodical


@pytest.mark.parametrize(
    "line, debris",
    [
        ("2002 Satellite image of swollen Jamuna river flooding Bangladesh Catherine Brahic", True),
        ("Protesters in Yangon (AP Photo/Str)", True),
        ("Image credit: www.example.com/in/", True),
        ("A satellite image of the flood shows the river burst its banks on Monday.", False),
        ("The picture of the economy is mixed, the bank said.", False),
    ],
)
def test_a_photo_caption_or_credit_is_no_passage(line: str, debris: bool) -> None:
    """What a picture shows, or who took it, is no passage and no opening that says what a
    story is about (a caption naming Bangladesh made a heatwave story a Bangladesh one)."""
    from briefs.readers.debris import is_debris

    assert is_debris(line) is debris


def test_a_fonts_glyph_list_is_no_passage() -> None:
    from briefs.readers.debris import is_debris

    # A subset font's glyph list left in a US EPA page's text layer (ICDAR 2013, us-032).
    assert is_debris("zyxwvutsrqponmlkjihgfedcbaYWVUTSRPONMLKJIHGFEDCBA")
    assert not is_debris("Air toxics are emitted from a wide variety of sources.")


def _doc(*paragraphs: str, title: str = "A report", language: str = "en"):  # type: ignore[no-untyped-def]
    from briefs.model import Document

    return Document(path="r.pdf", title=title, paragraphs=paragraphs, language=language)


def test_a_text_layer_that_kept_only_part_of_each_ligature_is_mended() -> None:
    from briefs.readers.debris import clean_document

    # A US health report (ICDAR 2013, us-025) whose text layer lost the f of "fi", "ff", "fl":
    # one damaged word in its first thousand characters, many after.
    opening = "Heart disease and stroke are the irst and third leading causes of death."
    later = (
        "Death certiicate data were classiied by age; the diferences were signiicant at the "
        "95% conidence level and relect age-speciic rates."
    )
    doc = clean_document(_doc(opening, "Data " * 200 + ".", later))
    assert doc.paragraphs[0] == opening.replace("irst", "first")
    assert doc.paragraphs[2] == (
        "Death certificate data were classified by age; the differences were significant at "
        "the 95% confidence level and reflect age-specific rates."
    )


def test_another_languages_short_words_are_no_lost_ligatures() -> None:
    from briefs.readers.debris import clean_document

    # "und" and "ist" would mend into "fund" and "fist"; "los" into "lofts".
    text = "Die neue Palette ist da und los geht es, hier und jetzt, sagt er und lacht."
    assert clean_document(_doc(text, language="de")).paragraphs == (text,)


def test_lines_glued_without_a_space_are_parted_again() -> None:
    from briefs.readers.debris import clean_document

    # A news agency's text file whose lines were joined with nothing between them.
    glued = (
        "US President George W. Bushannounced on Friday that the United States is pledging 350 "
        "milliondollars to help tsunami victims in Asia, a tenfold increase overits first wave.",
        "The president said in Crawford, Texas, that heis sending Colin Powell to areas ravaged "
        "byearthquake and tsunami to assess what more the United States needsto do.",
        "Critics claimed thatthe initial US contribution was too meagerconsidering its wealth.",
    )
    doc = clean_document(_doc(*glued))
    assert doc.paragraphs == (
        "US President George W. Bush announced on Friday that the United States is pledging 350 "
        "million dollars to help tsunami victims in Asia, a tenfold increase over its first wave.",
        "The president said in Crawford, Texas, that he is sending Colin Powell to areas ravaged "
        "by earthquake and tsunami to assess what more the United States needs to do.",
        "Critics claimed that the initial US contribution was too meager considering its wealth.",
    )


@pytest.mark.parametrize(
    "text",
    [
        # Words the dictionary lacks that two content words would make: no damage.
        "The lockdown and the bushfires halted the programmes; the people-centred plan, the "
        "offence and the requestor's majority were hyperconnected to the megablaze and its "
        "firegrounds.",
        # Another language's words inside an English document.
        "¿Qué hiciste todo el verano? dijo una de las hormigas; si saltas y cantas todo el "
        "verano, entonces debes morir.",
    ],
)
def test_compounds_and_other_languages_are_no_glued_lines(text: str) -> None:
    from briefs.readers.debris import clean_document

    assert clean_document(_doc(text)).paragraphs == (text,)


def test_a_notes_asterisk_or_dagger_is_dropped_and_emphasis_is_kept() -> None:
    from briefs.readers.debris import clean_document

    doc = clean_document(
        _doc(
            "Heart disease is the first leading cause of death in the United States* (1).",
            "The label Lanius† stands for organic wool, the brand says.",
            "Das Ende klingt sehr abgeschlossen *lach*, sagt sie, aber es kommen noch zwei.",
            title="WARN Report*",
        )
    )
    assert doc.title == "WARN Report"
    assert doc.paragraphs == (
        "Heart disease is the first leading cause of death in the United States (1).",
        "The label Lanius stands for organic wool, the brand says.",
        "Das Ende klingt sehr abgeschlossen *lach*, sagt sie, aber es kommen noch zwei.",
    )


def test_a_title_drawn_several_times_over_is_said_once() -> None:
    from briefs.readers.debris import said_once

    # pdfplumber's test files: headings overprinted for a bold or a shadow.
    assert said_once("教育经历 教育经历") == "教育经历"
    assert said_once("Annual Report 2011 Annual Report 2011 Annual Report 2011") == (
        "Annual Report 2011"
    )
    assert said_once("Bora Bora") == "Bora Bora"  # a name that doubles a word
    assert said_once("Walla Walla Washington") == "Walla Walla Washington"


def test_a_fonts_glyph_codes_are_no_title() -> None:
    from briefs.readers.head import title_like

    assert not title_like("Aabba7 Aabababa ab Aaaaaamaaba")  # pdfplumber issue 192
    assert title_like("Coronary Heart Disease and Stroke Deaths — United States, 2006")
    assert title_like("Baba Ali")


def test_a_pdf_tools_trial_stamp_is_debris_and_no_title() -> None:
    from briefs.readers.debris import is_debris
    from briefs.readers.head import title_like

    stamp = "Produced with a Trial Version of PDF Annotator - www.PDFAnnotator.com"
    assert is_debris(stamp) and not title_like(stamp)
    assert is_debris("Evaluation Warning: The document was created with Spire.PDF for .NET.")
    assert not is_debris("The ministry ran a trial of the new voting machines in two provinces.")


def test_a_glyph_drawn_twice_at_one_place_is_read_once(tmp_path: Path) -> None:
    # A bold made by overprinting: each letter drawn again a fraction of a point to the right.
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "bold.pdf"
    c = canvas.Canvas(str(pdf))
    c.setFont("Helvetica-Bold", 20)
    x = 72.0
    for ch in "Data Sheet":
        c.drawString(x, 720, ch)
        c.drawString(x + 0.3, 720, ch)
        x += c.stringWidth(ch, "Helvetica-Bold", 20)
    c.setFont("Helvetica", 11)
    c.drawString(72, 690, "The potentiometer is rated at 5 watts and 24 millimetres across.")
    c.drawString(72, 676, "Its wirewound track is rated for ten thousand turns of the shaft.")
    c.save()
    (doc,) = read_file(pdf)
    assert "DDaattaa" not in doc.title + doc.text
    assert doc.title == "Data Sheet"


def test_a_change_of_type_inside_a_box_parts_a_label_from_its_answer(tmp_path: Path) -> None:
    # A state agency's incident summary (pdfplumber's test files): each bold label sits just
    # above its answer, and pdfminer gave both as one box.
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "form.pdf"
    c = canvas.Canvas(str(pdf))
    y = 760.0
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, y, "Description of the incident, including its suspected cause:")
    y -= 14
    c.setFont("Helvetica", 10)
    for line in (
        "On January 10, 2015, the agency received a report regarding a child admitted",
        "to the hospital with serious head injuries, and it opened an assessment at once.",
    ):
        c.drawString(72, y, line)
        y -= 12
    c.save()
    (doc,) = read_file(pdf)
    assert doc.paragraphs[:2] == (
        "Description of the incident, including its suspected cause:",
        "On January 10, 2015, the agency received a report regarding a child admitted to the "
        "hospital with serious head injuries, and it opened an assessment at once.",
    )


def test_a_sentence_set_partly_in_small_capitals_stays_one() -> None:
    # The Federal Register sets "FOR FURTHER INFORMATION CONTACT" in small capitals inside a
    # sentence; the change of type there is no paragraph's end.
    (doc,) = read_file(REAL / "federal-register-2020-17221.pdf")
    assert any(
        "identified in the FOR FURTHER INFORMATION CONTACT section. Any commentary" in p
        for p in doc.paragraphs
    )


def test_a_reference_in_brackets_is_dropped_unless_it_is_the_sentences_noun() -> None:
    """Seen in the journal articles and Wikipedia-like pages read locally: "[55–57]" after a
    claim is a pointer to the reference list, which a brief's reader does not have; "In [20],
    the dependence …" names the work and cannot lose it."""
    from briefs.readers.debris import clean_document

    doc = clean_document(
        _doc(
            "PCBs are linked to a disease or injury outcome [55–57]. The goal is prevention.",
            "Most mothers breast fed for four months [25], as in other cohorts [10], [13].",
            "In [20], the dependence between records was modelled; see [12] for details.",
            "Records drawn from U [0, 1] are uniform; the authors of [9] showed it.[3][4]",
            "Phnom Penh is the largest city.[citation needed] It lies on the Mekong.",
        )
    )
    assert doc.paragraphs == (
        "PCBs are linked to a disease or injury outcome. The goal is prevention.",
        "Most mothers breast fed for four months, as in other cohorts.",
        "In [20], the dependence between records was modelled; see [12] for details.",
        "Records drawn from U [0, 1] are uniform; the authors of [9] showed it.",
        "Phnom Penh is the largest city. It lies on the Mekong.",
    )


def test_references_by_number_in_parentheses_go_where_the_document_numbers_them_so() -> None:
    """A CDC report (ICDAR's us-025) cites "(1)", "(2)", "(3)" in turn, and a key point quoted
    "in the United States (1) and have maintained this ranking"; in a page that never numbers
    references so, "(33)" is an age and "column (2)" a place in a form."""
    from briefs.readers.debris import clean_document

    cited = clean_document(
        _doc(
            "Heart disease and stroke are the first and third leading causes of death in the "
            "United States (1) and have maintained this ranking since 1921, respectively (2).",
            "In 2006, 26.0% of all deaths were from heart disease (3). Enter it in column (2).",
        )
    )
    assert cited.paragraphs == (
        "Heart disease and stroke are the first and third leading causes of death in the "
        "United States and have maintained this ranking since 1921, respectively.",
        "In 2006, 26.0% of all deaths were from heart disease. Enter it in column (2).",
    )
    ages = ("The coach, Marcell Jansen (33), joined the side (2). Gunthild Schön (77) agrees.",)
    assert clean_document(_doc(*ages)).paragraphs == ages
