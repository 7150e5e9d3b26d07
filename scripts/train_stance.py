#!/usr/bin/env python
"""Train the learned stance layer on the project's own labels, report held-back-by-article scores.

    .venv/bin/python scripts/train_stance.py                 # grouped CV, then write the shipped layer
    .venv/bin/python scripts/train_stance.py --cv-only       # scores only, nothing written
    .venv/bin/python scripts/train_stance.py --grid          # also compare the grid of settings
    .venv/bin/python scripts/train_stance.py --cv-only --repeats 6 --by-level --drop 'p:,src_'
        # error analysis: mean of 6 grouped CVs over shuffled article folds, the held-back
        # confusion by involvement level, and the same without some feature groups
    .venv/bin/python scripts/train_stance.py --cv-only --dump out/held.jsonl
        # every row's held-back prediction (sorted folds), text and features, to read the errors

Data: ``tests/data/stance/polnear-train-s{1,2}.jsonl`` (hand labels over PolNeAR *train*
attributions; see the README there). PolNeAR-stance dev is never read here: it only measures the
result (``benchmarks/stance.py``, ``saidwhat attributions`` + ``../shared/eval/score_stance.py``).

Rows are (attribution, target) pairs that are not ``self`` and where the target takes part in
the attribution (``score.involvement``); pairs without any involvement are predicted "no stance",
which the scorer counts as neutral. Two views of every article give rows:

- ``gold``: PolNeAR's gold content, cue and source spans;
- ``extracted``: the project's attribution extractor, each extracted attribution labelled with the
  label of the gold one it matches (content characters, Jaccard >= 0.5, one to one, as the
  shared scorer matches), so that the layer also sees the spans it will get at run time.

Held-back scores: 10 folds by article (every attribution of an article in the same fold).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

from stance_data import DATA, POLNEAR_FILES, TARGETS, Event, load_jsonl, read_text, sourced_events  # noqa: E402

from saidwhat.analysis.actors import resolve_actors  # noqa: E402
from saidwhat.analysis.attribution import Attribution, find_attributions  # noqa: E402
from saidwhat.analysis.nlp import get_nlp  # noqa: E402
from saidwhat.analysis.stance.assign import assign_stances  # noqa: E402
from saidwhat.analysis.stance.learned import WEIGHTS_PATH, Layer, fit_temperature, save_layer, train  # noqa: E402
from saidwhat.analysis.stance.score import LABELS, LayerLike, StanceConfig  # noqa: E402
from saidwhat.schema import AnalyzedArticle, Quote, Speaker, StanceLabel  # noqa: E402

FOLDS = 10
# The setting shipped, chosen by this script's grouped CV on the training data alone (l2 tried from
# 0.5 to 128, class power 0 to 1, min count 2 to 5, with and without the extracted view:
# extracted-view macro-F1 0.55-0.62, best here; docs/stance.md).
SETTING: dict[str, Any] = {"l2": 16.0, "class_power": 0.75, "min_count": 2, "views": ("gold", "extracted")}


class FeatureTap(LayerLike):
    """A stand-in layer: every pair gets its features computed and is labelled neutral."""

    def predict(self, _feats: dict[str, float]) -> tuple[StanceLabel, float]:
        return "neutral", 1.0


@dataclass
class Row:
    article: str
    eid: str
    target: str
    view: str
    label: str
    features: dict[str, float]
    text: str = ""  # "source | cue | content", for reading the held-back errors (``--dump``)


def add_data_arguments(ap: argparse.ArgumentParser) -> None:
    """The arguments every stance training script shares: where the data is, and which labels."""
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--doc-cache", type=Path,
                    help="the parsed train articles (a DocBin file, written if absent)")
    ap.add_argument("--label-files", type=label_files, default=POLNEAR_FILES,
                    help="comma-separated label files (default: all; the figures made before session 9's "
                         "refit: polnear-train-s1.jsonl,polnear-train-s2.jsonl)")


def label_files(text: str) -> tuple[str, ...]:
    return tuple(name for name in text.split(",") if name)


def articles_of(files: tuple[str, ...]) -> set[str]:
    """The articles the label files label."""
    return {r["id"] for name in files for r in load_jsonl(DATA / name)}


def parse_all(ids: list[str], train_dir: Path, cache: Path | None) -> dict[str, Doc]:
    nlp = get_nlp()
    if cache is not None and cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.user_data.get("id") for d in docs] == ids:
            return dict(zip(ids, docs, strict=True))
    texts = [read_text(train_dir / "text" / f"{aid}.txt") for aid in ids]
    out = dict(zip(ids, nlp.pipe(texts, batch_size=16), strict=True))
    if cache is not None:
        db = DocBin(store_user_data=True)
        for aid, d in out.items():
            d.user_data["id"] = aid
            db.add(d)
        db.to_disk(cache)
    return out


def _chars(spans: list[tuple[int, int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def match(gold: list[set[int]], pred: list[set[int]]) -> dict[int, int]:
    """Gold index -> predicted index, best Jaccard first, >= 0.5, one to one."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            inter = len(g & p)
            if inter:
                jac = inter / len(g | p)
                if jac >= 0.5:
                    pairs.append((jac, i, j))
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def _text(doc: Doc, a: Attribution) -> str:
    """ "source | cue | content" of an attribution, for reading errors."""
    def part(spans: list[tuple[int, int]]) -> str:
        return " … ".join(doc.text[s:e] for s, e in sorted(spans)).replace("\n", " ")
    return f"{part(list(a.source))} | {part(list(a.cue))} | {part(list(a.content))}"


