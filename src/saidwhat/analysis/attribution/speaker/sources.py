"""The source phrase read again where the attribution stage or the parser took the wrong words: a
by-phrase or passive agent ("was welcomed by X") is the speaker (``by_phrase``); a relative pronoun
is the name its clause describes (``relative_owner``); a quote relayed by a medium ("…, he said,
according to the Gazette") is the subject's of the verb of saying (``relaying_subject``); a phrase
that holds two subjects, a name before a participle or a document about someone is narrowed to
its speaker (``misread_source``); and an unsourced quote takes a source only where the text gives
one (``source_mention``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.filters import is_animate_head
from saidwhat.analysis.actors.mentions import seen_by
from saidwhat.analysis.actors.passing import DOCUMENT_WORDS, QUANTITY_WORDS, with_conjuncts
from saidwhat.analysis.actors.surnames import quoted_at
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.attribution.profile import EVIDENCE
from saidwhat.analysis.attribution.spans import QUOTE_MARKS
from saidwhat.analysis.attribution.speaker.common import (
    ORG_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PLURAL_TAGS,
    SAYING_LEMMAS,
    SUBJECT_DEPS,
    actor_at,
    actor_named,
    add_actor,
    add_alias,
    covers_head,
    is_name,
    is_named,
    is_person_noun,
    phrase_at,
    word_set,
)
from saidwhat.analysis.attribution.speaker.descriptions import own_speaker
from saidwhat.analysis.attribution.speaker.pronouns import sole_bearers
from saidwhat.analysis.nlp import entity_of, text_of
from saidwhat.schema import Actor, ActorKind
from saidwhat.schema import Span as CharSpan

# A relative pronoun as the source ("Obama, who has often complained that …"): the actor stage leaves
# it unresolved; it is the name its clause describes (``_clause_owner``). PolNeAR train: about one
# quote in 300 (Obama, Trump, Warren in 110 articles).
_RELATIVE_TAGS = frozenset({"WP", "WDT"})


def by_phrase(doc: Doc, cue: list[CharSpan]) -> Span | None:
    """The by-phrase of a passive cue ('was welcomed by rights advocates', 'was told by Y')."""
    ph = phrase_at(doc, cue)
    if ph is None:
        return None
    for tok in ph:
        if seen_by(tok):
            continue  # "according to a briefing note seen by Bloomberg": who read it, not who wrote it
        for child in tok.children:
            if child.dep_ == "agent":
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return doc[obj.left_edge.i: obj.right_edge.i + 1]
    return None


# Heads of descriptions that speak for a place's, a medium's or a trade's people ("the state said",
# "the site reported", "the industry warned") although no list of people or bodies holds them
# ("businesses", "both sides" and "camp" are animate heads, lexicon.ANIMATE_HEADS).
_SPEAKING_PLACES = word_set("""
state city county country nation province region town village district municipality kingdom
republic site website channel show podcast program programme magazine blog feed account
industry sector lobby opposition establishment press media
""")


def _not_a_speaker(phrase: Span, cue: Span | None) -> bool:
    """'fires have continued, showing that …', "Taylor's blood work, which showed …", 'her eyes aglow
    …, telling me …': a common noun that names no person, body, group, document or count, and is
    either the source of a verb of evidence (show, suggest, indicate …) or a part or property of
    someone ('her eyes', 'his voice'), is no one who speaks; the speaker is unknown (never the
    owner or the nearest name). Own train pages: 3 such speakers, none right. Nouns of people that
    no list holds ("harbour pilots") are spared by the second condition, and so is a noun a name
    stands in apposition to ("Her deputy, Steny Hoyer, said")."""
    root = phrase.root
    if root.pos_ != "NOUN" or root.ent_type_ \
            or any(t.pos_ == "PROPN" for t in root.lefts if t.dep_ == "compound") \
            or any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i > 0
                   and phrase.doc[c.left_edge.i - 1].text == "," for c in root.children):
        return False
    lemma = root.lemma_.lower()
    if lemma in DOCUMENT_WORDS | QUANTITY_WORDS | _SPEAKING_PLACES | ORG_NOUNS | PERSON_NOUNS \
            or root.lower_ in DOCUMENT_WORDS:
        return False
    if any(is_animate_head(h) for h in with_conjuncts([root])):  # "businesses and residents"
        return False
    evidence = cue is not None and any(t.lemma_.lower() in EVIDENCE for t in cue)
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in root.children)
    return evidence or owned


def _first_of_two_subjects(doc: Doc, phrase: Span) -> tuple[Span, Token] | None:
    """'A spokesperson who did not wish to be named because of agency policy said …': the parser
    gives the cue two subjects, the person and the last noun of the relative clause between them; a
    verb has one subject, the first, and the source is the whole phrase up to the second's end."""
    root = phrase.root
    if root.dep_ != "nsubj":
        return None
    first = next((c for c in root.head.children if c.dep_ == "nsubj" and c.i < root.i), None)
    if first is None or not any(c.dep_ in ("relcl", "acl") for c in first.children):
        return None
    whole = doc[first.left_edge.i: root.right_edge.i + 1]
    if any(ch in QUOTE_MARKS for ch in whole.text) or "''" in whole.text:
        return None  # '“The mission I did accomplished …,” Stafford responded': the first is quoted
    return whole, first


