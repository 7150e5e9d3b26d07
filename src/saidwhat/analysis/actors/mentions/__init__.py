"""Finding actor mentions in a parsed article: names, acronyms, descriptions, pronouns, documents.

Each ``Mention`` records what later decides its merge: its type, the kind of actor it can
denote, its gender when the text shows it, and the role/affiliation read off the parse around
it (appositions, "X of Y", "Y's X", "a spokesman for Z", title compounds).

Modules, each depending only on those before it: ``mention`` (the ``Mention`` and the state the
passes share), ``names``, ``descriptions`` and ``sources`` (the passes), and ``finding``
(``find_mentions``, which runs the passes in order).
"""

from __future__ import annotations

from saidwhat.analysis.actors.mentions.finding import find_mentions
from saidwhat.analysis.actors.mentions.mention import (
           Mention,
           MentionType,
           relcl_description,
           singulars,
           the_aged,
           the_national,
)
from saidwhat.analysis.actors.mentions.sources import seen_by, source_spans

__all__ = ["Mention", "MentionType", "find_mentions", "relcl_description", "seen_by", "singulars",
           "source_spans", "the_aged", "the_national"]
