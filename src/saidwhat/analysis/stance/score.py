"""Stance of one attribution toward one target: involvement (syntax) × polarity (lexicon, cue, words).

1. **Involvement** decides whether there is any evidence at all. The target is *in the content*,
   the *object of the cue* ("rejecting the findings"), or the antecedent of the clause the cue
   sits in; else it is *near* (in a sentence the attribution spans) or *adjacent* (the sentence
   before or after). None of these: no stance (``label=None``): the speaker said nothing about
   the target, which is not the same as saying something neutral about it.
2. **Polarity**: evaluative words of the content (``lexicon.py``) weighted by their parse-tree
   distance to the target mention, flipped under negation, damped in concessions; the cue's own
   polarity ("rejected", "welcomed").
3. **Decision**: the learned layer (``learned.py``) over the features of ``pair_features`` —
   the rule's sums, the involvement type, and the content's words weighted by their nearness to
   the target — gives calibrated probabilities; without it the transparent threshold rule on the
   signed sum decides. Each part can be switched off (``StanceConfig``) to measure it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from saidwhat.analysis.attribution.attitudes import OPPOSE_WORDS, SUPPORT_WORDS
from saidwhat.analysis.stance import lexicon as lx
from saidwhat.analysis.stance import race, reported
from saidwhat.analysis.stance.features import (
    Involvement,
    source_features,
    tree_distance,
    voice_features,
    word_features,
)
from saidwhat.schema import STANCE_LABELS, Span, StanceLabel


@dataclass(frozen=True)
class StanceConfig:
    lexicon: bool = True  # evaluative words in the content
    cue: bool = True  # polarity of the cue ("rejected", "welcomed")
    syntax: bool = True  # involvement and distance by the parse (else: any mention nearby)
    negation: bool = True  # flip under "not", "never", ...
    threshold: float = 0.45  # |score| needed for support/oppose (the rule only)
    decay: float = 3.0  # tree distance over which a word's weight halves (beyond adjacency)
    # The learned layer (``learned.Layer``), replacing the threshold rule when set;
    # ``learned.default_config()`` gives the shipped one (see scripts/train_stance.py).
    layer: LayerLike | None = None


class LayerLike:
    """What ``score_attribution`` needs of a learned layer: label probabilities for features."""

    def predict(self, feats: dict[str, float]) -> tuple[StanceLabel, float]:  # pragma: no cover
        raise NotImplementedError


DEFAULT = StanceConfig()

LABELS = STANCE_LABELS  # the order of the learned weights


@dataclass
class StanceResult:
    """``label`` None: no stance (no evidence about the target in this attribution)."""

    label: StanceLabel | None
    score: float  # probability of the label, 0..1
    raw: float  # signed evidence of the rule
    involved: bool  # the target is in the content or the cue's object
    features: dict[str, float] | None = None
    level: str = "none"  # the involvement: content, cue, near, adjacent, none
    extra: dict[str, str] = field(default_factory=dict)


def tokens_of(doc: Doc, spans: Iterable[Span]) -> list[Token]:
    out: list[Token] = []
    for s, e in spans:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None:
            out.extend(sp)
    return out


def negated(t: Token) -> bool:
    """ "not fair", "never welcomed", "no evidence": a negator on the word or just before it."""
    if any(c.dep_ == "neg" for c in t.children):
        return True
    if t.dep_ in ("acomp", "attr", "dobj", "xcomp") and any(c.dep_ == "neg" for c in t.head.children):
        return True
    start = max(t.sent.start, t.i - 3)
    return any(t.doc[j].lower_ in lx.NEGATORS for j in range(start, t.i))


def _conceded(t: Token) -> bool:
    """Inside "despite ..."/"although ..." the words are the speaker's foil, not the point."""
    for anc in t.ancestors:
        if anc.lower_ in ("despite", "although", "though", "notwithstanding") and anc.dep_ in (
            "prep",
            "mark",
        ):
            return True
    return False


def word_polarity(t: Token) -> float:
    lemma = t.lemma_.lower()
    low = t.lower_
    if lemma in lx.POSITIVE or low in lx.POSITIVE:
        return 1.0
    if lemma in lx.NEGATIVE or low in lx.NEGATIVE:
        return -1.0
    return 0.0


