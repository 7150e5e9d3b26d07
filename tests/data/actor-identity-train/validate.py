"""Validate sources.jsonl (and second_sources.jsonl) against PolNeAR train.

Checks: every line loads; (id, attribution) unique; every labelled article is labelled completely (every E
line with a Source in its first .ann by sorted name); `source` (the Source spans joined by a space) and
`source_start` agree with the .ann/.txt files; kinds allowed; article-scoped identities start with their own
article id. Exit status 1 on any error.

    python3 tests/data/actor-identity-train/validate.py [--shared DIR] [--gold DIR]

``--gold DIR`` checks another gold folder of the same format (tests/data/actor-identity-train2, -train3).
"""
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# The repo sits beside shared/ (tests/data/actor-identity-train -> ../../../../shared); --shared overrides.
DATA = os.path.join(HERE, "..", "..", "..", "..", "shared", "data", "polnear", "train")
KINDS = {"person", "organization", "group", "anonymous", "document"}


def sourced(aid):
    """Eid -> (surface, start) for every E line with a Source in the article's first .ann."""
    with open(os.path.join(DATA, "text", aid + ".txt"), encoding="utf-8") as f:
        text = f.read()
    ann = min(glob.glob(os.path.join(DATA, "attributions", aid + "_*.ann")))
    spans, events = {}, []
    with open(ann, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if parts[0].startswith("T"):
                offs = parts[1].split(" ", 1)[1]
                spans[parts[0]] = [tuple(map(int, p.split())) for p in offs.split(";")]
            elif parts[0].startswith("E"):
                events.append((parts[0], dict(a.split(":", 1) for a in parts[1].split())))
    out = {}
    for eid, args in events:
        if "Source" in args:
            sp = spans[args["Source"]]
            out[eid] = (" ".join(text[s:e] for s, e in sp), min(s for s, _ in sp))
    return out


def load(name, errors):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                errors.append(f"{name}:{n}: {exc}")
    return rows


def check(name, rows, errors):
    seen = set()
    arts = sorted({r.get("id") for r in rows})
    want = {}
    for aid in arts:
        if not os.path.exists(os.path.join(DATA, "text", f"{aid}.txt")):
            errors.append(f"{name}: {aid} is not a train article")
            continue
        want.update({(aid, e): v for e, v in sourced(aid).items()})
    for r in rows:
        key = (r.get("id"), r.get("attribution"))
        if key in seen:
            errors.append(f"{name}: duplicate {key}")
        seen.add(key)
        if key not in want:
            errors.append(f"{name}: {key} is not a sourced attribution")
            continue
        surf, start = want[key]
        if r.get("source") != surf or r.get("source_start") != start:
            errors.append(f"{name}: {key} source {r.get('source')!r}@{r.get('source_start')} "
                          f"!= {surf!r}@{start}")
        if r.get("kind") not in KINDS:
            errors.append(f"{name}: {key} bad kind {r.get('kind')!r}")
        ident = r.get("identity")
        if not isinstance(ident, str) or not ident.strip():
            errors.append(f"{name}: {key} empty identity")
        elif "#" in ident and not ident.startswith(key[0] + "#"):
            errors.append(f"{name}: {key} scoped identity of another article: {ident}")
    for key in sorted(set(want) - seen):
        errors.append(f"{name}: missing {key}")
    return len(arts), len(want)


def main():
    global DATA, HERE
    args = sys.argv[1:]
    if "--shared" in args:
        DATA = os.path.join(args[args.index("--shared") + 1], "data", "polnear", "train")
    if "--gold" in args:
        HERE = os.path.abspath(args[args.index("--gold") + 1])
    errors = []
    rows = load("sources.jsonl", errors)
    n_art, n_att = check("sources.jsonl", rows, errors)
    if os.path.exists(os.path.join(HERE, "second_sources.jsonl")):
        check("second_sources.jsonl", load("second_sources.jsonl", errors), errors)
    for e in errors:
        print("ERROR", e)
    print(f"sources {len(rows)} rows / {n_att} sourced attributions in {n_art} articles; "
          f"{len(errors)} errors")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
