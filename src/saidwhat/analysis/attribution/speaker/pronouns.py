"""A speaking 'he'/'she' is a named person of its gender (``ActorResolution.genders``: titles, first
names, earlier pronouns) whom the quote itself does not name ("He said Trump was wrong" is not
Trump's), else nobody (``pronoun_speaker``). Candidates are ranked by distance and by the role of
their mention (``roles.role_of``), and a chain "he … he said" is followed back (``pronoun_antecedent``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from spacy.tokens import Doc, Span, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.resolve.sentences import main_clause
from saidwhat.analysis.actors.surnames import aside_closed, quoted_at
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.attribution.speaker.common import (
    PERSON_PRONOUNS,
    SAYING_LEMMAS,
    SUBJECT_DEPS,
    actor_at,
    is_named,
    is_plural,
    noun_gender,
    phrase_at,
    word_set,
)
from saidwhat.analysis.attribution.speaker.roles import (
    in_noun_clause,
    is_noun_modifier,
    is_possessor,
    is_supposed,
    role_of,
)
from saidwhat.analysis.first_names import name_list_gender
from saidwhat.analysis.nlp import text_of
from saidwhat.schema import Actor
from saidwhat.schema import Span as CharSpan

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
            if sp is not None and not quoted_at(pron.doc, s) and not is_possessor(sp.root) \
                    and not is_noun_modifier(sp.root) and not in_noun_clause(sp.root) \
                    and not is_supposed(sp.root):
                return True
    return False


def _salience(tok: Token, pron: Token) -> int | None:
    """Sort key of a candidate antecedent: a subject in the pronoun's own sentence first ("When
    Ghani announced the deal, he said …"), then later is better, subjects of main clauses most,
    also within the pronoun's sentence: "Broaddrick said Clinton placed calls to her, and that she
    had her staff field them" is Broaddrick's she."""
    role = role_of(tok)
    if role == "object":
        return None
    if tok.sent.start == pron.sent.start and role in ("main", "sub") and not is_supposed(tok):
        return tok.idx + SAME_SENTENCE_BONUS + (SUBJECT_BONUS if role == "main" else 0)
    return tok.idx + {"main": SUBJECT_BONUS, "sub": SUBORDINATE_BONUS}.get(role, 0)


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
    if is_named(actor):
        return None
    for s, e in actor.mentions:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None and sp.root.pos_ != "PRON":
            return noun_gender(sp.root) if sp.root.tag_ == "NN" else None
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
            if sp is None or sp.root.lower_ in PERSON_PRONOUNS or sp.root.pos_ == "PRON":
                continue  # pronouns are followed as chains below, not through the actor stage
            key = _salience(sp.root, pron)
            if key is None and s == min(a.mentions)[0] and _introduced_just_before(sp, pron) \
                    and not _named_between(actors, a, e, pron.idx):
                key = sp.root.idx + INTRODUCED_BONUS
            if key is not None and (not unnamed or _unnamed_subject(sp.root, key >= own_sentence)
                                    or _unnamed_speaker_before(sp.root, pron)):
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
    return same_sentence and head.tag_ == "NN" and not is_plural(head) \
        and (lemma in lx.ROLE_NOUNS or lemma in lx.ANONYMOUS_HEADS)


_PERSONS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})


def _unnamed_speaker_before(head: Token, pron: Token) -> bool:
    """One unnamed person who speaks in the main clause of the sentence right before the pronoun's,
    a sentence that names no one else outside quotation marks: "Donald Trump spoke in Ohio. A senior
    campaign aide said the rally was “huge.” He added that …" is the aide's (it went to Trump, named
    two sentences back). Someone else named beside the speaker ("A reporter asked him about his
    taxes. He said …") leaves the he to the rules above."""
    sent = head.sent
    verb = head.head
    if sent.end != pron.sent.start or head.dep_ != "nsubj" or verb.dep_ != "ROOT" \
            or verb.lemma_.lower() not in SAYING_LEMMAS or not _unnamed_subject(head, True):
        return False
    own = {t.i for t in head.subtree}
    return not any(t.i not in own and (t.lower_ in _PERSONS or t.ent_type_ == "PERSON")
                   and not quoted_at(t.doc, t.idx) for t in sent)


