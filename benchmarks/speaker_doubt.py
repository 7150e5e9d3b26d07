"""Can the wrong speakers be told from the right ones, and kept apart? (An experiment.)

    .venv/bin/python benchmarks/speaker_doubt.py --analyses out/judged-now.jsonl
    .venv/bin/python benchmarks/speaker_doubt.py --analyses out/judged-now.jsonl \\
        --gold tests/data/actor-identity-train12 --gold-analyses HELD_OUT.jsonl

The nine judged rounds (``tests/data/speaker-judgements-train*``) say of 3,000 quotes of PolNeAR
train whether the analysis gave them the right speaker. Each judged quote is found in the current
analysis of its article (``--analyses``: all judged articles, made when missing, shipped model);
it keeps its label when the current analysis still gives it the judged speaker
(``speaker_judgements.same_person``). A logistic regression (L2, Newton's method) over features of
the quote (``features``: how the speaker was found, the distance back to that actor's previous
mention and the people named between, the actor's share of the article, the cue, the kind, the
confidence) is fitted leaving one round out at a time; the script prints how well its score and
the confidence alone rank the wrong speakers first (AUC) and what share of them it finds when 5 %
of the right ones are flagged.

With ``--gold``, a model fitted on every round (the gold's articles left out) scores the matched
quotes of an identity gold, analysed by a CRF that never saw them (``--gold-analyses``, made by
``benchmarks/actor_identity.py --models``), and the quotes above a score are kept apart in the
store (a speaker of their own, as ``store.speakers`` keeps doubtful ones): B-cubed precision and
recall for each threshold, how many of the quotes kept apart were wrong, and the same figures for
as many quotes drawn at random (B-cubed precision rises whenever anything is split off). Nothing
in saidwhat uses this model: docs/corpus.md ("Session 31") has the result, which is that it
separates the wrong speakers little better than the confidence does, and that what it keeps apart
raises precision about as much as a random draw.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from actor_identity import (  # noqa: E402
    REPO,
    analyses,
    bcubed,
    first_ann,
    gold_contents,
    load_jsonl,
    load_scorer,
    match_items,
    predicted_speakers,
    store_all,
)
from speaker_judgements import same_person  # noqa: E402

from saidwhat.schema import AnalyzedArticle, Quote  # noqa: E402
from saidwhat.store import open_store  # noqa: E402
from saidwhat.store.speakers import detach_doubtful  # noqa: E402

ROUNDS = sorted((REPO / "tests" / "data").glob("speaker-judgements-train*"))
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its", "their"}
_CUES = ("said", "says", "told", "according", "added", "wrote", "noted", "argued")
L2 = 10.0
#: random draws of as many quotes as the model keeps apart (what splitting alone does to B-cubed)
CHANCE_DRAWS = 20


def _path(mention: str, kind: str | None) -> str:
    words = mention.lower().split()
    if not words:
        return "none"
    if len(words) == 1 and words[0] in _PRONOUNS:
        return "pronoun"
    if kind is None:
        return "unresolved"
    return "name" if any(w[:1].isupper() for w in mention.split()) else "description"


def features(art: AnalyzedArticle, q: Quote) -> dict[str, float]:
    """Named feature values of one quote's speaker (absent names are 0)."""
    actor = next((a for a in art.actors if a.id == q.speaker.actor), None)
    mention = " ".join(art.span_text(s) for s in q.speaker.mention)
    path = _path(mention, actor.kind if actor else None)
    f = {"bias": 1.0, "path=" + path: 1.0, "kind=" + q.kind: 1.0, "confidence": q.confidence or 0.0}
    cue = " ".join(art.span_text(s) for s in q.cue).lower().split()
    f.update({"cue=" + w: 1.0 for w in _CUES if w in cue})
    if actor is None or not q.speaker.mention or not q.content:
        return f
    ms, cs, ce = q.speaker.mention[0][0], q.content[0][0], q.content[-1][1]
    others = [a for a in art.actors if a.id != actor.id and a.kind == "person"]

    def people(lo: int, hi: int) -> float:
        return float(min(3, len({a.id for a in others for s, e in a.mentions if lo <= s and e <= hi})))

    f["akind=" + actor.kind] = 1.0
    f["log_gap"] = math.log1p(max(0, cs - ms if ms < cs else ms - ce)) / 5
    f["people_near"] = people(max(0, ms - 150), ms + 150)
    f["actor_in_content"] = float(any(cs <= s and e <= ce for s, e in actor.mentions))
    persons = Counter({a.id: len(a.mentions) for a in art.actors if a.kind == "person"})
    f["actor_share"] = len(actor.mentions) / max(1, sum(persons.values())) if actor.kind == "person" else 0.0
    f["actor_log_quotes"] = math.log1p(sum(x.speaker.actor == actor.id for x in art.quotes)) / 3
    before = [e for s, e in actor.mentions if e <= ms and [s, e] not in [list(m) for m in q.speaker.mention]]
    if path in ("pronoun", "description"):
        if before:
            f["antecedent_log_distance"] = math.log1p(ms - max(before)) / 5
            f["people_between"] = people(max(before), ms)
        else:
            f["no_earlier_mention"] = 1.0
    return f


