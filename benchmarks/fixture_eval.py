"""Score one analysed article against a hand-made gold file like ../shared/fixtures/*/gold.json.

    python benchmarks/fixture_eval.py ../shared/fixtures/un-xinjiang-report [--input page.html|seed.txt]

Prints: gold paragraphs kept, clutter leaked, metadata checks, quotes found (character Jaccard
of content ≥ 0.5, one to one), quotes with the right speaker, merge groups, stances.
The same function backs the end-to-end tests, so the test and this report cannot disagree.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from saidwhat.schema import Actor, AnalyzedArticle

_EDGE = re.compile(r"^[\s“”\"'‘’.,;:]+|[\s“”\"'‘’.,;:]+$")


def _chars(text: str, start: int) -> set[int]:
    """Character positions of a span, without edge punctuation and quotation marks."""
    m_lead = re.match(r"[\s“”\"'‘’.,;:]*", text)
    lead = m_lead.end() if m_lead else 0
    core = _EDGE.sub("", text)
    return {start + lead + i for i, ch in enumerate(core) if not ch.isspace() and ch not in "“”\"'‘’"}


def _norm(name: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", name.strip().lower())


def actor_matches(actor: Actor | None, gold_name: str | None) -> bool:
    """Gold speaker null means an anonymous source; otherwise the actor's name or an alias matches."""
    if gold_name is None:
        return actor is not None and actor.kind == "anonymous"
    if actor is None:
        return False
    names = {_norm(actor.name), *(_norm(a) for a in actor.aliases)}
    g = _norm(gold_name)
    return g in names or any(g in n or (len(n) > 3 and n in g) for n in names)


def score(analyzed: AnalyzedArticle, gold: dict[str, Any]) -> dict[str, Any]:
    text = analyzed.text
    out: dict[str, Any] = {}
    paras = gold["clean_text"]["must_include_paragraphs"]
    out["paragraphs_kept"] = sum(p in text for p in paras)
    out["paragraphs_total"] = len(paras)
    out["clutter_leaked"] = [c for c in gold["clean_text"]["must_exclude"] if c in text]
    meta = gold.get("metadata", {})
    out["metadata"] = {k: (getattr(analyzed, k), v) for k, v in meta.items()}

    # Gold quotes located in the text by their exact strings.
    gold_quotes = []
    for q in gold["quotes"]:
        start = text.find(q["content"])
        if start < 0:
            gold_quotes.append((q, set()))
            continue
        gold_quotes.append((q, _chars(q["content"], start)))
    pred = []
    for q in analyzed.quotes:
        chars: set[int] = set()
        for s, e in q.content:
            chars |= _chars(text[s:e], s)
        pred.append((q, chars))
    pairs = []
    for gi, (_, gset) in enumerate(gold_quotes):
        for pi, (_, pset) in enumerate(pred):
            if gset and pset:
                j = len(gset & pset) / len(gset | pset)
                if j >= 0.5:
                    pairs.append((j, gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matches.append((gi, pi))
    details = []
    right = 0
    for gi, pi in matches:
        gq, pq = gold_quotes[gi][0], pred[pi][0]
        actor = analyzed.actor(pq.speaker.actor)
        ok = actor_matches(actor, gq["speaker"])
        right += ok
        details.append({"gold": gq["content"][:60], "speaker_gold": gq["speaker"],
                        "speaker_pred": actor.name if actor else None, "ok": ok})
    out["quotes_gold"] = len(gold_quotes)
    out["quotes_found"] = len(matches)
    out["quotes_right_speaker"] = right
    out["quotes_missed"] = [gold_quotes[g][0]["content"][:70] for g in range(len(gold_quotes))
                            if g not in used_g]
    out["quote_details"] = details
    out["merges"] = _merges(analyzed, gold)
    return out


def _merges(analyzed: AnalyzedArticle, gold: dict[str, Any]) -> list[dict[str, Any]]:
    """For each gold group of mentions of one entity: the actors they landed in (one, when merged)."""
    text = analyzed.text
    merges = []
    for group in gold.get("entities_to_merge", []):
        ids = set()
        for m in group["mentions"]:
            for a in analyzed.actors:
                if any(_norm(text[s:e]) == _norm(m) or _norm(m) in _norm(text[s:e]) for s, e in a.mentions):
                    ids.add(a.id)
        merges.append({"canonical": group["canonical"], "actors": sorted(ids), "merged": len(ids) == 1})
    return merges


def main(argv: list[str] | None = None) -> int:
    import saidwhat

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("fixture_dir", type=Path)
    ap.add_argument("--input", default="page.html", help="file in the fixture dir to analyse")
    ap.add_argument("--target", action="append", default=[])
    args = ap.parse_args(argv)
    gold = json.loads((args.fixture_dir / "gold.json").read_text(encoding="utf-8"))
    analyzed = saidwhat.analyze(str(args.fixture_dir / args.input), targets=args.target or None)
    report = score(analyzed, gold)
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
