#!/usr/bin/env python
"""Held-out attribution models for the train identity golds: fold k's model never saw fold k's articles.

    .venv/bin/python scripts/train_attribution_folds.py --out FOLDS [--folds 4] [--doc-cache FILE]
    .venv/bin/python benchmarks/actor_identity.py --split train --gold GOLD --gold-articles --models FOLDS

The shipped CRF (``scripts/train_attribution.py``) is trained on all of PolNeAR train, so on the
train articles of the identity golds it finds the sources it was taught: the golds then show fewer
attribution errors than a text the model has not seen (PolNeAR dev, a real page). Here the articles
of the golds (``tests/data/actor-identity-train*``, sorted by id, dealt round-robin) are split into
``--folds`` folds, and for each fold a model is trained as the shipped one is (same features, c1, c2,
iterations and cue lexicon) on the other 840 − n train articles; ``FOLDS/fold{k}/`` gets
``attribution.crfsuite``, ``cue_lexicon.json`` and ``ids.txt`` (the articles it must analyse).
About 8 minutes per fold on one core; ``--jobs 2`` trains two at once.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))

from saidwhat.evaluate.polnear import load_split  # noqa: E402 - after the sys.path set-up
from saidwhat.evaluate.training import build_lexicon, token_roles  # noqa: E402 - after the sys.path set-up


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_attribution", HERE / "train_attribution.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_articles(golds: list[Path]) -> list[str]:
    """The PolNeAR ids the identity golds label, sorted."""
    ids: set[str] = set()
    for gold in golds:
        with (gold / "sources.jsonl").open(encoding="utf-8") as fh:
            ids.update(json.loads(line)["id"] for line in fh if line.strip())
    return sorted(ids)


def train_fold(k: int, args: argparse.Namespace) -> str:
    ta = _trainer()
    data = load_split(Path(args.data))
    docs = ta.parse([d[1] for d in data], args.doc_cache, 1)
    held = {a for i, a in enumerate(gold_articles(args.gold)) if i % args.folds == k}
    fit = [i for i, d in enumerate(data) if d[0] not in held]
    roles = {i: token_roles(docs[i], data[i][2]) for i in fit}
    out = Path(args.out) / f"fold{k}"
    out.mkdir(parents=True, exist_ok=True)
    note = f"fold {k} of {args.folds}: PolNeAR train without the {len(held)} articles of ids.txt"
    counts = build_lexicon([(docs[i], roles[i][0]) for i in fit])
    lex = ta.write_lexicon(counts, str(out / "cue_lexicon.json"), note)
    ta.train([(docs[i], *roles[i]) for i in fit], lex, str(out / "attribution.crfsuite"),
             args.c1, args.c2, args.iterations, args.minfreq)
    (out / "ids.txt").write_text("".join(a + "\n" for a in sorted(held)), encoding="utf-8")
    return f"fold {k}: {len(held)} held out, trained on {len(fit)}"


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "polnear" / "train"))
    ap.add_argument("--gold", type=Path, action="append",
                    help="identity gold folder (repeatable; default: every tests/data/actor-identity-train*)")
    ap.add_argument("--out", required=True, help="folder for fold0 … fold{K-1}")
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--doc-cache", help="DocBin file to reuse the parses between runs (made when missing)")
    ap.add_argument("--c1", type=float, default=0.5)
    ap.add_argument("--c2", type=float, default=2.0)
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--minfreq", type=float, default=2)
    args = ap.parse_args()
    args.gold = args.gold or sorted((REPO / "tests" / "data").glob("actor-identity-train*"))
    if args.doc_cache:  # parse once, before the folds share it
        ta = _trainer()
        ta.parse([d[1] for d in load_split(Path(args.data))], args.doc_cache, 2)
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for line in pool.map(train_fold, range(args.folds), [args] * args.folds):
            print(line)


if __name__ == "__main__":
    main()
