"""The resolution of one article (``resolve_actors``): mentions clustered, clusters kept as actors,
each attribution's source pointed at its actor, and each person's gender (``ActorResolution``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc

from saidwhat.analysis.actors.mentions import Mention, find_mentions, source_spans
from saidwhat.analysis.actors.passing import Page
from saidwhat.analysis.actors.resolve.cluster import FUZZY_THRESHOLD, Cluster
from saidwhat.analysis.actors.resolve.clusterer import cluster_mentions
from saidwhat.analysis.actors.resolve.gender import actor_gender
from saidwhat.analysis.actors.resolve.keeping import is_kept, is_product, person_evidence
from saidwhat.analysis.actors.resolve.naming import actor_from, best_mention, has_content
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.schema import Actor, Span


@dataclass
class ActorResolution:
    actors: list[Actor]
    # For each attribution (by index), the id of the actor its source resolves to, or None.
    speakers: list[str | None] = field(default_factory=list)
    # For each attribution, the speaker mention spans (may differ from the raw source span,
    # e.g. a pronoun source keeps its own span, resolved through ``speakers``).
    mentions: list[list[tuple[int, int]]] = field(default_factory=list)
    # Attributions (by index) whose source is a product on a listing page: not quotes at all.
    not_quotes: set[int] = field(default_factory=set)
    # The gender ("m"/"f") of each person actor whose names tell it (a title, a first name), else
    # the pronouns its own subject names bind (``bound_gender``); by id.
    genders: dict[str, str] = field(default_factory=dict)
    # Named actors kept only because an attribution's source resolved to them: no actors when the
    # speaker stage gives all their quotes to someone else (``passing.drop_source_only``).
    speaker_only: set[str] = field(default_factory=set)


class _Resolved(NamedTuple):
    mentions: list[Mention]
    clusters: list[Cluster]
    cleaned: list[list[Span]]  # each attribution's source spans, checked for a nominal head
    speaker_cluster: list[int | None]  # the cluster each attribution's source resolves to
    page: Page


def _resolved(doc: Doc, attributions: list[Attribution], threshold: float,
              page_type: str | None) -> _Resolved:
    """Mentions, their clusters, and the cluster each attribution's source resolves to."""
    cleaned = [source_spans(doc, list(att.source), list(att.cue), list(att.content)) for att in attributions]
    sources = [s for spans in cleaned for s in spans]
    # the extractor's own spans still flag the mentions inside them, when they had a nominal head
    raw = [s for att, spans in zip(attributions, cleaned, strict=True) if spans and spans != list(att.source)
           for s in att.source]
    mentions = find_mentions(doc, sources, raw)
    clusters = cluster_mentions(doc, mentions, threshold=threshold, attributions=attributions)
    speaker_cluster: list[int | None] = []
    for spans in cleaned:
        m = best_mention(doc, spans, mentions) if spans else None
        speaker_cluster.append(m.cluster if m is not None else None)
    page = Page(doc, page_type, sum(person_evidence(c) for c in clusters if c.mentions))
    return _Resolved(mentions, clusters, cleaned, speaker_cluster, page)


def resolve_actors(doc: Doc, attributions: list[Attribution], *, threshold: float = FUZZY_THRESHOLD,
                   page_type: str | None = None) -> ActorResolution:
    """Actors of the article, the actor each attribution's source resolves to, and its mention.

    Source spans are first checked for a nominal head (``mentions.sources.source_spans``): a bad span
    from the extractor ("said", ",") falls back to the cue verb's subject or to no speaker.
    On a listing page (``page_type``), names the text never treats as people are products:
    no actors, and the attributions they are the source of are listed in ``not_quotes``.
    """
    r = _resolved(doc, attributions, threshold, page_type)
    mentions, clusters, cleaned, speaker_cluster, page = r
    wanted = {c for c in speaker_cluster if c is not None}
    products = {c.idx for c in clusters if is_product(c, page_type)}
    keep = [c for c in clusters if c.mentions and is_kept(page, c, wanted)]
    ids: dict[int, str] = {}
    actors: list[Actor] = []
    res_genders: dict[str, str] = {}
    only: set[str] = set()
    for c in sorted(keep, key=lambda c: c.mentions[0].start):
        actor = actor_from(doc, c, f"a{len(actors) + 1}", mentions)
        if not has_content(actor.name) and not any(m.type in ("name", "acronym") for m in c.mentions):
            continue  # a name of punctuation and stopwords is no actor
        ids[c.idx] = actor.id
        actors.append(actor)
        if c.idx in wanted and any(m.type in ("name", "acronym") for m in c.mentions) \
                and not is_kept(page, c, set()):
            only.add(actor.id)
        gender = actor_gender(doc, c) if c.kind == "person" else None
        if gender:
            res_genders[actor.id] = gender
    speakers = [ids.get(c) if c is not None else None for c in speaker_cluster]
    not_quotes = {i for i, c in enumerate(speaker_cluster) if c in products}
    return ActorResolution(actors=actors, speakers=speakers, mentions=cleaned, not_quotes=not_quotes,
                           genders=res_genders, speaker_only=only)
