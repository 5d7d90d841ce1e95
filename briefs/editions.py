"""Editions: what each brief or digest run used, and what changed since the previous one.

An edition records, for a scope and window, the sources, figures and keywords a run showed.
The next edition of the same scope compares with the latest one whose window ends earlier:
new sources, new figures, figures whose value moved (old and new, each with its source), and
keywords that rose into or fell out of the list.
"""

from __future__ import annotations

from typing import Any

from briefs.model import Change, Changes, Cite, Figure, Keyword, Source

KEYWORD_CHANGES = 3  # at most this many keyword changes in all, the best-ranked first


def snapshot(sources: list[Source], figures: list[Figure], keywords: list[Keyword]) -> dict:
    """The plain data an edition keeps (source ids are replaced by stable file/title keys)."""
    by_id = {s.id: s for s in sources}
    return {
        "sources": [
            {"key": f"{s.path}#{s.title}", "title": s.title, "path": s.path} for s in sources
        ],
        "figures": [
            {
                "text": f.text,
                "value": f.value,
                "low": f.low,
                "high": f.high,
                "unit": f.unit,
                "measure": f.measure,
                "quote": f.quote,
                "source_title": by_id[f.source].title,
                "source_path": by_id[f.source].path,
            }
            for f in figures
            if f.source in by_id
        ],
        "keywords": [k.text for k in keywords],
    }


def compare(
    previous: dict[str, Any] | None,
    previous_date: str | None,
    sources: list[Source],
    figures: list[Figure],
    keywords: list[Keyword],
) -> Changes:
    """What changed between ``previous`` (an edition snapshot) and the current findings."""
    if previous is None:
        return Changes(previous=None)
    items: list[Change] = []
    known = {s["key"] for s in previous["sources"]}
    for s in sources:
        if f"{s.path}#{s.title}" not in known:
            items.append(Change("new_source", s.title, [Cite(s.id, s.title)]))
    old_by_measure: dict[str, list[dict]] = {}
    for f in previous["figures"]:
        if f.get("measure"):
            old_by_measure.setdefault(f["measure"], []).append(f)
    old_values = {
        (f.get("measure"), f.get("value"), f.get("low"), f.get("high")) for f in previous["figures"]
    }
    for f in figures:
        if (f.measure, f.value, f.low, f.high) in old_values:
            continue
        cite = [Cite(f.source, f.quote)]
        earlier = old_by_measure.get(f.measure or "")
        if earlier:
            old = earlier[0]
            items.append(
                Change(
                    "moved_figure",
                    f.text,
                    cite,
                    before={
                        "text": old["text"],
                        "source_title": old["source_title"],
                        "source_path": old["source_path"],
                        "quote": old["quote"],
                    },
                )
            )
        else:
            items.append(Change("new_figure", f.text, cite))
    # Keywords: the few best-ranked that entered or left the list, not every shuffle of YAKE.
    old_keywords = {k.casefold() for k in previous["keywords"]}
    new_keywords = {k.text.casefold() for k in keywords}
    rose = [Change("keyword_up", k.text) for k in keywords if k.text.casefold() not in old_keywords]
    fell = [
        Change("keyword_down", k) for k in previous["keywords"] if k.casefold() not in new_keywords
    ]

    # A keyword change matters when it names something (a phrase or a name), not a word that
    # shuffles in and out of YAKE's list ("Law", "development").
    def matters(text: str) -> bool:
        return " " in text or text[:1].isupper() and not text.istitle() or text.isupper()

    rose = [c for c in rose if matters(c.text)]
    fell = [c for c in fell if matters(c.text)]
    items += (rose + fell)[:KEYWORD_CHANGES]
    return Changes(previous=previous_date, items=items)
