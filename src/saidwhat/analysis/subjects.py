"""Who does the verb: the subject helpers the actor resolver and the stance stage share.

One module for the questions asked of a dependency parse about subjects, so that they agree:

- ``is_subject``: whether a token is a verb's subject (active, passive or "by"-agent);
- ``verb_subject``: the subject of a verb, through coordinated verbs and infinitives;
- ``agent_of``: the agent of a cue verb or noun, also its possessor ("the mayor's statement");
- ``cue_subject``: the subject of an attribution's cue verb outside its content;
- ``is_nominal``: whether a token can head an actor mention at all;
- ``stray_subject``: the name a subjectless verb follows, which the parser hung elsewhere.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

__all__ = ["REL_TAGS", "agent_of", "cue_subject", "is_nominal", "is_subject", "stray_subject",
           "unlabelled_sequel", "verb_subject"]

REL_TAGS = ("WP", "WDT", "WP$")
_NAME_ENTS = ("PERSON", "ORG", "GPE", "NORP", "FAC")
# Dependencies through which a verb takes its subject from the verb it hangs on
_SHARED_SUBJECT = ("conj", "xcomp", "advcl")
# How many heads up a subject is looked for (a cue inside nested clauses)
MAX_CLIMB = 4


def is_subject(tok: Token) -> bool:
    """The token is a subject: active, passive, or the agent of a passive."""
    return tok.dep_ in ("nsubj", "nsubjpass", "agent")


def is_nominal(tok: Token) -> bool:
    """A token that can head an actor mention: a noun, a proper noun, a personal pronoun, a name."""
    if not any(ch.isalnum() for ch in tok.text) or tok.tag_ in REL_TAGS:
        return False
    return tok.pos_ in ("NOUN", "PROPN", "PRON") or tok.ent_type_ in _NAME_ENTS


def _by_agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def verb_subject(verb: Token) -> Token | None:
    """The subject of ``verb``: the nearest nsubj, else the by-agent, else the governing verb's."""
    cur = verb
    for _ in range(MAX_CLIMB):
        subjects = [c for c in cur.children if c.dep_ == "nsubj"]
        if subjects:  # the nearest one: a mis-split sentence can give a verb two subjects
            return min(subjects, key=lambda c: abs(cur.i - c.i))
        agent = _by_agent(cur)
        if agent is not None:
            return agent
        if not _takes_subject_from_head(cur):
            return None
        cur = cur.head
    return None


def _takes_subject_from_head(verb: Token) -> bool:
    """A verb coordinated with, or governed by, the verb it hangs on (``unlabelled_sequel`` too)."""
    return verb.head is not verb and (verb.dep_ in _SHARED_SUBJECT or unlabelled_sequel(verb))


def unlabelled_sequel(verb: Token) -> bool:
    """A verb the parser left unlabelled ("dep") after the verb it hangs on, which it continues
    with the same subject: "Trump gestured as if to stop the ruckus, then leaned in and boomed: …"
    (PolNeAR train, sixth identity gold: the quote went to the crowd of the sentence before)."""
    return verb.dep_ == "dep" and verb.pos_ == "VERB" and verb.head.pos_ == "VERB" and verb.head.i < verb.i


# A finite verb, or a past form the tagger took for a participle ("Hammond, …, hesitated" as VBN).
_FINITE_OR_PAST = frozenset({"VBD", "VBZ", "VBP", "VBN"})
# Children that give a verb its subject, or make a participle no past tense.
_HAS_SUBJECT = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "aux", "auxpass"})


def stray_subject(verb: Token) -> Token | None:
    """The person a subjectless finite verb follows, whose phrase (appositives included) ends at the
    verb but for a comma, when the parser hung the name on an earlier phrase: "But in a conference
    call with reporters on Dec. 2, Col. Steven H. Warren, a military spokesman in Baghdad, said, …"
    (Warren an appositive of "Dec."), "Reached by POLITICO, Hammond, the Indiana national
    committeeman, hesitated to repeat …" (a conjunct of "POLITICO"). PolNeAR train, found through
    CRFs that had not seen the articles: the quote, or the next "he said", went to the speaker
    before."""
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in _FINITE_OR_PAST \
            or verb.dep_ in ("aux", "auxpass") or any(c.dep_ in _HAS_SUBJECT for c in verb.children):
        return None
    j = verb.i - 1
    while j >= 0 and (verb.doc[j].text == "," or verb.doc[j].is_space):
        j -= 1
    if j < 0 or j == verb.i - 1:
        return None  # the phrase must be set off by a comma
    tok = verb.doc[j]
    while j <= tok.right_edge.i < verb.i and tok.head.i != tok.i:
        if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN" and not is_subject(tok) \
                and tok.head.i < tok.left_edge.i and _set_off(tok):
            return tok
        tok = tok.head
    return _opening_name(verb)


