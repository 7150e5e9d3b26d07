#!/usr/bin/env python
"""Fit the actor participation model (is a resolved actor cluster a real actor?) and write its weights.

    .venv/bin/python scripts/fit_participation.py [--cache out/participation-rows.json] [--write]

Material: the project's own annotated pages of the development sets, own train + heldout + train2
(``tests/data/wild/pages``, split by ``splits.json``) and own fresh (``tests/data/wild-fresh/pages``);
never the shared dev sets and never the held-back own fresh2 and fresh3. Each page's HTML is read
as ``benchmarks/wild.py`` reads it (next to the gold file or
``../shared/data/article-extraction-benchmark/html/<source>.gz``), extracted and analysed as
``saidwhat analyze`` does, up to the actor clusters (``resolve.actor_candidates``). A cluster is
real (label 1) when its actor's name or one of its aliases matches a gold actor's names as
``../shared/eval/score_wild.py`` matches them.

The model is asked only of clusters the hand rules keep and no attribution names as its speaker.
A logistic regression (L2, Newton steps) over ``participation.features`` is cross-validated with
folds grouped by page; the threshold is the highest on the cross-validated probabilities at which
the dropped clusters take away at most ``--max-lost`` of the gold actors (default 0: actor recall
must not drop; a gold actor still matched by another listed cluster is not lost). The printed
figures (actor precision and recall before and after, per set and in all) are from the
cross-validated predictions; the final weights (all pages) and the threshold go to
``src/saidwhat/analysis/actors/participation_weights.json``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from saidwhat.analysis.actors.participation import WEIGHTS_PATH  # noqa: E402
from saidwhat.analysis.actors.resolve import actor_candidates  # noqa: E402
from saidwhat.analysis.nlp import get_nlp  # noqa: E402
from saidwhat.analysis.pipeline import user_attributions  # noqa: E402
from saidwhat.analysis.windows import pieces  # noqa: E402
from saidwhat.chain import extract  # noqa: E402

HTML_DIR = REPO.parent / "shared" / "data" / "article-extraction-benchmark" / "html"
DATA = REPO / "tests" / "data"
SETS = {"own": DATA / "wild" / "pages", "fresh": DATA / "wild-fresh" / "pages"}
FOLDS = 8


def _score_wild() -> Any:
    path = REPO.parent / "shared" / "eval" / "score_wild.py"
    spec = importlib.util.spec_from_file_location("score_wild", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _html(gold: dict[str, Any], gold_file: Path) -> tuple[str, bytes] | None:
    name = Path(gold["source"]).name.removesuffix(".gz")
    for cand in (gold_file.with_name(name), gold_file.with_suffix(".html"), HTML_DIR / name):
        if cand.is_file():
            return name, cand.read_bytes()
    gz = HTML_DIR / (name + ".gz")
    return (name, gzip.decompress(gz.read_bytes())) if gz.is_file() else None


def _page_rows(sw: Any, gold: dict[str, Any], path: Path, split: str) -> list[dict[str, Any]]:
    """One row per actor cluster of the page: features, speaker, rules' verdict, gold actors matched."""
    article = extract(str(path))
    gnames = [[ga["name"], *ga.get("aliases", [])] for ga in gold["actors"]]
    rows: list[dict[str, Any]] = []
    for _off, doc in pieces(get_nlp(), article.text):
        atts, _ = user_attributions(doc)
        atts = [a for a in atts if a.type == "speech"]
        for cand in actor_candidates(doc, atts, page_type=article.page_type):
            names = [cand.actor.name, *cand.actor.aliases]
            hits = [k for k, gn in enumerate(gnames) if any(sw.same_name(a, b) for a in names for b in gn)]
            rows.append({"page": gold["id"], "set": split, "name": cand.actor.name, "kind": cand.actor.kind,
                         "features": cand.features, "speaker": cand.speaker, "rules_keep": cand.rules_keep,
                         "hits": hits})
    return rows


