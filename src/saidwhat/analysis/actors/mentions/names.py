"""The passes that find names: spaCy's person and organisation entities, grown or cut where the
small tagger errs (``entity_mentions``), names the tagger missed (``stray_tokens``), and people
named by a nickname in quotation marks (``nicknamed_people``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.filters import (
    clip_name,
    hyphen_tail,
    name_cased,
    person_name_end,
    speaks_through,
)
from saidwhat.analysis.actors.mentions.mention import (
    ACRONYM,
    LEADING_DASHES,
    Finder,
    Mention,
    MentionType,
    display_name,
    name_words,
    organisation_named,
    person_mention,
    singulars,
    the_national,
    the_one_name,
)
from saidwhat.analysis.actors.roles import strip_the
from saidwhat.analysis.first_names import name_list_gender
from saidwhat.analysis.subjects import is_subject
from saidwhat.schema import ActorKind


def _capitalised_run(doc: Doc, k: int) -> int:
    """The end of the run of capitalised words starting at ``k``, before a person the tagger found:
    "White House Chief of Staff Denis McDonough" leaves "Denis" to his name (PolNeAR train, eleventh
    identity gold: the office had taken it, so Denis McDonough was no mention)."""
    m = k
    while m < len(doc) and (doc[m].is_title or (doc[m].is_upper and len(doc[m]) > 1)
                            or doc[m].text == "-") and doc[m].pos_ in ("PROPN", "NOUN", "ADJ", "PUNCT") \
            and (m == k or doc[m].ent_type_ != "PERSON"):
        m += 1
    return m


def extend_name(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Grow an organisation name over "of/for/on (the) Capitalised ..." ("Office of the UN High ...").

    "and"/"&" continue a name only inside such a complement ("Department of Health and Human
    Services"): "McClatchy and Tribune" are two organisations, not one.
    """
    joined = False
    while end < len(doc) and "\n" not in doc[end - 1].whitespace_:
        j = end
        low = doc[j].lower_
        if (low in ("of", "for", "on") or (joined and low in ("and", "&"))) and j + 1 < len(doc):
            k = j + 2 if doc[j + 1].lower_ == "the" and j + 2 < len(doc) else j + 1
            if doc[k].is_title or doc[k].is_upper and len(doc[k]) > 1:
                m = _capitalised_run(doc, k)
                if m > k and doc[k].ent_type_ not in ("DATE", "TIME", "CARDINAL"):
                    end, joined = m, True
                    continue
        if doc[j].is_title and doc[j].pos_ == "PROPN" and doc[j].ent_type_ in ("ORG", "") \
                and not (doc[j].lower_ in lx.TITLES and j + 1 < len(doc)
                         and doc[j + 1].ent_type_ == "PERSON"):
            end = j + 1
            continue
        break
    return start, end


def _looks_like_person(ent: Span) -> bool:
    """An ORG-tagged name in apposition with a role noun ("Its president, Marcus Lindqvist"), with
    the untagged first name before it ("Reince Priebus, the GOP chairman": "Priebus" alone was
    tagged an organisation; PolNeAR train, 1 speaker given to Ted Cruz)."""
    words = [t for t in ent if t.lower_ != "the"]
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if len(words) == 1 and before is not None and before.pos_ == "PROPN" and before.is_title \
            and before.head.i == ent.root.i and not before.ent_type_:
        words = [before, *words]
    if not 2 <= len(words) <= 3 or not all(name_cased(t) and t.pos_ == "PROPN" for t in words):
        return False
    if any(t.lemma_.lower() in lx.ORG_HEADS for t in words):
        return False
    if before is not None and before.lower_ in lx.ROLE_NOUNS \
            and name_list_gender(words[0].text) is not None:
        return True  # "Former Hewlett-Packard CEO Carly Fiorina" (PolNeAR train, eighth judged round)
    if words[0].lower_ in lx.TITLES and name_list_gender(words[1].text) is not None:
        return True  # "Superintendent Marcus Bell told the board" (speaker probes, session 34)
    root = ent.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in lx.ROLE_NOUNS:
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in lx.ROLE_NOUNS for c in root.children):
        return True
    return _speaking_first_last(words) or _speaking_who(root)


