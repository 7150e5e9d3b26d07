"""Descriptions as speakers: a definite description ("the company", "the German automaker") refers
back to the nearest earlier actor of its kind that was a subject (``definite``); a description
that is the source ("two people familiar with the talks", "the authors of the study") is its own
anonymous or group speaker, never the name it only contains (``descriptive_speaker``,
``own_speaker``); a part of a set or an indefinite description is never one named person
(``not_that_person``); and a short description repeated later ("the authors") goes back to the
speaker first described with the same noun (``repeated_descriptions``).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.resolve import ActorResolution
from saidwhat.analysis.actors.resolve.evidence import (
    bound_possessive,
    called_otherwise,
    names_under_subject,
    public_for_company,
)
from saidwhat.analysis.actors.resolve.sentences import AGE_REACH_SENTENCES, sent_ids, sent_starts
from saidwhat.analysis.actors.surnames import quoted_at
from saidwhat.analysis.attribution.speaker.common import (
    OBJECT_DEPS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLURAL_TAGS,
    add_actor,
    add_alias,
    covers_head,
    is_age_head,
    is_name,
    is_named,
    is_person_noun,
    is_plural,
    kind_fits,
    move_mention,
    noun_gender,
    phrase_at,
    word_set,
)
from saidwhat.analysis.nlp import text_of
from saidwhat.schema import Actor, ActorKind
from saidwhat.schema import Span as CharSpan

# Heads of descriptions that, with a noun modifier, name a body of their own ("the state
# transportation department", "the city police"): they refer back only to an actor whose name
# holds the modifier (the bundled example gave the department's quote to the shippers' association).
_BODY_NOUNS = word_set("""
ministry department office agency commission committee council board authority court police
union association regulator administration
""")
# How far back (characters) a definite description looks for its antecedent (about 3 paragraphs).
ANTECEDENT_WINDOW = 1500
# Longest source phrase (words) taken whole as a descriptive speaker's name.
MAX_DESCRIPTION_WORDS = 14


def _noun_phrase(head: Token, limit: Span, taken: list[CharSpan]) -> tuple[int, int] | None:
    """Character span of ``head``'s noun phrase, within its sentence, without edge punctuation,
    cut before the first word of the quote's content or cue (``taken``)."""
    sent = head.sent
    aside = {t.i for c in head.subtree if c.i != head.i and _comma_aside(c) for t in c.subtree}
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


def _comma_aside(tok: Token) -> bool:
    """A relative clause set off by a comma ("a senior official, who requested anonymity"): an aside
    about the speaker, not part of the name a description gives it; with it, "one well-connected
    Democrat familiar with the Clinton campaign's organization, who requested anonymity …" was too
    long to name anyone (360 PolNeAR train articles: 4 unnamed speakers renamed, "One attendee, who
    like others" → "One attendee"; own wild pages unchanged). So is an indefinite apposition
    ("Airlines for Europe, an industry group,": speaker probes, session 34)."""
    first = tok.left_edge.i
    indefinite = tok.dep_ == "appos" and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                             for c in tok.children)
    return (tok.dep_ == "relcl" or indefinite) and first > 0 and tok.doc[first - 1].text == ","


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
        if sp is None or sp.root.dep_ in OBJECT_DEPS:
            continue
        out.append((int(sp.root.dep_ in ("nsubj", "nsubjpass")), s))
    return out


def definite(doc: Doc, phrase: Span, actors: list[Actor],
             genders: Mapping[str, str] | None = None) -> Actor | None:
    """The antecedent of 'the company' / 'the British royal': the nearest earlier subject mention
    of a named actor of the description's kind (and, for a noun that says a gender, of no other
    known gender: ``genders`` by actor id; a possessive its verb binds says a gender too: "the
    candidate discusses … lessons from her mother")."""
    head = phrase.root
    modifiers = _body_modifiers(head)
    said = noun_gender(head) or bound_possessive(head)
    best: tuple[tuple[int, int, int], Actor] | None = None
    for a in actors:
        if not any(ch.isupper() for ch in a.name) or not kind_fits(a, head):
            continue
        if said and (genders or {}).get(a.id, said) != said:
            continue  # "the former first lady" is not the man named last
        if modifiers and not modifiers <= set(a.name.lower().split()):
            continue  # "the state transportation department" is not "the Harbor Shippers Association"
        if _known_by_other_noun(a, head) or _introduced_otherwise(doc, a, head, phrase.start_char):
            continue  # "The rebel group" is not "The government in Kinshasa" (speaker probes, session 34)
        if names_under_subject(head, _name_words(a)):
            continue  # "the prince called for Trump to drop out" is not Trump
        introduced = int(introduced_as(doc, a, head.lemma_.lower(), phrase.start_char))
        for subject, start in _subject_mentions(doc, a, phrase.start_char):
            key = (introduced, subject, start)
            if best is None or key > best[0]:
                best = (key, a)
    return best[1] if best else None