def _features(doc: Doc, atts: list[Attribution]) -> dict[tuple[int, str], dict[str, float]]:
    res = resolve_actors(doc, atts)
    quotes = [
        Quote(
            id=f"q{i + 1}",
            kind=a.kind,
            content=list(a.content),
            cue=list(a.cue),
            speaker=Speaker(
                mention=list(res.mentions[i] if i < len(res.mentions) else a.source), actor=res.speakers[i]
            ),
        )
        for i, a in enumerate(atts)
    ]
    analyzed = AnalyzedArticle(text=doc.text, actors=res.actors, quotes=quotes)
    collect: list[tuple[str, str, dict[str, float]]] = []
    assign_stances(doc, analyzed, list(TARGETS), config=StanceConfig(layer=FeatureTap()), collect=collect)
    return {(int(qid[1:]) - 1, target): feats for qid, target, feats in collect}


def gold_attributions(events: dict[str, Event], eids: list[str]) -> list[Attribution]:
    """PolNeAR's gold spans of ``eids`` as attributions (the ``gold`` view)."""
    return [
        Attribution(
            content=sorted(events[e].content),
            cue=sorted(events[e].cue),
            source=sorted(events[e].source),
            kind="indirect",
        )
        for e in eids
    ]


def article_rows(
    aid: str, doc: Doc, events: dict[str, Event], labels: dict[str, dict[str, str]]
) -> tuple[list[Row], int]:
    """Rows of both views; also the number of labelled pairs whose attribution was extracted."""
    eids = sorted(events, key=lambda e: int(e[1:]))
    gold_atts = gold_attributions(events, eids)
    rows: list[Row] = []
    for (i, target), feats in _features(doc, gold_atts).items():
        lab = labels.get(eids[i], {}).get(target)
        if lab in LABELS:
            rows.append(Row(aid, eids[i], target, "gold", lab, feats, _text(doc, gold_atts[i])))
    extracted = find_attributions(doc)
    m = match([_chars(events[e].content) for e in eids], [_chars(list(a.content)) for a in extracted])
    back = {j: i for i, j in m.items()}
    matched_pairs = sum(1 for i in m if eids[i] in labels for t in TARGETS if labels[eids[i]][t] in LABELS)
    for (j, target), feats in _features(doc, extracted).items():
        if j in back:
            lab = labels.get(eids[back[j]], {}).get(target)
            if lab in LABELS:
                text = _text(doc, extracted[j])
                rows.append(Row(aid, eids[back[j]], target, "extracted", lab, feats, text))
    return rows, matched_pairs


