"""Find attributions (who said what) in a parsed Doc: CRF tagging, then syntactic assembly.

The CRF model and the cue lexicon are files next to this module (trained on PolNeAR train by
``scripts/train_attribution.py``; see MODEL_CARD.md), loaded once per process on first use.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc

from saidwhat.analysis.attribution.assemble import assemble, tag_spans
from saidwhat.analysis.attribution.attitudes import attitude_attributions
from saidwhat.analysis.attribution.features import DocView, sequence_features
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.attribution.rules import (
    according_to,
    as_puts_it,
    content_from_parse,
    cut_after_quote,
    inner_reports,
    nested_reports,
    participle_leader,
    quote_leader,
    quote_trailer,
    split_at_trailer,
    through_ellipsis,
)
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


def tag_doc(v: DocView, tagger: pycrfsuite.Tagger) -> tuple[dict[int, str], dict[int, float]]:
    """Viterbi label and its marginal probability per (non-space) token."""
    labels: dict[int, str] = {}
    probs: dict[int, float] = {}
    for seq, feats in zip(v.sequences, sequence_features(v), strict=True):
        tagger.set(feats)
        for k, (i, y) in enumerate(zip(seq, tagger.tag(), strict=True)):
            labels[i] = y
            if y != "O":
                probs[i] = tagger.marginal(y, k)
    return labels, probs


def find_attributions(doc: Doc, *, model: str | None = None, lexicon: str | None = None,
                      recover_contents: bool = False, attitudes: bool = False) -> list[Attribution]:
    """Attributions of ``doc`` in character offsets of ``doc.text``, in text order.

    ``recover_contents`` (the user profile) adds ``rules.content_from_parse``: a tagged cue and
    source with no content in their sentence take the cue's complement clause as content, and
    ``rules.nested_reports`` adds the outer report of a report. ``attitudes`` (the polnear
    profile with stance) adds the attitudes toward someone the tagger left out, typed apart
    (``attitudes.py``)."""
    if len(doc) == 0:
        return []
    lex = load_lexicon(lexicon or str(LEXICON_PATH))
    tagger = load_tagger(model or str(MODEL_PATH))
    v = DocView.build(doc, lex)
    labels, probs = tag_doc(v, tagger)
    through_ellipsis(v, labels)
    quote_trailer(v, labels, probs)
    cut_after_quote(v, labels)
    split_at_trailer(v, labels)
    according_to(v, labels, probs)
    as_puts_it(v, labels, probs)
    quote_leader(v, labels, probs)
    participle_leader(v, labels, probs)
    if recover_contents:
        content_from_parse(v, labels, probs)
    spans = tag_spans(v, labels)
    for sp in spans:
        ps = [probs.get(i, 0.0) for i in sp.tokens() if i in probs]
        sp.score = sum(ps) / len(ps) if ps else 0.0
    atts = assemble(v, spans)
    if recover_contents:
        atts = atts + nested_reports(v, labels, probs, atts)
        atts = sorted(atts + inner_reports(v, atts), key=lambda a: a.content[0])
    if attitudes:
        atts = sorted(atts + attitude_attributions(doc, atts), key=lambda a: a.content[0])
    return atts
