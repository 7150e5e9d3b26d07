"""Would a learned ranker choose a speaking he/she's person better than the rules? (An experiment.)

    .venv/bin/python benchmarks/pronoun_ranker.py [--held-back train3 train9] [--cache FILE.jsonl]

For every PolNeAR *train* attribution of the identity golds (``tests/data/actor-identity-train*``)
whose source is a speaking "he" or "she", the analysis runs with ``speaker.pronouns.pronoun_speaker``
wrapped: each person the rules consider (``_name_candidates``, ``_surname_word_candidates``,
``_chain_candidates``, and the actor stage's own antecedent) is recorded with features of its
mentions before the pronoun (the role of the nearest main-clause, subordinate and other mention
in the pronoun's sentence and the one before, distances, counts, whether the rules or the actor
stage chose it, whether it is the first person named). The gold identity labels the candidates
(by name). A conditional logit (softmax over one pronoun's candidates, L2, Newton's method with
numpy) is fitted on the development golds; the script reports, leave-one-gold-out and then on the
held-back golds, how many pronouns the rules and the model give the right person, and how well the
model's probability flags the rules' errors. Nothing here is used by saidwhat; docs/corpus.md
("Session 26") has the result: the model matches the rules and does not beat them.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from saidwhat.analysis.actors.surnames import aside_closed, quoted_at  # noqa: E402
from saidwhat.analysis.attribution.speaker import choose  # noqa: E402
from saidwhat.analysis.attribution.speaker import pronouns as S  # noqa: E402
from saidwhat.analysis.attribution.speaker.common import PERSON_PRONOUNS  # noqa: E402
from saidwhat.analysis.attribution.speaker.roles import role_of  # noqa: E402
from saidwhat.analysis.pipeline import analyze_text  # noqa: E402

Group = tuple[dict[str, Any], list[float]]
_TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "senator", "governor", "secretary",
           "former", "the"}


def _mentions_before(doc: Any, pron: Any, actor: Any, here: int,
                     sent_of: dict[int, int]) -> list[tuple[str, int, int]]:
    """(role, sentences back, characters back) of the actor's non-pronoun mentions the rules read."""
    out = []
    for s, e in actor.mentions:
        if e > pron.idx or pron.idx - s > S.PRONOUN_WINDOW or quoted_at(doc, s) \
                or aside_closed(doc, s, pron.idx):
            continue
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is None or sp.root.lower_ in PERSON_PRONOUNS or sp.root.pos_ == "PRON":
            continue
        out.append((role_of(sp.root), here - sent_of[sp.root.sent.start], pron.idx - sp.root.idx))
    return out


def features(doc: Any, pron: Any, actor: Any, fitting: list[Any]) -> list[tuple[str, dict[str, float]]]:
    """(name, features) of each candidate person for one speaking pronoun."""
    sent_of = {s.start: i for i, s in enumerate(doc.sents)}
    here = sent_of[pron.sent.start]
    rule_top = S.pronoun_antecedent(doc, pron, fitting)
    chained = S._chain_candidates(doc, pron, fitting, 0)
    chain = {id(a) for _, a in chained}
    surname = S._surname_word_candidates(doc, pron, fitting)
    keys: dict[int, float] = {}
    for k, a in S._name_candidates(doc, pron, fitting) + surname + chained:
        keys[id(a)] = max(keys.get(id(a), -1e9), k)
    persons = [a for a in fitting if a.mentions]
    first = min(persons, key=lambda a: min(a.mentions)[0]) if persons else None
    out = []
    for a in fitting:
        if id(a) not in keys and a is not actor:
            continue
        ments = _mentions_before(doc, pron, a, here, sent_of)
        f = {"rules_top": float(a is rule_top), "actor_stage": float(a is actor),
             "chain": float(id(a) in chain),
             "surname_word": float(id(a) in {id(b) for _, b in surname}), "no_mention": float(not ments),
             "first_person": float(a is first), "named_in_sentence": float(S._named_in_sentence(a, pron)),
             "log_chars": math.log1p(min(c for _, _, c in ments)) / 8 if ments else 1.0,
             "log_n_window": math.log1p(len(ments)),
             "log_n_before": math.log1p(sum(1 for s, _ in a.mentions if s < pron.idx))}
        for role in ("main", "sub", "other"):
            back = [d for r, d, _ in ments if r == role]
            f[f"{role}_same"], f[f"{role}_prev"] = float(0 in back), float(1 in back)
            f[f"{role}_dist"] = min(min(back), 6) / 6.0 if back else 1.0
        out.append((a.name, f))
    return out


def collect(gold_dirs: Iterable[Path], split: Path) -> list[dict[str, Any]]:
    """Every speaking he/she of the golds' attributions, with its candidates and gold identity."""
    records: list[dict[str, Any]] = []
    seen: list[dict[str, Any]] = []
    original = choose.pronoun_speaker

    def wrapped(doc: Any, att: Any, pron: Any, actor: Any, actors: list[Any], genders: Any) -> Any:
        chosen = original(doc, att, pron, actor, actors, genders)
        want = S._PRONOUN_GENDER[pron.lower_]
        fitting = [a for a in actors
                   if (S._gender(a, genders) or S.described_gender(doc, a) or want) == want
                   and not S.named_in_quote(a, att, doc) and not S._introduced_in_content(a, att)]
        seen.append({"pron": pron.idx, "chosen": chosen.name if chosen else None,
                     "cands": features(doc, pron, actor, fitting)})
        return chosen

    choose.pronoun_speaker = wrapped  # the name choose.speaker_for calls
    try:
        for gold_dir in gold_dirs:
            text = (gold_dir / "sources.jsonl").read_text(encoding="utf-8")
            rows = [json.loads(line) for line in text.splitlines()]
            by_article: dict[str, dict[int, dict[str, Any]]] = {}
            for r in rows:
                by_article.setdefault(r["id"], {})[r["source_start"]] = r
            for aid, starts in sorted(by_article.items()):
                seen.clear()
                analyze_text((split / "text" / f"{aid}.txt").read_text(encoding="utf-8"), source=aid)
                for rec in seen:
                    g = starts.get(rec["pron"])
                    if g is not None and rec["cands"]:
                        records.append({**rec, "id": aid, "gold": g["identity"], "gold_dir": gold_dir.name})
    finally:
        choose.pronoun_speaker = original
    return records


