"""Candidate targets of one article, with stance evidence, so a store can answer targets later.

A user may ask ``reactions --target "the UN report"`` about a store ingested without naming it.
For that, ingest keeps, per article, the targets such a question could mean and each quote's and
actor's stance toward them, scored exactly as for a target named at ingest (``find_target``,
``score_attribution``, ``find_reactions``). Candidates are what can join articles:

- named entities: the article's named people and organisations (actors with a proper name) and
  spaCy entities (organisations, places, laws, events, works) mentioned at least
  ``MIN_ENTITY_MENTIONS`` times;
- one document per article ("the report", "the assessment", "the findings"), named by its most
  grounded mention ("UN report on human rights abuses in Xinjiang"): the one with the most proper
  modifiers (or a named author: "The United Nations released a report"), with its "on/into/about"
  phrase; likewise the target proposed for the article, when a mention of it is grounded ("the
  toll on the Harbor Bridge").

Generic phrases ("the debate", "your child") are never candidates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from saidwhat.analysis.actors.roles import strip_the
from saidwhat.analysis.attribution.quotes import is_quote_token
from saidwhat.analysis.stance.actions import find_reactions
from saidwhat.analysis.stance.assign import _aggregate as _actor_stance
from saidwhat.analysis.stance.learned import default_config
from saidwhat.analysis.stance.score import StanceConfig, StanceResult, score_attribution, tokens_of
from saidwhat.analysis.stance.targets import _DOC_NOUNS, TargetInfo, find_target
from saidwhat.schema import Actor, AnalyzedArticle, CandidateStance, Reaction, TargetCandidate

__all__ = ["MAX_CANDIDATES", "MIN_ENTITY_MENTIONS", "document_name", "entity_names", "target_candidates"]

#: an entity that is no actor must be named this often to be a candidate (once is a passing mention)
MIN_ENTITY_MENTIONS = 2
#: at most this many entity candidates per article, most mentioned first (bounds ingest time)
MAX_CANDIDATES = 12
_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT"}
#: Entities that are places: a candidate only when a mention of it is a participant (``_participant``:
#: "China rejected the plan", "sanctions against Russia" are; "a rally in Iowa", "the Iowa caucuses"
#: are not). On PolNeAR train the GPE mentions of US states and cities are subjects, objects or
#: possessors 2–17 % of the time, those of countries that act 24–67 % (China, Russia, Israel,
#: Mexico, Britain; docs/corpus.md, "The target list").
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PARTICIPANT_DEPS = {"nsubj", "nsubjpass", "dobj", "poss"}
_PARTICIPANT_PREPS = {"against", "with", "on", "toward", "towards", "about", "by", "for", "over"}
_DETERMINERS = {"the", "a", "an", "this", "that", "its", "their", "his", "her"}
_GROUNDING_PREPS = {"on", "into", "about", "of", "by"}
#: verbs whose subject is a document's author ("The United Nations released a report")
_PUBLISH_VERBS = {"release", "publish", "issue", "produce", "present", "unveil", "launch", "compile",
                  "write", "commission", "deliver", "submit", "circulate"}


def _participant(t: Token) -> bool:
    """The place's mention acts or is acted on: subject, object, possessor, or the object of a
    preposition of dealing ("sanctions against Russia", "a deal with Iran"), not of location."""
    return t.dep_ in _PARTICIPANT_DEPS or (t.dep_ == "pobj" and t.head.lower_ in _PARTICIPANT_PREPS)


def _proper(name: str) -> bool:
    words = [w for w in name.split() if w.lower() not in _DETERMINERS]
    return bool(words) and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def _actor_names(actors: list[Actor]) -> Counter[str]:
    return Counter({a.name: len(a.mentions) for a in actors
                    if a.kind in ("person", "organization") and _proper(a.name) and a.description is None})


def entity_names(doc: Doc, analyzed: AnalyzedArticle) -> dict[str, bool]:
    """Named people and organisations among the actors, then other entities named often enough;
    each with whether it is a person (an entity the parser does not call one never is)."""
    counts = _actor_names(analyzed.actors)
    people = {a.name for a in analyzed.actors if a.kind == "person"}
    covered = [m for a in analyzed.actors for m in a.mentions]
    ents: Counter[str] = Counter()
    places: dict[str, bool] = {}  # a place's name → whether a mention of it acts or is acted on
    for ent in doc.ents:
        if ent.label_ not in _ENTITY_LABELS or not _proper(ent.text):
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in covered):
            continue
        name = _strip_det(ent)
        ents[name] += 1
        if ent.label_ == "PERSON":
            people.add(name)
        if ent.label_ in _PLACE_LABELS:
            places[name] = places.get(name, False) or _participant(ent.root)
    for name, n in ents.items():
        if n >= MIN_ENTITY_MENTIONS and name not in counts and places.get(name, True):
            counts[name] = n
    return {name: name in people for name, _ in counts.most_common(MAX_CANDIDATES)}


def _strip_det(span: SpacySpan) -> str:
    """The name without a leading determiner and without quotation marks (the tagger takes them
    in: "“Arab Spring")."""
    return _unmarked([t for t in span if not (t.i == span.start and t.lower_ in _DETERMINERS)]) or span.text


def _grounded(chunk: SpacySpan) -> tuple[int, str, str]:
    """How grounded a document mention is (its proper modifiers, or its author's), its name up to
    the document noun ("United Nations report") and with its "on …" phrase."""
    head = chunk.root
    end = chunk.end
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in _GROUNDING_PREPS:
            end = max(end, child.right_edge.i + 1)
            break
    start = chunk.start + (1 if chunk.doc[chunk.start].lower_ in _DETERMINERS else 0)
    short, full = chunk.doc[start:head.i + 1], chunk.doc[start:end]
    proper = sum(1 for t in full if t.pos_ == "PROPN" or t.ent_type_)
    author = _author(chunk)
    if author is not None and not proper:
        prefix = _strip_det(author)
        named = sum(1 for t in author if t.pos_ == "PROPN")
        return named, f"{prefix} {_unmarked(short)}", f"{prefix} {_unmarked(full)}"
    return proper, _unmarked(short), _unmarked(full)


def _unmarked(tokens: Iterable[Token]) -> str:
    """The words without their quotation marks ("the ''Minority Report'' report" → "the Minority
    Report report"), spaced as the text spaces them."""
    out = ""
    for t in tokens:
        if is_quote_token(t.text):
            if t.whitespace_ and out and not out.endswith(" "):
                out += " "
            continue
        out += t.text_with_ws
    return out.strip()


def _author(chunk: SpacySpan) -> SpacySpan | None:
    """The named subject of the verb whose object the document is ("The United Nations released a report")."""
    head = chunk.root
    if head.dep_ != "dobj" or head.head.lemma_.lower() not in _PUBLISH_VERBS:
        return None
    subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "PROPN":
        return None
    return chunk.doc[subj.left_edge.i:subj.i + 1]


def document_name(doc: Doc, heads: frozenset[str] = frozenset(_DOC_NOUNS)) -> tuple[str, str] | None:
    """The article's document (or another thing named by one of ``heads``), by its most grounded
    mention: its name with and without its "on …" phrase ("the UN report on Xinjiang", "the UN
    report"), or None when no mention is grounded."""
    best: tuple[int, int, str, str] | None = None
    n_refs = 0
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.lemma_.lower() not in heads and head.lower_ not in heads:
            continue
        n_refs += 1
        proper, short, full = _grounded(chunk)
        if proper and (best is None or (proper, -len(full)) > (best[0], -best[1])):
            best = (proper, len(full), short, full)
    if best is None or n_refs < MIN_ENTITY_MENTIONS:
        return None
    return "the " + best[3], "the " + best[2]


def _evidence(doc: Doc, work: AnalyzedArticle, info: TargetInfo, config: StanceConfig,
              n_reactions: int) -> TargetCandidate:
    """Stance evidence toward one candidate, as ``assign_stances`` takes it toward a named target."""
    if info.sort != "person":
        config = replace(config, layer=None)  # the learned layer is for people; the rule decides the rest
    tgt = {t.i for t in tokens_of(doc, list(info.target.mentions))}
    for actor in work.actors:
        if any(s < e2 and s2 < e for s, e in actor.mentions for s2, e2 in info.target.mentions):
            info.actor_ids.add(actor.id)
    stances: list[CandidateStance] = []
    per_actor: dict[str, list[tuple[str, StanceResult | Reaction]]] = {}
    for q in work.quotes:
        mention = list(q.speaker.mention)
        is_self = (q.speaker.actor in info.actor_ids
                   or any(s < e2 and s2 < e for s, e in mention for s2, e2 in info.target.mentions))
        res = score_attribution(doc, list(q.content), list(q.cue), mention, tgt, is_self, config)
        if res.label is None or not res.involved:
            continue  # nothing said about the candidate in this quote: no stance
        stances.append(CandidateStance(origin="quote", item=q.id, actor=q.speaker.actor, label=res.label,
                                       score=res.score))
        if q.speaker.actor is not None:
            per_actor.setdefault(q.speaker.actor, []).append((q.id, res))
    reactions = (find_reactions(doc, work, info.target.name, tgt, n_reactions + 1, info.actor_ids)
                 if tgt else [])
    for r in reactions:
        if r.actor is not None:
            per_actor.setdefault(r.actor, []).append((r.id, r))
    for actor_id, items in per_actor.items():
        agg = _actor_stance(items)
        if agg is not None and actor_id not in info.actor_ids:
            stances.append(CandidateStance(origin="actor", item=actor_id, actor=actor_id, label=agg.label,
                                           score=agg.score))
    return TargetCandidate(name=info.target.name, sort=info.sort, aliases=info.target.aliases,
                           mentions=info.target.mentions, stances=stances, reactions=reactions)


def _grounded_topics(doc: Doc, analyzed: AnalyzedArticle) -> list[tuple[str, str]]:
    """The grounded document, and the grounded form of the common noun proposed as the article's
    target ("the toll on the Harbor Bridge" for "the toll"; a proper name is grounded already),
    each as (name, short form)."""
    found = [x for x in [document_name(doc)] if x is not None]
    for target in analyzed.targets:
        words = strip_the(target.name).split()
        if target.proposed and words and words[-1].lower() not in _DOC_NOUNS and words[-1].islower():
            topic = document_name(doc, frozenset({words[-1]}))
            if topic is not None and topic not in found:
                found.append(topic)
    return found


def target_candidates(doc: Doc, analyzed: AnalyzedArticle, *,
                      config: StanceConfig | None = None) -> list[TargetCandidate]:
    """The article's candidate targets with their evidence. Actors found reacting to a candidate
    (a group "rights advocates" welcoming the report) join ``analyzed.actors``."""
    if config is None:
        config = default_config()
    names = entity_names(doc, analyzed)
    lookup = {name: name for name in names}
    for document in _grounded_topics(doc, analyzed):
        names = {document[0]: False, **names}
        lookup[document[0]] = document[1]
    out: list[TargetCandidate] = []
    n_reactions = len(analyzed.reactions)
    for name, is_person in names.items():
        info = find_target(doc, analyzed, lookup[name])
        if not info.target.mentions or (info.sort == "person" and not is_person):
            continue  # "UN Human Rights" is no one's name
        if name != lookup[name]:  # the grounded name, known in the text by its shorter form too
            info.target.aliases.insert(0, lookup[name])
            info.target.name = name
        cand = _evidence(doc, analyzed, info, config, n_reactions)
        for r in cand.reactions:
            r.id = f"c{r.id}"
        n_reactions += len(cand.reactions)
        if cand.stances or cand.reactions:
            out.append(cand)
    return out
