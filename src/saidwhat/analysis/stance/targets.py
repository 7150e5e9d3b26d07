"""Targets: finding a user-given target's mentions in the text, or proposing the article's main one.

A target is one of three sorts, decided from its own words and the article's actors:

- a person ("Hillary Clinton"): full name, surname, first name + surname, title + surname,
  possessives; a surname inside another full name ("Bill Clinton") is not a mention; pronouns
  count only through the actor resolver (the target actor's resolved pronoun mentions);
- a document or finding ("the UN report"): the name itself and definite references by a
  document noun ("the report", "the assessment", "the findings", "the document"), and a
  predicate noun of "it is" ("It is a completely politicized document");
- anything else (an organisation, a policy): its name, the matching actor's mentions, and
  definite noun chunks with the same head.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from saidwhat.analysis.actors import lexicon as alx
from saidwhat.analysis.actors.roles import strip_the
from saidwhat.analysis.stance import lexicon as slx
from saidwhat.schema import Actor, AnalyzedArticle, Span, Target

TargetSort = Literal["person", "document", "other"]
_DOC_NOUNS = {"report", "assessment", "finding", "findings", "document", "study", "review",
              "investigation", "inquiry", "probe", "analysis"}
_PERSON_TITLES = ("Mr.", "Mrs.", "Ms.", "Dr.", "President", "Senator", "Sen.", "Secretary", "Gov.",
                  "Governor", "Rep.", "Director")


# Heads too generic to be what an article is about.
_GENERIC = slx.words("""
year time day week month hour minute people thing way end idea detail details part lot kind sort
fact case number percent point question answer reason example matter moment place area side
term word words statement comment comments remark remarks interview video story news
country nation
""")


@dataclass
class TargetInfo:
    """A target with what stance scoring needs beyond the schema record."""

    target: Target
    sort: TargetSort
    actor_ids: set[str] = field(default_factory=set)
    surface: set[str] = field(default_factory=set)  # lowercased alias strings


def _is_person_name(name: str, actors: list[Actor]) -> Actor | None:
    low = name.lower()
    for a in actors:
        if a.kind == "person" and (a.name.lower() == low or low.split()[-1] == a.name.lower().split()[-1]):
            return a
    return None


def _sort_of(name: str, actors: list[Actor]) -> TargetSort:
    words = strip_the(name).split()
    if words and words[-1].lower() in _DOC_NOUNS:
        return "document"
    if _is_person_name(name, actors) is not None:
        return "person"
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not any(
            w.lower() in alx.ORG_HEADS for w in words):
        return "person"
    return "other"


# Whether a person target's pronoun mentions (as the actor resolver linked them) count as mentions.
# Measured by scripts/train_stance.py's grouped CV on the own labels: without them macro-F1 fell
# from 0.610 to 0.601 (extracted attributions) despite the resolver's pronoun errors.
PERSON_PRONOUNS = True


def _is_pronoun(doc: Doc, span: Span) -> bool:
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    return sp is not None and len(sp) == 1 and sp[0].pos_ == "PRON"


def _regex_spans(text: str, phrase: str) -> list[Span]:
    pat = re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])")
    return [(m.start(), m.end()) for m in pat.finditer(text)]


def _inside_other_person(doc: Doc, span: Span, first_names: set[str]) -> bool:
    """True when a surname match belongs to another full name ("Bill Clinton" for Hillary)."""
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None or sp.start == 0:
        return False
    prev = doc[sp.start - 1]
    return bool(prev.is_title and prev.pos_ == "PROPN" and prev.text.lower() not in first_names
                and prev.text not in _PERSON_TITLES and prev.lower_ not in alx.TITLES)


def _namesakes_mentions(actors: list[Actor], surname: str, first: str | None) -> set[Span]:
    """Mentions the actor resolver gave to another person of the same surname ("Trump said" in
    an article about Eric Trump): a bare surname there is that person, not the target."""
    if first is None:
        return set()
    out: set[Span] = set()
    for a in actors:
        words = a.name.lower().split()
        namesake = len(words) >= 2 and words[-1] == surname.lower() and words[0] != first.lower()
        if a.kind == "person" and namesake:
            out.update((s, e) for s, e in a.mentions)
    return out


def find_target(doc: Doc, analyzed: AnalyzedArticle, name: str) -> TargetInfo:
    """Mentions and aliases of a user-given target in the article."""
    info = TargetInfo(Target(name=name), _sort_of(name, analyzed.actors))
    spans: set[Span] = set()
    aliases: list[str] = []
    find = {"person": _person_mentions, "document": _document_mentions}.get(info.sort, _thing_mentions)
    find(doc, analyzed.actors, info, spans, aliases)
    info.target = Target(name=name, aliases=aliases, mentions=outermost(spans))
    info.surface = {name.lower(), strip_the(name).lower()} | {a.lower() for a in aliases}
    return info


def _person_mentions(doc: Doc, actors: list[Actor], info: TargetInfo, spans: set[Span],
                     aliases: list[str]) -> None:
    """A person: the full name, the surname (not inside another person's name, not a namesake's
    mention), titles with the surname, the first name alone; and every mention the actor
    resolver gave the person's actor(s), pronouns included."""
    name = info.target.name
    words = [w for w in strip_the(name).split() if w not in _PERSON_TITLES] or strip_the(name).split()
    surname, first = words[-1], words[0] if len(words) > 1 else None
    forms = [" ".join(words), surname] + ([f"{t} {surname}" for t in _PERSON_TITLES])
    if first:
        forms.append(first)
    for form in forms:
        found = _regex_spans(doc.text, form)
        if form == surname:
            found = [s for s in found if not _inside_other_person(doc, s, {w.lower() for w in words})]
        if form == first:
            # a first name alone counts only when not followed by another surname
            found = [s for s in found if not re.match(r"\s+[A-Z][a-z]", doc.text[s[1]: s[1] + 3])]
        if found:
            spans.update(found)
            if form != name and form not in aliases:
                aliases.append(form)
    for a in actors:
        if a.kind != "person":
            continue
        a_words = a.name.split()
        if a_words and a_words[-1].lower() == surname.lower() and (
                first is None or len(a_words) == 1 or a_words[0].lower() == first.lower()):
            info.actor_ids.add(a.id)
            spans.update(m for m in a.mentions if PERSON_PRONOUNS or not _is_pronoun(doc, m))
    spans -= _namesakes_mentions(actors, surname, first)