def _words(name: str) -> list[str]:
    name = re.sub(r"[’']s\b", "", name.lower())
    words = [w.strip(".,") for w in name.split()]
    return [w for w in words if w and w not in _TITLES and not re.fullmatch(r"[a-z]\.?", w)]


def same_person(name: str, identity: str) -> bool:
    """A candidate's name for the gold identity: the same words, or the same surname with one of them
    bare or the same first name."""
    a, b = _words(name), _words(identity)
    if not a or not b or a[-1] != b[-1]:
        return bool(a) and a == b
    return len(a) == 1 or len(b) == 1 or a[0] == b[0]


def groups(records: list[dict[str, Any]]) -> list[Group]:
    """Records with a person among the candidates, and each candidate's label (1 right, 0 not)."""
    out = []
    for r in records:
        if "#" in r["gold"]:
            continue
        ys = [float(same_person(name, r["gold"])) for name, _ in r["cands"]]
        if sum(ys):
            out.append((r, ys))
    return out


def _matrix(r: dict[str, Any], names: list[str]) -> np.ndarray:
    return np.array([[f[k] for k in names] for _, f in r["cands"]])


def fit(data: list[Group], names: list[str], l2: float = 1.0) -> np.ndarray:
    """Conditional logit: softmax over one pronoun's candidates, Newton's method, L2 penalty."""
    beta = np.zeros(len(names))
    mats = [(_matrix(r, names), np.array(ys) / sum(ys)) for r, ys in data]
    for _ in range(60):
        grad, hess = l2 * beta.copy(), l2 * np.eye(len(names))
        for x, y in mats:
            z = x @ beta
            p = np.exp(z - z.max())
            p /= p.sum()
            grad += x.T @ (p - y)
            hess += x.T @ (np.diag(p) - np.outer(p, p)) @ x
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return beta


def judge(data: list[Group], beta: np.ndarray, names: list[str]) -> list[tuple[bool, bool, float]]:
    """Per pronoun: the rules right, the model right, the model's probability of its choice."""
    out = []
    for r, ys in data:
        z = _matrix(r, names) @ beta
        p = np.exp(z - z.max())
        p /= p.sum()
        best = int(np.argmax(z))
        rules = next((k for k, (name, _) in enumerate(r["cands"]) if name == r["chosen"]), None)
        out.append((rules is not None and ys[rules] > 0, ys[best] > 0, float(p[best])))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--held-back", nargs="*", default=["train3", "train9"])
    ap.add_argument("--cache", type=Path, help="records to read, or to write when missing")
    args = ap.parse_args()
    dirs = sorted(p for p in (REPO / "tests" / "data").glob("actor-identity-train*")
                  if (p / "sources.jsonl").exists())
    if args.cache and args.cache.exists():
        records = [json.loads(line) for line in args.cache.read_text(encoding="utf-8").splitlines()]
    else:
        records = collect(dirs, args.shared / "data" / "polnear" / "train")
        if args.cache:
            args.cache.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    held = {f"actor-identity-{h}" for h in args.held_back}
    data = groups(records)
    names = sorted(data[0][0]["cands"][0][1])
    dev = [g for g in data if g[0]["gold_dir"] not in held]
    print(f"{len(records)} speaking he/she of the golds; {len(data)} with the right person among the "
          "candidates")
    judged: list[tuple[bool, bool, float]] = []
    for d in sorted({g[0]["gold_dir"] for g in dev}):
        beta = fit([g for g in dev if g[0]["gold_dir"] != d], names)
        out = judge([g for g in dev if g[0]["gold_dir"] == d], beta, names)
        judged += out
        print(f"  {d:24s} {len(out):4d}  rules {sum(a for a, _, _ in out):4d}  "
              f"model {sum(b for _, b, _ in out):4d}")
    print(f"leave-one-gold-out {len(judged)}: rules {sum(a for a, _, _ in judged)}, "
          f"model {sum(b for _, b, _ in judged)}")
    beta = fit(dev, names)
    out = judge([g for g in data if g[0]["gold_dir"] in held], beta, names)
    print(f"held back ({', '.join(sorted(held))}) {len(out)}: rules {sum(a for a, _, _ in out)}, "
          f"model {sum(b for _, b, _ in out)}")
    judged += out
    wrong = [p for a, _, p in judged if not a]
    right = [p for a, _, p in judged if a]
    for th in (0.5, 0.6, 0.7, 0.8):
        print(f"  model probability < {th}: flags {sum(p < th for p in wrong)} of {len(wrong)} rule errors "
              f"and {sum(p < th for p in right)} of {len(right)} right choices")
    print("weights: " + ", ".join(f"{k} {v:+.2f}" for k, v in sorted(zip(names, beta, strict=True),
                                                                     key=lambda kv: -abs(kv[1]))))


if __name__ == "__main__":
    main()
