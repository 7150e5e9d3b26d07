"""Targets at query time on PolNeAR dev: per-actor stance toward targets never named at ingest.

    .venv/bin/python benchmarks/targets_query.py --db out/polnear-stance-dev.db \\
        [--gold ../shared/data/polnear-stance/dev.jsonl] [--texts ../shared/data/polnear/dev/text]

When ``--db`` does not exist yet, the gold's articles (the 24 of ``dev.jsonl``) are first ingested
into it from ``--texts`` with ``saidwhat ingest`` and no ``--target`` (with ``--named``, the
control: both targets named at ingest, into another store).

For each target ("Hillary Clinton", "Donald Trump") the store's ``reactions`` rows (one per
canonical actor, aggregated across articles) are compared with the gold stance labels of
``dev.jsonl`` aggregated the same way: per actor, support when more of its attributions support
than oppose, oppose symmetrically, else neutral. Actors are joined by their key: the last
capitalised word of the name ("Pat Caddell", "Caddell" → "caddell"); gold sources with no
capitalised word ("a spokesman") have no key and are left out.

Reported per target: gold actors with a key; how many of them the store lists (coverage); the
accuracy of the aggregated label over those; and, for polar labels, precision (of the store's
support/oppose rows matched to gold, how many have the gold label) and recall (of the gold
support/oppose actors, how many the store gives that label). Dev is for measurement only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

from saidwhat.store import open_store

TARGETS = ("Hillary Clinton", "Donald Trump")
_LOWER_SKIP = {"the", "a", "an"}


def actor_key(name: str) -> str | None:
    """The last capitalised word, lowercased, without a possessive."""
    words = [w.strip(",.'’\"") for w in name.split()]
    caps = [w for w in words if w[:1].isupper() and w.lower() not in _LOWER_SKIP]
    if not caps:
        return None
    return caps[-1].removesuffix("'s").removesuffix("’s").lower()


def aggregate(labels: list[str]) -> str:
    c = Counter(labels)
    return "support" if c["support"] > c["oppose"] else "oppose" if c["oppose"] > c["support"] else "neutral"


def gold_actors(path: Path, target: str) -> tuple[dict[str, str], set[str]]:
    """Per actor key, the aggregated gold label toward ``target``; and the gold's article ids."""
    labels: dict[str, list[str]] = defaultdict(list)
    articles: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        articles.add(rec["id"])
        key = actor_key(rec["source"])
        if key is not None and target in rec["stance"]:
            labels[key].append(rec["stance"][target])
    return {k: aggregate(v) for k, v in labels.items()}, articles


def predicted(db: str, target: str) -> dict[str, str]:
    with open_store(db, create=False) as store:
        rows = store.reactions(target)
    out: dict[str, str] = {}
    for r in rows:
        key = actor_key(r.actor)
        if key is not None and key not in out:
            out[key] = r.stance
    return out


def _ratio(num: int, den: int) -> float:
    return round(num / max(1, den), 3)


def score(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float | int]:
    found = [k for k in gold if k in pred]
    correct = sum(1 for k in found if pred[k] == gold[k])
    pred_polar = [k for k in found if pred[k] != "neutral"]
    gold_polar = [k for k in gold if gold[k] != "neutral"]
    return {
        "gold_actors": len(gold), "listed": len(found), "coverage": round(len(found) / max(1, len(gold)), 3),
        "accuracy": round(correct / max(1, len(found)), 3),
        "gold_polar": len(gold_polar), "pred_polar": len(pred_polar),
        "polar_precision": _ratio(sum(1 for k in pred_polar if gold[k] == pred[k]), len(pred_polar)),
        "polar_recall": _ratio(sum(1 for k in gold_polar if pred.get(k) == gold[k]), len(gold_polar)),
    }


def ingest(db: str, texts: Path, articles: set[str], *, named: bool) -> None:
    files = [str(texts / f"{name}.txt") for name in sorted(articles)]
    saidwhat = Path(sys.executable).with_name("saidwhat")
    targets = [x for target in TARGETS for x in ("--target", target)] if named else []
    subprocess.run([str(saidwhat), "ingest", *files, "--db", db, *targets], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True, help="a store ingested from PolNeAR dev without --target")
    ap.add_argument("--gold", default="../shared/data/polnear-stance/dev.jsonl")
    ap.add_argument("--texts", default="../shared/data/polnear/dev/text")
    ap.add_argument("--named", action="store_true",
                    help="the control: ingest naming both targets (--target), as without query-time targets")
    args = ap.parse_args()
    if not Path(args.db).exists():
        ingest(args.db, Path(args.texts), gold_actors(Path(args.gold), TARGETS[0])[1], named=args.named)
    for target in TARGETS:
        gold, _ = gold_actors(Path(args.gold), target)
        print(json.dumps({"target": target, **score(gold, predicted(args.db, target))}))


if __name__ == "__main__":
    main()