def _second_of_two_names(phrase: Span) -> Token | None:
    """"His allegiance has shifted from Carly Fiorina to Rubio to, now, Cruz, Wilkin said", "Of
    Carson, Levine, who has given money to Marco Rubio, said": two people's names side by side with
    a comma and no "and" are the end of what comes before and the speaker; the second speaks
    (PolNeAR train, sixth identity gold: the quotes went to Cruz and Carson). Not "Ivanka, Trump's
    daughter": the second name must not own a noun."""
    doc = phrase.doc
    names = [e for e in phrase.ents if e.label_ == "PERSON"]
    if len(names) != 2 or names[0].start != phrase.start or doc[names[0].end: names[1].start].text != ",":
        return None
    after = names[1].end
    if any(t.lower_ in ("and", "or", "&") for t in phrase) or (after < phrase.end and doc[after].text != ","):
        return None
    return names[1].root


def _speaker_after_object(phrase: Span) -> Token | None:
    """"In a letter to UN Secretary-General António Guterres, Iran's ambassador to the UN, Amir Saeid
    Iravani, wrote …", "Asked about comments by Viktor Orbán, the German government's deputy
    spokesperson, Christiane Hoffmann, said …": the parser hangs the subject on the opening
    phrase's object as an apposition of it, and the source runs from that object; the speaker is
    the person named last in the chain of appositions, not the object (it took the quotes)."""
    root = phrase.root
    if root.dep_ != "pobj" or root.ent_type_ != "PERSON":
        return None
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if not nouns:
        return None
    names = [t for head in (root, *nouns) for t in head.children
             if t.dep_ == "appos" and t.ent_type_ == "PERSON" and nouns[0].i < t.i < phrase.end]
    return max(names, key=lambda t: t.i) if names else None


def _name_before_participle(phrase: Span) -> Token | None:
    """'Texas delegate Bill Eastland, wearing a cowboy hat and “Ted Cruz” campaign pins, said': a
    source taken from a participle's clause is the person named before its comma, not a name inside
    it (PolNeAR train, sixth identity gold: the quote went to Ted Cruz)."""
    doc = phrase.doc
    root, before = phrase.root, phrase.start - 2
    if root.pos_ != "VERB" or root.tag_ not in ("VBG", "VBN") or before < 0 or doc[before + 1].text != ",":
        return None
    return doc[before] if doc[before].ent_type_ == "PERSON" else None


def _document_about(phrase: Span, actor: Actor) -> bool:
    """"A review of his work in Ukraine shows …": a document whose words name the actor only inside
    what it is about (its "of", "on" or "about" phrase) is not the actor's (PolNeAR train, eighth
    identity gold, long articles: the review's finding went to Paul Manafort), unless a "by" names
    its author there ("an analysis of Federal Election Commission data by Crowdpac")."""
    root = phrase.root
    if root.lemma_.lower() not in lx.DOCUMENT_HEADS:
        return False
    about = [t for c in root.children if c.dep_ == "prep" and c.lower_ in ("of", "on", "about")
             for t in c.subtree]
    inside = [t for t in phrase if any(s <= t.idx < e for s, e in actor.mentions)]
    by = any(a.lower_ == "by" and a.dep_ in ("prep", "agent") for t in inside for a in t.ancestors)
    return bool(inside) and not by and all(t in about for t in inside)  # "an analysis of data by X": X's


