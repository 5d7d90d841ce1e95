"""Key points against human summaries: ROUGE-2 recall at 100 words, beside LEAD and LexRank
measured in the same run with the same settings.

A benchmark folder holds one folder per cluster, each with ``docs/*.txt`` (the articles, in
the order they were published) and ``summaries/*.txt`` (human-written summaries), and
optionally ``scope.txt`` (``country: Cambodia`` and/or ``topic: ceasefire``; without it the
country the cluster names most is the scope). DUC-style collections can be laid out so.

    python bench/summaries.py CLUSTERS_FOLDER

``tests/test_summaries.py`` runs it on the one cluster with a human summary that ships with the
project: the Mekong Connect issue in ``seeds/``, whose editorial summarises its six articles.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

WORDS = 100
_TOKEN = re.compile(r"\w+")


@dataclass
class Cluster:
    name: str
    docs: list[tuple[str, str]]  # (file name, text), in publication order
    summaries: list[str]
    country: str | None = None
    topic: str | None = None


def cut(sentences: list[str], words: int = WORDS) -> str:
    """The sentences, in order, cut at ``words`` words (as the benchmarks score)."""
    out: list[str] = []
    for s in sentences:
        out += s.split()
        if len(out) >= words:
            break
    return " ".join(out[:words])


def _sentences(text: str) -> list[str]:
    from briefs.extract.sentences import split, stands_alone
    from briefs.readers.clean import paragraphs_from_text

    return [s for p in paragraphs_from_text(text) for s in split(p) if stands_alone(s)]


def lead(cluster: Cluster) -> str:
    """The first sentences of the earliest article."""
    return cut(_sentences(cluster.docs[0][1]))


def lexrank(cluster: Cluster, threshold: float = 0.1) -> str:
    """LexRank (Erkan and Radev 2004): sentences ranked by PageRank over the graph of tf-idf
    cosine similarities above ``threshold``, a near-duplicate of a chosen one skipped."""
    sentences = [s for _, text in cluster.docs for s in _sentences(text)]
    bags = [Counter(w.lower() for w in _TOKEN.findall(s)) for s in sentences]
    df = Counter(w for bag in bags for w in bag)
    n = len(bags)
    vectors = [{w: c * math.log(n / df[w]) for w, c in bag.items()} for bag in bags]
    norms = [math.sqrt(sum(v * v for v in vec.values())) or 1.0 for vec in vectors]

    def cosine(i: int, j: int) -> float:
        a, b = vectors[i], vectors[j]
        return sum(a[w] * b.get(w, 0.0) for w in a) / (norms[i] * norms[j])

    edges: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for i in range(n):
        for j in range(i + 1, n):
            if (sim := cosine(i, j)) > threshold:
                edges[i][j] = edges[j][i] = sim
    rank = _pagerank(edges)
    chosen: list[int] = []
    for i in sorted(range(n), key=lambda i: (-rank.get(i, 0.0), i)):
        if all(cosine(i, j) < 0.5 for j in chosen):
            chosen.append(i)
        if sum(len(sentences[j].split()) for j in chosen) >= WORDS:
            break
    return cut([sentences[i] for i in chosen])


def _pagerank(edges: dict[int, dict[int, float]], d: float = 0.85) -> dict[int, float]:
    """Weighted PageRank by power iteration (50 rounds are plenty for a few hundred nodes)."""
    n = len(edges) or 1
    rank = dict.fromkeys(edges, 1.0 / n)
    out = {i: sum(w.values()) for i, w in edges.items()}
    for _ in range(50):
        rank = {
            i: (1 - d) / n + d * sum(rank[j] * w / out[j] for j, w in edges[i].items() if out[j])
            for i in edges
        }
    return rank


def key_points(cluster: Cluster) -> str:
    """The brief's key points for the cluster's scope, in the order the brief gives them."""
    import json

    from briefs import build_brief, geo, load_settings
    from briefs.errors import BriefsError
    from briefs.ingest import ingest
    from briefs.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for name, text in cluster.docs:
            (folder / name).write_text(text, "utf-8")
        db = Path(tmp) / "c.db"
        with Store(db) as store:
            ingest(store, [folder], workers=1)
        country = cluster.country
        if not country and not cluster.topic:
            named = Counter(iso for _, text in cluster.docs for *_, iso in geo.mentions(text))
            if not named:
                print(f"{cluster.name}: names no country; give it a scope.txt", file=sys.stderr)
                return ""
            country = geo.countries()[named.most_common(1)[0][0]].name
        settings = load_settings(
            db=db,
            out=Path(tmp) / "out",
            country=country,
            topic=cluster.topic,
            formats=("json",),
            today="2026-01-05",
            charts=False,
        )
        try:
            data = json.loads(build_brief(settings).paths[0].read_text("utf-8"))
        except BriefsError as e:
            # Scored as an empty summary, and said: a brief that cannot be made says so.
            print(f"{cluster.name}: no brief ({e})", file=sys.stderr)
            return ""
    points = next((s for s in data["sections"] if s["title"] == "Key points"), {"sentences": []})
    return cut([s["text"] for s in points["sentences"]])


def rouge2(candidate: str, summaries: list[str]) -> float:
    """ROUGE-2 recall (rouge-score, Porter stemming), averaged over the human summaries."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    return sum(scorer.score(ref, candidate)["rouge2"].recall for ref in summaries) / len(summaries)


def score(clusters: list[Cluster]) -> dict[str, float]:
    """Mean ROUGE-2 recall of each system over ``clusters``."""
    systems = {"briefs": key_points, "LEAD": lead, "LexRank": lexrank}
    totals = dict.fromkeys(systems, 0.0)
    for cluster in clusters:
        for name, system in systems.items():
            totals[name] += rouge2(system(cluster), cluster.summaries)
    return {name: round(total / len(clusters), 4) for name, total in totals.items()}


def load(folder: Path) -> list[Cluster]:
    clusters = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        docs = [
            (p.name, p.read_text("utf-8", errors="replace"))
            for p in sorted((sub / "docs").glob("*.txt"))
        ]
        summaries = [
            p.read_text("utf-8", errors="replace")
            for p in sorted((sub / "summaries").glob("*.txt"))
        ]
        scope = {}
        if (sub / "scope.txt").is_file():
            for line in (sub / "scope.txt").read_text("utf-8").splitlines():
                key, _, value = line.partition(":")
                scope[key.strip()] = value.strip() or None
        if docs and summaries:
            clusters.append(
                Cluster(sub.name, docs, summaries, scope.get("country"), scope.get("topic"))
            )
    return clusters


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    args = ap.parse_args()
    clusters = load(args.folder)
    print(f"{len(clusters)} clusters; ROUGE-2 recall at {WORDS} words")
    for name, value in score(clusters).items():
        print(f"  {name:<8} {value:.4f}")


if __name__ == "__main__":
    main()
