"""The speaker of each attribution (``speaker_for``), and the rules applied to all of an article's
attributions at once (``refine_speakers``): each rule of the sibling modules in the order a reader
applies them.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.resolve import ActorResolution
from saidwhat.analysis.actors.resolve.evidence import one_of_several
from saidwhat.analysis.actors.surnames import quoted_at
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.attribution.speaker.common import (
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    actor_at,
    actor_named,
    add_actor,
    add_alias,
    drop_description,
    is_age_head,
    is_name,
    is_named,
    is_person_noun,
    kind_fits,
    move_mention,
    phrase_at,
)
from saidwhat.analysis.attribution.speaker.descriptions import (
    appositive_name,
    appositive_person,
    definite,
    descriptive_speaker,
    introduced_as,
    is_definite_description,
    is_descriptive,
    not_that_person,
    own_speaker,
    repeated_descriptions,
    same_noun_unnamed,
    subject_just_before,
)
from saidwhat.analysis.attribution.speaker.groups import (
    conjoined_names,
    first_names_joined,
    name_and_others,
    names_in_apposition,
    pronoun_and_others,
    pronoun_group,
)
from saidwhat.analysis.attribution.speaker.pronouns import (
    named_in_quote,
    names_in_content,
    pronoun_speaker,
    spoken_of,
)
from saidwhat.analysis.attribution.speaker.sources import (
    misread_source,
    possessed_other,
    relative_owner,
    relaying_subject,
    source_mention,
)
from saidwhat.analysis.nlp import text_of
from saidwhat.schema import Actor
from saidwhat.schema import Span as CharSpan


def _introduced_other(doc: Doc, phrase: Span, actor: Actor, actors: list[Actor]) -> bool:
    """The actor stage gave a definite description ("the group") a named actor of its kind, but
    another actor, not that one, was named in apposition with the same noun before it
    (``introduced_as``): the description is to be resolved again."""
    lemma = phrase.root.lemma_.lower()
    if introduced_as(doc, actor, lemma, phrase.start_char):
        return False
    start = phrase.start_char
    return any(a is not actor and kind_fits(a, phrase.root) and introduced_as(doc, a, lemma, start)
               for a in actors)


def _named_elsewhere(actor: Actor, att: Attribution, doc: Doc) -> bool:
    """``named_in_quote``, except for an organisation in a direct quote: statements name their
    issuer ("“At no time did Acme agree to …,” the company said"; development pages: 1 quote went to
    another company)."""
    if actor.kind == "organization" and att.kind == "direct":
        return False
    return named_in_quote(actor, att, doc)


def _person_named_in_quote(doc: Doc, att: Attribution, actor: Actor | None) -> bool:
    """The actor stage gave a speaking description a person whom the quote itself names ("Mr. Brandt
    is so reckless, the vice president said"): as for a speaking he/she (``pronoun_speaker``),
    people seldom speak of themselves by name, so the description is to be resolved again. Only a
    name inside quotation marks or the subject of the content's main clause counts: a reporter's
    paraphrase names its speaker elsewhere ("The tricks that Ben Carson decried are not …, the
    candidate said"; on PolNeAR train any name cost 2 right speakers of 8 changed). Nor is the
    person the cue says the words are about ("“…,” the Indiana governor said of Trump":
    ``spoken_of``)."""
    if actor is None or actor.kind != "person":
        return False
    return any(quoted_at(doc, sp.start_char) or _subject_of_content(sp.root, att)
               for sp in names_in_content(actor, att, doc)) or spoken_of(actor, att, doc)


def _subject_of_content(tok: Token, att: Attribution) -> bool:
    """``tok`` is the subject of the verb that heads the content (its head lies outside it)."""
    verb = tok.head
    inside = any(cs <= verb.head.idx < ce for cs, ce in att.content)
    return tok.dep_ in ("nsubj", "nsubjpass") and (verb.dep_ == "ROOT" or not inside)


def speaker_for(doc: Doc, att: Attribution, mention: list[CharSpan], actor: Actor | None,
                actors: list[Actor], genders: Mapping[str, str] | None = None,
                ) -> tuple[list[CharSpan], Actor | None]:
    """The speaker mention and actor of one attribution after the rules above (``genders``: the
    known gender of person actors, ``ActorResolution.genders``)."""
    mention, actor = source_mention(doc, att, mention, actor, actors)
    phrase = phrase_at(doc, mention)
    if phrase is not None and pronoun_and_others(phrase):
        return mention, pronoun_group(doc, att, phrase, actor, actors, genders or {})
    if phrase is not None and (phrase.root.lower_ in PERSON_PRONOUNS or (
            len(phrase) == 1 and phrase.root.lower_ in POSSESSIVE_PRONOUNS and phrase.root.dep_ == "poss")):
        return mention, pronoun_speaker(doc, att, phrase.root, actor, actors, genders or {})
    if phrase is not None and not_that_person(phrase, actor):
        return mention, own_speaker(doc, phrase, actor, actors, list(att.content) + list(att.cue))
    if phrase is None or phrase.root.pos_ == "PRON":
        return mention, actor or relative_owner(doc, phrase, actors)
    fixed = misread_source(doc, att, phrase, mention, actor, actors)
    if fixed is not None:
        return fixed
    named = _appositive_speaker(doc, att, phrase, actor, actors)
    if named is not None:
        return mention, named
    if actor is not None and possessed_other(doc, phrase, actor, mention):
        # "The suspects' lawyer" is not the witness the actor stage joined it to: its own source
        return mention, descriptive_speaker(doc, phrase, None, actors, list(att.content) + list(att.cue))
    if conjoined_names(phrase) or name_and_others(phrase) or names_in_apposition(phrase) \
            or first_names_joined(phrase):
        text = text_of(doc)[phrase.start_char:phrase.end_char]
        found = next((a for a in actors if a.name == text), None)
        return mention, found or add_actor(actors, text, "group", (phrase.start_char, phrase.end_char))
    other_kind = actor is not None and is_named(actor) and not kind_fits(actor, phrase.root)
    quoted = _person_named_in_quote(doc, att, actor)
    if is_definite_description(phrase, placed=quoted) and (
            actor is None or not is_named(actor) or other_kind or quoted
            or _introduced_other(doc, phrase, actor, actors)):
        if actor is not None and same_noun_unnamed(phrase, actor):
            return mention, actor  # "a senior law enforcement official ... The official said"
        ante = _description_antecedent(doc, att, phrase, actors, genders)
        # "the company" is no person the actor stage chose; "Brandt is reckless, the vice president
        # said" is not Brandt's
        return mention, ante or (None if other_kind or quoted else actor)
    # "The former secretary of state said Trump was “unfit”" is not Trump's, whom the actor stage
    # chose: the description of a person speaks for itself ("the statement" naming Powell is still
    # his office's)
    described = quoted and not is_name(phrase.root) and is_person_noun(phrase.root)
    if is_descriptive(phrase) or described:
        if described and actor is not None:
            drop_description(doc, actor, phrase)
        own = None if described else actor
        return mention, descriptive_speaker(doc, phrase, own, actors, list(att.content) + list(att.cue))
    if actor is not None:
        add_alias(actor, phrase.text)
    return mention, actor


def _appositive_speaker(doc: Doc, att: Attribution, phrase: Span, actor: Actor | None,
                        actors: list[Actor]) -> Actor | None:
    """The actor of the name in apposition to the source phrase's head ("Its president, Marcus
    Lindqvist"), which then takes the phrase as an alias; the actor stage's description of another
    actor leaves that one ("The Conservative leader, Kemi Badenoch" was not Keir Starmer's)."""
    named = appositive_name(phrase, list(att.cue) + list(att.content))
    if named is None:
        return None
    found = actor_at(actors, named.idx, named.idx + len(named.text)) or actor_named(doc, named, actors) \
        or appositive_person(doc, phrase, named, actors)
    if found is None:
        return None
    if actor is not None and actor is not found:
        drop_description(doc, actor, phrase)
    add_alias(found, phrase.text)
    return found


def _description_antecedent(doc: Doc, att: Attribution, phrase: Span, actors: list[Actor],
                            genders: Mapping[str, str] | None) -> Actor | None:
    """The named actor a definite description speaks for ("the company", "the 56-year-old"), which
    then takes the description as an alias; None when there is none, or when the description
    is one of several ("the second official": ``one_of_several``)."""
    if phrase.root.lemma_.lower() in PERSON_NOUNS | lx.DESCRIBING_NOUNS and one_of_several(phrase.root):
        return None
    ante = definite(doc, phrase, [a for a in actors if not _named_elsewhere(a, att, doc)], genders)
    if ante is not None and is_age_head(phrase.root) and not subject_just_before(doc, ante, phrase):
        return None  # an age says too little to reach further back
    if ante is not None:
        add_alias(ante, phrase.text)
    return ante


def _pronoun_mention(doc: Doc, mention: list[CharSpan]) -> bool:
    """A speaker mention that is one "he" or "she"."""
    phrase = phrase_at(doc, mention)
    return phrase is not None and len(phrase) == 1 and phrase.root.lower_ in PERSON_PRONOUNS


def refine_speakers(doc: Doc, atts: list[Attribution], res: ActorResolution) -> None:
    """Apply ``speaker_for`` to every attribution of ``res`` (in place); drop the description actors
    that no longer speak and were kept only because they did."""
    before = {a.id for a in res.actors}
    was_speaker = {s for s in res.speakers if s}
    pronouns: dict[tuple[tuple[CharSpan, ...], tuple[CharSpan, ...]], Actor | None] = {}
    for i, att in enumerate(atts):
        mention = res.mentions[i] if i < len(res.mentions) else list(att.source)
        sid = res.speakers[i] if i < len(res.speakers) else None
        actor = next((a for a in res.actors if a.id == sid), None)
        new_mention, new_actor = speaker_for(doc, att, list(mention), actor, res.actors, res.genders)
        # one "he" is one person: a quote that continues another with its cue or none of its own
        # ('Trump isn't a conservative, he said. "He's a liberal!"') has its speaker, whom the first
        # quote's words helped to find (PolNeAR train, judged speakers: the second went to Trump).
        # Not one with a cue of its own ('"…," he said at the rally, insisting that …')
        if _pronoun_mention(doc, new_mention):
            key = (tuple(new_mention), tuple(att.cue))
            if not att.cue:  # no cue of its own: the quote before with this mention
                key = next((k for k in pronouns if k[0] == key[0]), key)
            new_actor = pronouns.setdefault(key, new_actor)
        if actor is not None and new_actor is not actor:
            move_mention(actor, new_actor, new_mention, text_of(doc))
            if relaying_subject(doc, att) is not None:
                res.speaker_only.discard(actor.id)  # the medium that relayed the quote stays an actor
        if i < len(res.mentions):
            res.mentions[i] = new_mention
            res.speakers[i] = new_actor.id if new_actor is not None else None
    repeated_descriptions(doc, res)
    still = {s for s in res.speakers if s}
    res.actors[:] = [a for a in res.actors if a.id in still or a.id not in was_speaker or a.id not in before
                     or any(ch.isupper() for ch in a.name)]