def _subject_phrase_speaker(whole: Span, head: Token, actors: list[Actor]) -> Actor:
    """The actor of a subject phrase found by ``_first_of_two_subjects`` (``head``: its first
    subject): the actor at its head, else an unnamed source of its own named by the phrase."""
    found = actor_at(actors, head.idx, head.idx + len(head.text))
    if found is not None:
        add_alias(found, whole.text)
        return found
    text = " ".join(whole.text.split())
    kind: ActorKind = "group" if head.tag_ in PLURAL_TAGS else "anonymous"
    return next((a for a in actors if a.name == text), None) or add_actor(
        actors, text, kind, (whole.start_char, whole.end_char))


def _surname_actor(phrase: Span, actor: Actor | None, actors: list[Actor]) -> Actor | None:
    """'Scissors, who consults …, said': a one-word source that is the last word of exactly one
    named person's full name is that person, also when the word is a common noun or adverb
    (Scissors, Early, Young) that the actor stage did not join to the name."""
    words = [t for t in phrase if not t.is_punct and not t.is_space]
    if len(words) != 1 or not words[0].text[:1].isupper() or words[0].pos_ == "PRON":
        return None
    if actor is not None and is_named(actor) and (len(actor.name.split()) > 1 or actor.kind == "person"):
        return None  # the actor stage found the full name already, or made the word a person of its own
    return sole_bearers(actors).get(words[0].text)


def _unsourced(doc: Doc, att: Attribution, actor: Actor | None,
               actors: list[Actor]) -> tuple[list[CharSpan], Actor | None]:
    """The mention and actor of an attribution the actor stage gave no speaker mention: a passive
    cue's by-agent, else the extractor's source (a signature, a transcript name)."""
    mention: list[CharSpan] = []
    if att.cue:
        agent = by_phrase(doc, list(att.cue))
        if agent is not None:
            mention = [(agent.start_char, agent.end_char)]
            actor = actor_at(actors, agent.start_char, agent.end_char)
    if not mention and att.source:
        mention = list(att.source)  # a source the actor stage set aside (a signature, a transcript name)
        actor = actor_at(actors, mention[0][0], mention[-1][1])
        phrase = phrase_at(doc, mention)
        if actor is None and phrase is not None and _capitalised_words(phrase):
            actor = add_actor(actors, phrase.text, "person", (phrase.start_char, phrase.end_char))
    return mention, actor


# Passive cues whose by-agent is not the source: "he was quoted by the Times as saying" is his.
_RELAYING_PASSIVES = frozenset({"quote", "cite"})


def _passive_agent(doc: Doc, att: Attribution, mention: list[CharSpan]) -> Span | None:
    """The by-agent of a passive cue when the source found is someone else: "After Johnson refused
    to rule out a tax …, he was criticized by libertarians" is the libertarians' (PolNeAR train,
    sixth judged round, where it went to Johnson). PolNeAR train, 840 articles: 3 speakers
    changed, all to the by-agent that made the statement or claim ("a call echoed by Japan")."""
    if not att.cue or not mention:
        return None
    agent = by_phrase(doc, list(att.cue))
    cue = phrase_at(doc, list(att.cue))
    if agent is None or cue is None or cue.root.lemma_.lower() in _RELAYING_PASSIVES:
        return None
    if any(c.dep_ == "nsubj" for c in agent.root.head.head.children):
        return None  # an active verb the parser gave a by-phrase: "acknowledged … in an article by X"
    inside = any(s < agent.end_char and agent.start_char < e for s, e in [*mention, *att.content])
    return None if inside else agent


