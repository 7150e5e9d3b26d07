"""What every speaker rule reads: the word lists of descriptions, the source phrase as a span, and
the article's actors (finding one at a span, naming a new one, giving one an alias or a mention).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.nlp import text_of
from saidwhat.schema import Actor, ActorKind, free_actor_id
from saidwhat.schema import Span as CharSpan


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Head nouns of descriptions that stand for an organisation ("the company said").
ORG_NOUNS = word_set("""
company firm automaker carmaker maker manufacturer group agency utility brokerage retailer bank
network studio startup giant ministry department office organization organisation government
administration airline publisher label team club party campaign commission committee council
court board union association institute university school hospital newspaper paper outlet site
website platform service operator developer chain insurer lender regulator police
""")
# Head nouns of descriptions that stand for a person ("the British royal said").
PERSON_NOUNS = word_set("""
royal prince princess king queen president minister senator lawmaker congressman congresswoman
official executive chief ceo founder chairman chairwoman actor actress singer rapper star player
coach manager director spokesman spokeswoman spokesperson lawyer attorney judge prosecutor doctor
professor researcher scientist analyst economist author writer reporter candidate governor mayor
leader host owner woman man father mother son daughter wife husband
""")



def is_person_noun(tok: Token) -> bool:
    """A noun that stands for a person: one of ``PERSON_NOUNS`` or a role ("secretary", "leader")."""
    lemma = tok.lemma_.lower()
    return lemma in PERSON_NOUNS or lemma in lx.ROLE_NOUNS


PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def phrase_at(doc: Doc, spans: list[CharSpan]) -> Span | None:
    if not spans:
        return None
    return doc.char_span(spans[0][0], spans[-1][1], alignment_mode="expand")


def is_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def actor_at(actors: list[Actor], start: int, end: int) -> Actor | None:
    for a in actors:
        if any(s < end and start < e for s, e in a.mentions):
            return a
    return None


def add_alias(actor: Actor, text: str) -> None:
    text = " ".join(text.split())
    if text and text != actor.name and text not in actor.aliases and any(c.isalpha() for c in text):
        actor.aliases.append(text)


def add_actor(actors: list[Actor], name: str, kind: ActorKind, span: CharSpan) -> Actor:
    actor = Actor(id=free_actor_id(actors), name=" ".join(name.split()), kind=kind, mentions=[span],
                  description=" ".join(name.split()) if kind == "anonymous" else None)
    actors.append(actor)
    return actor


OBJECT_DEPS = frozenset({"dobj", "pobj", "iobj", "dative", "attr", "oprd"})

# Head nouns of ORG_NOUNS that name a person as often ("the real estate developer said … of Mr.
# Clinton" is Donald Trump: PolNeAR train had given it to Bill Clinton's White House, the latest
# organisation): either kind fits.
EITHER_NOUNS = word_set("developer publisher operator")


def kind_fits(actor: Actor, head: Token) -> bool:
    lemma = head.lemma_.lower()
    if is_age_head(head):
        return actor.kind == "person"
    if lemma in EITHER_NOUNS:
        return actor.kind in ("person", "organization")
    if lemma in ORG_NOUNS:
        return actor.kind == "organization"
    if lemma in PERSON_NOUNS | lx.DESCRIBING_NOUNS:
        return actor.kind == "person"
    return False


def noun_gender(head: Token) -> str | None:
    """The gender ("f"/"m", as ``ActorResolution.genders``) a person noun says ("the former first
    lady": "f"), else None."""
    return lx.GENDER_NOUNS.get(head.lemma_.lower()) or lx.GENDER_NOUNS.get(head.lower_)


def is_age_head(head: Token) -> bool:
    """'old' of 'the 56-year-old': a person described by age alone."""
    return head.lower_ == "old" and any(c.dep_ == "npadvmod" and c.lemma_.lower() == "year"
                                        for c in head.children)


def is_named(actor: Actor) -> bool:
    return actor.name[:1].isupper() and actor.kind != "anonymous"


def covers_head(actor: Actor, phrase: Span) -> bool:
    at = phrase.root.idx
    return any(s <= at < e for s, e in actor.mentions)


def actor_named(doc: Doc, name: Token, actors: list[Actor]) -> Actor | None:
    """The actor whose name or alias is the name ``name`` heads ("Big Machine"), when the actor stage
    left this mention of it out of every actor; the mention joins it."""
    toks = [t for t in name.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [name]
    start, end = toks[0].idx, name.idx + len(name.text)
    text = text_of(doc)[start:end]
    actor = next((a for a in actors if text in (a.name, *a.aliases)), None)
    if actor is not None:
        actor.mentions[:] = sorted({*actor.mentions, (start, end)})
    return actor


PERSON_PRONOUNS = frozenset({"he", "she"})
# A possessive pronoun before a noun of saying ("his claim that …", "her repeated denials") speaks
# as its subject would; own train pages: 4 such speakers, all given by the actor stage to the
# person last named before them (Epstein for Prince Andrew's claims).
POSSESSIVE_PRONOUNS = frozenset({"his", "her"})

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
SAYING_LEMMAS = frozenset({"say", "tell", "add", "write", "explain", "note", "argue", "insist", "continue"})


def is_plural(head: Token) -> bool:
    """A plural noun, or nouns joined ("The State Department and the Department of Homeland Security"
    are "the departments")."""
    return head.tag_ in PLURAL_TAGS or any(c.dep_ == "conj" for c in head.children)


def drop_description(doc: Doc, actor: Actor, phrase: Span) -> None:
    """The actor stage's mentions of ``actor`` that are the description ``phrase`` (inside it, with
    its head: "The former secretary" of "The former secretary of state"), and their aliases, leave
    the actor; a name inside the phrase ("Podliska's lawsuit") stays."""
    gone = []
    for s, e in actor.mentions:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if phrase.start_char <= s and e <= phrase.end_char and sp is not None and sp.root.i == phrase.root.i:
            gone.append((s, e))
    move_mention(actor, None, gone, text_of(doc))


def move_mention(old: Actor, new: Actor | None, spans: list[CharSpan], text: str = "") -> None:
    """A speaker mention ("he", "the lawyers") the rules gave another speaker leaves the actor the
    actor stage put it in, so that actor's pronouns and aliases speak of it alone: an alias no
    mention left holds goes too (``text``: the document's)."""
    moved = [sp for sp in spans if sp in old.mentions]
    if not moved:
        return
    old.mentions[:] = [sp for sp in old.mentions if sp not in moved]
    if text:
        left = {" ".join(text[s:e].split()) for s, e in old.mentions}
        gone = {" ".join(text[s:e].split()) for s, e in moved} - left
        old.aliases[:] = [a for a in old.aliases if a not in gone]
    if new is not None:
        new.mentions[:] = sorted({*new.mentions, *moved})
