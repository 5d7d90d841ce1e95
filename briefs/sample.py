"""A small, complete sample brief: what `briefs templates check` renders user templates against.

Plain data in the shape of a real brief (every section filled), quoting the shipped seeds, so a
template check needs no corpus and exercises every field a template can reach.
"""

from __future__ import annotations

from briefs.model import (
    Brief,
    Check,
    Cite,
    Figure,
    Keyword,
    Manifest,
    Section,
    Sentence,
    Source,
    TimelineEntry,
)

_Q1 = "The latest round of border clashes between Cambodia and Thailand has lasted 16 days."
_Q2 = (
    "On Monday, the Cambodian Ministry of Interior said the conflict has resulted in 20 "
    "civilian deaths, 79 injuries, and 525,000 people displaced."
)
_Q3 = (
    "As of 2023, the nation has deployed 9,205 personnel, including 726 female peacekeepers, "
    "in various UN missions worldwide."
)
_Q4 = (
    "In his opening speech, Malaysian Foreign Minister Mohamad Hasan said ASEAN should take "
    "all necessary measures to maintain regional peace and stability."
)


def sample_brief() -> Brief:
    sources = [
        Source(
            "S1",
            "[Thailand and Cambodia agree to meet again on a border ceasefire]",
            None,
            None,
            "2025-12-23",
            None,
            "003_14141caa1f55aa04.txt",
            type="news",
        ),
        Source(
            "S2",
            "[Cambodia as a voice in global peace diplomacy]",
            None,
            None,
            None,
            None,
            "001_edf224c737593895.txt",
            type="unknown",
        ),
    ]
    return Brief(
        title="Cambodia: policy brief",
        scope={"country": "Cambodia", "topic": None},
        period={"from": "2023-01-01", "to": "2025-12-31"},
        generated="2026-01-05",
        sources=sources,
        sections=[
            Section("Key points", [Sentence(_Q1, [Cite("S1", _Q1)])], kind="key_points"),
            Section("Peacekeeping", [Sentence(_Q3, [Cite("S2", _Q3)])]),
            Section(
                "Recommendations and outlook",
                [
                    Sentence(
                        _Q4,
                        [Cite("S1", _Q4)],
                        attribution="Malaysian Foreign Minister Mohamad Hasan",
                    )
                ],
                kind="outlook",
            ),
        ],
        figures=[
            Figure(
                "525,000 people displaced",
                525000.0,
                None,
                None,
                None,
                "people displaced",
                "people displaced",
                "2025-12-22",
                "S1",
                _Q2,
            ),
            Figure(
                "9,205 personnel",
                9205.0,
                None,
                None,
                None,
                "personnel",
                "personnel",
                "2023",
                "S2",
                _Q3,
            ),
        ],
        keywords=[Keyword("ceasefire", 0.02), Keyword("peace diplomacy", 0.04)],
        timeline=[TimelineEntry("2025-12-22", _Q2, "S1", _Q2)],
        check=Check(6, 6, []),
        warnings=[],
        gaps=["Only 2 sources found for this scope."],
        manifest=Manifest("sample", {"country": "Cambodia"}, {"briefs": "sample"}),
        tiles=[0, 1],
    )
