"""Placeholder: one actor per distinct PERSON/ORG entity text. Replaced by real resolution."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from saidwhat.analysis.attribution.model import Attribution
from saidwhat.schema import Actor


@dataclass
class ActorResolution:
    actors: list[Actor]
    # For each attribution (by index), the id of the actor its source resolves to, or None.
    speakers: list[str | None] = field(default_factory=list)
    # For each attribution, the speaker mention spans (may differ from the raw source span,
    # e.g. a pronoun source keeps its own span, resolved through ``speakers``).
    mentions: list[list[tuple[int, int]]] = field(default_factory=list)


def resolve_actors(doc: Doc, attributions: list[Attribution]) -> ActorResolution:
    by_name: dict[str, Actor] = {}
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "NORP"):
            continue
        kind = "person" if ent.label_ == "PERSON" else "organization" if ent.label_ == "ORG" else "group"
        actor = by_name.get(ent.text)
        if actor is None:
            actor = Actor(id=f"a{len(by_name) + 1}", name=ent.text, kind=kind)
            by_name[ent.text] = actor
        actor.mentions.append((ent.start_char, ent.end_char))
    actors = list(by_name.values())
    speakers: list[str | None] = []
    for att in attributions:
        hit = None
        for a in actors:
            if any(s < e2 and s2 < e for (s, e) in att.source for (s2, e2) in a.mentions):
                hit = a.id
        speakers.append(hit)
    return ActorResolution(actors=actors, speakers=speakers, mentions=[list(a.source) for a in attributions])