def _name_words(actor: Actor) -> frozenset[str]:
    """The capitalised words of an actor's name, lower case ("Donald J. Trump" → donald, trump); not
    its aliases, which may hold a headline's words ("John Leguizamo On How U.S. History …")."""
    return frozenset(w.lower().strip(".,") for w in actor.name.split()
                     if w[:1].isupper() and len(w.strip(".")) > 1)


def _known_by_other_noun(actor: Actor, head: Token) -> bool:
    """An actor the text names only by a description ("The government in Kinshasa") whose words lack
    the description's noun; or a public body ("Food and Drug Administration") for a company's noun
    ("the company")."""
    words = actor.name.lower().split()
    if public_for_company(actor.name, head):
        return True
    return words[0] in ("the", "a", "an") and head.lemma_.lower() not in words and head.lower_ not in words


def _introduced_otherwise(doc: Doc, actor: Actor, head: Token, before: int) -> bool:
    """Was the actor named as another kind of body before ``before`` ("The trade union GMB" for "the
    company")? (``evidence.called_otherwise``)"""
    for s, e in actor.mentions:
        sp = doc.char_span(s, e, alignment_mode="expand") if e <= before else None
        if sp is not None and called_otherwise(sp.root, head):
            return True
    return False


def introduced_as(doc: Doc, actor: Actor, lemma: str, before: int) -> bool:
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
                    and (is_name(tok) or is_name(pair)):
                return True
    return False


def _body_modifiers(head: Token) -> set[str]:
    """The noun modifiers of a body's head noun ("state", "transportation" in "the state
    transportation department"); empty for other heads ("the tech giant" may be any company)."""
    if head.lemma_.lower() not in _BODY_NOUNS:
        return set()
    return {t.lower_ for t in head.lefts if t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN")}


def subject_just_before(doc: Doc, actor: Actor, phrase: Span) -> bool:
    """Is one of the actor's mentions the subject of a sentence at most ``AGE_REACH_SENTENCES``
    before the phrase's (or of its own)?"""
    first = max(0, sent_ids(doc)[phrase.start] - AGE_REACH_SENTENCES)
    lo = doc[sent_starts(doc)[first]].idx
    return any(lo <= start < phrase.start_char and subject for subject, start in
               _subject_mentions(doc, actor, phrase.start_char))


_DEFINITE = frozenset({"the", "this", "that"})


def is_definite_description(phrase: Span, *, placed: bool = False) -> bool:
    """'the company', 'The German automaker, which has focused on …' (a relative clause or
    apposition after the head noun does not change what it refers to). A describing noun may have
    a place or a body before it ("the New York businessman", "the Supreme Court justice"), not a
    person ("the Clinton aide" is someone else than Clinton); an office may not ("the former HP
    executive told The Washington Post, Fiorina would …" is not the HP person named last: one of
    110 PolNeAR train articles), unless ``placed`` lets it have places ("the former Florida
    governor": the actor stage places such an office, ``resolve.clusterer._Clusterer._placed``;
    ``speaker_for`` resolves it again when its quote names the person chosen: "Donald Trump
    attacked Jeb Bush. The former Florida governor said “Trump is a chaos candidate.”" had gone to Trump)."""
    head = phrase.root
    lemma = head.lemma_.lower()
    words = [t for t in phrase if not t.is_punct and t.i <= head.i]
    if is_age_head(head):  # "The 56-year-old said", after "The Portuguese boss" (own fresh3 pages)
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
            and head.tag_ not in PLURAL_TAGS  # "the lawyers" are not one named person
            and (lemma in ORG_NOUNS | PERSON_NOUNS or describing)
            and names_ok and len(words) <= 5
            and not any(t.dep_ == "prep" for t in head.children))


def is_descriptive(phrase: Span) -> bool:
    """A common-noun phrase (possibly containing names as modifiers): 'two people familiar with
    the matter', "Russia's foreign ministry", 'the authors of the study'; not a title before a
    name ("China's ambassador to the UN Zhang Jun")."""
    head = phrase.root
    words = [t for t in phrase if not t.is_punct]
    return (head.pos_ == "NOUN" and not is_name(head) and head.lemma_.lower() not in ("statement", "tweet")
            and bool(words) and not (words[-1].pos_ == "PROPN" and words[-1].i > head.i
                                     and not _placed_by(words[-1], head)))


