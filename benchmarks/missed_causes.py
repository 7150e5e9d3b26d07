"""Why gold speech attributions are not found usable: each one classed by the stage that lost it.

    .venv/bin/python benchmarks/missed_causes.py tests/data/wild/pages --split train [--rows out/c.json]
    .venv/bin/python benchmarks/missed_causes.py tests/data/wild-fresh/pages

GOLD_DIR holds wild-format gold files (own pages only: never a shared dev set, never a held-back
set). Every page is analysed with ``saidwhat analyze --min-confidence 0``; a gold speech
attribution that is not usable at the default threshold (0.35) is classed, first match wins:

- wrong speaker: shown (>= 0.35), content matched, speaker wrong;
- hidden: matched only below 0.35 (speaker right, or "hidden, speaker also wrong");
- filtered: some attribution of the user profile's input matches it (word Jaccard >= 0.5, as
  score_wild.py matches) but a filter of ``profile.py`` dropped it ("filtered: <reason>") or typed
  it a belief;
- neighbour matched: the profile kept a matching attribution, but the scorer's one-to-one pairing
  gave it to another gold row (mostly the inner or outer half of a nested report);
- content span off: the best content of any stage matches at word Jaccard 0.2-0.5;
- never extracted: no stage has a content at Jaccard >= 0.2 ("not in text" when the gold words
  are not in the extracted article text at all).

The per-stage rerun uses the pipeline's own functions (``find_attributions`` with the user
profile's recall rules, ``syntax_reports``, ``signed_quotes``, ``layout_quotes``, ``profile.judge``).
"""

from __future__ import annotations

import argparse
import collections
import copy
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from wild import HTML_DIR, SAIDWHAT, SCORER, _html_of

from saidwhat.analysis.attribution import find_attributions
from saidwhat.analysis.attribution.interview import interview_quotes
from saidwhat.analysis.attribution.layout import layout_quotes
from saidwhat.analysis.attribution.profile import judge
from saidwhat.analysis.attribution.signed import signed_quotes
from saidwhat.analysis.attribution.spans import add_untagged_continuations, merge_continued_quotes
from saidwhat.analysis.attribution.syntax import syntax_reports
from saidwhat.analysis.nlp import get_nlp, text_of
from saidwhat.analysis.windows import pieces

THRESHOLD = 0.35  # analyze's default --min-confidence
SPAN_OFF = 0.2  # below this best Jaccard a gold row counts as never extracted


def _scorer() -> Any:
    sys.path.insert(0, str(SCORER.parent))
    import score_wild  # the shared scorer, found at run time

    return score_wild


def _matches(sw: Any, gold: dict[str, Any], pred: dict[str, Any] | None, th: float) -> dict[int, bool]:
    """Gold index -> speaker right, for the gold rows the scorer pairs with a quote >= ``th``."""
    quotes = [q for q in sw.pred_quotes(pred) if (q["confidence"] or 0) >= th] if pred else []
    gw = [sw.words(" ".join(a["content"])) for a in gold["attributions"]]
    pairs = sorted(((sw.jaccard(q["words"], w), i, j) for i, q in enumerate(quotes)
                    for j, w in enumerate(gw)), reverse=True)
    taken: set[int] = set()
    out: dict[int, bool] = {}
    for jac, i, j in pairs:
        if jac < 0.5:
            break
        if i in taken or j in out:
            continue
        taken.add(i)
        a = gold["attributions"][j]
        names = [a["speaker"] or ""] + [x for x in a.get("speaker_aliases", []) if sw.proper(x)]
        out[j] = any(sw.same_name(x, y) for x in quotes[i]["names"] for y in names)
    return out


