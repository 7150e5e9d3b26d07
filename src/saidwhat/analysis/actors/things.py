"""Names of things: how the text uses a name shows that it names no person, organisation or group.

The tagger calls products, works, services and places people or organisations ("the Moon" a
person, "MacBooks" an organisation). These rules read the evidence the page itself gives about one
actor's name mentions, without lists of particular names; each returns the reason, or None:

- a determiner only a common noun takes: "an additional SLS", "a new iPhone", "no Gateway";
- "the" before a one-word person name ("the Moon", "the Gateway"): people are not "the Smith";
- a descriptor noun that is no actor: "The Last Hot Time, an urban fantasy", "the story
  collection Heat of Fusion", "the equity benchmark Sensex" (a person's full name only with
  commas: "former star Paul George" stays);
- the name in the plural beside its singular ("MacBooks" and "MacBook"): a model, not a company;
- the tagger itself calls the very same words a work, product, event or law elsewhere on the page;
- a one-word "person" whose word the page also writes in lower case as a common noun ("Honey");
- an example of a thing noun: "popular franchises such as Tomb Raider, Destiny and more";
- an item of an enumeration of titles or models, many of them numbered: "They include: Grid 2019,
  Kine, Metro Exodus, Mortal Kombat 11, NBA 2K20, Rise of the Tomb Raider".

``resolve.keeping.is_kept`` asks them only of actors that never speak and that the text never treats as a
person (a title, a role, he/she) or as an organisation with people ("NASA's administrator").
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from spacy.tokens import Doc, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.filters import is_animate_head

__all__ = ["COMMON_WORD", "COUNTED", "THE_PERSON", "speaks_somewhere", "the_named", "thing_reason"]

COUNTED = "counted like a common noun"
COMMON_WORD = "a common noun elsewhere on the page"
# Lower-case common-noun uses of a one-word "person"'s word that make it a thing (``_common_word``).
# Not fitted: twice, so that one "hope" or "will" on the page does not undo a "Hope" or a "Will".
COMMON_USES = 2
THE_PERSON = "'the' before a one-word name"

# The attribution extractor's cue lexicon: per lemma, the share of its occurrences annotated as a
# cue in PolNeAR train (all 840 articles), the cue count and the occurrences.
_CUE_LEXICON = Path(__file__).resolve().parent.parent / "attribution" / "cue_lexicon.json"
# A verb is a speech verb when at least this share of its PolNeAR train occurrences is a cue
# ("say" 0.86, "warn" 0.85, "reject" 0.55; "have" 0.16 and "be" 0.08 are not) ...
SPEECH_VERB_SHARE = 0.3
# ... out of at least this many cue occurrences (134 lemmas pass both, from "say" to "caution")
SPEECH_VERB_MIN_CUES = 10

# Determiners before a name's head that make it a common noun: "an SLS", "no Gateway", "every iPad"
COUNTING_DETS = {"a", "an", "another", "no", "every", "each", "any"}
# Possessive pronouns before a name's head: "my Total Endorsement", "your Kestrel", "their Orvane
# X9" are things someone has; no news text writes "my Smith" or "our Orvane Aerospace" of an actor
POSSESSIVE_PRONOUNS = {"my", "your", "our", "their", "its"}
# What may follow a name that ends its noun phrase ("an SLS into the mix", "a new iPhone, which")
NP_END_POS = {"PUNCT", "VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PART", "PRON", "ADV", "SPACE"}
# Entity labels of things: the same words tagged so elsewhere on the page name a thing
THING_LABELS = {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"}
# Words that introduce examples of the noun before them: "franchises such as X, Y and Z"
EXAMPLE_WORDS = {"as", "like", "including"}
# An enumeration has at least this many short items (``LIST_ITEM_MAX_WORDS``) ...
LIST_MIN_ITEMS = 4
LIST_ITEM_MAX_WORDS = 6
# ... and, when at least this share of its items are titles or models with a number in them
# ("Grid 2019", "NBA 2K20", "Mortal Kombat 11"), it lists things: on the own train2 pages a game
# roster of 22 titles had 11 numbered; no list of people or organisations there has more than one
LIST_NUMBERED_SHARE = 0.4


class _Named(Protocol):
    """What these rules read of a mention (``mentions.mention.Mention``)."""

    @property
    def head(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def name_tokens(self) -> list[str]: ...


@functools.cache
def speech_verbs() -> frozenset[str]:
    """Lemmas of the verbs that introduce speech (``SPEECH_VERB_SHARE``, ``SPEECH_VERB_MIN_CUES``)."""
    lemmas = json.loads(_CUE_LEXICON.read_text(encoding="utf-8"))["lemmas"]
    return frozenset(k for k, (share, cues, _n) in lemmas.items()
                     if share >= SPEECH_VERB_SHARE and cues >= SPEECH_VERB_MIN_CUES)


def _speech_subject(tok: Token) -> bool:
    """"X said", "X warned", "criticized by X": the token is who speaks to a speech verb."""
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "agent" else tok.head
    if tok.dep_ not in ("nsubj", "pobj") or verb.pos_ not in ("VERB", "NOUN"):
        return False
    return verb.lemma_.lower() in speech_verbs()


def speaks_somewhere(doc: Doc, mentions: Sequence[_Named]) -> bool:
    """Whether one of the names is ever the subject (or by-agent) of a speech verb."""
    return any(_speech_subject(doc[m.head]) for m in _names(mentions))


def _names(mentions: Sequence[_Named]) -> list[_Named]:
    return [m for m in mentions if m.type in ("name", "acronym")]


def _counted(tok: Token) -> bool:
    """"an SLS", "a new iPhone", "three SLS", "my Kestrel", "the 12-inch Kestrel": a name counted,
    owned or measured like a common noun (``COUNTING_DETS``, ``POSSESSIVE_PRONOUNS``; his/her are
    left out: "his Lakers"; a measure is a QUANTITY entity on a modifier). A name followed by
    more of its noun phrase modifies it ("a new Amazon all-time low"): the count is that noun's."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if after is not None and after.pos_ not in NP_END_POS:
        return False
    return any((c.dep_ == "det" and c.lower_ in COUNTING_DETS) or c.dep_ == "nummod"
               or (c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS)
               or (c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ == "QUANTITY")
               for c in tok.children)


