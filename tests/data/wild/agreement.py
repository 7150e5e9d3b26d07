#!/usr/bin/env python3
"""Inter-annotator agreement on the doubly annotated pages (``second/`` against ``pages/``).

    python3 tests/data/wild/agreement.py                     # this set
    python3 tests/data/wild/agreement.py tests/data/wild-fresh   # another set laid out alike

Matching follows ../shared/eval/score_wild.py: attributions match one to one, best pairs first,
when the word-set Jaccard of their contents is >= 0.5; speakers agree when the names are equal
after normalising case, punctuation and articles, or one ends with the other (>= 2 words), or
either's name is among the other's aliases. Reported: F1 of speech attributions (one annotator
as reference; F1 is symmetric), speaker agreement on matched pairs, agreement of `type` and
`kind` on matched pairs, and actor F1 by name.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def words(parts: list[str]) -> set[str]:
    return {w.lower().replace("’", "'") for p in parts for w in WORD.findall(p)}


def norm(name: str) -> str:
    s = re.sub(r"'s\b", "", name.lower().replace("’", "'"))
    s = re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", s)).strip()
    return re.sub(r"^(the|a|an)\s+", "", s)


def same(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short.split()) >= 2 and long_.endswith(" " + short))


def names(item: dict, key: str = "speaker", aliases: str = "speaker_aliases") -> list[str]:
    return [item[key], *item.get(aliases, [])]


def agree_names(x: list[str], y: list[str]) -> bool:
    return same(x[0], y[0]) or any(same(x[0], n) for n in y[1:]) or any(same(y[0], n) for n in x[1:])


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            gw, pw = words(g["content"]), words(p["content"])
            jac = len(gw & pw) / len(gw | pw) if gw | pw else 0.0
            if jac >= 0.5:
                pairs.append((jac, i, j))
    used_g, used_p, out = set(), set(), []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i), used_p.add(j)
            out.append((gold[i], pred[j]))
    return out


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    tot = {"a": 0, "b": 0, "matched": 0, "speaker": 0, "type": 0, "kind": 0, "act_a": 0, "act_b": 0,
           "act_m": 0}
    for second in sorted((root / "second").glob("*.json")):
        b = json.loads(second.read_text(encoding="utf-8"))
        a = json.loads((root / "pages" / second.name).read_text(encoding="utf-8"))
        sa = [x for x in a["attributions"] if x["type"] == "speech"]
        sb = [x for x in b["attributions"] if x["type"] == "speech"]
        pairs = match(sa, sb)
        tot["a"] += len(sa)
        tot["b"] += len(sb)
        tot["matched"] += len(pairs)
        tot["speaker"] += sum(agree_names(names(x), names(y)) for x, y in pairs)
        tot["kind"] += sum(x["kind"] == y["kind"] for x, y in pairs)
        all_pairs = match(a["attributions"], b["attributions"])
        tot["type"] += sum(x["type"] == y["type"] for x, y in all_pairs)
        tot.setdefault("type_n", 0)
        tot["type_n"] += len(all_pairs)
        aa = [names(x, "name", "aliases") for x in a["actors"]]
        ab = [names(x, "name", "aliases") for x in b["actors"]]
        tot["act_a"] += len(aa)
        tot["act_b"] += len(ab)
        tot["act_m"] += sum(any(agree_names(x, y) for y in ab) for x in aa)
        print(f"{second.stem}: speech {len(sa)}/{len(sb)} matched {len(pairs)}")
    p, r = tot["matched"] / tot["b"], tot["matched"] / tot["a"]
    print(f"pages {len(list((root / 'second').glob('*.json')))}")
    print(f"speech attribution F1   {2 * p * r / (p + r):.3f}  (A {tot['a']}, B {tot['b']}, "
          f"matched {tot['matched']})")
    print(f"speaker agreement       {tot['speaker'] / tot['matched']:.3f}")
    print(f"kind agreement          {tot['kind'] / tot['matched']:.3f}")
    print(f"type agreement          {tot['type'] / tot['type_n']:.3f}  "
          f"(over {tot['type_n']} matched attributions)")
    ap, ar = tot["act_m"] / tot["act_b"], tot["act_m"] / tot["act_a"]
    print(f"actor F1 (approx.)      {2 * ap * ar / (ap + ar):.3f}  (A {tot['act_a']}, B {tot['act_b']})")


if __name__ == "__main__":
    main()
