"""DOCX and PDF (and HTML/Markdown) drawn from one document tree."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from briefs import build_brief, load_settings
from briefs.document import parse
from briefs.model import Brief, Check, Manifest
from briefs.writers import pdf as pdf_writer


@pytest.fixture(scope="module")
def written(seed_db: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("written")
    settings = load_settings(
        db=seed_db,
        out=out,
        today="2026-01-05",
        country="Cambodia",
        formats=("docx", "pdf", "html", "md", "json"),
    )
    built = build_brief(settings)
    return built, {p.suffix: p for p in built.paths}


def test_docx_opens_and_links_citations_to_bookmarked_references(written) -> None:
    built, paths = written
    document = docx.Document(str(paths[".docx"]))
    text = "\n".join(p.text for p in document.paragraphs)
    first = built.brief.sections[0].sentences[0].text
    assert first in text
    xml = zipfile.ZipFile(paths[".docx"]).read("word/document.xml").decode()
    for source in built.brief.sources:
        assert f'w:anchor="ref_{source.id}"' in xml
        assert f'w:name="ref_{source.id}"' in xml
    # The table of contents is a TOC field whose entries are already written and linked.
    assert 'TOC \\o "1-3"' in xml and 'w:anchor="sec_key_points"' in xml
    assert 'w:name="sec_key_points"' in xml
    assert document.core_properties.title == built.brief.title
    assert document.tables, "the key-figures table"
    footer = (
        zipfile.ZipFile(paths[".docx"]).read("word/footer1.xml").decode()
        if "word/footer1.xml" in zipfile.ZipFile(paths[".docx"]).namelist()
        else xml
    )
    assert "PAGE" in footer


def test_pdf_text_outline_links_and_metadata(written) -> None:
    built, paths = written
    reader = PdfReader(str(paths[".pdf"]))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for section in built.brief.sections:
        assert section.title in text
        assert " ".join(section.sentences[0].text.split()[:6]) in text
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Key points" in outline and "Sources" in outline
    names = set(reader.named_destinations)
    pages = [page.get_object() for page in reader.pages]
    links = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            dest = a.get("/Dest") or (a.get("/A") or {}).get("/D")
            if dest is not None:
                links += 1
                if isinstance(dest, str):
                    assert dest in names, dest
                else:  # an explicit destination: [page, /XYZ, left, top, zoom]
                    assert dest[0].get_object() in pages, dest
    assert links >= len(built.brief.sources)
    # Outline entries and links land on the page that holds their target (a two-pass "Page X
    # of Y" canvas once sent them all to page 1).
    page_text = [" ".join(page.extract_text().split()) for page in reader.pages]
    for item in reader.outline:
        if not isinstance(item, list):
            assert item.title in page_text[reader.get_destination_page_number(item)]
    number = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    reference_pages = {
        i for i, t in enumerate(page_text) for src in built.brief.sources if src.title in t
    } - {0}  # the reference list, not the first page's contents
    to_sources = [
        number[a.get_object()["/Dest"][0].idnum] in reference_pages
        for page in reader.pages
        for a in page.get("/Annots") or []
        if "/Dest" in a.get_object()
    ].count(True)
    assert to_sources >= len(built.brief.sources)
    assert reader.metadata.title == built.brief.title
    assert f"of {len(reader.pages)}" in text  # "Page X of Y"


def test_html_and_markdown_carry_the_same_sentences(written) -> None:
    built, paths = written
    html = paths[".html"].read_text("utf-8")
    md = paths[".md"].read_text("utf-8")
    first = built.brief.sections[0].sentences[0].text
    assert first.split("’")[0] in html
    assert first.split("’")[0] in md
    assert 'href="#ref-S1"' in html and "(#ref-S1)" in md


def test_glyph_check_covers_vietnamese_khmer_burmese_and_warns_on_missing(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    fonts = pdf_writer.Fonts(pdf_writer.load_style(None))
    assert fonts.missing("Đặng Hoàng Giang, Nguyễn Phương Nga: ơ ư ằ ặ ễ ị") == set()
    assert fonts.missing("ភ្នំពេញ (Phnom Penh) and နေပြည်တော် and กรุงเทพ") == set()
    assert fonts.missing("\u2d30\u2d31") == {"\u2d30", "\u2d31"}  # Tifinagh: not covered
    blocks = parse("# Title\n\nA word in Tifinagh: \u2d30\u2d31 and Khmer ភ្នំពេញ.\n")
    brief = Brief(
        "T",
        {"country": None, "topic": "t"},
        {"from": None, "to": None},
        "2026-01-05",
        [],
        [],
        [],
        [],
        [],
        Check(0, 0, []),
        [],
        [],
        Manifest("x", {}, {}),
    )
    with caplog.at_level(logging.WARNING, logger="briefs"):
        pdf_writer.write(blocks, brief, tmp_path / "glyphs.pdf")
    assert "U+2D30" in caplog.text and "U+1797" not in caplog.text


@pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="LibreOffice is not installed (Debian: libreoffice-writer-nogui)",
)
def test_libreoffice_opens_the_docx(written, tmp_path: Path) -> None:
    _, paths = written
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    result = subprocess.run(
        [exe, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(paths[".docx"])],
        capture_output=True,
        text=True,
        timeout=240,
    )
    converted = tmp_path / paths[".docx"].with_suffix(".pdf").name
    assert result.returncode == 0, result.stderr
    assert converted.is_file()
    text = " ".join(p.extract_text() for p in PdfReader(str(converted)).pages)
    assert "Key points" in text


def test_a_reference_entry_and_its_link_target_move_to_the_next_page_together(tmp_path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

    from briefs.writers.pdf import _AnchoredParagraph

    body = getSampleStyleSheet()["BodyText"]
    path = tmp_path / "refs.pdf"
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    entry = "An entry long enough to need three lines at the foot of the page. " * 4
    story = [
        Paragraph('See <a href="#ref-S1">[1]</a>.', body),
        Spacer(1, doc.height - 30),  # room for the number, not for two lines of the entry
        ListFlowable([ListItem([_AnchoredParagraph.of(entry, body, ("ref-S1",))])], bulletType="1"),
    ]
    doc.build(story)
    reader = PdfReader(str(path))
    (link,) = [a.get_object() for a in reader.pages[0].get("/Annots")]
    target = link["/Dest"][0].idnum
    assert target == reader.pages[1].indirect_reference.idnum
    assert "An entry long enough" in reader.pages[1].extract_text()
    assert "1" not in reader.pages[0].extract_text().replace("[1]", "")  # no orphaned number


def test_the_shipped_templates_use_only_glyphs_the_shipped_fonts_have() -> None:
    """A template's own words ("Figure moved: …, now …", the digest's trend line) must not
    print as boxes in the PDF: every character of every shipped template, string literals in
    its expressions included, is in the shipped fonts."""
    from briefs.looks import fonts, load_style
    from briefs.resources import templates_dir

    shipped = fonts(load_style(None))
    text = "".join(p.read_text("utf-8") for p in sorted(templates_dir().rglob("*.j2")))
    assert len(text) > 1000
    assert shipped.missing(text) == set()


def test_pdf_shapes_the_text_that_needs_it_and_draws_latin_as_it_is() -> None:
    """HarfBuzz shaping is what draws Khmer, Burmese and Thai right; Latin text needs none,
    and shaping it cost a third of the PDF writer's time on a brief."""
    fonts = pdf_writer.Fonts(pdf_writer.load_style(None))
    st = pdf_writer._Styles(pdf_writer._styles(pdf_writer.load_style(None), fonts))
    for text in ("Khmer ភ្នំពេញ", "Burmese နေပြည်တော်", "Thai กรุงเทพ", "e\u0301 combining"):
        assert st.of("body", text).shaping == 1, text
    for text in ("The office filed its fifteenth affidavit.", "Nguyễn Phương Nga, Đặng Thị"):
        assert st.of("body", text).shaping == 0, text
    assert st.of("h2", "Key points").fontName == st["h2"].fontName