def _surname_word_candidates(doc: Doc, pron: Token, actors: list[Actor]) -> list[tuple[int, Actor]]:
    """(salience, actor) of capitalised words before ``pron`` that are the last word of exactly one
    named person's full name and that no actor mention covers: a surname that is also a common word
    ("Early says there is a possibility …. “…,” he says" is Chris Early's), which the actor stage
    does not take for a name."""
    bearers = sole_bearers(actors)
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


def sole_bearers(actors: list[Actor]) -> dict[str, Actor]:
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
        and not after_preposition and not any(c.dep_ in SUBJECT_DEPS | {"expl"} for c in verb.children)


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
        if _PRONOUN_GENDER.get(tok.lower_) != _PRONOUN_GENDER[pron.lower_] or tok.dep_ not in SUBJECT_DEPS \
                or quoted_at(doc, tok.idx) or aside_closed(doc, tok.idx, pron.idx):
            continue
        nearest = nearest or tok
        if role_of(tok) == "main":
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
    words are about the same way (``spoken_of``). A name that only modifies a noun in a reporter's
    paraphrase does not: "He said that the Cruz campaign's announcement, which some have argued was
    intended to get Carson supporters to caucus for Cruz, …" is Ben Carson's (PolNeAR train, fourth
    round of judged speakers)."""
    named = any(quoted_at(doc, sp.start_char) or sp.root.dep_ != "compound"
                for sp in names_in_content(actor, att, doc))
    return named or spoken_of(actor, att, doc)


def spoken_of(actor: Actor, att: Attribution, doc: Doc) -> bool:
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


def names_in_content(actor: Actor, att: Attribution, doc: Doc) -> Iterator[Span]:
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
    gendered = [a for a in actors if (_gender(a, genders) or described_gender(doc, a) or want) == want]
    fitting = [a for a in gendered if (not named_in_quote(a, att, doc) or _main_subject_here(a, pron))
               and not _introduced_in_content(a, att) and not _interrupted_subject(a, pron)]
    ahead = _cataphoric_subject(pron, fitting) or _name_before_aside(pron, fitting)
    if ahead is not None:
        return ahead
    fits = actor is not None and any(a is actor for a in fitting)
    if fits and actor is not None and _named_in_sentence(actor, pron):
        main = _main_subject_before(doc, pron, fitting)
        return main if main is not None and main is not actor else actor
    found = pronoun_antecedent(doc, pron, fitting) or (actor if fits else None)
    passed = [a for a in gendered if a not in fitting and named_in_quote(a, att, doc)]
    if found is not None and (_far_past_subject(doc, pron, found, passed)
                              or _kin_subject_before(pron, found)):
        return None
    return found


def _kin_subject_before(pron: Token, found: Actor) -> bool:
    """Is the pronoun the subject of a clause joined to one whose subject is a relative the article
    gives no actor of the one found ("My mother has softened with age, but even now at 86 she still
    says things such as, …": hers, not President Obama's, named two paragraphs before; PolNeAR dev,
    session 37)? The speaker is then that relative, whom no actor holds: unknown."""
    verb = pron.head
    if pron.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "conj":
        return False
    subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lemma_.lower() not in lx.KIN_NOUNS or subj.i >= pron.i:
        return False
    return not any(s <= subj.idx < e for s, e in found.mentions)


def _far_past_subject(doc: Doc, pron: Token, found: Actor, passed: list[Actor]) -> bool:
    """Was the main-clause subject of the sentence before the pronoun's left out only because the
    quote names it, while the person found instead is not mentioned in either sentence? People do
    name themselves ("He says if people think …, you've got a very good candidate to vote for but
    it's not Bernie Sanders", right after "Sanders is outlining a litany of policy proposals"), and
    someone named further back is a guess: the speaker is unknown (PolNeAR train, judged speakers:
    it went to Corey Lewandowski, named in an earlier entry of the live blog). The name itself must be
    the subject of a main clause: neither "The Sanders campaign was …" nor "she doesn't think Clinton
    can address …" is (PolNeAR train, identity golds: a first version lost Naureen Jahangir's "she
    said")."""
    sent = pron.sent
    if sent.start == 0:
        return False
    before = doc[sent.start - 1].sent
    lo, hi = before.start_char, pron.idx
    if any(lo <= s < hi for s, _ in found.mentions):
        return False
    for a in passed:
        for s, e in a.mentions:
            sp = doc.char_span(s, e, alignment_mode="expand") if lo <= s < before.end_char else None
            if sp is not None and sp.root.pos_ != "PRON" and sp.text[:1].isupper() and not quoted_at(doc, s) \
                    and sp.root.dep_ in SUBJECT_DEPS and main_clause(sp.root.head):
                return True
    return False


def _main_subject_here(actor: Actor, pron: Token) -> bool:
    """Is the actor the subject of a main clause of the pronoun's own sentence, before it and outside
    quotation marks? Then a quote naming them is still theirs: "Trump returned to ethnicity at a
    rally, where he suggested Curiel was from Mexico: “… the Mexicans are going to end up loving
    Donald Trump”" (PolNeAR train, eleventh identity gold: it went to a law professor quoted before)."""
    sent = pron.sent
    for s, e in actor.mentions:
        if sent.start_char <= s and e <= pron.idx and not quoted_at(pron.doc, s):
            sp = pron.doc.char_span(s, e, alignment_mode="expand")
            if sp is not None and sp.root.dep_ in SUBJECT_DEPS and main_clause(sp.root.head):
                return True
    return False


def _interrupted_subject(actor: Actor, pron: Token) -> bool:
    """Is the actor named right before a cue that interrupts a sentence ("Trump, she added, “is not
    qualified.”")? The name is the subject of what was said, and the he/she someone else, whatever
    part of speech the tagger gave the name (here an interjection, so the quote did not count as
    naming it)."""
    doc = pron.doc
    after = pron.head.i + 1
    if pron.i < 2 or doc[pron.i - 1].text != "," or pron.dep_ != "nsubj" or pron.head.i < pron.i \
            or after >= len(doc) or doc[after].text != ",":
        return False
    name = doc[pron.i - 2]
    if name.pos_ != "PROPN" and name.ent_type_ not in ("PERSON", "ORG"):
        return False  # "The Republican nominee, he said, …": the actor stage may misjudge who that is
    return any(s <= name.idx < e for s, e in actor.mentions)


def _introduced_in_content(actor: Actor, att: Attribution) -> bool:
    """An unnamed actor first mentioned inside the attribution's own content is what was said, not
    who said it: "A new campaign manager, he said, could set a new tone" (PolNeAR train, tenth
    identity gold: the "he" had joined the campaign manager)."""
    if is_named(actor) or not actor.mentions:
        return False
    s, e = min(actor.mentions)
    return any(cs <= s and e <= ce for cs, ce in att.content)


def _cataphoric_subject(pron: Token, actors: list[Actor]) -> Actor | None:
    """The named subject of the main clause a pronoun's fronted clause leads into: "Ever since she
    endorsed Mrs. Clinton this month, Ms. Warren has been a powerful surrogate" — the she is Warren's
    (PolNeAR train, fifth round of judged speakers, where it went to Clinton); so is a clause in a
    fronted prepositional phrase: "In what he acknowledged as a news conference-ending “rant,”
    President Obama took a whack at Trump's populist credentials" (PolNeAR train, judged speakers
    of the largest actors: it went to Trump)."""
    verb = pron.head
    if pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    fronted = verb if verb.dep_ == "advcl" else _fronted_phrase(verb)
    if fronted is None or fronted.i > fronted.head.i:
        return None
    subject = next((c for c in fronted.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "PROPN" or subject.i < fronted.right_edge.i:
        return None
    found = actor_at(actors, subject.idx, subject.idx + len(subject.text))
    return found if found is not None and found.kind == "person" else None


# Words that may open an aside between a name and its verb before the pronoun ("Trump — even as he
# says …").
_ASIDE_OPENERS = frozenset({"even", "as", "while", "when", "though", "although", "because", "since"})


def _name_before_aside(pron: Token, actors: list[Actor]) -> Actor | None:
    """The person named right before a dash or parenthesis that opens an aside holding the pronoun:
    "But some note that Trump — even as he says his experience … makes him uniquely qualified … —
    has proposed little" is Trump's, whatever the parser makes of the broken sentence (PolNeAR dev,
    session 37: it went to the speaker of the paragraph before)."""
    if pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    i = pron.i - 1
    while i > pron.sent.start and pron.doc[i].lower_ in _ASIDE_OPENERS:
        i -= 1
    if i <= pron.sent.start or pron.doc[i].text not in ("—", "–", "(", "--"):
        return None
    name = pron.doc[i - 1]  # any part of speech: the parser takes a name in a broken sentence for a noun
    if not name.text[:1].isupper() or quoted_at(pron.doc, name.idx):
        return None
    found = actor_at(actors, name.idx, name.idx + len(name.text))
    return found if found is not None and found.kind == "person" else None


def _fronted_phrase(verb: Token) -> Token | None:
    """The preposition heading the phrase a clause is part of ("In what he acknowledged as …", "In a
    speech he gave Monday, …"), when that phrase hangs on a verb."""
    if verb.dep_ == "pcomp":
        prep = verb.head
    elif verb.dep_ == "relcl" and verb.head.dep_ == "pobj":
        prep = verb.head.head
    else:
        return None
    return prep if prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX") else None


def _main_subject_before(doc: Doc, pron: Token, actors: list[Actor]) -> Actor | None:
    """The latest person named before ``pron`` as the subject of a main clause of its own sentence,
    or referred to there by a he/she of its gender (``_speaking_before``)."""
    floor = pron.sent.start_char + SAME_SENTENCE_BONUS + SUBJECT_BONUS
    mains = [(key, a) for key, a in _name_candidates(doc, pron, actors) + _speaking_before(pron, actors)
             if key >= floor]
    return max(mains, key=lambda c: c[0])[1] if mains else None


def _speaking_before(pron: Token, actors: list[Actor]) -> list[tuple[int, Actor]]:
    """(salience, actor) of the he/she of ``pron``'s gender that is a main-clause subject before it
    in its sentence, outside quotation marks, as the actor stage joined it: "He declared that as
    long as the field remained divided, Donald Trump would have a path to nomination, which he
    declared “a total disaster”" is the first he's (PolNeAR train, judged speakers of the largest
    actors: it went to Trump). The actor stage's choice, not ``pronoun_antecedent``'s: following the
    first he back by salience took "He was eventually challenged …, but he talked more about policy"
    from Trump (PolNeAR train, identity golds)."""
    for tok in reversed(pron.doc[pron.sent.start: pron.i]):
        if tok.lower_ == pron.lower_ and tok.dep_ in SUBJECT_DEPS and role_of(tok) == "main" \
                and not quoted_at(pron.doc, tok.idx):
            found = actor_at(actors, tok.idx, tok.idx + len(tok.text))
            key = _salience(tok, pron)
            return [] if found is None or key is None else [(key, found)]
    return []


# Personal pronouns: alone as a source they name no one ("Everyone", "Others", "Those familiar with
# the plan" are sources of their own).
_PERSONAL_PRONOUNS = word_set("he she it they him her them his its their")


def unresolved_pronoun(doc: Doc, mention: list[CharSpan], actor: Actor | None) -> bool:
    """Whether the quote's source is a personal pronoun ("she", "they", "His") for which the rules
    found no one: a reader cannot tell who said it (the report shows "speaker unknown")."""
    if actor is not None:
        return False
    words = [t for t in (phrase_at(doc, mention) or []) if not t.is_punct and not t.is_space]
    return len(words) == 1 and words[0].lower_ in _PERSONAL_PRONOUNS


def neuter_or_plural_pronoun(doc: Doc, mention: list[CharSpan]) -> bool:
    """Whether the quote's source is 'they' or 'it' alone ("they said", "it confirmed"): the speaker
    rules resolve only he/she, so its actor is the actor stage's guess."""
    words = [t for t in (phrase_at(doc, mention) or []) if not t.is_punct and not t.is_space]
    return len(words) == 1 and words[0].lower_ in ("they", "it", "them", "their", "its")
