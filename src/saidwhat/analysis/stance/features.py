"""Features of one (attribution, target) pair for the learned stance layer.

Besides the rule's sums (``score.py``), the layer reads:

- the **involvement** type: target in the content, the cue's object, near (same sentence) or
  adjacent (the sentence before or after), another given target in the content;
- the **words** of the content (lemmas of content words, ``w:<lemma>``), each weighted by its
  nearness to the target: ``1 / (1 + (d - 1) / decay)`` for tree distance ``d`` to the closest
  target mention in the content, and a fixed smaller weight when the target is only the cue's
  object, near or adjacent (``LEVEL_WEIGHT``); negated words are left to the lexicon features;
- the **cue** lemmas (``c:<lemma>``: "slammed", "praised", "accused"), weighted like the words;
- what is **predicated of the target** (``p:<lemma>``): the verb a mention is subject or object
  of, a copula's predicate, its adjectives and appositions ("Trump is *unfit*", "*attacked* Clinton");
- the **voice** of the content (``v_*``): quotation marks, first or second person, modals of
  obligation, exclamation — a speaker's own words rather than a report of events;
- the **source**: a news outlet, poll or document (``src_report``: "The Washington Post
  reported", "a poll found"), or a pronoun (``src_pron``).

These last three were added after an error analysis on the grouped CV of the training labels
(docs/stance.md): together +0.006 extracted-view macro-F1 (mean of 6 shuffled CVs), within the
noise of one split but not below it.

Names of people and places (proper nouns) are not word features: the layer should learn how
stance is said, not who said it in the training articles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from saidwhat.analysis.stance.lexicon import words

# The weight of every content word when the target is not in the content itself. The values
# follow the rule's distance decay: a word at tree distance ~3 of the target weighs 0.6
# (cue object, evaluated in the content), a word in another sentence 0.2 (near, adjacent).
LEVEL_WEIGHT = {"cue": 0.6, "near": 0.3, "adjacent": 0.15}

_WORD_POS = ("ADJ", "ADV", "NOUN", "VERB", "INTJ")


@dataclass
class Involvement:
    in_content: list[Token] = field(default_factory=list)
    cue_object: bool = False
    near: bool = False
    adjacent: bool = False

    @property
    def involved(self) -> bool:
        """Direct evidence: the target is in the content or is what the cue acts on."""
        return bool(self.in_content) or self.cue_object

    @property
    def any(self) -> bool:
        return self.involved or self.near or self.adjacent

    @property
    def level(self) -> str:
        if self.in_content:
            return "content"
        if self.cue_object:
            return "cue"
        if self.near:
            return "near"
        return "adjacent" if self.adjacent else "none"

    def features(self) -> dict[str, float]:
        return {
            "in_content": float(bool(self.in_content)),
            "cue_object": float(self.cue_object),
            "near": float(self.near and not self.involved),
            "adjacent": float(self.adjacent and not self.involved),
            "n_mentions": min(len(self.in_content), 3) / 3,
        }


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the parse tree; 12 across sentences."""
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


def word_features(
    ctoks: list[Token],
    cue_toks: list[Token],
    tgt: set[int],
    src_idx: set[int],
    others: set[int],
    inv: Involvement,
    decay: float,
    is_negated: Callable[[Token], bool] | None,
) -> dict[str, float]:
    """``w:``/``c:`` features and the other-target indicator (see the module docstring)."""
    feats: dict[str, float] = {}
    level_w = LEVEL_WEIGHT.get(inv.level, 1.0)
    for t in ctoks:
        if t.i in tgt or t.i in src_idx or t.pos_ not in _WORD_POS or not t.is_alpha or t.is_stop:
            continue
        if is_negated is not None and is_negated(t):
            continue
        if inv.in_content:
            d = min(tree_distance(t, m) for m in inv.in_content)
            w = 1.0 / (1.0 + max(0, d - 1) / decay)
        else:
            w = level_w
        key = "w:" + t.lemma_.lower()
        feats[key] = max(feats.get(key, 0.0), w)
    cue_w = 1.0 if inv.involved else level_w
    for t in cue_toks:
        if t.pos_ in ("VERB", "NOUN") and t.is_alpha:
            feats["c:" + t.lemma_.lower()] = cue_w
    if any(t.i in others for t in ctoks):
        feats["other_in_content"] = 1.0
    feats.update(mention_roles(inv.in_content, tgt))
    return feats


