"""Stance fine-tuning experiment (not shipped), step 3 of 3, run with the project venv:
    .venv/bin/python scripts/stance_finetune_experiment/compare.py 0,1 out/finetune/enc2-01.jsonl
the shipped layer, the encoder and their mean, on the same held-out folds."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import numpy as np
import train_stance as ts

OUT = Path(__file__).resolve().parents[2] / "out" / "finetune"
LABELS = list(ts.LABELS)
held = {int(x) for x in sys.argv[1].split(",")}
meta = json.loads((OUT / "meta.json").read_text())
ids = meta["ids"]
fold = {aid: k % 10 for k, aid in enumerate(ids)}
rows = []
for item in (OUT / "rows.jsonl").read_text().splitlines():
    r = json.loads(item)
    rows.append(ts.Row(r["article"], r["eid"], r["target"], r["view"], r["label"], r["feats"]))
train_rows = [r for r in rows if fold[r.article] not in held and r.view in ts.SETTING["views"]]
layer = ts.fit(train_rows, ts.SETTING)
lay = {
    (r.view, r.article, r.eid, r.target): layer.probabilities(r.features)
    for r in rows
    if fold[r.article] in held
}
enc = {}
for f in sys.argv[2:]:
    for item in Path(f).read_text().splitlines():
        d = json.loads(item)
        lo = np.array(d["logits"])
        lo[LABELS.index("neutral")] += d["bias"]
        p = np.exp(lo - lo.max())
        enc[tuple(d["key"])] = (p / p.sum()).tolist()
held_ids = {a for a in ids if fold[a] in held}
keys = [k for k in meta["gold"] if k.split("\t")[0] in held_ids]
gold = [meta["gold"][k] for k in keys]


def run(name, probs_of):
    for view in ("gold", "extracted"):
        pred = []
        for k in keys:
            p = probs_of((view, *k.split("\t")))
            pred.append("neutral" if p is None else LABELS[int(np.argmax(p))])
        s = ts.macro_f1(gold, pred)
        print(
            f"{name:22s} {view:9s} macro {s['macro']:.3f} support {s['support']:.3f} oppose {s['oppose']:.3f}"
        )


print(f"held folds {sorted(held)}: {len(held_ids)} articles, {len(keys)} pairs, LABELS {LABELS}")
run("layer", lay.get)
if enc:
    run("encoder", enc.get)
    for a in (0.3, 0.5, 0.7):
        run(
            f"blend a={a}",
            lambda k, a=a: (
                None
                if k not in lay
                else (list((1 - a) * np.array(lay[k]) + a * np.array(enc[k])) if k in enc else lay[k])
            ),
        )
