"""Stance fine-tuning experiment (not shipped), step 1 of 3, run with the project venv:
    .venv/bin/python scripts/stance_finetune_experiment/dump_rows.py
writes out/finetune/rows.jsonl (both views of every labelled pair: features, encoder input)
and out/finetune/meta.json."""

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "out" / "finetune"
OUT.mkdir(parents=True, exist_ok=True)
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))
import train_stance as ts  # noqa: E402
from stance_data import DATA, POLNEAR_FILES, TARGETS, load_jsonl, sourced_events  # noqa: E402

from saidwhat.analysis.attribution import find_attributions  # noqa: E402


def span_text(text, spans):
    return " ... ".join(text[s:e] for s, e in sorted(spans))


def context(doc, spans):
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    sents = list(doc.sents)
    idx = [k for k, s in enumerate(sents) if s.end_char > start and s.start_char < end]
    if not idx:
        return ""
    lo, hi = max(0, idx[0] - 1), min(len(sents) - 1, idx[-1] + 1)
    return doc.text[sents[lo].start_char : sents[hi].end_char]


def att_text(doc, a):
    t = doc.text
    src = span_text(t, a.source) if a.source else ""
    cue = span_text(t, a.cue) if a.cue else ""
    return f"{src} {cue}: {span_text(t, a.content)}", context(
        doc, list(a.content) + list(a.source) + list(a.cue)
    )


def write_rows(out, view, aid, doc, atts, eid_of, lab):
    """One JSON line per labelled (attribution, target) pair of ``atts`` whose label is known."""
    for (j, target), feats in ts._features(doc, atts).items():
        if j not in eid_of:
            continue
        label = lab.get(eid_of[j], {}).get(target)
        if label in ts.LABELS:
            a, c = att_text(doc, atts[j])
            row = {"view": view, "article": aid, "eid": eid_of[j], "target": target}
            row.update({"label": label, "feats": feats, "a": a, "ctx": c})
            out.write(json.dumps(row) + "\n")


labels = defaultdict(dict)
for name in POLNEAR_FILES:
    for item in load_jsonl(DATA / name):
        labels[item["id"]][item["attribution"]] = item["stance"]
ids = sorted(labels)
train_dir = REPO.parent / "shared" / "data" / "polnear" / "train"
docs = ts.parse_all(ids, train_dir, REPO / "out/train-docs-831.spacy")
out = (OUT / "rows.jsonl").open("w")  # noqa: SIM115
gold = {}
t0 = time.time()
for n, aid in enumerate(ids):
    doc = docs[aid]
    events = sourced_events(train_dir, aid)
    lab = labels[aid]
    eids = sorted(events, key=lambda e: int(e[1:]))
    gold_atts = ts.gold_attributions(events, eids)
    write_rows(out, "gold", aid, doc, gold_atts, dict(enumerate(eids)), lab)
    extracted = find_attributions(doc)
    m = ts.match(
        [ts._chars(events[e].content) for e in eids], [ts._chars(list(x.content)) for x in extracted]
    )
    write_rows(out, "extracted", aid, doc, extracted, {j: eids[i] for i, j in m.items()}, lab)
    for e, st in lab.items():
        for t in TARGETS:
            if st[t] in ts.LABELS:
                gold[f"{aid}\t{e}\t{t}"] = st[t]
    if n % 100 == 0:
        print(n, time.time() - t0, file=sys.stderr, flush=True)
(OUT / "meta.json").write_text(json.dumps({"ids": ids, "gold": gold}))
