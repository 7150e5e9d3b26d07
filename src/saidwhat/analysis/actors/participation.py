"""Whether a resolved actor takes part in the story: a learned check after the hand rules.

The hand rules (``passing``, ``things``, ``filters``, ``resolve._kept``) were written on the own
train pages and transfer poorly (actor precision 0.872 there, 0.700 on own heldout, 0.789 on own
fresh). This model reads how the text uses one actor cluster - its kind, the entity labels of its
names, how often and where it is named, whether it acts (subject or agent), is only an object or a
modifier, owns people ("X's CEO"), has a role, stands only in short lines (headings, credits,
bylines), the shape of its names, the page type - together with the rules' own verdicts, and gives
the probability that the cluster is a real actor (one the annotators list).

A logistic regression, fitted by ``scripts/fit_participation.py`` on the own train, heldout and
fresh pages (never the shared dev sets, never own fresh2); the weights are data shipped next to this
module (``participation_weights.json``, with the threshold and the cross-validated figures). It is
asked only of clusters the rules keep and no attribution names as its speaker: a speaker of a
quote is always listed, and the model can only take actors away.

Measured (docs/wild.md, "Fourth actor round"): cross-validated by page on 88 own pages, AUC about
0.72. The threshold is the highest at which no gold actor is lost on the cross-validated
predictions: 0.13 on the code merged with main at 262d3c0, where it drops no cluster of 1,230
(CV actor P 0.803, R 0.729). A looser budget buys precision only with recall
(1 % of the gold actors lost: P 0.787 -> 0.810, R 0.693 -> 0.684), so the shipped model is inert:
the features do not tell the products and places the annotators leave out from the companies and
governments they list.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple, Protocol

from spacy.tokens import Doc, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.filters import heading_tokens, lowercase_words, speaks_through
from saidwhat.analysis.first_names import name_list_gender
from saidwhat.analysis.nlp import text_of
from saidwhat.schema import ActorKind

__all__ = ["SHORT_LINE_WORDS", "WEIGHTS_PATH", "Verdicts", "features", "load_model", "probability"]

WEIGHTS_PATH = Path(__file__).resolve().parent / "participation_weights.json"
# A line of at most this many words without a sentence's end is a heading, a caption, a credit or
# a byline ("Mike Wall", "Twitter @michaeldwall", "Summary Yoga"), not a sentence of the story
SHORT_LINE_WORDS = 6
_SENTENCE_END = frozenset('.!?:;”"')
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_OBJECT_DEPS = {"dobj", "pobj", "iobj", "dative", "attr", "oprd"}
_MODIFIER_DEPS = {"compound", "nmod", "amod", "poss", "npadvmod", "advmod", "det"}
_THING_LABELS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "FAC", "LOC", "GPE"}
_QUOTE_CHARS = set("“”\"")
_PAGE_TYPES = ("news", "opinion", "review", "listing", "other")


class _Mention(Protocol):
    """What the features read of a mention (``mentions.Mention``)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def head(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def role(self) -> str | None: ...
    @property
    def affiliation(self) -> str | None: ...
    @property
    def gender(self) -> str | None: ...
    @property
    def is_subject(self) -> bool: ...
    @property
    def name_tokens(self) -> list[str]: ...


class _Cluster(Protocol):
    """What the features read of an actor cluster (``resolve._Cluster``)."""

    @property
    def kind(self) -> ActorKind: ...
    @property
    def is_gpe(self) -> bool: ...
    @property
    def mentions(self) -> Sequence[_Mention]: ...


class Verdicts(NamedTuple):
    """What the hand rules and helpers of ``resolve`` say of the cluster."""

    speaks: bool  # subject or by-agent of a speech verb somewhere (``things.speaks_somewhere``)
    owns_people: bool  # "NASA's administrator", "NASA officials"
    person_evidence: bool  # a title, a role, he/she on the name
    one_passing: bool  # named once as a setting or an example (``resolve._one_passing_mention``)
    as_location: bool  # always the object of a preposition of place


def _line_of(text: str, start: int) -> str:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    return text[lo : hi if hi >= 0 else len(text)]


def _short_line(text: str, start: int) -> bool:
    """The mention stands in a short line without a sentence's end: a heading, a credit, a byline."""
    line = _line_of(text, start).strip()
    return len(line.split()) <= SHORT_LINE_WORDS and line[-1:] not in _SENTENCE_END


def _acts(tok: Token) -> bool:
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return True
    return tok.dep_ in _SUBJECT_DEPS


def _first_of_conjuncts(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _shape(f: dict[str, float], names: Sequence[_Mention], lower: set[str]) -> None:
    """How the names are written: one word, in capitals, with digits, words the page writes lowercase."""
    words = [w for m in names for w in m.text.split()]
    if not names:
        return
    f["name_one_word"] = float(all(len(m.text.split()) == 1 for m in names))
    f["name_long"] = float(any(len(m.text.split()) >= 4 for m in names))
    f["name_caps"] = float(all(m.text.isupper() for m in names))
    f["name_digit"] = float(any(ch.isdigit() for m in names for ch in m.text))
    f["name_odd"] = float(any(ch in "@#/|+_=" for m in names for ch in m.text))
    f["name_lower_word"] = float(any(w.lower() in lower and w[:1].isupper() for w in words))
    f["name_all_lower_words"] = float(all(w.lower() in lower for w in words))
    f["first_name"] = float(any(name_list_gender(m.name_tokens[0] if m.name_tokens else None) is not None
                                and len(m.name_tokens) > 1 for m in names))


def _labels(f: dict[str, float], doc: Doc, names: Sequence[_Mention]) -> None:
    """The share of the name mentions whose head the tagger labels PERSON, ORG, NORP, a thing, nothing."""
    if not names:
        return
    labels = [doc[m.head].ent_type_ for m in names]
    n = len(labels)
    f["ent_person"] = labels.count("PERSON") / n
    f["ent_org"] = labels.count("ORG") / n
    f["ent_norp"] = labels.count("NORP") / n
    f["ent_thing"] = sum(lab in _THING_LABELS for lab in labels) / n
    f["ent_none"] = labels.count("") / n


def _names_someone(tok: Token) -> bool:
    """A role, a title or a person's name: "Veltrix CEO", "NASA officials", "Apple's Tim Cook"."""
    role = tok.lemma_.lower() in lx.ROLE_NOUNS or tok.lower_ in lx.ROLE_ACRONYMS or tok.lower_ in lx.TITLES
    return role or tok.ent_type_ == "PERSON" or speaks_through(tok)


def _syntax(f: dict[str, float], doc: Doc, ms: Sequence[_Mention]) -> None:
    """Subject or agent, only objects, only modifiers."""
    toks = [_first_of_conjuncts(doc[m.head]) for m in ms]
    f["acts"] = float(any(_acts(t) for t in toks))
    f["only_objects"] = float(all(t.dep_ in _OBJECT_DEPS for t in toks))
    f["only_modifiers"] = float(all(t.dep_ in _MODIFIER_DEPS for t in toks))
    f["possessor"] = float(any(t.dep_ == "poss" for t in toks))
    f["before_role_or_person"] = float(any(t.dep_ in _MODIFIER_DEPS and _names_someone(t.head) for t in toks))
    f["direct_object"] = float(any(t.dep_ == "dobj" for t in toks))
    f["the"] = float(any(c.dep_ == "det" and c.lower_ == "the" for t in toks for c in t.children))
    for t in toks:
        f["gov=" + t.dep_ + ":" + t.head.lemma_.lower()] = 1.0
    f["quote_sentence"] = float(any(any(ch in _QUOTE_CHARS for ch in t.sent.text) for t in toks))


def features(doc: Doc, c: _Cluster, verdicts: Verdicts, page_type: str | None) -> dict[str, float]:
    """Named feature values of one actor cluster (absent names are 0), each between 0 and 1."""
    text = text_of(doc)
    ms = [m for m in c.mentions if m.type != "pronoun"] or list(c.mentions)
    names = [m for m in ms if m.type in ("name", "acronym")]
    f: dict[str, float] = {"bias": 1.0, "kind=" + c.kind: 1.0}
    # a plain text without a page (``analyze_text``, PolNeAR) is read as a news article
    page = page_type or "news"
    if page in _PAGE_TYPES:
        f["page=" + page] = 1.0
    f["named"] = float(bool(names))
    f["acronym"] = float(any(m.type == "acronym" for m in ms))
    f["gpe"] = float(c.is_gpe)
    f["log_mentions"] = min(math.log1p(len(ms)) / 3.0, 1.0)
    f["pronouns"] = float(any(m.type == "pronoun" for m in c.mentions))
    f["once"] = float(len(ms) == 1)
    sents = {doc[m.head].sent.start for m in ms}
    f["log_sentences"] = min(math.log1p(len(sents)) / 3.0, 1.0)
    f["role"] = float(any(m.role for m in ms))
    f["affiliation"] = float(any(m.affiliation for m in ms))
    f["gender"] = float(any(m.gender for m in c.mentions))
    f["short_lines_only"] = float(all(_short_line(text, m.start) for m in ms))
    headings = heading_tokens(doc)
    f["headings_only"] = float(all(m.head in headings for m in ms))
    _shape(f, names, lowercase_words(doc))
    if names:
        last = max((m.text.split()[-1] for m in names), key=len)
        f["log_occurrences"] = min(math.log1p(text.count(last)) / 3.0, 1.0)
    _labels(f, doc, names)
    _syntax(f, doc, ms)
    f["speaks"] = float(verdicts.speaks)
    f["owns_people"] = float(verdicts.owns_people)
    f["person_evidence"] = float(verdicts.person_evidence)
    f["one_passing"] = float(verdicts.one_passing)
    f["as_location"] = float(verdicts.as_location)
    return {k: v for k, v in f.items() if v}


class Model(NamedTuple):
    weights: dict[str, float]
    threshold: float


@functools.lru_cache(maxsize=2)
def load_model(path: str = str(WEIGHTS_PATH)) -> Model | None:
    """The shipped weights and threshold; None when no model is shipped (every cluster is kept)."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError:
        return None
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    return Model(weights, float(data["threshold"]))


def probability(feats: dict[str, float], weights: dict[str, float]) -> float:
    """The model's probability that the cluster is a real actor."""
    z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
