"""The passes that find unnamed actors: coordinated groups (``coordinated_groups``), noun phrases
with a person or body head, definite, indefinite or plural (``description_mentions``), and
personal pronouns (``pronoun_mentions``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.filters import is_animate_head
from saidwhat.analysis.actors.mentions.mention import (
    Finder,
    Mention,
    gender_from_tokens,
    relcl_description,
    the_national,
)
from saidwhat.analysis.actors.roles import affiliation_of, phrase
from saidwhat.analysis.subjects import is_subject
from saidwhat.schema import ActorKind


def _last_conj(head: Token) -> Token:
    last = head
    while any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in last.children):
        last = next(c for c in last.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))
    return last


def coordinated_groups(f: Finder) -> None:
    """Coordinated collectives first, before their parts become mentions of their own:
    "welcomed by rights advocates, foreign officials and exiled Uyghurs" is one reacting group."""
    for chunk in noun_chunks(f.doc):
        head = chunk.root
        if head.tag_ not in ("NNS", "NNPS") or head.lemma_.lower() not in lx.GROUP_HEADS | lx.ORG_HEADS:
            continue
        if not (is_subject(head) or head.head.dep_ == "agent"):
            continue
        last = _last_conj(head)
        if last is head:
            continue
        text = f.text[chunk.start_char: last.idx + len(last)]
        gm = Mention(chunk.start_char, chunk.start_char + len(text), text, "group", "group", head.i)
        gm.description, gm.is_subject = text, True
        f.add(gm, chunk.start, last.i + 1)


def _indefinite(chunk: Span, text: str, start_char: int) -> Mention:
    """"an official", "sources", "63 advocacy groups": an anonymous source or a group."""
    head = chunk.root
    lemma = head.lemma_.lower()
    plural = head.tag_ in ("NNS", "NNPS")
    if plural and (lemma in lx.GROUP_HEADS or lemma in lx.ORG_HEADS) and lemma not in lx.ANONYMOUS_HEADS:
        cm = Mention(start_char, start_char + len(text), text, "group", "group", head.i)
    else:
        cm = Mention(start_char, start_char + len(text), text, "indefinite", "anonymous", head.i)
    cm.description = phrase(head) if head.right_edge.i - head.i < 8 else text
    if any(c.dep_ == "relcl" for c in head.rights):
        cm.label = cm.description if head.right_edge.i - head.i < 8 else text.split(",")[0]
        cm.description = relcl_description(head, cm.label)
    cm.affiliation = affiliation_of(head)
    cm.role = head.text if lemma in lx.ROLE_NOUNS and lemma not in ("source", "person", "people") else None
    return cm


_INDEFINITE_DETS = ("a", "an", "one", "another", "some", "several", "two", "three")


def _is_indefinite_source(f: Finder, chunk: Span, det: str | None) -> bool:
    head = chunk.root
    lemma = head.lemma_.lower()
    plural = head.tag_ in ("NNS", "NNPS")
    if not (lemma in lx.ANONYMOUS_HEADS or lemma in lx.ROLE_NOUNS) or head.dep_ == "appos":
        return False
    counted = det in _INDEFINITE_DETS or (plural and det is None) or any(t.like_num for t in chunk)
    return counted and (f.speaks(chunk.start, chunk.end) or is_subject(head))


def _plural_group(f: Finder, chunk: Span, start_char: int) -> None:
    """A coordination is one reacting group: "rights advocates, foreign officials and exiled Uyghurs"."""
    head = chunk.root
    end_tok = max(chunk.end, _last_conj(head).i + 1)
    text = f.text[start_char: f.doc[end_tok - 1].idx + len(f.doc[end_tok - 1])]
    cm = Mention(start_char, start_char + len(text), text, "group", "group", head.i)
    cm.description = text
    cm.is_subject = is_subject(head) or head.head.dep_ == "agent"
    f.add(cm, chunk.start, end_tok)


# Relational nouns a name possesses that are someone else ("Trump's potential VP", "Clinton's
# chief of staff"), besides ``lexicon.ROLE_NOUNS``: from the train development gold
# (tests/data/actor-identity-train), where such a source was given to the possessor.
RELATION_NOUNS = {"vp", "mate", "deputy", "successor", "predecessor", "ally", "friend", "rival", "partner",
                  "brother", "sister", "child", "nephew", "niece", "grandson", "granddaughter", "boss",
                  "lieutenant", "confidant", "protege", "protégé", "sidekick"}
_PLACE_ENTS = ("GPE", "NORP", "LOC")


def _name_possessor(head: Token) -> Token | None:
    """The proper name that possesses a noun ("Trump" in "Trump's potential VP"), else None."""
    return next((c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"
                 and (c.pos_ == "PROPN" or c.ent_type_ or c.is_title)), None)


def _organisation_owner(owner: Token) -> bool:
    """"The State Department's inspector general", "the Pentagon's adviser": an organisation owns
    the role (an affiliation), not a person."""
    words = list(owner.subtree)
    return any(t.dep_ == "det" for t in words) or any(
        t.lemma_.lower() in lx.ORG_HEADS | lx.STATE_HEADS | lx.INSTITUTIONS for t in words)


def _chunk_text(chunk: Span) -> tuple[str, int]:
    text = chunk.text.strip("“”\"' \n")
    start_char = chunk.start_char + chunk.text.index(text) if text in chunk.text else chunk.start_char
    return text, start_char


def _possessed_role(f: Finder, chunk: Span) -> Mention | None:
    """"Trump's son", "Hillary Clinton's chief of staff": a person described by their relation to a
    named one, who is not that one. The mention covers the words after the possessive, named by the
    whole phrase; ``possessor`` keeps the owner so that resolution never joins the two."""
    head = chunk.root
    owner = _name_possessor(head)
    lemma, low = head.lemma_.lower(), head.lower_
    if owner is None or owner.ent_type_ in _PLACE_ENTS or _organisation_owner(owner):
        return None  # "China's ambassador", "the State Department's inspector general": an affiliation
    if head.tag_ in ("NNS", "NNPS") or lemma in lx.ORG_HEADS | lx.GROUP_HEADS \
            or not {lemma, low} & (lx.ROLE_NOUNS | RELATION_NOUNS):
        return None
    after = [t for t in head.subtree if t.i > head.i]
    if any(t.ent_type_ == "PERSON" and t.dep_ not in ("compound", "poss") for t in after):
        return None  # "China's ambassador to the UN Zhang Jun": the name is the mention
    first = owner.right_edge.i + 1
    while first < head.i and f.doc[first].dep_ == "case":
        first += 1
    if first > head.i:
        return None
    start, end = f.doc[first].idx, chunk.end_char
    text, _ = _chunk_text(chunk)
    cm = Mention(start, end, text, "definite", "person", head.i)
    cm.role, cm.affiliation, cm.label = head.text, affiliation_of(head), text
    cm.gender = gender_from_tokens([head])
    cm.possessor = owner.i
    return cm


def _person_appositive(f: Finder, head: Token) -> bool:
    """"Trump's wife, Melania": the name in apposition to a person's role or relation is the mention,
    and a person's (the tagger called "Melania" a place), of the gender the noun says."""
    lemma, low = head.lemma_.lower(), head.lower_
    if head.tag_ in ("NNS", "NNPS") or not ({lemma, low} & (lx.ROLE_NOUNS | RELATION_NOUNS)) \
            or {lemma, low} & (lx.ORG_HEADS | lx.GROUP_HEADS):
        return False
    names = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    for m in f.out:
        if m.type == "name" and m.kind == "organization" and any(m.start <= c.idx < m.end for c in names):
            m.kind = "person"
            m.gender = m.gender or gender_from_tokens([head])
    return bool(names)


