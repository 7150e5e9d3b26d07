"""Targets and stance for one analysed article, filled in place.

1. targets: the user's (found with their aliases) or one proposed from the text;
2. every quote: ``stance[target] = QuoteStance`` by ``model.score_attribution``;
3. reactions without a quote ("The report has been welcomed by rights advocates"): a reaction
   cue (verb or noun) whose object is the target, outside any quote; its agent becomes (or
   joins) an actor, a group actor being created for a reacting collective the resolver did not
   keep;
4. every actor: the aggregate of its quotes' and reactions' stances, with their ids as evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from saidwhat.analysis.actors import lexicon as alx
from saidwhat.analysis.stance import lexicon as stance_lexicon
from saidwhat.analysis.stance.learned import default_config
from saidwhat.analysis.stance.score import (
    StanceConfig,
    StanceResult,
    cue_polarity,
    score_attribution,
    tokens_of,
    word_polarity,
)
from saidwhat.analysis.stance.targets import TargetInfo, find_target, propose_target
from saidwhat.analysis.subjects import agent_of
from saidwhat.schema import (
    Actor,
    ActorKind,
    ActorStance,
    AnalyzedArticle,
    QuoteStance,
    Reaction,
    Span,
    StanceLabel,
)


def _target_tokens(doc: Doc, info: TargetInfo) -> set[int]:
    return {t.i for t in tokens_of(doc, list(info.target.mentions))}


def _is_self(actor_id: str | None, source: list[Span], info: TargetInfo) -> bool:
    if actor_id is not None and actor_id in info.actor_ids:
        return True
    # the source span names the target itself (its mentions exclude other people's surnames)
    return any(s < e2 and s2 < e for s, e in source for s2, e2 in info.target.mentions)


def _actor_at(analyzed: AnalyzedArticle, tok: Token) -> Actor | None:
    for a in analyzed.actors:
        for s, e in a.mentions:
            if s <= tok.idx < e:
                return a
    return None


def _group_span(tok: Token) -> tuple[int, int]:
    """A coordinated agent as one span: "rights advocates, foreign officials and exiled Uyghurs"."""
    members = [tok]
    cur = tok
    while True:
        nxt = [c for c in cur.children if c.dep_ == "conj"]
        if not nxt:
            break
        cur = nxt[0]
        members.append(cur)
    left = min(t.left_edge.i for t in members[:1])
    right = members[-1].i
    doc = tok.doc
    while left < right and doc[left].dep_ in ("det",) and doc[left].lower_ in ("the",):
        left += 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def _reaction_polarity(tok: Token, tgt: set[int]) -> float:
    """Polarity of a reaction at ``tok`` toward the target, 0 if it is not about the target."""
    def about(t: Token) -> bool:
        return any(x.i in tgt for x in t.subtree)

    p = cue_polarity(tok)
    objs: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            objs.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("of", "for", "on", "against", "to"):
            objs.extend(x for x in c.children if x.dep_ == "pobj")
    if p and any(about(o) for o in objs):
        neg = any(c.dep_ == "neg" for c in tok.children)
        return -p if neg else p
    if tok.lemma_.lower() in stance_lexicon.DESCRIBE_VERBS and tok.pos_ == "VERB" and any(
            about(o) for o in objs if o.dep_ == "dobj"):
        comp: list[Token] = []
        for c in tok.children:
            if c.dep_ in ("oprd", "xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ == "as":
                comp.extend(c.subtree)
        score = sum(word_polarity(t) for t in comp)
        lemmas = " ".join(t.lemma_.lower() for t in comp)
        score += (sum(1.5 for ph in stance_lexicon.PHRASES_POSITIVE if ph in lemmas)
                  - sum(1.5 for ph in stance_lexicon.PHRASES_NEGATIVE if ph in lemmas))
        return score
    return 0.0


def find_reactions(doc: Doc, analyzed: AnalyzedArticle, info: TargetInfo, start_id: int) -> list[Reaction]:
    """Reactions to the target stated by the narrator, outside any quote's content or cue."""
    tgt = _target_tokens(doc, info)
    if not tgt:
        return []
    inside: set[int] = set()
    for q in analyzed.quotes:
        if not q.speaker.mention and q.speaker.actor is None:
            continue  # a sourceless "attribution" is the narrator's own words: reactions may be in it
        inside.update(t.i for t in tokens_of(doc, list(q.content)))
        inside.update(t.i for t in tokens_of(doc, list(q.cue)))
    out: list[Reaction] = []
    for tok in doc:
        if tok.i in inside or tok.pos_ not in ("VERB", "NOUN") or tok.i in tgt:
            continue
        lemma = tok.lemma_.lower()
        if lemma not in (stance_lexicon.CUE_POSITIVE | stance_lexicon.CUE_NEGATIVE
                         | stance_lexicon.DESCRIBE_VERBS):
            continue
        pol = _reaction_polarity(tok, tgt)
        if not pol:
            continue
        subj = agent_of(tok)
        if subj is None or subj.i in tgt or subj.pos_ in ("DET",):
            continue
        actor = _actor_at(analyzed, subj)
        if actor is None and subj.pos_ == "PRON":
            continue
        mention = _group_span(subj)
        if actor is not None:
            mention = next(((s, e) for s, e in actor.mentions if s <= subj.idx < e), mention)
        if actor is None:
            lemma_s = subj.lemma_.lower()
            plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
            if plural:
                kind: ActorKind = "group"
            elif lemma_s in alx.ORG_HEADS:
                kind = "organization"
            elif lemma_s in alx.ROLE_NOUNS:
                kind = "anonymous"
            else:
                continue
            name = analyzed.text[mention[0]:mention[1]]
            actor = Actor(id=f"a{len(analyzed.actors) + 1}", name=name, kind=kind, mentions=[mention],
                          description=name)
            analyzed.actors.append(actor)
        label: StanceLabel = "support" if pol > 0 else "oppose"
        out.append(Reaction(id=f"r{start_id + len(out)}", actor=actor.id, target=info.target.name,
                            cue=[(tok.idx, tok.idx + len(tok))], mention=[mention], label=label,
                            score=round(min(0.95, 0.6 + 0.15 * abs(pol)), 3)))
    return out


