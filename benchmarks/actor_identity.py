"""Actor identity across articles, and speaker gender, on PolNeAR dev as a corpus.

    .venv/bin/python benchmarks/actor_identity.py [--shared ../shared] [--split dev]
        [--gold tests/data/actor-identity] [--gold-articles] [--analyses CACHE.jsonl] [--db URL] [--json]

The development golds over PolNeAR *train* articles (no gender labels): 34 articles
(``tests/data/actor-identity-train``) and two later batches drawn like dev (``-train2``, 32 articles;
``-train4``, 48), which shaped the identity rules; ``-train3`` (48 articles of the same draw) is held
back, aggregates only:

    .venv/bin/python benchmarks/actor_identity.py --split train --gold tests/data/actor-identity-train \
        --gold-articles

1. Every text of the split is analysed as plain text (offsets index the file), its outlet, date and
   title taken from the split's ``metadata.tsv`` (with ``--gold-articles``: only the articles the gold
   labels), and stored into a fresh store (``--db``, default a
   temporary SQLite file), which runs the store's identity step (``saidwhat.store.identity``).
   ``--analyses FILE`` keeps the analyses in a JSON Lines file and reuses them when it exists
   (delete it after changing the analysis; it may hold more articles than are scored, never
   fewer). ``--models FOLDS`` analyses each train article with a CRF that never saw it
   (``scripts/train_attribution_folds.py``), as dev and real pages are.
2. Each gold attribution of ``sources.jsonl`` is matched to the predicted quote of its article whose
   content matches, as the shared scorer matches (``../shared/eval/score_attributions.py``: greedy
   one-to-one by content char-set Jaccard >= 0.5). Its predicted identity is the canonical actor of
   that quote's speaker; a quote without a speaker actor is a cluster of its own.
3. Over the matched attributions: pairwise precision and recall of "same identity" (all pairs, and
   pairs from two different articles), and B-cubed precision and recall.
4. Where B-cubed precision is lost (``precision_loss``): the share in the largest predicted actors,
   and how many within-article errors have their speaker inside the gold attribution's content.
5. Gender: each gold person identity of ``genders.jsonl`` gets the gender of the canonical actor most
   of its matched attributions point at ("unknown" when none matched); accuracy and Cohen's kappa,
   split by the gold's evidence (text / knowledge / none) and by saidwhat's ``gender_source``.

The gold is measurement data: nothing in saidwhat is fitted on it.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import random
import re
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from saidwhat.analysis.attribution import extract
from saidwhat.analysis.pipeline import analyze_article, parse_many
from saidwhat.schema import AnalyzedArticle, Article, Quote
from saidwhat.store import Store, open_store
from saidwhat.store.speakers import detach_doubtful

REPO = Path(__file__).resolve().parent.parent
_T = re.compile(r"^(T\d+)\t\S+ (\d+ \d+(?:;\d+ \d+)*)\t")
_E = re.compile(r"^(E\d+)\t(.*)$")


@dataclass(frozen=True)
class Item:
    """One matched gold attribution: where it is, its gold identity, the predicted one."""

    article: str
    attribution: str
    gold: str
    predicted: str
    local: str  # the speaker's actor within its article (the analysis' output, as the store takes it)
    form: str = ""  # how the matched quote names its source (``source_form``)
    embedded: bool = False  # the predicted speaker's words lie inside the gold attribution's content


_PRONOUN_WORDS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its",
                            "their", "who", "which", "our"})
_DESCRIPTION_WORDS = frozenset(["the", "a", "an", "one", "two", "three", "some", "many", "several"])


def source_form(words: str) -> str:
    """"pronoun", "description", "name" or "none": how a quote's speaker mention names its source."""
    low = words.lower().split()
    if not low:
        return "none"
    if low[0] in _PRONOUN_WORDS:
        return "pronoun"
    return "description" if low[0] in _DESCRIPTION_WORDS else "name"