def judged_rows(arts: dict[str, AnalyzedArticle]) -> list[tuple[str, str, Quote, bool]]:
    """(round, article, quote, wrong) of every judged quote the current analysis still gives the
    judged speaker (found as ``speaker_judgements`` finds it: content Jaccard of characters)."""
    out = []
    for folder in ROUNDS:
        for r in load_jsonl(folder / "judgements.jsonl"):
            art = arts.get(r["article"])
            if r["label"] not in ("R", "W") or art is None:
                continue
            gold = set(range(r["content_start"], r["content_end"]))

            def jaccard(q: Quote, gold: set[int] = gold) -> float:
                chars = {i for s, e in q.content for i in range(s, e)}
                return len(gold & chars) / len(gold | chars)

            best = max(art.quotes, key=jaccard, default=None)
            name = {a.id: a.name for a in art.actors}.get((best.speaker.actor or "") if best else "")
            if best is not None and jaccard(best) >= 0.5 and same_person(name, r["tool_says"]):
                out.append((folder.name, r["article"], best, r["label"] == "W"))
    return out


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(30):
        p = 1 / (1 + np.exp(-x @ w))
        hess = (x * (p * (1 - p))[:, None]).T @ x + L2 * np.eye(len(w))
        w -= np.linalg.solve(hess, x.T @ (p - y) + L2 * w)
    return w


def auc(score: np.ndarray, y: np.ndarray) -> float:
    ranks = np.empty(len(score))
    ranks[np.argsort(score)] = np.arange(len(score))
    pos = y == 1
    return float((ranks[pos].sum() - pos.sum() * (pos.sum() - 1) / 2) / (pos.sum() * (~pos).sum()))


def matrix(feats: list[dict[str, float]], names: list[str]) -> np.ndarray:
    return np.array([[f.get(n, 0.0) for n in names] for f in feats])


def cross_validate(rows: list[tuple[str, str, Quote, bool]], arts: dict[str, AnalyzedArticle]) -> None:
    feats = [features(arts[a], q) for _, a, q, _ in rows]
    names = sorted({k for f in feats for k in f})
    x, y = matrix(feats, names), np.array([w for *_, w in rows], dtype=float)
    groups = np.array([g for g, *_ in rows])
    score = np.zeros(len(y))
    for g in sorted(set(groups)):
        test = groups == g
        score[test] = x[test] @ fit(x[~test], y[~test])
    flagged = np.quantile(score[y == 0], 0.95)
    conf = -x[:, names.index("confidence")]
    print(f"{len(y)} judged quotes still given the judged speaker, {int(y.sum())} of them wrong")
    print(f"leave one round out: AUC {auc(score, y):.3f} (the confidence alone {auc(conf, y):.3f}); "
          f"with 5 % of the right ones flagged, {(score[y == 1] > flagged).mean():.3f} of the wrong ones")


