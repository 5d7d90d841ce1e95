from __future__ import annotations

from pathlib import Path

import pytest

from briefs.errors import ReadError
from briefs.readers import discover, read_file
from briefs.readers.clean import paragraphs_from_text
from briefs.readers.metadata import load_sidecar

from conftest import FIXTURES, SEEDS


def test_cp1252_text_keeps_quotes_and_dashes_and_reads_dateline() -> None:
    doc = read_file(FIXTURES / "cp1252.txt")[0]
    assert doc.title == "Kuala Lumpur Observer"
    assert doc.date == "2024-03-04"
    assert doc.paragraphs == (
        "The minister’s “café” remarks – widely quoted – drew criticism from 1,200 delegates.",
    )
    assert "\ufffd" not in doc.text


def test_markdown_front_matter_becomes_metadata_and_syntax_is_stripped() -> None:
    doc = read_file(FIXTURES / "note.md")[0]
    assert (doc.title, doc.author, doc.publisher, doc.date, doc.url) == (
        "Field note on Rakhine",
        "Desk Analyst",
        "Example Institute",
        "2024-05-02",
        "https://example.org/notes/rakhine",
    )
    assert doc.paragraphs[0] == (
        "Fighting in Rakhine State displaced about 45,000 people in "
        "April, according to local monitors."
    )
    assert not any(ch in doc.text for ch in "*#[]`")


def test_pdf_debris_is_repaired() -> None:
    doc = read_file(FIXTURES / "wrapped.txt")[0]
    assert len(doc.paragraphs) == 3
    assert "agendas that each" in doc.paragraphs[0]
    assert "Mekong Connect Vol. 04" not in doc.text
    assert not any(p.strip().isdigit() for p in doc.paragraphs)
    assert "12" not in doc.text.split()


def test_seed_magazine_is_repaired() -> None:
    docs = read_file(SEEDS / "000_fdfac7c5ffbee239.txt")
    assert not any("Mekong Connect Vol. 04" in d.paragraphs for d in docs)
    joined = " ".join(d.text for d in docs)
    # Lines the PDF extraction broke mid-sentence are joined into one paragraph.
    assert (
        "In the aftermath of typhoon Nargis in 2008, the totalitarian military regime of "
        "Myanmar grudgingly opened its door to international assistance"
    ) in joined


def test_repeated_lead_paragraphs_are_kept_once() -> None:
    doc = read_file(SEEDS / "003_14141caa1f55aa04.txt")[0]
    lead = [p for p in doc.paragraphs if p.startswith("This special meeting was held in Kuala")]
    assert len(lead) == 1


def test_binary_and_empty_files_raise_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="binary"):
        read_file(FIXTURES / "binary.txt")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    with pytest.raises(ReadError, match="empty"):
        read_file(empty)


def test_sidecar_metadata_overrides_and_discover_skips_readme() -> None:
    meta = load_sidecar(SEEDS)
    doc = read_file(SEEDS / "004_2aa6a7042d021437.txt", meta["004_2aa6a7042d021437.txt"])[0]
    assert (doc.publisher, doc.date, doc.type) == ("Progressive Voice", "2022-01-14", "advocacy")
    names = [p.name for p, _ in discover([SEEDS])]
    assert "README.md" not in names and "metadata.jsonl" not in names
    assert len(names) == 5


def test_blank_lines_split_paragraphs_in_unwrapped_text() -> None:
    assert paragraphs_from_text("One line here.\n\nAnother line.") == [
        "One line here.",
        "Another line.",
    ]


def test_html_keeps_the_article_and_drops_boilerplate() -> None:
    doc = read_file(FIXTURES / "article.html")[0]
    assert doc.title == "Ceasefire talks resume on the Thai-Cambodian border"
    assert (doc.author, doc.publisher, doc.date) == (
        "Suda Chanthavong",
        "Mekong Wire",
        "2025-12-23",
    )
    assert doc.url == "https://mekongwire.example/2025/12/23/ceasefire-talks"
    assert len(doc.paragraphs) == 3
    assert "& aid agencies" in doc.paragraphs[1]
    for junk in (
        "Subscribe",
        "Advertisement",
        "tracker",
        "injected",
        "Privacy",
        "Ten things",
        "font-family",
    ):
        assert junk not in doc.text


def test_pdf_running_heads_page_numbers_and_hyphenation() -> None:
    doc = read_file(FIXTURES / "report.pdf")[0]
    assert (doc.title, doc.author) == ("Border diplomacy after the ceasefire", "Mekong Monitor")
    assert "Quarterly Report" not in doc.text
    assert "careful diplomacy rather" in doc.text
    # The paragraph cut by the page break is one paragraph, and keeps the page it starts on.
    second = doc.paragraphs[1]
    assert second.startswith("More than 1,200 families") and second.endswith("end of May.")
    assert doc.pages == (1, 1, 2)
    assert not any(p.strip().isdigit() for p in doc.paragraphs)


