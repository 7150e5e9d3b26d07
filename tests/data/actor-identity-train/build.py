"""Build sources.jsonl from labels.txt and second_sources.jsonl from labels_second.txt.

labels*.txt are the hand labels as written: "## ARTICLE" opens an article, then one line per sourced
attribution, "EID IDENTITY|K" with K one of p(erson) o(rganization) g(roup) a(nonymous) d(ocument);
an identity starting with "#" is scoped to its article (written ARTICLE#... in the JSON). The
source text and offset come from the article's first .ann file (by sorted name).

    python3 tests/data/actor-identity-train/build.py [--shared DIR] [--gold DIR]

``--gold DIR`` builds another gold folder of the same format (tests/data/actor-identity-train2, -train3).
"""
import json
import os
import sys

from validate import sourced

HERE = os.path.dirname(os.path.abspath(__file__))
KIND = {"p": "person", "o": "organization", "g": "group", "a": "anonymous", "d": "document"}


def build(labels: str, out: str) -> int:
    rows, aid, want = [], None, {}
    with open(os.path.join(HERE, labels), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("## "):
                aid = line[3:].strip()
                want = sourced(aid)
            elif line.strip():
                eid, rest = line.split(" ", 1)
                ident, kind = rest.rsplit("|", 1)
                surf, start = want[eid]
                rows.append({"id": aid, "attribution": eid, "source": surf, "source_start": start,
                             "identity": aid + ident if ident.startswith("#") else ident, "kind": KIND[kind]})
    with open(os.path.join(HERE, out), "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return len(rows)


def main() -> None:
    global HERE
    import validate
    args = sys.argv[1:]
    if "--shared" in args:
        validate.DATA = os.path.join(args[args.index("--shared") + 1], "data", "polnear", "train")
    if "--gold" in args:
        HERE = os.path.abspath(args[args.index("--gold") + 1])
    print(build("labels.txt", "sources.jsonl"), "rows;", build("labels_second.txt", "second_sources.jsonl"),
          "second-pass rows")


if __name__ == "__main__":
    main()
