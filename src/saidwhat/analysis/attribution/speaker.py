"""Speakers of quotes, after actor resolution: the rules a reader applies to "who said it".

``resolve_actors`` clusters mentions into actors and points each attribution's source at one.
The rules here correct that pointer where the source phrase says more than its names do:

- a description that is the source ("two people familiar with the talks", "Rudolph's
  supporters", "the authors of the study") is its own anonymous or group speaker, never the
  name it only contains (``descriptive``);
- a definite description ("the company", "the German automaker", "the British royal") refers
  back to the nearest earlier actor of its kind that was a subject, never to one that was only
  an object (``definite``);
- a speaking 'he'/'she' is a named person of its gender (``ActorResolution.genders``: titles,
  first names, earlier pronouns) whom the quote itself does not name ("He said Trump was wrong"
  is not Trump's), else nobody (``pronoun_speaker``);
- a plural description ("the lawyers", "Sanders and his supporters", "Two objectors, Lawrence Joyce
  and William Graham") or a part of a set ("some of her followers", "one of his aides") is never
  one named person: it is a group or an anonymous source of its own, and so is an indefinite
  description ("a Democrat familiar with her plans") that the actor stage gave a named actor
  through a name or pronoun it only contains;
- a by-phrase or passive agent ("was welcomed by X", "was told by Y") is the speaker
  (``agent``);
- joint speakers ("Vindman and Williams said") are one group speaker named by both
  (``joint``);
- a he/she joined with others ("He and others at the hearing") is a group named after the
  pronoun's person (``_pronoun_group``);
- a quote relayed by a medium ("“…,” he said, according to the Gazette") is the subject's of the
  verb of saying (``_relaying_subject``);
- a definite description is first the actor named in apposition with its noun ("The group,
  WeWorkers Coalition, …"; ``_introduced_as``), and never a person its own quote names in
  quotation marks or as its main clause's subject ("Mr. Trump is so reckless, the vice president
  said"; ``_person_named_in_quote``);
- a source phrase that resolves to nothing leaves the speaker unknown: no nearest name is
  guessed (the confidence model gives such quotes a low probability).

Every rule returns the speaker's actor, creating an actor when the phrase names a new one, and
adds the source phrase to the actor's aliases (the surface forms a reader sees).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from spacy.tokens import Doc, Span, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.filters import is_animate_head
from saidwhat.analysis.actors.passing import DOCUMENT_WORDS, QUANTITY_WORDS, with_conjuncts
from saidwhat.analysis.actors.resolve import (
    ActorResolution,
    bound_possessive,
    main_clause,
    one_of_several,
    sent_ids,
    sent_starts,
)
from saidwhat.analysis.actors.surnames import aside_closed, quoted_at
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.attribution.profile import EVIDENCE
from saidwhat.analysis.attribution.spans import QUOTE_MARKS
from saidwhat.analysis.first_names import name_list_gender
from saidwhat.analysis.nlp import text_of
from saidwhat.analysis.subjects import stray_subject
from saidwhat.schema import Actor, ActorKind, free_actor_id
from saidwhat.schema import Span as CharSpan


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Head nouns of descriptions that stand for an organisation ("the company said").
ORG_NOUNS = _words("""
company firm automaker carmaker maker manufacturer group agency utility brokerage retailer bank
network studio startup giant ministry department office organization organisation government
administration airline publisher label team club party campaign commission committee council
court board union association institute university school hospital newspaper paper outlet site
website platform service operator developer chain insurer lender regulator police
""")
# Head nouns of descriptions that stand for a person ("the British royal said").
PERSON_NOUNS = _words("""
royal prince princess king queen president minister senator lawmaker congressman congresswoman
official executive chief ceo founder chairman chairwoman actor actress singer rapper star player
coach manager director spokesman spokeswoman spokesperson lawyer attorney judge prosecutor doctor
professor researcher scientist analyst economist author writer reporter candidate governor mayor
leader host owner woman man father mother son daughter wife husband
""")
_DEFINITE = frozenset({"the", "this", "that"})
# A relative pronoun as the source ("Obama, who has often complained that …"): the actor stage leaves
# it unresolved; it is the name its clause describes (``_clause_owner``). PolNeAR train: about one
# quote in 300 (Obama, Trump, Warren in 110 articles).
_RELATIVE_TAGS = frozenset({"WP", "WDT"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Heads of descriptions that, with a noun modifier, name a body of their own ("the state
# transportation department", "the city police"): they refer back only to an actor whose name
# holds the modifier (the bundled example gave the department's quote to the shippers' association).
_BODY_NOUNS = _words("""
ministry department office agency commission committee council board authority court police
union association regulator administration
""")
# How far back (characters) a definite description looks for its antecedent (about 3 paragraphs).
ANTECEDENT_WINDOW = 1500
# Longest source phrase (words) taken whole as a descriptive speaker's name.
MAX_DESCRIPTION_WORDS = 14


def _phrase(doc: Doc, spans: list[CharSpan]) -> Span | None:
    if not spans:
        return None
    return doc.char_span(spans[0][0], spans[-1][1], alignment_mode="expand")


def _noun_phrase(head: Token, limit: Span, taken: list[CharSpan]) -> tuple[int, int] | None:
    """Character span of ``head``'s noun phrase, within its sentence, without edge punctuation,
    cut before the first word of the quote's content or cue (``taken``)."""
    sent = head.sent
    aside = {t.i for c in head.subtree if _comma_relative(c) for t in c.subtree}
    toks = [t for t in head.subtree if sent.start <= t.i < sent.end and t.i >= limit.start - 3]
    toks = [t for t in toks if not t.is_space and t.i not in aside]
    cut = next((k for k, t in enumerate(toks) if k > 0 and any(s <= t.idx < e for s, e in taken)), None)
    if cut is not None:
        toks = toks[:cut]
        while toks and toks[-1].dep_ in ("nsubj", "relcl") and toks[-1].pos_ == "PRON":
            toks.pop()  # 'who' of a cut relative clause
    while toks and (toks[-1].is_punct or toks[-1].dep_ in ("cc", "punct")):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    if not toks or len(toks) > MAX_DESCRIPTION_WORDS:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _comma_relative(tok: Token) -> bool:
    """A relative clause set off by a comma ("a senior official, who requested anonymity"): an aside
    about the speaker, not part of the name a description gives it; with it, "one well-connected
    Democrat familiar with the Clinton campaign's organization, who requested anonymity …" was too
    long to name anyone (360 PolNeAR train articles: 4 unnamed speakers renamed, "One attendee, who
    like others" → "One attendee"; own wild pages unchanged)."""
    first = tok.left_edge.i
    return tok.dep_ == "relcl" and first > 0 and tok.doc[first - 1].text == ","


def _is_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def _actor_at(actors: list[Actor], start: int, end: int) -> Actor | None:
    for a in actors:
        if any(s < end and start < e for s, e in a.mentions):
            return a
    return None


def _add_alias(actor: Actor, text: str) -> None:
    text = " ".join(text.split())
    if text and text != actor.name and text not in actor.aliases and any(c.isalpha() for c in text):
        actor.aliases.append(text)


def _new_actor(actors: list[Actor], name: str, kind: ActorKind, span: CharSpan) -> Actor:
    actor = Actor(id=free_actor_id(actors), name=" ".join(name.split()), kind=kind, mentions=[span],
                  description=" ".join(name.split()) if kind == "anonymous" else None)
    actors.append(actor)
    return actor


_OBJECT_DEPS = frozenset({"dobj", "pobj", "iobj", "dative", "attr", "oprd"})


def _subject_mentions(doc: Doc, actor: Actor, before: int) -> list[tuple[int, int]]:
    """(is a subject, offset) of the actor's mentions before ``before`` that are not objects: the
    topic or object of a sentence is not who speaks next. For a description outside quotation
    marks, nor is a person a quote speaks of ("Trump told the Post, “I really don't want Jeb's
    endorsement, because he is a low-energy person …” The candidate added" is Trump's: PolNeAR
    train, fourth round of judged speakers, had given it to Jeb Bush, the quote's "he")."""
    out = []
    outside = not quoted_at(doc, before)
    for s, e in actor.mentions:
        if e > before or before - s > ANTECEDENT_WINDOW or (outside and quoted_at(doc, s)):
            continue
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is None or sp.root.dep_ in _OBJECT_DEPS:
            continue
        out.append((int(sp.root.dep_ in ("nsubj", "nsubjpass")), s))
    return out


# Head nouns of ORG_NOUNS that name a person as often ("the real estate developer said … of Mr.
# Clinton" is Donald Trump: PolNeAR train had given it to Bill Clinton's White House, the latest
# organisation): either kind fits.
EITHER_NOUNS = _words("developer publisher operator")


def _kind_fits(actor: Actor, head: Token) -> bool:
    lemma = head.lemma_.lower()
    if _age_head(head):
        return actor.kind == "person"
    if lemma in EITHER_NOUNS:
        return actor.kind in ("person", "organization")
    if lemma in ORG_NOUNS:
        return actor.kind == "organization"
    if lemma in PERSON_NOUNS | lx.DESCRIBING_NOUNS:
        return actor.kind == "person"
    return False


def _noun_gender(head: Token) -> str | None:
    """The gender ("f"/"m", as ``ActorResolution.genders``) a person noun says ("the former first
    lady": "f"), else None."""
    return lx.GENDER_NOUNS.get(head.lemma_.lower()) or lx.GENDER_NOUNS.get(head.lower_)


def definite(doc: Doc, phrase: Span, actors: list[Actor],
             genders: Mapping[str, str] | None = None) -> Actor | None:
    """The antecedent of 'the company' / 'the British royal': the nearest earlier subject mention
    of a named actor of the description's kind (and, for a noun that says a gender, of no other
    known gender: ``genders`` by actor id; a possessive its verb binds says a gender too: "the
    candidate discusses … lessons from her mother")."""
    head = phrase.root
    modifiers = _body_modifiers(head)
    said = _noun_gender(head) or bound_possessive(head)
    best: tuple[tuple[int, int, int], Actor] | None = None
    for a in actors:
        if not any(ch.isupper() for ch in a.name) or not _kind_fits(a, head):
            continue
        if said and (genders or {}).get(a.id, said) != said:
            continue  # "the former first lady" is not the man named last
        if modifiers and not modifiers <= set(a.name.lower().split()):
            continue  # "the state transportation department" is not "the Harbor Shippers Association"
        introduced = int(_introduced_as(doc, a, head.lemma_.lower(), phrase.start_char))
        for subject, start in _subject_mentions(doc, a, phrase.start_char):
            key = (introduced, subject, start)
            if best is None or key > best[0]:
                best = (key, a)
    return best[1] if best else None