# Entity types of words that never name a speaker: "in July, which showed …", "on Super Tuesday said".
_WHEN_ENTS = frozenset({"DATE", "TIME"})
# Quantifiers and question words that open a sentence as its subject, capitalised but no name
# ("Many speculated that …", "Several said", "Who told you …"); a closed list, since the tagger's
# part of speech is no guide to names written in capitals ("KATE BOULDUAN": an adverb, an adjective).
_NO_NAME_WORDS = frozenset({"many", "several", "some", "few", "most", "all", "both", "others", "each", "none",
                            "who", "whom", "what", "which"})


def _capitalised_words(phrase: Span) -> bool:
    """Words, each capitalised: a name. A share or a number ("42% say they are liberal", "Isaiah
    45:1") has no word at all (PolNeAR train: nine numbers, six of them poll shares, had become
    people); nor is a quantifier or a question word opening a sentence ("Many speculated that …",
    "Several said", "Who told you …": ``_NO_NAME_WORDS``) a name, nor a date ("July", "Super
    Tuesday") (PolNeAR train, session 20: seven such words had become people)."""
    words = [t for t in phrase if any(ch.isalpha() for ch in t.text)]
    return bool(words) and all(t.text[:1].isupper() for t in words) \
        and not any(t.ent_type_ in _WHEN_ENTS for t in words) \
        and not (len(words) == 1 and words[0].lower_ in _NO_NAME_WORDS)


# Nouns that name someone by relation to the person after "of"/"for" ("the family of", "a lawyer
# for"), as a possessor does.
_RELATION_NOUNS = lx.KIN_NOUNS | {"family", "relative", "lawyer", "attorney", "widow", "widower"}


def possessed_other(doc: Doc, phrase: Span, actor: Actor, mention: list[CharSpan]) -> bool:
    """'The suspects' lawyer said': a common noun with a possessor names someone by relation to the
    possessor; a named person is that someone only if the page describes them with the same noun
    elsewhere ("Carla Diaz, the suspects' lawyer"). A relative or a lawyer "of" someone is the
    same: "The family of Maria Estrada said" is not Maria Estrada."""
    head = phrase.root
    owned = any(c.dep_ == "poss" for c in head.children) or (
        head.lemma_.lower() in _RELATION_NOUNS
        and any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in head.children))
    if head.pos_ != "NOUN" or not owned or not is_named(actor) or actor.kind != "person":
        return False
    noun = head.lemma_.lower()
    texts = [text_of(doc)[s:e] for s, e in actor.mentions if (s, e) not in mention]
    texts += [actor.name, *actor.aliases, actor.role or "", actor.description or ""]
    return not any(noun in t.lower() for t in texts if t and t != phrase.text)


def _clause_owner(phrase: Span, att: Attribution | None = None) -> Token | None:
    """'Interior Minister Anna Berg, who serves in a caretaker government of civil servants, said':
    a source phrase inside a relative clause is not who speaks; the name the clause describes is.
    Development pages: 1 quote (speaker "in a provisional government of civil servants"). Not when
    the cue is in the clause too: "Mr. Obama, who has gotten less credit than aides say he
    deserves" is the aides', "the North American Free Trade Agreement, which Trump had called …"
    Trump's (PolNeAR train, where they went to Obama and to the agreement), unless the source is no
    subject of the clause's verb ("Speaker Paul D. Ryan, …, on Tuesday called", misparsed as a
    relative clause, stays Ryan's). The passive cue's by-agent is its subject too: "the letter to
    Obama, which was first reported by The Post's Greg Sargent" is Sargent's (PolNeAR train, sixth
    judged round, where it went to Obama). ``att`` None for a relative pronoun, whose clause holds
    the cue ("Mr. Trump, who has criticized …")."""
    tok = phrase.root
    while tok.head.i != tok.i:
        if tok.dep_ == "relcl":
            clause = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
            if att is not None and any(clause[0] <= s < clause[1] for s, _ in att.cue):
                verb_is_cue = any(s <= tok.idx < e for s, e in att.cue)
                if not verb_is_cue or _subject_of(phrase.root, tok):
                    return None  # the cue's own subject: "NAFTA, which Trump had called …" is Trump's
            return tok.head if is_name(tok.head) else None
        tok = tok.head
    return None