def collect() -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Rows of every development page, and the number of gold actors per page."""
    sw = _score_wild()
    splits = json.loads((SETS["own"].parent / "splits.json").read_text(encoding="utf-8"))
    split_of = {pid: name for name, ids in splits.items() for pid in ids}
    rows: list[dict[str, Any]] = []
    n_gold: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="saidwhat-participation-") as tmp:
        for set_name, gold_dir in SETS.items():
            for f in sorted(gold_dir.glob("*.json")):
                gold = json.loads(f.read_text(encoding="utf-8"))
                found = _html(gold, f)
                if found is None:
                    print(f"{f.name}: no HTML; skipped", file=sys.stderr)
                    continue
                path = Path(tmp) / found[0]
                path.write_bytes(found[1])
                split = split_of.get(gold["id"], "fresh") if set_name == "own" else "fresh"
                rows += _page_rows(sw, gold, path, split)
                n_gold[gold["id"]] = len(gold["actors"])
                print(f"{gold['id']} {split}: {sum(1 for r in rows if r['page'] == gold['id'])} clusters",
                      file=sys.stderr)
    return rows, n_gold


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Logistic regression with an L2 penalty (bias included, unpenalised), by Newton steps."""
    w = np.zeros(x.shape[1])
    pen = np.full(x.shape[1], l2)
    pen[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + pen * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(pen + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return np.asarray(w)


def _matrix(rows: list[dict[str, Any]], names: list[str]) -> np.ndarray:
    return np.array([[r["features"].get(n, 0.0) for n in names] for r in rows], dtype=float)


def _fold(page: str) -> int:
    return int(hashlib.sha256(page.encode()).hexdigest(), 16) % FOLDS


def cross_validated(rows: list[dict[str, Any]], names: list[str], l2: float) -> np.ndarray:
    """The probability of every eligible row from a model fitted without its page's fold."""
    x, y = _matrix(rows, names), np.array([float(bool(r["hits"])) for r in rows])
    folds = np.array([_fold(r["page"]) for r in rows])
    out = np.zeros(len(rows))
    for k in range(FOLDS):
        test = folds == k
        if test.any():
            w = fit(x[~test], y[~test], l2)
            out[test] = 1.0 / (1.0 + np.exp(-np.clip(x[test] @ w, -30, 30)))
    return out


def scores(rows: list[dict[str, Any]], listed: list[bool], n_gold: dict[str, int],
           pages: set[str]) -> tuple[float, float, int, int]:
    """Actor precision and recall as score_wild.py counts them, over ``pages``; listed and right counts."""
    pred = right = 0
    found: set[tuple[str, int]] = set()
    for r, keep in zip(rows, listed, strict=True):
        if not keep or r["page"] not in pages:
            continue
        pred += 1
        right += bool(r["hits"])
        found |= {(r["page"], k) for k in r["hits"]}
    gold = sum(n_gold[p] for p in pages)
    return right / max(pred, 1), len(found) / max(gold, 1), pred, right


def choose_threshold(rows: list[dict[str, Any]], probs: np.ndarray, eligible: list[bool],
                     n_gold: dict[str, int], max_lost: float) -> float:
    """The highest threshold whose dropped clusters lose at most ``max_lost`` of the gold actors found."""
    base = [r["speaker"] or r["rules_keep"] for r in rows]
    pages = set(n_gold)
    _, r0, _, _ = scores(rows, base, n_gold, pages)
    best = 0.0
    for t in np.arange(0.02, 0.9, 0.01):
        listed = [b and (not e or p >= t) for b, e, p in zip(base, eligible, probs, strict=True)]
        _, r1, _, _ = scores(rows, listed, n_gold, pages)
        if r0 - r1 <= max_lost + 1e-12:
            best = float(t)
    return round(best, 2)


def _report(rows: list[dict[str, Any]], probs: np.ndarray, eligible: list[bool], t: float,
            n_gold: dict[str, int]) -> dict[str, Any]:
    base = [r["speaker"] or r["rules_keep"] for r in rows]
    after = [b and (not e or p >= t) for b, e, p in zip(base, eligible, probs, strict=True)]
    out: dict[str, Any] = {}
    for split in (*sorted({r["set"] for r in rows}), "all"):
        pages = {r["page"] for r in rows if split in (r["set"], "all")}
        p0, r0, n0, _ = scores(rows, base, n_gold, pages)
        p1, r1, n1, _ = scores(rows, after, n_gold, pages)
        out[split] = {"pages": len(pages), "before": {"P": round(p0, 3), "R": round(r0, 3), "listed": n0},
                      "after": {"P": round(p1, 3), "R": round(r1, 3), "listed": n1}}
        print(f"{split:8} {len(pages):3d} pages  before P {p0:.3f} R {r0:.3f} ({n0})  "
              f"after P {p1:.3f} R {r1:.3f} ({n1})")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, help="read the rows from here if it exists, else write them there")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--max-lost", type=float, default=0.0,
                    help="the share of gold actors found that the threshold may lose on the CV predictions")
    ap.add_argument("--write", action="store_true", help="write the weights next to the module")
    a = ap.parse_args()
    if a.cache is not None and a.cache.is_file():
        data = json.loads(a.cache.read_text(encoding="utf-8"))
        rows, n_gold = data["rows"], data["n_gold"]
    else:
        rows, n_gold = collect()
        if a.cache is not None:
            a.cache.write_text(json.dumps({"rows": rows, "n_gold": n_gold}), encoding="utf-8")
    eligible = [r["rules_keep"] and not r["speaker"] for r in rows]
    fit_rows = [r for r, e in zip(rows, eligible, strict=True) if e]
    names = sorted({k for r in fit_rows for k in r["features"]} - {"bias"})
    names = ["bias", *names]
    print(f"{len(rows)} clusters on {len(n_gold)} pages; {len(fit_rows)} asked of the model "
          f"({sum(bool(r['hits']) for r in fit_rows)} real)")
    cv = cross_validated(fit_rows, names, a.l2)
    probs = np.zeros(len(rows))
    probs[np.array(eligible)] = cv
    t = choose_threshold(rows, probs, eligible, n_gold, a.max_lost)
    print(f"threshold {t} (cross-validated, {FOLDS} folds by page; "
          f"at most {a.max_lost} of the gold actors lost)")
    figures = _report(rows, probs, eligible, t, n_gold)
    y = np.array([float(bool(r["hits"])) for r in fit_rows])
    w = fit(_matrix(fit_rows, names), y, a.l2)
    weights = {n: round(float(v), 4) for n, v in zip(names, w, strict=True)}
    for n, v in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {v:+.3f} {n}")
    if a.write:
        out = {"threshold": t, "l2": a.l2, "folds": FOLDS, "max_lost": a.max_lost,
               "cross_validated": figures, "weights": weights}
        WEIGHTS_PATH.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_PATH.relative_to(REPO)}")


if __name__ == "__main__":
    main()