def _introduced_as(doc: Doc, actor: Actor, lemma: str, before: int) -> bool:
    """Was the actor named in apposition with the description's noun before ``before`` ("The group,
    WeWorkers Coalition, …", "Acme, a company that …")? Then "the group" is that actor, not the
    latest organisation that was a subject (development pages: 4 quotes of one page went to the
    company the group spoke about)."""
    for s, e in actor.mentions:
        sp = doc.char_span(s, e, alignment_mode="expand") if e <= before else None
        if sp is None:
            continue
        for tok in sp:
            pair = tok.head if tok.dep_ == "appos" else None
            if pair is not None and {tok.lemma_.lower(), pair.lemma_.lower()} & {lemma} \
                    and (_is_name(tok) or _is_name(pair)):
                return True
    return False


def _body_modifiers(head: Token) -> set[str]:
    """The noun modifiers of a body's head noun ("state", "transportation" in "the state
    transportation department"); empty for other heads ("the tech giant" may be any company)."""
    if head.lemma_.lower() not in _BODY_NOUNS:
        return set()
    return {t.lower_ for t in head.lefts if t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN")}


def _age_head(head: Token) -> bool:
    """'old' of 'the 56-year-old': a person described by age alone."""
    return head.lower_ == "old" and any(c.dep_ == "npadvmod" and c.lemma_.lower() == "year"
                                        for c in head.children)


# How many sentences back an age description ("the 46-year-old") may find its person's subject
# mention: "House Speaker Paul Ryan … told the delegates" five sentences before "said the
# 46-year-old" is not Melania Trump, whom the sentences between describe (PolNeAR train).
AGE_REACH_SENTENCES = 2


def _subject_just_before(doc: Doc, actor: Actor, phrase: Span) -> bool:
    """Is one of the actor's mentions the subject of a sentence at most ``AGE_REACH_SENTENCES``
    before the phrase's (or of its own)?"""
    first = max(0, sent_ids(doc)[phrase.start] - AGE_REACH_SENTENCES)
    lo = doc[sent_starts(doc)[first]].idx
    return any(lo <= start < phrase.start_char and subject for subject, start in
               _subject_mentions(doc, actor, phrase.start_char))


def _is_definite_description(phrase: Span, *, placed: bool = False) -> bool:
    """'the company', 'The German automaker, which has focused on …' (a relative clause or
    apposition after the head noun does not change what it refers to). A describing noun may have
    a place or a body before it ("the New York businessman", "the Supreme Court justice"), not a
    person ("the Clinton aide" is someone else than Clinton); an office may not ("the former HP
    executive told The Washington Post, Fiorina would …" is not the HP person named last: one of
    110 PolNeAR train articles), unless ``placed`` lets it have places ("the former Florida
    governor": the actor stage places such an office, ``resolve._placed``; ``speaker_for`` resolves
    it again when its quote names the person chosen: "Donald Trump attacked Jeb Bush. The former
    Florida governor said “Trump is a chaos candidate.”" had gone to Trump)."""
    head = phrase.root
    lemma = head.lemma_.lower()
    words = [t for t in phrase if not t.is_punct and t.i <= head.i]
    if _age_head(head):  # "The 56-year-old said", after "The Portuguese boss" (own fresh3 pages)
        return bool(words) and words[0].lower_ in _DEFINITE and len(words) <= 5
    # a describing noun needs a word of its own: "the businessman" alone, after "the retired
    # neurosurgeon and the businessman", went to the man named last (1 of 220 PolNeAR train articles)
    describing = lemma in lx.DESCRIBING_NOUNS and len(words) > 2
    if describing:  # "the former first lady" may be tagged PROPN: lower-case words are no names
        names = [t for t in words if t.pos_ == "PROPN" and not t.is_lower]
        names_ok = all(t.ent_type_ not in ("PERSON", "") and t.dep_ != "poss" for t in names)
        noun = head.pos_ in ("NOUN", "PROPN") and head.is_lower
    else:  # an office or a body: no proper noun ("the French foreign ministry" tagged PROPN) but places
        names_ok = all(placed and t.ent_type_ in ("GPE", "NORP") for t in words if t.pos_ == "PROPN")
        noun = head.pos_ == "NOUN"
    return (bool(words) and words[0].lower_ in _DEFINITE and noun
            and head.tag_ not in _PLURAL_TAGS  # "the lawyers" are not one named person
            and (lemma in ORG_NOUNS | PERSON_NOUNS or describing)
            and names_ok and len(words) <= 5
            and not any(t.dep_ == "prep" for t in head.children))


def _is_descriptive(phrase: Span) -> bool:
    """A common-noun phrase (possibly containing names as modifiers): 'two people familiar with
    the matter', "Russia's foreign ministry", 'the authors of the study'; not a title before a
    name ("China's ambassador to the UN Zhang Jun")."""
    head = phrase.root
    words = [t for t in phrase if not t.is_punct]
    return (head.pos_ == "NOUN" and not _is_name(head) and head.lemma_.lower() not in ("statement", "tweet")
            and bool(words) and not (words[-1].pos_ == "PROPN" and words[-1].i > head.i))


def _named(actor: Actor) -> bool:
    return actor.name[:1].isupper() and actor.kind != "anonymous"


def _covers_head(actor: Actor, phrase: Span) -> bool:
    at = phrase.root.idx
    return any(s <= at < e for s, e in actor.mentions)


def _conjuncts(head: Token) -> list[Token]:
    """The head and the words coordinated with it, down the parser's chain of a list through names
    ("Ms. Toretti, Mrs. Rao and others": "Rao" hangs on "Toretti", "others" on "Rao"); a common
    noun ends the chain ("Chris Early, senior vp partnerships and revenue": the parser's "and" is
    inside the apposition)."""
    chain = [head]
    for tok in chain:
        if _is_name(tok):
            chain.extend(c for c in tok.children if c.dep_ == "conj")
    return chain


def _coordinated(chain: list[Token], conjunction: Callable[[Token], bool]) -> bool:
    """Whether a name of the chain bears the coordinating conjunction (the parser hangs it on the
    head, or on the name before the last conjunct)."""
    return any(conjunction(c) for t in chain if _is_name(t) for c in t.children)


def _conjoined_names(phrase: Span) -> list[Token]:
    """'Vindman and Williams', 'Ms. Toretti, Mrs. Rao and Mr. Lee': the name heads joined by 'and'
    in the phrase."""
    head = phrase.root
    if not _is_name(head):
        return []
    chain = _conjuncts(head)
    names = [t for t in chain if _is_name(t)]
    return names if len(names) > 1 and _coordinated(chain, lambda c: c.dep_ == "cc") else []


def _first_names_joined(phrase: Span) -> bool:
    """'Khizr and Ghazala Khan', 'Bill and Hillary Clinton': two given names joined by 'and' before
    one surname are two people (the parser hangs the first name and its 'and' on the surname; not
    "the Science and Technology Directorate", no person's name)."""
    head = phrase.root
    return head.ent_type_ == "PERSON" and any(
        c.i < head.i and c.is_title and c.dep_ in ("amod", "compound", "nmod")
        and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children) for c in head.children)


def _and(tok: Token) -> bool:
    """A coordinating 'and', or the last word of 'as well as'."""
    return tok.dep_ == "cc" and (tok.lower_ == "and" or (
        tok.lower_ == "as" and tok.i >= 2 and tok.nbor(-1).lower_ == "well" and tok.nbor(-2).lower_ == "as"))


def _name_and_others(phrase: Span) -> bool:
    """'Sanders and his supporters', 'Edwards and others', 'Mrs. Clinton herself, as well as her
    campaign' (PolNeAR train, fifth identity gold): a name joined by 'and' to a common noun or
    'others', a group that no single person stands for. Not a bare singular noun, which describes
    the person again ("Trump, the 2016 GOP presidential frontrunner nationally and current polling
    leader in South Carolina": PolNeAR train, where it made a group of Trump)."""
    head = phrase.root
    chain = _conjuncts(head)
    if not _is_name(head) or not _coordinated(chain, _and):
        return False
    return any(not _is_name(c) and c.pos_ in ("NOUN", "PRON") and not _bare_singular(c) for c in chain[1:])


def _bare_singular(tok: Token) -> bool:
    """A singular common noun without a determiner, owner or name ("current polling leader"; not
    "Breitbart News National Security editor Dr. Sebastian Gorka")."""
    return tok.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod", "appos") for c in tok.children)


def _pronoun_and_others(phrase: Span) -> bool:
    """'He and others at the hearing', 'she and her husband': a speaking he/she joined by 'and' to
    someone else is a group, not the one person the pronoun stands for."""
    head = phrase.root
    return head.lower_ in _PERSON_PRONOUNS and any(c.dep_ == "conj" for c in head.children) \
        and any(c.dep_ == "cc" and c.lower_ == "and" for c in head.children)


def _pronoun_group(doc: Doc, att: Attribution, phrase: Span, actor: Actor | None, actors: list[Actor],
                   genders: Mapping[str, str]) -> Actor:
    """The group actor of 'He and others at the hearing': named by the phrase with the pronoun's
    person in its place ("Brian Babin and others at the hearing"), the phrase itself an alias; the
    phrase alone when the pronoun's person is unknown. Development pages: 2 such quotes, both given to
    the one person."""
    text = " ".join(text_of(doc)[phrase.start_char:phrase.end_char].split())
    person = pronoun_speaker(doc, att, phrase.root, actor, actors, genders)
    name = text if person is None else person.name + text[len(phrase.root.text):]
    group = next((a for a in actors if a.name == name), None) \
        or _new_actor(actors, name, "group", (phrase.start_char, phrase.end_char))
    _add_alias(group, text)
    return group


def _names_in_apposition(phrase: Span) -> bool:
    """'Two objectors, Lawrence Joyce and William Graham': a plural noun with names in apposition;
    also one name given as an example of the set ("Some 2016 presidential candidates — for instance,
    Sen. Ted Cruz of Texas, who voted against … — have called for …": PolNeAR train, tenth identity
    gold, into Ted Cruz's actor; "Several fact checkers, including The Washington Post,")."""
    head = phrase.root
    return head.tag_ in _PLURAL_TAGS and any(
        (c.dep_ == "appos" and _is_name(c) and any(
            (g.dep_ == "conj" and _is_name(g)) or (g.dep_ == "prep" and _names_an_example(g))
            for g in c.children))
        or (c.dep_ == "prep" and _example_preposition(c) and any(o.dep_ == "pobj" and _is_name(o)
                                                                  for o in c.children))
        for c in head.children)


def _names_an_example(prep: Token) -> bool:
    """"for instance", "for example": the name it opens is one member of a set."""
    return prep.lower_ == "for" and any(c.dep_ == "pobj" and c.lower_ in ("instance", "example")
                                        for c in prep.children)


def _example_preposition(prep: Token) -> bool:
    """"including", "such as", "like": "Several fact checkers, including The Washington Post, noted
    …" is the fact checkers' (PolNeAR train, sixth identity gold: it had gone to the Post)."""
    return prep.lower_ in ("including", "like") or (
        prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))


