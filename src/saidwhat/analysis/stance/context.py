"""Features of a stance pair beyond the hand lexicon of the content (``features.py``).

- **Affect** (``vx_pos``/``vx_neg``): the valences of the VADER lexicon (Hutto & Gilbert 2014,
  MIT licence, 7,500 words rated -4..+4 by ten raters), read offline from the installed
  ``vaderSentiment`` package as a data file, summed over the content's words like the hand
  lexicon: weighted by parse-tree distance to the target, flipped under negation, damped in
  concessions. The hand lexicon has ~400 words; VADER covers the rest of ordinary evaluative
  vocabulary ("hammer", "outrageous", "disgusting", "lovely").
- **Neighbour sentence** (``nb_*``, ``nbp:<lemma>``): when the target is not in the content,
  the sentence of the attribution or next to it that mentions the target: its evaluative words
  weighted by tree distance to that mention, and what that sentence predicates of it
  ("Clinton has been *hammering* Trump ... 'He is hiding something,' she said").
- **Pronoun anchors** (``pr_*``): when the target is not in the content, third-person pronouns of
  the target's gender in the content that the actor resolver did not link to anyone: the
  content's evaluative words weighted by their distance to such a pronoun.
- **Conjunctions** (``cj:<level>:<polarity feature>``): each polarity sum crossed with the
  involvement level, so that the layer can weigh "bad" next to the target apart from "bad" in a
  quote that only follows a sentence naming it.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Callable
from importlib.resources import files

from spacy.tokens import Doc, Token

from saidwhat.analysis.stance import lexicon as lx
from saidwhat.analysis.stance.features import Involvement, predicated, tree_distance

# A sum of weighted polarities is capped here (a long tirade is not ten times as opposed).
CAP = 3.0
# Weight of a word inside "despite ..."/"although ..." (as the hand lexicon's concession damping).
CONCEDED = 0.3
_POLAR_POS = ("ADJ", "ADV", "NOUN", "VERB", "INTJ")
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})


@functools.lru_cache(maxsize=1)
def vader() -> dict[str, float]:
    """Word -> valence / 4 (-1..1), from the installed ``vaderSentiment`` package's data file."""
    text = (files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and any(ch.isalpha() for ch in parts[0]) and parts[0] not in lx.NEGATORS:
            out[parts[0]] = float(parts[1]) / 4.0
    return out


def hand_polarity(t: Token) -> float:
    """The hand lexicon's polarity of one word (``lexicon.POSITIVE``/``NEGATIVE``)."""
    lemma, low = t.lemma_.lower(), t.lower_
    if lemma in lx.POSITIVE or low in lx.POSITIVE:
        return 1.0
    if lemma in lx.NEGATIVE or low in lx.NEGATIVE:
        return -1.0
    return 0.0


def vader_polarity(t: Token) -> float:
    if t.pos_ not in _POLAR_POS or t.is_stop:
        return 0.0
    lex = vader()
    return lex.get(t.lower_, lex.get(t.lemma_.lower(), 0.0))


Polarity = Callable[[Token], float]
Negated = Callable[[Token], bool]


def conceded(t: Token) -> bool:
    """Inside "despite ..."/"although ...": the speaker's foil, not the point."""
    return any(
        a.lower_ in ("despite", "although", "though", "notwithstanding") and a.dep_ in ("prep", "mark")
        for a in t.ancestors
    )


def weighted_sums(
    toks: list[Token],
    anchors: list[Token],
    skip: set[int],
    polarity: Polarity,
    is_negated: Negated | None,
    decay: float,
) -> tuple[float, float]:
    """(positive, negative) sums of ``polarity`` over ``toks``, each word weighted by its tree
    distance to the nearest anchor (1 beside it, halving every ``decay`` edges; 1 without
    anchors), flipped under negation, damped in concessions; capped at ``CAP``."""
    pos = neg = 0.0
    for t in toks:
        if t.i in skip:
            continue
        p = polarity(t)
        if not p:
            continue
        if is_negated is not None and is_negated(t):
            p = -p
        w = 1.0
        if anchors:
            d = min(tree_distance(t, a) for a in anchors)
            w = 1.0 / (1.0 + max(0, d - 1) / decay)
        if conceded(t):
            w *= CONCEDED
        if p > 0:
            pos += p * w
        else:
            neg -= p * w
    return min(pos, CAP), min(neg, CAP)


def affect_features(
    ctoks: list[Token], tgt: set[int], inv: Involvement, is_negated: Negated | None, decay: float
) -> dict[str, float]:
    """``vx_pos``/``vx_neg``: VADER valences of the content, weighted by nearness to the target."""
    pos, neg = weighted_sums(ctoks, inv.in_content, tgt, vader_polarity, is_negated, decay)
    both_pos, both_neg = weighted_sums(ctoks, inv.in_content, tgt, _either, is_negated, decay)
    return {"vx_pos": pos, "vx_neg": neg, "lexv_pos": both_pos, "lexv_neg": both_neg}


def _either(t: Token) -> float:
    """The hand lexicon's polarity, else VADER's (one lexicon of the two)."""
    return hand_polarity(t) or vader_polarity(t)


def _window_mentions(doc: Doc, toks: list[Token], ordered: list[int], skip: set[int]) -> list[Token]:
    """Target mention heads in the sentences of ``toks`` and the sentence before and after."""
    first, last = min(toks, key=lambda t: t.i).sent, max(toks, key=lambda t: t.i).sent
    start = doc[first.start - 1].sent.start if first.start > 0 else first.start
    end = doc[last.end].sent.end if last.end < len(doc) else last.end
    idx = set(ordered[bisect_left(ordered, start) : bisect_left(ordered, end)])
    return [doc[i] for i in sorted(idx) if i not in skip and doc[i].head.i not in idx - {i}]


def neighbour_features(
    doc: Doc,
    ctoks: list[Token],
    cue_toks: list[Token],
    tgt: set[int],
    src_idx: set[int],
    is_negated: Negated | None,
    decay: float,
) -> dict[str, float]:
    """``nb_*`` and ``nbp:<lemma>``: the sentences around the attribution that mention the target
    (used when the target is not in the content)."""
    toks = ctoks + cue_toks
    if not toks:
        return {}
    mentions = _window_mentions(doc, toks, sorted(tgt), src_idx)
    if not mentions:
        return {}
    feats: dict[str, float] = {"nb_mention": 1.0}
    sums = {"nb_lex_pos": 0.0, "nb_lex_neg": 0.0, "nb_vx_pos": 0.0, "nb_vx_neg": 0.0}
    for m in mentions:
        sent = [t for t in m.sent if not t.is_space]
        skip = tgt | src_idx
        hp, hn = weighted_sums(sent, [m], skip, hand_polarity, is_negated, decay)
        vp, vn = weighted_sums(sent, [m], skip, vader_polarity, is_negated, decay)
        for key, v in zip(sums, (hp, hn, vp, vn), strict=True):
            sums[key] = max(sums[key], v)
        feats.update({"nbp:" + k[2:]: v for k, v in predicated(m).items()})
    feats.update(relation_polarity(mentions, is_negated, "nbr_"))
    feats.update(source_acts(mentions, [doc[i] for i in sorted(src_idx)], is_negated))
    feats.update(sums)
    return feats


def _same_agent(subj: Token, src: list[Token]) -> bool:
    """The subject names the source: a shared proper noun, or the same pronoun."""
    names = {t.lower_ for t in src if t.pos_ == "PROPN"}
    if subj.pos_ == "PRON":
        return any(t.pos_ == "PRON" and t.lower_ == subj.lower_ for t in src) or (
            bool(names) and subj.lower_ in _MALE | _FEMALE
        )
    return any(t.lower_ in names for t in subj.subtree if t.pos_ == "PROPN")


def source_acts(mentions: list[Token], src: list[Token], is_negated: Negated | None) -> dict[str, float]:
    """``nbs_pos``/``nbs_neg``: around the attribution, the source does something to the target —
    the target is the object of a verb (or of its preposition) whose subject names the source
    ("Sanders *questioned* Mr. Trump's veracity. He called him ..."), with the verb's polarity
    (hand lexicon, reaction cues, else VADER)."""
    if not src:
        return {}
    out: dict[str, float] = {}
    for m in mentions:
        verb = next((a for a in m.ancestors if a.pos_ == "VERB"), None)
        if verb is None or m.sent.start != verb.sent.start:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or not _same_agent(subj, src):
            continue
        lemma = verb.lemma_.lower()
        p = 1.0 if lemma in lx.CUE_POSITIVE else -1.0 if lemma in lx.CUE_NEGATIVE else _polarity(verb, None)
        if p and is_negated is not None and is_negated(verb):
            p = -p
        out["nbs_any"] = 1.0
        if p:
            key = "nbs_pos" if p > 0 else "nbs_neg"
            out[key] = max(out.get(key, 0.0), abs(p))
    return out


def target_gender(doc: Doc, tgt: set[int]) -> frozenset[str]:
    """The third-person pronouns of the target's gender, from the pronouns among its mentions."""
    lows = {doc[i].lower_ for i in tgt}
    if lows & _MALE and not lows & _FEMALE:
        return _MALE
    if lows & _FEMALE and not lows & _MALE:
        return _FEMALE
    return frozenset()


def pronoun_features(
    doc: Doc,
    ctoks: list[Token],
    tgt: set[int],
    src_idx: set[int],
    is_negated: Negated | None,
    decay: float,
) -> dict[str, float]:
    """``pr_*``: the content's evaluative words weighted by distance to a pronoun of the target's
    gender that is not linked to anyone (used when the target is not in the content)."""
    gender = target_gender(doc, tgt)
    anchors = [t for t in ctoks if t.lower_ in gender and t.i not in src_idx]
    if not anchors:
        return {}
    hp, hn = weighted_sums(ctoks, anchors, tgt, hand_polarity, is_negated, decay)
    vp, vn = weighted_sums(ctoks, anchors, tgt, vader_polarity, is_negated, decay)
    feats = {"pr_anchor": 1.0, "pr_lex_pos": hp, "pr_lex_neg": hn, "pr_vx_pos": vp, "pr_vx_neg": vn}
    for a in anchors:
        feats.update({"prp:" + k[2:]: v for k, v in predicated(a).items()})
    feats.update(relation_polarity(anchors, is_negated, "prr_"))
    return feats


def _polarity(t: Token, is_negated: Negated | None) -> float:
    p = hand_polarity(t) or vader_polarity(t)
    return -p if p and is_negated is not None and is_negated(t) else p


def _relations(m: Token) -> list[tuple[str, Token]]:
    """(relation, word) pairs that say something of the mention ``m``: the complement of a copula
    it is subject of (``is``), a verb it is agent (``agent``) or patient (``patient``) of, a noun
    it possesses (``poss``: "Trump's lies"), its adjectives and appositions (``mod``)."""
    out: list[tuple[str, Token]] = []
    head = m.head
    if head.i != m.i and m.dep_ == "nsubj" and (head.pos_ == "AUX" or head.lemma_ == "be"):
        out += [("is", c) for c in head.children if c.dep_ in ("acomp", "attr")]
    elif head.i != m.i and m.dep_ == "nsubj":
        out.append(("agent", head))
    elif head.i != m.i and m.dep_ in ("dobj", "nsubjpass"):
        out.append(("patient", head))
    elif m.dep_ == "pobj" and head.head.i != head.i:
        out.append(("patient" if head.head.pos_ == "VERB" else "poss", head.head))
    elif m.dep_ == "poss":
        out.append(("poss", head))
    out += [("mod", c) for c in m.children if c.dep_ in ("amod", "appos")]
    return out


def relation_polarity(mentions: list[Token], is_negated: Negated | None, prefix: str) -> dict[str, float]:
    """``<prefix><relation>_pos/neg``: the polarity of what is said of the target by relation
    (a role × lexicon conjunction: "Trump is *unfit*", "*attacked* Clinton", "Trump's *lies*";
    "Clinton *attacked* Trump" is negative for Trump, not for Clinton, the agent)."""
    out: dict[str, float] = {}
    for m in mentions:
        for rel, word in _relations(m):
            p = _polarity(word, is_negated)
            if p:
                key = f"{prefix}{rel}_{'pos' if p > 0 else 'neg'}"
                out[key] = max(out.get(key, 0.0), abs(p))
    return out


_CROSSED = ("lex_pos", "lex_neg", "vx_pos", "vx_neg", "cue_pos", "cue_neg")


def conjunctions(feats: dict[str, float], level: str) -> dict[str, float]:
    """``cj:<level>:<name>``: each polarity sum crossed with the involvement level; ``rv:<name>``:
    crossed with the source being (speaking for) another given target."""
    out = {f"cj:{level}:{k}": feats[k] for k in _CROSSED if feats.get(k)}
    if feats.get("rival"):
        out.update({f"rv:{k}": feats[k] for k in _CROSSED if feats.get(k)})
    return out


def context_features(
    doc: Doc,
    ctoks: list[Token],
    cue_toks: list[Token],
    tgt: set[int],
    src_idx: set[int],
    inv: Involvement,
    is_negated: Negated | None,
    decay: float,
    base: dict[str, float],
) -> dict[str, float]:
    """All the features of this module for one pair (``base``: the pair's features so far)."""
    feats = affect_features(ctoks, tgt, inv, is_negated, decay)
    heads = [m for m in inv.in_content if not (m.head.i in tgt and m.head is not m)]
    feats.update(relation_polarity(heads, is_negated, "rel_"))
    if not inv.in_content:
        feats.update(neighbour_features(doc, ctoks, cue_toks, tgt, src_idx, is_negated, decay))
        feats.update(pronoun_features(doc, ctoks, tgt, src_idx, is_negated, decay))
    feats.update(conjunctions({**base, **feats}, inv.level))
    return feats
