"""Every candidate actor mention of an article, pass after pass (``find_mentions``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from saidwhat.analysis.actors.mentions.descriptions import (
    coordinated_groups,
    description_mentions,
    pronoun_mentions,
)
from saidwhat.analysis.actors.mentions.mention import Finder, Mention
from saidwhat.analysis.actors.mentions.names import entity_mentions, nicknamed_people, stray_tokens
from saidwhat.analysis.actors.mentions.sources import bodies_by_their_words, source_mentions


def find_mentions(doc: Doc, sources: list[tuple[int, int]],
                  raw_sources: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Every candidate actor mention, sorted by position; ``sources`` are attribution source spans.

    ``raw_sources`` are the extractor's spans before ``source_spans`` cut them: mentions inside
    them (a relative clause on the speaker, "who has backed Hillary Clinton since her 2008 bid")
    keep the source flag, which the pronoun salience and gender evidence rely on. The passes run
    in order; a token taken by one pass is not seen by the later ones.
    """
    f = Finder(doc, sources, raw_sources or [])
    coordinated_groups(f)
    nicknamed_people(f)
    entity_mentions(f)
    stray_tokens(f)
    bodies_by_their_words(f)
    description_mentions(f)
    pronoun_mentions(f)
    source_mentions(f, sources)
    f.out.sort(key=lambda m: m.start)
    return f.out
