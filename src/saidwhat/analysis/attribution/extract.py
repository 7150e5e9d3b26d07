"""Find attributions (who said what) in a parsed Doc: CRF tagging, then syntactic assembly.

The CRF model and the cue lexicon are files next to this module (trained on PolNeAR train by
``scripts/train_attribution.py``; see MODEL_CARD.md), loaded once per process on first use.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc

from saidwhat.analysis.attribution.assemble import assemble, tag_spans
from saidwhat.analysis.attribution.features import DocView, sequence_features
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.attribution.rules import according_to, cut_after_quote, quote_leader, quote_trailer
from saidwhat.errors import ConfigError

HERE = Path(__file__).resolve().parent
MODEL_PATH = HERE / "attribution.crfsuite"
LEXICON_PATH = HERE / "cue_lexicon.json"


@functools.lru_cache(maxsize=1)
def load_lexicon(path: str = str(LEXICON_PATH)) -> dict[str, float]:
    """Cue probability per lemma (share of its occurrences that PolNeAR train marks as a cue)."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:  # pragma: no cover - install problem
        raise ConfigError(f"the cue lexicon {path} is missing; reinstall saidwhat") from exc
    return {k: float(v[0]) for k, v in data["lemmas"].items()}


@functools.lru_cache(maxsize=2)
def load_tagger(path: str = str(MODEL_PATH)) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(path)
    except OSError as exc:  # pragma: no cover - install problem
        raise ConfigError(f"the attribution model {path} is missing; reinstall saidwhat") from exc
    return tagger


# A token the Viterbi path leaves outside every span is still taken when its marginal
# probability of "O" is below this (the CRF is more precise than complete on PolNeAR).
# 0 turns this off (the default: on the hold-out it trades precision for recall at equal F1).
O_THRESHOLD = float(os.environ.get("SAIDWHAT_O_THRESHOLD", "0.0"))


def tag_doc(v: DocView, tagger: pycrfsuite.Tagger) -> tuple[dict[int, str], dict[int, float]]:
    """Label and marginal probability per (non-space) token."""
    labels: dict[int, str] = {}
    probs: dict[int, float] = {}
    names = [lab for lab in tagger.labels() if lab != "O"]
    for seq, feats in zip(v.sequences, sequence_features(v)):
        tagger.set(feats)
        ys = tagger.tag()
        for k, (i, y) in enumerate(zip(seq, ys)):
            if y == "O" and O_THRESHOLD > 0.0:
                p_o = tagger.marginal("O", k)
                if p_o < O_THRESHOLD:
                    best = max(names, key=lambda lab: tagger.marginal(lab, k))
                    prev = labels.get(seq[k - 1], "O") if k else "O"
                    y = best if best[2:] == prev[2:] or best[0] == "B" else "B-" + best[2:]
            labels[i] = y
            if y != "O":
                probs[i] = tagger.marginal(y, k)
    return labels, probs


def find_attributions(doc: Doc, *, model: str | None = None, lexicon: str | None = None) -> list[Attribution]:
    """Attributions of ``doc`` in character offsets of ``doc.text``, in text order."""
    if len(doc) == 0:
        return []
    lex = load_lexicon(lexicon or str(LEXICON_PATH))
    tagger = load_tagger(model or str(MODEL_PATH))
    v = DocView.build(doc, lex)
    labels, probs = tag_doc(v, tagger)
    quote_trailer(v, labels, probs)
    cut_after_quote(v, labels)
    according_to(v, labels, probs)
    quote_leader(v, labels, probs)
    spans = tag_spans(v, labels)
    for sp in spans:
        ps = [probs.get(i, 0.0) for i in sp.tokens() if i in probs]
        sp.score = sum(ps) / len(ps) if ps else 0.0
    return assemble(v, spans)