# Quantifiers that head a part of a set: "some of her followers", "one of his aides", "both of X's rivals"
_QUANTIFIERS = frozenset({"some", "many", "most", "several", "all", "both", "few", "none", "one", "each",
                          "any", "others"})


# Prepositions by which a quantifier picks from a set: "some of her followers", "some in the
# “Bernie or Bust” crowd" (a name inside the set's name is not the speaker: PolNeAR train, fourth
# identity gold, 1 quote out of Bernie Sanders's actor), "many among his aides".
_SET_PREPS = frozenset({"of", "in", "among", "within"})


def _part_of_set(phrase: Span) -> bool:
    """'some of her followers', 'one of Trump's advisers', 'some in the crowd': a quantifier with a
    preposition of ``_SET_PREPS`` (a number with 'of'), which names someone else than the person
    it mentions."""
    head = phrase.root
    if head.like_num and head.pos_ == "NUM":  # "two of his aides"; "Nine in 10 voters" is a ratio
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    return head.lower_ in _QUANTIFIERS and any(c.dep_ == "prep" and c.lower_ in _SET_PREPS
                                               for c in head.children)


_INDEFINITE = frozenset({"a", "an", "another"})


def _ratio(phrase: Span) -> bool:
    """'One in four voters in a New York Times poll', 'Nine in 10 Republicans': a share of a set of
    people, a group of its own, not a body named inside it (PolNeAR train, sixth identity gold: it
    had gone to The New York Times)."""
    head = phrase.root
    return head.like_num and head.pos_ == "NUM" and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(
            o.dep_ == "pobj" and (o.like_num or any(n.dep_ == "nummod" for n in o.children))
            for o in c.children)
        for c in head.children)


def _indefinite(phrase: Span) -> bool:
    """'A Democrat familiar with her plans', 'an aide', 'one well-connected Democrat familiar with the
    Clinton campaign' (fifth identity gold: out of Hillary Clinton's actor): someone new, whatever
    names it contains; not a document ('a statement from X' is X's)."""
    head = phrase.root
    return head.lemma_.lower() not in lx.DOCUMENT_HEADS and any(
        (c.dep_ == "det" and c.lower_ in _INDEFINITE) or (c.dep_ == "nummod" and c.lower_ == "one")
        for c in head.children)


def _not_that_person(phrase: Span, actor: Actor | None) -> bool:
    """A part of a set ('some of her followers'), or an indefinite description given a named person
    ('a Democrat familiar with her plans'; 'a spokesman for Acme' stays Acme's), or given no one ("One
    pastor supporting Mr. Cruz", whose name the actor stage does not take for the source)."""
    if _part_of_set(phrase) or _ratio(phrase):
        return True
    named_person = actor is None or (actor.kind == "person" and _named(actor))
    return named_person and _indefinite(phrase) \
        and _appositive_name(phrase) is None  # "A spokesman for the union, Tom Hale" is Tom Hale


def _own_speaker(doc: Doc, phrase: Span, actor: Actor | None, actors: list[Actor],
                 taken: list[CharSpan]) -> Actor | None:
    """The speaker of a part of a set or an indefinite description: its own actor named by the
    phrase (a group for 'some of …', else an anonymous source), unless the actor stage already
    resolved the phrase's head itself."""
    if actor is not None and _covers_head(actor, phrase):
        return actor
    np = _noun_phrase(phrase.root, phrase, taken)
    if np is None:
        return None
    text = " ".join(text_of(doc)[np[0]:np[1]].split())
    group = (_part_of_set(phrase) and phrase.root.lower_ not in ("one", "each")) or _ratio(phrase)
    kind: ActorKind = "group" if group else "anonymous"
    return next((a for a in actors if a.name == text), None) or _new_actor(actors, text, kind, np)


def _appositive_name(phrase: Span, taken: list[CharSpan] | None = None) -> Token | None:
    """'The company that runs the AMAs, Dick Clark Productions': the name in apposition; never one
    inside the cue or the content (``taken``): in "The company, which …, confirmed that it had been
    contacted by the office of the NYAG, Letitia James" the parser hangs the cue on the subject,
    and the name is what was said, not who said it."""
    head = phrase.root
    if _is_name(head) or head.tag_ in _PLURAL_TAGS:
        return None  # a plural ("The lawyers also pointed to …, Sen. John McCain") is not one name
    words = [t for t in head.subtree if not t.is_punct and not t.is_space]
    last = words[-1].i if words else head.i
    for t in head.subtree:
        if t.dep_ == "appos" and _is_name(t) and (t.head == head or t.right_edge.i >= last) \
                and not _under_taken(t, head, taken or []):
            return t
    return None


def _under_taken(tok: Token, head: Token, taken: list[CharSpan]) -> bool:
    """Is ``tok``, or a word between it and ``head`` in the tree, inside the cue or content?"""
    while tok.i != head.i and tok.head.i != tok.i:
        if any(s <= tok.idx < e for s, e in taken):
            return True
        tok = tok.head
    return False


def _actor_named(doc: Doc, name: Token, actors: list[Actor]) -> Actor | None:
    """The actor whose name or alias is the name ``name`` heads ("Big Machine"), when the actor stage
    left this mention of it out of every actor; the mention joins it."""
    toks = [t for t in name.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [name]
    start, end = toks[0].idx, name.idx + len(name.text)
    text = text_of(doc)[start:end]
    actor = next((a for a in actors if text in (a.name, *a.aliases)), None)
    if actor is not None:
        actor.mentions[:] = sorted({*actor.mentions, (start, end)})
    return actor


def agent_of(doc: Doc, cue: list[CharSpan]) -> Span | None:
    """The by-phrase of a passive cue ('was welcomed by rights advocates', 'was told by Y')."""
    ph = _phrase(doc, cue)
    if ph is None:
        return None
    for tok in ph:
        for child in tok.children:
            if child.dep_ == "agent":
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return doc[obj.left_edge.i: obj.right_edge.i + 1]
    return None


def _descriptive_speaker(doc: Doc, phrase: Span, actor: Actor | None, actors: list[Actor],
                         taken: list[CharSpan]) -> Actor | None:
    np = _noun_phrase(phrase.root, phrase, taken)
    if np is None:
        return actor
    text = text_of(doc)[np[0]:np[1]]
    if actor is not None and _covers_head(actor, phrase):
        # the actor stage resolved the phrase itself: keep its actor, named by the whole description
        if not _named(actor) and len(text) > len(actor.name) and actor.name.lower() in text.lower():
            _add_alias(actor, actor.name)
            actor.name = " ".join(text.split())
        else:
            _add_alias(actor, text)
        return actor
    existing = next((a for a in actors if a.name == " ".join(text.split())), None)
    if existing is not None:
        return existing
    kind: ActorKind = "group" if phrase.root.tag_ in ("NNS", "NNPS") else "anonymous"
    return _new_actor(actors, text, kind, np)


_PERSON_PRONOUNS = frozenset({"he", "she"})
# A possessive pronoun before a noun of saying ("his claim that …", "her repeated denials") speaks
# as its subject would; own train pages: 4 such speakers, all given by the actor stage to the
# person last named before them (Epstein for Prince Andrew's claims).
_POSSESSIVE_PRONOUNS = frozenset({"his", "her"})
# How far back (characters) a speaking 'he'/'she' looks for its person (about two paragraphs).
PRONOUN_WINDOW = 1200
# A subject of a main clause wins over a later mention that is no subject up to this many
# characters apart ("Figgins declined to say whether Thomas slept the night Epstein died. “…,” he
# said": Figgins); a subject of a subordinate clause wins over a later non-subject up to
# SUBORDINATE_BONUS. Own pages (train split): main-clause subjects first fixed 6 speakers, lost 1.
SUBJECT_BONUS = 600
SUBORDINATE_BONUS = 250
# A subject in the pronoun's own sentence beats every earlier sentence's mention.
SAME_SENTENCE_BONUS = 10 * PRONOUN_WINDOW
# How many speaking pronouns back a chain 'he … he said' is followed (each is resolved in turn).
MAX_CHAIN = 3
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_SAYING = frozenset({"say", "tell", "add", "write", "explain", "note", "argue", "insist", "continue"})


def _named_in_sentence(actor: Actor, pron: Token) -> bool:
    """Is the actor named before ``pron`` in its sentence, other than as a possessor or inside a
    noun's modifier ("knowledge of Epstein's behaviour … an alibi he cited", "his friendship with
    Epstein contradicts his claim" are not Epstein's)? An object of a verb may be the speaker
    ("did not appeal to Julie Graham, she said"). A mention inside quotation marks names nobody:
    "“I don’t think it has helped him,” he said" is not the speech of the man "him" refers to
    (PolNeAR train, 806 articles: 5 speakers changed, all right, two of them out of Barack Obama's
    and Ted Cruz's actors), nor is "''Obama doesn't get along with Putin,'' he said" Obama's (a name
    in the quote, the NYT's ''…'' marks: PolNeAR train, second identity gold, 2 quotes out of the
    wrong one of the largest actors; 160 other train articles, 1 speaker changed, right). Pronouns
    of the narrative still count: letting ``pronoun_antecedent`` decide those ("While he allowed …,
    he estimated") changed 17 speakers, 6 of them wrongly."""
    sent = pron.sent
    for s, e in actor.mentions:
        if sent.start_char <= s and e <= pron.idx:
            sp = pron.doc.char_span(s, e, alignment_mode="expand")
            if sp is not None and not quoted_at(pron.doc, s) and not _possessor(sp.root) \
                    and not _noun_modifier(sp.root) and not _in_noun_clause(sp.root) \
                    and not _supposed(sp.root):
                return True
    return False


def _in_noun_clause(tok: Token) -> bool:
    """Is the token the subject of a clause that says what the noun of a prepositional phrase is ("in
    the event that Clinton faces Trump", "despite the fact that Obama won")? Its subject is what
    the phrase is about, not who the sentence's he or she is: "Asked about her own vote in the
    event that Clinton faces Trump, she replied" is Susan Sarandon's (PolNeAR train, judged
    speakers; she then carried her chain of "she said" to Hillary Clinton)."""
    verb = tok.head
    return tok.dep_ in _SUBJECT_DEPS and verb.dep_ in ("relcl", "acl") and verb.head.pos_ == "NOUN" \
        and verb.head.dep_ == "pobj" and any(c.dep_ == "mark" for c in verb.children)


def _is_pronoun(tok: Token) -> bool:
    return tok.pos_ == "PRON" or tok.lower_ in _PERSON_PRONOUNS


def _possessor(tok: Token) -> bool:
    """'Epstein's behaviour', however the parser labels the possessor (poss, or nmod with 's); not
    a subject, whose 's is a verb: "Christie's been making the case …" (PolNeAR train, 1 quote)."""
    return tok.dep_ == "poss" or (tok.dep_ not in _SUBJECT_DEPS
                                  and any(c.dep_ == "case" for c in tok.children))


# Prepositions by which a noun names its relation to someone else ("friendship with Epstein",
# "claims about Dahl"); "to" is left out: the parser hangs names on a title's "to" ("China's
# ambassador to the UN Zhang Jun", the seed fixture).
_RELATION_PREPS = frozenset({"with", "about", "of", "against", "between", "toward", "towards", "over"})


def _noun_modifier(tok: Token) -> bool:
    """'(friendship) with Epstein': the object of a preposition of relation that modifies a noun."""
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in _RELATION_PREPS \
        and tok.head.head.pos_ in ("NOUN", "PROPN")


def _author_of_document(tok: Token) -> bool:
    """'a post from Arianna Huffington', 'a statement by the mayor', 'received an email from …': the
    author of a document, who may then be a speaking he/she ("…, according to a post from Arianna
    Huffington. “…,” she wrote": fifth identity gold, out of Hillary Clinton's actor), not an object
    of the sentence. A person by the tagger only: "an analysis by The Washington Post" took "He
    announced" from Obama (the first-name list reads "Washington" as a man's name). A name after a
    title with its own
    "for"/"of" phrase, which the parser hangs on that phrase, is the title's ("a message from
    Undersecretary for Political Affairs Wendy Sherman, … “…,” she wrote": fifth identity gold)."""
    if tok.ent_type_ != "PERSON":
        return False
    while tok.dep_ == "pobj" and tok.head.lower_ in ("for", "of") and tok.head.head.pos_ == "PROPN" \
            and tok.head.head.is_title:
        tok = tok.head.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("from", "by"):
        return False
    owner = prep.head  # "a message from X", or the verb of "received a message from X"
    return owner.lemma_.lower() in _AUTHORED or (owner.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _AUTHORED for c in owner.children))


