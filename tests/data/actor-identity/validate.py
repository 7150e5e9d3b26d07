"""Validate sources.jsonl and genders.jsonl (and the second-pass files if present) against PolNeAR dev.

Checks: every line loads; (id, attribution) unique and complete for all E lines with a Source in the first
.ann per article (sorted by name); `source` (spans joined by a space) and `source_start` agree with .ann/.txt;
kinds, genders and evidence allowed; article-scoped identities start with their own article id; every gender
identity occurs in sources.jsonl; text examples occur in an article text. Exit status 1 on any error.
"""
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# The repo sits beside shared/ (tests/data/actor-identity -> ../../../../shared); --shared overrides.
DATA = os.path.join(HERE, "..", "..", "..", "..", "shared", "data", "polnear", "dev")
KINDS = {"person", "organization", "group", "anonymous", "document"}
GENDERS = {"female", "male", "unknown"}
EVIDENCE = {"text", "knowledge", "none"}


def gold():
    """(id, Eid) -> (surface, start) for every E line with a Source."""
    out, texts = {}, {}
    for path in sorted(glob.glob(f"{DATA}/text/*.txt")):
        aid = os.path.basename(path)[:-4]
        with open(path, encoding="utf-8") as f:
            t = texts[aid] = f.read()
        ann = min(glob.glob(f"{DATA}/attributions/{aid}_*.ann"))
        spans, events = {}, []
        with open(ann, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if parts[0].startswith("T"):
                    offs = parts[1].split(" ", 1)[1]
                    spans[parts[0]] = [tuple(map(int, p.split())) for p in offs.split(";")]
                elif parts[0].startswith("E"):
                    args = dict(a.split(":", 1) for a in parts[1].split())
                    events.append((parts[0], args))
        for eid, args in events:
            if "Source" in args:
                sp = spans[args["Source"]]
                out[(aid, eid)] = (" ".join(t[s:e] for s, e in sp), min(s for s, _ in sp))
    return out, texts


def load(name, errors):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                errors.append(f"{name}:{n}: {exc}")
    return rows


def check_sources(name, rows, want, errors, complete_for=None):
    seen = set()
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
    scope = {k for k in want if complete_for is None or k[0] in complete_for}
    for key in sorted(scope - seen):
        errors.append(f"{name}: missing {key}")


def check_genders(name, rows, idents, texts, errors):
    seen = set()
    for r in rows:
        ident = r.get("identity")
        if ident in seen:
            errors.append(f"{name}: duplicate {ident}")
        seen.add(ident)
        if ident not in idents:
            errors.append(f"{name}: {ident!r} not in sources.jsonl")
        if r.get("gender") not in GENDERS or r.get("evidence") not in EVIDENCE:
            errors.append(f"{name}: {ident} bad gender/evidence {r.get('gender')}/{r.get('evidence')}")
        ex = r.get("example", "")
        if r.get("evidence") == "text" and not (ex and any(ex in t for t in texts.values())):
            errors.append(f"{name}: {ident} text example not found: {ex!r}")
        if r.get("evidence") == "text" and r.get("gender") == "unknown":
            errors.append(f"{name}: {ident} text evidence but unknown gender")


def main():
    global DATA
    if len(sys.argv) > 2 and sys.argv[1] == "--shared":
        DATA = os.path.join(sys.argv[2], "data", "polnear", "dev")
    errors = []
    want, texts = gold()
    src = load("sources.jsonl", errors)
    check_sources("sources.jsonl", src, want, errors)
    idents = {r["identity"] for r in src}
    persons = {r["identity"] for r in src if r["kind"] == "person" and "#" not in r["identity"]}
    gen = load("genders.jsonl", errors)
    check_genders("genders.jsonl", gen, idents, texts, errors)
    missing = persons - {r["identity"] for r in gen}
    if missing:
        errors.append(f"genders.jsonl: named persons without gender: {sorted(missing)[:10]}")
    if len(gen) < 200:
        errors.append(f"genders.jsonl: only {len(gen)} speakers (< 200)")
    if os.path.exists(os.path.join(HERE, "second_sources.jsonl")):
        second = load("second_sources.jsonl", errors)
        arts = {r["id"] for r in second}
        check_sources("second_sources.jsonl", second, want, errors, complete_for=arts)
    if os.path.exists(os.path.join(HERE, "independent_sources.jsonl")):
        check_sources("independent_sources.jsonl", load("independent_sources.jsonl", errors), want, errors)
    if os.path.exists(os.path.join(HERE, "second_genders.jsonl")):
        check_genders("second_genders.jsonl", load("second_genders.jsonl", errors), idents, texts, errors)
    for e in errors:
        print("ERROR", e)
    print(f"sources {len(src)} rows / {len(want)} sourced attributions; genders {len(gen)} rows; "
          f"{len(errors)} errors")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
