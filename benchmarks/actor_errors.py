"""Count the false actors of a wild-dev run by error class, from `score_wild.py --details`.

    python3 ../shared/eval/score_wild.py ../shared/data/wild/dev RUN.jsonl --details DETAILS.json
    .venv/bin/python benchmarks/actor_errors.py DETAILS.json [--examples N]

The classes are read off the false actor's name and kind alone (no page text), first match wins,
so that two runs can be compared class by class (docs/actors-stance.md has the table).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter

from saidwhat.analysis.actors import lexicon as lx

_MALFORMED = re.compile(r"\s-\s|\n|[|_@=*]|\s(?:and|that|for)$|^[^A-Za-z]")
_MODEL = re.compile(r"\d|\+")


def error_class(name: str, kind: str) -> str:
    """The class of one false actor, from its name and kind."""
    words = [w.strip(".,’'").lower() for w in name.split()]
    if all(w in lx.ROLE_ACRONYMS or w in lx.TITLES or w in lx.ROLE_NOUNS for w in words if w):
        return "job title alone"
    if len(words) == 1 and words[0] in lx.THING_ACRONYMS:
        return "acronym of a thing"
    if _MALFORMED.search(name):
        return "malformed name"
    if _MODEL.search(name) or words[-1] in lx.PRODUCT_WORDS:
        return "product or model"
    if name.isupper() and len(name) > 3:
        return "heading or word in capitals"
    if name[:1].islower() or kind in ("group", "anonymous"):
        return "description or group"
    if kind == "person":
        return "other name typed as a person"
    return "other name (place, work, event, brand)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("details")
    ap.add_argument("--examples", type=int, default=0, help="print up to N names per class")
    a = ap.parse_args()
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    with open(a.details, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if "false_actor" not in d:
                continue
            cls = error_class(d["false_actor"], d.get("kind") or "")
            counts[cls] += 1
            examples.setdefault(cls, []).append(d["false_actor"])
    for cls, n in counts.most_common():
        print(f"{n:4d}  {cls}")
        if a.examples:
            print("      " + " | ".join(examples[cls][: a.examples]))
    print(f"{sum(counts.values()):4d}  total false actors")


if __name__ == "__main__":
    main()
