"""What part a token plays in its sentence, as a pronoun's antecedent sees it (``role_of``): the
subject of a main or a subordinate clause, an object, the author of a document, a person a
sentence presents or turns to ("Then there's Axelrod.", "Consider the case of X"), or a mention
in passing that no he/she goes back to (a possessor, a noun's modifier, a person only supposed).
"""

from __future__ import annotations

from spacy.tokens import Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.filters import is_animate_head
from saidwhat.analysis.actors.resolve.sentences import main_clause
from saidwhat.analysis.attribution.speaker.common import (
    OBJECT_DEPS,
    ORG_NOUNS,
    SAYING_LEMMAS,
    SUBJECT_DEPS,
)
from saidwhat.analysis.subjects import stray_subject


def in_noun_clause(tok: Token) -> bool:
    """Is the token the subject of a clause that says what the noun of a prepositional phrase is ("in
    the event that Clinton faces Trump", "despite the fact that Obama won")? Its subject is what
    the phrase is about, not who the sentence's he or she is: "Asked about her own vote in the
    event that Clinton faces Trump, she replied" is Susan Sarandon's (PolNeAR train, judged
    speakers; she then carried her chain of "she said" to Hillary Clinton)."""
    verb = tok.head
    return tok.dep_ in SUBJECT_DEPS and verb.dep_ in ("relcl", "acl") and verb.head.pos_ == "NOUN" \
        and verb.head.dep_ == "pobj" and any(c.dep_ == "mark" for c in verb.children)


def is_possessor(tok: Token) -> bool:
    """'Epstein's behaviour', however the parser labels the possessor (poss, or nmod with 's); not
    a subject, whose 's is a verb: "Christie's been making the case …" (PolNeAR train, 1 quote)."""
    return tok.dep_ == "poss" or (tok.dep_ not in SUBJECT_DEPS
                                  and any(c.dep_ == "case" for c in tok.children))


# Prepositions by which a noun names its relation to someone else ("friendship with Epstein",
# "claims about Dahl"); "to" is left out: the parser hangs names on a title's "to" ("China's
# ambassador to the UN Zhang Jun", the seed fixture).
_RELATION_PREPS = frozenset({"with", "about", "of", "against", "between", "toward", "towards", "over"})


def is_noun_modifier(tok: Token) -> bool:
    """'(friendship) with Epstein': the object of a preposition of relation that modifies a noun."""
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in _RELATION_PREPS \
        and tok.head.head.pos_ in ("NOUN", "PROPN")


def _author_of_document(tok: Token) -> bool:
    """'a post from Arianna Huffington', 'a statement by the mayor', 'received an email from …': the
    author of a document, who may then be a speaking he/she ("…, according to a post from Arianna
    Huffington. “…,” she wrote": fifth identity gold, out of Hillary Clinton's actor), not an object
    of the sentence. A person by the tagger only: "an analysis by The Washington Post" took "He
    announced" from Obama (the first-name list reads "Washington" as a man's name). A name after a
    title with its own
    "for"/"of" phrase, which the parser hangs on that phrase, is the title's ("a message from
    Undersecretary for Political Affairs Wendy Sherman, … “…,” she wrote": fifth identity gold)."""
    if tok.ent_type_ != "PERSON":
        return False
    while tok.dep_ == "pobj" and tok.head.lower_ in ("for", "of") and tok.head.head.pos_ == "PROPN" \
            and tok.head.head.is_title:
        tok = tok.head.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("from", "by"):
        return False
    owner = prep.head  # "a message from X", or the verb of "received a message from X"
    return owner.lemma_.lower() in _AUTHORED or (owner.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _AUTHORED for c in owner.children))


# What a person may be the author of, for ``_author_of_document``: documents, and messages.
_AUTHORED = lx.DOCUMENT_HEADS | {"message", "note"}