# What a person may be the author of, for ``_author_of_document``: documents, and messages.
_AUTHORED = lx.DOCUMENT_HEADS | {"message", "note"}


def _role(tok: Token) -> str:
    """'main' (subject of a main clause or of a verb of saying), 'sub' (subject of another
    clause), 'other' or 'object'
    (an object, a possessive, or a name in apposition to one: "an address for his sister, Martha")."""
    stray = _stray_role(tok)
    if stray is not None:
        return stray
    while tok.dep_ == "appos" and tok.head is not tok:
        tok = tok.head
    tok = _named_noun(tok)
    if _author_of_document(tok):
        return "other"
    if _topic_opened(tok):
        return "main"
    speaking = _speaking_relative(tok) if tok.dep_ not in _SUBJECT_DEPS else None
    if speaking is not None:
        return "main" if _saying(speaking) else "sub"
    owned = _owned_subject(tok) if _possessor(tok) else None
    if owned is not None:
        tok = owned  # "Trump's response … has been controversial. He has proposed …"
    elif tok.dep_ in _OBJECT_DEPS or _possessor(tok):
        return "object"
    if _in_noun_clause(tok):
        return "other"
    if _misparsed_opener(tok):
        return "main"
    if tok.dep_ in _SUBJECT_DEPS:
        return "main" if main_clause(tok.head) or _saying(tok.head) or _main_in_effect(tok) else "sub"
    return "other"


def _named_noun(tok: Token) -> Token:
    """The noun a name is given to by "named"/"called": "a worker named Antonio Arroyo has nothing but
    positive things to say" makes Arroyo the subject, as "worker" is (PolNeAR train, eleventh
    identity gold: his next "he said" went to a man named as a subject before)."""
    verb = tok.head
    if tok.dep_ in ("oprd", "dobj", "attr") and verb.dep_ == "acl" and verb.lower_ in ("named", "called"):
        return verb.head
    return tok


def _stray_role(tok: Token) -> str | None:
    """The role of a name the parser hung on an earlier phrase although a verb after it has no
    other subject (``subjects.stray_subject``): "Reached by POLITICO, Hammond, the Indiana national
    committeeman, hesitated to repeat … He agreed that …, but he said …" is Hammond's (PolNeAR
    train, under a CRF that had not seen it: the he went to the man quoted before)."""
    doc = tok.doc
    k = tok.right_edge.i + 1
    while k < len(doc) and (doc[k].text == "," or doc[k].is_space):
        k += 1
    verbs = [k] if k < len(doc) else []
    verbs += [i for i in range(k + 1, tok.sent.end)
              if doc[i - 1].text == "," and doc[i].pos_ in ("VERB", "AUX")]
    for i in verbs:  # the verb right after the name, else one after a phrase set off ("Obama, for all …,
        # seems": ``subjects.stray_subject``)
        name = stray_subject(doc[i])
        if name is not None and name.i == tok.i:
            return "main" if main_clause(doc[i]) or _saying(doc[i]) else "sub"
    return None


def _misparsed_opener(tok: Token) -> bool:
    """A name that opens its sentence and that the parser made the sentence's root, hanging the
    verb on it ("Rep. Devin Nunes (R-Calif.), chairman of the House Intelligence Committee, didn't
    second-guess Comey's recommendation …, but he did call for …": "Nunes" the root, "call" its
    conjunct): the sentence's subject in all but the parse (PolNeAR train, fourth round of judged
    speakers: the next "he said" had gone to the man quoted before)."""
    opens = all(t.pos_ == "PROPN" for t in tok.doc[tok.sent.start: tok.i])
    return tok.dep_ == "ROOT" and tok.pos_ == "PROPN" and opens and _verb_below(tok)


def _verb_below(tok: Token) -> bool:
    """A verb the parser hung below ``tok``, not in a relative clause on it: "Jeb Bush and Chris
    Christie, who say …" (a sentence cut after "Govs.") has none of its own."""
    return any(c.pos_ in ("VERB", "AUX") or _verb_below(c) for c in tok.children
               if c.dep_ != "relcl")


def _owned_subject(owner: Token) -> Token | None:
    """The subject a possessor opens, when what it owns is no person ("Trump's response to the
    attacks has been controversial. He has proposed …", "One of Trump's earlier jeremiads came in
    February, when he told Fox News …"): the sentence is about the owner, whose role it takes
    (centering's possessor of the subject).
    Not "Obama's spokesman said" or "Clinton's campaign said", whose subject acts on its own (a
    document speaks for its owner: "Trump's statement said …"), nor after a named person who is a
    subject in its sentence ("Mr. Graham said, Mr. Trump's jabs … were unacceptable": Graham's).
    PolNeAR train, fourth round of judged speakers (development half): 2 of 18 wrong pronoun
    speakers were such owners' (the person named as a subject before had taken them)."""
    head = owner.head
    if _someone(head) or any(t.dep_ in _SUBJECT_DEPS and t.ent_type_ == "PERSON"
                             for t in owner.doc[owner.sent.start: owner.i]):
        return None  # "Like his comments, Mr. Graham said, Mr. Trump's jabs were unacceptable"
    while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i != head.head.i:
        head = head.head.head  # "One of Trump's jeremiads": the subject is "One"
    return head if head.dep_ in _SUBJECT_DEPS and not _someone(head) else None


def _someone(head: Token) -> bool:
    """A noun that may name who acts or speaks, or a part of an organisation ("Universal's music
    division provided some demos": Universal is no person whose he follows; own pages); a document
    speaks for its owner ("Trump's statement")."""
    lemma = head.lemma_.lower()
    return (is_animate_head(head) or lemma in lx.ORG_PARTS) and lemma not in lx.DOCUMENT_HEADS


def _main_in_effect(tok: Token) -> bool:
    """'the Turkish government declared Oksuz was a leader of the plot. He was briefly detained',
    'That is pretty much what Mr. Trump has threatened to do. … he vows': the subject of a clause in
    a sentence whose main clause has no person for subject is that sentence's person, as a main
    clause's subject would be (PolNeAR train, judged speakers: both "he"s went to a man named before
    as a main subject), or whose root is a participle with no subject the parser put before it ("Asked
    later - war or not - the admiral chuckled. “…,” he said"). Not when a person is the main subject
    ("Mr. Hanify said that Mr. Trump had …, he estimated" is Hanify's)."""
    verb = tok.head
    while verb.dep_ not in ("ROOT", "parataxis") and verb.head.i != verb.i:
        verb = verb.head
    if verb.i == tok.head.i:
        return False
    main = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if main is None:  # "Asked later - war or not - the admiral chuckled": a fronted participle as root
        return verb.tag_ in ("VBN", "VBG") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return _no_person(main)


# Pronouns that never stand for a person: a main clause with one of them as subject has no person.
_THING_PRONOUNS = {"it", "this", "that", "what", "which", "there"}


def _no_person(subject: Token) -> bool:
    """A subject that is known to name no person: a body or a document by its noun ("the Turkish
    government", "the report"), "it"/"that". A name is not, whatever the tagger says, and any other
    noun may be a person ("One superdelegate, … Nancy Worley, pledged her vote to Clinton": PolNeAR
    train, where a first version that took every noun outside the person lists, and every name the
    tagger called an organisation, for a thing gave five "he"/"she" to the wrong person)."""
    if subject.pos_ in ("PRON", "DET"):
        return subject.lower_ in _THING_PRONOUNS
    lemma = subject.lemma_.lower()
    return subject.pos_ == "NOUN" and (lemma in ORG_NOUNS or lemma in lx.DOCUMENT_HEADS)


def _speaking_relative(tok: Token) -> Token | None:
    """The verb of a relative clause on ``tok`` whose subject is "who" ("… would involve Attorney
    General Loretta E. Lynch, who told Congress …": an object that is the subject of what follows;
    PolNeAR train, her next "She added" went to Hillary Clinton), else None. Not a name in a
    coordination, whose "who" is all of them: "his rivals, Jeb Bush and Chris Christie, who say …"."""
    if tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children):
        return None
    for clause in tok.children:
        if clause.dep_ == "relcl" and any(c.dep_ in _SUBJECT_DEPS and c.lower_ == "who"
                                          for c in clause.children):
            return clause
    return None


def _topic_opened(tok: Token) -> bool:
    """'As for Trump, he said he's not worried': the topic an 'as for' (or 'the case of') opens is
    who the sentence's he or she is (PolNeAR train, 2 quotes given to the speaker before)."""
    prep = tok.head
    if _presented(tok):
        return True
    if tok.dep_ != "pobj":
        return False
    if prep.lower_ == "of" and prep.head.lemma_.lower() in _TOPIC_NOUNS:
        return True  # "Consider the case of Ms. Shanklin-Hawkins. While she says …" (PolNeAR train)
    return prep.lower_ == "for" and ((prep.i > 0 and prep.nbor(-1).lower_ == "as") or _for_opener(prep))


