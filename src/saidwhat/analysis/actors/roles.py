"""Role and affiliation of a person, read off the parse around the name.

- titles before the name: "Apple CEO Tim Cook", "Sen. Jane Doe", "UN Human Rights Commissioner X";
- appositions: "Liu Yuyin, a spokesman for the Chinese mission", "James Comey, director of the FBI";
- a role noun above the name: "China's ambassador to the United Nations Zhang Jun";
- "of/at" phrases: "Derek Scissors of the American Enterprise Institute";
- relative clauses with a role verb: "Scott Paul, who heads the Alliance for American Manufacturing".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.nlp import entity_of

__all__ = ["PersonRole", "affiliation_of", "country", "person_role", "phrase", "role_of", "role_phrase",
           "strip_the", "title_chain", "unit_parent"]

_TITLES = {t.rstrip(".") for t in lx.TITLES}
_HONORIFICS = {"the", "former", "then", "mr.", "mrs.", "ms.", "mr", "mrs", "ms"}
_ORG_ENTS = ("ORG", "GPE", "NORP")


def strip_the(text: str) -> str:
    return re.sub(r"^(the|The)\s+", "", text).strip()


def country(text: str) -> str | None:
    """The country a demonym or short form means ("Chinese" → China), else None."""
    return lx.DEMONYMS.get(text.lower().strip())


def phrase(tok: Token) -> str:
    """A noun's phrase up to its of/for/in/to/on complement ("the chairman of the committee")."""
    right = tok.i
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in ("in", "to", "of", "for", "on"):
            right = c.right_edge.i
    return strip_the(tok.doc[tok.left_edge.i : right + 1].text)


def _subtree_name(tok: Token) -> str:
    """The name a possessor token ends: its entity, else its own words back to punctuation
    ("MacBook Pro. Apple's CEO" → "Apple", not the misparsed "MacBook Pro . Apple")."""
    ent = entity_of(tok)
    if ent is not None:
        return " ".join(t.text for t in ent if t.dep_ != "case")
    words = [t for t in tok.subtree if t.dep_ != "case" and t.i <= tok.i]
    while words and any(w.is_punct for w in words):
        words = words[next(k for k, w in enumerate(words) if w.is_punct) + 1 :]
    return " ".join(t.text for t in words) or tok.text


