"""Actor stance toward a page's main target on the 26 hand-labelled pages (tests/data/stance/pages.jsonl).

    .venv/bin/python benchmarks/stance_pages.py [--shared ../shared] [-v]

Each page's labelled text (title, blank line, the benchmark's article body) is analysed with
its target given as the labelled alias found most often in the text, as a user would type it
(the labelled target names are descriptions such as "the impeachment inquiry into President
Trump"). A labelled actor
is found among the predicted actors by a shared name word (of four letters or more); its
predicted label is its actor stance, "none" when it has none. These pages were used neither to
write the rules nor to train the layer (they are held out entirely).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from saidwhat.analysis import analyze_text
from saidwhat.schema import Actor, AnalyzedArticle

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

from stance_data import DATA, PAGES, load_jsonl, page_text  # type: ignore[import-not-found]  # noqa: E402

_WORD = re.compile(r"[A-Za-z]{4,}")
_COMMON = {"the", "of", "and", "news", "poll", "respondents", "author", "opinion", "writer", "people"}


def _words(name: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(name)} - _COMMON


def find_actor(a: AnalyzedArticle, name: str) -> Actor | None:
    want = _words(name)
    def overlap(x: Actor) -> int:
        return len(want & (_words(x.name) | {w for al in x.aliases for w in _words(al)}))

    best = max(a.actors, key=overlap, default=None)
    return best if best is not None and overlap(best) else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    confusion: Counter[tuple[str, str]] = Counter()
    authors = Counter[str]()
    for rec in load_jsonl(DATA / PAGES):
        text = page_text(args.shared, rec["page"], rec["title"])
        assert text is not None
        alias = max((x for x in rec["target_aliases"] if x in text), key=lambda x: (text.count(x), -len(x)))
        a = analyze_text(text, targets=[alias])
        target = a.targets[0]
        for st in rec["stances"]:
            actor = find_actor(a, st["actor"])
            if st["role"] == "author":
                authors["found" if actor is not None and actor.id in target.authors else "missed"] += 1
                continue
            pred = "none"
            if actor is not None and alias in actor.stance:
                pred = actor.stance[alias].label
            elif actor is None:
                pred = "no actor"
            confusion[(st["stance"], pred)] += 1
            if args.verbose:
                print(f"{rec['page'][:12]} {alias!r:30} {st['actor'][:30]!r:32} "
                      f"gold {st['stance']:8} pred {pred}")
        authors["predicted, not labelled"] += sum(
            1 for i in target.authors if not any(
                st["role"] == "author" and find_actor(a, st["actor"]) is a.actor(i) for st in rec["stances"]))
    golds = ("support", "oppose", "neutral")
    preds = ("support", "oppose", "neutral", "none", "no actor")
    print("gold \\ predicted | " + " | ".join(preds))
    for g in golds:
        print(f"{g} | " + " | ".join(str(confusion[(g, p)]) for p in preds))
    polar = sum(confusion[(g, g)] for g in ("support", "oppose"))
    n_polar = sum(confusion[(g, p)] for g in ("support", "oppose") for p in preds)
    wrong_side = confusion[("support", "oppose")] + confusion[("oppose", "support")]
    print(f"polar reactors right {polar}/{n_polar}; on the wrong side {wrong_side}; authors {dict(authors)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