def _for_opener(prep: Token) -> bool:
    """"For Perez and the others whose names are being tossed around, that means it is best to
    deflect questions. “…,” he says": a "for" phrase that opens its sentence, set off by a comma,
    says whose situation the sentence is (PolNeAR train, held-out identity errors: it went to Evan
    Bayh, the subject three sentences back)."""
    sent = prep.sent
    first = next((t for t in sent if not (t.is_punct or t.is_space or t.dep_ == "cc")), None)
    end = prep.right_edge.i + 1
    return first is not None and first.i == prep.i and end < len(prep.doc) and prep.doc[end].text == ","


def _presented(tok: Token) -> bool:
    """'Then there's Axelrod.': a name an existential sentence brings in, with nothing after it but
    a time and a participle that says what the person was doing, is who the next he or she is
    (PolNeAR train, eleventh identity gold: the "he wrote" after it went to Obama, the subject of the
    paragraph before; "So there was Mr. Hannity last week, devoting one of his shows to a town
    hall-style meeting with Mr. Trump … the debunked claim that Mr. Trump opposed …", held-out
    identity errors: its "He showed a video" went to Trump)."""
    verb = tok.head
    there = any(c.dep_ == "expl" and c.lower_ == "there" for c in verb.children)
    return tok.dep_ in ("attr", "nsubj") and there \
        and all(_presenting(c) for c in verb.rights if c.i > tok.right_edge.i)


def _presenting(tok: Token) -> bool:
    """A word after an existential's name that keeps the name presented: punctuation, a time
    ("last week"), a participle ("devoting …")."""
    return tok.is_punct or tok.is_space or tok.dep_ in ("npadvmod", "advmod") \
        or (tok.dep_ in ("advcl", "acl") and tok.tag_ in ("VBG", "VBN"))


# Nouns whose "of" names the person a passage turns to: "Consider the case of X". (Not "example":
# "Reid raised the example of Obama in 2008 …" is still Reid's passage; PolNeAR train.)
_TOPIC_NOUNS = {"case"}


def _saying(verb: Token) -> bool:
    """A verb of saying; "continue" only when it says ("“…,” he continued"), not when it carries
    another verb: "said Trump continued to hurt his cause" (PolNeAR train, fifth identity gold: its
    subject had outranked the one who said it)."""
    lemma = verb.lemma_.lower()
    if lemma == "continue" and any(c.dep_ == "xcomp" for c in verb.children):
        return False
    return lemma in _SAYING


def _salience(tok: Token, pron: Token) -> int | None:
    """Sort key of a candidate antecedent: a subject in the pronoun's own sentence first ("When
    Ghani announced the deal, he said …"), then later is better, subjects of main clauses most,
    also within the pronoun's sentence: "Broaddrick said Clinton placed calls to her, and that she
    had her staff field them" is Broaddrick's she."""
    role = _role(tok)
    if role == "object":
        return None
    if tok.sent.start == pron.sent.start and role in ("main", "sub") and not _supposed(tok):
        return tok.idx + SAME_SENTENCE_BONUS + (SUBJECT_BONUS if role == "main" else 0)
    return tok.idx + {"main": SUBJECT_BONUS, "sub": SUBORDINATE_BONUS}.get(role, 0)


def _supposed(tok: Token) -> bool:
    """A word of an "if" or "unless" clause: someone the sentence supposes something of, not
    the one who speaks in it ("Bennett does not feel the same way about Sanders. If Trump doesn't
    become the Republican nominee, he said he would settle for one of the reality TV star's
    rivals": Bennett's; PolNeAR train, sixth identity gold, where it went to Trump)."""
    clause = next((t for t in tok.ancestors if t.dep_ == "advcl"), None)
    return clause is not None and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                      for c in clause.children)


# Longest name (words) read as a person's when the actor stage typed it an organisation.
MAX_PERSON_NAME_WORDS = 3


def person_like(doc: Doc, actor: Actor) -> bool:
    """A person, or a name the actor stage typed as an organisation that is a person's by its form
    and use: two or three capitalised words, the first a first name of the offline list, the last no
    organisation's ending, and referred to by its surname alone ("Claure said") or followed by
    "who" ("Montell Figgins, who represents …"); not "Goldman Sachs", which the first-name list
    would let through. Own train pages: 2 speaking he's went to the previous person because their
    antecedent was typed so."""
    if actor.kind == "person":
        return True
    words = actor.name.split()
    if actor.kind != "organization" or not 2 <= len(words) <= MAX_PERSON_NAME_WORDS \
            or not all(w[:1].isupper() for w in words) or name_list_gender(words[0]) is None \
            or words[-1].lower().strip(".") in lx.ORG_SUFFIXES:
        return False
    text = text_of(doc)
    surname = any(text[s:e] == words[-1] for s, e in actor.mentions)
    return surname or any(re.match(r",?\s*who\b", text[e:e + 8]) is not None or _after_role(doc, s)
                          for s, e in actor.mentions)


def _after_role(doc: Doc, start: int) -> bool:
    """Is the word right before a name a person's title or role ("Former Hewlett-Packard CEO Carly
    Fiorina": a person the tagger typed an organisation, whose "she said" went to a man of unknown
    gender; PolNeAR train, judged speakers)?"""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    return before.lemma_.lower() in lx.ROLE_NOUNS or before.lower_ in lx.ROLE_ACRONYMS


def _gender(actor: Actor, genders: Mapping[str, str]) -> str | None:
    """The actor's gender as the actor stage knows it, else (an organisation-typed person name)
    from its first name."""
    if actor.id in genders or actor.kind == "person":
        return genders.get(actor.id)
    found = name_list_gender(actor.name.split()[0]) if actor.name else None
    return {"female": "f", "male": "m"}.get(found or "")


def described_gender(doc: Doc, actor: Actor) -> str | None:
    """The gender the noun of an unnamed person's description says ("a 29-year-old Berlin woman",
    "the man"): "f"/"m"; None for a named actor, a plural or a noun that says none. A speaking
    he/she may refer back to such a person: "A woman was fined after she posted comments. “…,”
    she wrote" went to a newspaper the tagger typed a person, the one named person before it.
    PolNeAR train, 320 articles: 2 speakers."""
    if _named(actor):
        return None
    for s, e in actor.mentions:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None and sp.root.pos_ != "PRON":
            return _noun_gender(sp.root) if sp.root.tag_ == "NN" else None
    return None


def _name_candidates(doc: Doc, pron: Token, actors: list[Actor]) -> list[tuple[int, Actor]]:
    """(salience, actor) of the named persons' (and gendered descriptions') non-pronoun mentions
    before ``pron``, and of the unnamed people of ``_unnamed_subject``: "One California delegate said
    he tried … He was unable to find a single taker, he said … “Not even one,” he said" is the
    delegate's to the end (PolNeAR train, eleventh identity gold: the chain of he's had found no one
    in the first sentence and reached Trump, named further back)."""
    out: list[tuple[int, Actor]] = []
    own_sentence = pron.sent.start_char + SAME_SENTENCE_BONUS
    for a in actors:
        unnamed = not (person_like(doc, a) and a.name[:1].isupper()) and described_gender(doc, a) is None
        if unnamed and a.kind != "anonymous":
            continue
        for s, e in a.mentions:
            if e > pron.idx or pron.idx - s > PRONOUN_WINDOW or quoted_at(doc, s) \
                    or aside_closed(doc, s, pron.idx):
                continue
            sp = doc.char_span(s, e, alignment_mode="expand")
            if sp is None or sp.root.lower_ in _PERSON_PRONOUNS or sp.root.pos_ == "PRON":
                continue  # pronouns are followed as chains below, not through the actor stage
            key = _salience(sp.root, pron)
            if key is None and s == min(a.mentions)[0] and _introduced_just_before(sp, pron) \
                    and not _named_between(actors, a, e, pron.idx):
                key = sp.root.idx + INTRODUCED_BONUS
            if key is not None and (not unnamed or _unnamed_subject(sp.root, key >= own_sentence)):
                out.append((key, a))
    return out


# A person the sentence before the pronoun's brings in, by a first mention with a description in
# apposition, outranks the subject of an earlier sentence, though named as an object ("Clinton made
# an appearance of sorts, courtesy of Wes Nakagiri, a delegate from Michigan who dressed up in a
# prison outfit … “I heard …,” he said": PolNeAR train, held-out identity errors, it went to Trump,
# the subject two sentences back), when no other candidate is named after it; not the subject of
# its own sentence: less than SUBJECT_BONUS by more than a clause's length. Not fitted.
INTRODUCED_BONUS = 450


def _named_between(actors: list[Actor], actor: Actor, start: int, end: int) -> bool:
    """Does another of the candidate people have a mention between ``start`` and ``end``? ("the
    parents of Capt. Humayun Khan, the Muslim soldier who died … she drew Trump's ire - he called
    her": Trump is named after the soldier.)"""
    return any(b is not actor and b.kind == "person" and any(start <= s < end for s, _ in b.mentions)
               for b in actors)


def _introduced_just_before(name: Span, pron: Token) -> bool:
    """Is ``name`` (an actor's first mention) given a description in apposition ("Wes Nakagiri, a
    delegate from Michigan") in the sentence right before the pronoun's?"""
    root = name.root
    described = any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in root.children)
    return described and root.sent.end == pron.sent.start


def _unnamed_subject(head: Token, same_sentence: bool) -> bool:
    """One unnamed person (an anonymous actor headed by a singular role noun: "One California
    delegate", "a senior aide") as a subject in the pronoun's own sentence. Not further back: as
    the subject of any main clause before, "a reporter", "one voter" and "the crowd" took the he or
    she of the person who answered them (PolNeAR train, 12 of 35 speakers changed, most wrongly)."""
    lemma = head.lemma_.lower()
    return same_sentence and head.tag_ == "NN" and not _plural(head) \
        and (lemma in lx.ROLE_NOUNS or lemma in lx.ANONYMOUS_HEADS)


def _surname_word_candidates(doc: Doc, pron: Token, actors: list[Actor]) -> list[tuple[int, Actor]]:
    """(salience, actor) of capitalised words before ``pron`` that are the last word of exactly one
    named person's full name and that no actor mention covers: a surname that is also a common word
    ("Early says there is a possibility …. “…,” he says" is Chris Early's), which the actor stage
    does not take for a name."""
    bearers = _sole_bearers(actors)
    covered = [sp for a in actors for sp in a.mentions]
    out: list[tuple[int, Actor]] = []
    for tok in doc[max(0, pron.i - 400): pron.i]:
        bearer = bearers.get(tok.text)
        if bearer is None or tok.pos_ == "PROPN" or pron.idx - tok.idx > PRONOUN_WINDOW \
                or any(s <= tok.idx < e for s, e in covered) or quoted_at(doc, tok.idx):
            continue
        key = _salience(tok, pron)
        if _misread_subject(tok):
            key = tok.idx + (SAME_SENTENCE_BONUS if tok.sent.start == pron.sent.start else SUBJECT_BONUS)
        if key is not None:
            out.append((key, bearer))
    return out


