"""Candidate pairs for a hand-made quote-trail gold, listed deterministically from a PolNeAR split.

The universe is the split's gold direct attributions with 3+ quoted words, exactly as
``benchmarks/trails.py`` reads them (``gold_items``: the first annotator's ``.ann`` per article, a
content with a quotation mark). A *candidate* is a pair of them from two different articles that

    shares a word 4-gram of quoted words (inside one part: a reporter's ``…`` breaks a run), or
    where one holds the other's quoted words (every part in order: ``same`` or ``excerpt``).

Words are compared as ``saidwhat.store.utterance`` compares them (case, punctuation, accents and
contractions aside). Each pair gets an id (``c0001`` …, in the order of its two members' keys) and
the facts a reader needs: both members' speakers (the gold source spans), dates, quoted words, the
longest run of words they share and its content words. Candidates are listed strongest first
(``--tier``): ``strong`` pairs (one holds the other, a shared run of 6+ words or of 60 % of the
shorter quote, or 4+ content words in the shared runs) are read one by one (``--lines``, and in
their articles with ``--show``); the ``weak`` ones (one common phrase of 4-5 words in two longer
quotes, "I do not think", "President of the United States") are screened by a seeded sample
read the same way (see benchmarks/data/README.md).

    .venv/bin/python benchmarks/trail_candidates.py --split ../shared/data/polnear/train \\
        --out out/trail-candidates-train.json                 # every candidate, as JSON
    ... --show --tier strong > out/strong.txt                  # each strong pair with context
    ... --groups > out/weak-groups.txt                         # weak pairs grouped by phrase
    ... --sample 40 --seed 2026                                # ids of a seeded sample (second pass)
    ... --check benchmarks/data/trails-polnear-train.json     # every candidate judged, trails agree
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from saidwhat.evaluate.polnear import load_split
from saidwhat.schema import Span
from saidwhat.store.utterance import FUNCTION_WORDS, Utterance, relation, utterance

sys.path.insert(0, str(Path(__file__).resolve().parent))
from trails import _DIRECT  # noqa: E402 - after the sys.path set-up

#: quoted words shared in one run to make a candidate (the dev gold's procedure)
GRAM = 4
#: a pair is read one by one in its articles when the longest shared run has this many words ...
STRONG_RUN = 6
#: ... or the shared runs (3+ words each) hold this many content words, or one holds the other, ...
STRONG_CONTENT = 4
#: ... or the longest shared run is this share of the shorter quote's words
STRONG_SHARE = 0.6
#: characters of article text shown around a quote
CONTEXT = 300

Item = tuple[str, int]


@dataclass(frozen=True)
class Member:
    article: str
    start: int
    text: str
    content: list[Span]
    source: str
    utterance: Utterance

    @property
    def key(self) -> Item:
        return (self.article, self.start)

    @property
    def quoted(self) -> str:
        return " | ".join(" ".join(p) for p in self.utterance.parts)


def members(split: str, min_words: int = 3) -> dict[Item, Member]:
    """The split's gold direct attributions with ``min_words`` quoted words (as trails.py's)."""
    out: dict[Item, Member] = {}
    for aid, text, atts in load_split(split):
        for att in atts:
            content = " ".join(text[s:e] for s, e in att.content)
            u = utterance(content, "direct")
            if _DIRECT.search(content) and len(u) >= min_words:
                source = " ".join(text[s:e] for s, e in att.source)
                out[(aid, att.content[0][0])] = Member(aid, att.content[0][0], text, att.content, source, u)
    return out


def _gram_pairs(ms: dict[Item, Member]) -> set[tuple[Item, Item]]:
    index: dict[tuple[str, ...], set[Item]] = defaultdict(set)
    for key, m in ms.items():
        for part in m.utterance.parts:
            for i in range(len(part) - GRAM + 1):
                index[part[i : i + GRAM]].add(key)
    return {(a, b) for keys in index.values() for a, b in itertools.combinations(sorted(keys), 2)
            if a[0] != b[0]}


def _holds(a: Utterance, b: Utterance) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return relation(short, long) in ("same", "excerpt")


def _held_pairs(ms: dict[Item, Member]) -> set[tuple[Item, Item]]:
    """Pairs where one holds the other's quoted words; only pairs sharing a first word of each
    part are tested (a necessary condition), so this stays fast."""
    by_word: dict[str, set[Item]] = defaultdict(set)
    for key, m in ms.items():
        for w in set(m.utterance.words):
            by_word[w].add(key)
    out = set()
    for key, m in ms.items():
        others = set.intersection(*(by_word[p[0]] for p in m.utterance.parts))
        for other in others:
            if other[0] != key[0] and len(ms[other].utterance) >= len(m.utterance) \
                    and _holds(m.utterance, ms[other].utterance):
                out.add((min(key, other), max(key, other)))
    return out


def _date(metadata: dict[str, str], article: str) -> str:
    return metadata.get(article, "")


def read_metadata(path: Path) -> dict[str, str]:
    """Publication date by file stem (PolNeAR's metadata.tsv)."""
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["filename"]: row["publication_date"] for row in csv.DictReader(fh, delimiter="\t")}