def _document_mentions(doc: Doc, _actors: list[Actor], info: TargetInfo, spans: set[Span],
                       aliases: list[str]) -> None:
    """A document: its name, and the definite document nouns without a proper modifier of
    another document ("the report", "this assessment", "It is a whitewash report")."""
    name = info.target.name
    spans.update(_regex_spans(doc.text, name))
    spans.update(_regex_spans(doc.text, strip_the(name)))
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.lemma_.lower() not in _DOC_NOUNS and head.lower_ not in _DOC_NOUNS:
            continue
        if _conflicting(chunk, name):
            continue
        det = next((t for t in chunk if t.dep_ in ("det", "poss")), None)
        predicate = head.dep_ == "attr" and any(
            c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in head.head.children)
        if (det is not None and det.lower_ in ("the", "this", "that", "its")) or predicate:
            spans.add((chunk.start_char, chunk.end_char))
            alias = chunk.text if not predicate else head.text
            if alias.lower() != name.lower() and alias not in aliases and len(aliases) < 12:
                aliases.append(alias)


def _thing_mentions(doc: Doc, actors: list[Actor], info: TargetInfo, spans: set[Span],
                    aliases: list[str]) -> None:
    """Anything else ("the toll", "NATO"): its name, an actor of that name and its mentions, and,
    unless it is a named country, organisation or person, the decisions that refer back to it."""
    name = info.target.name
    spans.update(_regex_spans(doc.text, name))
    bare = strip_the(name)
    if bare != name:
        spans.update(_regex_spans(doc.text, bare))
    for a in actors:
        if a.name.lower() == bare.lower() or bare.lower() in (x.lower() for x in a.aliases):
            info.actor_ids.add(a.id)
            spans.update(tuple(m) for m in a.mentions)  # type: ignore[misc]
            aliases.extend(x for x in a.aliases if x not in aliases)
    if not info.actor_ids and not _names_an_entity(doc, spans):
        for s, alias in implicit_mentions(doc, name, spans):
            spans.add(s)
            if alias not in aliases:
                aliases.append(alias)


#: Entity types of a target that no "the decision", "the vote" or "the plan" refers back to: a
#: country, an organisation, a people or a place decides and plans, it is not the decision.
NOT_DECISIONS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})


