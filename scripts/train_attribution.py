#!/usr/bin/env python
"""Train the attribution CRF on PolNeAR train, in one command.

    .venv/bin/python scripts/train_attribution.py                # hold-out score, then final model
    .venv/bin/python scripts/train_attribution.py --grid         # choose c1/c2 on the hold-out only

1. Parse every train article with the project's spaCy pipeline (cached with --doc-cache).
2. Hold out every k-th article (by sorted id) of *train*: a model trained on the rest is scored
   there with the shared scorer. Dev is never read here.
3. Train the final model on all of train and write ``attribution.crfsuite`` and
   ``cue_lexicon.json`` into the package (``--out``).

``--own DIR --own-split NAME`` adds the project's own annotated real pages (wild format, the
pages of the named splits of ``DIR/../splits.json``), each ``--own-repeat`` times, to both runs:
their contents, cues and speaker mentions located by ``training.wild_gold_attributions``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite
from spacy.tokens import DocBin

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from saidwhat.analysis.attribution.extract import find_attributions  # noqa: E402 - after the sys.path set-up
from saidwhat.analysis.attribution.features import DocView, sequence_features  # noqa: E402 - after the sys.path set-up
from saidwhat.analysis.nlp import get_nlp  # noqa: E402 - after the sys.path set-up
from saidwhat.evaluate.polnear import GoldAttribution, load_split  # noqa: E402 - after the sys.path set-up
from saidwhat.evaluate.training import bio_labels, build_lexicon, token_roles, wild_gold_attributions  # noqa: E402 - after the sys.path set-up

PKG = REPO / "src" / "saidwhat" / "analysis" / "attribution"


def parse(texts: list[str], cache: str | None, workers: int) -> list:
    nlp = get_nlp()
    if cache and os.path.exists(cache):
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(texts) and all(d.text == t for d, t in zip(docs, texts, strict=True)):
            return docs
    t0 = time.time()
    docs = list(nlp.pipe(texts, n_process=workers, batch_size=16))
    print(f"parsed {len(docs)} articles in {time.time() - t0:.0f}s", file=sys.stderr)
    if cache:
        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        db.to_disk(cache)
    return docs


def train(items, lexicon: dict[str, float], path: str, c1: float, c2: float, iterations: int,
          minfreq: float) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc, role, owner in items:
        v = DocView.build(doc, lexicon)
        for xseq, yseq in zip(sequence_features(v), bio_labels(v, role, owner), strict=True):
            trainer.append(xseq, yseq)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True, "feature.minfreq": minfreq})
    t0 = time.time()
    tmp = path + ".tmp"
    trainer.train(tmp)
    os.replace(tmp, path)  # atomic: running processes keep reading the old file
    print(f"trained {path} in {time.time() - t0:.0f}s ({os.path.getsize(path) / 1e6:.1f} MB)",
          file=sys.stderr)


def write_lexicon(lex: dict[str, list[float]], path: str, note: str) -> dict[str, float]:
    with open(path + ".tmp", "w", encoding="utf-8") as fh:
        json.dump({"about": note, "lemmas": lex}, fh, indent=0, ensure_ascii=False)
        fh.write("\n")
    os.replace(path + ".tmp", path)
    return {k: v[0] for k, v in lex.items()}


def score_holdout(split_dir: Path, ids: list[str], docs, model: str, lexicon: str, scorer: str,
                  keep: str | None = None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold"
        (gold / "text").mkdir(parents=True)
        (gold / "attributions").mkdir()
        for aid in ids:
            os.symlink(split_dir / "text" / f"{aid}.txt", gold / "text" / f"{aid}.txt")
            for ann in sorted((split_dir / "attributions").glob(f"{aid}_*.ann")):
                os.symlink(ann, gold / "attributions" / ann.name)
        pred = Path(tmp) / "pred.jsonl"
        with open(pred, "w", encoding="utf-8") as fh:
            for aid, doc in zip(ids, docs, strict=True):
                atts = find_attributions(doc, model=model, lexicon=lexicon)
                fh.write(json.dumps({"id": aid, "attributions": [
                    {"content": a.content, "source": a.source, "cue": a.cue} for a in atts]}) + "\n")
        if keep:
            shutil.copy(pred, Path(keep) / "holdout_pred.jsonl")
        out = subprocess.run([sys.executable, scorer, str(gold), str(pred)], capture_output=True, text=True,
                             check=True).stdout
        print(out)
        res = subprocess.run([sys.executable, scorer, str(gold), str(pred), "--json"], capture_output=True,
                             text=True, check=True).stdout
        return json.loads(res)


def own_pages(gold_dir: Path, splits: list[str]) -> list[tuple[str, list[GoldAttribution]]]:
    """(text, gold attributions) of the own annotated pages of ``splits``."""
    names = json.loads((gold_dir.parent / "splits.json").read_text(encoding="utf-8"))
    wanted = {p for s in splits for p in names[s]}
    out = []
    for path in sorted(gold_dir.glob("*.json")):
        page = json.loads(path.read_text(encoding="utf-8"))
        if page["id"] in wanted and page.get("text"):
            out.append((page["text"], wild_gold_attributions(page["text"], page["attributions"])))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "polnear" / "train"))
    ap.add_argument("--scorer", default=str(REPO.parent / "shared" / "eval" / "score_attributions.py"))
    ap.add_argument("--out", default=str(PKG))
    ap.add_argument("--doc-cache", help="DocBin file to reuse parses between runs")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--holdout-every", type=int, default=10)
    # chosen on the hold-out (see docs/attribution.md): stronger regularisation generalises better
    ap.add_argument("--c1", type=float, default=0.5)
    ap.add_argument("--c2", type=float, default=2.0)
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--minfreq", type=float, default=2)
    ap.add_argument("--grid", action="store_true", help="score a small c1/c2 grid on the hold-out and stop")
    ap.add_argument("--skip-holdout", action="store_true")
    ap.add_argument("--keep", help="folder to keep the hold-out model, lexicon and predictions in")
    ap.add_argument("--skip-final", action="store_true")
    ap.add_argument("--own", type=Path, help="own annotated pages (wild format) to train on as well")
    ap.add_argument("--own-split", action="append", default=[], help="splits of --own to use (repeatable)")
    ap.add_argument("--own-repeat", type=int, default=1, help="how many times each own page is seen")
    args = ap.parse_args()

    split = Path(args.data)
    data = load_split(split)
    ids = [d[0] for d in data]
    docs = parse([d[1] for d in data], args.doc_cache, args.workers)
    roles = [token_roles(doc, d[2]) for doc, d in zip(docs, data, strict=True)]
    own = own_pages(args.own, args.own_split) if args.own else []
    own_docs = list(get_nlp().pipe([t for t, _ in own], batch_size=8))
    extra = [(d, *token_roles(d, g)) for d, (_, g) in zip(own_docs, own, strict=True)] * args.own_repeat
    print(f"own pages: {len(own)} ({sum(len(g) for _, g in own)} attributions), each seen "
          f"{args.own_repeat} times", file=sys.stderr)
    hold = [i for i in range(len(data)) if i % args.holdout_every == args.holdout_every - 1]
    fit = [i for i in range(len(data)) if i not in set(hold)]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_holdout:
            lex_path = os.path.join(tmp, "lex.json")
            own_roles = [(d, r) for d, r, _ in extra]
            lex = write_lexicon(build_lexicon([(docs[i], roles[i][0]) for i in fit] + own_roles),
                                lex_path, "hold-out run")
            grid = [(args.c1, args.c2)]
            if args.grid:
                grid = [(0.05, 0.01), (0.1, 0.1), (0.2, 0.3), (0.05, 0.5), (0.05, 1.0), (0.3, 1.0),
                        (0.5, 2.0), (1.0, 1.0)]
            for c1, c2 in grid:
                model = os.path.join(tmp, f"m_{c1}_{c2}.crfsuite")
                train([(docs[i], *roles[i]) for i in fit] + extra, lex, model, c1, c2, args.iterations,
                      args.minfreq)
                print(f"hold-out ({len(hold)} train articles) c1={c1} c2={c2}:")
                r = score_holdout(split, [ids[i] for i in hold], [docs[i] for i in hold], model, lex_path,
                                  args.scorer, args.keep)
                if args.keep:
                    shutil.copy(model, Path(args.keep) / "holdout.crfsuite")
                    shutil.copy(lex_path, Path(args.keep) / "holdout_lexicon.json")
                results[f"{c1}/{c2}"] = {k: r[k]["f1"] for k in ("content", "who_said_what", "cue")}
            print(json.dumps(results, indent=1))
        if args.grid or args.skip_final:
            return
        note = ("Cue probability per lemma: [share of occurrences annotated as Cue, cue count, occurrences] "
                "in PolNeAR train (all 840 articles); written by scripts/train_attribution.py.")
        lex_path = os.path.join(args.out, "cue_lexicon.json")
        if own:
            note += (f" Plus {len(own)} own annotated pages ({', '.join(args.own_split)} of "
                     f"{args.own.name}), each {args.own_repeat} times.")
        lex = write_lexicon(build_lexicon([(d, r[0]) for d, r in zip(docs, roles, strict=True)]
                                          + [(d, r) for d, r, _ in extra]), lex_path, note)
        train([(d, *r) for d, r in zip(docs, roles, strict=True)] + extra, lex,
              os.path.join(args.out, "attribution.crfsuite"),
              args.c1, args.c2, args.iterations, args.minfreq)


if __name__ == "__main__":
    main()