def role_of(tok: Token) -> str:
    """'main' (subject of a main clause or of a verb of saying), 'sub' (subject of another
    clause), 'other' or 'object'
    (an object, a possessive, or a name in apposition to one: "an address for his sister, Martha")."""
    stray = _stray_role(tok)
    if stray is not None:
        return stray
    while tok.dep_ == "appos" and tok.head is not tok:
        tok = tok.head
    tok = _equated_subject(_named_noun(tok))
    if _author_of_document(tok):
        return "other"
    if _topic_opened(tok):
        return "main"
    speaking = _speaking_relative(tok) if tok.dep_ not in SUBJECT_DEPS else None
    if speaking is not None:
        return "main" if _saying(speaking) else "sub"
    owned = _owned_subject(tok) if is_possessor(tok) else None
    if owned is not None:
        tok = owned  # "Trump's response … has been controversial. He has proposed …"
    elif tok.dep_ in OBJECT_DEPS or is_possessor(tok):
        return "object"
    if in_noun_clause(tok):
        return "other"
    if _misparsed_opener(tok):
        return "main"
    if tok.dep_ in SUBJECT_DEPS:
        return "main" if main_clause(tok.head) or _saying(tok.head) or _main_in_effect(tok) else "sub"
    return "other"


def _named_noun(tok: Token) -> Token:
    """The noun a name is given to by "named"/"called": "a worker named Antonio Arroyo has nothing but
    positive things to say" makes Arroyo the subject, as "worker" is (PolNeAR train, eleventh
    identity gold: his next "he said" went to a man named as a subject before)."""
    verb = tok.head
    if tok.dep_ in ("oprd", "dobj", "attr") and verb.dep_ == "acl" and verb.lower_ in ("named", "called"):
        return verb.head
    return tok


def _equated_subject(tok: Token) -> Token:
    """The subject a name is equated with by "is"/"was": "Her main rival is Liberal candidate Daniel
    Fortin, a former city councillor. “…,” he said" is Fortin's, as "rival" is the subject
    (speaker probes, development set G: the he went to the campaign manager named before). Only
    when the subject is a common noun: "Trump is no Reagan" equates nobody."""
    verb = tok.head
    if tok.dep_ != "attr" or tok.pos_ != "PROPN" or verb.lemma_ != "be":
        return tok
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject if subject is not None and subject.pos_ == "NOUN" else tok


def _stray_role(tok: Token) -> str | None:
    """The role of a name the parser hung on an earlier phrase although a verb after it has no
    other subject (``subjects.stray_subject``): "Reached by POLITICO, Hammond, the Indiana national
    committeeman, hesitated to repeat … He agreed that …, but he said …" is Hammond's (PolNeAR
    train, under a CRF that had not seen it: the he went to the man quoted before)."""
    doc = tok.doc
    k = tok.right_edge.i + 1
    while k < len(doc) and (doc[k].text == "," or doc[k].is_space):
        k += 1
    verbs = [k] if k < len(doc) else []
    verbs += [i for i in range(k + 1, tok.sent.end)
              if doc[i - 1].text == "," and doc[i].pos_ in ("VERB", "AUX")]
    for i in verbs:  # the verb right after the name, else one after a phrase set off ("Obama, for all …,
        # seems": ``subjects.stray_subject``)
        name = stray_subject(doc[i])
        if name is not None and name.i == tok.i:
            return "main" if main_clause(doc[i]) or _saying(doc[i]) else "sub"
    return None


def _misparsed_opener(tok: Token) -> bool:
    """A name that opens its sentence and that the parser made the sentence's root, hanging the
    verb on it ("Rep. Devin Nunes (R-Calif.), chairman of the House Intelligence Committee, didn't
    second-guess Comey's recommendation …, but he did call for …": "Nunes" the root, "call" its
    conjunct): the sentence's subject in all but the parse (PolNeAR train, fourth round of judged
    speakers: the next "he said" had gone to the man quoted before)."""
    opens = all(t.pos_ == "PROPN" for t in tok.doc[tok.sent.start: tok.i])
    return tok.dep_ == "ROOT" and tok.pos_ == "PROPN" and opens and _verb_below(tok)


