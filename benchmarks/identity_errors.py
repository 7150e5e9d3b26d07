"""List the source mentions that get the wrong actor inside their article, by mention type.

    .venv/bin/python benchmarks/identity_errors.py --analyses out/train.jsonl \
        [--split train] [--gold tests/data/actor-identity-train] [--gold-articles] [--all]

Uses ``benchmarks/actor_identity.py`` (same analyses, cache and matching; no store is needed: the
article actors are scored as the store takes them, doubtful speakers kept apart). A matched gold
attribution is a *within-article error* when its speaker's article actor holds a majority of
another gold identity (the ceiling of ``actor_identity.py`` counts it as a false pair whatever the
cross-article step does). Each error is classed by the predicted speaker mention:

- ``span``: the predicted speaker mention does not overlap the gold source span (the attribution
  stage took other words as the source);
- ``pronoun``: the mention is a personal pronoun;
- ``description``: it starts with a lower-case word ("the former CEO", "a spokesman");
- ``name``: otherwise (a proper name);
- ``none``: the quote has no speaker mention.

With ``--all`` it also lists the quotes whose speaker actor is right, to read what a rule changes.
Development aid: run it on the train development gold only, never on the held-back dev gold.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from actor_identity import (  # noqa: E402
    REPO,
    analyses,
    first_ann,
    gold_contents,
    load_jsonl,
    load_scorer,
)

from saidwhat.analysis.actors import lexicon as lx  # noqa: E402
from saidwhat.schema import AnalyzedArticle, Quote  # noqa: E402
from saidwhat.store.speakers import detach_doubtful  # noqa: E402

_PRONOUNS = lx.MALE_PRONOUNS | lx.FEMALE_PRONOUNS | lx.ORG_PRONOUNS | lx.PLURAL_PRONOUNS | {
    "i", "we", "you", "who", "which", "that"}


def mention_class(text: str, overlaps_gold: bool) -> str:
    """The class of one predicted speaker mention (see the module docstring)."""
    if not text:
        return "none"
    if not overlaps_gold:
        return "span"
    if text.lower() in _PRONOUNS:
        return "pronoun"
    if text[:1].islower():
        return "description"
    return "name"


def _mention_text(a: AnalyzedArticle, q: Quote) -> tuple[str, list[tuple[int, int]]]:
    spans = [(s[0], s[1]) for s in q.speaker.mention]
    return " ".join(a.text[s:e] for s, e in spans), spans


def rows(args: argparse.Namespace) -> list[dict[str, object]]:
    split = args.shared / "data" / "polnear" / args.split
    scorer = load_scorer(args.shared)
    gold_rows = {(r["id"], r["attribution"]): r for r in load_jsonl(args.gold / "sources.jsonl")}
    ids = sorted({aid for aid, _ in gold_rows}) if args.gold_articles else \
        sorted(p.stem for p in (split / "text").glob("*.txt"))
    out: list[dict[str, object]] = []
    for art in (detach_doubtful(a) for a in analyses(split, ids, args.analyses)):
        aid = Path(art.source or "").stem
        contents = gold_contents(first_ann(split, aid))
        eids = [e for e in contents if (aid, e) in gold_rows]
        g_sets = [scorer.char_set(art.text, contents[e]) for e in eids]
        p_sets = [scorer.char_set(art.text, [list(s) for s in q.content]) for q in art.quotes]
        names = {x.id: f"{x.name} [{x.kind}]" for x in art.actors}
        for gi, pj in scorer.match(g_sets, p_sets).items():
            g, q = gold_rows[(aid, eids[gi])], art.quotes[pj]
            text, spans = _mention_text(art, q)
            gs, ge = g["source_start"], g["source_start"] + len(g["source"])
            overlaps = any(s < ge and gs < e for s, e in spans)
            out.append({"article": aid, "attribution": eids[gi], "gold": g["identity"], "source": g["source"],
                        "mention": text, "class": mention_class(text, overlaps),
                        "local": f"{aid}:{q.speaker.actor}" if q.speaker.actor else f"none:{aid}:{q.id}",
                        "actor": names.get(q.speaker.actor or "", "-"), "quote": q.text[:90]})
    return out


def mark_errors(items: list[dict[str, object]]) -> None:
    votes: dict[object, Counter[object]] = defaultdict(Counter)
    for i in items:
        votes[i["local"]][i["gold"]] += 1
    for i in items:
        top = min(votes[i["local"]].items(), key=lambda kv: (-kv[1], str(kv[0])))[0]
        i["majority"] = top
        i["error"] = not str(i["local"]).startswith("none:") and top != i["gold"]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--split", default="train")
    ap.add_argument("--gold", type=Path, default=REPO / "tests" / "data" / "actor-identity-train")
    ap.add_argument("--gold-articles", action="store_true")
    ap.add_argument("--analyses", type=Path, required=True,
                    help="cache of the analysed articles (JSON Lines)")
    ap.add_argument("--all", action="store_true", help="also list the right ones")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    items = rows(args)
    mark_errors(items)
    if args.json:
        print(json.dumps(items, indent=1))
        return
    errors = [i for i in items if i["error"]]
    print(f"{len(items)} matched, {len(errors)} within-article errors: "
          + ", ".join(f"{k} {v}" for k, v in Counter(str(i["class"]) for i in errors).most_common()))
    for cls in ("pronoun", "description", "name", "span", "none"):
        shown = [i for i in items if i["class"] == cls and (i["error"] or args.all)]
        if shown:
            print(f"\n== {cls} ({len(shown)})")
        for i in shown:
            flag = "WRONG" if i["error"] else "ok"
            print(f"{flag} {str(i['article'])[:40]} {i['attribution']}: gold {i['gold']!r} "
                  f"(source {i['source']!r})"
                  f"\n     mention {i['mention']!r} -> {i['actor']} (actor mostly {i['majority']!r})"
                  f"\n     quote {i['quote']!r}")


if __name__ == "__main__":
    main()