def _opening_name(verb: Token) -> Token | None:
    """The name that opens the verb's sentence, set off by a comma, with a phrase between it and the
    verb set off too: "And Obama, for all the progress he helped wrangle from world leaders, seems to
    agree" (PolNeAR train, held-out identity errors: the parser made "Obama" a modifier of
    "wrangle", and the "he said" after it went to the man quoted before)."""
    doc = verb.doc
    first = next((t for t in verb.sent if not (t.is_punct or t.is_space or t.dep_ == "cc")), None)
    if first is None or first.ent_type_ != "PERSON" or first.pos_ != "PROPN" or doc[verb.i - 1].text != ",":
        return None
    last = first.i
    while last + 1 < verb.i and doc[last + 1].ent_type_ == "PERSON" and doc[last + 1].pos_ == "PROPN":
        last += 1
    name = doc[first.i: last + 1]
    if last + 1 >= verb.i - 1 or doc[last + 1].text != "," or any(is_subject(t) for t in name):
        return None
    return name.root


def _set_off(name: Token) -> bool:
    """The name's phrase opens its sentence or follows a comma: not a name inside a clause before
    the verb ("after Mr. Trump, asked about the deaths of journalists under Mr. Putin, had said")."""
    first = name.left_edge
    return first.i == first.sent.start or first.nbor(-1).text == ","


def agent_of(tok: Token) -> Token | None:
    """The agent of a cue verb or noun: nsubj, passive agent, possessor, or a governing word's."""
    cur = tok
    for _ in range(MAX_CLIMB):
        subs = [c for c in cur.children if c.dep_ == "nsubj"]
        if subs:
            return min(subs, key=lambda c: abs(c.i - cur.i))
        agent = _by_agent(cur)
        if agent is not None:
            return agent
        if cur.pos_ == "NOUN":
            poss = next((c for c in cur.children if c.dep_ == "poss"), None)
            if poss is not None:
                return poss
        if cur.head is cur:
            return None
        cur = cur.head
    return None


_NOT_WHO = frozenset({"ORG", "GPE", "FAC", "LOC", "NORP"})


def _who_antecedent(rel: Token, head: Token) -> Token:
    """The antecedent of a relative pronoun, ``head`` as parsed; but "who" after an organisation at
    the end of a person's apposition is the person: "said Howard Rubel, a senior analyst at
    Jefferies, who notes that …" is Rubel's (PolNeAR train, eighth judged round, where it went to
    Jefferies)."""
    if rel.lower_ != "who" or head.ent_type_ not in _NOT_WHO:
        return head
    tok = head
    while tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        tok = tok.head.head
    if tok is not head and tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
        return tok.head
    return head


def _tokens(doc: Doc, spans: list[tuple[int, int]]) -> list[Token]:
    return [t for s, e in spans for t in (doc.char_span(s, e, alignment_mode="expand") or [])]


def cue_subject(doc: Doc, cue: list[tuple[int, int]], content: list[tuple[int, int]]) -> Token | None:
    """The nominal subject of the cue verb, outside the content ("members" in "members said ...")."""
    verbs = [t for t in _tokens(doc, cue) if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return None
    inside = {t.i for t in _tokens(doc, content)}
    verb = verbs[0]
    for _ in range(MAX_CLIMB):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside]
        if subjects:
            subj = min(subjects, key=lambda c: abs(verb.i - c.i))
            if subj.tag_ in REL_TAGS and verb.dep_ == "relcl":
                subj = _who_antecedent(subj, verb.head)  # "the engineer who said": the antecedent
            return subj if is_nominal(subj) and subj.i not in inside else None
        if not _takes_subject_from_head(verb):
            return None
        verb = verb.head
        # "X warned that A and said B" is often parsed with "said" coordinated to A's verb:
        # the subject of an embedded clause is not the speaker, its governing verb's is.
        while verb.dep_ == "ccomp" and verb.head is not verb:
            verb = verb.head
    return None