def _the_person(tok: Token, kind: str) -> bool:
    """"the Moon", "the Gateway": "the" before a one-word, singular name the tagger called a person."""
    if kind != "person" or tok.tag_ != "NNP":
        return False
    name = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return not name and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _thing_noun(tok: Token) -> bool:
    """A common noun that names no one: "fantasy", "collection", "benchmark" (not "novelist")."""
    return tok.pos_ == "NOUN" and not tok.ent_type_ and not is_animate_head(tok) \
        and tok.lower_ not in lx.TITLES


def _comma_between(a: Token, b: Token) -> bool:
    """An apposition set off by a comma, not a misparsed noun phrase ("a new Amazon all-time low")."""
    lo, hi = sorted((a.i, b.i))
    return any(t.text == "," for t in a.doc[lo:hi])


def the_named(doc: Doc, mentions: Sequence[_Named]) -> bool:
    """Every name mention is a one-word name after "the" ("the Moon"): no person's name."""
    names = _names(mentions)
    return bool(names) and all(_the_person(doc[m.head], "person") for m in names)


def _descriptor(tok: Token) -> tuple[Token, bool] | None:
    """A thing noun the name is described by, and whether it is set off by commas: an apposition
    after the name ("The Last Hot Time, an urban fantasy"), a noun right before it ("the story
    collection Heat of Fusion", "the equity benchmark Sensex")."""
    for c in tok.children:
        if c.dep_ == "appos" and _thing_noun(c):
            return c, _comma_between(tok, c)
        between = tok.doc[c.i + 1 : tok.i] if c.i < tok.i else None
        if c.dep_ == "compound" and between is not None and _thing_noun(c) \
                and all(t.pos_ == "PROPN" for t in between):
            return c, False
    if tok.dep_ == "appos" and _thing_noun(tok.head) and not _comma_between(tok, tok.head):
        return tok.head, False  # "the story collection Salt Meridian"; "…builds the trains,
    return None  # Nordbahn Systems, said" is a misparse of a subject's apposition, not a description


def _plural_of_singular(doc: Doc, mentions: Sequence[_Named], kind: str) -> bool:
    """"MacBooks" beside "MacBook": a name used in the plural and the singular names a model or a
    kind of thing (either cluster). Groups ("Democrats" beside "a Democrat") are left alone."""
    if kind == "group":
        return False
    page_names = {e.text.lower().removeprefix("the ") for e in doc.ents if e.label_ not in ("NORP", "PERSON")}
    for m in _names(mentions):
        name = " ".join(m.name_tokens).lower().removeprefix("the ")
        if len(name) < 4 or name.isupper():
            continue
        if (name.endswith("s") and name[:-1] in page_names) or name + "s" in page_names:
            return True
    return False