def _verb_below(tok: Token) -> bool:
    """A verb the parser hung below ``tok``, not in a relative clause on it: "Jeb Bush and Chris
    Christie, who say …" (a sentence cut after "Govs.") has none of its own."""
    return any(c.pos_ in ("VERB", "AUX") or _verb_below(c) for c in tok.children
               if c.dep_ != "relcl")


def _owned_subject(owner: Token) -> Token | None:
    """The subject a possessor opens, when what it owns is no person ("Trump's response to the
    attacks has been controversial. He has proposed …", "One of Trump's earlier jeremiads came in
    February, when he told Fox News …"): the sentence is about the owner, whose role it takes
    (centering's possessor of the subject).
    Not "Obama's spokesman said" or "Clinton's campaign said", whose subject acts on its own (a
    document speaks for its owner: "Trump's statement said …"), nor after a named person who is a
    subject in its sentence ("Mr. Graham said, Mr. Trump's jabs … were unacceptable": Graham's).
    PolNeAR train, fourth round of judged speakers (development half): 2 of 18 wrong pronoun
    speakers were such owners' (the person named as a subject before had taken them)."""
    head = owner.head
    if _someone(head) or any(t.dep_ in SUBJECT_DEPS and t.ent_type_ == "PERSON"
                             for t in owner.doc[owner.sent.start: owner.i]):
        return None  # "Like his comments, Mr. Graham said, Mr. Trump's jabs were unacceptable"
    while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i != head.head.i:
        head = head.head.head  # "One of Trump's jeremiads": the subject is "One"
    return head if head.dep_ in SUBJECT_DEPS and not _someone(head) else None


def _someone(head: Token) -> bool:
    """A noun that may name who acts or speaks, or a part of an organisation ("Universal's music
    division provided some demos": Universal is no person whose he follows; own pages); a document
    speaks for its owner ("Trump's statement")."""
    lemma = head.lemma_.lower()
    return (is_animate_head(head) or lemma in lx.ORG_PARTS) and lemma not in lx.DOCUMENT_HEADS


def _main_in_effect(tok: Token) -> bool:
    """'the Turkish government declared Oksuz was a leader of the plot. He was briefly detained',
    'That is pretty much what Mr. Trump has threatened to do. … he vows': the subject of a clause in
    a sentence whose main clause has no person for subject is that sentence's person, as a main
    clause's subject would be (PolNeAR train, judged speakers: both "he"s went to a man named before
    as a main subject), or whose root is a participle with no subject the parser put before it ("Asked
    later - war or not - the admiral chuckled. “…,” he said"). Not when a person is the main subject
    ("Mr. Hanify said that Mr. Trump had …, he estimated" is Hanify's)."""
    verb = tok.head
    while verb.dep_ not in ("ROOT", "parataxis") and verb.head.i != verb.i:
        verb = verb.head
    if verb.i == tok.head.i:
        return False
    main = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if main is None:  # "Asked later - war or not - the admiral chuckled": a fronted participle as root
        return verb.tag_ in ("VBN", "VBG") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return _no_person(main)


# Pronouns that never stand for a person: a main clause with one of them as subject has no person.
_THING_PRONOUNS = {"it", "this", "that", "what", "which", "there"}


def _no_person(subject: Token) -> bool:
    """A subject that is known to name no person: a body or a document by its noun ("the Turkish
    government", "the report"), "it"/"that". A name is not, whatever the tagger says, and any other
    noun may be a person ("One superdelegate, … Nancy Worley, pledged her vote to Clinton": PolNeAR
    train, where a first version that took every noun outside the person lists, and every name the
    tagger called an organisation, for a thing gave five "he"/"she" to the wrong person)."""
    if subject.pos_ in ("PRON", "DET"):
        return subject.lower_ in _THING_PRONOUNS
    lemma = subject.lemma_.lower()
    return subject.pos_ == "NOUN" and (lemma in ORG_NOUNS or lemma in lx.DOCUMENT_HEADS)