def _placed_by(name: Token, head: Token) -> bool:
    """"Police in Dayton": the name after the head noun only says where (a place the preposition
    "in" hangs on the head, no person), unlike the name a title leads to ("China's ambassador to
    the UN Zhang Jun")."""
    prep = name.head
    return name.dep_ == "pobj" and prep.lower_ in ("in", "at") and prep.head.i == head.i \
        and name.ent_type_ not in ("PERSON", "DATE", "TIME")  # "a CNN/ORC poll in February" is CNN's


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


def not_that_person(phrase: Span, actor: Actor | None) -> bool:
    """A part of a set ('some of her followers'), or an indefinite description given a named person
    ('a Democrat familiar with her plans'; 'a spokesman for Acme' stays Acme's), or given no one ("One
    pastor supporting Mr. Cruz", whose name the actor stage does not take for the source)."""
    if _part_of_set(phrase) or _ratio(phrase):
        return True
    named_person = actor is None or (actor.kind == "person" and is_named(actor))
    return named_person and _indefinite(phrase) \
        and appositive_name(phrase) is None  # "A spokesman for the union, Tom Hale" is Tom Hale


def own_speaker(doc: Doc, phrase: Span, actor: Actor | None, actors: list[Actor],
                 taken: list[CharSpan]) -> Actor | None:
    """The speaker of a part of a set or an indefinite description: its own actor named by the
    phrase (a group for 'some of …', else an anonymous source), unless the actor stage already
    resolved the phrase's head itself."""
    if actor is not None and covers_head(actor, phrase):
        return actor
    np = _noun_phrase(phrase.root, phrase, taken)
    if np is None:
        return None
    text = " ".join(text_of(doc)[np[0]:np[1]].split())
    group = (_part_of_set(phrase) and phrase.root.lower_ not in ("one", "each")) or _ratio(phrase)
    kind: ActorKind = "group" if group else "anonymous"
    return next((a for a in actors if a.name == text), None) or add_actor(actors, text, kind, np)


def appositive_name(phrase: Span, taken: list[CharSpan] | None = None) -> Token | None:
    """'The company that runs the AMAs, Dick Clark Productions': the name in apposition; never one
    inside the cue or the content (``taken``): in "The company, which …, confirmed that it had been
    contacted by the office of the NYAG, Letitia James" the parser hangs the cue on the subject,
    and the name is what was said, not who said it."""
    head = phrase.root
    if is_name(head) or head.tag_ in PLURAL_TAGS:
        return None  # a plural ("The lawyers also pointed to …, Sen. John McCain") is not one name
    words = [t for t in head.subtree if not t.is_punct and not t.is_space]
    last = words[-1].i if words else head.i
    for t in head.subtree:
        if t.dep_ == "appos" and is_name(t) and (t.head == head or t.right_edge.i >= last) \
                and not _under_taken(t, head, taken or []):
            return t
    return None


def appositive_person(doc: Doc, phrase: Span, name: Token, actors: list[Actor]) -> Actor | None:
    """A full name in apposition to a person's noun that no actor holds, because the recognizer
    missed it or called it a place ("said Amnesty International's secretary general, Agnes
    Callamard": "Agnes Callamard" tagged LOC), is a person of its own, not the owner the actor
    stage fell back on ("The Conservative leader, Kemi Badenoch, said": tagged a place). Two words at
    least, none an organisation's head word, and not what the recognizer calls an organisation."""
    if not is_person_noun(phrase.root):
        return None
    first = name
    while first.i > 0 and doc[first.i - 1].head.i == name.i and doc[first.i - 1].dep_ == "compound" \
            and is_name(doc[first.i - 1]):
        first = doc[first.i - 1]
    words = doc[first.i:name.i + 1]
    if first.i == name.i or name.ent_type_ in ("ORG", "NORP") \
            or any(t.lemma_.lower() in lx.ORG_HEADS for t in words):
        return None
    text = " ".join(text_of(doc)[first.idx:name.idx + len(name.text)].split())
    return next((a for a in actors if a.name == text), None) \
        or add_actor(actors, text, "person", (first.idx, name.idx + len(name.text)))


