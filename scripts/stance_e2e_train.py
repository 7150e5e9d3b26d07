#!/usr/bin/env python
"""End-to-end stance on PolNeAR *train* with the own labels, held back by article, counted as dev is.

    .venv/bin/python scripts/stance_e2e_train.py --doc-cache out/train-docs.spacy \
        [--out out/train-e2e.jsonl] [--gold-spans] [--no-attitudes]

The development counterpart of the dev figure (``saidwhat attributions --target`` scored by
``../shared/eval/score_stance.py``), on the 107 labelled train articles of ``tests/data/stance``:
for each of the 10 article folds of ``scripts/train_stance.py`` a layer is fitted on the other
folds' rows, and the fold's articles go through the command's own path (``find_attributions`` then
``stances_for_attributions``) with that layer. All folds' predictions are written in the
attribution format and scored by the shared scorer against the own labels. Then where the polar
pairs are lost: attribution not matched (the extractor's coverage), matched but no stance record
(the involvement gate: no involvement, or only a neighbouring sentence and labelled neutral), or
labelled (the layer). ``--gold-spans``: PolNeAR's gold attributions instead of the extractor's
(coverage 1.0: the stance step alone, through the same path). PolNeAR-stance dev is not read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "benchmarks"))

from stance import gold_attributions, load_scorer  # noqa: E402
from stance_data import DATA, TARGETS, first_ann, load_jsonl, read_events  # noqa: E402
from train_stance import SETTING, add_data_arguments, build_rows, fit, folds_of, level_of, parse_all  # noqa: E402

from saidwhat.analysis.attribution import Attribution, find_attributions  # noqa: E402
from saidwhat.analysis.stance.assign import stances_for_attributions  # noqa: E402
from saidwhat.analysis.stance.learned import Layer, load_layer  # noqa: E402
from saidwhat.analysis.stance.score import LABELS, StanceConfig  # noqa: E402


def predict_fold_articles(
    docs: dict[str, Any], ids: list[str], layer: Layer, gold_dir: Path | None = None, attitudes: bool = True
) -> tuple[list[dict[str, Any]], dict[tuple[str, int, str], str]]:
    """Scorer-ready records of ``ids`` with ``layer``, and the involvement level of every
    (article, attribution index, target) the stance step saw (no entry: no involvement).
    ``gold_dir``: PolNeAR's gold attributions of that split instead of the extractor's;
    ``attitudes``: the extractor adds attitudes, as ``saidwhat attributions`` does."""
    cfg = StanceConfig(layer=layer)
    records: list[dict[str, Any]] = []
    levels: dict[tuple[str, int, str], str] = {}
    for aid in ids:
        doc = docs[aid]
        collect: list[tuple[str, str, dict[str, float]]] = []
        atts = _gold(gold_dir, aid) if gold_dir is not None else find_attributions(doc, attitudes=attitudes)
        art = stances_for_attributions(doc, atts, TARGETS, config=cfg, collect=collect)
        for qid, target, feats in collect:
            levels[(aid, int(qid[1:]) - 1, target)] = level_of(feats)
        rows = [
            {"content": [list(s) for s in q.content], "cue": [list(s) for s in q.cue],
             "source": [list(s) for s in q.speaker.mention],
             "stance": {t: q.stance[t].label for t in TARGETS if t in q.stance}}
            for q in art.quotes
        ]
        records.append({"id": aid, "attributions": rows})
    return records, levels


def _gold(split: Path, aid: str) -> list[Attribution]:
    ann = first_ann(split, aid)
    return gold_attributions(ann) if ann is not None else []


def losses(
    scorer: Any, train_dir: Path, labels: list[dict[str, Any]], preds: dict[str, list[dict[str, Any]]],
    levels: dict[tuple[str, int, str], str], show: str = "",
) -> dict[str, Counter[str]]:
    """Per gold label: where its pairs end (not matched / gate / predicted label × level); the
    pairs of the end ``show`` ("oppose:none>no record") are printed with their text."""
    out: dict[str, Counter[str]] = {lab: Counter() for lab in LABELS}
    by_article: dict[str, list[dict[str, Any]]] = {}
    for lab in labels:
        by_article.setdefault(lab["id"], []).append(lab)
    for aid, labs in by_article.items():
        text = (train_dir / "text" / f"{aid}.txt").read_text(encoding="utf-8")
        events = scorer.read_ann_by_event(scorer.first_ann(str(train_dir), aid))
        eids = sorted(events)
        gold = [scorer.sa.char_set(text, events[e]) for e in eids]
        pred_atts = preds.get(aid, [])
        m = scorer.sa.match(gold, [scorer.sa.char_set(text, a["content"]) for a in pred_atts])
        for lab in labs:
            i = eids.index(lab["attribution"])
            for target, g in lab["stance"].items():
                if g not in LABELS:
                    continue
                if i not in m:
                    out[g]["not matched"] += 1
                    continue
                level = levels.get((aid, m[i], target), "none")
                p = pred_atts[m[i]]["stance"].get(target)
                end = f"{level}>{p or 'no record'}"
                out[g][end] += 1
                if show == f"{g}:{end}":
                    att = pred_atts[m[i]]
                    said = " / ".join(text[a:b] for a, b in att["source"] + att["cue"] + att["content"])
                    print(f"{aid} {lab['attribution']} [{target}] {said[:300]!r}".replace("\\n", " "))
    return out


def _events_any_order(path: str) -> dict[str, list[tuple[int, int]]]:
    """The shared scorer's ``read_ann_by_event``, also for the two train ``.ann`` files that give an
    ``E`` line before the ``T`` lines it names (the scorer's one-pass reader stops there)."""
    return {k: e.content for k, e in read_events(Path(path)).items() if e.content}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_data_arguments(ap)
    ap.add_argument("--out", type=Path, default=REPO / "out" / "train-e2e.jsonl")
    ap.add_argument("--seed", type=int, default=None, help="shuffle the article folds by this seed")
    ap.add_argument("--show", default="", help='print the pairs of one end, e.g. "oppose:none>no record"')
    ap.add_argument("--gold-spans", action="store_true",
                    help="PolNeAR's gold attributions instead of the extractor's (the stance step alone)")
    ap.add_argument("--no-attitudes", action="store_true",
                    help="the extractor without its attitudes (attribution/attitudes.py)")
    ap.add_argument("--shipped", action="store_true",
                    help="the shipped layer for every article (in-sample: an upper bound, not a score)")
    args = ap.parse_args(argv)
    files = args.label_files
    rows, meta = build_rows(args.shared, args.doc_cache, files)
    train_dir = args.shared / "data" / "polnear" / "train"
    docs = parse_all(meta["ids"], train_dir, args.doc_cache)
    fold = folds_of(meta["ids"], args.seed)
    records: list[dict[str, Any]] = []
    levels: dict[tuple[str, int, str], str] = {}
    shipped = load_layer()
    for k in range(max(fold.values()) + 1):
        ids = [a for a in meta["ids"] if fold[a] == k]
        if args.shipped and shipped is not None:
            layer = shipped
        else:
            layer = fit([r for r in rows if fold[r.article] != k and r.view in SETTING["views"]], SETTING)
            layer = replace(layer, temperature=shipped.temperature if shipped else 1.0)
        recs, lev = predict_fold_articles(docs, ids, layer, train_dir if args.gold_spans else None,
                                          attitudes=not args.no_attitudes)
        records += recs
        levels.update(lev)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    scorer = load_scorer(args.shared)
    scorer.read_ann_by_event = _events_any_order
    labels = [x for name in files for x in load_jsonl(DATA / name)]
    preds = scorer.sa.load_predictions(str(args.out))
    r = scorer.score(str(train_dir), labels, preds)
    e, f1 = r["end_to_end"], r["end_to_end"]["f1"]
    view = "gold spans" if args.gold_spans else "end to end"
    print(f"train {view} ({'shipped layer, in-sample' if args.shipped else 'held back by article'}): "
          f"pairs {r['pairs']}, coverage {r['coverage']:.3f}, macro-F1 {e['macro_f1']:.3f} "
          f"(support {f1['support']:.3f}, oppose {f1['oppose']:.3f}, neutral {f1['neutral']:.3f}); "
          f"matched-only macro-F1 {r['matched']['macro_f1']:.3f}")
    print("  gold \\ pred   support   oppose  neutral")
    for g in LABELS:
        print(f"  {g:<11}" + "".join(f"{e['confusion'][g][p]:>9}" for p in LABELS))
    print("where the pairs end (level > label; 'no record' counts as neutral):")
    for g, c in losses(scorer, train_dir, labels, preds, levels, args.show).items():
        print(f"  {g}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items(), key=lambda kv: -kv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