def _speaking_relative(tok: Token) -> Token | None:
    """The verb of a relative clause on ``tok`` whose subject is "who" ("… would involve Attorney
    General Loretta E. Lynch, who told Congress …": an object that is the subject of what follows;
    PolNeAR train, her next "She added" went to Hillary Clinton), else None. Not a name in a
    coordination, whose "who" is all of them: "his rivals, Jeb Bush and Chris Christie, who say …"."""
    if tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children):
        return None
    for clause in tok.children:
        if clause.dep_ == "relcl" and any(c.dep_ in SUBJECT_DEPS and c.lower_ == "who"
                                          for c in clause.children):
            return clause
    return None


def _topic_opened(tok: Token) -> bool:
    """'As for Trump, he said he's not worried': the topic an 'as for' (or 'the case of') opens is
    who the sentence's he or she is (PolNeAR train, 2 quotes given to the speaker before)."""
    prep = tok.head
    if _presented(tok):
        return True
    if tok.dep_ != "pobj":
        return False
    if prep.lower_ == "of" and prep.head.lemma_.lower() in _TOPIC_NOUNS:
        return True  # "Consider the case of Ms. Shanklin-Hawkins. While she says …" (PolNeAR train)
    return prep.lower_ == "for" and ((prep.i > 0 and prep.nbor(-1).lower_ == "as") or _for_opener(prep))


def _for_opener(prep: Token) -> bool:
    """"For Perez and the others whose names are being tossed around, that means it is best to
    deflect questions. “…,” he says": a "for" phrase that opens its sentence, set off by a comma,
    says whose situation the sentence is (PolNeAR train, held-out identity errors: it went to Evan
    Bayh, the subject three sentences back)."""
    sent = prep.sent
    first = next((t for t in sent if not (t.is_punct or t.is_space or t.dep_ == "cc")), None)
    end = prep.right_edge.i + 1
    return first is not None and first.i == prep.i and end < len(prep.doc) and prep.doc[end].text == ","


def _presented(tok: Token) -> bool:
    """'Then there's Axelrod.': a name an existential sentence brings in, with nothing after it but
    a time and a participle that says what the person was doing, is who the next he or she is
    (PolNeAR train, eleventh identity gold: the "he wrote" after it went to Obama, the subject of the
    paragraph before; "So there was Mr. Hannity last week, devoting one of his shows to a town
    hall-style meeting with Mr. Trump … the debunked claim that Mr. Trump opposed …", held-out
    identity errors: its "He showed a video" went to Trump)."""
    verb = tok.head
    there = any(c.dep_ == "expl" and c.lower_ == "there" for c in verb.children)
    return tok.dep_ in ("attr", "nsubj") and there \
        and all(_presenting(c) for c in verb.rights if c.i > tok.right_edge.i)


def _presenting(tok: Token) -> bool:
    """A word after an existential's name that keeps the name presented: punctuation, a time
    ("last week"), a participle ("devoting …")."""
    return tok.is_punct or tok.is_space or tok.dep_ in ("npadvmod", "advmod") \
        or (tok.dep_ in ("advcl", "acl") and tok.tag_ in ("VBG", "VBN"))


# Nouns whose "of" names the person a passage turns to: "Consider the case of X". (Not "example":
# "Reid raised the example of Obama in 2008 …" is still Reid's passage; PolNeAR train.)
_TOPIC_NOUNS = {"case"}


def _saying(verb: Token) -> bool:
    """A verb of saying; "continue" only when it says ("“…,” he continued"), not when it carries
    another verb: "said Trump continued to hurt his cause" (PolNeAR train, fifth identity gold: its
    subject had outranked the one who said it)."""
    lemma = verb.lemma_.lower()
    if lemma == "continue" and any(c.dep_ == "xcomp" for c in verb.children):
        return False
    return lemma in SAYING_LEMMAS


def is_supposed(tok: Token) -> bool:
    """A word of an "if" or "unless" clause: someone the sentence supposes something of, not
    the one who speaks in it ("Bennett does not feel the same way about Sanders. If Trump doesn't
    become the Republican nominee, he said he would settle for one of the reality TV star's
    rivals": Bennett's; PolNeAR train, sixth identity gold, where it went to Trump)."""
    clause = next((t for t in tok.ancestors if t.dep_ == "advcl"), None)
    return clause is not None and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                      for c in clause.children)