def _facts(a: Member, b: Member) -> dict[str, Any]:
    wa, wb = a.utterance.words, b.utterance.words
    blocks = SequenceMatcher(None, wa, wb, autojunk=False).get_matching_blocks()
    longest = max(blocks, key=lambda blk: blk.size)
    shared = [w for blk in blocks if blk.size >= 3 for w in wa[blk.a : blk.a + blk.size]]
    return {"longest_run": longest.size, "longest_text": " ".join(wa[longest.a : longest.a + longest.size]),
            "shared_content_words": sum(1 for w in shared if w not in FUNCTION_WORDS),
            "holds": _holds(a.utterance, b.utterance)}


def candidates(split: str, metadata: dict[str, str]) -> list[dict[str, Any]]:
    """Every candidate pair, with an id, its facts and its tier, in a fixed order."""
    ms = members(split)
    pairs = sorted(_gram_pairs(ms) | _held_pairs(ms))
    out = []
    for n, (ka, kb) in enumerate(pairs, 1):
        a, b = ms[ka], ms[kb]
        facts = _facts(a, b)
        shorter = min(len(a.utterance), len(b.utterance))
        strong = (facts["holds"] or facts["longest_run"] >= STRONG_RUN
                  or facts["shared_content_words"] >= STRONG_CONTENT
                  or facts["longest_run"] >= STRONG_SHARE * shorter)
        out.append({"id": f"c{n:05d}", "tier": "strong" if strong else "weak", **facts,
                    "a": _side(a, metadata), "b": _side(b, metadata)})
    return out


def _side(m: Member, metadata: dict[str, str]) -> dict[str, Any]:
    return {"article": m.article, "content_start": m.start, "date": _date(metadata, m.article),
            "source": m.source, "quoted": m.quoted}


