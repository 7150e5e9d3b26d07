"""Training data for the attribution tagger: cue lexicon and BIO token labels from gold spans.

Used by ``scripts/train_attribution.py``; kept importable so that tests and error analysis see
exactly what the model was trained on.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc

from saidwhat.analysis.attribution.features import DocView
from saidwhat.evaluate.polnear import GoldAttribution

ROLES = (("source", "SOURCE"), ("cue", "CUE"), ("content", "CONTENT"))


def token_roles(doc: Doc, gold: list[GoldAttribution]) -> tuple[list[str], list[int]]:
    """Role (SOURCE/CUE/CONTENT/O) and attribution index (-1) of every token."""
    n = len(doc)
    starts = [t.idx for t in doc]
    ends = [t.idx + len(t.text) for t in doc]
    role = ["O"] * n
    owner = [-1] * n
    for a_i, att in enumerate(gold):
        for key, name in ROLES:
            for s, e in getattr(att, key):
                k = max(0, bisect.bisect_right(starts, s) - 1)
                while k < n and starts[k] < e:
                    if ends[k] > s and not doc[k].is_space and role[k] == "O":
                        role[k] = name
                        owner[k] = a_i
                    k += 1
    return role, owner


def bio_labels(v: DocView, role: list[str], owner: list[int]) -> list[list[str]]:
    """BIO labels per paragraph sequence: a run starts at a role or owner change."""
    out = []
    for seq in v.sequences:
        labs = []
        prev_role, prev_owner = "O", -1
        for i in seq:
            r = role[i]
            if r == "O":
                labs.append("O")
            elif r == prev_role and owner[i] == prev_owner:
                labs.append("I-" + r)
            else:
                labs.append("B-" + r)
            prev_role, prev_owner = r, owner[i]
        out.append(labs)
    return out


def build_lexicon(items: Iterable[tuple[Doc, list[str]]], min_count: int = 3) -> dict[str, list[float]]:
    """``{lemma: [cue probability, cue count, occurrences]}`` for lemmas seen as cue ≥ 2 times."""
    total: Counter[str] = Counter()
    cue: Counter[str] = Counter()
    for doc, role in items:
        for t, r in zip(doc, role, strict=True):
            if t.is_space:
                continue
            lm = t.lemma_.lower()
            total[lm] += 1
            if r == "CUE":
                cue[lm] += 1
    out = {}
    for lm, c in cue.items():
        if c >= 2 and total[lm] >= min_count:
            out[lm] = [round(c / total[lm], 4), c, total[lm]]
    return dict(sorted(out.items(), key=lambda kv: (-kv[1][1], kv[0])))
