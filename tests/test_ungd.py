"""The real UN General Debate corpus (CC0), read from ../shared at run time."""

from __future__ import annotations

import json
import re
from pathlib import Path

from briefs import build_brief, load_settings
from briefs.store import Store

from conftest import UNGD


def test_every_speech_is_ingested_with_country_and_year(ungd_db: Path) -> None:
    expected = [json.loads(line) for line in (UNGD / "metadata.jsonl").read_text().splitlines()]
    with Store(ungd_db) as store:
        stored = {doc.path: doc for _, doc, _ in store.documents()}
    assert len(stored) == len(expected) == 264
    for row in expected:
        doc = stored[row["file"]]
        assert doc.country == row["country"]
        assert doc.date == str(row["year"])
        assert doc.title == row["title"]
        assert doc.type == "official"


def test_cambodia_brief_cites_un_speeches_readably(ungd_db: Path, tmp_path: Path) -> None:
    built = build_brief(
        load_settings(
            db=ungd_db,
            out=tmp_path,
            country="Cambodia",
            since="2015-01-01",
            until="2024-12-31",
            formats=("md", "json"),
        )
    )
    brief = built.brief
    assert brief.check.failures == []
    speeches = [s for s in brief.sources if s.path.startswith("KHM_")]
    assert len(speeches) >= 3
    assert all(s.date and "2015" <= s.date <= "2024" for s in brief.sources)
    md = built.paths[0].read_text("utf-8")
    refs = re.findall(
        r"\*Cambodia: statement in the General Debate of the \d+(?:st|nd|rd|th) session of the UN "
        r"General Assembly\*\. United Nations General Assembly, (20\d\d)\.",
        md,
    )
    assert len(refs) == len(speeches)
    assert sorted(refs) == sorted(s.date for s in speeches)
