"""Stance of one attribution toward one target: involvement (syntax) × polarity (lexicon, cue, negation).

The decision is transparent: the target must be *involved* (mentioned inside the content, or the
object of the cue, or the antecedent of the clause the cue sits in), then evaluative words count
with a weight that falls with their distance in the parse tree from the target mention, flipped
under negation and damped inside concessive phrases ("Despite persistent denials by X, ...");
the cue's own polarity ("rejected", "welcomed") adds when the target is its object or content.
Each part can be switched off (``StanceConfig``) to measure its contribution.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from saidwhat.analysis.stance import lexicon as stance_lexicon
from saidwhat.schema import STANCE_LABELS, Span, StanceLabel


@dataclass(frozen=True)
class StanceConfig:
    lexicon: bool = True  # evaluative words in the content
    cue: bool = True  # polarity of the cue ("rejected", "welcomed")
    syntax: bool = True  # involvement and distance by the parse (else: any mention nearby)
    negation: bool = True  # flip under "not", "never", ...
    threshold: float = 0.45  # |score| needed for support/oppose
    decay: float = 3.0  # tree distance over which a word's weight halves (beyond adjacency)
    # A learned softmax layer over ``FEATURES`` (weights per label), replacing the threshold rule
    # when set; ``learned.load_weights()`` gives the shipped one (see benchmarks/stance.py --train).
    weights: tuple[tuple[float, ...], ...] | None = None


DEFAULT = StanceConfig()


LABELS = STANCE_LABELS  # the weights' row order
FEATURES = ("bias", "in_content", "cue_object", "lex_pos", "lex_neg", "cue_pos", "cue_neg",
            "rival", "any_pos", "any_neg", "question", "raw")


@dataclass
class StanceResult:
    label: StanceLabel
    score: float  # confidence 0..1
    raw: float  # signed evidence
    involved: bool
    features: dict[str, float] | None = None


def apply_weights(weights: tuple[tuple[float, ...], ...],
                  feats: dict[str, float]) -> tuple[StanceLabel, float]:
    """Softmax over labels of a linear score per label; returns (label, probability)."""
    x = [feats.get(f, 0.0) for f in FEATURES]
    scores = [sum(w * v for w, v in zip(row, x, strict=False)) for row in weights]
    top = max(scores)
    exps = [math.exp(sc - top) for sc in scores]
    k = max(range(len(LABELS)), key=lambda i: scores[i])
    return LABELS[k], exps[k] / sum(exps)


def tokens_of(doc: Doc, spans: list[Span]) -> list[Token]:
    out: list[Token] = []
    for s, e in spans:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None:
            out.extend(sp)
    return out


def tree_distance(a: Token, b: Token) -> int:
    if a.sent.start != b.sent.start:
        return 12
    anc_a = [a, *a.ancestors]
    pos = {t.i: k for k, t in enumerate(anc_a)}
    k = 0
    t = b
    while t.i not in pos and k < 60:
        if t.head is t:
            return 12
        t = t.head
        k += 1
    return pos.get(t.i, 12) + k


def _negated(t: Token) -> bool:
    if any(c.dep_ == "neg" for c in t.children) \
            or any(c.dep_ == "neg" for c in t.head.children if t.dep_ in ("acomp", "attr", "dobj", "xcomp")):
        return True
    start = max(t.sent.start, t.i - 3)
    return any(t.doc[j].lower_ in stance_lexicon.NEGATORS for j in range(start, t.i))


def _conceded(t: Token) -> bool:
    """Inside "despite ..."/"although ..." the words are the speaker's foil, not the point."""
    for anc in t.ancestors:
        if anc.lower_ in ("despite", "although", "though", "notwithstanding") \
                and anc.dep_ in ("prep", "mark"):
            return True
    return False


def word_polarity(t: Token) -> float:
    lemma = t.lemma_.lower()
    low = t.lower_
    if lemma in stance_lexicon.POSITIVE or low in stance_lexicon.POSITIVE:
        return 1.0
    if lemma in stance_lexicon.NEGATIVE or low in stance_lexicon.NEGATIVE:
        return -1.0
    return 0.0


def _phrase_polarity(tokens: list[Token]) -> list[tuple[Token, float]]:
    """Multi-word expressions, each returned at its syntactic head (the token whose head is outside)."""
    out = []
    lemmas = [t.lemma_.lower().strip('"“”') for t in tokens]
    for n in (2, 3, 4):
        for i in range(len(tokens) - n + 1):
            ph = " ".join(lemmas[i: i + n])
            if ph in stance_lexicon.PHRASES_POSITIVE or ph in stance_lexicon.PHRASES_NEGATIVE:
                part = tokens[i: i + n]
                ids = {t.i for t in part}
                head = next((t for t in part if t.head.i not in ids), part[-1])
                out.append((head, 1.5 if ph in stance_lexicon.PHRASES_POSITIVE else -1.5))
    return out