def _speaking_who(root: Token) -> bool:
    """The subject of a speech verb that a "who" clause describes: "Reince Priebus, who introduced
    Trump at the rally, said …" (the recognizer called "Priebus" an organisation, and a later "He
    also said" went to Trump, the only person left)."""
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in lx.SPEECH_VERBS and any(
        c.dep_ == "relcl" and c.left_edge.lower_ in ("who", "whom", "whose") for c in root.children)


def _speaking_first_last(words: list[Token]) -> bool:
    """Two words, the first on the offline first-name list (so not "Morgan Stanley"), the subject
    of a speech verb."""
    root = words[-1]
    return len(words) == 2 and root.dep_ == "nsubj" and root.head.lemma_.lower() in lx.SPEECH_VERBS \
        and name_list_gender(words[0].text) is not None


def _is_facility(doc: Doc, ent: Span) -> bool:
    """A named built place the tagger called a person: "the Harbor Bridge", "Millbrook Tunnel"."""
    last = ent[-1]
    if not last.is_title or last.lower_ not in lx.FACILITY_HEADS:
        return False
    has_the = ent[0].lower_ == "the" or (ent.start > 0 and doc[ent.start - 1].lower_ == "the")
    return has_the or last.lower_ in lx.FACILITY_ONLY_HEADS


def _name_modifier(ent: Span, name_words: dict[str, int]) -> bool:
    """A name used once, only to modify an organisation noun ("the Dunmore town council")."""
    root = ent.root
    if root.dep_ != "compound" or root.head.i < ent.end or root.head.pos_ != "NOUN":
        return False
    if root.head.lemma_.lower() not in lx.ORG_HEADS:
        return False
    return not any(name_words.get(t.lower_, 0) for t in ent if t.is_title)


def _bracketed_first_name(doc: Doc, ent: Span) -> bool:
    """"Coach (Dana) Moor said": a first name the writer put in brackets inside a quote is part of
    the surname's name that follows, not a person of its own."""
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    surname = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
    return len(ent) == 1 and before is not None and before.text == "(" and after is not None \
        and after.text == ")" and surname is not None and surname.pos_ == "PROPN" and surname.is_title


def _name_counts(doc: Doc) -> dict[str, int]:
    """How often each word is part of a name that is not just a modifier (see _name_modifier)."""
    counts: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG") and ent.root.dep_ != "compound":
            for t in ent:
                counts[t.lower_] = counts.get(t.lower_, 0) + 1
    return counts


def _other_initial(label: str, names: list[str], acronym: str) -> bool:
    """A place followed by a parenthesised acronym of another initial does not define it: the
    dateline "WASHINGTON (AFP)" names the agency, and "Ethics in Washington (CREW)" is the end of a
    longer name the tagger cut (PolNeAR train: AFP's and CREW's words went to "Washington", one
    actor across articles). "United Arab Emirates (UAE)" still does."""
    return label == "GPE" and acronym[:1].upper() != names[0][:1].upper()