# Grammatical roles of the target's mention that tell an evaluated target ("Trump is a fraud":
# subject; "attacked Clinton": object) from an incidental one ("Trump's accusation that ...":
# possessor; "from the Clinton camp": compound).
_ROLES = ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "compound", "appos", "conj", "attr")


def mention_roles(in_content: list[Token], tgt: set[int]) -> dict[str, float]:
    """``dep:<role>`` for the dependency role of each target mention's head in the content."""
    feats: dict[str, float] = {}
    for t in in_content:
        if t.head.i in tgt and t.head is not t:
            continue  # not the head of its mention
        role = t.dep_ if t.dep_ in _ROLES else "other"
        feats["dep:" + role] = 1.0
        feats.update(predicated(t))
    return feats


def predicated(t: Token) -> dict[str, float]:
    """``p:<lemma>``: what the text says of the target mention ``t`` — the verb it is subject or
    object of ("attacked Clinton"), the predicate of a copula ("Trump is unfit"), its adjectives
    ("crooked Hillary") and the noun it is in apposition to."""
    out: dict[str, float] = {}
    head = t.head
    if head.i != t.i and t.dep_ in ("nsubj", "nsubjpass", "dobj", "poss"):
        if head.pos_ in ("AUX",) or head.lemma_ == "be":
            for c in head.children:
                if c.dep_ in ("acomp", "attr") and c.is_alpha:
                    out["p:" + c.lemma_.lower()] = 1.0
        elif head.is_alpha and head.pos_ in ("VERB", "NOUN", "ADJ"):
            out["p:" + head.lemma_.lower()] = 1.0
    if t.dep_ == "pobj" and head.head.is_alpha and head.head.pos_ in ("VERB", "NOUN", "ADJ"):
        out["p:" + head.head.lemma_.lower()] = 1.0
    for c in t.children:
        if c.dep_ in ("amod", "appos") and c.is_alpha and c.pos_ in ("ADJ", "NOUN"):
            out["p:" + c.lemma_.lower()] = 1.0
    return out


# Heads and names of sources that report rather than take sides: news outlets, polls, documents
# ("The Washington Post reported", "a new poll found", "the emails show"). Their contents are
# mostly factual reports (neutral) even when they carry words of conflict.
REPORTING_SOURCES = words("""
report reports poll polls survey surveys story stories article articles newspaper newspapers times
post journal press news cnn nbc abc cbs fox msnbc politico reuters ap bloomberg study analysis data
record records document documents email emails memo filing filings ruling reporter reporters
journalist journalists columnist editorial outlet outlets media network magazine tribune gazette
herald globe
""")


def source_features(src_toks: list[Token]) -> dict[str, float]:
    """``src_report``: the source is a news outlet, poll or document; ``src_pron``: a pronoun."""
    if not src_toks:
        return {}
    ids = {t.i for t in src_toks}
    root = next((t for t in src_toks if t.head.i not in ids or t.head is t), src_toks[0])
    if root.pos_ == "PRON":
        return {"src_pron": 1.0}
    if root.lower_ in REPORTING_SOURCES or root.lemma_.lower() in REPORTING_SOURCES:
        return {"src_report": 1.0}
    return {}


_FIRST_SECOND = {"i", "me", "my", "we", "us", "our", "you", "your"}
_MODALS = {"should", "must", "ought", "need", "cannot", "can't", "won't", "shouldn't"}


def voice_features(ctoks: list[Token]) -> dict[str, float]:
    """Marks of a speaker's own voice rather than a report of events: quotation marks, first or
    second person, modals of obligation, exclamation."""
    out: dict[str, float] = {}
    if any(t.text in ('"', "“", "”", "''", "``") for t in ctoks):
        out["v_direct"] = 1.0
    if any(t.lower_ in _FIRST_SECOND for t in ctoks):
        out["v_person"] = 1.0
    if any(t.lower_ in _MODALS for t in ctoks):
        out["v_modal"] = 1.0
    if any(t.text == "!" for t in ctoks):
        out["v_exclaim"] = 1.0
    return out