def _in_quotes(f: Finder, pos: int) -> bool:
    """Whether a character lies inside quotation marks (``surnames.in_quotes``, which imports this module)."""
    from saidwhat.analysis.actors.surnames import in_quotes

    return in_quotes(f.text, pos)


def _chunk_mention(f: Finder, chunk: Span) -> Mention | None:
    """A description, document or group from one noun chunk, or None."""
    head = chunk.root
    lemma = head.lemma_.lower()
    det = next((t.lower_ for t in chunk if t.dep_ == "det"), None)
    definite = det in ("the", "this", "that")
    text, start_char = _chunk_text(chunk)
    plural = head.tag_ in ("NNS", "NNPS")
    poss_pron = any(t.dep_ == "poss" and t.pos_ == "PRON" for t in chunk)
    if lemma in lx.DOCUMENT_HEADS and f.speaks(chunk.start, chunk.end):
        return Mention(start_char, start_char + len(text), text, "document", "organization", head.i)
    if lemma in lx.ORG_HEADS and not plural and (definite or chunk[0].lower_ == "the") and not poss_pron:
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == head.i + 1 for c in head.children):
            return None  # "the rebel group M23": the name is the mention
        return Mention(start_char, start_char + len(text), text, "definite", "organization", head.i)
    if _person_appositive(f, head) or any(c.dep_ == "appos" and c.ent_type_ == "PERSON"
                                          for c in head.children):
        return None  # "The union's leader, Tom Ashby": the name is the mention
    possessed = _possessed_role(f, chunk)
    if possessed is not None:
        return possessed
    if the_national(head) and head.dep_ not in ("appos", "poss", "compound"):
        return Mention(start_char, start_char + len(text), text, "definite", "person", head.i)
    party_member = lemma in lx.PARTY_MEMBERS and head.ent_type_ == "NORP"  # "the Wisconsin Republican"
    if (lemma in lx.ROLE_NOUNS or party_member) and not plural and definite \
            and head.dep_ not in ("appos", "poss"):
        cm = Mention(start_char, start_char + len(text), text, "definite", "person", head.i)
        cm.role, cm.affiliation = head.text, affiliation_of(head)
        cm.gender = gender_from_tokens([head])
        return cm
    if _is_indefinite_source(f, chunk, det):
        return _indefinite(chunk, text, start_char)
    speaks = f.speaks(chunk.start, chunk.end)
    if plural and lemma in lx.PUBLIC_BODY_HEADS:
        if not _in_quotes(f, start_char):  # "“threats to harm lawmakers,” he said": a speaker's words
            _plural_group(f, chunk, start_char)  # "urged lawmakers to act": a body's people, as objects too
        return None
    if plural and lemma in lx.ORG_HEADS - lx.GROUP_HEADS and not speaks:
        return None  # "media companies", "the banks": organisations in general, not an actor
    if plural and (lemma in lx.GROUP_HEADS or lemma in lx.ORG_HEADS) and (
            speaks or is_subject(head) or head.head.dep_ == "agent"):
        _plural_group(f, chunk, start_char)
    return None