def _sole_bearers(actors: list[Actor]) -> dict[str, Actor]:
    """Last word of a named person's full name → that person, for the words only one of them bears."""
    by_surname: dict[str, list[Actor]] = {}
    for a in actors:
        if a.kind == "person" and len(a.name.split()) > 1:
            by_surname.setdefault(a.name.split()[-1], []).append(a)
    return {word: hits[0] for word, hits in by_surname.items() if len(hits) == 1}


def _misread_subject(tok: Token) -> bool:
    """'Early says …': a word the parser hung on a verb with no subject, right before it, as an
    adverb or modifier; it is the verb's subject. Not after a preposition, nor before a verb whose
    subject is "there": "Barbknecht said that like Early, there are sure to be …" names Early as a
    comparison (PolNeAR train, fourth round of judged speakers: the next "he said" went to Early)."""
    verb = tok.head
    after_preposition = tok.i > 0 and tok.doc[tok.i - 1].pos_ == "ADP"
    return verb.pos_ in ("VERB", "AUX") and tok.i < verb.i and tok.dep_ in ("advmod", "npadvmod", "amod") \
        and not after_preposition and not any(c.dep_ in _SUBJECT_DEPS | {"expl"} for c in verb.children)


def _chain_candidates(doc: Doc, pron: Token, actors: list[Actor], depth: int) -> list[tuple[int, Actor]]:
    """(salience, actor) of the same pronoun used earlier as a subject, each resolved in turn:
    'Andrew claims … he was photographed … He told the BBC: “…”' stays with Andrew. The nearest
    sentence's main-clause pronoun carries the chain before one in its subordinate clause: "He
    declared that …, Donald Trump would have a path, which he declared a disaster. He noted …" is
    the first he's (PolNeAR train, 2 quotes given to Trump)."""
    if depth >= MAX_CHAIN:
        return []
    out: list[tuple[int, Actor]] = []
    nearest: Token | None = None
    for tok in reversed(doc[max(0, pron.sent.start - 60): pron.i]):
        if pron.idx - tok.idx > PRONOUN_WINDOW or (nearest is not None
                                                   and tok.sent.start != nearest.sent.start):
            break
        if _PRONOUN_GENDER.get(tok.lower_) != _PRONOUN_GENDER[pron.lower_] or tok.dep_ not in _SUBJECT_DEPS \
                or quoted_at(doc, tok.idx) or aside_closed(doc, tok.idx, pron.idx):
            continue
        nearest = nearest or tok
        if _role(tok) == "main":
            nearest = tok
            break
    if nearest is not None:
        ante = pronoun_antecedent(doc, nearest, actors, depth + 1)
        key = _salience(nearest, pron)
        if ante is not None and key is not None:
            out.append((key, ante))
    return out


def pronoun_antecedent(doc: Doc, pron: Token, actors: list[Actor], depth: int = 0) -> Actor | None:
    """The person a speaking 'he'/'she' refers to: the latest earlier mention of a named person,
    subjects of main clauses first, then other subjects, then mentions that are no object, outside
    quotations; an earlier 'he'/'she' subject passes on its own antecedent. The topic or object of
    a sentence ("met Ivan Petrov", "a photo of Epstein", "an address for his sister, Martha Fry")
    is not taken."""
    cands = (_name_candidates(doc, pron, actors) + _surname_word_candidates(doc, pron, actors)
             + _chain_candidates(doc, pron, actors, depth))
    if not cands:
        return None
    return max(cands, key=lambda c: c[0])[1]


_PRONOUN_GENDER = {"he": "m", "she": "f", "his": "m", "her": "f"}


def named_in_quote(actor: Actor, att: Attribution, doc: Doc) -> bool:
    """Whether the attribution's content names the actor (a mention headed by a proper noun; a
    pronoun or a description in it may be the speaker's own): people seldom speak of themselves by
    name, so "He said Trump was wrong" is not Trump's. The cue's "said of Trump" names whom the
    words are about the same way (``_spoken_of``). A name that only modifies a noun in a reporter's
    paraphrase does not: "He said that the Cruz campaign's announcement, which some have argued was
    intended to get Carson supporters to caucus for Cruz, …" is Ben Carson's (PolNeAR train, fourth
    round of judged speakers)."""
    named = any(quoted_at(doc, sp.start_char) or sp.root.dep_ != "compound"
                for sp in _names_in_content(actor, att, doc))
    return named or _spoken_of(actor, att, doc)


def _spoken_of(actor: Actor, att: Attribution, doc: Doc) -> bool:
    """Does the cue say whom the words are about ("…,” the real estate developer said of Mr.
    Clinton", "she said about Smith")? That person is not the speaker (PolNeAR train: the quote
    went to Bill Clinton)."""
    for s, e in actor.mentions:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is None or sp.root.pos_ != "PROPN" or sp.root.dep_ != "pobj":
            continue
        prep = sp.root.head
        if prep.lower_ in ("of", "about") and any(cs <= prep.head.idx < ce for cs, ce in att.cue):
            return True
    return False


def _names_in_content(actor: Actor, att: Attribution, doc: Doc) -> Iterator[Span]:
    """The actor's mentions inside the attribution's content that are headed by a proper noun."""
    for s, e in actor.mentions:
        if any(cs <= s and e <= ce for cs, ce in att.content):
            sp = doc.char_span(s, e, alignment_mode="expand")
            if sp is not None and sp.root.pos_ == "PROPN":
                yield sp


def pronoun_speaker(doc: Doc, att: Attribution, pron: Token, actor: Actor | None, actors: list[Actor],
                    genders: Mapping[str, str]) -> Actor | None:
    """The person a speaking 'he'/'she' is: only people of its gender (when their names or
    pronouns tell it) whom the quote does not name are candidates; the actor stage's antecedent
    when it is named in the pronoun's own sentence, else ``pronoun_antecedent``; None when no
    candidate is left (the speaker is unknown, not the nearest name)."""
    want = _PRONOUN_GENDER[pron.lower_]
    fitting = [a for a in actors if (_gender(a, genders) or described_gender(doc, a) or want) == want
               and (not named_in_quote(a, att, doc) or _main_subject_here(a, pron))
               and not _introduced_in_content(a, att)]
    ahead = _cataphoric_subject(pron, fitting)
    if ahead is not None:
        return ahead
    fits = actor is not None and any(a is actor for a in fitting)
    if fits and actor is not None and _named_in_sentence(actor, pron):
        main = _main_subject_before(doc, pron, fitting)
        return main if main is not None and main is not actor else actor
    return pronoun_antecedent(doc, pron, fitting) or (actor if fits else None)


def _main_subject_here(actor: Actor, pron: Token) -> bool:
    """Is the actor the subject of a main clause of the pronoun's own sentence, before it and outside
    quotation marks? Then a quote naming them is still theirs: "Trump returned to ethnicity at a
    rally, where he suggested Curiel was from Mexico: “… the Mexicans are going to end up loving
    Donald Trump”" (PolNeAR train, eleventh identity gold: it went to a law professor quoted before)."""
    sent = pron.sent
    for s, e in actor.mentions:
        if sent.start_char <= s and e <= pron.idx and not quoted_at(pron.doc, s):
            sp = pron.doc.char_span(s, e, alignment_mode="expand")
            if sp is not None and sp.root.dep_ in _SUBJECT_DEPS and main_clause(sp.root.head):
                return True
    return False


def _introduced_in_content(actor: Actor, att: Attribution) -> bool:
    """An unnamed actor first mentioned inside the attribution's own content is what was said, not
    who said it: "A new campaign manager, he said, could set a new tone" (PolNeAR train, tenth
    identity gold: the "he" had joined the campaign manager)."""
    if _named(actor) or not actor.mentions:
        return False
    s, e = min(actor.mentions)
    return any(cs <= s and e <= ce for cs, ce in att.content)


def _cataphoric_subject(pron: Token, actors: list[Actor]) -> Actor | None:
    """The named subject of the main clause a pronoun's fronted clause leads into: "Ever since she
    endorsed Mrs. Clinton this month, Ms. Warren has been a powerful surrogate" — the she is Warren's
    (PolNeAR train, fifth round of judged speakers, where it went to Clinton)."""
    verb = pron.head
    if pron.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "advcl" or verb.i > verb.head.i:
        return None
    subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "PROPN" or subject.i < verb.right_edge.i:
        return None
    found = _actor_at(actors, subject.idx, subject.idx + len(subject.text))
    return found if found is not None and found.kind == "person" else None


def _main_subject_before(doc: Doc, pron: Token, actors: list[Actor]) -> Actor | None:
    """The latest person named before ``pron`` as the subject of a main clause of its own sentence,
    if any."""
    floor = pron.sent.start_char + SAME_SENTENCE_BONUS + SUBJECT_BONUS
    mains = [(key, a) for key, a in _name_candidates(doc, pron, actors) if key >= floor]
    return max(mains, key=lambda c: c[0])[1] if mains else None


def _introduced_other(doc: Doc, phrase: Span, actor: Actor, actors: list[Actor]) -> bool:
    """The actor stage gave a definite description ("the group") a named actor of its kind, but
    another actor, not that one, was named in apposition with the same noun before it
    (``_introduced_as``): the description is to be resolved again."""
    lemma = phrase.root.lemma_.lower()
    if _introduced_as(doc, actor, lemma, phrase.start_char):
        return False
    start = phrase.start_char
    return any(a is not actor and _kind_fits(a, phrase.root) and _introduced_as(doc, a, lemma, start)
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
    ``_spoken_of``)."""
    if actor is None or actor.kind != "person":
        return False
    return any(quoted_at(doc, sp.start_char) or _subject_of_content(sp.root, att)
               for sp in _names_in_content(actor, att, doc)) or _spoken_of(actor, att, doc)


def _subject_of_content(tok: Token, att: Attribution) -> bool:
    """``tok`` is the subject of the verb that heads the content (its head lies outside it)."""
    verb = tok.head
    inside = any(cs <= verb.head.idx < ce for cs, ce in att.content)
    return tok.dep_ in ("nsubj", "nsubjpass") and (verb.dep_ == "ROOT" or not inside)


def _plural(head: Token) -> bool:
    """A plural noun, or nouns joined ("The State Department and the Department of Homeland Security"
    are "the departments")."""
    return head.tag_ in _PLURAL_TAGS or any(c.dep_ == "conj" for c in head.children)


def _same_noun_unnamed(phrase: Span, actor: Actor) -> bool:
    """The actor stage joined a definite description to an unnamed actor introduced before by the
    same noun ("a senior law enforcement official ... The official said"): that is the one it
    repeats, not the latest named subject of its kind (``definite``). Train development gold and
    100 other PolNeAR train articles: such a repeat went to Hillary Clinton. A description that
    fitted no one (its own new actor) is still given to ``definite``: on PolNeAR train that guess
    was mostly wrong ("The board" to Compaq, "The candidate" to Jeb Bush: 13 of 18 read), but on the
    project's own train pages it is mostly right ("the German automaker" is Volkswagen, "the British
    royal" Prince Andrew, "the company" McClatchy: 3 usable quotes lost when it was left out)."""
    if _named(actor) or not _covers_head(actor, phrase) \
            or not any(s < phrase.start_char for s, _ in actor.mentions):
        return False
    head = phrase.root
    nouns = {(actor.role or "").lower(), *(w.lower() for w in actor.name.split()[-1:])}
    for s, e in actor.mentions:  # "a separate intelligence source familiar with the investigation"
        sp = phrase.doc.char_span(s, e, alignment_mode="expand")
        if sp is not None and s < phrase.start_char and _plural(sp.root) == _plural(head):
            nouns.add(sp.root.lemma_.lower())
    return head.lemma_.lower() in nouns or head.lower_ in nouns