def _phrase_polarity(tokens: list[Token]) -> list[tuple[Token, float]]:
    """Multi-word expressions, each returned at its syntactic head (the token whose head is outside)."""
    out = []
    lemmas = [t.lemma_.lower().strip('"“”') for t in tokens]
    for n in (2, 3, 4):
        for i in range(len(tokens) - n + 1):
            ph = " ".join(lemmas[i : i + n])
            if ph in lx.PHRASES_POSITIVE or ph in lx.PHRASES_NEGATIVE:
                part = tokens[i : i + n]
                ids = {t.i for t in part}
                head = next((t for t in part if t.head.i not in ids), part[-1])
                out.append((head, 1.5 if ph in lx.PHRASES_POSITIVE else -1.5))
    return out


def cue_polarity(t: Token) -> float:
    lemma = t.lemma_.lower()
    if lemma in lx.CUE_POSITIVE:
        return 1.0
    if lemma in lx.CUE_NEGATIVE:
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


def _cue_takes_target(cue_toks: list[Token], tgt: set[int], src_idx: set[int]) -> bool:
    for c in cue_toks:
        for o in cue_objects(c):
            if any(x.i in tgt for x in o.subtree) and not any(x.i in src_idx for x in o.subtree):
                return True
        # "the report, which he said was done ..." / "the report, which he called ..."
        for anc in [c, *list(c.ancestors)[:2]]:
            if anc.dep_ == "relcl" and anc.head.i in tgt:
                return True
    return False


def involvement(
    doc: Doc,
    ctoks: list[Token],
    cue_toks: list[Token],
    src_idx: set[int],
    tgt: set[int],
    cfg: StanceConfig = DEFAULT,
) -> Involvement:
    """How the target takes part in the attribution (see the module docstring).

    Linear in the attribution's length plus log of the target's mentions (an article of 3,000
    quotes and 3,000 target mentions must not cost their product).
    """
    tgt = tgt - src_idx
    in_content = [t for t in ctoks if t.i in tgt]
    cue_obj = _cue_takes_target(cue_toks, tgt, src_idx)
    ordered = sorted(tgt)
    toks = ctoks + cue_toks
    near: list[Token] = []
    if toks:
        first = min(toks, key=lambda t: t.i).sent
        last = max(toks, key=lambda t: t.i).sent
        near = [doc[i] for i in ordered[bisect_left(ordered, first.start):bisect_left(ordered, last.end)]]
    if not cfg.syntax:  # the ablation: any mention in the attribution's sentences counts as in content
        in_content, cue_obj = near, cue_obj or bool(near)
    adjacent = False
    if ctoks and not (in_content or cue_obj or near):
        first, last = ctoks[0].sent, ctoks[-1].sent
        before = doc[first.start - 1].sent if first.start > 0 else None
        after = doc[last.end].sent if last.end < len(doc) else None
        adjacent = any(s is not None and bisect_left(ordered, s.start) < bisect_left(ordered, s.end)
                       for s in (before, after))
    return Involvement(in_content=in_content, cue_object=cue_obj, near=bool(near), adjacent=adjacent)


def _lexicon_scores(
    ctoks: list[Token], tgt: set[int], inv: Involvement, cfg: StanceConfig
) -> tuple[float, dict[str, float]]:
    raw = 0.0
    lex_pos = lex_neg = any_pos = any_neg = 0.0
    pol: list[tuple[Token, float]] = [(t, word_polarity(t)) for t in ctoks]
    pol = [(t, p) for t, p in pol if p] + _phrase_polarity(ctoks)
    for t, p in pol:
        if t.i in tgt and t.pos_ in ("NOUN", "PROPN"):
            continue  # the target's own name is not an evaluation of it ("the findings")
        if cfg.negation and negated(t):
            p = -p
        w = 1.0
        if inv.in_content and cfg.syntax:
            d = min(tree_distance(t, m) for m in inv.in_content)
            w = 1.0 / (1.0 + max(0, d - 1) / cfg.decay)
        if cfg.syntax and _conceded(t):
            w *= 0.3
        raw += p * w
        if p > 0:
            lex_pos, any_pos = lex_pos + p * w, any_pos + 1
        else:
            lex_neg, any_neg = lex_neg - p * w, any_neg + 1
    return raw, {
        "lex_pos": lex_pos,
        "lex_neg": lex_neg,
        "any_pos": min(any_pos, 3) / 3,
        "any_neg": min(any_neg, 3) / 3,
    }


