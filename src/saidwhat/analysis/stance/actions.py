"""Stance from what actors do: reactions and actions toward a target, and the target's authors.

A **reaction** is a verb or noun outside any quote whose object is the target, with a polarity:

- reaction cues ("welcomed", "condemned", "rejected", "endorsed"; ``lexicon.CUE_*``) and actions
  ("blocked", "sued", "vetoed", "adopted"; ``lexicon.ACTION_*``) take the polarity of the word,
  flipped under negation ("did not endorse");
- particle verbs take the polarity of the pair ("pushed the toll through", "voted the plan down");
- a vote, a campaign or a stand takes it from its preposition ("voted against the plan",
  "one of the two votes against the plan", "campaigned for the measure"), or from the action it
  is a vote *to* do ("voted to charge a toll": for the toll; "voted to block the toll": against);
- describing verbs take it from their complement ("described the report as biased").

Its agent (subject, passive agent, possessor, or the name an apposition describes: "Priya Raman,
one of the two votes against the plan") is the reacting actor; the evidence is the sentence.

An **author** made or owns the target: the agent of a making verb with the target as object
("the OHCHR published the report", "the mayor proposed the toll"), the possessor of a target
mention ("the council's plan"), or an actor one of whose mentions is the target (the report's
issuer "a 48 page report"). Authors are recorded on the target, not listed as reactors.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from saidwhat.analysis.actors import lexicon as alx
from saidwhat.analysis.stance import lexicon as lx
from saidwhat.analysis.stance.score import cue_polarity, negated, tokens_of, word_polarity
from saidwhat.schema import Actor, ActorKind, AnalyzedArticle, Reaction, Span, StanceLabel, free_actor_id

# Verbs and nouns whose polarity comes from a preposition ("voted against", "a campaign for").
PREP_ACTIONS = {
    "vote",
    "campaign",
    "rally",
    "fight",
    "stand",
    "argue",
    "lobby",
    "testify",
    "push",
    "petition",
}
# The score of a reaction: the evidence is explicit, so it starts high; a describing verb's
# complement adds with its lexicon weight. Not calibrated on data (reactions are rare in the
# training attributions); documented as such in docs/stance.md.
REACTION_BASE, REACTION_STEP, REACTION_MAX = 0.7, 0.1, 0.95

About = Callable[[Token], bool]


def _objects(tok: Token, preps: tuple[str, ...] = ("of", "for", "on", "against", "to")) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in preps:
            out.extend(x for x in c.children if x.dep_ == "pobj")
    return out


def _prep_polarity(tok: Token, about: About) -> float:
    for c in tok.children:
        if (
            c.dep_ == "prep"
            and c.lower_ in lx.PREP_POLARITY
            and any(about(x) for x in c.children if x.dep_ == "pobj")
        ):
            return lx.PREP_POLARITY[c.lower_]
        if c.dep_ == "prep" and c.lower_ == "in" and any(x.lemma_.lower() == "favor" for x in c.children):
            return 1.0 if any(about(x) for x in c.subtree) else 0.0
    return 0.0


def _vote_to(tok: Token, about: About) -> float:
    """ "voted to charge a toll": for the toll; "voted to block the toll": against it."""
    for c in tok.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and any(about(o) for o in _objects(c)):
            inner = action_polarity(c, about)
            return inner if inner else 1.0
    return 0.0


def _described(tok: Token, about: About) -> float:
    """ "described the report as biased", "called the assessment a game changer"."""
    if tok.pos_ != "VERB" or not any(about(o) for o in tok.children if o.dep_ == "dobj"):
        return 0.0
    comp: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as"):
            comp.extend(c.subtree)
    score = sum(word_polarity(t) for t in comp)
    lemmas = " ".join(t.lemma_.lower() for t in comp)
    score += sum(1.5 for ph in lx.PHRASES_POSITIVE if ph in lemmas)
    score -= sum(1.5 for ph in lx.PHRASES_NEGATIVE if ph in lemmas)
    return score


def action_polarity(tok: Token, about: About) -> float:
    """Polarity of what ``tok`` does to the target (0: nothing); ``about`` tells a token about it."""
    lemma = tok.lemma_.lower()
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    p = 0.0
    if prt is None:  # "pushed the levy through the assembly": the particle parsed as a preposition
        prt = next(
            (
                c.lower_
                for c in tok.children
                if c.dep_ == "prep"
                and (lemma, c.lower_) in lx.PARTICLE_ACTIONS
                and any(o.dep_ == "dobj" for o in tok.children)
            ),
            None,
        )
    if prt is not None and (lemma, prt) in lx.PARTICLE_ACTIONS:
        if any(about(o) for o in _objects(tok)):
            p = lx.PARTICLE_ACTIONS[(lemma, prt)]
    elif lemma in PREP_ACTIONS:
        p = _prep_polarity(tok, about) or (_vote_to(tok, about) if lemma == "vote" else 0.0)
    elif lemma in lx.DESCRIBE_VERBS:
        p = _described(tok, about)
    else:
        base = cue_polarity(tok) or (
            1.0 if lemma in lx.ACTION_POSITIVE else -1.0 if lemma in lx.ACTION_NEGATIVE else 0.0
        )
        if base and any(about(o) for o in _objects(tok)):
            p = base
    if p and negated(tok):
        p = -p
    return p


def agent_of(tok: Token) -> Token | None:
    """Who does it: subject, passive agent, possessor, an apposition's head, a relative clause's head."""
    cur = tok
    for _ in range(4):
        subs = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")]
        if subs:
            sub = min(subs, key=lambda c: abs(c.i - cur.i))
            if sub.tag_ in ("WDT", "WP") and cur.dep_ == "relcl":
                return cur.head  # "the association, which condemned the decision"
            return sub
        for c in cur.children:
            if c.dep_ == "agent":
                return next((p for p in c.children if p.dep_ == "pobj"), None)
            if c.dep_ == "poss" and cur.pos_ == "NOUN":
                return c
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.head.dep_ == "appos":
            return cur.head.head.head  # "Priya Raman, one of the two votes against the plan"
        if cur.dep_ == "appos":
            return cur.head
        if cur.head is cur:
            return None
        cur = cur.head
    return None


def _group_span(tok: Token) -> Span:
    """A coordinated agent as one span: "rights advocates, foreign officials and exiled Uyghurs"."""
    members = [tok]
    cur = tok
    while True:
        nxt = [c for c in cur.children if c.dep_ == "conj"]
        if not nxt:
            break
        cur = nxt[0]
        members.append(cur)
    left = tok.left_edge.i
    right = members[-1].i
    of = next((c for c in members[-1].children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:  # "the chamber of commerce"
        right = of.right_edge.i
    doc = tok.doc
    while left < right and doc[left].dep_ == "det" and doc[left].lower_ == "the":
        left += 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def actor_at(analyzed: AnalyzedArticle, tok: Token) -> Actor | None:
    for a in analyzed.actors:
        for s, e in a.mentions:
            if s <= tok.idx < e:
                return a
    return None


def _new_actor(analyzed: AnalyzedArticle, subj: Token, mention: Span) -> Actor | None:
    """A reacting collective the resolver did not keep ("rights advocates", "the council")."""
    lemma = subj.lemma_.lower()
    plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
    kind: ActorKind
    if plural:
        kind = "group"
    elif lemma in alx.ORG_HEADS or lemma in lx.COLLECTIVE_HEADS:
        kind = "organization"
    elif lemma in alx.ROLE_NOUNS:
        kind = "anonymous"
    else:
        return None
    name = analyzed.text[mention[0] : mention[1]]
    actor = Actor(
        id=free_actor_id(analyzed.actors), name=name, kind=kind, mentions=[mention], description=name
    )
    analyzed.actors.append(actor)
    return actor


def _agent_actor(analyzed: AnalyzedArticle, subj: Token) -> tuple[Actor, Span] | None:
    actor = actor_at(analyzed, subj)
    if actor is None and subj.pos_ == "PRON":
        return None
    mention = _group_span(subj)
    if actor is not None:
        mention = next(((s, e) for s, e in actor.mentions if s <= subj.idx < e), mention)
        return actor, mention
    made = _new_actor(analyzed, subj, mention)
    return (made, mention) if made is not None else None


def _sentence(tok: Token) -> Span:
    sent = tok.sent
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return sent.start_char + lead, sent.start_char + len(text.rstrip())


def _candidate(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return tok.pos_ in ("VERB", "NOUN") and (
        lemma in lx.CUE_POSITIVE
        or lemma in lx.CUE_NEGATIVE
        or lemma in lx.DESCRIBE_VERBS
        or lemma in lx.ACTION_POSITIVE
        or lemma in lx.ACTION_NEGATIVE
        or lemma in PREP_ACTIONS
        or any(c.dep_ in ("prt", "prep") and (lemma, c.lower_) in lx.PARTICLE_ACTIONS for c in tok.children)
    )


def find_reactions(
    doc: Doc, analyzed: AnalyzedArticle, target: str, tgt: set[int], start_id: int, skip: set[str]
) -> list[Reaction]:
    """Reactions and actions toward the target outside any sourced quote's content or cue.

    ``tgt``: the target's mention tokens; ``skip``: actor ids that are the target or its authors.
    """
    if not tgt:
        return []
    inside: set[int] = set()
    for q in analyzed.quotes:
        if not q.speaker.mention and q.speaker.actor is None:
            continue  # a sourceless "attribution" is the narrator's own words: reactions may be in it
        inside.update(t.i for t in tokens_of(doc, q.content))
        inside.update(t.i for t in tokens_of(doc, q.cue))

    def about(t: Token) -> bool:
        return any(x.i in tgt for x in t.subtree)

    out: list[Reaction] = []
    for tok in doc:
        if tok.i in inside or tok.i in tgt or not _candidate(tok):
            continue
        pol = action_polarity(tok, about)
        subj = agent_of(tok) if pol else None
        if subj is None or subj.i in tgt or subj.pos_ == "DET":
            continue
        found = _agent_actor(analyzed, subj)
        if found is None or found[0].id in skip:
            continue
        actor, mention = found
        label: StanceLabel = "support" if pol > 0 else "oppose"
        score = round(min(REACTION_MAX, REACTION_BASE + REACTION_STEP * (abs(pol) - 1.0)), 3)
        out.append(
            Reaction(
                id=f"r{start_id + len(out)}",
                actor=actor.id,
                target=target,
                cue=[(tok.idx, tok.idx + len(tok))],
                mention=[mention],
                label=label,
                score=score,
                evidence=[_sentence(tok)],
            )
        )
    return out


def find_authors(doc: Doc, analyzed: AnalyzedArticle, tgt: set[int]) -> set[str]:
    """Ids of actors that made or own the target by a making verb or a possessive (module docstring)."""
    authors: set[str] = set()
    for tok in doc:
        agent: Token | None = None
        if (
            tok.pos_ == "VERB"
            and tok.lemma_.lower() in lx.AUTHOR_VERBS
            and any(o.i in tgt for o in _objects(tok, ()))
        ):
            agent = _direct_agent(tok)
        elif tok.i in tgt and tok.dep_ != "poss":
            agent = next((c for c in tok.children if c.dep_ == "poss"), None)
        if agent is not None and agent.i not in tgt:
            actor = actor_at(analyzed, agent)
            if actor is not None:
                authors.add(actor.id)
    return authors


def _direct_agent(verb: Token) -> Token | None:
    """The verb's own subject or passive agent: "the OHCHR published the report", "published by the OHCHR"."""
    for c in verb.children:
        if c.dep_ == "nsubj":
            return c
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None