def _under_taken(tok: Token, head: Token, taken: list[CharSpan]) -> bool:
    """Is ``tok``, or a word between it and ``head`` in the tree, inside the cue or content?"""
    while tok.i != head.i and tok.head.i != tok.i:
        if any(s <= tok.idx < e for s, e in taken):
            return True
        tok = tok.head
    return False


def descriptive_speaker(doc: Doc, phrase: Span, actor: Actor | None, actors: list[Actor],
                         taken: list[CharSpan]) -> Actor | None:
    np = _noun_phrase(phrase.root, phrase, taken)
    if np is None:
        return actor
    text = text_of(doc)[np[0]:np[1]]
    if actor is not None and covers_head(actor, phrase):
        # the actor stage resolved the phrase itself: keep its actor, named by the whole description
        if not is_named(actor) and len(text) > len(actor.name) and actor.name.lower() in text.lower():
            add_alias(actor, actor.name)
            actor.name = " ".join(text.split())
        else:
            add_alias(actor, text)
        return actor
    existing = next((a for a in actors if a.name == " ".join(text.split())), None)
    if existing is not None:
        return existing
    kind: ActorKind = "group" if phrase.root.tag_ in ("NNS", "NNPS") else "anonymous"
    return add_actor(actors, text, kind, np)


def same_noun_unnamed(phrase: Span, actor: Actor) -> bool:
    """The actor stage joined a definite description to an unnamed actor introduced before by the
    same noun ("a senior law enforcement official ... The official said"): that is the one it
    repeats, not the latest named subject of its kind (``definite``). Train development gold and
    100 other PolNeAR train articles: such a repeat went to Hillary Clinton. A description that
    fitted no one (its own new actor) is still given to ``definite``: on PolNeAR train that guess
    was mostly wrong ("The board" to Compaq, "The candidate" to Jeb Bush: 13 of 18 read), but on the
    project's own train pages it is mostly right ("the German automaker" is Volkswagen, "the British
    royal" Prince Andrew, "the company" McClatchy: 3 usable quotes lost when it was left out)."""
    if is_named(actor) or not covers_head(actor, phrase) \
            or not any(s < phrase.start_char for s, _ in actor.mentions):
        return False
    head = phrase.root
    nouns = {(actor.role or "").lower(), *(w.lower() for w in actor.name.split()[-1:])}
    for s, e in actor.mentions:  # "a separate intelligence source familiar with the investigation"
        sp = phrase.doc.char_span(s, e, alignment_mode="expand")
        if sp is not None and s < phrase.start_char and is_plural(sp.root) == is_plural(head):
            nouns.add(sp.root.lemma_.lower())
    return head.lemma_.lower() in nouns or head.lower_ in nouns


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


def repeated_descriptions(doc: Doc, res: ActorResolution) -> None:
    """'The authors of the study, published in X, argued … the authors wrote … they said': a short
    definite description that no named actor stands for refers to the latest earlier speaker
    described with the same head noun at more length; its unnamed actor (and that actor's other
    mentions, "they") joins that speaker's actor. Own train pages: 3 rows. One that the actor stage
    gave a named actor is taken from it only as ``_takes_from_named`` says, and alone (the named
    actor keeps its other mentions)."""
    by_id = {a.id: a for a in res.actors}
    order = sorted(range(len(res.mentions)), key=lambda k: res.mentions[k][0][0] if res.mentions[k] else -1)
    for pos, i in enumerate(order):
        phrase = phrase_at(doc, res.mentions[i])
        current = by_id.get(res.speakers[i] or "")
        if not _short_definite(phrase) or phrase is None:
            continue
        found = _fuller_description(doc, res, order[:pos], phrase)
        if found is None or found[0] is current:
            continue
        if current is not None and same_noun_unnamed(phrase, current):
            continue  # "a separate intelligence source … the source said": the actor stage found it
        earlier = found[0]
        if current is not None and is_named(current):
            if not _takes_from_named(found, phrase, current):
                continue
            move_mention(current, earlier, res.mentions[i])  # the named person keeps its other mentions
            current.aliases[:] = [x for x in current.aliases if x != phrase.text]
            current = None
        add_alias(earlier, phrase.text)
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
        other = phrase_at(doc, res.mentions[j])
        actor = by_id.get(res.speakers[j] or "")
        if other is not None and actor is not None and other.root.lemma_.lower() == lemma \
                and is_plural(other.root) == is_plural(phrase.root) and len(other) > len(phrase):
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
    return not is_named(earlier) and other.sent.start in (here, before) and not since