def _subject_of(tok: Token, verb: Token) -> bool:
    """``tok`` is the verb's subject or the object of its passive by-agent."""
    if tok.dep_ in SUBJECT_DEPS:
        return tok.head.i == verb.i
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.i == verb.i


def _possessive_relative_speaks(phrase: Span, att: Attribution) -> bool:
    """'The ruling was a setback for Trump, whose attorneys argued that …': a phrase with a possessive
    relative that is the subject of the cue itself speaks (the attorneys), not the name its clause
    describes; "Mrs. Clinton -- whose husband signed the act -- has derided …" is still hers (the
    cue is outside the clause). PolNeAR train, 806 articles: 2 speakers, both right ("whose
    attorneys" out of Donald Trump, "whose campaign" out of Bernie Sanders)."""
    root = phrase.root
    return any(t.tag_ == "WP$" for t in phrase) and root.dep_ in SUBJECT_DEPS \
        and any(s <= root.head.idx < e for s, e in att.cue)


def relative_owner(doc: Doc, phrase: Span | None, actors: list[Actor]) -> Actor | None:
    """A relative pronoun the actor stage left unresolved as the source ("Mr. Trump, who has
    criticized …"): the actor of the name its clause describes, else None."""
    if phrase is None or phrase.root.tag_ not in _RELATIVE_TAGS:
        return None
    owner = _clause_owner(phrase)
    return _name_speaker(doc, owner, actors)[1] if owner is not None else None


def _in_entity_of(actor: Actor, head: Token) -> bool:
    """Does one of the actor's mentions lie inside the named entity ``head`` belongs to ("the Inspector
    General" in "NASA's Office of the Inspector General")? Then it is that name's actor."""
    ent = entity_of(head)
    return ent is not None and any(ent.start_char <= s and e <= ent.end_char for s, e in actor.mentions)


def _described_as_person(name: Token) -> bool:
    """A name of two words or more with a person's noun in apposition ("Teresa Ribera, the
    Commission's competition chief", which the recognizer called a work of art): a person,
    whatever the recognizer's label."""
    return name.pos_ == "PROPN" and name.ent_type_ not in ("ORG", "NORP") \
        and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in name.lefts) \
        and any(c.dep_ == "appos" and is_person_noun(c) for c in name.children)


def _name_speaker(doc: Doc, name: Token, actors: list[Actor],
                  person: bool = False) -> tuple[list[CharSpan], Actor | None]:
    """The mention and actor of the name ``name`` heads: its actor, else one made of the name (a
    person or an organisation as the tagger's entity says, a person when ``person``). Used when the
    actor stage put the source on a word inside the name's apposition or modifier ("the People's
    Daily, the mouthpiece of the Communist party" went to "Communist"; development pages: 1
    quote)."""
    start = name.left_edge.i if name.left_edge.i < name.i and name.left_edge.sent == name.sent else name.i
    toks = [t for t in doc[start:name.i + 1] if t.ent_type_ or t.i == name.i or t.dep_ in ("compound", "det")]
    ent = entity_of(name)
    span = (toks[0].idx, max(name.idx + len(name.text), ent.end_char if ent is not None else 0))
    if ent is not None and ent.label_ == "PERSON":
        span = (ent.start_char, ent.end_char)  # "Texas delegate Bill Eastland": the person's name
    found = actor_at(actors, name.idx, name.idx + len(name.text)) or actor_named(doc, name, actors)
    if found is None and (person or name.ent_type_ in ("ORG", "PERSON")):
        kind: ActorKind = "person" if person or name.ent_type_ == "PERSON" else "organization"
        found = add_actor(actors, text_of(doc)[span[0]:span[1]], kind, span)
    return [span], found