def _org_mention(f: Finder, ent: Span, label: str) -> None:
    """An organisation, country or group name, and the acronym a parenthesis defines after it."""
    doc = f.doc
    root = ent.root
    owner = root.head.head
    if label == "GPE" and root.dep_ == "pobj" and root.head.lower_ == "of" and owner.pos_ == "PROPN" \
            and owner.is_title:
        return  # the end of a longer name: "the Southern District of New York"
    if root.dep_ in ("compound", "amod", "nmod") and root.head.i >= ent.end and (
            root.head.pos_ == "NOUN" or root.head.ent_type_ in ("PERSON", "NORP")) \
            and not speaks_through(root.head):
        # a modifier ("the UN rights office", "U.S. Air Force Gen. Norman Ham", "the Wisconsin
        # Republican"), not a mention
        return
    start, end = clip_name(doc, ent.start, ent.end)
    if label == "ORG":
        start, end = clip_name(doc, *extend_name(doc, start, end))
    if start >= end:
        return
    span = doc[start:end]
    text = span.text
    if span[0].lower_ == "the":
        span = doc[start + 1 : end]
    if not any(c.isalpha() for c in span.text) or f.rejected(span, organisation=True):
        return
    kind: ActorKind = "group" if label == "NORP" else "organization"
    mtype: MentionType = "acronym" if ACRONYM.match(span.text) else "name"
    names = name_words([t for t in span if t.text not in ("’s", "'s")])
    m = Mention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), text, mtype, kind,
                span.root.i, name_tokens=names, display=strip_the(text))
    if label == "GPE":
        m.description = "place"
    elif label == "FAC" or span.root.lemma_.lower() in lx.FACILITY_HEADS:
        m.description = "facility"
    m.is_subject = is_subject(span.root)
    if not f.add(m, start, end):
        return
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
            and ACRONYM.match(doc[end + 1].text) and not _other_initial(label, names, doc[end + 1].text):
        acr = doc[end + 1]  # "(IPAC)" right after a name defines an acronym for it
        am = Mention(acr.idx, acr.idx + len(acr), acr.text, "acronym", kind, acr.i,
                     name_tokens=[acr.text], acronym_of=m)
        f.add(am, acr.i, acr.i + 1)


def _first_name_before(doc: Doc, ent: Span) -> int:
    """Where a one-word person entity starts when the tagger left out a first name before it ("Ivanka"
    tagged a product in "Ivanka Trump said"): a capitalised proper noun on the first-name list."""
    i = ent.start
    if len(ent) != 1 or i == 0:
        return i
    prev = doc[i - 1]
    if prev.is_title and prev.pos_ == "PROPN" and prev.ent_type_ != "PERSON" \
            and "\n" not in prev.whitespace_ and prev.lower_ not in lx.TITLES \
            and name_list_gender(prev.text.lstrip(LEADING_DASHES)) is not None:
        return i - 1
    return i


# Parts of speech a word of a person's name never has; the tagger's PERSON entity takes one in when
# it opens the sentence before the name ("Certainly Donald Trump", "Entrusting Donald Trump").
_NOT_NAME_POS = frozenset({"ADV", "ADP", "VERB", "SCONJ", "CCONJ", "DET", "PRON", "AUX", "PART", "INTJ"})


def _name_start(doc: Doc, start: int, end: int) -> int:
    """Where a person entity's name begins: after a leading word that is no name — an adverb, a
    preposition or a verb ("Without Bloomberg", "Asserting Clinton's"), a common noun ("Billionaire
    Donald Trump") or an office that is no title of ``lexicon.TITLES`` ("Rabbi Rick Jacobs", "Alderman
    William D. Burns", "Comedian Sarah Silverman"), but never a first name of the offline list ("Will
    Hurd", whatever the tagger calls "Will"). PolNeAR train as one store: 15 actors of 15 articles lose
    such a word, 5 of them ("Billionaire Donald Trump", "Asserting Clinton", "Without Bloomberg") then
    join their person's canonical actor; own pages unchanged (docs/corpus.md, "Session 14"). A
    sentence's first word in "-ing" is a gerund the tagger took for a name ("Bashing Trump may be job
    one": PolNeAR train, fifth round of judged speakers, where Trump's quote went to "Bashing Trump")."""
    while end - start >= 2 and doc[start + 1].is_title and name_list_gender(doc[start].text) is None \
            and (doc[start].pos_ in _NOT_NAME_POS or doc[start].tag_ == "NN"
                 or doc[start].lower_ in lx.OFFICES or _opening_gerund(doc[start])):
        start += 1
    return start


