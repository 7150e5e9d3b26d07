"""Attacks the source reports rather than makes: the target as the one attacked by someone else.

"It was inappropriate for Ginsburg to criticize Trump", "Sanders' accusations against Clinton's
fundraising", "Trump was accused of inciting violence against Clinton": the target is the object
of a word of attacking whose agent is a third party named in the content, not the source. The
words of the attack are that party's; they say nothing of the source's side toward the target,
yet the lexicon and the learned layer read them as the source's (a polar word one edge from the
target). Two outcomes (``score.py``, after the layer):

- the source **rejects** the attack ("DNC chair dismisses Sanders' accusations against
  Clinton"): the source defends the target, ``support``;
- otherwise an ``oppose`` the layer read becomes ``neutral``: reporting, or even blaming, an
  attack on the target is not attacking it (the labelling guidelines: the side is the
  source's own).
"""

from __future__ import annotations

from spacy.tokens import Token

from saidwhat.analysis.attribution.attitudes import OPPOSE_WORDS
from saidwhat.analysis.stance.lexicon import words

#: Lemmas of attacking (the attitudes' list, and words of charging someone): their object, or the
#: noun's complement after ``_AGAINST``, is the one attacked.
ATTACK_WORDS = OPPOSE_WORDS | words("""
accuse accusation allegation charge smear violence threat hostility
""")
_AGAINST = words("against on of at")
#: Cue lemmas by which the source rejects what its content reports ("dismissed the accusations").
REJECTING = words("""
dismiss reject deny refute rebut debunk disavow repudiate brush shrug
""")
_OBLIGATION = words("should must ought need have")
_CONTROL = ("xcomp", "advcl", "pcomp", "prep", "acl", "dobj", "pobj")


def _attack_of(mention: Token) -> Token | None:
    """The word of attacking whose object the mention is (through a conjunction or a possessive:
    "Clinton's fundraising"), or None."""
    while mention.dep_ == "conj" and mention.head is not mention:
        mention = mention.head
    if mention.dep_ in ("poss", "compound") and mention.head.pos_ == "NOUN":
        mention = mention.head
    head = mention.head
    if mention.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in ATTACK_WORDS:
        return head
    if mention.dep_ == "pobj" and head.lower_ in _AGAINST:
        noun = head.head
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in ATTACK_WORDS:
            return noun
    if mention.dep_ in ("nsubj", "nsubjpass") and head.dep_ in ("acl", "ccomp"):  # "accusations that X …"
        noun = head.head
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in ATTACK_WORDS:
            return noun
    return None


def _agent(attack: Token) -> Token | None:
    """Who attacks: the noun's possessor or the verb's subject; else the subject of the verb the
    attack hangs from ("for Ginsburg to criticize Trump", "Sanders refuses to attack her"), or
    the object of a verb of attacking it hangs from ("accused Trump of inciting violence")."""
    for c in attack.children:
        if c.dep_ in ("poss", "nsubj"):
            return c
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    node = attack
    for _ in range(4):
        if node.dep_ not in _CONTROL or node.head is node:
            return None
        node = node.head
        obj = [c for c in node.children if c.dep_ == "dobj"]
        if obj and node.pos_ == "VERB" and node.lemma_.lower() in ATTACK_WORDS:
            return obj[0]
        subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0]
    return None


def _urged(attack: Token) -> bool:
    """The attack is called for, not reported ("voters should attack Clinton")."""
    return any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in attack.children)


def attacked_by_other(
    mentions: list[Token], content: set[int], source: set[int], target: set[int]
) -> list[Token]:
    """The attack words of which every target mention in the content is the one attacked by a
    third party named in the content: an agent outside the source, not the target, and not a
    pronoun (which may be the source: "she said he attacked Clinton"); an attack called for
    ("should attack") does not count. Empty when any mention is not such an object."""
    attacks: list[Token] = []
    for m in mentions:
        attack = _attack_of(m)
        agent = _agent(attack) if attack is not None else None
        if (attack is None or agent is None or agent.i not in content or agent.i in source
                or agent.i in target or agent.pos_ == "PRON" or _urged(attack)):
            return []
        attacks.append(attack)
    return attacks


def rejects(cue: list[Token], attacks: list[Token]) -> bool:
    """The source's cue rejects the attack it reports ("dismissed Sanders' accusations")."""
    return any(t.lemma_.lower() in REJECTING for t in cue) and bool(attacks)
