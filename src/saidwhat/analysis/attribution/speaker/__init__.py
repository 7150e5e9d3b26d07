"""Speakers of quotes, after actor resolution: the rules a reader applies to "who said it".

``resolve_actors`` clusters mentions into actors and points each attribution's source at one.
The rules here correct that pointer where the source phrase says more than its names do:

- a description that is the source ("two people familiar with the talks", "Rudolph's
  supporters", "the authors of the study") is its own anonymous or group speaker, never the
  name it only contains (``descriptions.descriptive_speaker``);
- a definite description ("the company", "the German automaker", "the British royal") refers
  back to the nearest earlier actor of its kind that was a subject, never to one that was only
  an object (``descriptions.definite``);
- a speaking 'he'/'she' is a named person of its gender (``ActorResolution.genders``: titles,
  first names, earlier pronouns) whom the quote itself does not name ("He said Trump was wrong"
  is not Trump's), else nobody (``pronouns.pronoun_speaker``, candidates ranked by the role of
  their mention: ``roles.role_of``);
- a plural description ("the lawyers", "Sanders and his supporters", "Two objectors, Lawrence Joyce
  and William Graham") or a part of a set ("some of her followers", "one of his aides") is never
  one named person: it is a group or an anonymous source of its own, and so is an indefinite
  description ("a Democrat familiar with her plans") that the actor stage gave a named actor
  through a name or pronoun it only contains (``descriptions.not_that_person``, ``groups``);
- a by-phrase or passive agent ("was welcomed by X", "was told by Y") is the speaker
  (``sources.by_phrase``);
- joint speakers ("Vindman and Williams said") are one group speaker named by both
  (``groups.conjoined_names``);
- a he/she joined with others ("He and others at the hearing") is a group named after the
  pronoun's person (``groups.pronoun_group``);
- a quote relayed by a medium ("“…,” he said, according to the Gazette") is the subject's of the
  verb of saying (``sources.relaying_subject``);
- a definite description is first the actor named in apposition with its noun ("The group,
  WeWorkers Coalition, …"; ``descriptions.introduced_as``), and never a person its own quote names
  in quotation marks or as its main clause's subject ("Mr. Trump is so reckless, the vice president
  said"; ``choose._person_named_in_quote``);
- a source phrase that resolves to nothing leaves the speaker unknown: no nearest name is
  guessed (the confidence model gives such quotes a low probability).

Every rule returns the speaker's actor, creating an actor when the phrase names a new one, and
adds the source phrase to the actor's aliases (the surface forms a reader sees).

Modules, each depending only on those before it: ``common`` (word lists, phrases, the article's
actors), ``roles``, ``pronouns``, ``groups``, ``descriptions``, ``sources``, and ``choose``, which
applies them all (``speaker_for``, ``refine_speakers``).
"""

from __future__ import annotations

from saidwhat.analysis.attribution.speaker.choose import refine_speakers, speaker_for
from saidwhat.analysis.attribution.speaker.pronouns import (
    neuter_or_plural_pronoun,
    person_like,
    pronoun_antecedent,
    unresolved_pronoun,
)

__all__ = ["neuter_or_plural_pronoun", "person_like", "pronoun_antecedent", "refine_speakers",
           "speaker_for", "unresolved_pronoun"]
