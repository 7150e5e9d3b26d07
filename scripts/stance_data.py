#!/usr/bin/env python
"""The hand-made stance training data (``tests/data/stance``): validate it, count it, measure agreement.

    .venv/bin/python scripts/stance_data.py [--shared ../shared] [--markdown]

Checks every label file against the texts it points into (``../shared`` is read only here and by
the training script; the product never needs it):

- PolNeAR labels: keys and labels as in ``polnear-stance/dev.jsonl``; each (id, attribution) once;
  the article is in PolNeAR *train* (never dev); the ``E`` line exists in the article's first
  ``.ann`` and has a Source and a Content; ``source`` is the Source span's surface text and
  ``content_start`` the smallest Content offset; every sourced attribution of a labelled article
  is labelled;
- page labels: the page is in the article-extraction benchmark; every ``evidence`` offset pair
  reads ``evidence_text`` from ``title + "\\n\\n" + articleBody``; every alias is in that text;
  roles are ``author`` (no stance) or ``reactor`` (a stance).

Prints label counts and Cohen's kappa per target on the doubly labelled articles. Exit status 1
when any check fails. The functions are imported by ``scripts/train_stance.py``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "stance"
TARGETS = ("Donald Trump", "Hillary Clinton")
LABELS = ("support", "oppose", "neutral", "self")
KEYS = {"id", "attribution", "source", "content_start", "stance"}
# S1, S2: the first round (107 articles, every labelled article as PolNeAR lists them); S3-S5: the
# second round (session 9, 90 articles chosen for words of support near a candidate's name).
# S6-S9: a third round (session 9), 200 train articles drawn at random (seed 9).
POLNEAR_FILES = tuple(f"polnear-train-s{i}.jsonl" for i in range(1, 15))
# Articles labelled a second time, blind, by another annotator (agreement only; not trained on):
# the second labelling and the file it is compared with.
SECOND_ANNOTATOR = {
    f"polnear-train-s{i}-second-annotator.jsonl": f"polnear-train-s{i}.jsonl" for i in range(2, 15)
}
THIRD_CHECK = "polnear-train-third-check.jsonl"
PAGES = "pages.jsonl"

_T_LINE = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"(E\d+)\t(.*)")

Span = tuple[int, int]


@dataclass
class Event:
    """One brat ``E`` line: its spans by role (``Content2`` joins ``Content``)."""

    eid: str
    content: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    source: list[Span] = field(default_factory=list)
    has_source_arg: bool = False


def read_events(path: Path) -> dict[str, Event]:
    """Every ``E`` line of a ``.ann`` file, read as the shared scorer reads it."""
    spans: dict[str, list[Span]] = {}
    lines = path.read_text(encoding="utf-8").split("\n")
    for line in lines:
        t = _T_LINE.match(line)
        if t:
            spans[t.group(1)] = [(int(a), int(b)) for a, b in (p.split() for p in t.group(3).split(";"))]
    out: dict[str, Event] = {}
    for line in lines:
        e = _E_LINE.match(line)
        if not e:
            continue
        ev = Event(e.group(1))
        for arg in e.group(2).split():
            role, tid = arg.split(":", 1)
            role = role.rstrip("0123456789")
            if role == "Content":
                ev.content.extend(spans.get(tid, []))
            elif role == "Cue":
                ev.cue.extend(spans.get(tid, []))
            elif role == "Source":
                ev.source.extend(spans.get(tid, []))
                ev.has_source_arg = True
        out[ev.eid] = ev
    return out


def first_ann(split: Path, aid: str) -> Path | None:
    """The first ``ID_<annotator>.ann`` by name, as the shared scorer picks it."""
    anns = (split / "attributions").glob(f"{aid}_*.ann")
    names = sorted(p for p in anns if p.stem.rsplit("_", 1)[0] == aid)
    return names[0] if names else None


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sourced_events(split: Path, aid: str) -> dict[str, Event]:
    """The labellable attributions of an article: E lines with a Source and a Content."""
    ann = first_ann(split, aid)
    if ann is None:
        return {}
    return {k: e for k, e in read_events(ann).items() if e.has_source_arg and e.content}


def _check_row(n: int, row: dict[str, Any], events: dict[str, Event], text: str) -> list[str]:
    errs: list[str] = []
    if set(row) != KEYS:
        return [f"line {n}: keys {sorted(row)}"]
    st = row["stance"]
    if not isinstance(st, dict) or set(st) != set(TARGETS) or not set(st.values()) <= set(LABELS):
        errs.append(f"line {n}: bad stance {st!r}")
    ev = events.get(row["attribution"])
    if ev is None:
        where = f"{row['id']} {row['attribution']}"
        return errs + [f"line {n}: {where} is not a sourced attribution with content"]
    source = " ".join(text[s:e] for s, e in ev.source)
    if source != row["source"]:
        errs.append(f"line {n}: source {row['source']!r} != {source!r}")
    if row["content_start"] != min(s for s, _ in ev.content):
        errs.append(f"line {n}: content_start {row['content_start']} != {min(s for s, _ in ev.content)}")
    return errs


def check_polnear(rows: list[dict[str, Any]], shared: Path, *, complete: bool = True) -> list[str]:
    """Errors of a PolNeAR label file (empty: valid)."""
    train = shared / "data" / "polnear" / "train"
    dev_ids = {p.stem for p in (shared / "data" / "polnear" / "dev" / "text").glob("*.txt")}
    errs: list[str] = []
    seen: set[tuple[str, str]] = set()
    per_article: dict[str, set[str]] = {}
    cache: dict[str, tuple[dict[str, Event], str]] = {}
    for n, row in enumerate(rows, 1):
        aid = str(row.get("id"))
        if aid in dev_ids:
            errs.append(f"line {n}: {aid} is a PolNeAR dev article")
        if aid not in cache:
            path = train / "text" / f"{aid}.txt"
            cache[aid] = (sourced_events(train, aid), read_text(path)) if path.is_file() else ({}, "")
        key = (aid, str(row.get("attribution")))
        if key in seen:
            errs.append(f"line {n}: duplicate {key}")
        seen.add(key)
        errs += _check_row(n, row, *cache[aid])
        per_article.setdefault(aid, set()).add(key[1])
    if complete:
        for aid, done in per_article.items():
            missing = set(cache[aid][0]) - done
            if missing:
                errs.append(f"{aid}: unlabelled attributions {sorted(missing)}")
    return errs


def page_text(shared: Path, page: str, title: str) -> str | None:
    """The labelled text of a benchmark page: its title, a blank line, its hand-checked body."""
    gt = _ground_truth(shared)
    if page not in gt:
        return None
    return title + "\n\n" + str(gt[page]["articleBody"])


_GT: dict[str, dict[str, Any]] = {}


def _ground_truth(shared: Path) -> dict[str, Any]:
    if not _GT:
        path = shared / "data" / "article-extraction-benchmark" / "ground-truth.json"
        _GT.update(json.loads(path.read_text(encoding="utf-8")))
    return _GT


def check_pages(pages: list[dict[str, Any]], shared: Path) -> list[str]:
    errs: list[str] = []
    wild = {p.stem for p in (shared / "data" / "wild" / "dev").glob("*.json")}
    for n, rec in enumerate(pages, 1):
        text = page_text(shared, rec["page"], rec["title"])
        if text is None:
            errs.append(f"page line {n}: {rec['page']} is not a benchmark page")
            continue
        if rec["page"][:16] in wild:
            errs.append(f"page line {n}: {rec['page']} is a wild-dev page")
        errs += [f"page line {n}: alias {a!r} not in the text"
                 for a in rec["target_aliases"] if a not in text]
        for st in rec["stances"]:
            s, e = st["evidence"]
            if text[s:e] != st["evidence_text"]:
                errs.append(f"page line {n}: evidence of {st['actor']!r} does not read back at {s}:{e}")
            if len(st["evidence_text"].split()) < 4:
                errs.append(f"page line {n}: evidence of {st['actor']!r} is under four words")
            label = st.get("stance")
            if (st["role"] == "author") != (label is None) or label not in (None, *LABELS[:3]):
                errs.append(f"page line {n}: {st['actor']!r}: role {st['role']!r} with stance {label!r}")
    return errs


def counts(rows: list[dict[str, Any]]) -> dict[str, Counter[str]]:
    return {t: Counter(r["stance"][t] for r in rows) for t in TARGETS}


def cohen_kappa(a: list[str], b: list[str]) -> float:
    """Cohen's kappa of two label sequences over the same items (1.0 when chance agreement is total)."""
    n = len(a)
    if n == 0:
        return float("nan")
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if expected == 1.0 else (observed - expected) / (1 - expected)