def cue_polarity(t: Token) -> float:
    lemma = t.lemma_.lower()
    if lemma in stance_lexicon.CUE_POSITIVE:
        return 1.0
    if lemma in stance_lexicon.CUE_NEGATIVE:
        return -1.0
    return 0.0


def cue_objects(cue: Token) -> list[Token]:
    """Tokens the cue takes as object: dobj, passive subject, "of/as" objects, complements."""
    out: list[Token] = []
    for c in cue.children:
        if c.dep_ in ("dobj", "nsubjpass", "oprd", "attr"):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("of", "for", "on", "about", "as", "against", "to"):
            out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def score_attribution(doc: Doc, content: list[Span], cue: list[Span], source: list[Span],  # noqa: C901 - split in issue 12 work
                      target_tokens: set[int], is_self: bool, cfg: StanceConfig = DEFAULT,
                      rival: bool = False) -> StanceResult:
    """Stance of one attribution's source toward one target (its mentions as token indices).

    ``rival``: the source is (speaks for) another of the given targets.
    """
    if is_self:
        return StanceResult("neutral", 0.9, 0.0, False)
    ctoks = [t for t in tokens_of(doc, content) if not t.is_space]
    cue_toks = [t for t in tokens_of(doc, cue) if not t.is_space]
    src_idx = {t.i for t in tokens_of(doc, source)}
    tgt = target_tokens - src_idx
    in_content = [t for t in ctoks if t.i in tgt]
    # The target as the cue's object ("rejecting the findings", "called the assessment ...").
    cue_obj = False
    for c in cue_toks:
        for o in cue_objects(c):
            if any(x.i in tgt for x in o.subtree) and not any(x.i in src_idx for x in o.subtree):
                cue_obj = True
        # "the report, which he said was done ..." / "the report, which he called ..."
        for anc in [c, *list(c.ancestors)[:2]]:
            if anc.dep_ == "relcl" and anc.head.i in tgt:
                cue_obj = True
    if not cfg.syntax:
        sents = {t.sent.start for t in ctoks + cue_toks}
        near = [i for i in tgt if doc[i].sent.start in sents]
        in_content = [doc[i] for i in near]
        cue_obj = cue_obj or bool(near)
    involved = bool(in_content) or cue_obj
    if not involved:
        return StanceResult("neutral", 0.8, 0.0, False)
    raw = 0.0
    feats = {"bias": 1.0, "in_content": float(bool(in_content)), "cue_object": float(cue_obj),
             "rival": float(rival), "question": float(any(t.text == "?" for t in ctoks))}
    lex_pos = lex_neg = any_pos = any_neg = cue_pos = cue_neg = 0.0
    if cfg.lexicon:
        pol: list[tuple[Token, float]] = [(t, word_polarity(t)) for t in ctoks]
        pol = [(t, p) for t, p in pol if p]
        pol += _phrase_polarity(ctoks)
        for t, p in pol:
            if t.i in tgt and t.pos_ in ("NOUN", "PROPN"):
                continue  # the target's own name is not an evaluation of it ("the findings")
            if cfg.negation and _negated(t):
                p = -p
            w = 1.0
            if in_content and cfg.syntax:
                d = min(tree_distance(t, m) for m in in_content)
                w = 1.0 / (1.0 + max(0, d - 1) / cfg.decay)
            if cfg.syntax and _conceded(t):
                w *= 0.3
            raw += p * w
            if p > 0:
                lex_pos, any_pos = lex_pos + p * w, any_pos + 1
            else:
                lex_neg, any_neg = lex_neg - p * w, any_neg + 1
    if cfg.cue:
        for c in cue_toks:
            p = cue_polarity(c)
            if p and (cue_obj or in_content):
                if cfg.negation and _negated(c):
                    p = -p
                raw += 1.5 * p
                cue_pos, cue_neg = cue_pos + max(p, 0), cue_neg + max(-p, 0)
    feats.update(lex_pos=lex_pos, lex_neg=lex_neg, cue_pos=cue_pos, cue_neg=cue_neg,
                 any_pos=min(any_pos, 3) / 3, any_neg=min(any_neg, 3) / 3, raw=max(-3.0, min(3.0, raw)))
    label: StanceLabel = "neutral"
    if cfg.weights is not None:
        label, prob = apply_weights(cfg.weights, feats)
        return StanceResult(label, round(prob, 3), raw, True, feats)
    if raw >= cfg.threshold:
        label = "support"
    elif raw <= -cfg.threshold:
        label = "oppose"
    conf = min(0.99, 0.5 + abs(raw) / 4) if label != "neutral" else max(0.5, 0.9 - abs(raw) / 2)
    return StanceResult(label, round(conf, 3), raw, True, feats)