def build_rows(shared: Path, cache: Path | None, files: tuple[str, ...] = POLNEAR_FILES,
               ) -> tuple[list[Row], dict[str, Any]]:
    labels: dict[str, dict[str, dict[str, str]]] = defaultdict(dict)
    for name in files:
        for item in load_jsonl(DATA / name):
            labels[item["id"]][item["attribution"]] = item["stance"]
    ids = sorted(labels)
    train_dir = shared / "data" / "polnear" / "train"
    t0 = time.time()
    docs = parse_all(ids, train_dir, cache)
    print(f"parsed {len(ids)} articles in {time.time() - t0:.0f}s", file=sys.stderr)
    rows: list[Row] = []
    pairs = {aid: sum(1 for st in labels[aid].values() for t in TARGETS if st[t] in LABELS) for aid in ids}
    matched: dict[str, int] = {}
    for aid in ids:
        r, matched[aid] = article_rows(aid, docs[aid], sourced_events(train_dir, aid), labels[aid])
        rows += r
    gold_pairs = {
        (aid, e, t): st[t] for aid in ids for e, st in labels[aid].items() for t in TARGETS if st[t] in LABELS
    }
    return rows, {"ids": ids, "pairs": pairs, "matched": matched, "gold": gold_pairs}


def macro_f1(gold: list[str], pred: list[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for c in LABELS:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        pp = sum(1 for p in pred if p == c)
        gp = sum(1 for g in gold if g == c)
        prec, rec = (tp / pp if pp else 0.0), (tp / gp if gp else 0.0)
        out[c] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    out["macro"] = sum(out[c] for c in LABELS) / len(LABELS)
    return out


def folds_of(ids: list[str], seed: int | None = None) -> dict[str, int]:
    """Article -> fold; ``seed`` None: the articles in sorted order, else shuffled by that seed."""
    order = list(ids)
    if seed is not None:
        random.Random(seed).shuffle(order)
    return {aid: k % FOLDS for k, aid in enumerate(order)}


def fit(rows: list[Row], setting: dict[str, Any]) -> Layer:
    """One layer on ``rows``; with ``bags`` > 0 the mean weights of that many layers, each fitted on
    a bootstrap sample of the articles (bagging; the mean of linear layers is one linear layer)."""
    bags = int(setting.get("bags", 0))
    if bags <= 0:
        return _fit_one(rows, setting)
    by_article: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_article[r.article].append(r)
    ids = sorted(by_article)
    rng = random.Random(len(rows))
    total: dict[str, list[float]] = defaultdict(lambda: [0.0] * len(LABELS))
    for _ in range(bags):
        sample = [r for aid in rng.choices(ids, k=len(ids)) for r in by_article[aid]]
        for k, ws in _fit_one(sample, setting).weights.items():
            for c, w in enumerate(ws):
                total[k][c] += w / bags
    return Layer({k: tuple(round(w, 5) for w in ws) for k, ws in total.items()})


def fit_two_stage(rows: list[Row], setting: dict[str, Any]) -> tuple[Layer, Layer]:
    """Two layers instead of one softmax: polar (labelled "oppose") against neutral on all rows,
    then support against oppose on the polar rows only (an experiment: ``--set two_stage=1``)."""
    polar_rows = [Row(r.article, r.eid, r.target, r.view, "neutral" if r.label == "neutral" else "oppose",
                      r.features) for r in rows]
    side_rows = [r for r in rows if r.label != "neutral"]
    return _fit_one(polar_rows, setting), _fit_one(side_rows, setting)


def two_stage_probabilities(polar: Layer, side: Layer, feats: dict[str, float]) -> list[float]:
    pp = polar.probabilities(feats)
    p_polar = pp[LABELS.index("oppose")] + pp[LABELS.index("support")]
    ps = side.probabilities(feats)
    s, o = ps[LABELS.index("support")], ps[LABELS.index("oppose")]
    out = [0.0] * len(LABELS)
    out[LABELS.index("neutral")] = 1.0 - p_polar
    out[LABELS.index("support")] = p_polar * s / (s + o)
    out[LABELS.index("oppose")] = p_polar * o / (s + o)
    return out


def _fit_one(rows: list[Row], setting: dict[str, Any]) -> Layer:
    return train(
        [r.features for r in rows],
        [r.label for r in rows],
        l2=setting["l2"],
        class_power=setting["class_power"],
        min_count=setting["min_count"],
        dense_l2=setting.get("dense_l2"),
    )


Held = dict[tuple[str, str, str, str], list[float]]  # (view, article, attribution, target) -> probs


def held_back(rows: list[Row], fold: dict[str, int], setting: dict[str, Any],
              train_ids: set[str] | None = None) -> Held:
    """Held-back label probabilities of every row, by article folds; ``train_ids``: fit each
    fold's layer on these articles only (``--train-on``)."""
    out: Held = {}
    for k in range(FOLDS):
        train_rows = [r for r in rows if fold[r.article] != k and r.view in setting["views"]
                      and (train_ids is None or r.article in train_ids)]
        if setting.get("two_stage"):
            polar, side = fit_two_stage(train_rows, setting)
            for r in rows:
                if fold[r.article] == k:
                    key = (r.view, r.article, r.eid, r.target)
                    out[key] = two_stage_probabilities(polar, side, r.features)
            continue
        layer = fit(train_rows, setting)
        for r in rows:
            if fold[r.article] == k:
                out[(r.view, r.article, r.eid, r.target)] = layer.probabilities(r.features)
    return out


def _top(probs: list[float]) -> str:
    return LABELS[max(range(len(LABELS)), key=lambda i: probs[i])]


def cross_validate(
    rows: list[Row], meta: dict[str, Any], setting: dict[str, Any], seed: int | None = None
) -> tuple[dict[str, dict[str, float]], list[tuple[list[float], str]]]:
    """Held-back scores by article folds: per view, over every labelled non-self pair of train.

    A pair without a row (no involvement; for ``extracted`` also: attribution not extracted)
    counts as predicted neutral, as the shared scorer counts it.
    """
    held = held_back(rows, folds_of(meta["ids"], seed), setting, meta.get("train_ids"))
    oof = [(held[(r.view, r.article, r.eid, r.target)], r.label) for r in rows if r.view == "extracted"]
    gold = meta["gold"]
    keys = sorted(k for k in gold if k[0] in meta.get("score_ids", meta["ids"]))
    scores: dict[str, dict[str, float]] = {}
    for view in ("gold", "extracted"):
        pred = [_top(held[(view, *k)]) if (view, *k) in held else "neutral" for k in keys]
        scores[view] = macro_f1([gold[k] for k in keys], pred)
    return scores, oof


def repeated(
    rows: list[Row], meta: dict[str, Any], setting: dict[str, Any], repeats: int
) -> dict[str, dict[str, float]]:
    """Mean scores of ``repeats`` grouped CVs over shuffled article folds (seeds 0..repeats-1):
    one split moves macro-F1 by about 0.01, too much to compare close settings on."""
    runs = [cross_validate(rows, meta, setting, seed)[0] for seed in range(repeats)]
    return {v: {c: sum(r[v][c] for r in runs) / repeats for c in runs[0][v]} for v in ("gold", "extracted")}


def level_of(feats: dict[str, float]) -> str:
    if feats.get("in_content"):
        return "content"
    if feats.get("cue_object"):
        return "cue"
    return "near" if feats.get("near") else "adjacent"


def by_level(rows: list[Row], meta: dict[str, Any], setting: dict[str, Any]) -> None:
    """Held-back confusion (gold > predicted) of the rows by involvement level, per view."""
    held = held_back(rows, folds_of(meta["ids"]), setting, meta.get("train_ids"))
    for view in ("gold", "extracted"):
        print(f"held-back rows by involvement level, {view} view (gold>predicted: count):")
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for r in rows:
            if r.view == view:
                pred = _top(held[(r.view, r.article, r.eid, r.target)])
                counts[level_of(r.features)][f"{r.label[:3]}>{pred[:3]}"] += 1
        for level in ("content", "cue", "near", "adjacent"):
            print(f"  {level:8s} " + ", ".join(f"{k} {v}" for k, v in sorted(counts[level].items())))


def without(rows: list[Row], prefixes: list[str]) -> list[Row]:
    """The rows without the features whose names start with one of ``prefixes`` (ablation)."""
    return [
        Row(
            r.article,
            r.eid,
            r.target,
            r.view,
            r.label,
            {k: v for k, v in r.features.items() if not any(k.startswith(p) for p in prefixes)},
            r.text,
        )
        for r in rows
    ]


def compare_variants(
    rows: list[Row], meta: dict[str, Any], setting: dict[str, Any], variants: str, repeats: int
) -> None:
    """The mean of ``repeats`` shuffled CVs for each ablation (feature-name prefixes left out)."""
    for variant in variants.split(";"):
        prefixes = [p for p in variant.split(",") if p]
        mean = repeated(without(rows, prefixes) if prefixes else rows, meta, setting, repeats)
        name = variant or "(nothing)"
        print(f"without {name!r}: extracted {_fmt(mean['extracted'])}; gold {_fmt(mean['gold'])}", flush=True)


def dump_held(rows: list[Row], meta: dict[str, Any], setting: dict[str, Any], seed: int | None,
              path: Path) -> None:
    """One JSON line per row: its held-back probabilities and label (folds shuffled by ``seed``,
    sorted if None), gold label, text and features: the material of an error analysis."""
    held = held_back(rows, folds_of(meta["ids"], seed), setting, meta.get("train_ids"))
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            probs = held[(r.view, r.article, r.eid, r.target)]
            f.write(json.dumps({
                "view": r.view, "article": r.article, "eid": r.eid, "target": r.target, "gold": r.label,
                "pred": _top(probs), "probs": [round(p, 3) for p in probs], "level": level_of(r.features),
                "text": r.text, "features": {k: round(v, 3) for k, v in sorted(r.features.items())},
            }, ensure_ascii=False) + "\n")
    print(f"wrote the held-back predictions of {len(rows)} rows to {path}")


def ece(oof: list[tuple[list[float], str]], bins: int = 10) -> float:
    """Expected calibration error of the top label's probability."""
    total = 0.0
    buckets: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    for probs, lab in oof:
        k = max(range(len(LABELS)), key=lambda i: probs[i])
        buckets[min(bins - 1, int(probs[k] * bins))].append((probs[k], LABELS[k] == lab))
    for items in buckets.values():
        conf = sum(p for p, _ in items) / len(items)
        acc = sum(ok for _, ok in items) / len(items)
        total += len(items) * abs(conf - acc)
    return total / max(1, len(oof))


def _tempered(oof: list[tuple[list[float], str]], t: float) -> list[tuple[list[float], str]]:
    out = []
    for probs, lab in oof:
        z = [p ** (1 / t) for p in probs]
        s = sum(z)
        out.append(([x / s for x in z], lab))
    return out


def reliability(oof: list[tuple[list[float], str]]) -> list[tuple[str, int, float, float]]:
    """(probability band, n, mean probability, accuracy) of the top label, for the docs."""
    bands = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
    out = []
    for lo, hi in bands:
        items = []
        for probs, lab in oof:
            k = max(range(len(LABELS)), key=lambda i: probs[i])
            if lo <= probs[k] < hi:
                items.append((probs[k], LABELS[k] == lab))
        if items:
            out.append(
                (
                    f"{lo:.1f}-{min(hi, 1.0):.1f}",
                    len(items),
                    sum(p for p, _ in items) / len(items),
                    sum(ok for _, ok in items) / len(items),
                )
            )
    return out


def _fmt(s: dict[str, float]) -> str:
    return (
        f"macro-F1 {s['macro']:.3f} (support {s['support']:.3f}, oppose {s['oppose']:.3f}, "
        f"neutral {s['neutral']:.3f})"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_data_arguments(ap)
    ap.add_argument("--cv-only", action="store_true", help="report the held-back scores, write nothing")
    ap.add_argument("--grid", action="store_true", help="compare settings by grouped CV first")
    ap.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    ap.add_argument("--repeats", type=int, default=0, help="also the mean of N CVs over shuffled folds")
    ap.add_argument("--train-on", type=label_files, default=(),
                    help="comma-separated label files: fit the CV's layers on their articles only")
    ap.add_argument("--score-on", type=label_files, default=(),
                    help="comma-separated label files: score the CV on their articles only")
    ap.add_argument("--by-level", action="store_true", help="held-back confusion by involvement level")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="override a setting (l2, class_power, min_count, dense_l2) for this run")
    ap.add_argument("--dump", type=Path, metavar="JSONL",
                    help="write every row's held-back prediction (sorted folds), text and features")
    ap.add_argument("--drop", default="", help="comma-separated feature-name prefixes to leave out")
    ap.add_argument(
        "--variants",
        help="compare ablations on the same rows and stop: ';'-separated lists of --drop prefixes "
        "(an empty item: all features), each scored by the mean of --repeats shuffled CVs",
    )
    args = ap.parse_args(argv)
    rows, meta = build_rows(args.shared, args.doc_cache, args.label_files)
    if args.score_on:
        meta["score_ids"] = articles_of(args.score_on)
        print(f"the CV scored on the {len(meta['score_ids'])} articles of {','.join(args.score_on)}")
    if args.train_on:
        meta["train_ids"] = articles_of(args.train_on)
        print(f"the CV's layers fitted on the {len(meta['train_ids'])} articles of {','.join(args.train_on)}")
    if args.drop:
        rows = without(rows, [p for p in args.drop.split(",") if p])
        print(f"without the features starting with {args.drop!r}")
    n_pairs = sum(meta["pairs"].values())
    print(
        f"labelled non-self pairs {n_pairs}; rows: gold {sum(r.view == 'gold' for r in rows)}, extracted "
        f"{sum(r.view == 'extracted' for r in rows)}; pairs with an extracted attribution "
        f"{sum(meta['matched'].values())} ({sum(meta['matched'].values()) / n_pairs:.3f})"
    )
    setting: dict[str, Any] = dict(SETTING)
    for kv in args.set:
        key, value = kv.split("=", 1)
        setting[key] = int(value) if key in ("min_count", "bags", "two_stage") else float(value)
    if args.dump is not None:
        dump_held(rows, meta, setting, None, args.dump)
    if args.variants is not None:
        compare_variants(rows, meta, setting, args.variants, max(1, args.repeats))
        return 0
    if args.grid:
        grid = itertools.product(
            (1.0, 4.0, 16.0), (0.25, 0.5, 0.75), (2, 3, 5), (("gold",), ("gold", "extracted"))
        )
        best = None
        for l2, cp, mc, views in grid:
            s = {"l2": l2, "class_power": cp, "min_count": mc, "views": views}
            scores, _ = cross_validate(rows, meta, s)
            print(f"{s}: extracted {_fmt(scores['extracted'])}; gold {_fmt(scores['gold'])}", flush=True)
            if best is None or scores["extracted"]["macro"] > best[0]:
                best = (scores["extracted"]["macro"], s)
        assert best is not None
        print(f"best by extracted-view CV macro-F1: {best[1]} ({best[0]:.3f})")
    scores, oof = cross_validate(rows, meta, setting)
    temperature = fit_temperature([p for p, _ in oof], [lab for _, lab in oof])
    print(
        f"\nsetting {setting}\nheld-back by article ({FOLDS} folds), every labelled non-self pair of train:"
    )
    print(f"  gold attributions:      {_fmt(scores['gold'])}")
    print(f"  extracted attributions: {_fmt(scores['extracted'])}")
    print(
        f"calibration (extracted-view rows): ECE {ece(oof):.3f} raw, temperature {temperature}, "
        f"ECE {ece(_tempered(oof, temperature)):.3f} calibrated"
    )
    for band, n, conf, acc in reliability(_tempered(oof, temperature)):
        print(f"  top-label probability {band}: n {n}, mean probability {conf:.3f}, accuracy {acc:.3f}")
    if args.repeats:
        mean = repeated(rows, meta, setting, args.repeats)
        print(f"mean of {args.repeats} grouped CVs over shuffled article folds:")
        print(f"  gold attributions:      {_fmt(mean['gold'])}")
        print(f"  extracted attributions: {_fmt(mean['extracted'])}")
    if args.by_level:
        by_level(rows, meta, setting)
    if args.cv_only:
        return 0
    use = [r for r in rows if r.view in setting["views"]]
    layer = fit(use, setting)
    note = (
        f"trained by scripts/train_stance.py on {len(use)} rows ({', '.join(setting['views'])} views) of "
        f"{len(meta['ids'])} PolNeAR train articles labelled in tests/data/stance; no dev label; "
        f"setting {json.dumps({k: v for k, v in setting.items() if k != 'views'})}"
    )
    save_layer(Layer(layer.weights, temperature, note), args.out)
    print(f"wrote {args.out} ({len(layer.weights)} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
