"""Reliability of the quote confidence on annotated pages: bins, share usable, calibration error.

    .venv/bin/python benchmarks/confidence_table.py ../shared/data/wild/dev

Runs ``saidwhat analyze --min-confidence 0`` over the pages' HTML (as benchmarks/wild.py does),
judges every quote as ../shared/eval/score_wild.py does (usable / not; quotes matching a gold
belief or sourceless attribution are left out) and prints a markdown reliability table.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wild import HTML_DIR, SAIDWHAT, SCORER, _html_of  # noqa: E402


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score_wild", SCORER)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def judged(gold_dir: Path) -> list[tuple[float, int]]:
    """(confidence, usable) for every non-neutral predicted quote."""
    sw = _scorer()
    out: list[tuple[float, int]] = []
    with tempfile.TemporaryDirectory(prefix="saidwhat-conf-") as tmp:
        pages = []
        for f in sorted(gold_dir.glob("*.json")):
            found = _html_of(json.loads(f.read_text(encoding="utf-8")), f, HTML_DIR)
            if found is not None:
                (Path(tmp) / found[0]).write_bytes(found[1])
                pages.append(str(Path(tmp) / found[0]))
        pred = Path(tmp) / "pred.jsonl"
        subprocess.run([str(SAIDWHAT), "analyze", *pages, "--format", "jsonl", "-o", str(pred),
                        "--keep-going", "--min-confidence", "0"], check=False, stdout=subprocess.DEVNULL)
        preds = sw.load_pred(str(pred))
    for key, g in sw.load_gold(str(gold_dir)).items():
        o = preds.get(key)
        if o is None:
            continue
        details: list[dict[str, Any]] = []
        sw.score_page(g, o, details)
        verdicts = {d["pred"]: d["verdict"] for d in details if "verdict" in d}
        for q in sw.pred_quotes(o):
            v = verdicts.get(q["content"][:160])
            if v is not None and q["confidence"] is not None:
                out.append((float(q["confidence"]), int(v == "usable")))
    return out


def table(rows: list[tuple[float, int]], bins: int = 5) -> str:
    lines = ["| confidence | quotes | mean confidence | usable |", "|---|---|---|---|"]
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        sel = [(p, u) for p, u in rows if lo <= p < hi or (b == bins - 1 and p >= 1.0)]
        if not sel:
            continue
        conf = sum(p for p, _ in sel) / len(sel)
        acc = sum(u for _, u in sel) / len(sel)
        ece += len(sel) / len(rows) * abs(conf - acc)
        lines.append(f"| {lo:.1f}–{hi:.1f} | {len(sel)} | {conf:.2f} | {acc:.2f} |")
    ece_line = f"Expected calibration error (ECE, {bins} bins): **{ece:.3f}** on {len(rows)} quotes."
    return "\n".join(lines) + "\n\n" + ece_line


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold_dir", type=Path)
    a = ap.parse_args()
    print(table(judged(a.gold_dir)))


if __name__ == "__main__":
    main()