def _exits(*args: object) -> Path:
    os._exit(3)


def test_a_writer_set_aside_writes_fails_or_dies_and_says_which(tmp_path: Path) -> None:
    from briefs.errors import RenderError
    from briefs.writers.aside import Aside, writers_aside

    def write(fmt: str, path: Path) -> Path:
        if fmt == "docx":
            raise ValueError(f"{path.name}: no such style")
        path.write_text(fmt)
        return path

    with writers_aside(("json", "pdf", "docx"), write) as aside:
        assert sorted(aside) == ["docx", "pdf"]
        aside["pdf"].send("pdf", tmp_path / "a.pdf")
        aside["docx"].send("docx", tmp_path / "a.docx")
        assert aside["pdf"].result() == tmp_path / "a.pdf"
        with pytest.raises(ValueError, match="a.docx: no such style"):
            aside["docx"].result()
    assert (tmp_path / "a.pdf").read_text() == "pdf"
    dying = Aside("pdf", _exits)
    dying.send()
    with pytest.raises(RenderError, match="pdf writer's process ended"):
        dying.result()
    dying.close()
    # Never asked to write (the brief failed first): the processes end with the block.
    with writers_aside(("pdf",), write) as aside:
        process = aside["pdf"]._process
    assert not process.is_alive()
