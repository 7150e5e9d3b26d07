"""Speakers of made-up news snippets: how often a quote is given, confidently, to the wrong person.

The snippets (``benchmarks/data/speaker-probes/*.txt``, README there) were written by hand, each
with the speaker a careful reader gives every quote. Blocks are separated by a line ``====``; a
block is the snippet, a line ``---``, then one line per quote ``NEEDLE => SPEAKER`` (NEEDLE: words
inside the quote; SPEAKER: the name as first written, or ``-`` when the text does not say who).

Each expectation is matched to the analysed quote whose words hold its needle (the shortest, when
several do: "He said a militia commander had told him: “You will never see your village again.”"
holds the commander's words inside his own report) and judged:

    ok          the speaker actor is the one expected (its words are the expected name's or a part
                of them: "Trump" for "Donald Trump", or the state an office speaks for: "China" for
                "China's foreign ministry"); for "-", no actor or a description of its own
    wrong       another named actor: counted as *confident* at quote confidence >= 0.5 (what the
                CLI shows by default), else as shown-as-unsure
    unresolved  a description of its own ("the Spaniard") where the text says who
    none        no actor although the text says who
    missing     no quote holds the needle
    extra       quotes at confidence >= 0.5 that no expectation covers (not every one is an error:
                "welcomed the report" is a reaction the store keeps)

    .venv/bin/python benchmarks/speaker_probes.py [FILE ...] [--json] [--details]

With no FILE, every set in the data folder is scored, development and held-back apart.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "speaker-probes"
SHOWN = 0.5


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").lower().split())


def _described(name: str | None) -> bool:
    """An actor known by a description only ("the company", "a senior aide", "Her lawyer",
    "Jones's mother")."""
    if name is None:
        return False
    low = name.lower().replace("’", "'")
    return name[:1].islower() or low.startswith(_DESCRIBING) or "'s " in low


_DESCRIBING = ("the ", "a ", "an ", "one ", "her ", "his ", "its ", "their ")


def same_speaker(want: str, got: str | None) -> bool:
    """Whether the actor name ``got`` is the expected speaker ``want`` (see the module docstring)."""
    if want == "-":
        return got is None or _described(got)
    if got is None:
        return False
    w, g = _norm(want), _norm(got)
    ws, gs = set(w.split()), set(g.split())
    speaks_for = w.startswith(g + "'s ")  # "China" for "China's foreign ministry": the state it speaks for
    return w == g or ws <= gs or gs <= ws or (len(gs) == 1 and w.split()[-1] == g) or speaks_for


def read_blocks(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """(snippet, [(needle, speaker)]) of every block of a probe file."""
    out = []
    for block in path.read_text(encoding="utf-8").split("\n====\n"):
        text, sep, lines = block.partition("\n---\n")
        if not sep:
            continue
        wants = [tuple(x.strip() for x in line.split("=>", 1)) for line in lines.splitlines() if "=>" in line]
        out.append((text.strip(), [(n, s) for n, s in wants]))
    return out


def score_file(path: Path, details: bool = False) -> dict[str, Any]:
    from saidwhat.analysis import analyze_text

    counts: Counter[str] = Counter()
    shown: list[str] = []
    for i, (text, wants) in enumerate(read_blocks(path)):
        art = analyze_text(text)
        rows = []
        for q in art.quotes:
            actor = art.actor(q.speaker.actor) if q.speaker.actor else None
            rows.append((q.text, actor.name if actor else None, q.confidence or 0.0))
        used = set()
        for needle, want in wants:
            holding = [k for k, r in enumerate(rows) if _norm(needle) in _norm(r[0])]
            # the innermost quote: a report of a report holds the inner speaker's words too
            hit = min(holding, key=lambda k: len(rows[k][0])) if holding else None
            if hit is None:
                verdict = "missing"
            else:
                used.add(hit)
                got, conf = rows[hit][1], rows[hit][2]
                if same_speaker(want, got):
                    verdict = "ok"
                elif got is None:
                    verdict = "none"
                elif _described(got):
                    verdict = "unresolved"
                else:
                    verdict = "wrong_confident" if conf >= SHOWN else "wrong_unsure"
                    if details:
                        shown.append(f"{path.stem}[{i}] {needle!r}: want {want!r}, got {got!r} ({conf:.2f})")
            counts[verdict] += 1
        counts["extra"] += sum(1 for k, r in enumerate(rows) if k not in used and r[2] >= SHOWN)
    kinds = ("ok", "wrong_confident", "wrong_unsure", "unresolved", "none", "missing")
    n = sum(counts[k] for k in kinds)
    found = n - counts["missing"]
    return {"file": path.name, "expectations": n, **{k: counts[k] for k in (*kinds, "extra")},
            "confident_wrong_rate": round(counts["wrong_confident"] / found, 3) if found else 0.0,
            "details": shown}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--details", action="store_true", help="list every wrong speaker")
    args = ap.parse_args(argv)
    files = args.files or sorted(f for d in ("development", "heldout") for f in (DATA / d).glob("*.txt"))
    if not files:
        print(f"no probe files under {DATA}", file=sys.stderr)
        return 2
    results = [dict(score_file(f, args.details), set=f.parent.name) for f in files]
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    for r in results:
        print(f"{r['set']:>12} {r['file']:<16} {r['expectations']:>3} quotes: ok {r['ok']}, "
              f"wrong {r['wrong_confident']} confident + {r['wrong_unsure']} unsure, "
              f"unresolved {r['unresolved']}, none {r['none']}, "
              f"missing {r['missing']}, extra {r['extra']} "
              f"(confident-wrong rate {r['confident_wrong_rate']})")
        for line in r["details"]:
            print("    " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
