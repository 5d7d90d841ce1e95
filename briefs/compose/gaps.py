"""The information gaps: what the brief rests on thinly, said in small print."""

from __future__ import annotations

from collections import Counter

from briefs.model import Figure, Section, Source
from briefs.retrieve import Retrieved


def gaps_of(
    sources: list[Source], sections: list[Section], figures: list[Figure], retrieved: Retrieved
) -> list[str]:
    gaps = []
    kinds = {s.id: s.type for s in sources}
    for sec in sections:
        cited = {c.source for s in sec.sentences for c in s.cites}
        if cited and all(kinds.get(c) == "advocacy" for c in cited):
            gaps.append(
                f"“{sec.title}” rests only on advocacy sources ({', '.join(sorted(cited))})."
            )
    cited_paths = {s.path for s in sources}
    about_paths = {retrieved.documents[d].path for d in retrieved.about}
    if retrieved.about_documents < 3:
        n = retrieved.about_documents
        mentions = len(cited_paths - about_paths)
        gaps.append(
            f"Material is thin: {n or 'no'} document{'' if n == 1 else 's'} in the corpus "
            f"{'is' if n == 1 else 'are'} about this scope"
            + (
                f"; {mentions} cited source{'' if mentions == 1 else 's'} only "
                f"mention{'s' if mentions == 1 else ''} it."
                if mentions
                else "; passing mentions elsewhere were not used."
            )
        )
    silent = sorted(
        retrieved.documents[d].path
        for d in retrieved.about
        if retrieved.documents[d].path not in cited_paths
    )
    if silent:
        gaps.append(
            f"{len(silent)} document{'' if len(silent) == 1 else 's'} about this scope "
            f"gave no sentence a brief can quote (a cover page, a table, a list): "
            f"{', '.join(silent[:3])}{', …' if len(silent) > 3 else ''}."
        )
    by_measure = Counter(f.measure for f in figures if f.measure)
    single = [f.text for f in figures if by_measure[f.measure] == 1 and not f.also]
    if single:
        gaps.append(
            f"{len(single)} of {len(figures)} key figures are not reported by a second source."
        )
    advocacy = [s.id for s in sources if s.type == "advocacy"]
    if advocacy:
        gaps.append(f"Advocacy sources, not reporting: {', '.join(advocacy)}.")
    undated = [s.id for s in sources if not s.date]
    if undated:
        gaps.append(f"Undated sources: {', '.join(undated)}.")
    if retrieved.excluded_undated:
        gaps.append(f"{retrieved.excluded_undated} undated document(s) left out of the period.")
    if retrieved.excluded_coarse:
        gaps.append(
            f"{retrieved.excluded_coarse} document(s) dated only by month or year are too "
            "coarsely dated for this period and were left out."
        )
    if retrieved.excluded_language:
        gaps.append(
            f"{retrieved.excluded_language} document(s) not in English left out "
            "(the extractors read English only)."
        )
    return gaps