def _stages(text: str) -> list[tuple[str, str | None]]:
    """(content words, drop reason or 'belief' or None) of every attribution the profile judges,
    plus the raw ones (reason 'raw')."""
    out: list[tuple[str, str | None]] = []
    for _, doc in pieces(get_nlp(), text):
        raw = syntax_reports(doc, find_attributions(doc, recover_contents=True))
        t = text_of(doc)
        out += [(" ".join(t[s:e] for s, e in a.content), "raw") for a in raw]
        marked = interview_quotes(doc, layout_quotes(doc, signed_quotes(doc, copy.deepcopy(raw))))
        merged = merge_continued_quotes(doc, marked)
        add_untagged_continuations(doc, merged)
        for a in merged:
            v = judge(doc, a)
            why = v.drop or ("belief" if v.type == "belief" else None)
            out.append((" ".join(t[s:e] for s, e in a.content), why))
    return out


def _cause(sw: Any, words: set[str], stages: list[tuple[str, str | None]], in_text: bool) -> str:
    scored = [(sw.jaccard(words, sw.words(c)), why) for c, why in stages]
    judged = [x for x in scored if x[1] != "raw"]
    best = max((j for j, _ in scored), default=0.0)
    hit = max(judged, default=(0.0, None), key=lambda x: x[0])
    if hit[0] >= 0.5 and hit[1] is not None:
        return "filtered: " + hit[1]
    if hit[0] >= 0.5:
        return "neighbour matched"
    if best >= SPAN_OFF:
        return "content span off"
    return "never extracted" + ("" if in_text else " (not in text)")


def classify(gold_dir: Path, pred_file: Path) -> list[dict[str, Any]]:
    sw = _scorer()
    golds, preds = sw.load_gold(str(gold_dir)), sw.load_pred(str(pred_file))
    rows: list[dict[str, Any]] = []
    for key, gold in golds.items():
        pred = preds.get(key)
        shown, anyconf = _matches(sw, gold, pred, THRESHOLD), _matches(sw, gold, pred, 0.0)
        todo = [j for j, a in enumerate(gold["attributions"]) if a["type"] == "speech" and not shown.get(j)]
        stages = _stages(pred["text"]) if todo and pred else []
        for j in todo:
            a = gold["attributions"][j]
            if j in shown:
                cause = "wrong speaker"
            elif j in anyconf:
                cause = "hidden" + ("" if anyconf[j] else ", speaker also wrong")
            else:
                in_text = bool(pred) and a["content"][0][:40] in pred["text"]
                cause = _cause(sw, sw.words(" ".join(a["content"])), stages, in_text)
            rows.append({"page": gold["id"], "gold": a["content"], "speaker": a["speaker"], "cause": cause})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--html", type=Path, default=HTML_DIR)
    ap.add_argument("--split", help="only the pages of this split of splits.json beside GOLD_DIR")
    ap.add_argument("--rows", type=Path, help="write every classed row here (JSON)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="saidwhat-causes-") as tmp:
        gold_dir = Path(tmp) / "gold"
        gold_dir.mkdir()
        ids = json.loads((a.gold_dir.parent / "splits.json").read_text())[a.split] if a.split else None
        pages = []
        for f in sorted(a.gold_dir.glob("*.json")):
            if ids is not None and f.stem not in ids:
                continue
            (gold_dir / f.name).write_bytes(f.read_bytes())
            found = _html_of(json.loads(f.read_text(encoding="utf-8")), f, a.html)
            if found is not None:
                (Path(tmp) / found[0]).write_bytes(found[1])
                pages.append(str(Path(tmp) / found[0]))
        pred = Path(tmp) / "pred.jsonl"
        subprocess.run([str(SAIDWHAT), "analyze", *pages, "--format", "jsonl", "-o", str(pred),
                        "--keep-going", "--min-confidence", "0"], check=False, stdout=subprocess.DEVNULL)
        rows = classify(gold_dir, pred)
    if a.rows:
        a.rows.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    for cause, n in collections.Counter(r["cause"] for r in rows).most_common():
        print(f"{n:5}  {cause}")
    print(f"{len(rows):5}  total not usable")


if __name__ == "__main__":
    main()
