"""Targets and stance for one analysed article, filled in place.

1. targets: the user's (found with their aliases, implicit references included) or one proposed
   from the text; for a non-person target, its authors (``actions.find_authors``);
2. every quote: ``stance[target] = QuoteStance`` by ``score.score_attribution`` when the quote
   says something about the target; no record when it says nothing (no stance);
3. reactions and actions without a quote ("The report has been welcomed by rights advocates",
   "Raman, one of the two votes against the plan"): ``actions.find_reactions``;
4. every actor: the aggregate of its quotes' and reactions' stances, with their ids as evidence;
   an author's own stance is marked ``role="author"``, an author without one is only listed on
   the target.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from saidwhat.analysis.actors import lexicon as alx
from saidwhat.analysis.actors import resolve_actors
from saidwhat.analysis.attribution import Attribution
from saidwhat.analysis.stance.actions import find_authors, find_reactions
from saidwhat.analysis.stance.learned import default_config
from saidwhat.analysis.stance.score import (
    ATTITUDE_SCORE,
    StanceConfig,
    StanceResult,
    score_attribution,
    tokens_of,
)
from saidwhat.analysis.stance.targets import TargetInfo, find_target, propose_target
from saidwhat.schema import (
    ActorStance,
    AnalyzedArticle,
    Quote,
    QuoteStance,
    Reaction,
    Span,
    Speaker,
    StanceLabel,
    is_uncertain,
)


def _target_tokens(doc: Doc, info: TargetInfo) -> set[int]:
    return {t.i for t in tokens_of(doc, list(info.target.mentions))}


def _heads(doc: Doc, spans: list[Span]) -> set[int]:
    """The syntactic head token of each span (its token whose head lies outside the span)."""
    out: set[int] = set()
    for s, e in spans:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None and len(sp):
            out.add(sp.root.i)
    return out


# Nouns of the people and things that speak for a person (PolNeAR's "self": the campaign, its
# staff and officers, the running mate, its ads, statements and speeches): "Clinton spokesman Brian Fallon",
# "the Trump campaign". A source that only names the person in another role does not speak for
# them: "Jay Jacobs, a Clinton supporter", "other Clinton challengers", "Trump's daughter".
SPEAKS_FOR = {"campaign", "camp", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor",
              "staff", "staffer", "manager", "chairman", "chairwoman", "chair", "lawyer", "attorney", "team",
              "strategist", "pollster", "mate", "secretary", "director", "ad", "statement", "tweet",
              "speech", "remark", "website"}


def _names_self(doc: Doc, span: Span, tgt: set[int]) -> bool:
    """The span is the person target (its name heads it, alone or in a list) or one who speaks for
    them (a ``SPEAKS_FOR`` noun in it, outside the target's own name)."""
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None or not any(t.i in tgt for t in sp):
        return False
    if any(t.i not in tgt and t.lemma_.lower() in SPEAKS_FOR for t in sp):
        return True
    heads = [sp.root]  # the span's head and the heads of a list or apposition joined to it
    for t in heads:
        for c in t.children:
            if not sp.start <= c.i < sp.end:
                continue
            if c.dep_ in ("conj", "appos"):
                heads.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("including", "like"):  # "candidates, including Trump"
                heads.extend(p for p in c.children if p.dep_ == "pobj")
    return any(t.i in tgt for t in heads)


def _may_be_one_person(doc: Doc, span: Span) -> bool:
    """A name, a pronoun or a singular noun of a person's role ("the former secretary"): what the
    actor resolver may rightly have linked to a person. "The editorial" or "the backers of her
    party", linked to the person the actor resolver saw nearby, are someone else speaking."""
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None or not len(sp):
        return True
    root = sp.root
    if root.pos_ in ("PROPN", "PRON"):
        return True
    return root.lemma_.lower() in alx.ROLE_NOUNS and root.tag_ != "NNS"


def _is_self(doc: Doc, actor_id: str | None, source: list[Span], info: TargetInfo, tgt: set[int]) -> bool:
    """The source is the target or speaks for it.

    For a person, a source its name heads or one of its staff ("Clinton spokesman Brian Fallon"),
    not one that names it in another role ("a Clinton supporter"); for a report or a policy, only
    a source headed by it ("the report said"), not one that merely names it ("Raman, one of the
    two votes against the plan").
    """
    if actor_id is not None and actor_id in info.actor_ids and (
            info.sort != "person" or any(_may_be_one_person(doc, s) for s in source)):
        return True
    if info.sort == "person":
        return any(_names_self(doc, s, tgt) for s in source)
    return bool(_heads(doc, source) & tgt)


def _speaks_as_target(doc: Doc, analyzed: AnalyzedArticle, info: TargetInfo, tgt: set[int]) -> set[str]:
    """Actors that are the target: one of their mentions is a target mention (a person: overlapping
    it, as the campaign's staff do; otherwise headed by it: the issuer "a 48 page report")."""
    if info.sort == "person":
        return {a.id for a in analyzed.actors if any(_names_self(doc, m, tgt) for m in a.mentions)}
    return {a.id for a in analyzed.actors if _heads(doc, list(a.mentions)) & tgt}


def _aggregate(items: list[tuple[str, StanceResult | Reaction]]) -> ActorStance | None:
    """An actor's stance from its evidence items (quotes and reactions with a label).

    Polar items vote with their probability; the label is the heavier side, its score the mean
    probability of the agreeing items times the share of the polar weight they carry (mixed
    evidence is less certain). Only neutral items: neutral, with their mean probability.
    """
    weight: dict[str, float] = {"support": 0.0, "oppose": 0.0, "neutral": 0.0}
    by_label: dict[str, list[tuple[str, float]]] = {"support": [], "oppose": [], "neutral": []}
    for item_id, r in items:
        if r.label is None:
            continue
        weight[r.label] += r.score
        by_label[r.label].append((item_id, r.score))
    polar = weight["support"] + weight["oppose"]
    if polar == 0.0:
        if not by_label["neutral"]:
            return None
        scores = [sc for _, sc in by_label["neutral"]]
        score = round(sum(scores) / len(scores), 3)
        return ActorStance(
            label="neutral",
            score=score,
            uncertain=is_uncertain(score),
            evidence=[i for i, _ in by_label["neutral"]],
        )
    label: StanceLabel = "support" if weight["support"] >= weight["oppose"] else "oppose"
    agree = by_label[label]
    score = sum(sc for _, sc in agree) / len(agree) * weight[label] / polar
    evidence = [i for i, _ in agree] + [
        i for lab in ("support", "oppose") if lab != label for i, _ in by_label[lab]
    ]
    return ActorStance(label=label, score=round(score, 3), uncertain=is_uncertain(score), evidence=evidence)


def _targets(doc: Doc, analyzed: AnalyzedArticle, targets: Sequence[str] | None) -> list[TargetInfo]:
    infos: list[TargetInfo] = []
    for name in targets or []:
        name = name.strip()
        if name and name not in {i.target.name for i in infos}:
            infos.append(find_target(doc, analyzed, name))
    if not targets:
        proposed = propose_target(doc, analyzed)
        if proposed is not None:
            infos.append(proposed)
    return infos


Evidence = dict[str, list[tuple[str, StanceResult | Reaction]]]



def _attitude_stance(doc: Doc, q: Quote, side: StanceLabel, tgt: set[int],
                     self_: bool) -> StanceResult | None:
    """An attitude is the source's side toward the person in its content; toward anyone else, or
    from the target itself, it says nothing (no record)."""
    if self_ or not any(t.i in tgt for t in tokens_of(doc, q.content)):
        return None
    raw = 1.0 if side == "support" else -1.0
    return StanceResult(label=side, score=ATTITUDE_SCORE, raw=raw, involved=True, level="content")


def _quote_stances(
    doc: Doc,
    analyzed: AnalyzedArticle,
    info: TargetInfo,
    infos: list[TargetInfo],
    config: StanceConfig,
    collect: list[tuple[str, str, dict[str, float]]] | None,
    attitudes: Mapping[str, StanceLabel],
) -> Evidence:
    tgt = _target_tokens(doc, info)
    others = {i for other in infos if other is not info for i in _target_tokens(doc, other)}
    if info.sort != "person":
        # The layer learned from stances toward people (the campaign's candidates); toward a
        # report or a policy the transparent rule decides (measured on the page labels).
        config = replace(config, layer=None)
    per_actor: Evidence = {}
    for q in analyzed.quotes:
        mention = list(q.speaker.mention)
        rival = any(
            _is_self(doc, q.speaker.actor, mention, other, _target_tokens(doc, other))
            for other in infos
            if other is not info
        )
        self_ = _is_self(doc, q.speaker.actor, mention, info, tgt)
        if q.id in attitudes:
            att = _attitude_stance(doc, q, attitudes[q.id], tgt, self_)
            if att is not None:
                q.stance[info.target.name] = QuoteStance(label=att.label or "neutral", score=att.score,
                                                         uncertain=is_uncertain(att.score))
                if q.speaker.actor is not None:
                    per_actor.setdefault(q.speaker.actor, []).append((q.id, att))
            continue
        res = score_attribution(
            doc,
            list(q.content),
            list(q.cue),
            mention,
            tgt,
            self_,
            config,
            rival=rival,
            others=others,
        )
        if collect is not None and res.features is not None:
            collect.append((q.id, info.target.name, res.features))
        if res.label is None or (res.label == "neutral" and not res.involved):
            continue  # nothing said about the target in this quote: no stance
        q.stance[info.target.name] = QuoteStance(
            label=res.label, score=res.score, uncertain=is_uncertain(res.score)
        )
        if q.speaker.actor is not None:
            per_actor.setdefault(q.speaker.actor, []).append((q.id, res))
    return per_actor


def assign_stances(
    doc: Doc,
    analyzed: AnalyzedArticle,
    targets: Sequence[str] | None = None,
    *,
    config: StanceConfig | None = None,
    collect: list[tuple[str, str, dict[str, float]]] | None = None,
    attitudes: Mapping[str, StanceLabel] | None = None,
) -> None:
    """Fill ``analyzed.targets``, ``quotes[].stance``, ``actors[].stance`` and ``reactions`` in place.

    ``config`` defaults to the shipped learned layer (``learned.default_config``); ``collect``
    receives (quote id, target, features) of every quote with any involvement, for training;
    ``attitudes``: the side of each quote id that is an attitude (``Attribution.attitude``), which
    decides its stance instead of the layer.
    """
    if config is None:
        config = default_config()
    infos = _targets(doc, analyzed, targets)
    analyzed.targets = [i.target for i in infos]
    reactions: list[Reaction] = []
    for info in infos:
        tgt = _target_tokens(doc, info)
        # the candidate's own mentions among an actor's; for a report, its issuer "a 48 page report"
        info.actor_ids.update(_speaks_as_target(doc, analyzed, info, tgt))
        authors = set() if info.sort == "person" else find_authors(doc, analyzed, tgt) | info.actor_ids
        per_actor = _quote_stances(doc, analyzed, info, infos, config, collect, attitudes or {})
        found = find_reactions(doc, analyzed, info.target.name, tgt, len(reactions) + 1, info.actor_ids)
        reactions.extend(found)
        for r in found:
            if r.actor is not None:
                per_actor.setdefault(r.actor, []).append((r.id, r))
        for actor in analyzed.actors:
            if actor.id in info.actor_ids or actor.id not in per_actor:
                continue
            agg = _aggregate(per_actor[actor.id])
            if agg is None or (actor.id in authors and agg.label == "neutral"):
                continue  # an author that took no side is listed as the author only
            if actor.id in authors:
                agg.role = "author"
            actor.stance[info.target.name] = agg
        info.target.authors = [a.id for a in analyzed.actors if a.id in authors]
    for r in reactions:
        r.uncertain = is_uncertain(r.score)
    analyzed.reactions = reactions




def stances_for_attributions(doc: Doc, attributions: Sequence[Attribution], targets: Sequence[str],
                             *, config: StanceConfig | None = None,
                             collect: list[tuple[str, str, dict[str, float]]] | None = None,
                             ) -> AnalyzedArticle:
    """An analysed article over exactly these attributions (no quote filtering), with stances.

    For scorer-ready output (``saidwhat attributions --target``): the same attributions as
    without ``--target``, each with its stance, so that the stance figure is measured over the
    extractor's whole output and not the report's filtered view. ``collect``: as for
    ``assign_stances``.
    """
    res = resolve_actors(doc, list(attributions))
    quotes = [Quote(id=f"q{i + 1}", kind=a.kind, content=list(a.content), cue=list(a.cue),
                    speaker=Speaker(mention=list(res.mentions[i] if i < len(res.mentions) else a.source),
                                    actor=res.speakers[i] if i < len(res.speakers) else None),
                    confidence=round(a.confidence, 4))
              for i, a in enumerate(attributions)]
    analyzed = AnalyzedArticle(text=doc.text, actors=res.actors, quotes=quotes)
    assign_stances(doc, analyzed, list(targets), config=config, collect=collect,
                   attitudes=attitudes_of(attributions))
    return analyzed


def attitudes_of(attributions: Sequence[Attribution]) -> dict[str, StanceLabel]:
    """Quote id (``q1``, … in the order of ``attributions``) → side, for the attitudes among them."""
    return {f"q{i + 1}": a.attitude for i, a in enumerate(attributions) if a.attitude is not None}


__all__ = ["StanceConfig", "assign_stances", "attitudes_of", "find_reactions", "stances_for_attributions"]
