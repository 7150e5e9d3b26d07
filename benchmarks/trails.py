"""Quote trails against a hand-made gold: pairwise precision and recall of trail membership.

The gold (``benchmarks/data/trails-polnear-dev.json``) groups PolNeAR dev's gold direct
attributions (content with a quotation mark, 3+ quoted words) into trails by hand; every other one
is a trail of its own. Each gold attribution is matched to a stored quote of its article, one to
one, best first, in one of two ways:

    quoted    (the headline) the stored quote covers at least half of the gold's quoted characters:
              a trail is about the quoted words, not about how far a span reaches into the
              reporting sentence ("the matter, treating ... as a compliment -- ''That makes me
              smart''" is that quote)
    scorer    content characters, Jaccard >= 0.5, as the shared attribution scorer matches

A pair of gold attributions *from two different articles* is predicted together when their stored
quotes share a trail (a trail is about one utterance across articles; repeats inside one article
are not in the gold):

    precision = predicted pairs that are gold pairs / predicted pairs
    recall    = gold pairs predicted / gold pairs        (a gold attribution the analysis did not
                                                          find as a quote loses its pairs)

The relation of each gold trail member to its first sighting (first / same / excerpt / extended /
altered) is compared with the hand label, to show how altered variants are found.

    .venv/bin/saidwhat ingest ../shared/data/polnear/dev/text --db dev.sqlite \
        --metadata ../shared/data/polnear/metadata.tsv --workers 2
    .venv/bin/python benchmarks/trails.py --db dev.sqlite --split ../shared/data/polnear/dev \
        --gold benchmarks/data/trails-polnear-dev.json [--min-precision P] [--min-recall R]
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from saidwhat.evaluate.polnear import load_split
from saidwhat.schema import Span
from saidwhat.store import Store, open_store
from saidwhat.store.utterance import utterance

_DIRECT = re.compile(r"[\"“”„‟«»]|''|``")
_QUOTED = re.compile(r"[“\"«„]([^”\"»“]*)[”\"»“]?|(?:''|``)(.*?)(?:''|$)", re.S)
_SKIP = set(" \t\r\n\"“”„‟«»")
MATCH_AT = 0.5

Item = tuple[str, int]  # (article id, first character of the gold content)


def _chars(text: str, spans: list[Span]) -> set[int]:
    return {i for s, e in spans for i in range(s, e) if text[i] not in _SKIP}


def gold_items(split: str, min_words: int) -> dict[Item, tuple[str, list[Span]]]:
    """The gold direct attributions with ``min_words`` quoted words: item → (file text, spans)."""
    out: dict[Item, tuple[str, list[Span]]] = {}
    for aid, text, atts in load_split(split):
        for att in atts:
            content = " ".join(text[s:e] for s, e in att.content)
            if _DIRECT.search(content) and len(utterance(content, "direct")) >= min_words:
                out[(aid, att.content[0][0])] = (text, att.content)
    return out


def _translate(raw: str, spans: list[Span], stored: str) -> list[Span]:
    """The gold spans (offsets in the file) in the stored clean text (title line and spacing
    differ), found by their text in order; a span not found is dropped."""
    out: list[Span] = []
    cursor = 0
    for s, e in spans:
        segment = raw[s:e]
        at = stored.find(segment, cursor)
        if at < 0:
            at = stored.find(segment)
        if at >= 0:
            out.append((at, at + len(segment)))
            cursor = at + len(segment)
    return out


def _stored(store: Store) -> dict[str, tuple[int, str, list[tuple[str, set[int]]]]]:
    """Stored articles by file stem: (article id, clean text, [(quote id, content chars)]). A file
    stored as an exact copy of another (a sighting of it) is that article: its quotes are the
    stored article's, seen at the copy's outlet and date (``Store.trail`` lists them)."""
    out = {}
    for article_id, a in store.iter_articles():
        quotes = [(q.id, _chars(a.text, list(q.content))) for q in a.quotes]
        out[Path(a.source or "").stem] = (article_id, a.text, quotes)
        for copy in store.copies(article_id):
            if copy.kind == "exact" and copy.article_id == article_id and copy.source:
                out[Path(copy.source).stem] = (article_id, a.text, quotes)
    return out


def _quoted_chars(text: str, spans: list[Span]) -> set[int]:
    """The characters of the spans that lie inside quotation marks (all of them when none)."""
    inside: set[int] = set()
    for s, e in spans:
        for m in _QUOTED.finditer(text, s, e):
            group = 1 if m.group(1) is not None else 2
            inside |= set(range(m.start(group), m.end(group)))
    chars = _chars(text, spans)
    return (chars & inside) or chars


def match(items: dict[Item, tuple[str, list[Span]]], store: Store, how: str) -> dict[Item, tuple[int, str]]:
    """Each gold item's stored quote (article id, quote id), one to one per article, best first:
    ``how`` is "quoted" (coverage of the gold's quoted characters) or "scorer" (Jaccard)."""
    stored = _stored(store)
    by_article: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_article[item[0]].append(item)
    out: dict[Item, tuple[int, str]] = {}
    for aid, its in by_article.items():
        if aid not in stored:
            continue
        article_id, text, quotes = stored[aid]
        select = _quoted_chars if how == "quoted" else _chars
        gold = {item: select(text, _translate(items[item][0], items[item][1], text)) for item in its}
        scored = sorted(((len(g & q) / (len(g) if how == "quoted" else len(g | q)), item, qid)
                         for item in its for qid, q in quotes if (g := gold[item]) and q and g & q),
                        reverse=True)
        used: set[str] = set()
        for score, item, qid in scored:
            if score >= MATCH_AT and item not in out and qid not in used:
                out[item] = (article_id, qid)
                used.add(qid)
    return out


def _pairs(groups: list[set[Item]]) -> set[frozenset[Item]]:
    """Pairs of members of one group from two different articles."""
    return {frozenset(p) for g in groups for p in itertools.combinations(sorted(g), 2) if p[0][0] != p[1][0]}


def evaluate(store: Store, split: str, gold: dict[str, Any], how: str = "quoted") -> dict[str, Any]:
    items = gold_items(split, int(gold["min_quoted_words"]))
    gold_groups = [{(m["article"], int(m["content_start"])) for m in t["members"]} for t in gold["trails"]]
    missing = [i for g in gold_groups for i in g if i not in items]
    if missing:
        raise SystemExit(f"trails: gold members not among the split's direct attributions: {missing}")
    matched = match(items, store, how)
    trail_of = {item: store.trail_of(*ref) for item, ref in matched.items()}
    predicted: dict[int, set[Item]] = defaultdict(set)
    for item, tid in trail_of.items():
        if tid is not None:
            predicted[tid].add(item)
    gold_pairs, pred_pairs = _pairs(gold_groups), _pairs(list(predicted.values()))
    hit = gold_pairs & pred_pairs
    both_matched = {p for p in gold_pairs if all(i in matched for i in p)}
    return {
        "matching": how, "gold_direct_attributions": len(items), "matched_to_stored_quotes": len(matched),
        "gold_trails": len(gold_groups), "gold_pairs": len(gold_pairs), "predicted_pairs": len(pred_pairs),
        "correct_pairs": len(hit),
        "precision": round(len(hit) / len(pred_pairs), 4) if pred_pairs else 0.0,
        "recall": round(len(hit) / len(gold_pairs), 4) if gold_pairs else 0.0,
        "recall_given_extraction":
            round(len(hit & both_matched) / len(both_matched), 4) if both_matched else 0.0,
        "wrong_pairs": [sorted(p) for p in sorted(pred_pairs - gold_pairs, key=sorted)],
        "missed_pairs": [sorted(p) for p in sorted(gold_pairs - pred_pairs, key=sorted)],
        "relations": _relations(store, gold, matched, trail_of),
    }


def _relations(store: Store, gold: dict[str, Any], matched: dict[Item, tuple[int, str]],
               trail_of: dict[Item, int | None]) -> list[dict[str, Any]]:
    """Hand label against the system's relation for each gold trail member found."""
    rows = []
    for t in gold["trails"]:
        for m in t["members"]:
            item = (m["article"], int(m["content_start"]))
            tid = trail_of.get(item)
            found = None
            if tid is not None:
                trail = store.trail(tid)
                ref = matched[item]
                copy = m["article"] in {Path(c.source or "").stem for c in store.copies(ref[0])
                                        if c.kind == "exact" and c.article_id == ref[0]}
                found = next((s.relation for s in (trail.sightings if trail else [])
                              if (s.quote.article_id, s.quote.quote_id) == ref
                              and (s.copy_of is not None) == copy), None)
            rows.append({"article": m["article"], "gold": m["relation"], "found": found})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="a store holding the split's texts (saidwhat ingest)")
    parser.add_argument("--split", required=True, help="the PolNeAR split folder (text/, attributions/)")
    parser.add_argument("--gold", required=True, help="the gold trails (JSON)")
    parser.add_argument("--min-precision", type=float, default=None)
    parser.add_argument("--min-recall", type=float, default=None)
    args = parser.parse_args()
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    with open_store(args.db, create=False) as store:
        result = evaluate(store, args.split, gold, "quoted")
        by_scorer = evaluate(store, args.split, gold, "scorer")
    result["with_scorer_matching"] = {k: by_scorer[k] for k in (
        "matched_to_stored_quotes", "predicted_pairs", "correct_pairs", "precision", "recall",
        "recall_given_extraction")}
    print(json.dumps(result, indent=1))
    low = [(name, result[name], floor) for name, floor in (("precision", args.min_precision),
                                                             ("recall", args.min_recall))
           if floor is not None and result[name] < floor]
    for name, value, floor in low:
        print(f"trails: {name} {value} is below {floor}", file=sys.stderr)
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