def _opening_gerund(tok: Token) -> bool:
    """A capitalised "-ing" word that opens its sentence ("Bashing", "Attacking")."""
    return bool(tok.is_sent_start) and tok.text[1:].islower() and len(tok.text) > 5 \
        and tok.lower_.endswith("ing")


def _is_particle(tok: Token) -> bool:
    """A lower-case surname particle ("de" of "de Blasio"; ``lexicon.SURNAME_PARTICLES``)."""
    return tok.text.islower() and tok.lower_ in lx.SURNAME_PARTICLES and "\n" not in tok.whitespace_


def _particles_before(doc: Doc, start: int) -> int:
    """Where a name starts with the surname particles written before it ("de Blasio tweeted", which
    the tagger left untagged, "von der Leyen said"); not after a capitalised word, which makes the
    particle a preposition of a foreign name ("Hijos de Trump") or belongs to a name tagged whole."""
    lo = start
    while lo > 0 and _is_particle(doc[lo - 1]):
        lo -= 1
    return start if lo == start or (lo > 0 and doc[lo - 1].is_title) else lo


def _particles_after(doc: Doc, end: int) -> int:
    """Where a name ends when the tagger stopped it at a particle ("Ursula von der" + "Leyen")."""
    while end < len(doc) and _is_particle(doc[end - 1]) and (doc[end].is_title or _is_particle(doc[end])):
        end += 1
    return end


def _person_entity(f: Finder, ent: Span) -> Mention | None:
    start, end = clip_name(f.doc, _first_name_before(f.doc, ent), hyphen_tail(f.doc, ent.end))
    start, end = _name_start(f.doc, start, end), _particles_after(f.doc, end)
    end = person_name_end(f.doc, start, end)
    if start == ent.start and len(ent) == 1:
        start = _particles_before(f.doc, start)
    if start >= end:
        return None
    span = f.doc[start:end]
    if len(span) == 1 and (span[0].is_upper and len(span.text) > 1):
        return None  # an acronym mis-tagged as a person
    if not any(name_cased(t) for t in span) or f.rejected(span):
        return None  # "the repair bill grows": no capitalised word, no name
    m = person_mention(f.doc, span)
    shared = _shared_surname(f.doc, span) or _kin_surname(span)
    if shared is not None:  # "Joe and Hunter Biden": Joe Biden; "Clinton's husband, Bill": Bill Clinton
        m.name_tokens = [*m.name_tokens, shared]
        m.display = f"{m.display or span.text} {shared}"
    return m if f.add(m, start, end) else None


def _family(doc: Doc, span: Span, person_words: set[str]) -> Mention | None:
    """"the Khans", "both Clintons": the surname of a person of the article, in the plural after a
    determiner, is a family, a group of its own, whatever the tagger labels it ("The Ebelings"
    ORG, "The Kochs" GPE), not the one person of that surname (the misspelling rule of ``resolve``
    had joined "The Khans" to Khizr Khan: PolNeAR train, fourth identity gold). ``person_words``:
    the words the tagger labels part of a person's name in the article."""
    if len(span) != 1 or span.start == 0 or doc[span.start - 1].lower_ not in ("the", "both"):
        return None
    if not singulars(span[0].text) & person_words:
        return None  # "the Times", "the Nationals": no person of that name in the article
    det = doc[span.start - 1]
    text = doc.text[det.idx:span.end_char]
    return Mention(det.idx, span.end_char, text, "group", "group", span[0].i, name_tokens=[span.text])


