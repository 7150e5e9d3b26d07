"""Inter-annotator agreement of the identity labels: the first annotator's labels (sources.jsonl)
against a second annotator's (second_sources.jsonl) on the articles both labelled.

For every unordered pair of sourced attributions of one article, each annotator says "same
identity" or not; printed: the share of pairs judged alike, Cohen's kappa over those judgements, and
how many identity strings are identical.

    python3 tests/data/actor-identity-train2/agreement.py
"""
import collections
import itertools
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "actor-identity-train"))

from agreement import kappa  # noqa: E402  (the first gold's Cohen's kappa)


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main():
    first = {(r["id"], r["attribution"]): r["identity"] for r in load("sources.jsonl")}
    second = collections.defaultdict(dict)
    for r in load("second_sources.jsonl"):
        second[r["id"]][r["attribution"]] = r["identity"]
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