def _names_an_entity(doc: Doc, spans: set[Span]) -> bool:
    """Most of the target's mentions are entities of ``NOT_DECISIONS`` ("Britain", "NATO")."""
    kinds = []
    for s, e in spans:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None and len(sp):
            kinds.append(sp.root.ent_type_ in NOT_DECISIONS)
    return bool(kinds) and 2 * sum(kinds) > len(kinds)


def implicit_mentions(doc: Doc, name: str, spans: set[Span]) -> list[tuple[Span, str]]:
    """Definite back-references to a decision or policy target: "the decision", "the vote", "the plan".

    Only after the target's first explicit mention, and only without a proper modifier the
    target's name lacks ("the Senate vote"); the article is taken to speak of one decision.
    """
    if not spans:
        return []
    first = min(s for s, _ in spans)
    out: list[tuple[Span, str]] = []
    for chunk in doc.noun_chunks:
        head = chunk.root
        if chunk.start_char <= first or head.lemma_.lower() not in slx.IMPLICIT_TARGET_NOUNS:
            continue
        det = next((t for t in chunk if t.dep_ == "det"), None)
        if det is None or det.lower_ not in ("the", "this", "that") or _conflicting(chunk, name):
            continue
        if any(t.dep_ in ("amod", "compound", "poss", "nummod") for t in head.children):
            continue  # "the new plan", "the budget vote": possibly another decision
        out.append(((chunk.start_char, chunk.end_char), chunk.text))
    return out


def outermost(spans: set[Span]) -> list[Span]:
    """Sorted spans without those inside another ("report" inside "the report")."""
    out: list[Span] = []
    for s, e in sorted(spans, key=lambda x: (x[0], -x[1])):
        if out and s >= out[-1][0] and e <= out[-1][1]:
            continue
        out.append((s, e))
    return out


def _conflicting(chunk: SpacySpan, name: str) -> bool:
    """A proper modifier the target's name does not have ("the Senate report" vs "the UN report")."""
    low = name.lower()
    return any(t.pos_ == "PROPN" and t.i != chunk.root.i and t.lower_ not in low for t in chunk)


def propose_target(doc: Doc, analyzed: AnalyzedArticle) -> TargetInfo | None:
    """The most discussed non-actor entity or topic, weighted toward objects of reaction cues."""
    actor_spans = [m for a in analyzed.actors for m in a.mentions]
    counts: dict[str, float] = {}
    surface: dict[str, Counter[str]] = {}
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.pos_ not in ("NOUN", "PROPN") or head.is_stop or len(head.text) < 3:
            continue
        if head.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "ORDINAL", "QUANTITY", "GPE",
                              "NORP", "LOC"):
            continue
        if any(s < chunk.end_char and chunk.start_char < e for s, e in actor_spans):
            continue
        lemma = head.lemma_.lower()
        if lemma in alx.ROLE_NOUNS or lemma in alx.GROUP_HEADS or lemma in slx.COLLECTIVE_HEADS \
                or lemma in _GENERIC:
            continue
        weight = 1.0
        gov = head.head
        if head.dep_ in ("dobj", "nsubjpass", "pobj") and (
                gov.lemma_.lower() in slx.CUE_POSITIVE | slx.CUE_NEGATIVE | slx.DESCRIBE_VERBS):
            weight += 2.0
        counts[lemma] = counts.get(lemma, 0.0) + weight
        surface.setdefault(lemma, Counter())[chunk.text.strip()] += 1
    if not counts:
        return None
    lemma, score = max(counts.items(), key=lambda kv: kv[1])
    if score < 2:
        return None
    forms = surface[lemma]
    definite = [f for f, _ in forms.most_common() if f.lower().startswith("the ")]
    name = definite[0] if definite else forms.most_common(1)[0][0]
    info = find_target(doc, analyzed, name)
    if info.sort != "document":
        spans = set(info.target.mentions)
        for chunk in doc.noun_chunks:
            if chunk.root.lemma_.lower() == lemma:
                det = next((t for t in chunk if t.dep_ == "det"), None)
                if det is not None and det.lower_ in ("the", "this", "that") or chunk.text == name:
                    spans.add((chunk.start_char, chunk.end_char))
        info.target.mentions = outermost(spans)
    info.target.proposed = True
    return info
