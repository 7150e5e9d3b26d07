#!/usr/bin/env python
"""End-to-end stance on PolNeAR *train*, the mean of shuffled grouped CVs, for settings and decision rules.

    .venv/bin/python scripts/stance_e2e_cv.py --doc-cache out/train-docs.spacy [--seeds 6] \
        [--set l2=32 --set dense_l2=16 ...] [--margins 0,0.05,0.1] [--oppose-margins ...]

``scripts/stance_e2e_train.py`` runs the command's own path once per fold and seed; this script
gets the same figures for many layers and decision rules from one pass. The stance of a quote
toward a target depends on the layer only through the label the layer gives it (the rules after
the layer — horse-race talk, reported attacks, the target alone — read the label, not its
probability), so each labelled article goes through ``find_attributions`` and
``stances_for_attributions`` three times, with a layer that always says support, oppose or
neutral: that gives every pair's features and its final label for each label of the layer. Then
for each seed of the article folds and each setting, a layer is fitted per fold on the other
folds' rows (as ``train_stance.py``, with the shipped temperature), and each decision rule turns
its probabilities into the layer's label: a polar label only when its probability beats
neutral's by the rule's margin (``--margins`` for both sides, ``--oppose-margins`` /
``--support-margins`` apart; margin 0 is the plain argmax). Pairs are counted as the shared scorer
counts them (an unmatched attribution, or no stance record, is neutral); seed ``none`` (the
sorted folds) reproduces ``stance_e2e_train.py``. PolNeAR-stance dev is not read.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "benchmarks"))

from stance import load_scorer  # noqa: E402
from stance_data import DATA, POLNEAR_FILES, TARGETS, load_jsonl  # noqa: E402
from stance_e2e_train import _events_any_order  # noqa: E402
from train_stance import (  # noqa: E402
    SETTING,
    Row,
    add_data_arguments,
    build_rows,
    fit,
    folds_of,
    macro_f1,
    parse_all,
    without,
)

from saidwhat.analysis.attribution import find_attributions  # noqa: E402
from saidwhat.analysis.stance.assign import stances_for_attributions  # noqa: E402
from saidwhat.analysis.stance.learned import load_layer  # noqa: E402
from saidwhat.analysis.stance.score import LABELS, LayerLike, StanceConfig  # noqa: E402
from saidwhat.schema import StanceLabel  # noqa: E402

Key = tuple[str, int, str]  # (article, extracted attribution index, target)
Contents = dict[str, list[list[tuple[int, int]]]]  # article -> the extracted attributions' contents
Pairs = list[tuple[str, Key | None]]  # gold label, the matched extracted pair


class Constant(LayerLike):
    """A layer that gives every pair the same label (to read what the rules after it make of it)."""

    def __init__(self, label: StanceLabel) -> None:
        self.label = label

    def predict(self, _feats: dict[str, float]) -> tuple[StanceLabel, float]:
        return self.label, 0.9


def one_pass(
    docs: dict[str, Any], ids: list[str]
) -> tuple[dict[Key, dict[str, float]], dict[Key, dict[str, str]], Contents]:
    """Per pair the layer's features and the final label for each label of the layer (pairs the
    layer does not see: the same label three times); per article the extracted contents."""
    feats: dict[Key, dict[str, float]] = {}
    final: dict[Key, dict[str, str]] = defaultdict(dict)
    contents: Contents = {}
    for aid in ids:
        atts = find_attributions(docs[aid], attitudes=True)
        contents[aid] = [list(a.content) for a in atts]
        for lab in LABELS:
            collect: list[tuple[str, str, dict[str, float]]] = []
            art = stances_for_attributions(docs[aid], atts, TARGETS, config=StanceConfig(layer=Constant(lab)),
                                           collect=collect)
            for qid, target, f in collect:
                feats[(aid, int(qid[1:]) - 1, target)] = f
            for i, q in enumerate(art.quotes):
                for t in TARGETS:
                    st = q.stance.get(t)
                    final[(aid, i, t)][lab] = st.label if st is not None else "neutral"
    return feats, final, contents


def gold_pairs(shared: Path, contents: Contents, files: tuple[str, ...] = POLNEAR_FILES) -> Pairs:
    """Every labelled pair of train: its gold label and the extracted pair the scorer matches it
    to (None: the attribution is not matched)."""
    scorer = load_scorer(shared)
    train_dir = shared / "data" / "polnear" / "train"
    out: Pairs = []
    labels = [x for name in files for x in load_jsonl(DATA / name)]
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for lab in labels:
        by_article[lab["id"]].append(lab)
    for aid, labs in sorted(by_article.items()):
        text = (train_dir / "text" / f"{aid}.txt").read_text(encoding="utf-8")
        events = _events_any_order(str(scorer.first_ann(str(train_dir), aid)))
        eids = sorted(events)
        gold = [scorer.sa.char_set(text, events[e]) for e in eids]
        m = scorer.sa.match(gold, [scorer.sa.char_set(text, c) for c in contents.get(aid, [])])
        for lab in labs:
            i = eids.index(lab["attribution"])
            for target, g in lab["stance"].items():
                if g in LABELS:
                    out.append((g, (aid, m[i], target) if i in m else None))
    return out


def decide(probs: list[float], margins: tuple[float, float]) -> str:
    """The polar label of the higher probability if it beats neutral's by its margin
    (``margins``: support, oppose), else neutral. Margins 0: the argmax."""
    s, o, n = (probs[LABELS.index(lab)] for lab in ("support", "oppose", "neutral"))
    if o >= s:
        return "oppose" if o - n > margins[1] else "neutral"
    return "support" if s - n > margins[0] else "neutral"


def held_probs(rows: list[Row], feats: dict[Key, dict[str, float]], fold: dict[str, int],
               setting: dict[str, Any], temperature: float) -> dict[Key, list[float]]:
    out: dict[Key, list[float]] = {}
    by_fold: dict[int, list[Key]] = defaultdict(list)
    for key in feats:
        by_fold[fold[key[0]]].append(key)
    drop = [p for p in str(setting.get("drop", "")).split(",") if p]
    if drop:
        rows = without(rows, drop)
    for k, keys in sorted(by_fold.items()):
        layer = fit([r for r in rows if fold[r.article] != k and r.view in setting["views"]], setting)
        layer = type(layer)({n: w for n, w in layer.weights.items() if not n.startswith(tuple(drop))},
                            temperature)
        for key in keys:
            out[key] = layer.probabilities(feats[key])
    return out


def score(pairs: Pairs, final: dict[Key, dict[str, str]], probs: dict[Key, list[float]],
          margins: tuple[float, float]) -> dict[str, float]:
    gold, pred = [], []
    for g, key in pairs:
        gold.append(g)
        if key is None:
            pred.append("neutral")
            continue
        layer_label = decide(probs[key], margins) if key in probs else "neutral"
        pred.append(final[key][layer_label])
    out = macro_f1(gold, pred)
    out["n_o"] = sum(1 for g, p in zip(gold, pred, strict=True) if g == "neutral" and p == "oppose")
    out["o_o"] = sum(1 for g, p in zip(gold, pred, strict=True) if g == "oppose" and p == "oppose")
    return out


def _floats(text: str) -> list[float]:
    return [float(x) for x in text.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_data_arguments(ap)
    ap.add_argument("--seeds", type=int, default=6, help="shuffled fold seeds 0..N-1 (and the sorted folds)")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE[;KEY=VALUE]",
                    help="a setting to compare (repeatable; overrides of train_stance.SETTING, and "
                    "drop=PREFIX,...: the features whose names start so left out)")
    ap.add_argument("--margins", default="0", help="margins for both polar labels, comma-separated")
    ap.add_argument("--oppose-margins", default="", help="oppose margins (support margin 0 unless --margins)")
    ap.add_argument("--support-margins", default="", help="support margins")
    args = ap.parse_args(argv)
    files = args.label_files
    rows, meta = build_rows(args.shared, args.doc_cache, files)
    train_dir = args.shared / "data" / "polnear" / "train"
    docs = parse_all(meta["ids"], train_dir, args.doc_cache)
    feats, final, contents = one_pass(docs, meta["ids"])
    pairs = gold_pairs(args.shared, contents, files)
    shipped = load_layer()
    temperature = shipped.temperature if shipped else 1.0
    rules: list[tuple[float, float]] = [(m, m) for m in _floats(args.margins)]
    if args.oppose_margins or args.support_margins:
        sm = _floats(args.support_margins) or [0.0]
        om = _floats(args.oppose_margins) or [0.0]
        rules += [(s, o) for s, o in itertools.product(sm, om) if (s, o) not in rules]
    settings = args.set or [""]
    seeds: list[int | None] = [None, *range(args.seeds)]
    for spec in settings:
        setting: dict[str, Any] = dict(SETTING)
        for kv in filter(None, spec.split(";")):
            key, value = kv.split("=", 1)
            setting[key] = value if key == "drop" else int(value) if key in ("min_count", "bags") \
                else float(value)
        results: dict[tuple[float, float], list[dict[str, float]]] = defaultdict(list)
        for seed in seeds:
            probs = held_probs(rows, feats, folds_of(meta["ids"], seed), setting, temperature)
            for rule in rules:
                results[rule].append(score(pairs, final, probs, rule))
        print(f"setting {spec or '(shipped)'}:")
        for rule, runs in results.items():
            mean = {k: sum(r[k] for r in runs[1:]) / max(1, len(runs) - 1) for k in runs[0]}
            print(f"  margins support {rule[0]:+.2f} oppose {rule[1]:+.2f}: "
                  f"sorted folds {runs[0]['macro']:.3f}; "
                  f"mean of {len(runs) - 1} shuffled {mean['macro']:.3f} (support {mean['support']:.3f}, "
                  f"oppose {mean['oppose']:.3f}, neutral {mean['neutral']:.3f}; neutral>oppose "
                  f"{mean['n_o']:.1f}, oppose right {mean['o_o']:.1f})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
