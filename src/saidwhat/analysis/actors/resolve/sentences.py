"""Where a mention stands in its article: sentence indices and starts (``sent_ids``, ``sent_starts``),
the window a description or pronoun looks back over (``WINDOW_SENTENCES``, ``within_window``), and
the main clause and subject a mention belongs to (``main_clause``, ``main_subject``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from saidwhat.analysis.actors.mentions import Mention
from saidwhat.analysis.actors.resolve.cluster import Cluster
from saidwhat.analysis.actors.surnames import in_quotes
from saidwhat.analysis.nlp import text_of

# How far back (in sentences) a definite description or pronoun looks for its antecedent.
WINDOW_SENTENCES = 8
# How many sentences back an age or a nationality used as a noun ("the 46-year-old", "the Spaniard")
# may find its person: "House Speaker Paul Ryan … told the delegates" five sentences before "said the
# 46-year-old" is not Melania Trump, whom the sentences between describe (PolNeAR train).
AGE_REACH_SENTENCES = 2


def sent_ids(doc: Doc) -> list[int]:
    """Sentence number of every token, computed once per Doc (kept in ``doc.user_data``)."""
    ids = doc.user_data.get("saidwhat_sent_ids")
    if ids is None or len(ids) != len(doc):
        ids = [0] * len(doc)
        for k, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                ids[i] = k
        doc.user_data["saidwhat_sent_ids"] = ids
    return ids


def sent_starts(doc: Doc) -> list[int]:
    """First token of every sentence, in order (cached like ``sent_ids``)."""
    starts = doc.user_data.get("saidwhat_sent_starts")
    if starts is None:
        ids = sent_ids(doc)
        starts = [i for i in range(len(ids)) if i == 0 or ids[i] != ids[i - 1]]
        doc.user_data["saidwhat_sent_starts"] = starts
    return starts


def last_before(c: Cluster, m: Mention) -> Mention:
    last = c.mentions[-1]
    if last.start < m.start:
        return last
    return max((x for x in c.mentions if x.start < m.start), key=lambda x: x.start, default=c.mentions[0])


def within_window(doc: Doc, m: Mention, c: Cluster) -> bool:
    si = sent_ids(doc)
    return si[m.head] - si[last_before(c, m).head] <= WINDOW_SENTENCES


def subject_above(tok: Token, head: Token) -> bool:
    """Is ``tok`` the subject of a verb whose clauses hold ``head`` ("Trump said he was unlikely to
    … because the British prime minister cast …": Trump is above the prime minister)?"""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.is_ancestor(head) and not tok.is_ancestor(head)


def clause_verb(tok: Token) -> Token:
    """The nearest verb above a token (the token's own clause), else the sentence's root."""
    up = tok.head
    while up.pos_ not in ("VERB", "AUX") and up.dep_ != "ROOT":
        up = up.head
    return up


# The dependencies of a verb's own objects: a non-reflexive pronoun there is never the verb's subject.
# (Not a preposition's object: "Lund saw a snake near him" may be Lund.)
_COARGUMENT_DEPS = frozenset({"dobj", "dative", "iobj"})


def coargument_subject(pron: Token) -> int | None:
    """Token index of the subject of the verb whose object the non-reflexive pronoun ``pron`` is, if
    any: the verb's own subject only ("Clinton asked Obama to endorse her" is Clinton's "her": the
    subject of "endorse" is Obama, not the "Clinton" a climb to "asked" would find)."""
    if pron.dep_ not in _COARGUMENT_DEPS or pron.lower_.endswith(("self", "selves")):
        return None
    subjects = [c for c in pron.head.children if c.dep_ == "nsubj"]
    return min(subjects, key=lambda c: abs(c.i - pron.i)).i if subjects else None


def main_subject(doc: Doc, m: Mention) -> bool:
    """The subject of a main clause ("Mr. Hanify said that Mr. Trump had dominated …": Hanify, not
    the subject of the clause he reports, even when that clause reports speech too: "Mrs. Schlafly
    replied that she was pleased Ms. Friedan had said that")."""
    return m.is_subject and main_clause(doc[m.head].head)


def main_clause(verb: Token) -> bool:
    """A verb of the main clause, or coordinated with one ("… and said": as main as the verb it is
    coordinated with); a verb coordinated inside a reported clause is not ("Rubio claimed that
    Muslims don't face discrimination and that Obama is to blame")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ in ("ROOT", "parataxis"):
        return not any(_glued_before(c) for c in verb.children)
    return _under_quoted_phrase(verb) or _glued_before(verb)


def _glued_before(verb: Token) -> bool:
    """A clause the parser hung as the complement of a later verb with nothing between them ("He
    would like to see the platform represent the ideas Sanders championed": "like" a ccomp of
    "championed"). Reported speech put first is set off by a comma, a dash or quotation marks ("The
    plan works, he said"); without one the later verb is a relative clause's, and the first one the
    main clause (PolNeAR train, judged speakers: the next "he said" went to Sanders)."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i <= verb.i:
        return False
    return not any(t.is_punct or "\n" in t.text for t in verb.doc[verb.left_edge.i: head.i])


def _under_quoted_phrase(verb: Token) -> bool:
    """The parser made a quoted phrase later in the sentence its main clause ("Mr. Comey couched his
    concern by repeating the phrase - ''we assess'' - four times": "couched" a ccomp of "assess";
    PolNeAR train, fifth identity gold, where the next "he said" went to the speaker before): a verb
    outside quotation marks that a quoted verb after it governs is the main clause's."""
    head = verb.head
    text = text_of(verb.doc)
    return verb.dep_ == "ccomp" and head.i > verb.i and in_quotes(text, head.idx) \
        and not in_quotes(text, verb.idx)
