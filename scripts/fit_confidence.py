#!/usr/bin/env python
"""Fit the quote confidence (probability that a quote is usable) and write its weights.

    .venv/bin/python scripts/fit_confidence.py --own tests/data/wild/pages [--polnear-every 3]

Training material, never the shared dev sets:
- PolNeAR train (every k-th article): a quote is usable when its content matches a gold
  attribution (character Jaccard >= 0.5) and its speaker mention, or a mention of its actor,
  overlaps the gold source. Gold attributions without a source are left out (neutral).
- the project's own annotated pages (wild format, ``text`` included): matched as
  ``../shared/eval/score_wild.py`` matches (word Jaccard >= 0.5, one to one, right speaker name);
  quotes matching a gold belief or sourceless attribution are left out.

A logistic regression (L2, Newton steps) over ``confidence.features`` is fitted; own pages
are weighted up (``--own-weight``) because they are the target notion of a quote. Before the
final fit, the own pages are split in two halves by page id and each half is scored by a model
fitted without it: the printed reliability table and expected calibration error (ECE) come
from those held-back pages. The final weights (all material) go to
``src/saidwhat/analysis/attribution/confidence_weights.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from saidwhat.analysis.actors import resolve_actors  # noqa: E402
from saidwhat.analysis.attribution.confidence import WEIGHTS_PATH, features  # noqa: E402
from saidwhat.analysis.attribution.speaker import refine_speakers  # noqa: E402
from saidwhat.analysis.nlp import get_nlp  # noqa: E402
from saidwhat.analysis.pipeline import user_attributions  # noqa: E402
from saidwhat.evaluate.polnear import load_split  # noqa: E402

Row = tuple[dict[str, float], int, str]  # features, label, group (page id)


def _score_wild() -> Any:
    path = REPO.parent / "shared" / "eval" / "score_wild.py"
    spec = importlib.util.spec_from_file_location("score_wild", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def quotes_of(doc: Any) -> list[tuple[Any, dict[str, float], list[tuple[int, int]], Any]]:
    """(attribution, features, speaker mention, actor) for every quote, beliefs included."""
    atts, verdicts = user_attributions(doc)  # exactly the quotes `analyze` makes
    res = resolve_actors(doc, atts)
    refine_speakers(doc, atts, res)
    actors = {a.id: a for a in res.actors}
    out = []
    for i, (att, ver) in enumerate(zip(atts, verdicts, strict=True)):
        mention = res.mentions[i] if i < len(res.mentions) else list(att.source)
        sid = res.speakers[i] if i < len(res.speakers) else None
        actor = actors.get(sid) if sid else None
        out.append((att, features(doc, att, ver, mention, actor), mention, actor))
    return out


def _chars(spans: list[tuple[int, int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def polnear_rows(split: str, every: int) -> list[Row]:
    data = load_split(split)[::every]
    nlp = get_nlp()
    rows: list[Row] = []
    for (aid, _, gold), doc in zip(data, nlp.pipe([t for _, t, _ in data], batch_size=8), strict=True):
        for att, f, mention, actor in quotes_of(doc):
            pc = _chars(list(att.content))
            best = max(gold, key=lambda g: len(pc & _chars(g.content)) / max(1, len(pc | _chars(g.content))),
                       default=None)
            if best is None or len(pc & _chars(best.content)) / max(1, len(pc | _chars(best.content))) < 0.5:
                rows.append((f, 0, aid))
                continue
            if not best.source:
                continue  # sourceless in gold: neutral
            spans = list(mention) + (list(actor.mentions) if actor is not None else [])
            rows.append((f, int(bool(_chars(spans) & _chars(best.source))), aid))
    return rows


def own_rows(gold_dir: Path) -> list[Row]:
    sw = _score_wild()
    nlp = get_nlp()
    rows: list[Row] = []
    pages = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    pages = [g for g in pages if g.get("text")]
    for g, doc in zip(pages, nlp.pipe([g["text"] for g in pages], batch_size=8), strict=True):
        quotes = quotes_of(doc)
        gold = [(sw.words(" ".join(a["content"])), a) for a in g["attributions"]]
        preds = []
        for att, f, mention, actor in quotes:
            content = " ".join(doc.text[s:e] for s, e in att.content)
            names = [actor.name, *actor.aliases] if actor is not None else [doc.text[s:e] for s, e in mention]
            preds.append((sw.words(content), names, f))
        pairs = sorted(((sw.jaccard(p[0], gw), i, j) for i, p in enumerate(preds)
                        for j, (gw, _) in enumerate(gold)), reverse=True)
        pm: dict[int, int] = {}
        gm: set[int] = set()
        for jac, i, j in pairs:
            if jac < 0.5:
                break
            if i not in pm and j not in gm:
                pm[i] = j
                gm.add(j)
        for i, (_, names, f) in enumerate(preds):
            if i not in pm:
                rows.append((f, 0, g["id"]))
                continue
            ga = gold[pm[i]][1]
            if ga["type"] != "speech":
                continue
            gnames = [ga["speaker"] or ""] + [a for a in ga.get("speaker_aliases", []) if sw.proper(a)]
            rows.append((f, int(any(sw.same_name(a, b) for a in names for b in gnames)), g["id"]))
    return rows


def fit(rows: list[Row], weights: list[float], l2: float = 1.0) -> dict[str, float]:
    names = sorted({k for f, _, _ in rows for k in f})
    x = np.array([[f.get(k, 0.0) for k in names] for f, _, _ in rows])
    y = np.array([lab for _, lab, _ in rows], dtype=float)
    w_s = np.array(weights)
    beta = np.zeros(len(names))
    reg = l2 * np.eye(len(names))
    reg[names.index("bias"), names.index("bias")] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -30, 30)))
        grad = x.T @ (w_s * (p - y)) + reg @ beta
        hess = (x * (w_s * p * (1 - p))[:, None]).T @ x + reg
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return {k: round(float(b), 5) for k, b in zip(names, beta, strict=True)}


def predict(f: dict[str, float], w: dict[str, float]) -> float:
    z = sum(w.get(k, 0.0) * v for k, v in f.items())
    return float(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))


def reliability(probs: list[float], labels: list[int], bins: int = 5) -> tuple[list[str], float]:
    """Markdown rows (bin, n, mean confidence, share usable) and the expected calibration error."""
    lines = ["| confidence | quotes | mean confidence | usable |", "|---|---|---|---|"]
    ece = 0.0
    n = len(probs)
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probs) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if not idx:
            continue
        conf = sum(probs[i] for i in idx) / len(idx)
        acc = sum(labels[i] for i in idx) / len(idx)
        ece += len(idx) / n * abs(conf - acc)
        lines.append(f"| {lo:.1f}–{hi:.1f} | {len(idx)} | {conf:.2f} | {acc:.2f} |")
    return lines, round(ece, 3)


def _half(page: str) -> int:
    return int(hashlib.sha1(page.encode()).hexdigest(), 16) % 2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", default=str(REPO.parent / "shared" / "data" / "polnear" / "train"))
    ap.add_argument("--polnear-every", type=int, default=3, help="use every k-th train article")
    ap.add_argument("--own", type=Path, action="append", default=[], help="own annotated pages (repeatable)")
    ap.add_argument("--own-weight", type=float, default=3.0)
    ap.add_argument("--cache", type=Path, help="keep the feature rows here (JSON) and reuse them")
    ap.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    a = ap.parse_args()
    if a.cache and a.cache.exists():
        cached = json.loads(a.cache.read_text())
        pol = [tuple(r) for r in cached["polnear"]]
        own = [tuple(r) for r in cached["own"]]
    else:
        pol = polnear_rows(a.polnear, a.polnear_every)
        own = [r for d in a.own for r in own_rows(d)]
        if a.cache:
            a.cache.write_text(json.dumps({"polnear": pol, "own": own}))
    # PolNeAR's notion is broader than a reader's: an indicator absorbs the difference in base rate,
    # and is 0 (a real page) whenever the shipped model is used.
    pol = [({**f, "corpus=polnear": 1.0}, lab, g) for f, lab, g in pol]
    print(f"PolNeAR train quotes: {len(pol)} ({sum(r[1] for r in pol)} usable); "
          f"own-page quotes: {len(own)} ({sum(r[1] for r in own)} usable)", file=sys.stderr)
    probs: list[float] = []
    labels: list[int] = []
    for half in (0, 1):
        train = pol + [r for r in own if _half(r[2]) != half]
        w = fit(train, [1.0] * len(pol) + [a.own_weight] * (len(train) - len(pol)))
        for f, lab, page in own:
            if _half(page) == half:
                probs.append(predict(f, w))
                labels.append(lab)
    if probs:
        table, ece = reliability(probs, labels)
        print(f"held-back own pages: {len(probs)} quotes, ECE {ece}")
        print("\n".join(table))
    final = fit(pol + own, [1.0] * len(pol) + [a.own_weight] * len(own))
    about = ("Logistic regression weights of the quote confidence (P(usable)); written by "
             "scripts/fit_confidence.py from PolNeAR train (every "
             f"{a.polnear_every}th article) and {len({r[2] for r in own})} own annotated pages.")
    a.out.write_text(json.dumps({"about": about, "weights": final}, indent=1, sort_keys=True) + "\n")
    print(f"wrote {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
