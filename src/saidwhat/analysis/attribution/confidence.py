"""Confidence of a quote: the calibrated probability that it is usable.

Usable means what a reader needs: a real attribution, its content span right and its speaker
right. A logistic regression over a few features of the quote (the tagger's score, its kind,
the class of its cue, how its speaker was found, the distance between speaker and content) gives
that probability. The weights are data shipped next to this module (``confidence_weights.json``),
fitted by ``scripts/fit_confidence.py`` on PolNeAR train and the project's own annotated pages
(never on the shared dev sets); docs/confidence.md has the reliability table.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

from spacy.tokens import Doc

from saidwhat.analysis.attribution.interview import answer_label
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.attribution.profile import Verdict
from saidwhat.analysis.attribution.speaker import neuter_or_plural_pronoun, unresolved_pronoun
from saidwhat.analysis.nlp import text_of
from saidwhat.schema import Actor, Span


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


WEIGHTS_PATH = Path(__file__).resolve().parent / "confidence_weights.json"
_PRONOUNS = _words("he she they it we i you him her them this that who one")


# The confidence of a quote whose source is a personal pronoun the speaker rules found no one for
# (``speaker.pronouns.unresolved_pronoun``). Usable means the right speaker, and a bare pronoun never is one
# (score_wild.py counts no pronoun as a name; a reader cannot tell who spoke): on the 48 own pages 5
# such quotes (all on train), none usable, at a mean model confidence of 0.49. Below the default
# --min-confidence, so `analyze` hides them unless asked for all quotes (--min-confidence 0).
UNKNOWN_SPEAKER_CONFIDENCE = 0.05

# The highest confidence of a quote whose source is 'they' or 'it'
# (``speaker.pronouns.neuter_or_plural_pronoun``) that was resolved to an actor. The model's
# "pronoun" feature is learnt mostly from he/she, which are usable 119 times in 136 on the
# development pages (own train, heldout, train2, fresh; seventh round);
# 'they' and 'it' were usable 3 times in 12 shown, at model confidences 0.38-0.85 (an organisation,
# a group, the members of a conjunction, or singular 'they' for a spokesperson). 0.45 keeps them
# shown (hiding them would lose 3 usable quotes) but below the markdown report's "uncertain" mark
# (``views.render.UNCERTAIN``, 0.5), so a reader is told the speaker is unsure.
RESOLVED_PLURAL_PRONOUN_CONFIDENCE = 0.45


@functools.lru_cache(maxsize=2)
def load_weights(path: str = str(WEIGHTS_PATH)) -> dict[str, float]:
    """Feature name → weight (``bias`` included); empty when no model is shipped."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError:
        return {}
    return {str(k): float(v) for k, v in data["weights"].items()}


def _speaker_path(doc: Doc, mention: list[Span], actor: Actor | None) -> str:
    """How the speaker was found: a name, a pronoun, a description, or not at all."""
    if not mention:
        return "none"
    words = " ".join(text_of(doc)[s:e] for s, e in mention).strip().lower().split()
    if len(words) == 1 and words[0] in _PRONOUNS:
        return "pronoun"
    if actor is None:
        return "unresolved"
    if actor.kind == "anonymous":
        return "anonymous"
    if any(w[:1].isupper() for w in " ".join(text_of(doc)[s:e] for s, e in mention).split()):
        return "name"
    return "description"


def _gap_chars(mention: list[Span], content: list[Span]) -> int:
    if not mention or not content:
        return 0
    ms, me = mention[0][0], mention[-1][1]
    cs, ce = content[0][0], content[-1][1]
    if me <= cs:
        return cs - me
    if ce <= ms:
        return ms - ce
    return 0


def features(doc: Doc, att: Attribution, verdict: Verdict, mention: list[Span],
             actor: Actor | None) -> dict[str, float]:
    """Named feature values of one quote (absent names are 0)."""
    f: dict[str, float] = {"bias": 1.0, "tagger": att.confidence}
    f["kind=" + att.kind] = 1.0
    f["cue=" + verdict.cue_class] = 1.0
    if verdict.cue_lemma in ("say", "accord", "tell"):
        f["cue_lemma=" + verdict.cue_lemma] = 1.0
    path = _speaker_path(doc, mention, actor)
    f["speaker=" + path] = 1.0
    if actor is not None:
        f["actor_kind=" + actor.kind] = 1.0
    answer = answer_label(text_of(doc), list(att.cue))  # an interview's answer: beside its speaker
    gap = 0 if answer else _gap_chars(mention, list(att.content))
    f["log_gap"] = math.log1p(gap) / 5.0
    cs = att.content[0][0] if att.content else 0
    ce = att.content[-1][1] if att.content else 0
    if mention and not answer and "\n" in text_of(doc)[min(mention[0][0], cs):max(mention[-1][1], ce)]:
        f["speaker_other_paragraph"] = 1.0
    n_words = len(" ".join(text_of(doc)[s:e] for s, e in att.content).split())
    f["log_words"] = math.log1p(n_words) / 4.0
    f["type=belief"] = float(att.type == "belief")
    return f


def probability(feats: dict[str, float], weights: dict[str, float]) -> float:
    z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def usable_probability(doc: Doc, att: Attribution, verdict: Verdict, mention: list[Span],
                       actor_id: str | None, actors: list[Actor]) -> float:
    """Calibrated probability that the quote is usable; the tagger's score when no model ships."""
    weights = load_weights()
    if not weights:
        return att.confidence
    actor = next((a for a in actors if a.id == actor_id), None) if actor_id else None
    p = probability(features(doc, att, verdict, mention, actor), weights)
    if unresolved_pronoun(doc, mention, actor):
        return min(p, UNKNOWN_SPEAKER_CONFIDENCE)
    if neuter_or_plural_pronoun(doc, mention):
        return min(p, RESOLVED_PLURAL_PRONOUN_CONFIDENCE)
    return p
