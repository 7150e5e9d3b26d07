"""Actor resolution within one article: every mention of one actor merged into one ``Actor``.

One left-to-right pass over the mentions of ``mentions.finding.find_mentions``; each mention either
joins an existing cluster or opens a new one, by its type:

- names: same name, surname / first name of an earlier full name, title + name, rapidfuzz
  similarity of surnames (misspellings) at ``FUZZY_THRESHOLD`` (chosen on annotated data,
  see ``benchmarks/actor_merge.py``); a single capitalised token the tagger called ORG joins a
  person with that surname;
- acronyms: defined by a parenthesis after a name, or matching the initials of a name;
- definite descriptions ("the UN rights office", "the international body", "the spokesman"):
  the most salient compatible cluster (head noun and modifiers match, recency, frequency);
- pronouns: he/she → nearest preceding person of compatible gender (``cluster.Cluster.known_gender``:
  a title or role noun on a name, else the offline first-name list, else earlier pronouns);
  they/it → nearest group/organisation;
- documents as sources ("the statement said"): whoever issued it (subject of "issued a
  statement", "In a joint statement, X ...", "X released a report");
- indefinite and bare-plural sources ("an official", "sources"): anonymous actors; plural
  collectives ("63 advocacy groups"): groups.

Modules, each depending only on those before it: ``cluster`` (a cluster and whether a name joins
it), ``sentences``, ``keeping`` (which clusters are actors), ``evidence`` (whether a description or
pronoun is one of a cluster's mentions), ``gender``, ``clusterer`` (the pass), ``naming`` (an actor
from a cluster), and ``resolution`` (``resolve_actors``).
"""

from __future__ import annotations

from saidwhat.analysis.actors.resolve.resolution import ActorResolution, resolve_actors

__all__ = ["ActorResolution", "resolve_actors"]
