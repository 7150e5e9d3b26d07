#!/usr/bin/env python
"""Check the attribution extractor on a hand-annotated fixture (gold.json next to seed.txt).

    .venv/bin/python scripts/check_fixture_quotes.py [../shared/fixtures/un-xinjiang-report]

A gold quote is found when a predicted quote's content overlaps it with character Jaccard >= 0.5
(white space and quotation marks ignored); its source is right when the predicted speaker
mention overlaps the gold mention. Exit 1 when fewer than --min-found quotes are found.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from saidwhat.analysis import analyze_text  # noqa: E402 - after the sys.path set-up

QUOTES = set('"\u201c\u201d\u201e\u201f\u00ab\u00bb')


def chars(text: str, spans: list[tuple[int, int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, e) if not (text[i].isspace() or text[i] in QUOTES)}


def locate(text: str, needle: str, near: int = 0, near_end: int = 0) -> tuple[int, int] | None:
    """The occurrence of ``needle`` closest to ``near`` (speaker mentions like 'he' recur)."""
    hits = []
    i = text.find(needle)
    while i >= 0:
        hits.append(i)
        i = text.find(needle, i + 1)
    if not hits:
        return None
    i = min(hits, key=lambda h: abs(h - near) if h < near else abs(h - near_end))
    return (i, i + len(needle))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("fixture", nargs="?",
                    default=str(REPO.parent / "shared" / "fixtures" / "un-xinjiang-report"))
    ap.add_argument("--min-found", type=int, default=12)
    args = ap.parse_args()
    fx = Path(args.fixture)
    with open(fx / "seed.txt", encoding="utf-8", newline="") as fh:
        text = fh.read()
    gold = json.loads((fx / "gold.json").read_text(encoding="utf-8"))["quotes"]
    art = analyze_text(text, source=str(fx / "seed.txt"))
    found = src_ok = 0
    for g in gold:
        content = locate(text, g["content"])
        if content is None:
            print(f"gold content not in text: {g['content'][:60]!r}")
            continue
        gset = chars(text, [content])
        best, bq = 0.0, None
        for q in art.quotes:
            pset = chars(text, [tuple(s) for s in q.content])
            jac = len(gset & pset) / len(gset | pset) if gset | pset else 0.0
            if jac > best:
                best, bq = jac, q
        ok = best >= 0.5
        found += ok
        mention = locate(text, g["speaker_mention"], content[0], content[1])
        s_ok = False
        if ok and bq is not None and mention is not None:
            s_ok = bool(chars(text, [mention]) & chars(text, [tuple(s) for s in bq.speaker.mention]))
        src_ok += s_ok
        pred_src = " | ".join(text[s:e] for s, e in bq.speaker.mention) if bq else ""
        print(f"{'FOUND' if ok else 'MISS '} {'src-ok ' if s_ok else 'src-bad'} J={best:.2f} "
              f"gold={g['speaker_mention']!r} pred={pred_src!r}  {g['content'][:50]!r}")
    print(f"found {found}/{len(gold)} gold quotes, source right for {src_ok}; {len(art.quotes)} predicted")
    return 0 if found >= args.min_found else 1


if __name__ == "__main__":
    sys.exit(main())
