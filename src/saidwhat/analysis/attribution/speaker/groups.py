"""Several speakers in one source phrase: joint speakers ("Vindman and Williams said") are one group
named by both (``conjoined_names``, ``name_and_others``); a he/she joined with others ("He and
others at the hearing") is a group named after the pronoun's person (``pronoun_group``); a plural
noun with names in apposition ("Two objectors, Lawrence Joyce and William Graham") names no one
of them alone (``names_in_apposition``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from spacy.tokens import Doc, Span, Token

from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.attribution.speaker.common import (
    PERSON_PRONOUNS,
    PLURAL_TAGS,
    add_actor,
    add_alias,
    is_name,
)
from saidwhat.analysis.attribution.speaker.pronouns import pronoun_speaker
from saidwhat.analysis.nlp import text_of
from saidwhat.schema import Actor


def _conjuncts(head: Token) -> list[Token]:
    """The head and the words coordinated with it, down the parser's chain of a list through names
    ("Ms. Toretti, Mrs. Rao and others": "Rao" hangs on "Toretti", "others" on "Rao"); a common
    noun ends the chain ("Chris Early, senior vp partnerships and revenue": the parser's "and" is
    inside the apposition)."""
    chain = [head]
    for tok in chain:
        if is_name(tok):
            chain.extend(c for c in tok.children if c.dep_ == "conj")
    return chain


def _coordinated(chain: list[Token], conjunction: Callable[[Token], bool]) -> bool:
    """Whether a name of the chain bears the coordinating conjunction (the parser hangs it on the
    head, or on the name before the last conjunct)."""
    return any(conjunction(c) for t in chain if is_name(t) for c in t.children)


def conjoined_names(phrase: Span) -> list[Token]:
    """'Vindman and Williams', 'Ms. Toretti, Mrs. Rao and Mr. Lee': the name heads joined by 'and'
    in the phrase."""
    head = phrase.root
    if not is_name(head):
        return []
    chain = _conjuncts(head)
    names = [t for t in chain if is_name(t)]
    return names if len(names) > 1 and _coordinated(chain, lambda c: c.dep_ == "cc") else []


def first_names_joined(phrase: Span) -> bool:
    """'Khizr and Ghazala Khan', 'Bill and Hillary Clinton': two given names joined by 'and' before
    one surname are two people (the parser hangs the first name and its 'and' on the surname; not
    "the Science and Technology Directorate", no person's name)."""
    head = phrase.root
    return head.ent_type_ == "PERSON" and any(
        c.i < head.i and c.is_title and c.dep_ in ("amod", "compound", "nmod")
        and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children) for c in head.children)


def _and(tok: Token) -> bool:
    """A coordinating 'and', or the last word of 'as well as'."""
    return tok.dep_ == "cc" and (tok.lower_ == "and" or (
        tok.lower_ == "as" and tok.i >= 2 and tok.nbor(-1).lower_ == "well" and tok.nbor(-2).lower_ == "as"))


def name_and_others(phrase: Span) -> bool:
    """'Sanders and his supporters', 'Edwards and others', 'Mrs. Clinton herself, as well as her
    campaign' (PolNeAR train, fifth identity gold): a name joined by 'and' to a common noun or
    'others', a group that no single person stands for. Not a bare singular noun, which describes
    the person again ("Trump, the 2016 GOP presidential frontrunner nationally and current polling
    leader in South Carolina": PolNeAR train, where it made a group of Trump)."""
    head = phrase.root
    chain = _conjuncts(head)
    if not is_name(head) or not _coordinated(chain, _and):
        return False
    return any(not is_name(c) and c.pos_ in ("NOUN", "PRON") and not _bare_singular(c) for c in chain[1:])


def _bare_singular(tok: Token) -> bool:
    """A singular common noun without a determiner, owner or name ("current polling leader"; not
    "Breitbart News National Security editor Dr. Sebastian Gorka")."""
    return tok.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod", "appos") for c in tok.children)


def pronoun_and_others(phrase: Span) -> bool:
    """'He and others at the hearing', 'she and her husband': a speaking he/she joined by 'and' to
    someone else is a group, not the one person the pronoun stands for."""
    head = phrase.root
    return head.lower_ in PERSON_PRONOUNS and any(c.dep_ == "conj" for c in head.children) \
        and any(c.dep_ == "cc" and c.lower_ == "and" for c in head.children)


def pronoun_group(doc: Doc, att: Attribution, phrase: Span, actor: Actor | None, actors: list[Actor],
                   genders: Mapping[str, str]) -> Actor:
    """The group actor of 'He and others at the hearing': named by the phrase with the pronoun's
    person in its place ("Brian Babin and others at the hearing"), the phrase itself an alias; the
    phrase alone when the pronoun's person is unknown. Development pages: 2 such quotes, both given to
    the one person."""
    text = " ".join(text_of(doc)[phrase.start_char:phrase.end_char].split())
    person = pronoun_speaker(doc, att, phrase.root, actor, actors, genders)
    name = text if person is None else person.name + text[len(phrase.root.text):]
    group = next((a for a in actors if a.name == name), None) \
        or add_actor(actors, name, "group", (phrase.start_char, phrase.end_char))
    add_alias(group, text)
    return group


def names_in_apposition(phrase: Span) -> bool:
    """'Two objectors, Lawrence Joyce and William Graham': a plural noun with names in apposition;
    also one name given as an example of the set ("Some 2016 presidential candidates — for instance,
    Sen. Ted Cruz of Texas, who voted against … — have called for …": PolNeAR train, tenth identity
    gold, into Ted Cruz's actor; "Several fact checkers, including The Washington Post,")."""
    head = phrase.root
    return head.tag_ in PLURAL_TAGS and any(
        (c.dep_ == "appos" and is_name(c) and any(
            (g.dep_ == "conj" and is_name(g)) or (g.dep_ == "prep" and _names_an_example(g))
            for g in c.children))
        or (c.dep_ == "prep" and _example_preposition(c) and any(o.dep_ == "pobj" and is_name(o)
                                                                  for o in c.children))
        for c in head.children)


def _names_an_example(prep: Token) -> bool:
    """"for instance", "for example": the name it opens is one member of a set."""
    return prep.lower_ == "for" and any(c.dep_ == "pobj" and c.lower_ in ("instance", "example")
                                        for c in prep.children)


def _example_preposition(prep: Token) -> bool:
    """"including", "such as", "like": "Several fact checkers, including The Washington Post, noted
    …" is the fact checkers' (PolNeAR train, sixth identity gold: it had gone to the Post)."""
    return prep.lower_ in ("including", "like") or (
        prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))