def agreement(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per target: items, observed agreement, kappa, and the label pairs, over items in both files."""
    other = {(r["id"], r["attribution"]): r["stance"] for r in second}
    both = [(r["stance"], other[(r["id"], r["attribution"])])
            for r in first if (r["id"], r["attribution"]) in other]
    out: dict[str, dict[str, Any]] = {}
    for t in TARGETS:
        a = [x[t] for x, _ in both]
        b = [y[t] for _, y in both]
        out[t] = {"n": len(a), "observed": sum(x == y for x, y in zip(a, b, strict=True)) / max(1, len(a)),
                  "kappa": cohen_kappa(a, b), "pairs": Counter(zip(a, b, strict=True))}
    return out


def _print_counts(name: str, rows: list[dict[str, Any]]) -> None:
    c = counts(rows)
    arts = len({r["id"] for r in rows})
    print(f"\n{name}: {len(rows)} attributions, {arts} articles")
    print("| target | support | oppose | neutral | self |\n|---|---|---|---|---|")
    for t in TARGETS:
        print(f"| {t} | " + " | ".join(str(c[t][lab]) for lab in LABELS) + " |")


def _print_agreement(result: dict[str, dict[str, Any]]) -> None:
    for t, res in result.items():
        pairs = ", ".join(f"{a}/{b} {k}" for (a, b), k in sorted(res["pairs"].items()))
        print(f"agreement {t}: n {res['n']}, observed {res['observed']:.3f}, "
              f"kappa {res['kappa']:.3f} ({pairs})")


def _third_check(all_rows: list[dict[str, Any]]) -> None:
    """Kappa of a blind relabelling of a sample stratified by the given label (support/oppose/neutral)."""
    given = {(r["id"], r["attribution"]): r["stance"] for r in all_rows}
    third = load_jsonl(DATA / THIRD_CHECK)
    a = [given[(r["id"], r["attribution"])][r["target"]] for r in third]
    b = [r["label"] for r in third]
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
    disagree = Counter((x, y) for x, y in zip(a, b, strict=True) if x != y)
    print(f"\n{THIRD_CHECK}: {len(third)} pairs relabelled blind, stratified by the given label "
          f"{dict(Counter(a))}: observed {observed:.3f}, kappa {cohen_kappa(a, b):.3f}; "
          f"disagreements (given, third) {dict(disagree)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args(argv)
    bad = False
    all_rows: list[dict[str, Any]] = []
    for name in POLNEAR_FILES:
        rows = load_jsonl(DATA / name)
        errs = check_polnear(rows, args.shared)
        print(f"{name}: {len(rows)} lines, {len(errs)} errors", *errs[:20], sep="\n  ")
        bad |= bool(errs)
        all_rows += rows
        _print_counts(name, rows)
    _print_counts("all PolNeAR train labels", all_rows)
    pooled: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([], [])
    for second_name, first_name in SECOND_ANNOTATOR.items():
        second = load_jsonl(DATA / second_name)
        errs = check_polnear(second, args.shared)
        print(f"\n{second_name}: {len(second)} lines, {len(errs)} errors", *errs[:20], sep="\n  ")
        bad |= bool(errs)
        first = load_jsonl(DATA / first_name)
        _print_agreement(agreement(second, first))
        ids = {r["id"] for r in second}
        pooled[0].extend(second)
        pooled[1].extend(r for r in first if r["id"] in ids)
    print(f"\nall doubly labelled articles ({len({r['id'] for r in pooled[0]})}):")
    _print_agreement(agreement(*pooled))
    _third_check(all_rows)
    pages = load_jsonl(DATA / PAGES)
    errs = check_pages(pages, args.shared)
    roles = Counter(st["role"] for p in pages for st in p["stances"])
    labels = Counter(st.get("stance", "-") for p in pages for st in p["stances"])
    print(f"\n{PAGES}: {len(pages)} pages, {sum(roles.values())} actors ({dict(roles)}; reactor labels "
          f"{ {k: v for k, v in labels.items() if k != '-'} }), {len(errs)} errors", *errs[:20], sep="\n  ")
    bad |= bool(errs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