def _shared_surname(doc: Doc, span: Span) -> str | None:
    """The surname a lone first name shares with the full name it is coordinated with:
    "Joe and Hunter Biden", "Dale and Martha Hughes"; not a surname after a title ("Mr. Trump and
    Bill Clinton") nor a word the first-name list does not know."""
    end = span.end
    if len(span) != 1 or end + 2 >= len(doc) or doc[end].lower_ != "and":
        return None
    if (span.start > 0 and doc[span.start - 1].lower_ in lx.GENDER_TITLES) \
            or name_list_gender(span[0].text) is None:
        return None
    other = next((e for e in doc.ents if e.start == end + 1 and e.label_ == "PERSON"), None)
    if other is None or len(other) < 2 or not all(t.is_title for t in other):
        return None
    return other[-1].text


def _kin_surname(span: Span) -> str | None:
    """The surname of the named person whose relative a lone first name is, in apposition:
    "Clinton's husband, Bill," is Bill Clinton, "Trump's daughter, Ivanka," Ivanka Trump (PolNeAR
    train, eleventh identity gold: "Bill" was an actor of his own, so the bare "Clinton said as he
    introduced his wife" could only be Hillary Clinton's)."""
    head = span.root
    if len(span) != 1 or head.dep_ != "appos" or name_list_gender(head.text) is None:
        return None
    noun = head.head
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if noun.lower_ not in lx.KIN_NOUNS or owner is None or not owner.is_title:
        return None
    return owner.text


def _named_alone(part: Span, whole: Span, text: str) -> bool:
    """Whether the text names ``part`` more often than the coordination it is part of: "Customs"
    only ever in "Customs and Border Protection" is no name of its own."""
    return text.count(strip_the(part.text)) > text.count(strip_the(whole.text))


def _split_coordination(ent: Span, text: str) -> list[Span]:
    """"McClatchy and Tribune": two names when no "of/for/on" comes before the "and" and one
    part is also named on its own in the text ("Customs and Border Protection" stays one)."""
    for t in ent:
        if t.lower_ in ("of", "for", "on"):
            return [ent]
        if t.lower_ == "and" and t.i > ent.start and t.i + 1 < ent.end:
            left, right = ent.doc[ent.start : t.i], ent.doc[t.i + 1 : ent.end]
            alone = _named_alone(left, ent, text) or _named_alone(right, ent, text)
            if any(x.is_title for x in left) and any(x.is_title for x in right) and alone:
                return [left, right]
    return [ent]


_OPEN_QUOTES = {"“", '"', "''", "‘"}
_CLOSE_QUOTES = {"”", '"', "''", "’"}


def nicknamed_people(f: Finder) -> None:
    """'John “Tig” Tiegen', 'Robert "Bob" Smith': a first name of the offline list, a nickname in
    quotation marks, a surname: one person named by first name and surname, the nickname an alias.
    The tagger split such names and typed the surname an organisation ("Tiegen" ORG four times:
    PolNeAR train, second identity gold, where his "he wondered" found no man but Obama)."""
    doc = f.doc
    for i in range(len(doc) - 4):
        first, open_q, nick, close_q, last = doc[i:i + 5]
        quoted = open_q.text in _OPEN_QUOTES and close_q.text in _CLOSE_QUOTES and nick.is_title
        named = first.is_title and name_list_gender(first.text) is not None
        if quoted and named and last.is_title and last.pos_ == "PROPN":
            m = person_mention(doc, doc[i:i + 5])
            m.name_tokens = [first.text, last.text]
            m.display = f"{first.text} {last.text}"
            f.add(m, i, i + 5)


def _possessed_person(doc: Doc, ent: Span) -> int | None:
    """Where a person's full name starts after a possessive inside one entity ("Breitbart’s Joel
    Pollak", tagged one person, "The New Republic’s Jeet Heer", tagged one place; "Fox News’ Bret
    Baier", tagged one organisation: PolNeAR train, judged speakers of the largest actors, where his
    "He commented" went to Trump): a first name of the offline list and at least one more
    capitalised word; None when there is none ("Robert Jordan’s Wheel of Time" keeps its possessor,
    ``filters.clip_name``)."""
    for i in range(ent.start + 1, ent.end - 2):
        if doc[i].text in ("’s", "'s") or _bare_possessive(doc[i]):
            rest = doc[i + 1 : ent.end]
            if name_list_gender(rest[0].text) is not None and all(t.is_title for t in rest):
                return i + 1
            return None
    return None