def test_pdf_exported_by_libreoffice_keeps_table_rows() -> None:
    doc = read_file(FIXTURES / "lo-report.pdf")[0]
    assert doc.author == "Provincial Monitoring Unit"
    assert "Oddar Meanchey | 1,200 | 31 March 2025" in doc.paragraphs


def test_docx_paragraphs_tables_and_core_properties() -> None:
    doc = read_file(FIXTURES / "table.docx")[0]
    assert (doc.title, doc.author, doc.date) == (
        "Displacement along the border",
        "Provincial Monitoring Unit",
        "2025-04-02",
    )
    assert doc.paragraphs[1] == "Province | Displaced families | As of"
    assert "Preah Vihear | 850 | 31 March 2025" in doc.paragraphs


def test_docx_tables_inside_a_layout_table_are_read(tmp_path: Path) -> None:
    """A page laid out as one table whose cells hold the tables with the text (a clinical
    protocol's front page, Apache POI's test file 60329.docx): every row is read."""
    import docx

    document = docx.Document()
    outer = document.add_table(rows=1, cols=1)
    cell = outer.cell(0, 0)
    cell.paragraphs[0].text = "Protocol summary"
    inner = cell.add_table(rows=2, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "Study Design:", "A phase II trial."
    inner.cell(1, 0).text, inner.cell(1, 1).text = "Sites:", "Twelve clinics in Cambodia."
    document.save(tmp_path / "layout.docx")
    (doc,) = read_file(tmp_path / "layout.docx")
    assert "Study Design: | A phase II trial." in doc.paragraphs
    assert "Sites: | Twelve clinics in Cambodia." in doc.paragraphs


def test_docx_reads_what_word_shows(tmp_path: Path) -> None:
    """Content controls (a cover page's fields), tracked insertions, smart tags and line
    breaks are read; deleted and hidden text is not (Apache POI's 55966, delins,
    smarttag-snippet and Bug55142 test files have each)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("Demining in Cambodia advanced through the year.")
    body = document.element.body
    w = nsdecls("w")
    body.insert(
        0,
        parse_xml(
            f"<w:sdt {w}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Mine action in the provinces"
            "</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    body.insert(
        2,
        parse_xml(
            f"<w:p {w}><w:r><w:t>Clearance teams </w:t></w:r><w:ins w:id='1' w:author='a'>"
            "<w:r><w:t>from </w:t></w:r></w:ins><w:smartTag w:uri='u' w:element='place'><w:r>"
            "<w:t>Battambang</w:t></w:r></w:smartTag><w:del w:id='2' w:author='a'><w:r>"
            "<w:delText> never</w:delText></w:r></w:del><w:r><w:rPr><w:vanish/></w:rPr>"
            "<w:t> hidden words</w:t></w:r><w:r><w:t> cleared</w:t><w:br/><w:t>12 fields.</w:t>"
            "</w:r></w:p>"
        ),
    )
    document.save(tmp_path / "controls.docx")
    (doc,) = read_file(tmp_path / "controls.docx")
    assert "Mine action in the provinces" in (doc.title, *doc.paragraphs)
    assert "Clearance teams from Battambang cleared 12 fields." in doc.paragraphs


@pytest.mark.parametrize(
    "name,reason",
    [
        ("truncated.pdf", "damaged PDF"),
        ("encrypted.pdf", "encrypted PDF"),
        ("scan.pdf", "no text layer"),
        ("corrupt.docx", "not a valid .docx"),
        ("bomb.docx", "zip bomb"),
        ("xxe.docx", "DOCTYPE"),
        ("empty.txt", "empty file"),
        ("binary.txt", "binary content"),
    ],
)
def test_damaged_files_raise_read_error_with_reason(name: str, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        read_file(FIXTURES / "damaged" / name)


def test_magazine_issue_splits_into_signed_articles() -> None:
    meta = load_sidecar(SEEDS)["000_fdfac7c5ffbee239.txt"]
    docs = read_file(SEEDS / "000_fdfac7c5ffbee239.txt", meta)
    assert [d.author for d in docs] == [
        None,
        "Desmond Molloy",
        "Khin Zaw Win",
        "Chheang Vannarith",
        "Rungrawee Chalermsripinyorat",
        "Sim Vireak",
        "Lena Le",
    ]
    assert docs[2].title == "Peace In Myanmar Is Farther Off Than Before"
    assert docs[0].locator == "Editorial"
    assert all(d.locator == f"In: {meta['title']}" for d in docs[1:])
    assert all(d.type == "magazine" and d.date == "2022-06" for d in docs)
    # Author notes and bibliographies are not body text.
    assert not any(p.startswith("Dr Desmond Molloy spent") for p in docs[1].paragraphs)
    assert "REFERENCES" not in docs[2].paragraphs


def test_language_and_source_type_signals(tmp_path: Path) -> None:
    french = tmp_path / "fr.txt"
    french.write_text(
        "Le Cambodge et la Thaïlande ont convenu de se revoir cette semaine pour "
        "discuter du cessez-le-feu le long de la frontière commune.",
        "utf-8",
    )
    assert read_file(french)[0].language == "fr"
    news = read_file(SEEDS / "003_14141caa1f55aa04.txt")[0]
    assert news.type == "news" and news.language == "en"


def test_markdown_html_line_breaks_end_labels_sentences_and_paragraphs(tmp_path) -> None:
    from briefs.readers.markdown import read

    page = tmp_path / "profile.md"
    page.write_text(
        "# Laos\n\n## Introduction\n\n"
        "**Background**<br>\nModern-day Laos has its roots in the kingdom of Lan Xang. "
        "Laos became a member of ASEAN in 1997 and the WTO in 2013.<br><br>In the 2010s, the "
        "country benefited from direct foreign investment.<br>\n\n"
        "**Area**<br>\n_total_: 236,800 sq km<br>_land_: 230,800 sq km<br>\n\n"
        "A line broken<br>inside a sentence reads on.\n\n"
        "Mun - 1,162 km<br><br><strong>note:</strong> [s] marks a river's source<br>\n",
        "utf-8",
    )
    doc = read(page)
    assert doc.title == "Laos"
    assert doc.paragraphs == (
        "Introduction",
        "Background",
        "Modern-day Laos has its roots in the kingdom of Lan Xang. Laos became a member of "
        "ASEAN in 1997 and the WTO in 2013.",
        "In the 2010s, the country benefited from direct foreign investment.",
        "Area",
        "total: 236,800 sq km land: 230,800 sq km",
        "A line broken inside a sentence reads on.",
        "Mun - 1,162 km",
        "note: [s] marks a river's source",
    )


def test_html_line_breaks_between_sentences_split_paragraphs(tmp_path) -> None:
    """Many pages separate paragraphs with <br> inside one <p>: "Brooklyn.<br>For the first
    time" must not read "Brooklyn.For"; a <br> inside a sentence is a space."""
    from briefs.readers.html import read

    body = (
        "<p>Wednesday is a monumental day for residents of the Nostrand Houses in Sheepshead "
        "Bay, Brooklyn.<br>For the first time, tenants will vote on how their buildings are "
        "repaired and who will manage them over the next thirty years.<br>The vote runs for "
        "twenty days and residents who are on a lease<br>and at least 18 years old can cast a "
        "ballot in person or by mail.</p>"
        "<p>Housing officials said the three funding models had been explained at meetings "
        "held on the campus over the summer, and that every household had been sent a guide."
        "</p>"
    )
    page = tmp_path / "vote.html"
    page.write_text(
        "<html><head><title>Tenants vote on repairs</title></head><body><article>"
        f"<h1>Tenants vote on repairs</h1>{body}{body.replace('Wednesday', 'Thursday')}"
        "</article></body></html>",
        "utf-8",
    )
    text = read(page).paragraphs
    assert not any("Brooklyn.For" in p for p in text)
    assert any(p.startswith("For the first time, tenants will vote") for p in text)
    assert any("on a lease and at least 18 years old" in p for p in text)


def test_html_date_printed_under_the_headline_is_read(tmp_path) -> None:
    """A page whose markup dates nothing prints its day under the headline (a Reuters page
    saved by a browser, htmldate's test set): the day is the page's date, not body text."""
    from briefs.readers.html import read

    text = (
        "<p>PARIS (Reuters) - Protesters opposed to the government's pension reform gathered "
        "outside a Paris theatre on Friday evening where the president was watching a play, "
        "officials said, and police moved him out of the building for a short while.</p>"
        "<p>The crowd had learned of the visit from a journalist's post on social media and "
        "gathered within the hour, chanting against the reform, a witness told reporters.</p>"
    )
    page = tmp_path / "theatre.html"
    page.write_text(
        "<html><head><title>Protesters gather at Paris theatre</title></head><body><article>"
        f"<h1>Protesters gather at Paris theatre</h1><p>January 18, 2020</p>{text}"
        "</article></body></html>",
        "utf-8",
    )
    doc = read(page)
    assert doc.date == "2020-01-18" and doc.source_of("date") == "head"
    assert "January 18, 2020" not in doc.paragraphs
    # A month alone at the top is a calendar widget's, not the page's date.
    page.write_text(
        "<html><head><title>Villa Galaxy</title></head><body><article>"
        f"<h1>Villa Galaxy</h1><p>February 2020</p><p>Su | Mo | Tu | We | Th</p>{text}"
        "</article></body></html>",
        "utf-8",
    )
    assert read(page).date is None


def test_program_code_left_in_a_page_is_debris() -> None:
    from briefs.readers.debris import is_debris

    assert is_debris(
        "(function() { document.addEventListener('DOMContentLoaded', function() { var meta = "
        "JSON.parse('\\x7b\\x22componentName\\x22\\x3a\\x22Rating\\x22\\x7d'); }); })();"
    )
    assert not is_debris(
        "The function of the committee is to return its report by Friday; the minister said "
        "the var of opinions (sic) was wide."
    )


def test_html_bylines_keep_every_author_the_page_names(tmp_path) -> None:
    """Multi-author and upper-case bylines are kept, each name checked on its own; a desk,
    an agency acronym or a widget ("Username") is no author."""
    from briefs.readers.html import _byline

    page = (
        "<html><head><title>Flooding</title></head><body><p>By <a href='/a'>DAVID BRAND</a> "
        "and Ramsey Khalifeh, with J. O. Haselhoef</p></body></html>"
    )
    head = "<head><title>Flooding</title></head>"
    found = "DAVID BRAND; Ramsey Khalifeh; J O Haselhoef; CNN; Staff; Username; Set Authorizer"
    assert _byline(found, page, head) == "David Brand; Ramsey Khalifeh; J O Haselhoef"
    # A name given only as a heading of the page is no byline.
    assert _byline("Set Authorizer", "<h2>Set Authorizer</h2>", "") is None
    # Structured data names the author too; the site itself is not one.
    data = '<script>{"author": {"@type": "Person", "name": "Charnele Henry"}}</script>'
    assert _byline("Charnele Henry; The Local", data, "", site="The Local") == "Charnele Henry"
    # A site's account, a wire service or a role, declared as the page's author: no person
    # (from the pages of a mixed news pile: zitrod.com, SE Missouri News, La Prensa Latina).
    # A newspaper and a cooperative ("eG") neither.
    for account in (
        "Zitrod Articles",
        "Metric Media News Service",
        "Online News Editor",
        "Jornal O Papel",
        "Besserwisser eG",
    ):
        declared = f'<script>{{"author": {{"@type": "Person", "name": "{account}"}}}}</script>'
        assert _byline(account, declared, "") is None


def test_html_authors_the_markup_or_another_language_names() -> None:
    """Measured on mozilla/readability's 130 test pages (their expected bylines): a name the
    markup marks as the author, in microdata or a class, with only tags between, and a byline
    opened by another language's "by" ("Von", "Por", "Af") are authors when they read as a
    person's name; a credit, a label or a newsroom is not. A name the page's text runs on
    from is the one its structured data declares."""
    from briefs.readers.html import _byline

    microdata = (
        '<span class="authorname-txt" itemprop="author" itemscope="itemscope">\n'
        '   <span class="truncate" itemprop="name">Alex Perry</span></span>'
    )
    assert _byline("Alex Perry", microdata, "") == "Alex Perry"
    by_class = '<div class="author-name C(#000) Fw(b)">NATALIYA VASILYEVA</div>'
    assert _byline("NATALIYA VASILYEVA", by_class, "") == "Nataliya Vasilyeva"
    german = "<p class='meta'>Von <a href='/autor/ah'>Andreas Hoffmann</a>, 19.10.2019</p>"
    assert _byline("Andreas Hoffmann", german, "") == "Andreas Hoffmann"
    danish = "<span>Af Ritzau</span> <span>Jesper Lund</span>"
    assert _byline("Af Jesper Lund", danish, "") == "Jesper Lund"
    # A given name that is also a "by" keeps its place: "Di Wang" is no "by Wang".
    assert _byline("Di Wang", "<p>By Di Wang, Beijing</p>", "") == "Di Wang"
    # A credit, a label and a newsroom, marked as the author or after "Por", are not people.
    assert _byline("Cortesía", '<span class="author">Cortesía</span>', "") is None
    assert _byline("Redaktion", '<span class="author">Redaktion</span>', "") is None
    label = '<a class="author-link">Zeige alle Beiträge von Petra Ruland</a>'
    assert _byline("Zeige alle Beiträge von Petra Ruland", label, "") is None
    # The name in the page's text before other words; its structured data has it whole.
    data = '<script>{"author":[{"@type":"Person","name":"Ale\\u0161 V\\u00e1vra"}]}</script>'
    assert _byline("Aleš Vávra před", data, "") == "Aleš Vávra"
    # A name that only stands in a sentence of the page vouches for nothing.
    assert _byline("Alex Perry", "<p>We spoke to Alex Perry about it.</p>", "") is None


NEWSWIRE = """<DOC>
<DOCNO> APW19981016.0240 </DOCNO>
<DOCTYPE> NEWS STORY </DOCTYPE>
<DATE_TIME> 10/16/1998 07:59:00 </DATE_TIME>
<BODY>
<HEADLINE> Hun Sen rejects talks abroad </HEADLINE>
<TEXT>
   PHNOM PENH, Cambodia (AP) _ Cambodian leader Hun Sen on Friday rejected
opposition demands for talks outside the country.
   Opposition leaders said they could not negotiate freely in Cambodia and
called for talks in Beijing, where AT&T once had an office.
</TEXT>
</BODY>
<TRAILER> AP-NY-10-16-98 0759EDT </TRAILER>
</DOC>
<DOC>
<DOCNO> NYT19981017.0144 </DOCNO>
<BYLINE> By SETH MYDANS </BYLINE>
<TEXT>
<P>
BANGKOK, Thailand _ King Norodom Sihanouk offered on Saturday to host the talks.
</P>
<P>
The offer came after weeks of deadlock over forming a new government.
</P>
</TEXT>
</DOC>
"""


@pytest.mark.parametrize("name", ["wire.txt", "wire.sgml"])
def test_a_newswire_sgml_file_is_its_stories(tmp_path: Path, name: str) -> None:
    """A news-wire archive file in SGML (TREC, DUC, Gigaword) saved as .txt or .sgml: one
    document per <DOC>, its headline, date (from <DATE_TIME>, else the story number) and
    byline read from the markup, its paragraphs from indents or <P>, and no tag as text."""
    path = tmp_path / name
    path.write_text(NEWSWIRE, "utf-8")
    first, second = read_file(path)
    assert (first.title, first.date, first.locator, first.type) == (
        "Hun Sen rejects talks abroad",
        "1998-10-16",
        "APW19981016.0240",
        "news",
    )
    assert first.paragraphs == (
        "PHNOM PENH, Cambodia (AP) _ Cambodian leader Hun Sen on Friday rejected opposition "
        "demands for talks outside the country.",
        "Opposition leaders said they could not negotiate freely in Cambodia and called for "
        "talks in Beijing, where AT&T once had an office.",
    )
    # A byline set in capitals is a name; the dateline's agency is the story's publisher.
    assert (second.date, second.author, len(second.paragraphs)) == ("1998-10-17", "Seth Mydans", 2)
    assert first.publisher == "AP"
    assert "<" not in first.text + second.text


def test_a_wires_loose_byline_and_credit_lines_are_read(tmp_path: Path) -> None:
    """The New York Times wire sets its byline and credit as loose lines between the headline
    and the text: they name the author and the publisher, and are no paragraph."""
    path = tmp_path / "NYT19981017.0123"
    path.write_text(
        "<DOC>\n<DOCNO> NYT19981017.0123 </DOCNO>\n<BODY>\n<SLUG> BC-CAMBODIA-NYT </SLUG>\n"
        "<HEADLINE>\nKING OFFERS TO HOST TALKS\n</HEADLINE>\n (jl)\n By SETH MYDANS\n"
        " c.1998 N.Y. Times News Service\n<TEXT>\n   BANGKOK, Thailand _ King Norodom "
        "Sihanouk offered on Saturday to host talks.\n   The offer came after weeks of "
        "deadlock.\n</TEXT>\n</BODY>\n</DOC>\n",
        "utf-8",
    )
    (doc,) = read_file(path)
    assert (doc.author, doc.publisher) == ("Seth Mydans", "N.Y. Times News Service")
    assert not any("Mydans" in p or "c.1998" in p for p in doc.paragraphs)


def test_a_key_point_drops_the_wire_dateline_and_keeps_it_in_the_quote() -> None:
    from briefs.extract.sentences import trim

    quote = "SANTIAGO, Dec 7 (IPS) - The South American community of nations takes shape this week."
    assert trim(quote) == "The South American community of nations takes shape this week."
    assert trim("ASEAN - the regional bloc - met on Monday in Kuala Lumpur.").startswith("ASEAN")


def test_newswire_files_named_by_story_number_are_found_by_their_content(tmp_path: Path) -> None:
    """TREC and DUC name their files by story number ("APW19981016.0240", no suffix or a
    numeric one): such a file is read when it opens with <DOC>; other files without a known
    suffix are passed over."""
    from briefs.readers import walk

    (tmp_path / "APW19981016.0240").write_text(NEWSWIRE, "utf-8")
    (tmp_path / "notes").write_text("hello", "utf-8")
    (tmp_path / "scan.0001").write_bytes(b"\x89PNG\r\n")
    found = [rel for _root, rel in walk([tmp_path])]
    assert found == ["APW19981016.0240"]
    assert [d.locator for d in read_file(tmp_path / found[0])] == [
        "APW19981016.0240",
        "NYT19981017.0144",
    ]


def test_newswire_typesetting_codes_and_desk_notes_are_no_text(tmp_path: Path) -> None:
    path = tmp_path / "NYT19981017.0144"
    path.write_text(
        "<DOC>\n<DOCNO> NYT19981017.0144 </DOCNO>\n<TEXT>\n"
        "<P>\nBANGKOK, Thailand _ &UR; King Norodom Sihanouk offered on Saturday to host "
        "talks &MD; in Beijing.\n</P>\n"
        "<P>\n(STORY CAN END HERE. OPTIONAL 2ND TAKE FOLLOWS.)\n</P>\n"
        "<P>\nThe offer came after weeks of deadlock over forming a new government.\n</P>\n"
        "</TEXT>\n</DOC>\n",
        "utf-8",
    )
    (doc,) = read_file(path)
    assert doc.paragraphs == (
        "BANGKOK, Thailand _ King Norodom Sihanouk offered on Saturday to host talks — in Beijing.",
        "The offer came after weeks of deadlock over forming a new government.",
    )


@pytest.mark.parametrize(
    "opening, place, outlet",
    [
        ("PHNOM PENH, Cambodia (AP) _ Cambodian leader Hun Sen", "PHNOM PENH, Cambodia", "AP"),
        ("TOKYO, March 3 (Reuters) - Japan's trade surplus", "TOKYO, March 3", "Reuters"),
        ("Kuala Lumpur (AFP) - Malaysia said", "Kuala Lumpur", "AFP"),
        ("BANGKOK — Thailand's army said", "BANGKOK", None),
        ("Maathai said: the prize is for Africa", None, None),
        ("U.S. officials said - nothing more", None, None),
    ],
)
def test_one_dateline_reading(opening: str, place: str | None, outlet: str | None) -> None:
    """One reading of a wire dateline serves the head, aboutness and the shown sentence; the
    underscore AP used in the 1990s ends it as a dash does."""
    from briefs.readers.dateline import dateline

    found = dateline(opening)
    if place is None:
        assert found is None
    else:
        assert found is not None and (found.place, found.outlet) == (place, outlet)


def test_an_ap_story_is_filed_from_its_dateline_country() -> None:
    from briefs.about import signals
    from briefs.model import Document

    doc = Document(
        path="a.txt",
        title="Opposition rejects talks",
        paragraphs=("PHNOM PENH, Cambodia (AP) _ The opposition on Friday rejected the talks.",),
    )
    assert next(s for s in signals(doc) if s.iso3 == "KHM").dateline


def test_a_reuters_sgml_file_is_its_stories(tmp_path: Path) -> None:
    """The Lewis DTD of Reuters' 1987 wire: <REUTERS> stories, the title and dateline inside
    <TEXT> before the <BODY>, control characters as references, the 'Reuter' sign-off. The
    dateline opens the story as a reader reads it; the sign-off names the publisher; the
    labels the file carries (<TOPICS>, <PLACES>) are not read as the text's."""
    path = tmp_path / "wire-000.sgm"
    path.write_text(
        '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS TOPICS="YES" NEWID="7">\n'
        "<DATE> 3-MAR-1987 09:12:44.10</DATE>\n<TOPICS><D>rice</D></TOPICS>\n"
        "<PLACES><D>thailand</D></PLACES>\n<UNKNOWN> \n&#5;&#5;&#5;G\n&#22;&#22;&#1;f0101&#31;"
        "reute\nu f BC-THAI-RICE   03-03 0120</UNKNOWN>\n<TEXT>&#2;\n"
        "<TITLE>THAI RICE EXPORTS RISE</TITLE>\n<DATELINE>    BANGKOK, March 3 - </DATELINE>"
        "<BODY>Thailand exported 412,000 tonnes of rice in\nFebruary, the ministry said.\n"
        "    The ministry expects exports of 4.5 mln tonnes this year.\n Reuter\n&#3;</BODY>"
        "</TEXT>\n</REUTERS>\n",
        "utf-8",
    )
    (doc,) = read_file(path)
    assert (doc.title, doc.date, doc.locator, doc.publisher) == (
        "THAI RICE EXPORTS RISE",
        "1987-03-03",
        "NEWID 7",
        "Reuters",
    )
    assert doc.paragraphs == (
        "BANGKOK, March 3 - Thailand exported 412,000 tonnes of rice in February, the ministry "
        "said.",
        "The ministry expects exports of 4.5 mln tonnes this year.",
    )
    assert doc.country is None and "rice" not in doc.title.lower().split()[-1:]


def test_a_transcripts_margin_numbers_leave_its_lines_to_join() -> None:
    """A court transcript numbers its lines in the margin ("12 | The above-entitled matter
    came on for oral" / "13 | argument before …"): the numbers go, and the lines join into the
    sentence a reader reads."""
    (doc,) = read_file(FIXTURES / "real" / "scotus-transcript-p1.pdf")
    assert (
        "The above-entitled matter came on for oral argument before the Supreme Court of the "
        "United States at 1:01 p.m." in doc.paragraphs
    )
    assert not any(p.split(" | ")[0].isdigit() for p in doc.paragraphs)


def test_pdf_layout_groups_boxes_the_same_whatever_the_memory_layout() -> None:
    """pdfminer merges the closest text boxes first and broke ties between equal distances by
    their memory address: a rotated table (the FBI's NICS checks in pdfplumber's test PDFs)
    read differently from run to run, so the same corpus gave a different brief. A grid of
    equally spaced boxes, grouped four times with objects allocated in between to move every
    address, must group alike (without the fix it gave four orders)."""
    from pdfminer.layout import LAParams, LTLayoutContainer, LTTextBoxHorizontal

    from briefs.readers.pdf_layout import _stable_layout

    _stable_layout()

    def reading_order() -> tuple[int, ...]:
        boxes = []
        for row in range(5):
            for col in range(5):
                box = LTTextBoxHorizontal()
                box.set_bbox((col * 20, row * 20, col * 20 + 10, row * 20 + 10))
                boxes.append(box)
        index = {box: i for i, box in enumerate(boxes)}
        (top,) = LTLayoutContainer((0, 0, 200, 200)).group_textboxes(LAParams(), boxes)
        order: list[int] = []

        def walk(group) -> None:  # noqa: ANN001
            for item in group:
                if item in index:
                    order.append(index[item])
                else:
                    walk(item)

        walk(top)
        return tuple(order)

    orders = set()
    ballast = []
    for k in range(4):
        orders.add(reading_order())
        ballast.append([object() for _ in range(997 * (k + 1))])
    assert len(orders) == 1 and len(next(iter(orders))) == 25


def test_a_short_heading_from_elsewhere_on_the_page_is_no_title(tmp_path: Path) -> None:
    """Seen on a WebMD page (readability's test pages) and a dozen others read locally: a
    sidebar's "Information and Resources", a menu's "Aktuelles" or a loader's "Loading" was
    taken for the title. A short heading that is not in the article and shares no word with
    the page's <title> gives way to that <title>, its site name aside."""
    body = "<p>" + "Drug-resistant bacteria are spreading in hospitals across the country. " * 4
    page = tmp_path / "superbugs.html"
    page.write_text(
        "<html><head><title>Superbugs: What They Are and How You Get Them | WebMD</title>"
        "</head><body><div class='side'><h1>Information and Resources</h1></div>"
        f"<article>{body}</p><p>{body}</p></article></body></html>",
        "utf-8",
    )
    assert read_file(page)[0].title == "Superbugs: What They Are and How You Get Them"
    # The article's own heading stays, whatever the <title> says.
    chapter = tmp_path / "chapter.html"
    chapter.write_text(
        "<html><head><title>Google - Site Reliability Engineering</title></head><body>"
        f"<article><h1>Monitoring Distributed Systems</h1>{body}</p><p>{body}</p></article>"
        "</body></html>",
        "utf-8",
    )
    assert read_file(chapter)[0].title == "Monitoring Distributed Systems"


def test_a_web_pages_title_is_given_without_its_sites_name() -> None:
    """A citation gives the article's title and its publisher apart: 104 of the pages read
    locally set the site's name after the title ("Plejaden, M45 - Abenteuer Astronomie",
    "… at Bhakkar hospital - The Frontier Post"), a few before it ("Diario HOY | Darán …")."""
    from briefs.readers.page_title import without_site

    assert without_site(
        "Two newborns die at Bhakkar hospital - The Frontier Post", ("The Frontier Post", None)
    ) == ("Two newborns die at Bhakkar hospital")
    assert (
        without_site("Streit ums Feuerholz - www.AussenGedanken.de", (None, "aussengedanken.de"))
        == "Streit ums Feuerholz"
    )
    assert without_site("Diario HOY | Darán bendición", ("Diario HOY", None)) == "Darán bendición"
    # A part that is not the site's name stays: "Thailand – Cambodia" on a Thai news site.
    assert without_site("Thailand – Cambodia", ("Khmer Times", "khmertimes.com")) == (
        "Thailand – Cambodia"
    )
    assert without_site("Ceasefire talks resume", ("Khmer Times", None)) == "Ceasefire talks resume"


def test_a_page_set_in_pre_is_read_as_the_plain_text_it_is(tmp_path: Path) -> None:
    """An IETF draft published as HTML (readability's test page ietf-1) gave "no article
    text found": the page is one <pre>. It is read as plain text: lines rejoined, the running
    head of each page left out, the page's <title> its title."""
    bodies = [
        "This draft describes a protocol by which client-side applications can\n"
        "communicate with a data storage server that is hosted on a different\n"
        "domain name.\n",
        "A folder listing is a JSON object whose keys are the names of the items\n"
        "in the folder and whose values hold each item's current version.\n",
        "Requests are authorized with a bearer token that the user grants to an\n"
        "application once, through the OAuth dialog of the storage server.\n",
        "A conditional request carries the version it expects, so that two\n"
        "clients writing the same document do not overwrite each other.\n",
    ]
    page = (
        "\nde Jong                  Expires 15 June 2015              [Page {n}]\n\f\n"
        "Internet-Draft            remoteStorage                 December 2014\n\n"
    )
    text = "".join(body + page.format(n=n) for n, body in enumerate(bodies, 1))
    (tmp_path / "draft.html").write_text(
        "<html><head><title>The remoteStorage protocol</title></head><body>"
        f"<pre>{text}</pre></body></html>",
        "utf-8",
    )
    doc = read_file(tmp_path / "draft.html")[0]
    assert doc.title == "The remoteStorage protocol"
    assert doc.paragraphs[0].startswith("This draft describes a protocol by which client-side")
    assert doc.paragraphs[0].endswith("hosted on a different domain name.")
    assert len(doc.paragraphs) == 4
    assert not any("Internet-Draft" in p or "[Page" in p for p in doc.paragraphs)


def test_a_page_reads_the_same_however_often_its_text_was_seen() -> None:
    """trafilatura's deduplication remembers every block for the life of the process: the
    fourth page carrying a paragraph (a wire story three sites ran) lost it, and what a page
    gave depended on what its worker had read before. Repeats are now dropped within a page
    only."""
    first = read_file(FIXTURES / "article.html")[0]
    for _ in range(4):
        assert read_file(FIXTURES / "article.html")[0].paragraphs == first.paragraphs


def test_library_metadata_names_its_authors_last_name_first(tmp_path: Path) -> None:
    """Dublin Core and citation_author write "Jong, Michiel de": an IETF draft's page gave the
    author "Kooman; Jong; Michiel de". An outlet and its place is no author."""
    text = "<p>" + "The protocol lets applications keep their data on a server. " * 8 + "</p>"

    def page(metas: str) -> Path:
        path = tmp_path / "page.html"
        path.write_text(
            f"<html><head><title>Storage</title>{metas}</head><body><article><h1>Storage</h1>"
            f"{text}{text}</article></body></html>",
            "utf-8",
        )
        return path

    creators = '<meta name="DC.Creator" content="Kooman, F." /><meta name="DC.Creator" '
    creators += 'content="Jong, Michiel de" />'
    assert read_file(page(creators))[0].author == "F. Kooman; Michiel de Jong"
    outlet = '<meta name="DC.Creator" content="Reuters, Bangkok" />'
    assert read_file(page(outlet))[0].author != "Bangkok Reuters"


def test_a_pages_banner_or_promotion_is_not_its_title(tmp_path: Path) -> None:
    """Seen in readability's test pages: a blog's <h1> that links home ("Hi, I'm Nicolas.")
    and a footer's promotion ("Take your next trip with Atlas Obscura!") were titles."""
    text = "<p>" + "Coverage tools tell which lines of a program its tests have run. " * 8
    text += "</p>"

    def page(name: str, head: str, body: str) -> Path:
        path = tmp_path / f"{name}.html"
        path.write_text(f"<html><head>{head}</head><body>{body}</body></html>", "utf-8")
        return path

    home = page(
        "blog",
        "<title>Get your Frontend JavaScript Code Covered | Code | Nicolas Perriault</title>",
        f"<header><h1><a href='/'>Hi, I'm <strong>Nicolas.</strong></a></h1></header>"
        f"<article>{text}{text}</article>",
    )
    assert read_file(home)[0].title == "Get your Frontend JavaScript Code Covered"
    promo = page(
        "tarot",
        "<title></title>",
        "<article><header><h1 class='ArticleHeader__title'>The Deck of Cards That Made Tarot"
        f" A Global Phenomenon</h1></header>{text}{text}</article>"
        "<div class='footer-banner'><h2>Take your next trip with Atlas Obscura!</h2></div>",
    )
    assert read_file(promo)[0].title == "The Deck of Cards That Made Tarot A Global Phenomenon"


def test_a_byline_above_the_article_names_its_author(tmp_path: Path) -> None:
    """A page whose markup marks no author may print its byline above the text, as a report or
    a post does ("By Jane Okafor"): read as in any other document's head, and not quoted."""
    text = "<p>" + "The river rose two metres overnight and closed the bridge. " * 6 + "</p>"
    path = tmp_path / "flood.html"
    path.write_text(
        "<html><head><title>Flood closes the bridge</title></head><body><article>"
        f"<h1>Flood closes the bridge</h1><p>By Jane Okafor</p>{text}{text}</article></body>"
        "</html>",
        "utf-8",
    )
    doc = read_file(path)[0]
    assert doc.author == "Jane Okafor"
    assert not any("Okafor" in p for p in doc.paragraphs)


def test_an_anchor_in_a_heading_is_no_link_home(tmp_path: Path) -> None:
    """A heading that holds a named anchor ("<a name="top">") is not the site's banner."""
    text = "<p>" + "The river rose two metres overnight and closed the bridge. " * 6 + "</p>"
    path = tmp_path / "anchor.html"
    path.write_text(
        "<html><head><title>Flood News | Riverside Daily</title></head><body><article>"
        f"<h1><a name='top'></a>Flood closes the old bridge</h1>{text}{text}</article>"
        "</body></html>",
        "utf-8",
    )
    assert read_file(path)[0].title == "Flood closes the old bridge"