def load_scorer(shared: Path) -> ModuleType:
    path = shared / "eval" / "score_attributions.py"
    spec = importlib.util.spec_from_file_location("score_attributions", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: cannot load the scorer")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_contents(ann: Path) -> dict[str, list[list[int]]]:
    """E id -> content spans (Content and Content2...), as the shared scorer reads them."""
    spans: dict[str, list[list[int]]] = {}
    events: list[tuple[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        t, e = _T.match(line), _E.match(line)
        if t:
            spans[t.group(1)] = [[int(x) for x in p.split()] for p in t.group(2).split(";")]
        elif e:
            events.append((e.group(1), e.group(2)))
    out: dict[str, list[list[int]]] = {}
    for eid, args in events:
        content = [s for arg in args.split() if arg.split(":")[0].rstrip("0123456789") == "Content"
                   for s in spans[arg.split(":")[1]]]
        if content:
            out[eid] = content
    return out


def first_ann(split: Path, aid: str) -> Path:
    return min((split / "attributions").glob(f"{aid}_*.ann"))


def read_metadata(path: Path) -> dict[str, dict[str, str]]:
    """filename -> row of PolNeAR's metadata.tsv (publisher, publication_date, title, ...)."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["filename"]: row for row in csv.DictReader(fh, delimiter="\t")}


def fold_models(folder: Path | None) -> dict[str, Path]:
    """PolNeAR id -> the held-out attribution model folder that must analyse it
    (``scripts/train_attribution_folds.py``: ``fold*/ids.txt`` beside each model)."""
    if folder is None:
        return {}
    out: dict[str, Path] = {}
    for ids in sorted(folder.glob("fold*/ids.txt")):
        for aid in ids.read_text(encoding="utf-8").split():
            out[aid] = ids.parent
    if not out:
        raise SystemExit(f"{folder}: no fold*/ids.txt; make them with scripts/train_attribution_folds.py")
    return out


@contextmanager
def attribution_model(fold: Path | None) -> Iterator[None]:
    """Analyse with the fold's CRF and cue lexicon instead of the shipped ones (None: the shipped)."""
    saved = extract.MODEL_PATH, extract.LEXICON_PATH
    if fold is not None:
        extract.MODEL_PATH, extract.LEXICON_PATH = fold / "attribution.crfsuite", fold / "cue_lexicon.json"
    try:
        yield
    finally:
        extract.MODEL_PATH, extract.LEXICON_PATH = saved


def analyse(split: Path, meta: dict[str, dict[str, str]], ids: Sequence[str],
            models: dict[str, Path] | None = None) -> list[AnalyzedArticle]:
    texts = [(split / "text" / f"{aid}.txt").read_text(encoding="utf-8") for aid in ids]
    docs = parse_many(texts)
    out = []
    for aid, text, doc in zip(ids, texts, docs, strict=True):
        m = meta.get(aid, {})
        art = Article(text=text, source=f"polnear/{split.name}/{aid}.txt", outlet=m.get("publisher") or None,
                      published=m.get("publication_date") or None, title=m.get("title") or None)
        with attribution_model((models or {}).get(aid)):
            out.append(analyze_article(art, doc=doc))
    return out


def analyses(split: Path, ids: Sequence[str], cache: Path | None,
             models: dict[str, Path] | None = None) -> list[AnalyzedArticle]:
    """The analyses of ``ids``, in order: read from ``cache`` when it holds every one of them (it
    may hold more: a gold's articles are taken out of a whole split's), else made and written to
    ``cache`` when it does not exist. A cache that lacks some is an error, not overwritten: it may
    have been made by another model (``--models``) than the one that would fill the gap."""
    if cache is not None and cache.exists():
        got = {Path(a.source or "").stem: a for a in (AnalyzedArticle.model_validate_json(line)
                                                     for line in cache.read_text("utf-8").splitlines())}
        missing = [aid for aid in ids if aid not in got]
        if missing:
            raise SystemExit(f"{cache}: holds {len(ids) - len(missing)} of the {len(ids)} articles to "
                             f"score (missing e.g. {missing[0]}); delete it or give another file")
        return [got[aid] for aid in ids]
    got = analyse(split, read_metadata(split.parent / "metadata.tsv"), ids, models)
    if cache is not None:
        cache.write_text("".join(a.model_dump_json() + "\n" for a in got), encoding="utf-8")
    return got


def store_all(store: Store, arts: Iterable[AnalyzedArticle]) -> dict[int, list[str]]:
    """Store every article; stored article id -> PolNeAR ids: the stored article's, then those of
    the articles the store took for copies of it (kept as sightings of it, their quotes not apart)."""
    out: dict[int, list[str]] = {}
    for a in arts:
        res = store.add_article(a)
        out.setdefault(res.article_id, []).append(Path(a.source or "").stem)
    return out


def predicted_speakers(store: Store, ids: dict[int, list[str]],
                       arts: Sequence[AnalyzedArticle]) -> dict[tuple[str, str], str | None]:
    """(PolNeAR id, quote id) -> canonical actor key of the quote's speaker. A copy's quote takes
    the key of the stored article's quote with the same words (none when its words differ)."""
    out = {(ids[h.article_id][0], h.quote_id): h.actor_key for h in store.iter_quotes()}
    by_id = {Path(a.source or "").stem: a for a in arts}
    for first, *copies in ids.values():
        words = {_words(by_id[first], q): out.get((first, q.id)) for q in by_id[first].quotes}
        for aid in copies:
            for q in by_id[aid].quotes:
                out[(aid, q.id)] = words.get(_words(by_id[aid], q))
    return out


def _words(art: AnalyzedArticle, q: Quote) -> str:
    return " ".join(" ".join(art.text[s:e] for s, e in q.content).split())


def match_items(scorer: ModuleType, split: Path, arts: Sequence[AnalyzedArticle],
                speakers: dict[tuple[str, str], str | None], gold: dict[tuple[str, str], str]) -> list[Item]:
    items: list[Item] = []
    for a in arts:
        aid = Path(a.source or "").stem
        contents = gold_contents(first_ann(split, aid))
        eids = [e for e in contents if (aid, e) in gold]
        g_sets = [scorer.char_set(a.text, contents[e]) for e in eids]
        p_sets = [scorer.char_set(a.text, [list(s) for s in q.content]) for q in a.quotes]
        for gi, pj in scorer.match(g_sets, p_sets).items():
            q = a.quotes[pj]
            key = speakers.get((aid, q.id))
            local = f"{aid}:{q.speaker.actor}" if q.speaker.actor else f"none:{aid}:{q.id}"
            form = source_form(" ".join(a.span_text(sp) for sp in q.speaker.mention))
            inside = any(cs <= s and e <= ce for s, e in q.speaker.mention for cs, ce in contents[eids[gi]])
            items.append(Item(aid, eids[gi], gold[(aid, eids[gi])], key or f"none:{aid}:{q.id}", local, form,
                              inside))
    return items


def majority_gold(items: Sequence[Item]) -> dict[str, str]:
    """Each local actor's most frequent gold identity (ties: the first in sorted order)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for i in items:
        votes[i.local][i.gold] += 1
    return {local: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for local, c in votes.items()}


def decompositions(items: Sequence[Item]) -> dict[str, dict[str, float]]:
    """Where the errors come from. *Ceiling*: every local actor joined to its majority gold
    identity (a perfect cross-article step on the analysis' local actors). *Identity step
    alone*: the store's canonical actors scored against each local actor's majority gold identity
    (the local actors taken as given)."""
    major = majority_gold(items)
    ceiling = [replace(i, predicted=major[i.local] if not i.local.startswith("none:") else i.local)
               for i in items]
    alone = [replace(i, gold=major[i.local]) for i in items]
    return {"ceiling_pairwise_cross_article": pairwise(ceiling, cross_article=True),
            "ceiling_bcubed": bcubed(ceiling),
            "identity_step_pairwise_cross_article": pairwise(alone, cross_article=True),
            "identity_step_bcubed": bcubed(alone)}


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise(items: Sequence[Item], *, cross_article: bool) -> dict[str, float]:
    """Pairwise P/R of same identity; ``cross_article`` counts only pairs from two articles."""

    def count(key: Any) -> int:
        total = sum(_pairs(n) for n in Counter(key(i) for i in items).values())
        if cross_article:
            total -= sum(_pairs(n) for n in Counter((key(i), i.article) for i in items).values())
        return total

    both = count(lambda i: (i.gold, i.predicted))
    pred = count(lambda i: i.predicted)
    gold = count(lambda i: i.gold)
    return _prf(both, pred, gold)


def _prf(both: int, pred: int, gold: int) -> dict[str, float]:
    p = both / pred if pred else 0.0
    r = both / gold if gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "true_pairs": both, "predicted_pairs": pred, "gold_pairs": gold}


def bcubed(items: Sequence[Item]) -> dict[str, float]:
    cell = Counter((i.gold, i.predicted) for i in items)
    gsize = Counter(i.gold for i in items)
    psize = Counter(i.predicted for i in items)
    if not items:
        return {"p": 0.0, "r": 0.0, "f1": 0.0}
    p = sum(cell[(i.gold, i.predicted)] / psize[i.predicted] for i in items) / len(items)
    r = sum(cell[(i.gold, i.predicted)] / gsize[i.gold] for i in items) / len(items)
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


#: Resamples of the articles behind the B-cubed interval (``bcubed_interval``).
BOOTSTRAP_ROUNDS = 1000


def bcubed_interval(items: Sequence[Item], rounds: int = BOOTSTRAP_ROUNDS,
                    seed: int = 0) -> dict[str, list[float]]:
    """The 90% bootstrap interval of B-cubed P and R over articles: the corpus's articles drawn
    with replacement (an article drawn twice brings its attributions twice), B-cubed computed on
    each draw, the 5th and 95th percentiles kept. It says how much the figure owes to which
    articles happen to be in the corpus."""
    by_article: dict[str, list[Item]] = defaultdict(list)
    for i in items:
        by_article[i.article].append(i)
    articles = sorted(by_article)
    rng = random.Random(seed)
    ps, rs = [], []
    for _ in range(rounds):
        drawn = [i for a in rng.choices(articles, k=len(articles)) for i in by_article[a]]
        b = bcubed(drawn)
        ps.append(b["p"])
        rs.append(b["r"])
    ps.sort()
    rs.sort()
    lo, hi = int(0.05 * rounds), int(0.95 * rounds) - 1
    return {"p": [ps[lo], ps[hi]], "r": [rs[lo], rs[hi]]}


#: How many of the largest predicted actors ``precision_loss`` reports apart.
LARGEST = 3


def precision_loss(items: Sequence[Item]) -> dict[str, Any]:
    """Where B-cubed precision is lost (``1 - P``, in units of the whole figure): the share carried by
    the ``LARGEST`` predicted actors with the most items (a wrong item among 150 costs about twice
    what it costs in a pair: its own precision, and a little of each of the others'); and the
    within-article errors (an item whose gold identity is not its local actor's majority), of them
    those whose predicted speaker lies inside the gold attribution's content: a source quoted inside
    the gold attribution ("On Monday, Trump said he was …, according to The New York Times"), whose
    own attribution the gold does not annotate, matched to the outer one."""
    if not items:
        return {}
    cell = Counter((i.gold, i.predicted) for i in items)
    size = Counter(i.predicted for i in items)
    loss: Counter[str] = Counter()
    for i in items:
        loss[i.predicted] += (1 - cell[(i.gold, i.predicted)] / size[i.predicted]) / len(items)
    largest = [k for k, _ in size.most_common(LARGEST)]
    major = majority_gold(items)
    wrong = [i for i in items if not i.local.startswith("none:") and major[i.local] != i.gold]
    return {"loss": sum(loss.values()), "largest_actors": [size[k] for k in largest],
            "largest_loss": sum(loss[k] for k in largest),
            "largest_wrong": sum(size[k] - max(n for (g, p), n in cell.items() if p == k) for k in largest),
            "within_article_errors": len(wrong), "embedded": sum(i.embedded for i in wrong)}


def worst_merges(items: Sequence[Item], n: int = 10) -> list[tuple[str, list[tuple[str, int]]]]:
    """Predicted actors holding several gold identities, by the false pairs they make."""
    by_pred: dict[str, Counter[str]] = defaultdict(Counter)
    for i in items:
        by_pred[i.predicted][i.gold] += 1
    scored = [(_pairs(sum(c.values())) - sum(_pairs(v) for v in c.values()), k) for k, c in by_pred.items()]
    return [(k, by_pred[k].most_common(6)) for bad, k in sorted(scored, reverse=True)[:n] if bad]


def worst_splits(items: Sequence[Item], n: int = 10) -> list[tuple[str, list[tuple[str, int]]]]:
    """Gold identities spread over several predicted actors, by the pairs they miss."""
    by_gold: dict[str, Counter[str]] = defaultdict(Counter)
    for i in items:
        by_gold[i.gold][i.predicted] += 1
    scored = [(_pairs(sum(c.values())) - sum(_pairs(v) for v in c.values()), k) for k, c in by_gold.items()]
    return [(k, by_gold[k].most_common(6)) for bad, k in sorted(scored, reverse=True)[:n] if bad]


def kappa(a: Sequence[str], b: Sequence[str]) -> tuple[float, float]:
    """Raw agreement and Cohen's kappa of two label sequences."""
    n = len(a)
    if not n:
        return 0.0, 0.0
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return po, (po - pe) / (1 - pe) if pe < 1 else 0.0


def gender_rows(store: Store, items: Sequence[Item],
                genders: Sequence[dict[str, str]]) -> list[dict[str, str]]:
    """Per gold person: gold gender and evidence, predicted gender and its source."""
    by_gold: dict[str, Counter[str]] = defaultdict(Counter)
    for i in items:
        by_gold[i.gold][i.predicted] += 1
    rows = []
    for g in genders:
        actors = by_gold.get(g["identity"])
        predicted, source = "unknown", "unmatched"
        if actors:
            key = actors.most_common(1)[0][0]
            detail = store.get_actor(key, n_quotes=0) if not key.startswith("none:") else None
            if detail is not None:
                predicted = getattr(detail, "gender", None) or "unknown"
                source = getattr(detail, "gender_source", None) or "none"
            else:
                source = "no actor"
        rows.append({"identity": g["identity"], "gold": g["gender"], "evidence": g["evidence"],
                     "predicted": predicted, "source": source})
    return rows


def gender_report(rows: Sequence[dict[str, str]]) -> dict[str, Any]:
    def agree(sub: Sequence[dict[str, str]]) -> dict[str, Any]:
        acc, k = kappa([r["gold"] for r in sub], [r["predicted"] for r in sub])
        return {"n": len(sub), "accuracy": acc, "kappa": k}

    out: dict[str, Any] = {"all": agree(rows)}
    matched = [r for r in rows if r["source"] not in ("unmatched", "no actor")]
    out["speakers found"] = agree(matched)
    for ev in ("text", "knowledge", "none"):
        out[f"gold evidence {ev}"] = agree([r for r in rows if r["evidence"] == ev])
    for src in sorted({r["source"] for r in rows}):
        out[f"saidwhat source {src}"] = agree([r for r in rows if r["source"] == src])
    # the gold does not label from first names: the same rows with the name list's guesses as unknown
    text_only = [dict(r, predicted="unknown") if r["source"] == "name-list" else r for r in rows]
    out["text only (name-list as unknown)"] = agree(text_only)
    out["confusion"] = {f"{g}->{p}": n for (g, p), n in sorted(Counter(
        (r["gold"], r["predicted"]) for r in rows).items())}
    return out


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(args: argparse.Namespace) -> dict[str, Any]:
    split = args.shared / "data" / "polnear" / args.split
    scorer = load_scorer(args.shared)
    gold = {(r["id"], r["attribution"]): r["identity"] for r in load_jsonl(args.gold / "sources.jsonl")}
    ids = sorted(p.stem for p in (split / "text").glob("*.txt"))
    if args.gold_articles:
        ids = sorted({aid for aid, _ in gold})
    t0 = time.perf_counter()
    arts = analyses(split, ids, args.analyses, fold_models(args.models))
    t1 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(args.db or str(Path(tmp) / "identity.sqlite"))
        with store:
            if store.stats()["articles"]:
                raise SystemExit(f"{args.db}: the store is not empty; the benchmark needs a fresh one")
            stored = store_all(store, arts)
            t2 = time.perf_counter()
            # the article actors as the store takes them (doubtful speakers kept apart: store.speakers)
            local = [detach_doubtful(a) for a in arts]
            items = match_items(scorer, split, local, predicted_speakers(store, stored, arts), gold)
            gender_gold = args.gold / "genders.jsonl"
            genders = gender_rows(store, items, load_jsonl(gender_gold)) if gender_gold.exists() else []
            n_actors = store.stats()["actors"]
            shares = store.diversity(dimension="gender", by="outlet")
    return {
        "articles": len(arts), "gold_attributions": len(gold), "matched": len(items),
        "canonical_actors": n_actors, "analysis_s": round(t1 - t0, 1), "store_s": round(t2 - t1, 1),
        "pairwise": pairwise(items, cross_article=False),
        "pairwise_cross_article": pairwise(items, cross_article=True),
        "bcubed": bcubed(items),
        "bcubed_90": bcubed_interval(items) if items else {},
        **decompositions(items),
        "precision_loss": precision_loss(items),
        "worst_merges": worst_merges(items), "worst_splits": worst_splits(items),
        "gender": gender_report(genders) if genders else {},
        "gender_by_outlet": {row.group: {"quotes": row.total, **row.shares}
                             for row in [*shares.rows, shares.overall]},
    }


def print_report(r: dict[str, Any]) -> None:
    print(f"{r['articles']} articles; {r['matched']} of {r['gold_attributions']} gold sourced attributions "
          f"matched to a predicted quote; {r['canonical_actors']} canonical actors "
          f"(analysis {r['analysis_s']} s, store {r['store_s']} s)")
    for name in ("pairwise", "pairwise_cross_article", "bcubed", "ceiling_pairwise_cross_article",
                 "ceiling_bcubed", "identity_step_pairwise_cross_article", "identity_step_bcubed"):
        m = r[name]
        extra = ""
        if "true_pairs" in m:
            extra = (f"  ({m['true_pairs']} true / {m['predicted_pairs']} predicted / "
                     f"{m['gold_pairs']} gold pairs)")
        print(f"  {name:38s} P {m['p']:.3f}  R {m['r']:.3f}  F1 {m['f1']:.3f}{extra}")
    if r["bcubed_90"]:
        (plo, phi), (rlo, rhi) = r["bcubed_90"]["p"], r["bcubed_90"]["r"]
        print(f"  bcubed, 90% interval over articles      P {plo:.3f}-{phi:.3f}  R {rlo:.3f}-{rhi:.3f}")
    if r["precision_loss"]:
        pl = r["precision_loss"]
        print(f"  B-cubed precision lost {pl['loss']:.3f}: {pl['largest_loss']:.3f} in the {LARGEST} largest "
              f"predicted actors (sizes {pl['largest_actors']}, {pl['largest_wrong']} items not of their "
              f"majority identity); {pl['within_article_errors']} within-article errors, {pl['embedded']} "
              "with the speaker inside the gold content")
    print("worst merges (predicted actor: gold identities):")
    for k, parts in r["worst_merges"]:
        print(f"  {k}: {parts}")
    print("worst splits (gold identity: predicted actors):")
    for k, parts in r["worst_splits"]:
        print(f"  {k}: {parts}")
    if not r["gender"]:
        return
    print("gender agreement with genders.jsonl:")
    for name, m in r["gender"].items():
        if name != "confusion":
            print(f"  {name:32s} n {m['n']:4d}  accuracy {m['accuracy']:.3f}  kappa {m['kappa']:.3f}")
    print("  gold->predicted: " + ", ".join(f"{k} {v}" for k, v in r["gender"]["confusion"].items()))
    print("who gets quoted (saidwhat diversity): share of quotes by people, by gender, per outlet:")
    for outlet, row in r["gender_by_outlet"].items():
        print(f"  {outlet:14s} {row['quotes']:5d} quotes  female {row['female']:.0%}  male {row['male']:.0%}"
              f"  unknown {row['unknown']:.0%}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--gold", type=Path, default=REPO / "tests" / "data" / "actor-identity")
    ap.add_argument("--gold-articles", action="store_true",
                    help="analyse and store only the articles the gold labels (a gold over part of a split)")
    ap.add_argument("--analyses", type=Path, help="cache of the analysed articles (JSON Lines)")
    ap.add_argument("--models", type=Path,
                    help="held-out attribution models (scripts/train_attribution_folds.py): each article "
                         "listed in a fold's ids.txt is analysed with that fold's model")
    ap.add_argument("--db", help="a fresh store to fill (default: a temporary SQLite file)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    report = run(args)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)


if __name__ == "__main__":
    main()