# Heads of descriptions that speak for a place's, a medium's or a trade's people ("the state said",
# "the site reported", "the industry warned") although no list of people or bodies holds them
# ("businesses", "both sides" and "camp" are animate heads, lexicon.ANIMATE_HEADS).
_SPEAKING_PLACES = _words("""
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
    no list holds ("harbour pilots") are spared by the second condition."""
    root = phrase.root
    if root.pos_ != "NOUN" or root.ent_type_ \
            or any(t.pos_ == "PROPN" for t in root.lefts if t.dep_ == "compound"):
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


# Personal pronouns: alone as a source they name no one ("Everyone", "Others", "Those familiar with
# the plan" are sources of their own).
_PERSONAL_PRONOUNS = _words("he she it they him her them his its their")


def unresolved_pronoun(doc: Doc, mention: list[CharSpan], actor: Actor | None) -> bool:
    """Whether the quote's source is a personal pronoun ("she", "they", "His") for which the rules
    found no one: a reader cannot tell who said it (the report shows "speaker unknown")."""
    if actor is not None:
        return False
    words = [t for t in (_phrase(doc, mention) or []) if not t.is_punct and not t.is_space]
    return len(words) == 1 and words[0].lower_ in _PERSONAL_PRONOUNS


def neuter_or_plural_pronoun(doc: Doc, mention: list[CharSpan]) -> bool:
    """Whether the quote's source is 'they' or 'it' alone ("they said", "it confirmed"): the speaker
    rules resolve only he/she, so its actor is the actor stage's guess."""
    words = [t for t in (_phrase(doc, mention) or []) if not t.is_punct and not t.is_space]
    return len(words) == 1 and words[0].lower_ in ("they", "it", "them", "their", "its")


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
    found = _actor_at(actors, head.idx, head.idx + len(head.text))
    if found is not None:
        _add_alias(found, whole.text)
        return found
    text = " ".join(whole.text.split())
    kind: ActorKind = "group" if head.tag_ in _PLURAL_TAGS else "anonymous"
    return next((a for a in actors if a.name == text), None) or _new_actor(
        actors, text, kind, (whole.start_char, whole.end_char))


def _surname_actor(phrase: Span, actor: Actor | None, actors: list[Actor]) -> Actor | None:
    """'Scissors, who consults …, said': a one-word source that is the last word of exactly one
    named person's full name is that person, also when the word is a common noun or adverb
    (Scissors, Early, Young) that the actor stage did not join to the name."""
    words = [t for t in phrase if not t.is_punct and not t.is_space]
    if len(words) != 1 or not words[0].text[:1].isupper() or words[0].pos_ == "PRON":
        return None
    if actor is not None and _named(actor) and (len(actor.name.split()) > 1 or actor.kind == "person"):
        return None  # the actor stage found the full name already, or made the word a person of its own
    return _sole_bearers(actors).get(words[0].text)


def _unsourced(doc: Doc, att: Attribution, actor: Actor | None,
               actors: list[Actor]) -> tuple[list[CharSpan], Actor | None]:
    """The mention and actor of an attribution the actor stage gave no speaker mention: a passive
    cue's by-agent, else the extractor's source (a signature, a transcript name)."""
    mention: list[CharSpan] = []
    if att.cue:
        agent = agent_of(doc, list(att.cue))
        if agent is not None:
            mention = [(agent.start_char, agent.end_char)]
            actor = _actor_at(actors, agent.start_char, agent.end_char)
    if not mention and att.source:
        mention = list(att.source)  # a source the actor stage set aside (a signature, a transcript name)
        actor = _actor_at(actors, mention[0][0], mention[-1][1])
        phrase = _phrase(doc, mention)
        if actor is None and phrase is not None and _capitalised_words(phrase):
            actor = _new_actor(actors, phrase.text, "person", (phrase.start_char, phrase.end_char))
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
    agent = agent_of(doc, list(att.cue))
    cue = _phrase(doc, list(att.cue))
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


def _possessed_other(doc: Doc, phrase: Span, actor: Actor, mention: list[CharSpan]) -> bool:
    """'The suspects' lawyer said': a common noun with a possessor names someone by relation to the
    possessor; a named person is that someone only if the page describes them with the same noun
    elsewhere ("Carla Diaz, the suspects' lawyer")."""
    head = phrase.root
    if head.pos_ != "NOUN" or not any(c.dep_ == "poss" for c in head.children) or not _named(actor) \
            or actor.kind != "person":
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
            return tok.head if _is_name(tok.head) else None
        tok = tok.head
    return None


def _subject_of(tok: Token, verb: Token) -> bool:
    """``tok`` is the verb's subject or the object of its passive by-agent."""
    if tok.dep_ in _SUBJECT_DEPS:
        return tok.head.i == verb.i
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.i == verb.i


def _possessive_relative_speaks(phrase: Span, att: Attribution) -> bool:
    """'The ruling was a setback for Trump, whose attorneys argued that …': a phrase with a possessive
    relative that is the subject of the cue itself speaks (the attorneys), not the name its clause
    describes; "Mrs. Clinton -- whose husband signed the act -- has derided …" is still hers (the
    cue is outside the clause). PolNeAR train, 806 articles: 2 speakers, both right ("whose
    attorneys" out of Donald Trump, "whose campaign" out of Bernie Sanders)."""
    root = phrase.root
    return any(t.tag_ == "WP$" for t in phrase) and root.dep_ in _SUBJECT_DEPS \
        and any(s <= root.head.idx < e for s, e in att.cue)


def _relative_owner(doc: Doc, phrase: Span | None, actors: list[Actor]) -> Actor | None:
    """A relative pronoun the actor stage left unresolved as the source ("Mr. Trump, who has
    criticized …"): the actor of the name its clause describes, else None."""
    if phrase is None or phrase.root.tag_ not in _RELATIVE_TAGS:
        return None
    owner = _clause_owner(phrase)
    return _name_speaker(doc, owner, actors)[1] if owner is not None else None


def _in_entity_of(doc: Doc, actor: Actor, head: Token) -> bool:
    """Does one of the actor's mentions lie inside the named entity ``head`` belongs to ("the Inspector
    General" in "NASA's Office of the Inspector General")? Then it is that name's actor."""
    ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
    return ent is not None and any(ent.start_char <= s and e <= ent.end_char for s, e in actor.mentions)


def _name_speaker(doc: Doc, name: Token, actors: list[Actor]) -> tuple[list[CharSpan], Actor | None]:
    """The mention and actor of the name ``name`` heads: its actor, else one made of the name (a
    person or an organisation as the tagger's entity says). Used when the actor stage put the source
    on a word inside the name's apposition or modifier ("the People's Daily, the mouthpiece of the
    Communist party" went to "Communist"; development pages: 1 quote)."""
    start = name.left_edge.i if name.left_edge.i < name.i and name.left_edge.sent == name.sent else name.i
    toks = [t for t in doc[start:name.i + 1] if t.ent_type_ or t.i == name.i or t.dep_ in ("compound", "det")]
    ent = next((e for e in doc.ents if e.start <= name.i < e.end), None)
    span = (toks[0].idx, max(name.idx + len(name.text), ent.end_char if ent is not None else 0))
    if ent is not None and ent.label_ == "PERSON":
        span = (ent.start_char, ent.end_char)  # "Texas delegate Bill Eastland": the person's name
    found = _actor_at(actors, name.idx, name.idx + len(name.text)) or _actor_named(doc, name, actors)
    if found is None and name.ent_type_ in ("ORG", "PERSON"):
        kind: ActorKind = "person" if name.ent_type_ == "PERSON" else "organization"
        found = _new_actor(actors, text_of(doc)[span[0]:span[1]], kind, span)
    return [span], found


def _misread_source(doc: Doc, att: Attribution, phrase: Span, mention: list[CharSpan], actor: Actor | None,
                    actors: list[Actor]) -> tuple[list[CharSpan], Actor | None] | None:
    """A source the parser or the actor stage misread: a relative clause's noun taken for a second
    subject, a surname that is a common word, a thing that cannot speak (speaker unknown)."""
    two = _first_of_two_subjects(doc, phrase)
    if two is not None:
        return [(two[0].start_char, two[0].end_char)], _subject_phrase_speaker(*two, actors)
    second = _second_of_two_names(phrase)
    if second is not None:
        return _name_speaker(doc, second, actors)
    wearer = _name_before_participle(phrase)
    if wearer is not None:
        return _name_speaker(doc, wearer, actors)
    if actor is not None and _document_about(phrase, actor):
        return mention, None
    aside = _aside_source(phrase, att)
    if aside is not None:
        return [(aside.start_char, aside.end_char)], _own_speaker(doc, aside, None, actors,
                                                                  list(att.content) + list(att.cue))
    owner = None if _possessive_relative_speaks(phrase, att) else _clause_owner(phrase, att)
    if owner is not None:
        return _name_speaker(doc, owner, actors)
    if _is_name(phrase.root) and actor is not None and not _covers_head(actor, phrase) \
            and phrase.root.ent_type_ in ("ORG", "PERSON") and not _in_entity_of(doc, actor, phrase.root):
        return _name_speaker(doc, phrase.root, actors)  # "the People's Daily, the mouthpiece of the party"
    surname = _surname_actor(phrase, actor, actors)
    if surname is not None:
        surname.mentions[:] = sorted({*surname.mentions, *mention})
        return mention, surname
    if _not_a_speaker(phrase, _phrase(doc, list(att.cue))):
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
    if not _is_name(root) or root.dep_ not in _SUBJECT_DEPS:
        return None
    aside = next((c for c in root.children if c.dep_ == "appos" and any(
        d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)), None)
    if aside is None or aside.right_edge.i + 1 >= len(doc):
        return None
    cue = doc[aside.right_edge.i + 1]
    if not any(s <= cue.idx < e for s, e in att.cue) or cue.i + 1 >= len(doc) or doc[cue.i + 1].text != ",":
        return None
    return doc[aside.left_edge.i: aside.right_edge.i + 1]


def _relaying_subject(doc: Doc, att: Attribution) -> Token | None:
    """'“…,” he said, according to the Gazette' / '“…,” he told supporters, according to a statement':
    a quote relayed by a medium or a document has the subject of its verb of saying as speaker, not
    the medium. The subject of the nearest verb of saying before 'according to' in its sentence,
    outside quotation marks. Development pages: 2 such quotes, both given to the medium."""
    cue = _phrase(doc, list(att.cue))
    if cue is None or cue[0].lower_ != "according":
        return None
    for tok in reversed(doc[cue.sent.start: cue.start]):
        if tok.lemma_.lower() in _SAYING and tok.pos_ == "VERB" and not quoted_at(doc, tok.idx):
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None and (subject.pos_ == "PROPN" or subject.lower_ in _PERSON_PRONOUNS):
                return subject
    return None


def _source_mention(doc: Doc, att: Attribution, mention: list[CharSpan], actor: Actor | None,
                    actors: list[Actor]) -> tuple[list[CharSpan], Actor | None]:
    """The source mention the rules start from: the actor stage's, else a passive agent or the
    extractor's source (``_unsourced``); the subject of a relayed quote's verb of saying first."""
    if not mention:
        mention, actor = _unsourced(doc, att, actor, actors)
    agent = _passive_agent(doc, att, mention)
    if agent is not None:
        mention = [(agent.start_char, agent.end_char)]
        actor = _actor_at(actors, *mention[0])
    relaying = _relaying_subject(doc, att)
    if relaying is not None:
        mention = [(relaying.idx, relaying.idx + len(relaying.text))]
        actor = _actor_at(actors, *mention[0])
    return mention, actor


def speaker_for(doc: Doc, att: Attribution, mention: list[CharSpan], actor: Actor | None,
                actors: list[Actor], genders: Mapping[str, str] | None = None,
                ) -> tuple[list[CharSpan], Actor | None]:
    """The speaker mention and actor of one attribution after the rules above (``genders``: the
    known gender of person actors, ``ActorResolution.genders``)."""
    mention, actor = _source_mention(doc, att, mention, actor, actors)
    phrase = _phrase(doc, mention)
    if phrase is not None and _pronoun_and_others(phrase):
        return mention, _pronoun_group(doc, att, phrase, actor, actors, genders or {})
    if phrase is not None and (phrase.root.lower_ in _PERSON_PRONOUNS or (
            len(phrase) == 1 and phrase.root.lower_ in _POSSESSIVE_PRONOUNS and phrase.root.dep_ == "poss")):
        return mention, pronoun_speaker(doc, att, phrase.root, actor, actors, genders or {})
    if phrase is not None and _not_that_person(phrase, actor):
        return mention, _own_speaker(doc, phrase, actor, actors, list(att.content) + list(att.cue))
    if phrase is None or phrase.root.pos_ == "PRON":
        return mention, actor or _relative_owner(doc, phrase, actors)
    fixed = _misread_source(doc, att, phrase, mention, actor, actors)
    if fixed is not None:
        return fixed
    named = _appositive_name(phrase, list(att.cue) + list(att.content))
    if named is not None:
        found = _actor_at(actors, named.idx, named.idx + len(named.text)) or _actor_named(doc, named, actors)
        if found is not None:
            _add_alias(found, phrase.text)
            return mention, found
    if actor is not None and _possessed_other(doc, phrase, actor, mention):
        # "The suspects' lawyer" is not the witness the actor stage joined it to: its own source
        return mention, _descriptive_speaker(doc, phrase, None, actors, list(att.content) + list(att.cue))
    if _conjoined_names(phrase) or _name_and_others(phrase) or _names_in_apposition(phrase) \
            or _first_names_joined(phrase):
        text = text_of(doc)[phrase.start_char:phrase.end_char]
        found = next((a for a in actors if a.name == text), None)
        return mention, found or _new_actor(actors, text, "group", (phrase.start_char, phrase.end_char))
    other_kind = actor is not None and _named(actor) and not _kind_fits(actor, phrase.root)
    quoted = _person_named_in_quote(doc, att, actor)
    if _is_definite_description(phrase, placed=quoted) and (
            actor is None or not _named(actor) or other_kind or quoted
            or _introduced_other(doc, phrase, actor, actors)):
        if actor is not None and _same_noun_unnamed(phrase, actor):
            return mention, actor  # "a senior law enforcement official ... The official said"
        ante = _description_antecedent(doc, att, phrase, actors, genders)
        # "the company" is no person the actor stage chose; "Brandt is reckless, the vice president
        # said" is not Brandt's
        return mention, ante or (None if other_kind or quoted else actor)
    if _is_descriptive(phrase):
        return mention, _descriptive_speaker(doc, phrase, actor, actors, list(att.content) + list(att.cue))
    if actor is not None:
        _add_alias(actor, phrase.text)
    return mention, actor


def _description_antecedent(doc: Doc, att: Attribution, phrase: Span, actors: list[Actor],
                            genders: Mapping[str, str] | None) -> Actor | None:
    """The named actor a definite description speaks for ("the company", "the 56-year-old"), which
    then takes the description as an alias; None when there is none, or when the description
    is one of several ("the second official": ``one_of_several``)."""
    if phrase.root.lemma_.lower() in PERSON_NOUNS | lx.DESCRIBING_NOUNS and one_of_several(phrase.root):
        return None
    ante = definite(doc, phrase, [a for a in actors if not _named_elsewhere(a, att, doc)], genders)
    if ante is not None and _age_head(phrase.root) and not _subject_just_before(doc, ante, phrase):
        return None  # an age says too little to reach further back
    if ante is not None:
        _add_alias(ante, phrase.text)
    return ante


def _pronoun_mention(doc: Doc, mention: list[CharSpan]) -> bool:
    """A speaker mention that is one "he" or "she"."""
    phrase = _phrase(doc, mention)
    return phrase is not None and len(phrase) == 1 and phrase.root.lower_ in _PERSON_PRONOUNS


def _move_mention(old: Actor, new: Actor | None, spans: list[CharSpan]) -> None:
    """A speaker mention ("he", "the lawyers") the rules gave another speaker leaves the actor the
    actor stage put it in, so that actor's pronouns and aliases speak of it alone."""
    moved = [sp for sp in spans if sp in old.mentions]
    if not moved:
        return
    old.mentions[:] = [sp for sp in old.mentions if sp not in moved]
    if new is not None:
        new.mentions[:] = sorted({*new.mentions, *moved})


# The longest repeated description ("the authors", "the two researchers") taken back to an earlier
# speaker described with the same head noun.
MAX_REPEATED_WORDS = 3


def _short_definite(phrase: Span | None) -> bool:
    """'the authors', 'the physicians': a definite common-noun phrase of a few words."""
    if phrase is None:
        return False
    words = [t for t in phrase if not t.is_punct]
    return (0 < len(words) <= MAX_REPEATED_WORDS and words[0].lower_ in _DEFINITE
            and phrase.root.pos_ == "NOUN" and not any(t.pos_ == "PROPN" for t in words))


def _repeated_descriptions(doc: Doc, res: ActorResolution) -> None:
    """'The authors of the study, published in X, argued … the authors wrote … they said': a short
    definite description that no named actor stands for refers to the latest earlier speaker
    described with the same head noun at more length; its unnamed actor (and that actor's other
    mentions, "they") joins that speaker's actor. Own train pages: 3 rows. One that the actor stage
    gave a named actor is taken from it only as ``_takes_from_named`` says, and alone (the named
    actor keeps its other mentions)."""
    by_id = {a.id: a for a in res.actors}
    order = sorted(range(len(res.mentions)), key=lambda k: res.mentions[k][0][0] if res.mentions[k] else -1)
    for pos, i in enumerate(order):
        phrase = _phrase(doc, res.mentions[i])
        current = by_id.get(res.speakers[i] or "")
        if not _short_definite(phrase) or phrase is None:
            continue
        found = _fuller_description(doc, res, order[:pos], phrase)
        if found is None or found[0] is current:
            continue
        if current is not None and _same_noun_unnamed(phrase, current):
            continue  # "a separate intelligence source … the source said": the actor stage found it
        earlier = found[0]
        if current is not None and _named(current):
            if not _takes_from_named(found, phrase, current):
                continue
            _move_mention(current, earlier, res.mentions[i])  # the named person keeps its other mentions
            current.aliases[:] = [x for x in current.aliases if x != phrase.text]
            current = None
        _add_alias(earlier, phrase.text)
        if current is None:
            res.speakers[i] = earlier.id
            continue
        earlier.mentions[:] = sorted({*earlier.mentions, *current.mentions})
        current.mentions.clear()
        res.speakers[:] = [earlier.id if sid == current.id else sid for sid in res.speakers]


def _fuller_description(doc: Doc, res: ActorResolution, previous: list[int],
                        phrase: Span) -> tuple[Actor, Span] | None:
    """The actor and phrase of the latest earlier speaker phrase headed by the same noun, in the same
    number ("the source" is not "multiple intelligence sources": PolNeAR train, tenth identity gold),
    with more words."""
    by_id = {a.id: a for a in res.actors}
    lemma = phrase.root.lemma_.lower()
    for j in reversed(previous):
        other = _phrase(doc, res.mentions[j])
        actor = by_id.get(res.speakers[j] or "")
        if other is not None and actor is not None and other.root.lemma_.lower() == lemma \
                and _plural(other.root) == _plural(phrase.root) and len(other) > len(phrase):
            return actor, other
    return None


def _takes_from_named(found: tuple[Actor, Span], phrase: Span, named: Actor) -> bool:
    """'A U.S. law enforcement official familiar with the investigation said … The official, who
    spoke on the condition of anonymity, said …': the actor stage gave "The official" the person
    last in focus (Hillary Clinton), but an unnamed speaker described at more length with the same
    noun spoke in the sentence just before, and the named person is not mentioned from there to the
    end of the description's sentence ("The group, WeWorkers Coalition, … stating that …" stays the
    coalition's: own pages, 1 quote). PolNeAR train, 806 articles: see docs/corpus.md, session 10."""
    earlier, other = found
    here = phrase.sent.start
    before = phrase.doc[here - 1].sent.start if here > 0 else here
    since = [s for s, _ in named.mentions if other.end_char <= s < phrase.sent.end_char
             and not phrase.start_char <= s < phrase.end_char]
    return not _named(earlier) and other.sent.start in (here, before) and not since


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
            _move_mention(actor, new_actor, new_mention)
            if _relaying_subject(doc, att) is not None:
                res.speaker_only.discard(actor.id)  # the medium that relayed the quote stays an actor
        if i < len(res.mentions):
            res.mentions[i] = new_mention
            res.speakers[i] = new_actor.id if new_actor is not None else None
    _repeated_descriptions(doc, res)
    still = {s for s in res.speakers if s}
    res.actors[:] = [a for a in res.actors if a.id in still or a.id not in was_speaker or a.id not in before
                     or any(ch.isupper() for ch in a.name)]
