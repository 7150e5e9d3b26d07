"""Counts only: how many matched attributions sit in an actor whose majority is someone else, by
the size of that canonical actor and the kinds involved.

    .venv/bin/python benchmarks/identity_by_size.py [--split dev] [--gold tests/data/actor-identity] \
        [--gold-articles] [--analyses CACHE.jsonl]

Uses ``benchmarks/actor_identity.py`` (same analyses, cache, store and matching). An item is
*misplaced* when its gold identity is not the majority gold identity of its predicted canonical
actor; actors are sized by their matched items (10 or more: "large"; 3 to 9: "mid"). It prints
counts only, never an item, so it can be run on the held-back dev gold to see where precision goes
(docs/corpus.md, "Session 25") without reading dev's errors.

It also counts the identity step's losses by kind (docs/corpus.md, "Session 32"): the items whose
article actor's majority gold identity is not the majority of its canonical actor's article actors,
split by whether the article actor bears the canonical actor's name ("own name": an actor "X" of
the article whose quotes are mostly someone else's, or a namesake) or was joined under another.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from actor_identity import (  # noqa: E402
    REPO,
    Item,
    analyses,
    load_jsonl,
    load_scorer,
    majority_gold,
    match_items,
    predicted_speakers,
    store_all,
)

from saidwhat.schema import AnalyzedArticle  # noqa: E402
from saidwhat.store import open_store  # noqa: E402
from saidwhat.store.identity import slug  # noqa: E402
from saidwhat.store.speakers import detach_doubtful  # noqa: E402

LARGE, MID = 10, 3


def _size(n: int) -> str:
    return "large" if n >= LARGE else "mid" if n >= MID else "small"


Key = tuple[str, str, str, str]


def counts(args: argparse.Namespace) -> tuple[Counter[Key], Counter[Key], Counter[str]]:
    """(misplaced, all) matched items by (predicted kind, actor size, gold kind, how the matched
    quote names its source: ``actor_identity.source_form``), and the identity step's losses by kind
    (``step_kinds``)."""
    split = args.shared / "data" / "polnear" / args.split
    rows = load_jsonl(args.gold / "sources.jsonl")
    gold = {(r["id"], r["attribution"]): r["identity"] for r in rows}
    kinds = {(r["id"], r["attribution"]): r.get("kind", "?") for r in rows}
    ids = sorted({aid for aid, _ in gold}) if args.gold_articles else \
        sorted(p.stem for p in (split / "text").glob("*.txt"))
    arts = analyses(split, ids, args.analyses)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "identity.sqlite"))
        with store:
            stored = store_all(store, arts)
            local = [detach_doubtful(a) for a in arts]
            items = match_items(load_scorer(args.shared), split, local,
                                predicted_speakers(store, stored, arts), gold)
    members: dict[str, Counter[str]] = {}
    for i in items:
        members.setdefault(i.predicted, Counter())[i.gold] += 1
    wrong: Counter[Key] = Counter()
    total: Counter[Key] = Counter()
    for i in items:
        actor = members[i.predicted]
        key = (i.predicted.split(":")[0], _size(sum(actor.values())), str(kinds[(i.article, i.attribution)]),
               i.form)
        total[key] += 1
        wrong[key] += i.gold != actor.most_common(1)[0][0]
    return wrong, total, step_kinds(items, local)


def step_kinds(items: Sequence[Item], local: Sequence[AnalyzedArticle]) -> Counter[str]:
    """The identity step's losses (``actor_identity.decompositions``, "identity step alone"), by
    whether the article actor bears its canonical actor's name (the store's slug of its key)."""
    names = {f"{Path(art.source or '').stem}:{a.id}": a.name for art in local for a in art.actors}
    major = majority_gold(items)
    canonical: dict[str, Counter[str]] = {}
    for i in items:
        if not i.local.startswith("none:"):
            canonical.setdefault(i.predicted, Counter())[major[i.local]] += 1
    kinds: Counter[str] = Counter()
    for i in items:
        if i.local.startswith("none:") or major[i.local] == canonical[i.predicted].most_common(1)[0][0]:
            continue
        own = slug(names.get(i.local, "")) == i.predicted.split(":", 1)[1].split("@")[0]
        kinds["own name" if own else "other name"] += 1
    return kinds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--gold", type=Path, default=REPO / "tests" / "data" / "actor-identity")
    ap.add_argument("--gold-articles", action="store_true")
    ap.add_argument("--analyses", type=Path, help="cache of the analysed articles (JSON Lines)")
    wrong, total, steps = counts(ap.parse_args())
    print("predicted kind | actor size | gold kind | source named by | misplaced / matched")
    for key in sorted(total, key=lambda k: (-wrong[k], k)):
        print(" | ".join(key), "|", f"{wrong[key]} / {total[key]}")
    print(f"all | {sum(wrong.values())} / {sum(total.values())}")
    for size in ("large", "mid", "small"):
        for form in ("pronoun", "name", "description", "none"):
            w = sum(v for k, v in wrong.items() if k[1] == size and k[3] == form)
            t = sum(v for k, v in total.items() if k[1] == size and k[3] == form)
            if t:
                print(f"{size} actors, source named by {form} | {w} / {t}")
    print("identity step losses: article actor joined under its own name | under another name")
    print(f"{steps['own name']} | {steps['other name']} (of {sum(total.values())} matched)")


if __name__ == "__main__":
    main()