def _bare_possessive(tok: Token) -> bool:
    """An apostrophe glued to a word ending in s, before a space: "News’ ", "Times' "."""
    prev = tok.doc[tok.i - 1]
    glued = not prev.whitespace_ and bool(tok.whitespace_)
    return tok.text in ("’", "'") and glued and prev.text.endswith("s")


def entity_mentions(f: Finder) -> None:
    """Named entities: people, organisations, countries, facilities, plural nationalities."""
    doc = f.doc
    name_words = _name_counts(doc)
    person_words = {t.text for t in doc if t.ent_type_ == "PERSON"}
    for ent in list(doc.ents):
        if the_national(ent.root) and len(ent) <= 2:
            continue  # "the Welshman", "the Northern Irishman", tagged a person: a description
        owned = _possessed_person(doc, ent)
        if owned is not None:  # the person the outlet owns speaks, not the outlet
            m = _person_entity(f, doc[owned : ent.end])
            if m is not None and m.affiliation is None:
                m.affiliation = strip_the(doc[ent.start : owned - 1].text)
            continue
        family = _family(doc, ent, person_words)
        if family is not None:
            f.add(family, ent.start - 1, ent.end)
            continue
        label = ent.label_
        if label == "PERSON" and _is_facility(doc, ent):
            label = "FAC"  # "the Millbrook Tunnel", tagged PERSON: a named place
        elif label == "PERSON" and organisation_named(ent):
            label = "ORG"
        if label == "PERSON" and (_name_modifier(ent, name_words) or _bracketed_first_name(doc, ent)):
            continue
        if label in ("ORG", "GPE") and len(ent) == 1 and _particles_before(doc, ent.start) < ent.start \
                and doc[ent.start - 1].lower_ not in lx.ARABIC_PARTICLES:
            label = "PERSON"  # "von der Leyen said", "Leyen" tagged a place: a surname
        if label == "PERSON" and any(c.isalpha() for c in ent.text):
            _person_entity(f, ent)
        elif ent.label_ == "ORG" and _looks_like_person(ent):
            f.add(person_mention(doc, ent), ent.start, ent.end)
        elif label in ("ORG", "GPE", "FAC") or (label == "NORP" and ent.root.tag_ in ("NNPS", "NNS")):
            for part in _split_coordination(ent, f.text) if label == "ORG" else [ent]:
                _org_mention(f, part, label)


_PEOPLE_NOUNS = lx.ROLE_NOUNS | lx.GROUP_HEADS | lx.ANIMATE_HEADS | lx.ANONYMOUS_HEADS


def _capital_of_the_sentence(f: Finder, tok: Token) -> bool:
    """A word whose capital only says that a sentence starts: it opens one, is on no first-name
    list, and is nowhere else in the text capitalised inside a sentence ("Fun as that might sound
    …, Steenburgen wasn't thrilled", which the parser made the subject, had become a person whom
    two "she said" went to at confidence 0.9; own wild pages). "Ham said" after "Ken Ham" stays, and
    so does a noun for people ("Attorneys for Clinton appeared to oppose …": without it the phrase
    went to Clinton; PolNeAR train), and so does a name that a noun set off by commas calls a body
    ("Velocar, the French carmaker, said …": speaker probes, session 34)."""
    forms = singulars(tok.lower_) | {tok.lower_}
    if not tok.is_sent_start or name_list_gender(tok.text) is not None or forms & _PEOPLE_NOUNS:
        return False
    if any(c.dep_ == "appos" and c.lemma_.lower() in lx.BODY_APPOSITIONS for c in tok.children):
        return False
    return tok.text not in f.inner_capitals


