"""The gender of a person actor: a title or a first name, else the he/she/his/her its own name binds
as a subject (``bound_gender``), else the pronouns joined to the person (``actor_gender``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.mentions import Mention
from saidwhat.analysis.actors.resolve.cluster import Cluster
from saidwhat.analysis.actors.resolve.evidence import person_word
from saidwhat.analysis.actors.resolve.sentences import coargument_subject
from saidwhat.analysis.actors.surnames import in_quotes
from saidwhat.analysis.nlp import text_of

# A person whose names say no gender ("Bernie Sanders", "Chris Christie": first names the offline
# list leaves out as ambiguous) takes the gender of the he/she/his/her that follows its own name as
# a subject in the sentence, with no other proper noun between ("Sanders reiterated his belief",
# "Sanders said he …"), when at least BOUND_VOTES such pronouns say it and the other gender at most
# one in BOUND_MARGIN times as many ("Sanders attacked her record" is one vote the other way).
# Without it a speaking "she" went to Bernie Sanders, the main-clause subject, rather than Hillary
# Clinton just named beside him. PolNeAR train, 320 articles outside the identity gold (every 5th,
# offsets 2 and 4): 3 speakers changed, all to the right person. One vote is enough: the article
# that showed the error names Sanders as a subject with a pronoun after only once. A proper noun
# between stops the search: a first version that stopped only at person names made Zephyr
# Teachout a man by "Teachout decided to bypass Faso himself" and lost her quote.
BOUND_VOTES = 1
BOUND_MARGIN = 3
# Bound pronouns that overrule the first-name list's gender (an actor's own text evidence first,
# issue 10 item 5); two, since one "X said his …" may be someone else's his. Not fitted.
LIST_OVERRULED_BY = 2


def _bound_pronoun(doc: Doc, m: Mention) -> str | None:
    """The gender of the first he/she/his/her/him after ``m`` in its sentence, outside quotes, when
    no proper noun but a date comes between ("Teachout decided to bypass Faso himself" says nothing
    of her; "Sanders admitted Tuesday that … his campaign" is his), nor a noun of a person
    ("Christie began the morning … begging a woman who claimed to be undecided to cast her ballot
    for him" is hers: PolNeAR train, judged speakers, made him a woman whose "she said" he took)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    for tok in doc[span.end:span.sent.end]:
        if (tok.pos_ == "PROPN" and tok.ent_type_ not in ("DATE", "TIME")) \
                or (tok.pos_ == "NOUN" and person_word(tok)):
            return None
        if (tok.lower_ in lx.MALE_PRONOUNS or tok.lower_ in lx.FEMALE_PRONOUNS) \
                and not in_quotes(text_of(doc), tok.idx) and not _object_of_own_verb(tok, span):
            return "m" if tok.lower_ in lx.MALE_PRONOUNS else "f"
    return None


def _object_of_own_verb(pron: Token, name: SpacySpan) -> bool:
    """"President Obama backed her up": the object of the verb the name is the subject of is someone
    else (``coargument_subject``), so it says nothing of the name's gender ("himself" still does)."""
    subject = coargument_subject(pron)
    return subject is not None and name.start <= subject < name.end


def _bound_votes(doc: Doc, mentions: list[Mention]) -> dict[str, int]:
    """How many he/she/his/her of each gender a person's own subject names bind (see above)."""
    votes = {"m": 0, "f": 0}
    for m in mentions:
        if m.type == "name" and m.is_subject and not in_quotes(text_of(doc), m.start):
            said = _bound_pronoun(doc, m)
            if said in votes:
                votes[said] += 1
    return votes


def _majority(votes: dict[str, int], min_votes: int, margin: int = BOUND_MARGIN) -> str | None:
    top = max(votes, key=lambda g: votes[g])
    other = votes["f" if top == "m" else "m"]
    return top if votes[top] >= min_votes and votes[top] >= margin * other else None


def bound_gender(doc: Doc, mentions: list[Mention], min_votes: int = BOUND_VOTES) -> str | None:
    """The gender ("m"/"f") the pronouns bound by a person's own subject names say (see above)."""
    return _majority(_bound_votes(doc, mentions), min_votes)


# A lone bound pronoun gives way to the he/she subjects the actor stage joined to the person, outside
# quotes, when at least RESOLVED_OUTVOTE of them say the other gender and none says its own: "Sanders
# endorsed and has fundraised for her primary challenger" (the her is Debbie Wasserman Schultz's)
# had made Bernie Sanders, called "he" seven times, a woman, and he took her "she said" (PolNeAR
# train, eleventh identity gold). Not fitted.
RESOLVED_OUTVOTE = 3


def _subject_pronoun_votes(doc: Doc, mentions: list[Mention]) -> dict[str, int]:
    votes = {"m": 0, "f": 0}
    for m in mentions:
        if m.type == "pronoun" and m.is_subject and m.gender in votes \
                and not in_quotes(text_of(doc), m.start):
            votes[m.gender] += 1
    return votes


def _unnamed_gender(doc: Doc, c: Cluster) -> str | None:
    """The gender of a person whose names say none: its bound pronouns, unless one lone bound pronoun
    is outvoted by the subject pronouns joined to it (``RESOLVED_OUTVOTE``)."""
    votes = _bound_votes(doc, c.mentions)
    bound = _majority(votes, BOUND_VOTES)
    if bound is None or votes[bound] > 1:
        return bound
    joined = _subject_pronoun_votes(doc, c.mentions)
    other = "f" if bound == "m" else "m"
    return other if joined[bound] == 0 and joined[other] >= RESOLVED_OUTVOTE else bound


def actor_gender(doc: Doc, c: Cluster) -> str | None:
    """A title or gender noun on a name, else the pronouns its own names bind, else the first-name
    list: the text's own evidence before the list ("Sen. Lindsey Graham … Graham said his …" is a
    man whatever the list says of Lindsey), when it says so twice (``LIST_OVERRULED_BY``: "Clinton
    said his remarks were …" binds nobody's his). Not pronouns the actor stage resolved: a gender
    learnt from them is what the speaker rules are checking."""
    listed = c.name_gender()
    if c.title_gender or not listed:
        return listed or _unnamed_gender(doc, c)
    return bound_gender(doc, c.mentions, min_votes=LIST_OVERRULED_BY) or listed
