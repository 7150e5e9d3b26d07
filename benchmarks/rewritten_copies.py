"""Rewritten copies at corpus size: pairwise precision and recall of the store's copy links.

The test set: PolNeAR train's 840 texts and rewritten copies of them made by
``benchmarks/rewrite_copies.py`` (synonym swaps from a hand-written table, filler words,
reordered sentences, misspelt names, altered quotes, changed numbers, dropped and added lines; one
copy per original, two for every fourth: 1,050 copies at three strengths).

Gold pairs: an original and its copies, and two copies of one original, are copies of each
other. PolNeAR train itself holds re-publications of one story (the Washington Post's and the New
York Times' versions on consecutive days); the originals the near-duplicate rule of
``saidwhat.store.dedup`` links (7 pairs, all re-publications, see docs/corpus.md) are one group, and
their copies with them.

Predicted pairs: every document is stored, text only (no analysis), into a new store through
``Store.add_article``, as ingest stores it: in a seeded random order, so copies come before and
after their originals. Two documents are predicted copies when their articles are linked
(``copy_links``, any kind) or are the same article (an exact duplicate).

Held back: the originals are split in two halves by a hash of their names; thresholds are chosen
on half A (``--choose`` prints the grid on half A's pairs), and precision and recall are reported
on each half's pairs (pairs across halves count in "all" only).

    .venv/bin/python benchmarks/rewritten_copies.py ../shared/data/polnear/train/text \
        [--db store.sqlite] [--choose] [--min-precision 0.95 --min-recall 0.90]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parent))

from rewrite_copies import make_copies  # noqa: E402

from saidwhat.schema import AnalyzedArticle  # noqa: E402
from saidwhat.store import open_store  # noqa: E402
from saidwhat.store import rewrites as rw  # noqa: E402
from saidwhat.store import tables as t  # noqa: E402
from saidwhat.store.dedup import compare, fingerprint, shingles  # noqa: E402

Pair = tuple[str, str]


def _half(original: str) -> str:
    return "A" if hashlib.sha256(original.encode()).digest()[0] % 2 == 0 else "B"


class Groups:
    """Union-find over document names."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)

    def pairs(self) -> set[Pair]:
        members: dict[str, list[str]] = defaultdict(list)
        for x in self.parent:
            members[self.find(x)].append(x)
        return {(a, b) for m in members.values() for a, b in itertools.combinations(sorted(m), 2)}


def _republications(texts: dict[str, str]) -> list[Pair]:
    """Originals that ``dedup``'s near-duplicate rule links (candidates by shingle bands)."""
    sh = {name: shingles(text) for name, text in texts.items()}
    buckets: dict[tuple[int, int], list[str]] = defaultdict(list)
    for name, s in sh.items():
        for band in fingerprint(s).bands:
            buckets[band].append(name)
    candidates = {tuple(sorted(p)) for names in buckets.values() for p in itertools.combinations(names, 2)}
    return sorted((a, b) for a, b in candidates if compare(sh[a], sh[b])[0] is not None)


def _store_all(db: str, docs: list[tuple[str, str]]) -> tuple[dict[str, int], set[tuple[int, int]], dict[
        tuple[int, int], str], float]:
    """Store every document; (article of each document, linked article pairs, kind of each, seconds)."""
    article_of: dict[str, int] = {}
    start = time.perf_counter()
    with open_store(db) as store:
        for name, text in docs:
            doc = AnalyzedArticle(title=name, text=text, source=name, language="en")
            article_of[name] = store.add_article(doc).article_id
        elapsed = time.perf_counter() - start
        with store.engine.connect() as conn:
            links = conn.execute(select(t.copy_links.c.article_a, t.copy_links.c.article_b,
                                        t.copy_links.c.kind)).all()
    kinds = {(int(a), int(b)): str(k) for a, b, k in links}
    return article_of, set(kinds), kinds, elapsed


def _predicted(article_of: dict[str, int], linked: set[tuple[int, int]]) -> set[Pair]:
    docs_of: dict[int, list[str]] = defaultdict(list)
    for name, aid in article_of.items():
        docs_of[aid].append(name)
    out = {p for names in docs_of.values() for p in itertools.combinations(sorted(names), 2)}
    for a, b in linked:
        out |= {tuple(sorted((x, y))) for x in docs_of[a] for y in docs_of[b]}  # type: ignore[misc]
    return out


def _score(pred: set[Pair], gold: set[Pair], keep: set[str] | None) -> tuple[int, int, int, float, float]:
    if keep is not None:
        pred = {p for p in pred if p[0] in keep and p[1] in keep}
        gold = {p for p in gold if p[0] in keep and p[1] in keep}
    tp = len(pred & gold)
    return len(gold), len(pred), tp, tp / len(pred) if pred else 1.0, tp / len(gold) if gold else 1.0