def _tagged_as_thing(doc: Doc, mentions: Sequence[_Named]) -> bool:
    """The very same words are a work, product, event or law elsewhere ("The Dragon Waiting")."""
    texts = {" ".join(m.name_tokens).lower().removeprefix("the ") for m in _names(mentions)}
    return any(e.label_ in THING_LABELS and e.text.lower().removeprefix("the ") in texts for e in doc.ents)


def _example_of_a_thing(tok: Token) -> bool:
    """"franchises such as Assassin's Creed, Tomb Raider, Destiny": the name (or the list it is
    in) is an example of a thing noun; "companies such as Apple" names organisations."""
    item = tok.head if tok.dep_ in ("poss", "compound") and tok.head.i > tok.i else tok  # "Assassin's Creed"
    while item.dep_ in ("conj", "appos") and item.head.i < item.i:
        item = item.head
    prep = item.head
    if item.dep_ != "pobj" or prep.lower_ not in EXAMPLE_WORDS:
        return False
    if prep.lower_ == "as" and (prep.i == 0 or prep.doc[prep.i - 1].lower_ != "such"):
        return False
    return _thing_noun(prep.head)


def _list_items(tok: Token) -> tuple[list[list[Token]], int]:
    """The sentence around ``tok`` cut at commas, colons, semicolons and "and"/"or", and the index
    of the piece that holds ``tok``."""
    items: list[list[Token]] = [[]]
    at = 0
    for t in tok.sent:
        if t.text in (",", ";", ":") or (t.pos_ == "CCONJ" and t.lower_ in ("and", "or")):
            items.append([])
            continue
        if t.i == tok.i:
            at = len(items) - 1
        items[-1].append(t)
    return items, at


def _numbered(item: list[Token]) -> bool:
    """A title or model with a number in it: "Grid 2019", "NBA 2K20" (a bare "45" is an age)."""
    return any(t.is_alpha for t in item) and any(c.isdigit() for t in item for c in t.text)


def _listed_among_models(tok: Token) -> bool:
    """The name is an item of an enumeration of short noun phrases (an item with a verb is a
    clause, "Apple rose 2%, Tesla fell 3%", and counts for nothing) many of which carry a number
    (``LIST_NUMBERED_SHARE``)."""
    items, at = _list_items(tok)
    short = [i for i in items if i and len([t for t in i if not t.is_punct]) <= LIST_ITEM_MAX_WORDS
             and not any(t.pos_ in ("VERB", "AUX") for t in i)]
    if items[at] not in short or len(short) < LIST_MIN_ITEMS:
        return False
    return sum(_numbered(i) for i in short) >= LIST_NUMBERED_SHARE * len(short)


def thing_reason(doc: Doc, mentions: Sequence[_Named], kind: str) -> str | None:
    """Why an actor's name mentions show a thing, not an actor; None when nothing shows it."""
    one_word_person = kind == "person" and all(len(m.name_tokens) == 1 for m in _names(mentions))
    for m in _names(mentions):
        tok = doc[m.head]
        if kind != "group" and _counted(tok):
            return COUNTED
        if _the_person(tok, kind):
            return THE_PERSON
        found = _descriptor(tok)
        if found is not None and (kind != "person" or one_word_person or found[1]):
            return "described as a thing"
        if _example_of_a_thing(tok):
            return "example of a thing"
        if _listed_among_models(tok):
            return "listed among models"
    if _plural_of_singular(doc, mentions, kind):
        return "plural of a name"
    if _tagged_as_thing(doc, mentions):
        return "tagged as a work or product"
    if one_word_person and _common_word(doc, mentions):
        return COMMON_WORD
    return None


def _common_word(doc: Doc, mentions: Sequence[_Named]) -> bool:
    """A one-word "person" whose word the page also writes in lower case as a common noun at least
    ``COMMON_USES`` times: "Marijuana" heading a line of a report that writes "marijuana" four
    times (own pages, development sets). A first name of the list is no exception: "Honey" opening
    a recipe's step that uses honey six times is one, though its first-name gender still keeps it
    (``resolve.keeping._a_thing``)."""
    low = {m.name_tokens[0].lower() for m in _names(mentions)}
    common = ("NOUN", "PROPN")  # the tagger calls a lower-case "marijuana" a proper noun
    return sum(t.text in low and t.pos_ in common for t in doc) >= COMMON_USES
