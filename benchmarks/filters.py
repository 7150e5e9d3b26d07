"""What each precision filter of the user profile removes, and how much of it was a real attribution.

    .venv/bin/python benchmarks/filters.py --wild ../shared/data/wild/dev \
        --polnear ../shared/data/polnear/train --every 20

For every attribution the extractor finds (plus layout quotes), ``profile.judge`` gives a drop
reason or none. Per reason this prints how many attributions it drops and how many of those
match a gold attribution: on wild pages a gold *speech* attribution (word Jaccard >= 0.5, as
score_wild.py matches), on PolNeAR any gold attribution (character Jaccard >= 0.5; PolNeAR also
marks beliefs, so a match there is not necessarily a loss for a reader).
"""

from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path

from saidwhat.analysis.attribution import find_attributions
from saidwhat.analysis.attribution.layout import layout_quotes
from saidwhat.analysis.attribution.profile import judge
from saidwhat.analysis.nlp import get_nlp
from saidwhat.evaluate.polnear import load_split

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
Counts = dict[str, list[int]]


def _words(s: str) -> set[str]:
    return {w.lower() for w in WORD.findall(s)}


def _jaccard(a: set[int] | set[str], b: set[int] | set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def wild_counts(gold_dir: Path) -> Counts:
    pages = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    counts: Counts = collections.defaultdict(lambda: [0, 0])
    texts = [g["text"] for g in pages]
    for g, doc in zip(pages, get_nlp().pipe(texts, batch_size=8), strict=True):
        gold = [_words(" ".join(a["content"])) for a in g["attributions"] if a["type"] == "speech"]
        for att in layout_quotes(doc, find_attributions(doc)):
            reason = judge(doc, att).drop or "kept"
            words = _words(" ".join(doc.text[s:e] for s, e in att.content))
            counts[reason][0] += 1
            counts[reason][1] += any(_jaccard(words, gw) >= 0.5 for gw in gold)
    return counts


def polnear_counts(split: Path, every: int) -> Counts:
    data = load_split(split)[::every]
    counts: Counts = collections.defaultdict(lambda: [0, 0])
    for (_, _, gold), doc in zip(data, get_nlp().pipe([t for _, t, _ in data], batch_size=8), strict=True):
        gsets = [{i for s, e in g.content for i in range(s, e)} for g in gold]
        for att in layout_quotes(doc, find_attributions(doc)):
            reason = judge(doc, att).drop or "kept"
            chars = {i for s, e in att.content for i in range(s, e)}
            counts[reason][0] += 1
            counts[reason][1] += any(_jaccard(chars, g) >= 0.5 for g in gsets)
    return counts


def _table(title: str, counts: Counts) -> None:
    print(f"\n{title}\n\n| filter | dropped | of which gold |\n|---|---|---|")
    for reason, (n, hit) in sorted(counts.items(), key=lambda kv: (kv[0] == "kept", -kv[1][0])):
        print(f"| {reason} | {n} | {hit} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wild", type=Path, action="append", default=[], help="wild-format gold directory")
    ap.add_argument("--polnear", type=Path, help="a PolNeAR split directory")
    ap.add_argument("--every", type=int, default=10, help="every k-th PolNeAR article")
    a = ap.parse_args()
    for d in a.wild:
        _table(f"wild pages: {d}", wild_counts(d))
    if a.polnear:
        _table(f"PolNeAR: {a.polnear} (every {a.every}th article)", polnear_counts(a.polnear, a.every))


if __name__ == "__main__":
    main()
