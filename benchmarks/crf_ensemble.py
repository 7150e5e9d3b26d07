"""Would several attribution CRFs together find speakers better than one? (An experiment.)

    .venv/bin/python benchmarks/crf_ensemble.py bags --out BAGS
    for k in B 0 1 2 3; do .venv/bin/python scripts/train_attribution_folds.py --out BAGS/m$k --folds 1 \\
        --gold BAGS/g$k --doc-cache BAGS/docs.spacy; done          # about 8 minutes each on one core
    .venv/bin/python benchmarks/crf_ensemble.py score --models BAGS/mB/fold0
    .venv/bin/python benchmarks/crf_ensemble.py score \
        --models BAGS/m0/fold0,BAGS/m1/fold0,BAGS/m2/fold0,BAGS/m3/fold0

The articles scored are the held-back train golds (``tests/data/actor-identity-train3``, ``-train9``
and ``-train12``: 107 articles whose errors no one read). ``bags`` writes article lists that
``scripts/train_attribution_folds.py --gold`` reads (it only reads their ids): ``gB`` holds the 107,
so ``mB`` is trained on the other 733 train articles; ``g0`` … ``g3`` hold the 107 and every fourth
of the 733 (from the k-th), so each of ``m0`` … ``m3`` is trained on 550 and none saw the 107.

``score`` analyses the 107 with the models as saidwhat does (``analysis.pipeline``), one model by
Viterbi as the shipped tagger, several by averaging their marginal probabilities per token (each
model reads the features of its own cue lexicon) and taking the best label (an I- label after
another label becomes B-). It prints the attribution scores of ``../shared/eval/score_attributions.py``
on the 107 and, per gold, the identity figures of ``benchmarks/actor_identity.py``.

Nothing in saidwhat uses an ensemble: docs/corpus.md ("Session 31") has the result, which is that
the spread between single models trained on different subsets is as large as any gain.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import pycrfsuite
from actor_identity import REPO, analyse, load_scorer, read_metadata
from actor_identity import main as identity_main

from saidwhat.analysis.attribution import extract
from saidwhat.analysis.attribution.features import DocView, sequence_features

HELD_BACK = [REPO / "tests" / "data" / f"actor-identity-{name}" for name in ("train3", "train9", "train12")]
BAGS = 4


def held_back_ids() -> list[str]:
    ids: set[str] = set()
    for gold in HELD_BACK:
        with (gold / "sources.jsonl").open(encoding="utf-8") as fh:
            ids.update(json.loads(line)["id"] for line in fh if line.strip())
    return sorted(ids)


def write_bags(split: Path, out: Path) -> None:
    """gB: the held-back articles; gK: those and every BAGS-th other train article from the K-th."""
    held = held_back_ids()
    rest = sorted(p.stem for p in (split / "text").glob("*.txt") if p.stem not in set(held))
    sets = {"gB": held, **{f"g{k}": held + rest[k::BAGS] for k in range(BAGS)}}
    for name, ids in sets.items():
        (out / name).mkdir(parents=True, exist_ok=True)
        (out / name / "sources.jsonl").write_text("".join(json.dumps({"id": a}) + "\n" for a in sorted(ids)),
                                                 encoding="utf-8")
        print(f"{out / name}: {len(ids)} articles held out")


class Ensemble:
    """Taggers with their cue lexicons; ``tag_doc`` replaces ``extract.tag_doc`` for several."""

    def __init__(self, folders: list[Path]) -> None:
        self.members = []
        for folder in folders:
            tagger = pycrfsuite.Tagger()
            tagger.open(str(folder / "attribution.crfsuite"))
            self.members.append((tagger, extract.load_lexicon(str(folder / "cue_lexicon.json"))))

    def tag_doc(self, v: DocView, _tagger: Any) -> tuple[dict[int, str], dict[int, float]]:
        views = [(tagger, sequence_features(DocView.build(v.doc, lex))) for tagger, lex in self.members]
        names = self.members[0][0].labels()
        labels: dict[int, str] = {}
        probs: dict[int, float] = {}
        for s, seq in enumerate(v.sequences):
            total = [dict.fromkeys(names, 0.0) for _ in seq]
            for tagger, feats in views:
                tagger.set(feats[s])
                tagger.tag()
                for k, cell in enumerate(total):
                    for y in names:
                        cell[y] += tagger.marginal(y, k)
            previous = "O"
            for i, cell in zip(seq, total, strict=True):
                y = max(cell, key=lambda name: cell[name])
                if y.startswith("I-") and previous[2:] != y[2:]:
                    y = "B-" + y[2:]
                labels[i], previous = y, y
                if y != "O":
                    probs[i] = cell[y] / len(self.members)
        return labels, probs


@contextlib.contextmanager
def using(folders: list[Path]) -> Any:
    saved = extract.MODEL_PATH, extract.LEXICON_PATH, extract.tag_doc
    extract.MODEL_PATH = folders[0] / "attribution.crfsuite"
    extract.LEXICON_PATH = folders[0] / "cue_lexicon.json"
    if len(folders) > 1:
        extract.tag_doc = Ensemble(folders).tag_doc  # type: ignore[assignment]
    try:
        yield
    finally:
        extract.MODEL_PATH, extract.LEXICON_PATH, extract.tag_doc = saved


def score(shared: Path, folders: list[Path]) -> None:
    split = shared / "data" / "polnear" / "train"
    ids = held_back_ids()
    with using(folders):
        arts = analyse(split, read_metadata(split.parent / "metadata.tsv"), ids)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        gold = root / "gold"
        (gold / "text").mkdir(parents=True)
        (gold / "attributions").mkdir()
        for aid in ids:
            (gold / "text" / f"{aid}.txt").symlink_to(split / "text" / f"{aid}.txt")
            for ann in (split / "attributions").glob(f"{aid}_*.ann"):
                (gold / "attributions" / ann.name).symlink_to(ann)
        pred = root / "pred.jsonl"
        pred.write_text("".join(json.dumps({"id": Path(a.source or "").stem, "attributions": [
            {"content": q.content, "source": q.speaker.mention, "cue": q.cue} for q in a.quotes]}) + "\n"
            for a in arts), encoding="utf-8")
        scorer = load_scorer(shared)
        result = scorer.score(scorer.load_gold(str(gold)), scorer.load_predictions(str(pred)))
        content, wsw, src = result["content"], result["who_said_what"], result["source_accuracy"]
        print(f"{len(ids)} articles: content F1 {content['f1']:.3f} (P {content['p']:.3f} "
              f"R {content['r']:.3f}), who-said-what F1 {wsw['f1']:.3f}, source accuracy {src['acc']:.3f}")
        cache = root / "analyses.jsonl"
        cache.write_text("".join(a.model_dump_json() + "\n" for a in arts), encoding="utf-8")
        for gold_dir in HELD_BACK:
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                identity_main(["--shared", str(shared), "--split", "train", "--gold", str(gold_dir),
                               "--gold-articles", "--analyses", str(cache), "--json"])
            r = json.loads(out.getvalue())
            b = r["bcubed"]
            print(f"  {gold_dir.name}: {r['matched']} matched, B-cubed P {b['p']:.3f} R {b['r']:.3f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["bags", "score"])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, help="bags: the folder for gB, g0 … g3")
    ap.add_argument("--models",
                    help="score: model folders (attribution.crfsuite + cue_lexicon.json), comma-separated")
    args = ap.parse_args(argv)
    if args.what == "bags":
        if args.out is None:
            ap.error("bags needs --out")
        write_bags(args.shared / "data" / "polnear" / "train", args.out)
    else:
        if not args.models:
            ap.error("score needs --models")
        score(args.shared, [Path(m) for m in args.models.split(",")])


if __name__ == "__main__":
    sys.exit(main())