def _cue_scores(cue_toks: list[Token], cfg: StanceConfig) -> tuple[float, dict[str, float]]:
    raw = cue_pos = cue_neg = 0.0
    for c in cue_toks:
        p = cue_polarity(c)
        if p:
            if cfg.negation and negated(c):
                p = -p
            raw += 1.5 * p
            cue_pos, cue_neg = cue_pos + max(p, 0), cue_neg + max(-p, 0)
    return raw, {"cue_pos": cue_pos, "cue_neg": cue_neg}


def rule_label(raw: float, cfg: StanceConfig) -> tuple[StanceLabel, float]:
    """The transparent rule: the signed sum against a threshold; a rough confidence."""
    if raw >= cfg.threshold:
        return "support", min(0.99, 0.5 + abs(raw) / 4)
    if raw <= -cfg.threshold:
        return "oppose", min(0.99, 0.5 + abs(raw) / 4)
    return "neutral", max(0.5, 0.9 - abs(raw) / 2)


def score_attribution(
    doc: Doc,
    content: list[Span],
    cue: list[Span],
    source: list[Span],
    target_tokens: set[int],
    is_self: bool,
    cfg: StanceConfig = DEFAULT,
    rival: bool = False,
    others: set[int] | None = None,
) -> StanceResult:
    """Stance of one attribution's source toward one target (its mentions as token indices).

    ``rival``: the source is (speaks for) another of the given targets; ``others``: the mention
    tokens of the other given targets. A source that is the target (``is_self``) takes no stance
    toward itself.
    """
    if is_self:
        return StanceResult(None, 1.0, 0.0, False)
    ctoks = [t for t in tokens_of(doc, content) if not t.is_space]
    cue_toks = [t for t in tokens_of(doc, cue) if not t.is_space]
    src_toks = [t for t in tokens_of(doc, source) if not t.is_space]
    src_idx = {t.i for t in src_toks}
    tgt = target_tokens - src_idx
    inv = involvement(doc, ctoks, cue_toks, src_idx, tgt, cfg)
    if not inv.any:
        return StanceResult(None, 1.0, 0.0, False)
    if cfg.layer is None and not inv.involved:
        return StanceResult(None, 1.0, 0.0, False, level=inv.level)  # the rule reads only direct evidence
    raw = 0.0
    feats: dict[str, float] = {
        "bias": 1.0,
        "rival": float(rival),
        "question": float(any(t.text == "?" for t in ctoks)),
    }
    feats.update(voice_features(ctoks))
    feats.update(inv.features())
    if cfg.lexicon:
        lex_raw, lex = _lexicon_scores(ctoks, tgt, inv, cfg)
        raw += lex_raw
        feats.update(lex)
    if cfg.cue and inv.involved:
        cue_raw, cues = _cue_scores(cue_toks, cfg)
        raw += cue_raw
        feats.update(cues)
    feats["raw"] = max(-3.0, min(3.0, raw))
    if cfg.layer is None:
        label, conf = rule_label(raw, cfg)
        return StanceResult(label, round(conf, 3), raw, True, feats, inv.level)
    feats.update(
        word_features(
            ctoks, cue_toks, tgt, src_idx, others or set(), inv, cfg.decay, negated if cfg.negation else None
        )
    )
    feats.update(source_features(src_toks))
    label, prob = cfg.layer.predict(feats)
    if label != "neutral" and not inv.in_content and not _evaluative(feats):
        label, prob = "neutral", 1.0 - prob
    if label != "neutral" and _horse_race(ctoks, tgt, inv, feats):
        label, prob = "neutral", 1.0 - prob
    label, prob = _reported_attack(label, prob, ctoks, cue_toks, src_idx, tgt, inv)
    label, prob = _bare_target(label, prob, ctoks, cue_toks, tgt)
    return StanceResult(label, round(prob, 3), raw, inv.involved, feats, inv.level)


