"""Agreement between the first and the second labelling pass.

Gender: Cohen's kappa (and raw agreement) over the 60 identities of second_genders.jsonl, the sample
drawn with `random.seed(1); random.sample(sorted identities of genders.jsonl, 60)`; the script checks that
the sample matches.
Identity: for each article of second_sources.jsonl, every unordered pair of its sourced attributions is judged
"same identity" or not in each pass; we report the share of pairs whose judgement agrees and Cohen's kappa
over
those binary judgements (undefined when one pass never varies), plus exact identity-string agreement.
Usage: python agreement.py [FIRST_GENDERS.jsonl]   (default genders.jsonl)
       python agreement.py --independent   (the independent second annotation of all attributions)
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


def gender_agreement(first_name):
    first = {r["identity"]: r for r in load(first_name)}
    second = {r["identity"]: r for r in load("second_genders.jsonl")}
    random.seed(1)
    sample = random.sample(sorted(first), 60)
    if set(sample) != set(second):
        print("warning: second_genders.jsonl is not the seed-1 sample of", first_name)
    ids = sorted(set(first) & set(second))
    po, k = kappa([first[i]["gender"] for i in ids], [second[i]["gender"] for i in ids])
    pe, ke = kappa([first[i]["evidence"] for i in ids], [second[i]["evidence"] for i in ids])
    print(f"gender ({first_name} vs second_genders.jsonl, n={len(ids)}): agreement {po:.3f}, "
          f"Cohen's kappa {k:.3f}")
    print(f"  evidence type: agreement {pe:.3f}, Cohen's kappa {ke:.3f}")
    for i in ids:
        if (first[i]["gender"], first[i]["evidence"]) != (second[i]["gender"], second[i]["evidence"]):
            print(f"  differs: {i}: {first[i]['gender']}/{first[i]['evidence']} vs "
                  f"{second[i]['gender']}/{second[i]['evidence']}")


def identity_agreement():
    first = {(r["id"], r["attribution"]): r["identity"] for r in load("sources.jsonl")}
    second = collections.defaultdict(dict)
    for r in load("second_sources.jsonl"):
        second[r["id"]][r["attribution"]] = r["identity"]
    a, b, exact, n = [], [], 0, 0
    for aid, lab in sorted(second.items()):
        for e, ident in lab.items():
            n += 1
            exact += first[(aid, e)] == ident
        for e1, e2 in itertools.combinations(sorted(lab), 2):
            a.append(first[(aid, e1)] == first[(aid, e2)])
            b.append(lab[e1] == lab[e2])
    po, k = kappa(a, b)
    print(f"identity ({len(second)} articles, {n} attributions, {len(a)} source pairs): "
          f"pair agreement {po:.3f}, Cohen's kappa {k:.3f}; exact identity string {exact}/{n}")


def bcubed(pred, gold):
    """B-cubed precision and recall of the clustering ``pred`` against ``gold`` (same keys)."""
    by_pred = collections.defaultdict(collections.Counter)
    by_gold = collections.defaultdict(collections.Counter)
    for k in gold:
        by_pred[pred[k]][gold[k]] += 1
        by_gold[gold[k]][pred[k]] += 1
    p = sum(by_pred[pred[k]][gold[k]] / sum(by_pred[pred[k]].values()) for k in gold) / len(gold)
    r = sum(by_gold[gold[k]][pred[k]] / sum(by_gold[gold[k]].values()) for k in gold) / len(gold)
    return p, r


def independent_agreement():
    """The independent second annotation of every attribution (independent_sources.jsonl) against
    sources.jsonl: B-cubed and pairwise same-identity agreement across the whole corpus (the
    benchmark's measures, sources.jsonl taken as the reference), Cohen's kappa over same-identity
    judgements of pairs within an article, and kappa over the kind."""
    first = {(r["id"], r["attribution"]): r for r in load("sources.jsonl")}
    second = {(r["id"], r["attribution"]): r for r in load("independent_sources.jsonl")}
    keys = sorted(first)
    a = {k: first[k]["identity"] for k in keys}
    b = {k: second[k]["identity"] for k in keys}
    p, r = bcubed(b, a)
    print(f"independent annotation ({len(keys)} attributions): B-cubed P {p:.4f} R {r:.4f}")
    pairs = []
    for lab in (a, b):
        groups = collections.defaultdict(list)
        for k in keys:
            groups[lab[k]].append(k)
        pairs.append({pair for g in groups.values() for pair in itertools.combinations(g, 2)})
    both = len(pairs[0] & pairs[1])
    print(f"  same-identity pairs, all articles: {len(pairs[0])} first, {len(pairs[1])} independent, "
          f"{both} both: P {both / len(pairs[1]):.4f} R {both / len(pairs[0]):.4f}")
    same_a, same_b = [], []
    for k1, k2 in itertools.combinations(keys, 2):
        if k1[0] == k2[0]:
            same_a.append(a[k1] == a[k2])
            same_b.append(b[k1] == b[k2])
    po, k = kappa(same_a, same_b)
    print(f"  within-article pairs {len(same_a)}: agreement {po:.4f}, Cohen's kappa {k:.4f}")
    po, k = kappa([first[x]["kind"] for x in keys], [second[x]["kind"] for x in keys])
    print(f"  kind: agreement {po:.4f}, Cohen's kappa {k:.4f}")


def main():
    if sys.argv[1:] == ["--independent"]:
        independent_agreement()
        return
    gender_agreement(sys.argv[1] if len(sys.argv) > 1 else "genders.jsonl")
    identity_agreement()


if __name__ == "__main__":
    main()
