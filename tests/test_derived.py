"""Derived tables (gazetteer, lexicon, word list) kept between runs, and the faster paths that
must give exactly what the libraries they replace give."""

from __future__ import annotations

import datetime as dt
import marshal
import os

import dateparser
import yake
from hypothesis import given, settings
from hypothesis import strategies as st

from briefs import derived as derived_mod
from briefs.derived import derived, derived_lookup
from briefs.extract import dates as dates_mod
from briefs.extract.dates import MONTH_NAMES
from briefs.extract.keywords import _Extractor


def test_a_table_is_built_once_then_read(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFS_CACHE", str(tmp_path))
    source = tmp_path / "aliases.json"
    source.write_text("[1]")
    builds = []

    def build():
        builds.append(1)
        return {"KHM": ("Cambodia", ("Cambodia", "Khmer"))}

    first = derived("t", build, packages=("pycountry",), files=(source,))
    again = derived("t", build, packages=("pycountry",), files=(source,))
    assert first == again == {"KHM": ("Cambodia", ("Cambodia", "Khmer"))}
    assert len(builds) == 1
    # An edited source file is another key: built afresh, never served stale.
    source.write_text("[2]")
    derived("t", build, packages=("pycountry",), files=(source,))
    assert len(builds) == 2
    assert len(list(tmp_path.glob("t-*.marshal"))) == 2


def test_an_unusable_cache_costs_the_build_only(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BRIEFS_CACHE", str(blocker / "cache"))
    assert derived("t", lambda: [1, 2], packages=(), files=()) == [1, 2]
    # A damaged table is rebuilt and replaced.
    monkeypatch.setenv("BRIEFS_CACHE", str(tmp_path / "c"))
    derived("t", lambda: [1, 2], packages=(), files=())
    (table,) = (tmp_path / "c").glob("t-*.marshal")
    table.write_bytes(b"\x00garbage")
    assert derived("t", lambda: [3], packages=(), files=()) == [3]
    assert marshal.loads(table.read_bytes()) == [3]


def test_cache_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("BRIEFS_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert derived_mod.cache_dir() == tmp_path / "briefs"


def test_gazetteer_read_back_equals_gazetteer_built(tmp_path, monkeypatch):
    from briefs import geo

    built = geo._build()
    monkeypatch.setenv("BRIEFS_CACHE", str(tmp_path))
    geo.countries.cache_clear()
    try:
        derived("gazetteer", geo._build, packages=geo._SOURCES, files=geo._files())
        read = geo.countries()
    finally:
        geo.countries.cache_clear()
    assert list(read) == list(built)
    assert all(
        read[iso].name == name and read[iso].names == names for iso, (name, names) in built.items()
    )
    assert os.listdir(tmp_path)


_days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))


@settings(max_examples=300, deadline=None)
@given(_days, st.sampled_from(["dmy", "mdy", "my"]), st.booleans(), st.booleans())
def test_shaped_dates_read_as_dateparser_reads_them(day, shape, short, suffix):
    month = MONTH_NAMES[day.month - 1]
    month = month[:3] if short and month != "May" else month
    d = f"{day.day}{'th' if suffix else ''}"
    text = {
        "dmy": f"{d} {month} {day.year}",
        "mdy": f"{month} {d}, {day.year}",
        "my": f"{month} {day.year}",
    }[shape]
    cleaned = text.replace(",", " ").replace(f"{day.day}th", str(day.day))
    expected = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month", "year"]},
    )
    assert dates_mod._parse(text) == expected


def test_impossible_day_is_no_date():
    assert dates_mod._parse("31 February 2024") is None
    assert dates_mod._parse("29 February 2024") == dt.datetime(2024, 2, 29)


def test_keyword_dedup_in_compiled_code_keeps_yakes_choices():
    from briefs.resources import seeds_dir

    texts = [p.read_text("utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    assert len(texts) == 5
    args = dict(lan="en", n=3, dedup_lim=0.5, dedup_func="levs", window_size=1, top=45)
    for text in texts:
        ours = _Extractor(**args).extract_keywords(text)
        assert ours == yake.KeywordExtractor(**args).extract_keywords(text)
        assert len(ours) == 45


def test_a_lookup_table_answers_as_the_dict_it_was_built_from(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFS_CACHE", str(tmp_path))
    built = {"met": {"VERB": ("meet",)}, "people": {"NOUN": ("people",)}}
    builds = []

    def build():
        builds.append(1)
        return built

    table = derived_lookup("lex", build, packages=(), files=())
    again = derived_lookup("lex", build, packages=(), files=())
    assert len(builds) == 1 and isinstance(again, derived_mod.Lookup)
    for t in (table, again):
        assert t.get("met") == {"VERB": ("meet",)} and t["people"] == {"NOUN": ("people",)}
        assert t.get("nowhere", {}) == {} and "nowhere" not in t and "met" in t
        assert dict(t) == built and len(t) == 2
    # Another thread reads it too (the review desk serves briefs from its threads).
    import threading

    (file,) = tmp_path.glob("lex-*.sqlite")
    fresh = derived_mod.Lookup(file)
    assert fresh.get("met") == {"VERB": ("meet",)}  # its connection opened in this thread
    seen = []
    reader = threading.Thread(target=lambda: seen.append(fresh.get("people")))
    reader.start()
    reader.join()
    assert seen == [{"NOUN": ("people",)}]
    # A forked process opens its own connection (SQLite's must not cross a fork).
    pid = os.fork()
    if pid == 0:
        os._exit(0 if again.get("met") == {"VERB": ("meet",)} and "people" in again else 1)
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
    # A damaged table is built again; an unwritable cache folder serves the built dict.
    file.write_bytes(b"\x00garbage" * 100)
    assert dict(derived_lookup("lex", build, packages=(), files=())) == built
    assert len(builds) == 2
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BRIEFS_CACHE", str(blocker / "cache"))
    assert derived_lookup("lex", build, packages=(), files=()) == built