def _missed_name(f: Finder, tok: Token) -> None:
    """A proper-noun subject the tagger missed ("Donand Trump has money")."""
    doc = f.doc
    lo = tok.i
    while lo - 1 >= 0 and doc[lo - 1].dep_ == "compound" and doc[lo - 1].pos_ == "PROPN" \
            and doc[lo - 1].i not in f.taken and doc[lo - 1].is_title:
        lo -= 1
    lo = _particles_before(doc, lo)
    if f.rejected(doc[lo : tok.i + 1]) or (lo == tok.i and _capital_of_the_sentence(f, tok)) \
            or the_national(tok):
        return  # "The Welshman said", "the Northern Irishman": a description (``descriptions``), no name
    names = [t.text for t in doc[lo: tok.i + 1] if t.lower_ not in lx.TITLES]
    text = doc[lo: tok.i + 1].text
    if tok.lower_ in lx.FACILITY_HEADS and lo < tok.i:  # "Millbrook Tunnel carries": a place
        fm = Mention(doc[lo].idx, tok.idx + len(tok), text, "name", "organization", tok.i, name_tokens=names)
        fm.description, fm.is_subject = "facility", True
        f.add(fm, lo, tok.i + 1)
        return
    body = organisation_named(doc[lo: tok.i + 1]) or the_one_name(doc[lo: tok.i + 1])
    kind: ActorKind = "organization" if body else "person"
    shown = display_name(list(doc[lo: tok.i + 1]))
    f.add(Mention(doc[lo].idx, tok.idx + len(tok), text, "name", kind, tok.i,
                  name_tokens=names or [tok.text], display=shown), lo, tok.i + 1)


def _acronym_or_its_name(f: Finder, tok: Token) -> None:
    """An acronym mention; but a kind of body written as an acronym ("PAC") ends the name whose
    capitalised words come before it: "Our Principles PAC said" is Our Principles PAC, not one "PAC"
    actor of every article (PolNeAR train, sixth and seventh identity golds: the store joined two
    PACs' words under "PAC")."""
    doc = f.doc
    lo = tok.i
    if tok.lower_ in lx.BODY_ACRONYMS:
        while lo > 0 and doc[lo - 1].is_title and doc[lo - 1].dep_ in ("compound", "poss", "nmod") \
                and doc[lo - 1].head.i == tok.i and lo - 1 not in f.taken:
            lo -= 1
    if lo < tok.i:
        text = doc[lo: tok.i + 1].text
        f.add(Mention(doc[lo].idx, tok.idx + len(tok), text, "name", "organization", tok.i,
                      name_tokens=[t.text for t in doc[lo: tok.i + 1]]), lo, tok.i + 1)
        return
    f.add(Mention(tok.idx, tok.idx + len(tok), tok.text, "acronym", "organization", tok.i,
                  name_tokens=[tok.text]), tok.i, tok.i + 1)


def stray_tokens(f: Finder) -> None:
    """Acronyms the tagger missed ("IPAC" elsewhere) and capitalised subjects it did not tag."""
    for tok in f.doc:
        if tok.i in f.taken:
            continue
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ == "NOUN" and tok.head.i > tok.i:
            continue
        if ACRONYM.match(tok.text) and tok.pos_ == "PROPN" and len(tok.text) >= 2 \
                and tok.text not in ("I", "A", "OK", "TV"):
            acts = is_subject(tok) or tok.dep_ == "poss" or f.speaks(tok.i, tok.i + 1)
            if acts and not f.rejected(f.doc[tok.i : tok.i + 1]):
                _acronym_or_its_name(f, tok)
        elif tok.pos_ == "PROPN" and name_cased(tok) and tok.dep_ in ("nsubj", "nsubjpass") \
                and not tok.ent_type_ \
                and tok.lower_ not in lx.TITLES:
            _missed_name(f, tok)
