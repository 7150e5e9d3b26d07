"""Self-agreement of the identity labels: first pass (sources.jsonl) against the second pass
(second_sources.jsonl, the 3 articles drawn with random.seed(1) from the sorted article ids).

For every unordered pair of sourced attributions of one article, each pass says "same identity" or
not; we print the share of pairs judged alike, Cohen's kappa over those judgements, and how many
identity strings are identical.

    python3 tests/data/actor-identity-train/agreement.py [--gold DIR]

``--gold DIR``: another gold folder of the same format, whose second pass is a second annotator's
labels of some of its articles (tests/data/actor-identity-train2, -train3): no sample check.
"""
import collections
import itertools
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def kappa(a, b):
    n = len(a)
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = collections.Counter(a), collections.Counter(b)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return po, (po - pe) / (1 - pe) if pe < 1 else float("nan")


def main():
    global HERE
    own = "--gold" not in sys.argv
    if not own:
        HERE = os.path.abspath(sys.argv[sys.argv.index("--gold") + 1])
    first = {(r["id"], r["attribution"]): r["identity"] for r in load("sources.jsonl")}
    second = collections.defaultdict(dict)
    for r in load("second_sources.jsonl"):
        second[r["id"]][r["attribution"]] = r["identity"]
    random.seed(1)
    sample = random.sample(sorted({aid for aid, _ in first}), 3)
    if own and set(sample) != set(second):
        print("warning: second_sources.jsonl is not the seed-1 sample")
    a, b, exact, n = [], [], 0, 0
    for aid, lab in sorted(second.items()):
        for x, y in itertools.combinations(sorted(lab), 2):
            a.append(first[(aid, x)] == first[(aid, y)])
            b.append(lab[x] == lab[y])
        exact += sum(first[(aid, e)] == lab[e] for e in lab)
        n += len(lab)
    po, k = kappa(a, b)
    print(f"identity, {len(second)} articles, {n} attributions, {len(a)} pairs: agreement {po:.3f}, "
          f"Cohen's kappa {k:.3f}; identical strings {exact}/{n}")


if __name__ == "__main__":
    main()
