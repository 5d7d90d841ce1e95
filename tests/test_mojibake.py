"""Text that reached us decoded in the wrong encoding, and web pages that declare theirs."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from briefs.readers import read_file
from briefs.readers.mojibake import repair
from briefs.readers.text import decode

POLISH = "Sprzeciw wobec ataków na Fundację Lux Veritatis; dziennikarze zabrała głos „Naszym”."
GERMAN = "Der 67-Jährige lebt für die Vögel – „Es ist schön“, sagt er, außergewöhnlich."


def _garbled(text: str, codec: str) -> str:
    """``text`` as a tool that read its UTF-8 bytes in ``codec`` shows it."""
    return text.encode("utf-8").decode(codec)


def test_utf8_read_as_windows_1252_is_mended() -> None:
    assert repair(_garbled(GERMAN, "cp1252")) == GERMAN


def test_utf8_read_as_mac_roman_is_mended() -> None:
    assert repair("Sprzeciw wobec atak√≥w") == "Sprzeciw wobec ataków"


def test_utf8_read_as_mac_central_european_is_mended() -> None:
    # ftfy's codepages lack this one; the round trip through it is valid UTF-8.
    assert repair(_garbled(POLISH, "mac_latin2")) == POLISH


def test_a_stray_c1_control_is_what_windows_1252_meant() -> None:
    assert repair("Atlas 2AS \x95 NRO launch") == "Atlas 2AS • NRO launch"


def test_curly_quotes_ligatures_and_full_width_forms_are_left_as_written() -> None:
    text = "The “first” report’s ﬁgures: ＡＳＥＡＮ."
    assert repair(text) == text


def test_ascii_is_returned_as_is() -> None:
    text = "Plain ASCII news-wire copy, 12 killed."
    assert repair(text) is text


_WORDS = (POLISH + " " + GERMAN + " café déjà señor naïve Œuvre Ærø Łódź Žižek").split()


@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.sampled_from(["“{}”", "„{}“", "{}"]))
def test_text_written_in_latin_alphabets_is_never_changed(words: list[str], quote: str) -> None:
    # Words as written, in any order and quoted: ftfy's test is what a sequence of characters
    # looks like, and real words never look like mojibake.
    text = quote.format(" ".join(words))
    assert repair(text) == text


def test_a_page_declaring_iso_8859_2_is_read_in_it(tmp_path: Path) -> None:
    body = (
        '<html><head><meta charset="ISO-8859-2"><title>Jak pomagać, żeby nie zaszkodzić</title>'
        "</head><body><article><p>Jak pomóc osobie niewidomej, z którą jesteśmy w restauracji? "
        "Co zrobić, jeśli w kontaktach z osobą głuchą towarzyszy nam tłumacz? Z okazji Dnia "
        "Walki z Dyskryminacją Osób Niepełnosprawnych radzimy, jak pomagać mądrze.</p>"
        "</article></body></html>"
    )
    page = tmp_path / "page.html"
    page.write_bytes(body.encode("iso-8859-2"))
    doc = read_file(page)[0]
    assert doc.title == "Jak pomagać, żeby nie zaszkodzić"
    assert "osobą głuchą towarzyszy nam tłumacz" in doc.text


def test_a_declaration_the_bytes_contradict_is_not_believed() -> None:
    # Valid UTF-8 is UTF-8 whatever the page says; bytes the declared codec cannot decode
    # are detected instead.
    assert decode("Fundację".encode(), "p.html", declared="iso-8859-1") == "Fundację"
    assert decode(b"caf\xe9 \x81", "p.html", declared="utf-16-be") is not None


def test_a_page_saved_with_mojibake_reads_mended(tmp_path: Path) -> None:
    text = (
        "Der 67-Jährige betreibt seit über 40 Jahren eine Station für Wildvögel. Allein für "
        "artgerechtes Futter gibt er im Jahr mehrere tausend Euro aus, sagt er."
    )
    body = f"<html><head><title>Die Möwe</title></head><body><article><p>{text}</p></article>"
    page = tmp_path / "page.html"
    page.write_text(_garbled(body, "cp1252"), "utf-8")
    doc = read_file(page)[0]
    assert doc.title == "Die Möwe"
    assert doc.paragraphs == (text,)
