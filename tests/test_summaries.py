"""Key points against a human summary, with LEAD and LexRank in the same run (ROUGE-2 recall
at 100 words, rouge-score). The only cluster with a human-written summary the project can ship:
the Mekong Connect issue in seeds/, whose editorial summarises its six articles (the editorial's
paragraphs that speak of the articles are the summary; the six articles are the cluster; the
scope is the issue's theme, topic "peace"). One cluster is a smoke test of the harness and a
floor, not a benchmark: ``bench/summaries.py`` scores any folder of clusters laid out as its
docstring says."""

from __future__ import annotations

import sys

import pytest

from conftest import EVAL_REPORT, ROOT, SEEDS

sys.path.insert(0, str(ROOT / "bench"))


def test_key_points_beat_lead_and_lexrank_on_the_seed_issue() -> None:
    pytest.importorskip("rouge_score", reason="rouge-score is in the test extras")
    from summaries import Cluster, score

    from briefs.readers import read_file

    editorial, *articles = read_file(SEEDS / "000_fdfac7c5ffbee239.txt")
    summary = " ".join(p for p in editorial.paragraphs if "article" in p.lower())
    docs = [
        (f"{i:02d}.txt", d.title + "\n\n" + "\n\n".join(d.paragraphs))
        for i, d in enumerate(articles, 1)
    ]
    scores = score([Cluster("mekong-connect-2022-06", docs, [summary], topic="peace")])
    EVAL_REPORT.append("")
    EVAL_REPORT.append("summaries: ROUGE-2 recall at 100 words, seed issue (1 cluster)")
    EVAL_REPORT.append("  " + "  ".join(f"{k} {v:.4f}" for k, v in scores.items()))
    assert scores["briefs"] >= max(scores["LEAD"], scores["LexRank"]), scores