def _one_of_people(f: Finder, chunk: Span) -> Mention | None:
    """"said one of two witnesses who …": one unnamed person of a plural of people, when the text
    gives them as a source (PolNeAR train, fourth round of judged speakers: the quote had no
    speaker, and "the source recalled" after it went to the woman the witness spoke of)."""
    head = chunk.root
    one = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    if one is None or one.lower_ != "one" or head.tag_ not in ("NNS", "NNPS") or not is_animate_head(head) \
            or not is_subject(one) or not f.speaks(one.i, chunk.end):
        return None  # "She was one of two women who declared …": the women speak
    text = f.text[one.idx: chunk.end_char]
    m = Mention(one.idx, chunk.end_char, text, "indefinite", "anonymous", one.i)
    m.description = m.label = text
    m.is_subject = True
    return m


def noun_chunks(doc: Doc) -> list[Span]:
    """The parser's noun chunks, each cut before a finite verb or a speech verb it holds: "the
    31-year-old told reporters" is the parser's one chunk for a speaker and a cue (speaker probes,
    session 34: the actor was named "31-year-old told reporters")."""
    out = []
    for chunk in doc.noun_chunks:
        verb = next((t for t in chunk if t.i > chunk.start and (
            t.tag_ in _FINITE or (t.tag_ == "VBN" and t.lemma_.lower() in lx.SPEECH_VERBS))), None)
        if verb is None:
            out.append(chunk)
        elif chunk.root.i < verb.i:
            out.append(doc[chunk.start: verb.i])
    return out


_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def description_mentions(f: Finder) -> None:
    """Descriptions, groups and documents from noun chunks."""
    for chunk in noun_chunks(f.doc):
        head = chunk.root
        if head.i in f.taken or head.pos_ == "PRON":
            continue
        one = _one_of_people(f, chunk)
        if one is not None:
            f.add(one, one.head, chunk.end)
            continue
        cm = _chunk_mention(f, chunk)
        if cm is not None:
            cm.is_subject = is_subject(head)
            first = chunk.start
            if cm.possessor >= 0:  # the owner's name stays its own mention
                first = cm.possessor + 1
                while first < head.i and f.doc[first].idx < cm.start:
                    first += 1
            f.add(cm, first, chunk.end)


_PERSONAL = lx.MALE_PRONOUNS | lx.FEMALE_PRONOUNS | lx.ORG_PRONOUNS | lx.PLURAL_PRONOUNS


def pronoun_mentions(f: Finder) -> None:
    """Third-person pronouns that speak, act, possess or are acted on."""
    for tok in f.doc:
        low = tok.lower_
        if tok.i in f.taken or tok.pos_ != "PRON" or low not in _PERSONAL:
            continue
        speaks = tok.i in f.source_tokens
        if not (speaks or is_subject(tok) or (low in ("his", "her", "its", "their") and tok.dep_ == "poss")
                or (low in ("him", "her", "them") and tok.dep_ in ("dobj", "pobj", "dative"))):
            continue
        if low in ("it", "its") and not speaks:
            continue  # "it" is mostly not an actor; only resolve it when it speaks
        pkind: ActorKind = "person" if low in lx.MALE_PRONOUNS | lx.FEMALE_PRONOUNS else "organization"
        m = Mention(tok.idx, tok.idx + len(tok), tok.text, "pronoun", pkind, tok.i)
        m.gender = "m" if low in lx.MALE_PRONOUNS else "f" if low in lx.FEMALE_PRONOUNS else None
        m.is_subject = is_subject(tok)
        f.add(m, tok.i, tok.i + 1)