def misread_source(doc: Doc, att: Attribution, phrase: Span, mention: list[CharSpan], actor: Actor | None,
                    actors: list[Actor]) -> tuple[list[CharSpan], Actor | None] | None:
    """A source the parser or the actor stage misread: a relative clause's noun taken for a second
    subject, a surname that is a common word, a thing that cannot speak (speaker unknown)."""
    two = _first_of_two_subjects(doc, phrase)
    if two is not None:
        return [(two[0].start_char, two[0].end_char)], _subject_phrase_speaker(*two, actors)
    second = _second_of_two_names(phrase) or _speaker_after_object(phrase)
    if second is not None:
        return _name_speaker(doc, second, actors)
    wearer = _name_before_participle(phrase)
    if wearer is not None:
        return _name_speaker(doc, wearer, actors)
    if actor is not None and _document_about(phrase, actor):
        return mention, None
    aside = _aside_source(phrase, att)
    if aside is not None:
        return [(aside.start_char, aside.end_char)], own_speaker(doc, aside, None, actors,
                                                                  list(att.content) + list(att.cue))
    owner = None if _possessive_relative_speaks(phrase, att) else _clause_owner(phrase, att)
    if owner is not None:
        return _name_speaker(doc, owner, actors)
    person = _described_as_person(phrase.root)
    if is_name(phrase.root) and actor is not None and not covers_head(actor, phrase) \
            and (phrase.root.ent_type_ in ("ORG", "PERSON") or person) \
            and not _in_entity_of(actor, phrase.root):
        # "the People's Daily, the mouthpiece of the party"
        return _name_speaker(doc, phrase.root, actors, person=person)
    surname = _surname_actor(phrase, actor, actors)
    if surname is not None:
        surname.mentions[:] = sorted({*surname.mentions, *mention})
        return mention, surname
    if _not_a_speaker(phrase, phrase_at(doc, list(att.cue))):
        return mention, None
    return None


def _aside_source(phrase: Span, att: Attribution) -> Span | None:
    """The unnamed source of a parenthetical cue between a subject and its verb: "Clinton, a top aide
    said, “is very confident …”" is the aide's quote about Clinton, who is the subject of "is"
    (PolNeAR train, where it went to Clinton). The description must be indefinite and right before
    the cue, with no comma to close it ("Clinton, a former senator, said" is hers), and the cue
    followed by a comma."""
    root = phrase.root
    doc = phrase.doc
    if not is_name(root) or root.dep_ not in SUBJECT_DEPS:
        return None
    aside = next((c for c in root.children if c.dep_ == "appos" and any(
        d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)), None)
    if aside is None or aside.right_edge.i + 1 >= len(doc):
        return None
    cue = doc[aside.right_edge.i + 1]
    if not any(s <= cue.idx < e for s, e in att.cue) or cue.i + 1 >= len(doc) or doc[cue.i + 1].text != ",":
        return None
    return doc[aside.left_edge.i: aside.right_edge.i + 1]


def relaying_subject(doc: Doc, att: Attribution) -> Token | None:
    """'“…,” he said, according to the Gazette' / '“…,” he told supporters, according to a statement':
    a quote relayed by a medium or a document has the subject of its verb of saying as speaker, not
    the medium. The subject of the nearest verb of saying before 'according to' in its sentence,
    outside quotation marks. Development pages: 2 such quotes, both given to the medium."""
    cue = phrase_at(doc, list(att.cue))
    if cue is None or cue[0].lower_ != "according":
        return None
    for tok in reversed(doc[cue.sent.start: cue.start]):
        if tok.lemma_.lower() in SAYING_LEMMAS and tok.pos_ == "VERB" and not quoted_at(doc, tok.idx):
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None and (subject.pos_ == "PROPN" or subject.lower_ in PERSON_PRONOUNS):
                return subject
    return None


def source_mention(doc: Doc, att: Attribution, mention: list[CharSpan], actor: Actor | None,
                    actors: list[Actor]) -> tuple[list[CharSpan], Actor | None]:
    """The source mention the rules start from: the actor stage's, else a passive agent or the
    extractor's source (``_unsourced``); the subject of a relayed quote's verb of saying first."""
    if not mention:
        mention, actor = _unsourced(doc, att, actor, actors)
    agent = _passive_agent(doc, att, mention)
    if agent is not None:
        mention = [(agent.start_char, agent.end_char)]
        actor = actor_at(actors, *mention[0])
    relaying = relaying_subject(doc, att)
    if relaying is not None:
        mention = [(relaying.idx, relaying.idx + len(relaying.text))]
        actor = actor_at(actors, *mention[0])
    return mention, actor
