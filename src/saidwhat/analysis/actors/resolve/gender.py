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


def _carried_on(doc: Doc, m: Mention) -> list[str]:
    """The genders of the he/she that carry on a sentence whose main-clause subject is the name: the
    main-clause subject of the next sentence, and of each next one in turn while the subject is that
    same pronoun, as long as the sentence before mentions no other person outside quotation marks
    ("Graham said, “How many of you believe …” ¶ He continued, “…” ¶ He added, “…”": PolNeAR train,
    judged speakers of the largest actors, where the first-name list made Sen. Lindsey Graham a
    woman, his "He continued" went to no one and his "He added" to Donald Trump)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "nsubj" or span.root.head.dep_ != "ROOT":
        return []
    out: list[str] = []
    own, sent = (span.start, span.end), span.sent
    while len(out) < MAX_CARRIED and _sole_person(doc, sent, own):
        nxt = _next_unquoted_sentence(doc, sent)
        pron = _main_subject(nxt) if nxt is not None else None
        if pron is None or pron.lower_ not in ("he", "she") or (out and pron.lower_ != out[-1]):
            break
        out.append(pron.lower_)
        own, sent = (pron.i, pron.i + 1), pron.sent
    return ["m" if p == "he" else "f" for p in out]


def _main_subject(sent: SpacySpan) -> Token | None:
    """The subject of the sentence's root, outside quotation marks."""
    text = text_of(sent.doc)
    found = (t for t in sent if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and not in_quotes(text, t.idx))
    return next(found, None)


# How many sentences in a row ``_carried_on`` follows. Not fitted.
MAX_CARRIED = 3


def _sole_person(doc: Doc, sent: SpacySpan, own: tuple[int, int]) -> bool:
    """Does ``sent`` mention no person but the tokens ``own`` outside quotation marks?"""
    text = text_of(doc)
    return not any(_of_a_person(t) and not in_quotes(text, t.idx) and not own[0] <= t.i < own[1]
                   for t in sent)


def _of_a_person(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON" or tok.lower_ in lx.MALE_PRONOUNS or tok.lower_ in lx.FEMALE_PRONOUNS


def _next_unquoted_sentence(doc: Doc, sent: SpacySpan) -> SpacySpan | None:
    """The first sentence after ``sent`` that does not start inside the quotation ``sent`` opened
    (a quote of several sentences is still the name's sentence), within MAX_QUOTED_SENTENCES."""
    text = text_of(doc)
    for _ in range(MAX_QUOTED_SENTENCES + 1):
        if sent.end >= len(doc):
            return None
        sent = doc[sent.end].sent
        first = next((t for t in sent if not t.is_space and not t.is_punct), None)
        if first is not None and not in_quotes(text, first.idx):
            return sent
    return None


# How many sentences of one quotation ``_next_unquoted_sentence`` skips. Not fitted.
MAX_QUOTED_SENTENCES = 5


def _bound_votes(doc: Doc, mentions: list[Mention], *, carried: bool = False) -> dict[str, int]:
    """How many he/she/his/her of each gender a person's own subject names bind (see above), and
    with ``carried`` the he/she that carry on a sentence of theirs (``_carried_on``)."""
    votes = {"m": 0, "f": 0}
    for m in mentions:
        if m.type == "name" and m.is_subject and not in_quotes(text_of(doc), m.start):
            for said in (_bound_pronoun(doc, m), *(_carried_on(doc, m) if carried else ())):
                if said in votes:
                    votes[said] += 1
    return votes


def _majority(votes: dict[str, int], min_votes: int, margin: int = BOUND_MARGIN) -> str | None:
    top = max(votes, key=lambda g: votes[g])
    other = votes["f" if top == "m" else "m"]
    return top if votes[top] >= min_votes and votes[top] >= margin * other else None


def bound_gender(doc: Doc, mentions: list[Mention], min_votes: int = BOUND_VOTES, *,
                 carried: bool = False) -> str | None:
    """The gender ("m"/"f") the pronouns bound by a person's own subject names say (see above), and
    with ``carried`` the he/she that carry on their sentences."""
    return _majority(_bound_votes(doc, mentions, carried=carried), min_votes)


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
    man whatever the list says of Lindsey; so is the he that carries on his sentences,
    ``_carried_on``), when it says so twice (``LIST_OVERRULED_BY``: "Clinton said his remarks were
    …" binds nobody's his). Not pronouns the actor stage resolved: a gender learnt from them is what
    the speaker rules are checking."""
    listed = c.name_gender()
    if c.title_gender or not listed:
        return listed or _unnamed_gender(doc, c)
    return bound_gender(doc, c.mentions, min_votes=LIST_OVERRULED_BY, carried=True) or listed