def _actor_stance(items: list[tuple[str, StanceResult | Reaction]]) -> ActorStance | None:
    signed = 0.0
    evidence: list[str] = []
    confs: list[float] = []
    involved = False
    for item_id, r in items:
        if isinstance(r, Reaction):
            label, score = r.label, r.score
            involved = True
        else:
            label, score = r.label, r.score
            involved = involved or r.involved
        if label != "neutral":
            signed += score if label == "support" else -score
            evidence.append(item_id)
            confs.append(score)
    if not involved:
        return None
    if not evidence:
        ids = [i for i, r in items if isinstance(r, Reaction) or r.involved]
        return ActorStance(label="neutral", score=0.6, evidence=ids)
    label2: StanceLabel = "support" if signed > 0 else "oppose" if signed < 0 else "neutral"
    agree = [c for (_, r), c in zip([x for x in items if x[0] in evidence], confs, strict=False)
             if r.label == label2]
    score = sum(agree) / len(agree) if agree else 0.5
    return ActorStance(label=label2, score=round(score, 3), evidence=evidence)


def assign_stances(doc: Doc, analyzed: AnalyzedArticle, targets: Sequence[str] | None = None,  # noqa: C901 - split in issue 12 work
                   *, config: StanceConfig | None = None,
                   collect: list[tuple[str, str, dict[str, float]]] | None = None) -> None:
    """Fill ``analyzed.targets``, ``quotes[].stance``, ``actors[].stance`` and ``reactions`` in place.

    ``config`` defaults to the shipped learned layer (``learned.default_config``); ``collect``
    receives (quote id, target, features) of every involved quote, for training.
    """
    if config is None:
        config = default_config()
    infos: list[TargetInfo] = []
    for name in targets or []:
        name = name.strip()
        if name and name not in {i.target.name for i in infos}:
            infos.append(find_target(doc, analyzed, name))
    if not targets:
        proposed = propose_target(doc, analyzed)
        if proposed is not None:
            infos.append(proposed)
    analyzed.targets = [i.target for i in infos]
    reactions: list[Reaction] = []
    for info in infos:
        tgt = _target_tokens(doc, info)
        # an actor one of whose mentions is the target (its author, "a 48 page report") speaks for it
        tspans = list(info.target.mentions)
        for actor in analyzed.actors:
            if any(s < e2 and s2 < e for s, e in actor.mentions for s2, e2 in tspans):
                info.actor_ids.add(actor.id)
        per_actor: dict[str, list[tuple[str, StanceResult | Reaction]]] = {}
        for q in analyzed.quotes:
            mention = list(q.speaker.mention)
            rival = any(_is_self(q.speaker.actor, mention, other) for other in infos if other is not info)
            res = score_attribution(doc, list(q.content), list(q.cue), mention, tgt,
                                    _is_self(q.speaker.actor, mention, info), config, rival=rival)
            q.stance[info.target.name] = QuoteStance(label=res.label, score=res.score)
            if collect is not None and res.features is not None:
                collect.append((q.id, info.target.name, res.features))
            if q.speaker.actor is not None:
                per_actor.setdefault(q.speaker.actor, []).append((q.id, res))
        found = find_reactions(doc, analyzed, info, len(reactions) + 1)
        reactions.extend(found)
        for r in found:
            if r.actor is not None:
                per_actor.setdefault(r.actor, []).append((r.id, r))
        for actor in analyzed.actors:
            if actor.id in info.actor_ids or actor.id not in per_actor:
                continue
            agg = _actor_stance(per_actor[actor.id])
            if agg is not None:
                actor.stance[info.target.name] = agg
    analyzed.reactions = reactions


__all__ = ["StanceConfig", "alx", "assign_stances", "find_reactions"]
