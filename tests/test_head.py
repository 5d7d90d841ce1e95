"""The head reader: title, byline, date, outlet, URL and dateline from a document's first lines,
on the header conventions text exports really use (fixtures in tests/fixtures/heads, each
written from the convention's public description; see its README)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefs.readers import read_file, walk
from briefs.readers.head import (
    date_in_url,
    parse_date,
    plausible_author,
    plausible_title,
    read_head,
)
from briefs.readers.untitled import coded_name

HEADS = Path(__file__).resolve().parent / "fixtures" / "heads"
TODAY = dt.date(2026, 12, 1)

# (line, the date it gives or None): 44 first lines a person reads at a glance.
DATE_LINES = [
    ("Fri Oct 20, 2006 6:15pm EDT", "2006-10-20"),
    ("Mon Nov 18, 2013 11:02am EST", "2013-11-18"),
    ("Tuesday, 3 March 2015 09:41 GMT", "2015-03-03"),
    ("Monday, 22 December 2025 14:30 ICT", "2025-12-22"),
    ("Updated September 22, 2023", "2023-09-22"),
    ("Last updated: 4 March 2024", "2024-03-04"),
    ("Publication Date: 13 June 2024", "2024-06-13"),
    ("Published 12 Oct 2023", "2023-10-12"),
    ("Posted on January 14th, 2022", "2022-01-14"),
    ("13 June 2024", "2024-06-13"),
    ("June 13, 2024", "2024-06-13"),
    ("Jun. 13, 2024", "2024-06-13"),
    ("Sept. 5, 2019", "2019-09-05"),
    ("5 Sept 2019", "2019-09-05"),
    ("2023-10-12", "2023-10-12"),
    ("2023-10-12T08:15:00Z", None),  # a machine timestamp is no printed date line
    ("20/10/2006", "2006-10-20"),
    ("10/20/2006", "2006-10-20"),
    ("March 2024", "2024-03"),
    ("September 2023", "2023-09"),
    ("Dated: 1 May 2020", "2020-05-01"),
    ("As of 30 June 2024", "2024-06-30"),
    ("Issued: 2 February 2021 | 10:00", "2021-02-02"),
    ("Wednesday 24 December 2025", "2025-12-24"),
    ("8 December 2025 (UTC)", "2025-12-08"),
    ("DECEMBER 23, 2025", "2025-12-23"),
    ("In 2013, the bank raised rates twice.", None),
    ("Resolution 2022/14", None),
    ("Room 12, 4 March Street", None),
    ("2013", None),
    ("Page 4 of 12", None),
    ("No. 7 September 2023", None),  # an issue line: read as a masthead, not a date line
    ("Chapter 3: March to the sea", None),
    ("Tel: +62 21 555 0199", None),
    ("ISBN 978-92-1-101456-7", None),
    ("UN Doc A/78/PV.9", None),
    ("Friday", None),
    ("6:15pm EDT", None),
    ("May the talks continue", None),
    ("18 per cent of 2024 exports", None),
    ("31 February 2024", None),
    ("1 January 1850", None),  # before 1900
    ("4 March 2031", None),  # after the run date
    ("Updated", None),
    ("December 13, 2004 (1:18 PM EST)", "2004-12-13"),  # a time in brackets after the day
    ("Room (12) 4 March", None),
]


@pytest.mark.parametrize(("line", "want"), DATE_LINES)
def test_a_line_is_a_date_only_when_it_is_wholly_one(line: str, want: str | None) -> None:
    assert parse_date(line, today=TODAY) == want


def test_the_table_has_forty_lines_and_some_give_no_date() -> None:
    assert len(DATE_LINES) >= 40
    assert sum(1 for _, want in DATE_LINES if want is None) >= 15


@pytest.mark.parametrize(
    ("url", "want"),
    [
        ("http://www.example.com/article/2006/10/20/us-fed-idUSN20", "2006-10-20"),
        ("https://example.org/news/20131118/story.html", "2013-11-18"),
        ("https://example.org/2024/03/story", "2024-03"),
        ("https://example.org/about/team", None),
    ],
)
def test_a_news_url_path_gives_its_date(url: str, want: str | None) -> None:
    assert date_in_url(url) == want


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        (
            ["Fed keeps its tone", "By Ros Krasny", "Body text of the story, long enough."],
            ("Fed keeps its tone", "Ros Krasny", None, None),
        ),
        (["A title", "By JEFFREY GETTLEMAN", "x"], ("A title", "Jeffrey Gettleman", None, None)),
        (
            ["A title", "By Lia Eustachewich; Yaron Steinbuch", "x"],
            ("A title", "Lia Eustachewich, Yaron Steinbuch", None, None),
        ),
        (
            ["A title", "By Anna Lee and Tom Hart, Mekong Post", "x"],
            ("A title", "Anna Lee, Tom Hart, Mekong Post", None, None),
        ),
        (
            ["Haze", "Tan Wei Ming, Environment Note, 12 October 2023", "x"],
            ("Haze", "Tan Wei Ming", "2023-10-12", "Environment Note"),
        ),
        (
            ["Haze", "Tan Wei Ming | Environment Note", "x"],
            ("Haze", "Tan Wei Ming", None, "Environment Note"),
        ),
        (
            ["Kuala Lumpur Observer, 4 March 2024", "Body."],
            (None, None, "2024-03-04", "Kuala Lumpur Observer"),
        ),
        (
            ["Title here", "January 14th, 2022 • Author: Progressive Voice • 13 minute read", "x"],
            ("Title here", "Progressive Voice", "2022-01-14", None),
        ),
        (["Username", "x"], ("Username", None, None, None)),
    ],
)
def test_bylines(lines: list[str], want: tuple) -> None:
    head = read_head(lines, today=TODAY)
    assert (head.title, head.author, head.date, head.publisher) == want


def test_a_wire_dateline_gives_place_and_outlet_and_stays_in_the_body() -> None:
    head = read_head(
        ["-- Headline", "-- By A Writer", "ANCHORAGE, Alaska (Reuters) - The bank said on Friday."]
    )
    assert (head.place, head.publisher) == ("ANCHORAGE, Alaska", "Reuters")
    assert 2 not in head.lines


@pytest.mark.parametrize(
    "value",
    [
        "a769.PDF",
        "PUBL078.PS",
        "Profiling_Printer_cover2.indd",
        "xxxxxx",
        "Microsoft PowerPoint - Humanitarian caseloads",
        "CI Bilingual Counseling - Google Docs",
        "Document1",
        "untitled",
    ],
)
def test_file_names_and_tool_names_are_no_titles(value: str) -> None:
    assert not plausible_title(value)


@pytest.mark.parametrize("value", ["David", "Merlin", "kastland", "user", "Administrator"])
def test_login_names_are_no_authors(value: str) -> None:
    assert not plausible_author(value)


def test_people_and_organisations_are_authors() -> None:
    assert plausible_author("Jane Doe") and plausible_author("Office of the High Commissioner")


# What a person reads off the first page of each convention's fixture.
CONVENTIONS = {
    "newswire.txt": {
        "title": "Mekong river commission warns of record low water ahead of dry season",
        "author": "Lena Hartmann",
        "date": "2006-10-20",
        "publisher": "Wire",
        "url": "http://www.example-wire.com/article/2006/10/20/us-mekong-water-idUSN2012345620061020",
    },
    "journal.txt": {
        "title": "Regional cooperation on transboundary haze: what the 2023 season showed",
        "author": "Ratna Dewi",
        "date": "2023-09",
        "publisher": "ASEAN Monitor",
        "url": None,
    },
    "keyvalue.txt": {
        "title": "Floods displace thousands in Sagaing Region",
        "author": "Thida Win",
        "date": "2024-03-04",
        "publisher": "Mekong Observer",
        "url": "https://www.example-observer.org/2024/03/04/sagaing-floods",
    },
    "email.txt": {
        "title": "Border talks update: both sides agree to meet again",
        "author": "Somchai Prasert",
        "date": "2025-12-22",
        "publisher": None,
        "url": None,
    },
    "byline-note.pdf": {
        "title": "Peatland fires and the 2023 haze season",
        "author": "Tan Wei Ming",
        "date": "2023-10-12",
        "publisher": "Environment Note",
        "url": None,
    },
    "user-author.docx": {
        "title": "Water governance in the Lower Mekong",
        "author": "Mekong Policy Lab",
        "date": "2024-06-13",
        "publisher": None,
        "url": None,
    },
    "yaml-front.md": {
        "title": "Vietnam's new trade rules for rice exporters",
        "author": "Nguyen Thi Lan",
        "date": "2024-05-17",
        "publisher": "Hanoi Economic Review",
        "url": None,
    },
}


def test_each_convention_is_read_as_a_person_reads_it() -> None:
    rows = []
    for name, want in CONVENTIONS.items():
        (doc,) = read_file(HEADS / name)
        got = {k: getattr(doc, k) for k in want}
        right = sum(got[k] == v for k, v in want.items())
        rows.append(f"{name:<18} {right}/{len(want)}")
        assert got == want, name
    print("\n".join(rows))


def test_head_lines_never_reach_the_body() -> None:
    for name in CONVENTIONS:
        (doc,) = read_file(HEADS / name)
        body = " ".join(doc.paragraphs)
        for furniture in (
            "-- ",
            "Title:",
            "From:",
            "Subject:",
            "ASEAN Monitor No. 7",
            "Ratna Dewi is a research fellow",
            "Tan Wei Ming,",
            "13 June 2024",
        ):
            assert furniture not in body, (name, furniture)


def test_file_dates_are_kept_apart_from_what_the_text_says(tmp_path: Path) -> None:
    (doc,) = read_file(HEADS / "byline-note.pdf")
    assert doc.source_of("date") == "head" and doc.anchor_date == "2023-10-12"
    assert doc.author == "Tan Wei Ming"  # not the file's "kastland"
    # Without a date in the text, the file's own is kept but never anchors relative dates.
    from reportlab.pdfgen import canvas

    path = tmp_path / "undated.pdf"
    c = canvas.Canvas(str(path))
    c.setAuthor("David")
    c.drawString(72, 700, "Officials said on Sunday that the border crossing would reopen.")
    c.save()
    (undated,) = read_file(path)
    assert undated.source_of("date") == "file-metadata" and undated.date
    assert undated.anchor_date is None and undated.author is None


def test_lock_and_temporary_files_are_not_documents(tmp_path: Path) -> None:
    for name in ("~$report.docx", ".~lock.report.docx#", "report.tmp", "real.txt"):
        (tmp_path / name).write_text("Some text here.\n", "utf-8")
    assert [rel for _, rel in walk([tmp_path])] == ["real.txt"]


def test_a_wire_header_joined_by_a_hard_wrapped_export_is_read_line_by_line() -> None:
    from briefs.readers.text import document_from_text

    body = " ".join(["The central bank has held rates at 5.25 percent since June."] * 12)
    wrapped = "\n".join(body[i : i + 78] for i in range(0, len(body), 78))
    text = (
        "-- Fed to keep hawkish tone despite weak data, analysts say in a long headline -- By "
        "Ros Krasny -- Fri Oct 20, 2006 6:15pm EDT\n\n"
        "WASHINGTON (Reuters) - " + wrapped + "\n"
    )
    doc = document_from_text("wire.txt", text)
    assert doc.title.startswith("Fed to keep hawkish tone") and "--" not in doc.title
    assert (doc.author, doc.date, doc.publisher) == ("Ros Krasny", "2006-10-20", "Reuters")


def test_an_address_line_is_no_byline() -> None:
    from briefs.readers.bylines import byline as _byline

    assert _byline(
        "Cupertino Union School District 1309 S. Mary Avenue Sunnyvale, CA 94087 April 6, 2016"
    ) == (None, None, None)
    assert _byline("Jane Doe, France 24, 3 March 2024") == ("Jane Doe", "France 24", "2024-03-03")


def test_a_day_below_lines_the_head_does_not_read_or_opening_the_text_is_the_date() -> None:
    """A site name, a photo caption with its credit, then "3 December 2004" on its own line:
    the date, and no line of the body. A release opening its text with its day ("December 27,
    2004 Over the past week…") is dated by it. A table's row holding a date is neither."""
    head = read_head(
        [
            "SciDev.Net",
            "2002 Satellite image of swollen Jamuna river flooding Bangladesh Catherine Brahic",
            "3 December 2004",
            "Source: SciDev.Net",
            "This week's issue of Nature features the first study to link greenhouse gas "
            "emissions to an extreme weather event, the heat of the summer of 2003 in Europe, "
            "which led to 14,000 deaths more than the season would have seen, the authors say "
            "in the paper published on Wednesday by the journal's editors in London.",
        ],
        today=TODAY,
    )
    assert head.date == "2004-12-03" and head.lines.get(2) == "date"
    opening = read_head(
        [
            "Asteroid impact in 2029 ruled out",
            "NASA's Near Earth Object Program Office",
            "December 27, 2004 Over the past week, several independent efforts were made to "
            "search for pre-discovery observations of the asteroid.",
        ],
        today=TODAY,
    )
    assert opening.date == "2004-12-27"
    row = read_head(
        [
            "Displacement by province",
            "Province | Families | As of",
            "Preah Vihear | 850 | 31 March 2025",
        ],
        today=TODAY,
    )
    assert row.date is None and 2 not in row.lines


def test_a_stamp_above_the_text_is_no_title() -> None:
    """A transcript's notice ("Official - Subject to Final Review"), a draft's or a gazette's
    section stamp is no title; a transcript's line number is no part of one."""
    head = read_head(
        [
            "Official - Subject to Final Review",
            "1 | IN THE SUPREME COURT OF THE UNITED STATES",
            "2 | - - - - - - - - - - - - - - - - - x",
        ],
        today=TODAY,
    )
    assert head.title == "IN THE SUPREME COURT OF THE UNITED STATES"
    assert head.lines[0] == "furniture"
    assert read_head(["DRAFT", "Regional cooperation on haze"], today=TODAY).title == (
        "Regional cooperation on haze"
    )


def test_a_pages_chrome_is_no_title_and_a_days_run_into_a_title_is_its_date() -> None:
    """A saved page opens with its chrome: a section label, an advertisement's label, a link
    to its other languages, the site's name (its publisher). The headline is the line after
    them; a day run into a title is the date."""
    head = read_head(
        ["Top News Article", "advertisement", "Kmart Buying Sears in $11.5 Billion Deal"],
        today=TODAY,
    )
    assert head.title == "Kmart Buying Sears in $11.5 Billion Deal"
    site = read_head(
        ["The Japan Times Online", "Japan continues tracking mystery sub"], today=TODAY
    )
    assert (site.title, site.publisher) == (
        "Japan continues tracking mystery sub",
        "The Japan Times Online",
    )
    assert read_head(["English", "Tsunami relief reaches Aceh"], today=TODAY).title == (
        "Tsunami relief reaches Aceh"
    )
    dated = read_head(
        ["Internet Explorer loses market share: November 02, 2004: By : NETWORKING"],
        today=TODAY,
    )
    assert (dated.title, dated.date) == ("Internet Explorer loses market share", "2004-11-02")
    assert read_head(["Regional cooperation on haze: what 2023 showed"], today=TODAY).title == (
        "Regional cooperation on haze: what 2023 showed"
    )


def test_a_table_row_a_cut_cell_or_a_glyph_list_is_no_title() -> None:
    from briefs.readers.head import title_like

    # Seen in the ICDAR 2013 table competition's EU and US government pages.
    assert not title_like("3. | InForMATIon on SPECIFIC ZoonoSES")  # a running head
    assert not title_like("Vr.Date | Vr.No | Vr.Type | Particulars | Dr.Amt")
    assert not title_like("in marketing | financial services, | including")
    assert not title_like("zyxwvutsrqponmlkjihgfedcbaYWVUTSRPONMLKJIHGFEDCBA")
    assert title_like("Indonesia's haze diplomacy | Example Think Tank")
    assert title_like("1 | IN THE SUPREME COURT OF THE UNITED STATES")  # a numbered line
    assert title_like("what the 2023 season showed", opens=False)  # a title's second line


def test_pdf_glyphs_no_reader_sees_are_dropped() -> None:
    from briefs.readers.pdf_layout import _glyphs

    assert _glyphs("(cid:153) Assisting (cid:153) advertising") == " Assisting  advertising"
    assert _glyphs("\uf0b7 The Terms of Service") == " The Terms of Service"


def test_a_title_on_two_lines_is_no_table_row_and_keeps_no_ligature_glyph() -> None:
    from briefs.model import Document
    from briefs.readers.debris import clean_document

    # A bank statement's header cells (pdfminer's sample 2b.pdf) are no two-line title.
    head = read_head(
        ["Booked and | Text | Amount in EUR Booked balance in", "interest | EUR", "date"],
        today=TODAY,
    )
    assert head.title is None or "|" not in head.title
    doc = Document(path="a.pdf", title="Individual Diﬀerential Privacy", paragraphs=("Text.",))
    assert clean_document(doc).title == "Individual Differential Privacy"


def test_a_report_signs_its_authors_with_their_degrees() -> None:
    from briefs.readers.bylines import byline

    # The CDC's reports sign "Nora L. Keenan, PhD" / "Kate M. Shaw, MS": a degree, no outlet.
    assert byline("Nora L. Keenan, PhD") == ("Nora L. Keenan", None, None)
    assert byline("Nora L. Keenan, PhD Kate M. Shaw, MS") == (
        "Nora L. Keenan, Kate M. Shaw",
        None,
        None,
    )
    assert byline("John Smith, MD, MPH") == ("John Smith", None, None)
    # MD alone may be Maryland: a place line is no signature.
    assert byline("Rockville, MD") == (None, None, None)


def test_a_pages_authors_beside_their_outlet_are_the_people() -> None:
    """A syndicated page names the paper the story first ran in among its authors (seen on
    pages of the Philadelphia Inquirer, Wicked Local and the Monroe News); alone, the agency
    or the organisation is the author."""
    from briefs.readers.html import _byline

    head = "<meta name='author' content='…'>"
    assert _byline(
        "Spencer S Hsu; The Washington Post", "", head + "Spencer S Hsu The Washington Post"
    ) == ("Spencer S Hsu")
    assert _byline(
        "Christal Hayes; Michael Collins; Usa Today",
        "",
        head + "Christal Hayes Michael Collins Usa Today",
    ) == ("Christal Hayes; Michael Collins")
    assert _byline("Associated Press", "", head + "Associated Press") == "Associated Press"


@pytest.mark.parametrize(
    "line, title",
    [
        ("HIGHLIGHTS", False),
        ("Contents", False),
        ("Executive Summary", False),
        ("Appendix 1", False),
        ("Key findings:", False),
        ("Highlights of the 2010 Census of Cambodia", True),
        ("Background to the Mekong dispute", True),
    ],
)
def test_the_name_of_a_part_of_a_document_is_no_title(line: str, title: bool) -> None:
    from briefs.readers.head import title_like

    assert title_like(line) is title


def test_a_rule_typed_beside_a_title_is_no_part_of_it() -> None:
    import dataclasses

    from briefs.model import Document
    from briefs.readers.debris import clean_document

    doc = Document(
        path="a.pdf",
        title="Healthy Students Healthy Lives " + "_" * 40,
        paragraphs=("Schools in the region reported more students eating breakfast.",),
    )
    assert clean_document(doc).title == "Healthy Students Healthy Lives"
    kept = dataclasses.replace(doc, title="Warm war es.... schön war es...")
    assert clean_document(kept).title == "Warm war es.... schön war es..."


def test_a_line_cut_off_mid_phrase_is_no_title() -> None:
    # A speech hard-wrapped after "of": the line is the first sentence's start, not its title.
    lines = ["On behalf of", "His Majesty's Government, I should like to express my thanks."]
    assert read_head(lines, today=TODAY).title is None
    assert read_head(["The State of the Region", "It was a year."], today=TODAY).title == (
        "The State of the Region"
    )
    # A marked header line is the headline however it ends (a wire export cuts long ones).
    marked = ["-- Indonesia: the world looks to the UN to provide a", "-- By Somchai Win"]
    assert read_head(marked, today=TODAY).title == (
        "Indonesia: the world looks to the UN to provide a"
    )


@pytest.mark.parametrize(
    ("stem", "coded"),
    [
        ("c093_01", True),
        ("1484494308", True),
        ("BRN_55_2000", True),
        ("000_fdfac7c5ffbee239", True),
        ("us-001", True),
        ("border-report", False),
        ("FancyFoot", False),
        ("issue-848", False),
    ],
)
def test_a_file_name_is_a_code_when_no_part_is_a_word(stem: str, coded: bool) -> None:
    assert coded_name(stem) is coded


def test_a_story_without_a_headline_is_titled_by_its_lead(tmp_path: Path) -> None:
    story = tmp_path / "c093_01.txt"
    story.write_text(
        "WASHINGTON, Dec. 31 (Xinhuanet) -- US President George W. Bush announced on Friday "
        "that the United States is pledging 350 million dollars to help tsunami victims in "
        "Asia. The aid is a tenfold increase.\n",
        "utf-8",
    )
    doc = read_file(story)[0]
    assert doc.title == "US President George W. Bush announced on Friday that the United States…"
    assert doc.source_of("title") == "lead"
    # A sidecar's title, a worded file name or a page with no dateline keep what they give.
    assert read_file(story, {"title": "Bush pledges $350m"})[0].title == "Bush pledges $350m"
    named = tmp_path / "tsunami-aid.txt"
    named.write_text(story.read_text("utf-8"), "utf-8")
    assert read_file(named)[0].title == "tsunami-aid"
    page = tmp_path / "us-027.txt"
    page.write_text("Handguns and other weapons were used in about half of the cases.\n", "utf-8")
    assert read_file(page)[0].title == "us-027"


def test_a_line_naming_two_sites_is_no_title() -> None:
    # The largest type on an ICDAR page of a US government report: its contacts, not a title.
    from briefs.readers.head import title_like

    contacts = "Sara Crane, Director, USA.gov I GobiernoUSA.gov I Kids.gov Russell O'Neill"
    assert not title_like(contacts)
    assert title_like("How USA.gov Answers the Public's Questions")