def _choose(docs: dict[str, str], gold: set[Pair], half_a: set[str]) -> None:
    """The grid of thresholds on half A's documents (word-band candidates, pure functions)."""
    names = [n for n in docs if n in half_a]
    texts = {n: rw.Text.of(docs[n]) for n in names}
    buckets: dict[tuple[int, int], list[str]] = defaultdict(list)
    for n in names:
        for band in rw.word_bands(texts[n]):
            buckets[band].append(n)
    cands = {tuple(sorted(p)) for ns in buckets.values() for p in itertools.combinations(ns, 2)}
    gold_a = {p for p in gold if p[0] in half_a and p[1] in half_a}
    print(f"half A: {len(names)} documents, {len(cands)} word-band candidate pairs, {len(gold_a)} gold pairs")
    dices: dict[tuple[str, ...], tuple[int, list[float]]] = {}
    for a, b in cands:
        if rw._name_share(texts[a], texts[b]) < rw.NAME_SHARE:
            continue  # kept names are a gate of their own (NAME_SHARE), not part of the grid
        short, long = rw._ordered(texts[a], texts[b])
        dices[(a, b)] = (len(short.eligible()), [d for _, _, d in rw._alignment(short, long)])
    print("align_dice share  P      R")
    for align, share in itertools.product((0.4, 0.5, 0.6), (0.3, 0.4, 0.5, 0.6, 0.7)):
        pred: set[tuple[str, ...]] = set()
        for p, (n_sent, ds) in dices.items():
            aligned = sum(1 for d in ds if d >= align)
            if (n_sent >= rw.MIN_SENTENCES and aligned >= min(rw.MIN_ALIGNED, n_sent)
                    and aligned / n_sent >= share):
                pred.add(p)
        tp = len(pred & gold_a)
        print(f"{align:10.2f} {share:5.2f}  {tp / max(1, len(pred)):.4f} {tp / len(gold_a):.4f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--db", help="a new store to fill (default: a temporary SQLite file)")
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--choose", action="store_true", help="print the threshold grid on half A and stop")
    ap.add_argument("--min-precision", type=float, default=0.0)
    ap.add_argument("--min-recall", type=float, default=0.0)
    args = ap.parse_args()

    originals = sorted(args.folder.glob("*.txt"))
    texts = {p.name: p.read_text(encoding="utf-8") for p in originals}
    groups = Groups()
    strength_of: dict[str, str] = {}
    origin_of = {name: name for name in texts}
    docs = dict(texts)
    for original, name, strength, text in make_copies(originals, args.seed):
        docs[name] = text
        groups.union(name, original)
        strength_of[name] = strength
        origin_of[name] = original
    for name in texts:
        groups.find(name)
    republished = _republications(texts)
    for a, b in republished:
        groups.union(a, b)
    gold = groups.pairs()
    half_a = {n for n in docs if _half(origin_of[n]) == "A"}
    half_b = set(docs) - half_a
    print(f"{len(texts)} originals, {len(docs) - len(texts)} copies, {len(republished)} re-published "
          f"pairs among the originals; {len(gold)} gold pairs")
    if args.choose:
        _choose(docs, gold, half_a)
        return 0

    order = list(docs.items())
    random.Random(args.seed).shuffle(order)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "copies.sqlite")
        article_of, linked, kinds, elapsed = _store_all(db, order)
    pred = _predicted(article_of, linked)
    print(f"stored {len(order)} documents in {elapsed:.1f} s ({len(order) / elapsed:.1f} docs/s), "
          f"{len(linked)} copy links: " + ", ".join(
              f"{k} {sum(1 for v in kinds.values() if v == k)}" for k in ("exact", "near", "rewritten")))
    print("subset              gold   pred   tp     precision recall")
    ok = True
    for label, keep in (("all", None), ("half A (chosen on)", half_a), ("half B (held back)", half_b)):
        g, p, tp, prec, rec = _score(pred, gold, keep)
        print(f"{label:19} {g:6} {p:6} {tp:6} {prec:9.4f} {rec:.4f}")
        ok = ok and prec >= args.min_precision and rec >= args.min_recall
    baseline = _predicted(article_of, {k for k, v in kinds.items() if v != "rewritten"})
    g, p, tp, prec, rec = _score(baseline, gold, None)
    print(f"{'near/exact only':19} {g:6} {p:6} {tp:6} {prec:9.4f} {rec:.4f}   (without rewritten links)")
    for strength in ("light", "medium", "heavy"):
        pairs = {tuple(sorted((n, origin_of[n]))) for n, s in strength_of.items() if s == strength}
        found = len(pairs & pred)
        base = len(pairs & baseline)
        print(f"copy-original pairs, {strength:6}: {len(pairs):4}, found {found / len(pairs):.4f} "
              f"(near/exact only {base / len(pairs):.4f})")
    for a, b in sorted(pred - gold)[:10]:
        print("false", a, b)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
