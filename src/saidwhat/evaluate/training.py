"""Training data for the attribution tagger: cue lexicon and BIO token labels from gold spans.

Used by ``scripts/train_attribution.py``; kept importable so that tests and error analysis see
exactly what the model was trained on.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc

from saidwhat.analysis.attribution.features import DocView
from saidwhat.evaluate.polnear import GoldAttribution
from saidwhat.schema import Span

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


def _occurrences(text: str, needle: str, lo: int, hi: int) -> list[int]:
    """Starts of ``needle`` as whole words in ``text[lo:hi]``."""
    out, i = [], text.find(needle, lo, hi)
    while i >= 0:
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(needle)] if i + len(needle) < len(text) else " "
        if not (before.isalnum() or after.isalnum()):
            out.append(i)
        i = text.find(needle, i + 1, hi)
    return out


def _nearest(text: str, needles: list[str], lo: int, hi: int, around: tuple[int, int],
             taken: list[Span]) -> Span | None:
    """The occurrence of any needle in ``text[lo:hi]`` closest to the span ``around``, outside
    ``taken``."""
    best: tuple[int, Span] | None = None
    for needle in needles:
        for s in _occurrences(text, needle, lo, hi):
            e = s + len(needle)
            if any(s < te and ts < e for ts, te in taken):
                continue
            dist = max(around[0] - e, s - around[1], 0)
            if best is None or dist < best[0]:
                best = (dist, (s, e))
    return best[1] if best is not None else None


def wild_gold_attributions(text: str, attributions: list[dict[str, Any]],
                           reach: int = 400) -> list[GoldAttribution]:
    """Character spans of a wild-format page's attributions (``tests/data/wild``): every content
    string where it stands (in order), the cue string and the nearest mention of the speaker (its
    name or an alias, a pronoun included) within ``reach`` characters of the content, as PolNeAR
    marks the source mention beside its cue. Contents not in the text are skipped."""
    out: list[GoldAttribution] = []
    for a in attributions:
        contents: list[Span] = []
        cursor = 0
        for piece in a["content"]:
            s = text.find(str(piece), cursor)
            if s < 0:
                s = text.find(str(piece))
            if s >= 0:
                contents.append((s, s + len(str(piece))))
                cursor = s + len(str(piece))
        if not contents:
            continue
        around = (contents[0][0], contents[-1][1])
        lo, hi = max(0, around[0] - reach), min(len(text), around[1] + reach)
        cue = _nearest(text, [str(a["cue"])], lo, hi, around, contents) if a.get("cue") else None
        names = [str(a["speaker"])] if a.get("speaker") else []
        names += [str(x) for x in a.get("speaker_aliases") or []]
        near = (cue[0], cue[1]) if cue is not None else around
        source = _nearest(text, [n for n in names if n], lo, hi, near, contents + ([cue] if cue else []))
        out.append(GoldAttribution(content=contents, cue=[cue] if cue else [],
                                   source=[source] if source else []))
    return out
