"""Stance on PolNeAR-stance dev — measurement only: end-to-end, on gold attributions, ablations.

    .venv/bin/python benchmarks/stance.py [--shared ../shared] [--out PRED.jsonl] [--gold-attributions] \\
        [--ablate]

Dev labels are never trained or tuned on: the shipped layer is trained by
``scripts/train_stance.py`` on the project's own labels (``tests/data/stance``).

- default: every labelled dev article through ``analyze_text(text, targets=[...])`` (the real
  attribution extractor, actor resolver and stance), written as FORMAT.md lines with a
  ``stance`` per attribution, then scored by ``eval/score_stance.py`` (end-to-end macro-F1);
- ``--gold-attributions``: PolNeAR's gold content/cue/source spans instead of the extractor,
  so the stance component is measured alone (coverage 1.0);
- ``--ablate``: the same run with each stance part switched off (lexicon, cue, syntax, negation).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from saidwhat.analysis.actors import resolve_actors
from saidwhat.analysis.attribution import Attribution, find_attributions
from saidwhat.analysis.nlp import get_nlp
from saidwhat.analysis.stance.assign import assign_stances, attitudes_of
from saidwhat.analysis.stance.learned import default_config
from saidwhat.analysis.stance.score import StanceConfig
from saidwhat.schema import AnalyzedArticle, Quote, Speaker

TARGETS = ["Donald Trump", "Hillary Clinton"]
REPO = Path(__file__).resolve().parent.parent
_T = re.compile(r"^(T\d+)\t(\S+) ([\d; ]+)\t")
_E = re.compile(r"^(E\d+)\t(.*)$")


def load_scorer(shared: Path) -> ModuleType:
    sys.path.insert(0, str(shared / "eval"))
    spec = importlib.util.spec_from_file_location("score_stance", shared / "eval" / "score_stance.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_attributions(ann: Path) -> list[Attribution]:
    """PolNeAR brat E lines as Attribution records (Content, Content2, Cue, Source spans)."""
    return [a for _, a in gold_attributions_with_ids(ann)]


def gold_attributions_with_ids(ann: Path) -> list[tuple[str, Attribution]]:
    """(E id, Attribution) for every E line with a Content."""
    spans: dict[str, list[tuple[int, int]]] = {}
    out: list[tuple[str, Attribution]] = []
    lines = ann.read_text(encoding="utf-8").splitlines()
    for line in lines:
        m = _T.match(line)
        if m:
            spans[m.group(1)] = [(int(a), int(b)) for a, b in (p.split() for p in m.group(3).split(";"))]
    for line in lines:
        m = _E.match(line)
        if not m:
            continue
        roles: dict[str, list[tuple[int, int]]] = {}
        for arg in m.group(2).split():
            role, tid = arg.split(":")
            roles.setdefault(role.rstrip("0123456789"), []).extend(spans.get(tid, []))
        if roles.get("Content"):
            out.append(
                (
                    m.group(1),
                    Attribution(
                        content=roles["Content"],
                        cue=roles.get("Cue", []),
                        source=roles.get("Source", []),
                        kind="indirect",
                    ),
                )
            )
    return out


def analyse(
    text: str,
    atts: list[Attribution] | None,
    cfg: StanceConfig | None,
    collect: list[tuple[str, str, dict[str, float]]] | None = None,
) -> AnalyzedArticle:
    """The pipeline of ``analyze_article`` with a stance config and optional given attributions."""
    doc = get_nlp()(text)
    attributions = atts if atts is not None else find_attributions(doc, attitudes=True)
    res = resolve_actors(doc, attributions)
    quotes = [
        Quote(
            id=f"q{i + 1}",
            kind=a.kind,
            content=list(a.content),
            cue=list(a.cue),
            speaker=Speaker(mention=list(a.source), actor=res.speakers[i]),
        )
        for i, a in enumerate(attributions)
    ]
    analyzed = AnalyzedArticle(text=text, actors=res.actors, quotes=quotes)
    assign_stances(doc, analyzed, TARGETS, config=cfg, collect=collect, attitudes=attitudes_of(attributions))
    return analyzed


def predict(
    shared: Path, ids: list[str], cfg: StanceConfig | None, gold: bool, out: Path, mode: str = "w"
) -> None:
    dev = shared / "data" / "polnear" / "dev"
    with out.open(mode, encoding="utf-8") as fh:
        for aid in ids:
            text = (dev / "text" / f"{aid}.txt").read_text(encoding="utf-8")
            atts = None
            if gold:
                anns = sorted(p for p in (dev / "attributions").glob(f"{aid}_*.ann"))
                atts = gold_attributions(anns[0])
            a = analyse(text, atts, cfg)
            rows = [
                {
                    "content": q.content,
                    "cue": q.cue,
                    "source": q.speaker.mention,
                    "stance": {k: v.label for k, v in q.stance.items()},
                }
                for q in a.quotes
            ]
            fh.write(json.dumps({"id": aid, "attributions": rows}) + "\n")


def report(scorer: ModuleType, shared: Path, labels_path: Path, pred: Path, title: str) -> dict[str, Any]:
    labels = [json.loads(x) for x in labels_path.read_text(encoding="utf-8").splitlines() if x.strip()]
    r = scorer.score(str(shared / "data" / "polnear" / "dev"), labels, scorer.sa.load_predictions(str(pred)))
    e = r["end_to_end"]
    print(
        f"\n## {title}\ncoverage {r['coverage']:.3f}  end-to-end macro-F1 {e['macro_f1']:.3f} "
        f"(support {e['f1']['support']:.3f}, oppose {e['f1']['oppose']:.3f}, "
        f"neutral {e['f1']['neutral']:.3f})"
        f"  accuracy {e['accuracy']:.3f}  matched-only macro-F1 {r['matched']['macro_f1']:.3f}"
    )
    print("  gold \\ pred   support   oppose  neutral")
    for g in ("support", "oppose", "neutral"):
        print(f"  {g:<11}" + "".join(f"{e['confusion'][g][p]:>9}" for p in ("support", "oppose", "neutral")))
    out: dict[str, Any] = r
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=Path("stance-pred.jsonl"))
    ap.add_argument("--gold-attributions", action="store_true")
    ap.add_argument("--ablate", action="store_true")
    ap.add_argument("--rule", action="store_true", help="threshold rule only (no learned layer)")
    args = ap.parse_args(argv)
    labels_path = args.shared / "data" / "polnear-stance" / "dev.jsonl"
    ids = sorted(
        {json.loads(x)["id"] for x in labels_path.read_text(encoding="utf-8").splitlines() if x.strip()}
    )
    scorer = load_scorer(args.shared)
    full = StanceConfig() if args.rule else default_config()
    configs = [("full", full)]
    if args.ablate:
        configs += [
            ("no lexicon", StanceConfig(lexicon=False)),
            ("no cue polarity", StanceConfig(cue=False)),
            ("no syntax (any mention nearby)", StanceConfig(syntax=False)),
            ("no negation", StanceConfig(negation=False)),
        ]
    mode = "gold attributions" if args.gold_attributions else "extracted attributions"
    for name, cfg in configs:
        t0 = time.time()
        out = args.out if name == "full" else args.out.with_suffix(f".{name.split()[1]}.jsonl")
        predict(args.shared, ids, cfg, args.gold_attributions, out)
        report(scorer, args.shared, labels_path, out, f"{name} — {mode} ({time.time() - t0:.0f}s)")
        if name != "full":
            os.remove(out)


if __name__ == "__main__":
    main()