def role_of(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    low = tok.lower_
    return tok.text if lemma in lx.ROLE_NOUNS or low in lx.TITLES or low in lx.ROLE_ACRONYMS else None


def _possessor(tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            span = _subtree_name(child)
            return country(span) or span
        if child.dep_ == "poss" and child.lower_ in ("its", "their"):
            # "Its president, Marcus Lindqvist": the organisation named last before
            org = next((e for e in reversed(tok.doc.ents) if e.end <= child.i and e.label_ == "ORG"), None)
            if org is not None:
                return strip_the(org.text)
    return None


def unit_parent(name: Span) -> Span | None:
    """The organisation a unit belongs to: "Advanced Development Programs at Blue Origin",
    "the Department of Health Sciences at the University of York": the name right after "at"."""
    doc, k = name.doc, name.end
    if k + 1 >= len(doc) or doc[k].lower_ != "at":
        return None
    starts = (k + 1, k + 2) if doc[k + 1].lower_ == "the" else (k + 1,)
    return next((e for e in doc.ents if e.start in starts and e.label_ == "ORG"), None)


def _prep_object(tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ != "prep" or child.lower_ not in ("for", "of", "at", "with", "from"):
            continue
        for p in child.children:
            if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME", "PERSON"):
                ent = entity_of(p)
                parent = unit_parent(ent) if ent is not None and ent.label_ == "ORG" else None
                if parent is not None and ent is not None:  # "vice president of X at Blue Origin"
                    return f"{strip_the(ent.text)} at {strip_the(parent.text)}"
                for m in (c for c in p.children if c.dep_ in ("amod", "compound", "nmod")):
                    found = country(m.text)
                    if found and p.lemma_.lower() in lx.STATE_HEADS | lx.ORG_HEADS:
                        return found
                name = phrase(p)
                return country(name) or name
    return None


def affiliation_of(tok: Token) -> str | None:
    """The organisation or country a role noun speaks for: "X's", "for/of Z", "<Org> Director"."""
    found = _possessor(tok) or _prep_object(tok)
    if found:
        return found
    comps = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i]
    ents = [c for c in comps if c.ent_type_ in _ORG_ENTS]
    if ents:
        first = min(c.left_edge.i for c in ents)
        text = tok.doc[first : ents[-1].i + 1].text
        return country(text) or strip_the(text)
    return None


def _is_title(tok: Token) -> bool:
    low = tok.lower_.rstrip(".")
    if tok.ent_type_ == "PERSON":
        return False
    if low in _TITLES or tok.lower_ in lx.ROLE_ACRONYMS:
        return True
    return tok.lemma_.lower() in lx.ROLE_NOUNS and tok.dep_ == "compound"


def title_chain(doc: Doc, start: int) -> list[Token]:
    """Titles and role nouns right before a name: "UN Human Rights Commissioner", "CEO", "Mr."."""
    titles: list[Token] = []
    i = start - 1
    while i >= 0 and _is_title(doc[i]):
        titles.insert(0, doc[i])
        i -= 1
    return titles


@dataclass
class PersonRole:
    role: str | None = None
    affiliation: str | None = None
    description: str | None = None
    gender_words: tuple[Token, ...] = ()


def role_phrase(tok: Token) -> str:
    """A role noun with the words that make the role ("senior vice president", "chief economist"),
    without determiners, possessors or organisation names ("an expert" → "expert")."""
    words = [t for t in tok.lefts if t.dep_ in ("amod", "compound") and not t.ent_type_
             and t.pos_ in ("ADJ", "NOUN", "PROPN") and t.i >= tok.i - 3]
    start = min((t.i for t in words), default=tok.i)
    if any(t.is_punct for t in tok.doc[start : tok.i]):
        start = tok.i
    return tok.doc[start : tok.i + 1].text


def _from_apposition(doc: Doc, head: Token, found: PersonRole) -> None:
    """"Liu Yuyin, a spokesman for the Chinese mission" / "James Comey, director of the FBI"; a noun
    that is no office gives the description alone ("Bill Millis, a North Carolina businessman")."""
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and child.ent_type_ != "PERSON":
            role = role_of(child) and role_phrase(child)
            if not role and child.lemma_.lower() in lx.DESCRIBING_NOUNS:
                found.description = found.description or doc[child.left_edge.i : child.right_edge.i + 1].text
            if role:
                found.role = found.role or role
                found.affiliation = affiliation_of(child)
                found.description = doc[child.left_edge.i : child.right_edge.i + 1].text
                found.gender_words += (child,)


def _from_governing_role(head: Token, found: PersonRole) -> None:
    """"China's ambassador to the United Nations Zhang Jun": a role noun above the name. Not a noun
    the name possesses: "Donald Trump's eldest daughter" is someone else, and no gender of his; nor
    a plural the name modifies: "Clinton aides", "Trump supporters" are others, no role of hers or his
    (PolNeAR train as one store: "aides", "supporters", "candidates", "voters" were roles of both);
    nor the title of another name: "Carson campaign manager Barry Bennett" (PolNeAR train, tenth
    identity gold: "the campaign manager" then fitted Carson as well as Bennett, and went to neither)."""
    if head.dep_ == "poss":
        return
    anc, steps = head.head, 0
    while anc is not head and steps < 3 and anc.pos_ in ("NOUN", "PROPN", "ADP"):
        if anc.tag_ in ("NNS", "NNPS"):
            return
        if anc.pos_ != "ADP" and role_of(anc) and anc.ent_type_ != "PERSON":
            if anc.dep_ == "compound" and anc.head.ent_type_ == "PERSON":
                return  # "Carson campaign manager Barry Bennett": Bennett's title, not Carson's
            if steps and anc.lemma_.lower() in lx.KIN_NOUNS:
                return  # "the wife of Senator James Whitfield" is hers, no role or gender of his
            found.role = found.role or anc.text
            found.affiliation = affiliation_of(anc)
            found.gender_words += (anc,)
            return
        anc, steps = anc.head, steps + 1


def _from_titles(doc: Doc, titles: list[Token], head: Token, ent_start: int) -> str | None:
    """"Uyghur Human Rights Program Director Omer Kanat", "Apple CEO Tim Cook": the organisation."""
    for t in titles + [c for c in head.children if c.dep_ == "compound" and c.i < ent_start]:
        aff = affiliation_of(t)
        if aff:
            return aff
    if not titles:
        return None
    first = titles[0].i - 1
    j = first
    while j >= 0 and doc[j].ent_type_ in _ORG_ENTS:
        j -= 1
    if j < first:
        text = strip_the(doc[j + 1 : first + 1].text)
        return country(text) or text
    return None


def _organisation_role(doc: Doc, titles: list[Token]) -> str | None:
    """"Council member Priya Raman": a common organisation noun before the role is part of it."""
    k = titles[0].i - 1
    lo = k + 1
    while k >= 0 and (doc[k].pos_ == "NOUN" or doc[k].pos_ == "PROPN" and doc[k].lower_ in lx.ORG_HEADS) \
            and doc[k].dep_ == "compound" and doc[k].ent_type_ not in ("PERSON", "GPE", "NORP") \
            and titles[0].i - k <= 3:
        lo, k = k, k - 1
    # not the end of a longer name ("Uyghur Human Rights Program Director")
    whole = doc[lo].ent_iob_ != "I" and not (lo > 0 and doc[lo - 1].pos_ == "PROPN"
                                             and doc[lo - 1].dep_ == "compound")
    if lo <= titles[0].i - 1 and doc[titles[0].i - 1].lemma_.lower() in lx.ORG_HEADS and whole:
        return doc[lo : titles[-1].i + 1].text
    return None


def _from_prep(head: Token) -> str | None:
    """"Derek Scissors of the American Enterprise Institute": a name's of/at/from organisation."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "at", "from", "with"):
            for p in child.children:
                if p.dep_ == "pobj" and p.ent_type_ == "ORG":
                    ent = entity_of(p)
                    return strip_the(ent.text) if ent is not None else p.text
    return None


def _from_relative_clause(head: Token) -> tuple[str, str] | None:
    """"Scott Paul, who heads the Alliance for American Manufacturing": (role, organisation)."""
    for child in head.rights:
        if child.dep_ != "relcl" or child.lemma_.lower() not in lx.ROLE_VERBS:
            continue
        for obj in child.children:
            if obj.dep_ == "dobj" and (obj.ent_type_ in ("ORG", "GPE") or obj.pos_ == "PROPN"
                                       or obj.lemma_.lower() in lx.ORG_HEADS):
                return lx.ROLE_VERBS[child.lemma_.lower()], phrase(obj)
    return None


def person_role(doc: Doc, ent: Span, titles: list[Token]) -> PersonRole:
    """Everything the parse says about a named person's role and affiliation."""
    head = ent.root
    found = PersonRole(role=next((t.text for t in reversed(titles) if t.lower_ not in _HONORIFICS), None))
    _from_apposition(doc, head, found)
    if found.affiliation is None:
        _from_governing_role(head, found)
    if found.affiliation is None:
        found.affiliation = _from_titles(doc, titles, head, ent.start)
    if titles and found.role == titles[-1].text:
        found.role = _organisation_role(doc, titles) or found.role
    if found.affiliation is None:
        found.affiliation = _from_prep(head)
    if found.affiliation is None:
        by_verb = _from_relative_clause(head)
        if by_verb is not None:
            found.role = found.role or by_verb[0]
            found.affiliation = by_verb[1]
    return found