def detach_figures(rows: list[tuple[str, str, Quote, bool]], arts: dict[str, AnalyzedArticle],
                   gold_dir: Path, cache: Path, shared: Path) -> None:
    split = shared / "data" / "polnear" / "train"
    scorer = load_scorer(shared)
    gold = {(r["id"], r["attribution"]): r["identity"] for r in load_jsonl(gold_dir / "sources.jsonl")}
    ids = sorted({aid for aid, _ in gold})
    train = [r for r in rows if r[1] not in set(ids)]
    feats = [features(arts[a], q) for _, a, q, _ in train]
    names = sorted({k for f in feats for k in f})
    w = fit(matrix(feats, names), np.array([x[3] for x in train], dtype=float))
    held = analyses(split, ids, cache)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "doubt.sqlite"))
        with store:
            local = [detach_doubtful(a) for a in held]
            speakers = predicted_speakers(store, store_all(store, held), held)
            items = match_items(scorer, split, local, speakers, gold)
    score: dict[tuple[str, str], float] = {}
    for art in local:
        aid = Path(art.source or "").stem
        contents = gold_contents(first_ann(split, aid))
        eids = [e for e in contents if (aid, e) in gold]
        pairs = scorer.match([scorer.char_set(art.text, contents[e]) for e in eids],
                             [scorer.char_set(art.text, [list(s) for s in q.content]) for q in art.quotes])
        for gi, pj in pairs.items():
            score[(aid, eids[gi])] = float((matrix([features(art, art.quotes[pj])], names) @ w)[0])
    major = _majority(items)
    base = bcubed(items)
    print(f"{gold_dir.name}: {len(items)} matched, B-cubed P {base['p']:.3f} R {base['r']:.3f}")
    named = [(i.article, i.attribution) for i in items if not i.predicted.startswith("none:")]
    rng = random.Random(0)
    for threshold in (0.0, -1.0, -1.5, -2.0):
        kept = {k for k in named if score[k] > threshold}
        wrong = sum(1 for i in items if (i.article, i.attribution) in kept and major[i.predicted] != i.gold)
        b = bcubed(_apart(items, kept))
        chance = [bcubed(_apart(items, set(rng.sample(named, len(kept))))) for _ in range(CHANCE_DRAWS)]
        print(f"  score > {threshold}: {len(kept)} kept apart ({wrong} of them wrong), "
              f"B-cubed P {b['p']:.3f} R {b['r']:.3f}; as many drawn at random: "
              f"P {np.mean([c['p'] for c in chance]):.3f} R {np.mean([c['r'] for c in chance]):.3f}")


def _majority(items: list[Any]) -> dict[str, str]:
    """Predicted actor -> its most frequent gold identity."""
    cell = Counter((i.predicted, i.gold) for i in items)
    out: dict[str, str] = {}
    for (pred, gold), n in sorted(cell.items()):
        if pred not in out or n > cell[(pred, out[pred])]:
            out[pred] = gold
    return out


def _apart(items: list[Any], keys: set[tuple[str, str]]) -> list[Any]:
    return [replace(i, predicted=f"apart:{i.article}:{i.attribution}") if (i.article, i.attribution) in keys
            else i for i in items]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--analyses", type=Path, help="cache of the judged articles' analyses (JSON Lines)")
    ap.add_argument("--gold", type=Path, help="an identity gold to keep the doubted quotes apart on")
    ap.add_argument("--gold-analyses", type=Path, help="its articles analysed by a CRF that never saw them")
    args = ap.parse_args(argv)
    split = args.shared / "data" / "polnear" / "train"
    ids = sorted({r["article"] for folder in ROUNDS for r in load_jsonl(folder / "judgements.jsonl")})
    arts = {Path(a.source or "").stem: a for a in analyses(split, ids, args.analyses)}
    rows = judged_rows(arts)
    cross_validate(rows, arts)
    if args.gold is not None:
        if args.gold_analyses is None or not args.gold_analyses.exists():
            ap.error("--gold needs --gold-analyses: a cache made with a CRF that never saw its articles")
        detach_figures(rows, arts, args.gold, args.gold_analyses, args.shared)


if __name__ == "__main__":
    main()
