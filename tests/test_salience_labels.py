"""What an analyst would not sign, checked over the sidecars of briefs on the seeds, the UN
speeches and the real-document fixtures: the kinds of bad tiles, keywords and theme headings
the review listed (labels in BAD_* below, written from that review before these checks)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from briefs import build_brief, load_settings
from briefs.ingest import ingest
from briefs.store import Store

from conftest import FIXTURES

# Tiles that say nothing: a count of countries, members, thresholds or years, people with
# nothing said of them (the review's "20 countries", "3 thresholds", "143 Member States").
BAD_TILE_COUNTS = re.compile(
    r"^(?:countries|member states|members|states|thresholds|years|months|days|people|"
    r"organizations|organisations|times|points)$",
    re.I,
)
# Keywords that are fragments: led by or holding a verb, a preposition or an adverb, or a
# lone common word (the review's "rounds between Bangkok", "Analysts say Malaysia", "formal").
BAD_KEYWORDS = re.compile(
    r"\b(?:say|says|said|supports|views|between|in|to|fully)\b|^(?:formal|groups|policy|state|"
    r"organization|april)$",
    re.I,
)

# What no key point or theme quotes: a question, or a speaker's frame that tells nothing
# ("Let me touch upon an important question…", "I wish to extend … our condolences").
BAD_SENTENCES = re.compile(
    r"\?[\"'”’)]*$|^(?:\w+, )?(?:let|allow|permit) me (?!\w+ (?:\w+ )?that\b)"
    r"|\bI (?:wish|would like) to (?:thank|congratulate|extend|express|apprise)\b"
    r"|\b(?:express|extend) (?:my|our) (?:\w+ )?congratulations\b",
    re.I,
)


def _sidecars(db: Path, out: Path, scopes: list[dict]) -> list[dict]:
    found = []
    for scope in scopes:
        settings = load_settings(db=db, out=out, formats=("json",), today="2026-01-05", **scope)
        found.append(json.loads(build_brief(settings).paths[0].read_text("utf-8")))
    return found


def _check(data: dict) -> list[str]:
    problems = []
    for i in data.get("tiles", []):
        f = data["figures"][i]
        if f["counts"] and BAD_TILE_COUNTS.match(f["counts"]) and not f["event"]:
            problems.append(f"tile {f['text']!r}")
    for k in data["keywords"]:
        if BAD_KEYWORDS.search(k["text"]):
            problems.append(f"keyword {k['text']!r}")
    for sec in data["sections"]:
        if sec["title"] == "Recommendations and outlook":
            continue
        for sentence in sec["sentences"]:
            if BAD_SENTENCES.search(sentence["text"]):
                problems.append(f"sentence {sentence['text'][:60]!r}")
        if sec["title"] == "Key points":
            continue
        words = sec["title"].split()
        if len(words) < 2 or not all(
            w.lower() in " ".join(s["text"] for s in sec["sentences"]).lower() for w in words
        ):
            problems.append(f"theme heading {sec['title']!r}")
    return problems


def test_seed_briefs(seed_db: Path, tmp_path: Path) -> None:
    scopes = [{"country": c} for c in ("Cambodia", "Myanmar", "Thailand", "Vietnam")]
    scopes.append({"topic": "ceasefire"})
    for data in _sidecars(seed_db, tmp_path, scopes):
        assert _check(data) == [], data["title"]


def test_ungd_and_real_document_briefs(ungd_db: Path, tmp_path: Path) -> None:
    scopes = [{"country": c} for c in ("Indonesia", "Philippines", "Singapore")]
    for data in _sidecars(ungd_db, tmp_path, scopes):
        assert _check(data) == [], data["title"]
    db = tmp_path / "real.db"
    with Store(db) as store:
        ingest(store, [FIXTURES / "real"])
    for data in _sidecars(db, tmp_path / "real", [{"country": "United States"}]):
        assert _check(data) == [], data["title"]


def test_the_check_sees_the_reviews_bad_examples() -> None:
    bad = {
        "tiles": [0],
        "figures": [{"text": "20 countries", "counts": "countries", "event": None}],
        "keywords": [{"text": "rounds between Bangkok"}, {"text": "formal"}],
        "sections": [
            {"title": "Junta", "sentences": [{"text": "The junta met."}]},
            {
                "title": "Key points",
                "sentences": [
                    {"text": "Let me touch upon an important question of serious concern."},
                    {"text": "Are ASEAN's partners going to back this junta?"},
                ],
            },
        ],
    }
    assert len(_check(bad)) == 6
