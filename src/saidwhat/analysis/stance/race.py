"""Horse-race talk: a forecast or report of the contest is not a stance toward a contestant.

"The gap is too wide for Hillary to overtake Sanders", "Trump can't be toppled next Tuesday",
"Trump's overwhelming lead in the polls": an observer saying who is ahead, who will win or what
a candidate needs to do says nothing for or against the candidate (the labelling guidelines:
"polls, predictions and strategy talk without evaluation" are neutral). Such contents are full
of words the lexicon and the learned layer read as polar ("win", "behind", "strong", "defeat").

``contest_talk`` is true when a mention of the target in the content takes part in the contest
— the subject or object of a verb of the contest ("Clinton can catch Sanders", "Trump will be
defeated"), or the owner of a noun of it ("Clinton's deficit", "a Clinton comeback", "the gap
between Sanders and Clinton") — and the content carries no sign that the speaker takes part or
takes a side: no first person ("we will defeat Trump" is a stance), no modal of obligation
("Trump must be stopped"), no evaluative word outside the contest's own vocabulary.

``poll_numbers`` is true when the content reports the race in numbers ("57 percent of her
support comes from women", "leads by 21 points", a poll), again without a partisan speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from saidwhat.analysis.stance.lexicon import words

# Verbs whose subject or object is a contestant of the race (lemmas).
CONTEST_VERBS = words("""
win lose lead trail catch overtake surpass beat defeat topple rebound collapse bleed surge
sweep carry flip clinch overcome close finish split
""")

# Nouns of the race whose owner ("Clinton's lead", "a Trump comeback", "the gap between
# Sanders and Clinton") is a contestant (lemmas).
CONTEST_NOUNS = words("""
lead deficit gap comeback momentum chance shot victory win loss defeat margin performance
showing standing surge rise collapse edge delegate poll nomination race primary caucus
""")

# Signs of a speaker who takes part or takes a side: first person, obligation. A first person
# singular that only hedges the forecast ("I expect she'll close the gap", "I don't think he
# will collapse") is the forecaster speaking, not a side.
_PARTISAN = words("""
i we me us my our ours must should ought
""")
_HEDGES = words("""
think guess expect believe doubt bet suspect predict say know
""")

EVALUATION_REACH = 4
"""Tree distance from a target mention within which an evaluative word counts as said of the
target ("Trump will win, which would be a disaster": 3 edges); farther words judge something
else ("the momentum necessary to surpass Sanders", 5 edges from "she"). On the train end-to-end
run (docs/stance.md, session 8) a reach of 3 and of 4 give the same pairs (3 more neutral pairs
right than counting every evaluative word of the content, none lost); 4, the more cautious, is
kept."""

_PLACES = ("behind", "ahead")
_RELATIONS = ("poss", "compound", "nmod", "amod")
_OBJECT_PREPS = ("of", "between", "for", "over", "against", "behind")


def _contest_verb(t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in CONTEST_VERBS


def _contest_noun(t: Token) -> bool:
    return t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in CONTEST_NOUNS


def in_contest(mention: Token) -> bool:
    """The mention is a contestant: subject or object of a verb of the contest, or owner of a
    noun of it (directly, or through "of / between / for …"), or placed in it ("she is far
    behind"). In a list ("between Sanders and Clinton") the first item's relation counts."""
    while mention.dep_ == "conj" and mention.head is not mention:
        mention = mention.head
    head = mention.head
    if mention.dep_ == "nsubj" and any(
        c.lower_ in _PLACES or (c.dep_ == "attr" and c.lemma_.lower() == "nominee") for c in head.children
    ):  # "she is far behind", "Trump will be the nominee"
        return True
    if mention.dep_ in ("nsubj", "nsubjpass", "dobj") and _contest_verb(head):
        return True
    if mention.dep_ in ("nsubj", "nsubjpass") and any(  # "Clinton still has a shot", "needs to win"
        _contest_noun(c) or _contest_verb(c) for c in head.children if c.dep_ in ("dobj", "xcomp")
    ):
        return True
    if mention.dep_ in _RELATIONS and _contest_noun(head):
        return True
    if mention.dep_ == "pobj" and head.lower_ in _OBJECT_PREPS:
        return _contest_noun(head.head) or _contest_verb(head.head)
    return False


def contest_talk(ctoks: list[Token], mentions: list[Token], evaluative: bool) -> bool:
    """The content is horse-race talk about the target (see the module docstring).

    ``mentions``: the target's mentions in the content; ``evaluative``: the content has an
    evaluative word outside the contest's vocabulary."""
    if evaluative or not mentions:
        return False
    if any(t.lower_ in _PARTISAN and not _hedge(t) for t in ctoks):
        return False
    return any(in_contest(m) for m in mentions)


# Units of a poll's or a count's numbers ("57 percent", "leads by 21 points").
_SHARES = frozenset({"percent", "%", "point", "percentage"})


def poll_numbers(ctoks: list[Token]) -> bool:
    """The content reports the race in numbers: a share or a margin ("57 percent of her support",
    "leads by 21 points") or a poll. The guidelines label poll toplines neutral; on the train
    end-to-end run no support or oppose pair with an extracted attribution has such a content
    (docs/stance.md, session 8)."""
    if any(t.lower_ in _PARTISAN and not _hedge(t) for t in ctoks):
        return False
    for t in ctoks:
        lemma = t.lemma_.lower()
        if lemma in ("poll", "polling"):
            return True
        if (lemma in _SHARES or t.text == "%") and any(c.like_num or c.pos_ == "NUM" for c in t.children):
            return True
    return False


def _hedge(t: Token) -> bool:
    """ "I" as the subject of a verb of belief ("I guess", "I expect")."""
    return t.lower_ == "i" and t.dep_ == "nsubj" and t.head.lemma_.lower() in _HEDGES


def contest_word(t: Token) -> bool:
    """A word of the race's own vocabulary ("win", "victory", "strong" showing are not praise
    here)."""
    lemma = t.lemma_.lower()
    return lemma in CONTEST_VERBS or lemma in CONTEST_NOUNS
