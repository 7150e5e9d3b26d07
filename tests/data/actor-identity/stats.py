"""Print the counts of the identity gold: attributions, identities by kind, cross-article identities,
genders."""
import collections
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main():
    rows, gen = load("sources.jsonl"), load("genders.jsonl")
    kind, arts = {}, collections.defaultdict(set)
    for r in rows:
        kind[r["identity"]] = r["kind"]
        arts[r["identity"]].add(r["id"])
    n_articles = len({r["id"] for r in rows})
    print(f"attributions {len(rows)} in {n_articles} articles; distinct identities {len(kind)}")
    scoped = collections.Counter(k for i, k in kind.items() if "#" in i)
    named = collections.Counter(k for i, k in kind.items() if "#" not in i)
    for k in sorted(set(scoped) | set(named)):
        print(f"  {k:13s} {named[k] + scoped[k]:4d}  (named {named[k]}, article-scoped {scoped[k]})")
    cross = sorted((i for i in arts if len(arts[i]) >= 2), key=lambda i: -len(arts[i]))
    print(f"cross-article identities (>= 2 articles): {len(cross)}; attributions they cover: "
          f"{sum(1 for r in rows if r['identity'] in cross)}")
    print("  " + "; ".join(f"{i} ({len(arts[i])}, {kind[i]})" for i in cross))
    print(f"unresolved pronoun sources: {sum('#unresolved-' in r['identity'] for r in rows)}")
    print(f"gender rows {len(gen)} (named persons {sum('#' not in g['identity'] for g in gen)}, "
          f"article-scoped {sum('#' in g['identity'] for g in gen)})")
    for (g, e), n in sorted(collections.Counter((g["gender"], g["evidence"]) for g in gen).items()):
        print(f"  {g:8s} {e:10s} {n}")


if __name__ == "__main__":
    main()