#: The features that evaluate: the lexicon's words and the cue's polarity (``_lexicon_scores``,
#: ``_cue_scores``).
EVALUATIVE_FEATURES = ("lex_pos", "lex_neg", "cue_pos", "cue_neg")


def _evaluative(feats: dict[str, float]) -> bool:
    """Whether the attribution evaluates anything: a word of the lexicon, or a cue with a side.

    The layer may call a pair polar on its word features alone. Where the target is in the
    content those words are about it; where it is only the cue's object or named in a sentence
    nearby, topic words ("policy", "nomination", "opponent") are not, and without an evaluative
    word the call is the layer's prior for the article's vocabulary rather than the source's side.
    On train end to end (``scripts/stance_e2e_cv.py``, held back by article) such polar calls
    were 9 neutral pairs to 1 polar one; made neutral, macro-F1 rose in each of 7 fold splits
    (+0.003 on the mean of 6 shuffled, oppose F1 +0.008)."""
    return any(feats.get(k) for k in EVALUATIVE_FEATURES)


def _horse_race(ctoks: list[Token], tgt: set[int], inv: Involvement, feats: dict[str, float]) -> bool:
    """A forecast or report of the race about the target, with no polar cue and no evaluative
    word of its own (``race.contest_talk``): neutral, whatever the words of the contest say."""
    if feats.get("cue_pos") or feats.get("cue_neg"):
        return False
    if race.poll_numbers(ctoks):
        return True
    if not inv.in_content:
        return False
    polar = [t for t in ctoks if word_polarity(t) and t.i not in tgt and not race.contest_word(t)]
    polar += [t for t, _ in _phrase_polarity(ctoks)]
    evaluative = any(min(tree_distance(t, m) for m in inv.in_content) <= race.EVALUATION_REACH for t in polar)
    return race.contest_talk(ctoks, inv.in_content, evaluative)


def _reported_attack(label: StanceLabel, prob: float, ctoks: list[Token], cue_toks: list[Token],
                     src_idx: set[int], tgt: set[int], inv: Involvement) -> tuple[StanceLabel, float]:
    """An attack on the target by a third party that the content reports (``reported.py``): the
    source that rejects it defends the target; otherwise it is not the source's own oppose."""
    content = {t.i for t in ctoks}
    attacks = reported.attacked_by_other(inv.in_content, content, src_idx, tgt) if inv.in_content else []
    if not attacks:
        return label, prob
    if reported.rejects(cue_toks, attacks):
        return "support", 1.0 - prob if label == "oppose" else prob
    if label == "oppose":
        return "neutral", 1.0 - prob
    return label, prob


#: The score of a side read from an attitude's word rather than by the layer (here, and for the
#: extractor's attitudes in ``assign.py``): the reactions' score (``actions.py``), not calibrated
#: on data.
ATTITUDE_SCORE = 0.7


def _bare_target(label: StanceLabel, prob: float, ctoks: list[Token], cue_toks: list[Token],
                 tgt: set[int]) -> tuple[StanceLabel, float]:
    """An attribution whose content is the target alone ("Union leaders / have never trusted /
    him", "95 members / favored / Clinton"): an attitude the tagger found, like those of
    ``attribution/attitudes.py``; its cue's polarity is the side, flipped under negation (the
    layer, with the target as its only word, reads little else). A side that overrides the
    layer's label gets ``ATTITUDE_SCORE``."""
    words_ = [t for t in ctoks if not t.is_punct and t.pos_ != "DET"]
    if not words_ or any(t.i not in tgt for t in words_):
        return label, prob
    pol = 0.0
    for c in cue_toks:
        p = cue_polarity(c) or word_polarity(c) or _attitude_polarity(c)
        if p:
            pol = -p if negated(c) else p
    if not pol:
        return label, prob
    side: StanceLabel = "support" if pol > 0 else "oppose"
    return side, prob if label == side else ATTITUDE_SCORE


#: Verbs of preference: their object is the one backed ("95 members favored Clinton").
_PREFERRING = lx.words("favor favour prefer")


def _attitude_polarity(t: Token) -> float:
    lemma = t.lemma_.lower()
    if lemma in SUPPORT_WORDS or lemma in _PREFERRING:
        return 1.0
    return -1.0 if lemma in OPPOSE_WORDS else 0.0