def _context(m: Member) -> str:
    s, e = m.content[0][0], m.content[-1][1]
    before = m.text[max(0, s - CONTEXT) : s].replace("\n", " ")
    after = m.text[e : e + CONTEXT // 2].replace("\n", " ")
    return f"…{before}[[{m.text[s:e]}]]{after}…"


def show(cands: list[dict[str, Any]], split: str) -> str:
    """Each candidate with both quotes in their articles' text, for reading."""
    ms = members(split)
    lines = []
    for c in cands:
        lines.append(f"=== {c['id']} run={c['longest_run']} content={c['shared_content_words']} "
                     f"holds={c['holds']}: {c['longest_text']!r}")
        for side in ("a", "b"):
            s = c[side]
            m = ms[(s["article"], s["content_start"])]
            lines.append(f"  [{side}] {s['article']} @{s['content_start']} {s['date']} "
                         f"SOURCE={s['source']!r}")
            lines.append(f"      {_context(m)}")
    return "\n".join(lines)


def lines(cands: list[dict[str, Any]]) -> str:
    """One line per candidate, grouped by the longest shared phrase (most frequent first)."""
    count: dict[str, int] = defaultdict(int)
    for c in cands:
        count[c["longest_text"]] += 1
    out = []
    for c in sorted(cands, key=lambda c: (-count[c["longest_text"]], c["longest_text"], c["id"])):
        a, b = c["a"], c["b"]
        out.append(f"{c['id']} {c['longest_run']:2} [{c['longest_text'][:40]}] "
                   f"A={a['source'][:22]!r} {a['date']} {a['article'][:14]} «{a['quoted'][:150]}» "
                   f"B={b['source'][:22]!r} {b['date']} {b['article'][:14]} «{b['quoted'][:150]}»")
    return "\n".join(out)


def groups(cands: list[dict[str, Any]]) -> str:
    """The weak candidates grouped by their longest shared phrase: each quote once per group."""
    by_phrase: dict[str, dict[Item, dict[str, Any]]] = defaultdict(dict)
    ids: dict[str, list[str]] = defaultdict(list)
    for c in cands:
        if c["tier"] != "weak":
            continue
        ids[c["longest_text"]].append(c["id"])
        for side in ("a", "b"):
            s = c[side]
            by_phrase[c["longest_text"]][(s["article"], s["content_start"])] = s
    lines = []
    for phrase in sorted(by_phrase, key=lambda p: (-len(by_phrase[p]), p)):
        lines.append(f"### {phrase!r}: {len(ids[phrase])} pairs {ids[phrase][0]}…")
        for s in sorted(by_phrase[phrase].values(), key=lambda s: (s["source"].lower(), s["date"])):
            lines.append(f"  {s['source'][:30]:30} {s['date']} {s['article'][:28]:28} {s['quoted'][:160]}")
    return "\n".join(lines)


def read_judgements(path: Path) -> dict[str, tuple[bool, str]]:
    """Hand judgements, one a line: ``ID S|N reason`` (S: the same utterance by the same speaker)."""
    out: dict[str, tuple[bool, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cid, label, reason = (line.split(" ", 2) + [""])[:3]
            if label not in ("S", "N") or cid in out:
                raise SystemExit(f"trail_candidates: {path}: bad or repeated judgement line {line!r}")
            out[cid] = (label == "S", reason)
    return out


def _groups_of(pairs: list[tuple[Item, Item]]) -> list[list[Item]]:
    """Connected groups of the 'same' pairs (union-find), each sorted, in a fixed order."""
    parent: dict[Item, Item] = {}

    def root(x: Item) -> Item:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict[Item, list[Item]] = defaultdict(list)
    for x in parent:
        groups[root(x)].append(x)
    return sorted(sorted(g) for g in groups.values())


def build(cands: list[dict[str, Any]], judged: dict[str, tuple[bool, str]], split: str,
          metadata: dict[str, str]) -> dict[str, Any]:
    """The gold: trails from the 'same' judgements (connected groups), each member's relation to
    the first sighting (earliest date, then earliest in the text) by the words of the gold spans,
    and every judgement with its reason. Weak candidates not judged are not in ``judgements``."""
    ms = members(split)
    key = {c["id"]: ((c["a"]["article"], c["a"]["content_start"]),
                     (c["b"]["article"], c["b"]["content_start"])) for c in cands}
    same = [key[i] for i, (s, _) in judged.items() if s]
    trails = []
    for group in _groups_of(same):
        ordered = sorted(group, key=lambda k: (_date(metadata, k[0]), k))
        first = ms[ordered[0]]
        members_out = [{"article": k[0], "content_start": k[1], "source": ms[k].source,
                        "relation": "first" if k == ordered[0]
                        else relation(ms[k].utterance, first.utterance)} for k in ordered]
        trails.append({"speaker": first.source, "about": first.quoted[:100], "members": members_out})
    judgements = [{"id": i, "same": s, "reason": r, "a": list(key[i][0]), "b": list(key[i][1])}
                  for i, (s, r) in sorted(judged.items())]
    return {"trails": trails, "judgements": judgements}


def check(cands: list[dict[str, Any]], gold: dict[str, Any]) -> list[str]:
    """Problems: a strong candidate not judged, a judged pair not a candidate, a 'same' judgement
    whose members are not in one gold trail, or a 'different' judgement whose members are."""
    key = {c["id"]: (c["a"]["article"], c["a"]["content_start"], c["b"]["article"], c["b"]["content_start"])
           for c in cands}
    strong = {c["id"] for c in cands if c["tier"] == "strong"}
    judged = {j["id"]: j for j in gold["judgements"]}
    problems = [f"{i}: not judged" for i in sorted(strong) if i not in judged]
    problems += [f"{i}: not a candidate" for i in judged if i not in key]
    trail_of = {(m["article"], int(m["content_start"])): n
                for n, t in enumerate(gold["trails"]) for m in t["members"]}
    for i, j in judged.items():
        if i not in key:
            continue
        a, b = key[i][:2], key[i][2:]
        together = a in trail_of and trail_of[a] == trail_of.get(b)
        if (j["same"] is True) != together:
            problems.append(f"{i}: judged same={j['same']} but trails say {together}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", required=True, help="the PolNeAR split folder (text/, attributions/)")
    parser.add_argument("--metadata", default=None, help="metadata.tsv (default: beside the split)")
    parser.add_argument("--out", default=None, help="write every candidate here (JSON)")
    parser.add_argument("--tier", choices=("strong", "weak"), default=None)
    parser.add_argument("--ids", default=None, help="comma-separated candidate ids to keep")
    parser.add_argument("--show", action="store_true", help="print the candidates with context")
    parser.add_argument("--lines", action="store_true", help="print one line per candidate")
    parser.add_argument("--groups", action="store_true", help="print the weak candidates by phrase")
    parser.add_argument("--sample", type=int, default=None, help="print N seeded candidate ids")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--check", default=None, help="a gold JSON whose judgements to check")
    parser.add_argument("--build", nargs=2, metavar=("JUDGEMENTS", "HEAD"), default=None,
                        help="print the gold built from a judgements file and a JSON head (about, ...)")
    args = parser.parse_args()
    meta = Path(args.metadata) if args.metadata else Path(args.split).parent / "metadata.tsv"
    cands = candidates(args.split, read_metadata(meta))
    counts = {t: sum(1 for c in cands if c["tier"] == t) for t in ("strong", "weak")}
    print(f"trail_candidates: {len(cands)} candidates {counts}", file=sys.stderr)
    if args.out:
        Path(args.out).write_text(json.dumps(cands, indent=1), encoding="utf-8")
    if args.check:
        problems = check(cands, json.loads(Path(args.check).read_text(encoding="utf-8")))
        print("\n".join(problems) or "trail_candidates: every candidate judged, trails agree")
        return 1 if problems else 0
    if args.build:
        head = json.loads(Path(args.build[1]).read_text(encoding="utf-8"))
        head.update(build(cands, read_judgements(Path(args.build[0])), args.split, read_metadata(meta)))
        print(json.dumps(head, indent=1, ensure_ascii=False))
        return 0
    pool = [c for c in cands if args.tier in (None, c["tier"])]
    if args.ids:
        wanted = set(args.ids.split(","))
        pool = [c for c in pool if c["id"] in wanted]
    if args.sample:
        print(",".join(sorted(c["id"] for c in random.Random(args.seed).sample(pool, args.sample))))
    elif args.lines:
        print(lines(pool))
    elif args.groups:
        print(groups(pool))
    elif args.show:
        print(show(pool, args.split))
    return 0


if __name__ == "__main__":
    sys.exit(main())
