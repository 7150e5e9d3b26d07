"""An actor from a cluster: the mention that names it best (``best_mention``: a name over a title, a
speaking body over its owner), its aliases, kind and affiliation (``actor_from``).
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.mentions import Mention
from saidwhat.analysis.actors.resolve.cluster import Cluster
from saidwhat.analysis.actors.roles import strip_the
from saidwhat.analysis.nlp import text_of
from saidwhat.schema import Actor, ActorKind, Span

# Bodies and helpers that speak for the person who owns them ("Ryan's office", "Trump's lawyers").
_OWNED_BODIES = frozenset({"office", "campaign", "team", "staff", "administration", "camp"}) | lx.AGENT_NOUNS


def _owns_speaking_body(tok: Token) -> bool:
    """A name that is the possessor of such a body ("Ryan" of "Ryan's office")."""
    return tok.dep_ == "poss" and tok.head.lemma_.lower() in _OWNED_BODIES


# Prepositions whose object is the source's author or one of its members: "a study by X", "an
# email from X", "others, including X". Any other preposition's object only qualifies the source
# ("the wife of X", "those around him", "the message forwarded to X").
_AUTHOR_PREPS = frozenset({"by", "from", "including", "like"})


def _span_root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None else None


def _under_modifier(tok: Token, root: Token) -> bool:
    """Whether the name whose phrase ``tok`` heads only qualifies the source headed by ``root``: the object of
    a verb below the head ("One pastor supporting Mr. Cruz", "White America embracing Obama") or of a
    preposition on a lower-case word that names no author ("the wife of Alan Grayson", "those around
    him"); not a passive verb's agent nor the object of "by" or "from" ("a survey conducted by Elena
    Sadovskaya", "an email from Neera Tanden"), nor a name after a capitalised title ("Speaker of the
    House Rep. Paul Ryan"), nor the object of a source head the parser took for a verb ("screenwriter
    Cole Haddon")."""
    if tok.dep_ in ("dobj", "dative"):
        return tok.head.i != root.i
    prep = tok.head
    return tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ not in _AUTHOR_PREPS \
        and prep.head.is_lower and prep.head.pos_ in ("NOUN", "PRON", "VERB")


def _qualifier(doc: Doc, m: Mention, root: Token) -> bool:
    """A person's name or pronoun that only qualifies the source headed by ``root``
    (``_under_modifier``), written right after its preposition ("the wife of Alan Grayson"; not
    "China's ambassador to the United Nations Zhang Jun", a title the parser ended with the name).
    So does a place after "in" or "at" ("The complaint, filed in federal court in San Francisco,
    says": speaker probes, session 34), not after "of" ("the city of Oakland argued" is Oakland's)."""
    place = m.kind != "person" and m.description == "place"
    if (m.kind != "person" and not place) or m.type not in ("name", "pronoun"):
        return False
    tok = doc[m.head]
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head  # the name's head in its phrase
    if not _under_modifier(tok, root) or (place and tok.head.lower_ not in ("in", "at")):
        return False
    between = [t for t in doc[tok.head.i + 1: tok.i] if t.idx < m.start] if tok.dep_ == "pobj" else []
    return not any(t.pos_ == "PROPN" for t in between)


def best_mention(doc: Doc, att_source: list[Span], mentions: list[Mention]) -> Mention | None:
    over = [m for m in mentions if m.cluster >= 0 and any(m.start < e and s < m.end for s, e in att_source)]
    if not over:
        return None
    roots = [r for r in (_span_root(doc, s, e) for s, e in att_source) if r is not None]
    for root in roots:
        for m in over:
            if m.start <= root.idx < m.end:
                return _named_after_title(doc, m, over) or m
    if roots:
        # a person who only qualifies the source's head is not the source ("One pastor supporting Mr.
        # Cruz", "White America embracing Obama", "wife of Alan Grayson": PolNeAR train, where the
        # quotes went to Cruz, Obama and Grayson)
        over = [m for m in over if not _qualifier(doc, m, roots[0])]
        if not over:
            return None
    # a span that holds a possessed description ("as Hillary Clinton's chief of staff during the
    # Clinton administration") names the person described, not the names that modify it
    possessed = [m for m in over if m.possessor >= 0]
    if possessed:
        return possessed[0]
    # nor the owner of the body that speaks ("A statement from Ryan's office", "a statement released
    # by Trump's campaign": the office, not Paul Ryan; PolNeAR train)
    over = [m for m in over if not _owns_speaking_body(doc[m.head])]
    if not over:
        return None
    order = {"name": 0, "acronym": 1, "group": 2, "indefinite": 3, "definite": 4, "document": 5, "pronoun": 6}
    return min(over, key=lambda m: (m.kind != "person", order[m.type], m.start))


def _named_after_title(doc: Doc, m: Mention, over: list[Mention]) -> Mention | None:
    """The person named right after an organisation mention that is their title ("UMWA Director of
    Government Affairs Phil Smith told POLITICO": Phil Smith, not the office; PolNeAR train, eleventh
    identity gold, once the office's name no longer took in his first name), or set off by a comma
    after an office the tagger took for a body ("The Home Secretary, Shabana Mahmood, announced",
    "The UN High Commissioner for Human Rights, Volker Türk, called": speaker probes, session 34)."""
    if m.kind != "organization":
        return None
    text = text_of(doc)
    office = doc[m.head].lemma_.lower() in lx.ROLE_NOUNS
    return next((x for x in over if x.type == "name" and x.kind == "person" and x.start >= m.end
                 and (not text[m.end:x.start].strip() or (office and text[m.end:x.start].strip() == ","))),
                None)


def _unnamed_name(doc: Doc, m: Mention, text: str) -> str:
    """A description used as a name, without the capital of a sentence start ("a city engineer")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not text or text[:1].islower() or not text.startswith(span[0].text):
        return text
    first = span[0]
    if first.is_sent_start and first.is_title and first.pos_ in ("DET", "NOUN", "ADJ", "NUM", "PRON") \
            and not first.ent_type_:
        return text[:1].lower() + text[1:]
    return text


def has_content(name: str) -> bool:
    """Whether a name has a word that is not a stopword ("said", "," and "who" are no actors)."""
    words = [w.lower().strip(".,;:'\"“”’()") for w in name.split()]
    return any(any(ch.isalnum() for ch in w) and (w not in STOP_WORDS or w in lx.ANONYMOUS_HEADS)
               for w in words)


def _full_affiliation(doc: Doc, generic: str, mentions: list[Mention]) -> str | None:
    """The organisation a bare role noun means ("Council member" → "Port Aldren city council").

    The longest organisation mention with that head, the nearest one first; None when the text
    never names it more fully (a bare "Council" says nothing the role does not).
    """
    head = generic.lower()
    best: Mention | None = None
    for x in mentions:
        if x.kind != "organization" or x.type not in ("name", "definite") \
                or doc[x.head].lemma_.lower() != head:
            continue
        words = strip_the(x.text).split()
        if len(words) < 2:
            continue
        if best is None or len(words) > len(strip_the(best.text).split()):
            best = x
    return strip_the(best.text) if best is not None else None


def actor_from(doc: Doc, c: Cluster, actor_id: str, mentions: list[Mention] | None = None) -> Actor:
    ms = c.mentions
    names = [m for m in ms if m.type == "name"]
    if c.kind == "person" and names:
        best = max(names, key=lambda m: (len(m.name_tokens), -m.start))
        name = best.display or " ".join(best.name_tokens)
    elif names:
        best = max(names, key=lambda m: (len(strip_the(m.text)), -m.start))
        name = strip_the(best.text)
    elif any(m.type == "acronym" for m in ms):
        name = next(m.text for m in ms if m.type == "acronym")
    else:
        first = next((m for m in ms if m.type in ("indefinite", "group", "definite")), ms[0])
        name = _unnamed_name(doc, first, first.label or first.description or first.text)
    aliases: list[str] = []
    for m in ms:
        if m.type in ("pronoun", "document"):
            continue
        t = m.text.strip()
        if strip_the(t).lower() != strip_the(name).lower() and t not in aliases and t != name:
            aliases.append(t)
    role = next((m.role for m in ms if m.role), None)
    affiliation = None
    for m in ms:
        if not m.affiliation or m.affiliation == name:
            continue
        if m.generic_affiliation:
            full = _full_affiliation(doc, m.affiliation, mentions or [])
            if full is None:
                continue
            affiliation = full
        else:
            affiliation = m.affiliation
        break
    description = next((m.description for m in ms
                        if m.description and m.description not in ("place", "facility")), None)
    kind: ActorKind = c.kind
    return Actor(id=actor_id, name=name, kind=kind, aliases=aliases,
                 mentions=sorted({m.span for m in ms}), affiliation=affiliation, role=role,
                 description=description if kind in ("anonymous", "group") or description != name else None)
