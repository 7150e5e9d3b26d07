"""Actor merging on hand-annotated PolNeAR dev articles: pairwise precision/recall, threshold choice.

    .venv/bin/python benchmarks/actor_merge.py [--shared ../shared] [--gold tests/data/actor-merge/gold.json]
                                              [--extracted]

Gold (tests/data/actor-merge/gold.json): per article, clusters of mention spans that denote one
actor. A gold mention is *aligned* to the predicted actor one of whose mentions overlaps it most
(no overlap: unaligned, so it is merged with nothing). Over every pair of gold mentions of one
article: a pair is gold-same when both are in one gold cluster and predicted-same when both are
aligned to one predicted actor. Precision = |gold-same ∧ predicted-same| / |predicted-same|,
recall = |gold-same ∧ predicted-same| / |gold-same|.

The rapidfuzz threshold is chosen on the *tune* half of the articles (even positions in sorted
order) and reported on the *test* half (odd positions). By default the resolver gets PolNeAR's
gold attribution sources (so only actor resolution is measured); ``--extracted`` uses the
attribution extractor instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import combinations
from pathlib import Path

from spacy.tokens import Doc

from saidwhat.analysis.actors import resolve_actors
from saidwhat.analysis.attribution import Attribution, find_attributions
from saidwhat.analysis.nlp import get_nlp

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
from stance import gold_attributions  # noqa: E402 - after the sys.path set-up

THRESHOLDS = [60.0, 70.0, 75.0, 80.0, 85.0, 90.0, 95.0, 100.0]


def counts(doc: Doc, atts: list[Attribution], clusters: list[list[tuple[int, int]]],
           threshold: float) -> tuple[int, int, int]:
    """(both, predicted-same, gold-same) pair counts for one article."""
    res = resolve_actors(doc, atts, threshold=threshold)
    gold = [(s, e, ci) for ci, c in enumerate(clusters) for s, e in c]
    aligned: list[str | None] = []
    for s, e, _ in gold:
        best, best_ov = None, 0
        for a in res.actors:
            for ms, me in a.mentions:
                ov = min(e, me) - max(s, ms)
                if ov > best_ov:
                    best, best_ov = a.id, ov
        aligned.append(best)
    both = pred = gsame = 0
    for i, j in combinations(range(len(gold)), 2):
        g = gold[i][2] == gold[j][2]
        p = aligned[i] is not None and aligned[i] == aligned[j]
        gsame += g
        pred += p
        both += g and p
    return both, pred, gsame


def prf(both: int, pred: int, gsame: int) -> tuple[float, float, float]:
    p = both / pred if pred else 0.0
    r = both / gsame if gsame else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--gold", type=Path, default=REPO / "tests" / "data" / "actor-merge" / "gold.json")
    ap.add_argument("--extracted", action="store_true", help="use find_attributions, not gold sources")
    args = ap.parse_args(argv)
    dev = args.shared / "data" / "polnear" / "dev"
    articles = sorted(json.loads(args.gold.read_text(encoding="utf-8"))["articles"], key=lambda a: a["id"])
    nlp = get_nlp()
    prepared = []
    for art in articles:
        text = (dev / "text" / f"{art['id']}.txt").read_text(encoding="utf-8")
        doc = nlp(text)
        if args.extracted:
            atts = find_attributions(doc)
        else:
            ann = min((dev / "attributions").glob(f"{art['id']}_*.ann"))
            atts = gold_attributions(ann)
        clusters = [[(m[0], m[1]) for m in c["mentions"]] for c in art["clusters"]]
        prepared.append((art["id"], doc, atts, clusters))
    tune = prepared[0::2]
    test = prepared[1::2]
    print(f"{len(prepared)} articles ({len(tune)} tune, {len(test)} test); "
          f"sources: {'extracted' if args.extracted else 'PolNeAR gold'}")
    print("\nthreshold   tune P / R / F1          test P / R / F1          all P / R / F1")
    best_t, best_f = THRESHOLDS[0], -1.0
    rows = {}
    for t in THRESHOLDS:
        sums = {}
        for name, part in (("tune", tune), ("test", test), ("all", prepared)):
            tot = [0, 0, 0]
            for _, doc, atts, clusters in part:
                c = counts(doc, atts, clusters, t)
                tot = [x + y for x, y in zip(tot, c, strict=True)]
            sums[name] = prf(*tot)
        rows[t] = sums
        print(f"{t:>9.0f}   " + "   ".join("{:.3f} / {:.3f} / {:.3f}".format(*sums[n])
                                           for n in ("tune", "test", "all")))
        if sums["tune"][2] >= best_f - 1e-9:  # ties: the strictest threshold
            best_t, best_f = t, sums["tune"][2]
    p, r, f = rows[best_t]["test"]
    print(f"\nchosen on tune: threshold {best_t:.0f} (tune F1 {best_f:.3f}); "
          f"test P {p:.3f} R {r:.3f} F1 {f:.3f}")
    print("\nper article at the chosen threshold (P / R / F1):")
    for aid, doc, atts, clusters in prepared:
        print(f"  {aid[:55]:<55} "
              + "{:.3f} / {:.3f} / {:.3f}".format(*prf(*counts(doc, atts, clusters, best_t))))


if __name__ == "__main__":
    main()
