"""Finding actor mentions in a parsed article: names, acronyms, descriptions, pronouns, documents.

Each ``Mention`` records what later decides its merge: its type, the kind of actor it can
denote, its gender when the text shows it, and the role/affiliation read off the parse around
it (appositions, "X of Y", "Y's X", "a spokesman for Z", title compounds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.schema import ActorKind

MentionType = Literal["name", "acronym", "definite", "indefinite", "pronoun", "document", "group"]

_ACRONYM = re.compile(r"^[A-Z][A-Z&.\-]{1,7}$")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    type: MentionType
    kind: ActorKind
    head: int  # token index of the head
    name_tokens: list[str] = field(default_factory=list)  # proper-name tokens without titles
    gender: str | None = None
    role: str | None = None
    affiliation: str | None = None
    description: str | None = None
    is_source: bool = False
    is_subject: bool = False
    cluster: int = -1
    acronym_of: Mention | None = None  # the name a parenthesised acronym defines
    generic_affiliation: bool = False  # the affiliation is a bare common noun ("Council")
    label: str | None = None  # the name of an unnamed actor when its description says more

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def strip_the(text: str) -> str:
    return re.sub(r"^(the|The)\s+", "", text).strip()


def _country(text: str) -> str | None:
    low = text.lower().strip()
    if low in lx.DEMONYMS:
        return lx.DEMONYMS[low]
    return None


def extend_name(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Grow an organisation name over "of/for/on (the) Capitalised ..." ("Office of the UN High ...")."""
    while end < len(doc):
        j = end
        if doc[j].lower_ in ("of", "for", "on", "and", "&") and j + 1 < len(doc):
            k = j + 1
            if doc[k].lower_ == "the" and k + 1 < len(doc):
                k += 1
            if doc[k].is_title or doc[k].is_upper and len(doc[k]) > 1:
                m = k
                while m < len(doc) and (doc[m].is_title or (doc[m].is_upper and len(doc[m]) > 1)
                                        or doc[m].text == "-") \
                        and doc[m].pos_ in ("PROPN", "NOUN", "ADJ", "PUNCT"):
                    m += 1
                if m > k and doc[k].ent_type_ not in ("DATE", "TIME", "CARDINAL"):
                    end = m
                    continue
        if doc[j].is_title and doc[j].pos_ == "PROPN" and doc[j].ent_type_ in ("ORG", "") \
                and not (doc[j].lower_ in lx.TITLES and j + 1 < len(doc)
                         and doc[j + 1].ent_type_ == "PERSON"):
            end = j + 1
            continue
        break
    return start, end


def affiliation_of(tok: Token) -> str | None:
    """The organisation or country a role noun speaks for: "X's", "for/of Z", "<Org> Director"."""
    for child in tok.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            span = _subtree_name(child)
            return _country(span) or span
        if child.dep_ == "poss" and child.lower_ in ("its", "their"):
            # "Its president, Marcus Lindqvist": the organisation named last before
            org = next((e for e in reversed(tok.doc.ents) if e.end <= child.i and e.label_ == "ORG"), None)
            if org is not None:
                return strip_the(org.text)
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "with", "from"):
            for p in child.children:
                if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME", "PERSON"):
                    name = _phrase(p)
                    mods = [c for c in p.children if c.dep_ in ("amod", "compound", "nmod")]
                    for m in mods:
                        country = _country(m.text)
                        if country and p.lemma_.lower() in lx.STATE_HEADS | lx.ORG_HEADS:
                            return country
                    return _country(name) or name
    comps = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i]
    ents = [c for c in comps if c.ent_type_ in ("ORG", "GPE", "NORP")]
    if ents:
        first = min(c.left_edge.i for c in ents)
        text = tok.doc[first : ents[-1].i + 1].text
        return _country(text) or strip_the(text)
    return None


def _subtree_name(tok: Token) -> str:
    toks = [t for t in tok.subtree if t.dep_ != "case"]
    return " ".join(t.text for t in toks)


def _phrase(tok: Token) -> str:
    left = tok.left_edge.i
    right = tok.i
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in ("in", "to", "of", "for", "on"):
            right = c.right_edge.i
    text = tok.doc[left : right + 1].text
    return strip_the(text)


def role_of(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    return tok.text if lemma in lx.ROLE_NOUNS or tok.lower_ in lx.TITLES else None


_TITLES = {t.rstrip(".") for t in lx.TITLES}


def _gender_from_tokens(tokens: list[Token]) -> str | None:
    for t in tokens:
        g = lx.GENDER_TITLES.get(t.lower_)
        if g:
            return g
        if t.lower_ in lx.MALE_NOUNS:
            return "m"
        if t.lower_ in lx.FEMALE_NOUNS:
            return "f"
    return None


def _subject(tok: Token) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass", "agent")


def _person_mention(doc: Doc, ent: Span) -> Mention:  # noqa: C901 - split in issue 9 work
    toks = list(ent)
    # Title/role chain before the name: "UN Human Rights Commissioner", "Director", "Mr."
    i = ent.start - 1
    titles: list[Token] = []
    while i >= 0 and (doc[i].lower_.rstrip(".") in _TITLES or (
            doc[i].lemma_.lower() in lx.ROLE_NOUNS and doc[i].dep_ == "compound")) \
            and doc[i].ent_type_ != "PERSON":
        titles.insert(0, doc[i])
        i -= 1
    name_toks = [t for t in toks if t.lower_ not in lx.TITLES and t.dep_ != "case"
                 and t.text not in ("’s", "'s")]
    head = ent.root
    m = Mention(ent.start_char, ent.end_char, ent.text, "name", "person", head.i,
                name_tokens=[t.text for t in name_toks] or [ent.text])
    m.gender = _gender_from_tokens(titles + toks)
    role = next((t.text for t in reversed(titles)
                 if t.lower_ not in ("the", "former", "then", "mr.", "mrs.", "ms.", "mr", "mrs", "ms")), None)
    affiliation = None
    # "Liu Yuyin, a spokesman for the Chinese mission" / "James Comey, director of the FBI"
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and child.ent_type_ != "PERSON":
            role = role or role_of(child) or None
            if role_of(child):
                affiliation = affiliation_of(child)
                m.description = doc[child.left_edge.i : child.right_edge.i + 1].text
                m.gender = m.gender or _gender_from_tokens([child])
    # "China's ambassador to the United Nations Zhang Jun": a role noun above the name
    anc = head.head
    steps = 0
    while affiliation is None and anc is not head and steps < 3 and anc.pos_ in ("NOUN", "PROPN", "ADP"):
        if anc.pos_ != "ADP" and role_of(anc) and anc.ent_type_ != "PERSON":
            role = role or anc.text
            affiliation = affiliation_of(anc)
            m.gender = m.gender or _gender_from_tokens([anc])
            break
        anc, steps = anc.head, steps + 1
    # "Uyghur Human Rights Program Director Omer Kanat": title compound with an organisation
    if affiliation is None:
        for t in titles + [c for c in head.children if c.dep_ == "compound" and c.i < ent.start]:
            aff = affiliation_of(t)
            if aff:
                affiliation = aff
                break
    if affiliation is None and titles:
        first = titles[0].i - 1
        j = first
        while j >= 0 and doc[j].ent_type_ in ("ORG", "GPE", "NORP") and doc[j].ent_type_:
            j -= 1
        if j < first:
            text = strip_the(doc[j + 1 : first + 1].text)
            affiliation = _country(text) or text
    if titles and role == titles[-1].text:
        # "Council member Priya Raman": a common organisation noun before the role is part of it
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
            role = doc[lo : titles[-1].i + 1].text
    if affiliation is not None and " " not in affiliation \
            and affiliation.lower() in lx.ORG_HEADS - lx.INSTITUTIONS:
        m.generic_affiliation = True  # "Council": resolve.py looks for the full name in the article
    m.role, m.affiliation = role, affiliation
    m.is_subject = _subject(head)
    return m


def _looks_like_person(ent: Span) -> bool:
    """An ORG-tagged name in apposition with a role noun ("Its president, Marcus Lindqvist")."""
    words = [t for t in ent if t.lower_ != "the"]
    if not 2 <= len(words) <= 3 or not all(t.is_title and t.pos_ == "PROPN" for t in words):
        return False
    if any(t.lemma_.lower() in lx.ORG_HEADS for t in words):
        return False
    root = ent.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in lx.ROLE_NOUNS:
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in lx.ROLE_NOUNS for c in root.children)


_REL_TAGS = ("WP", "WDT", "WP$")
_CLOSING = {")": "(", "]": "[", "”": "“", "’": "‘"}
_NAME_ENTS = ("PERSON", "ORG", "GPE", "NORP", "FAC")


def is_nominal(tok: Token) -> bool:
    """A token that can head an actor mention: a noun, a proper noun, a personal pronoun, a name."""
    if not any(ch.isalnum() for ch in tok.text) or tok.tag_ in _REL_TAGS:
        return False
    return tok.pos_ in ("NOUN", "PROPN", "PRON") or tok.ent_type_ in _NAME_ENTS


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation, spaces, conjunctions and relative pronouns ("A city engineer, who")."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ in _REL_TAGS
                           or doc[end - 1].pos_ == "CCONJ"):
        if doc[end - 1].text in _CLOSING and _CLOSING[doc[end - 1].text] in doc[start : end - 1].text:
            break  # "... Human Rights (OHCHR)": a balanced bracket stays
        end -= 1
    return start, end


def _noun_phrase(doc: Doc, head: Token, stop: set[int]) -> tuple[int, int]:
    """The phrase of a subject head without its relative clause or apposition ("a city engineer")."""
    start = head.left_edge.i
    while start < head.i and start in stop:
        start += 1
    end = head.i + 1
    for c in head.rights:
        if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN") and c.left_edge.i <= end + 1:
            if not any(i in stop for i in range(end, c.right_edge.i + 1)):
                end = c.right_edge.i + 1  # "The union's leader, Tom Ashby"
        elif c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "from", "with") and c.i == end \
                and not any(i in stop for i in range(c.i, c.right_edge.i + 1)):
            end = c.right_edge.i + 1
    return _trim(doc, start, end)


def source_spans(doc: Doc, source: list[tuple[int, int]], cue: list[tuple[int, int]],
                 content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The actor mention an attribution's source span stands for, as character spans.

    A span without a nominal head ("said", ",") is no mention: the syntactic subject of the cue
    verb is used instead ("A city engineer, who asked ..., said" → "A city engineer"), or nothing.
    A relative clause or edge punctuation is cut from a good span.
    """
    out: list[tuple[int, int]] = []
    for s, e in source:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        noms = [t for t in span if is_nominal(t)]
        if not noms:
            continue
        end = span.end
        for t in noms:  # cut a relative clause ("A city engineer, who")
            for c in t.rights:
                if c.dep_ == "relcl" and span.start < c.left_edge.i < end:
                    end = c.left_edge.i
        start, end = _trim(doc, span.start, end)
        if start < end and any(is_nominal(t) for t in doc[start:end]):
            if (start, end) == (span.start, span.end):
                out.append((s, e))  # keep the extractor's exact span when nothing was cut
            else:
                out.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))
    if out or not cue or not source:
        return out  # no source given: nothing to repair
    subj = cue_subject(doc, cue, content)
    if subj is None:
        return []
    stop = {t.i for s, e in content + cue for t in (doc.char_span(s, e, alignment_mode="expand") or [])}
    start, end = _noun_phrase(doc, subj, stop)
    if start >= end or any(i in stop for i in range(start, end)):
        return []
    return [(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))]


def cue_subject(doc: Doc, cue: list[tuple[int, int]], content: list[tuple[int, int]]) -> Token | None:
    """The nominal subject of the cue verb, outside the content ("members" in "members said ...")."""
    toks = [t for s, e in cue for t in (doc.char_span(s, e, alignment_mode="expand") or [])]
    verbs = [t for t in toks if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return None
    inside = {t.i for s, e in content for t in (doc.char_span(s, e, alignment_mode="expand") or [])}
    verb = verbs[0]
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside]
        if subjects:
            subj = min(subjects, key=lambda c: abs(verb.i - c.i))
            if subj.tag_ in _REL_TAGS and verb.dep_ == "relcl":
                subj = verb.head  # "the engineer who said": the antecedent
            return subj if is_nominal(subj) and subj.i not in inside else None
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head is verb:
            return None
        verb = verb.head
        # "X warned that A and said B" is often parsed with "said" coordinated to A's verb:
        # the subject of an embedded clause is not the speaker, its governing verb's is.
        while verb.dep_ == "ccomp" and verb.head is not verb:
            verb = verb.head
    return None


def relcl_description(head: Token, text: str) -> str:
    """``text`` with the relative clause on ``head`` ("a city engineer, who asked not to be named")."""
    for c in head.rights:
        if c.dep_ == "relcl":
            doc = head.doc
            rel = doc[c.left_edge.i : c.right_edge.i + 1].text.strip(" ,")
            return f"{text}, {rel}"
    return text


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


def find_mentions(doc: Doc, sources: list[tuple[int, int]],  # noqa: C901 - split in issue 9 work
                  raw_sources: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Every candidate actor mention, sorted by position; ``sources`` are attribution source spans.

    ``raw_sources`` are the extractor's spans before ``source_spans`` cut them: mentions inside
    them (a relative clause on the speaker, "who has backed Hillary Clinton since her 2008 bid")
    keep the source flag, which the pronoun salience and gender evidence rely on.
    """
    out: list[Mention] = []
    taken: set[int] = set()
    full_text = doc.text  # Doc.text joins every token: read it once
    source_tokens: set[int] = set()  # decide which chunks become mentions
    for s, e in sources:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            source_tokens.update(range(span.start, span.end))
    flag_tokens = set(source_tokens)  # only set the flag of mentions made anyway
    for s, e in raw_sources or []:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            flag_tokens.update(range(span.start, span.end))

    def add(m: Mention, start_tok: int, end_tok: int) -> bool:
        if any(i in taken for i in range(start_tok, end_tok)):
            return False
        taken.update(range(start_tok, end_tok))
        m.is_source = any(i in flag_tokens for i in range(start_tok, end_tok))
        out.append(m)
        return True

    # Coordinated collectives first, before their parts become mentions of their own:
    # "welcomed by rights advocates, foreign officials and exiled Uyghurs" is one reacting group.
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.tag_ not in ("NNS", "NNPS") or head.lemma_.lower() not in lx.GROUP_HEADS | lx.ORG_HEADS:
            continue
        if not (_subject(head) or head.head.dep_ == "agent"):
            continue
        last = head
        while any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in last.children):
            last = next(c for c in last.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))
        if last is head:
            continue
        text = full_text[chunk.start_char: last.idx + len(last)]
        gm = Mention(chunk.start_char, chunk.start_char + len(text), text, "group", "group", head.i)
        gm.description, gm.is_subject = text, True
        add(gm, chunk.start, last.i + 1)
    ents = list(doc.ents)
    # how often each word is part of a name that is not just a modifier (see _name_modifier)
    name_words: dict[str, int] = {}
    for ent in ents:
        if ent.label_ in ("PERSON", "ORG") and ent.root.dep_ != "compound":
            for t in ent:
                name_words[t.lower_] = name_words.get(t.lower_, 0) + 1
    for ent in ents:
        label = ent.label_
        if label == "PERSON" and _is_facility(doc, ent):
            label = "FAC"  # "the Millbrook Tunnel", tagged PERSON: a named place
        if label == "PERSON" and _name_modifier(ent, name_words):
            continue
        if label == "PERSON" and any(c.isalpha() for c in ent.text):
            if len(ent) == 1 and (ent[0].is_upper and len(ent.text) > 1):
                continue  # an acronym mis-tagged as a person
            if not any(t.is_title for t in ent):
                continue  # "the repair bill grows": no capitalised word, no name
            add(_person_mention(doc, ent), ent.start, ent.end)
        elif ent.label_ == "ORG" and _looks_like_person(ent):
            add(_person_mention(doc, ent), ent.start, ent.end)
        elif label in ("ORG", "GPE", "FAC") or (label == "NORP" and ent.root.tag_ in ("NNPS", "NNS")):
            start, end = ent.start, ent.end
            root = ent.root
            if root.dep_ in ("compound", "amod", "nmod") and root.head.i >= ent.end and (
                    root.head.pos_ == "NOUN" or root.head.ent_type_ == "PERSON"):
                # a modifier ("the UN rights office", "U.S. Air Force Gen. Norman Ham"), not a mention
                continue
            if ent.label_ == "ORG":
                start, end = extend_name(doc, start, end)
            span = doc[start:end]
            text = span.text
            if span[0].lower_ == "the":
                span = doc[start + 1 : end]
            if not span.text.strip() or not any(c.isalpha() for c in span.text):
                continue
            kind: ActorKind = "group" if ent.label_ == "NORP" else "organization"
            mtype: MentionType = "acronym" if _ACRONYM.match(span.text) else "name"
            names = [t.text for t in span if t.text not in ("’s", "'s")]
            m = Mention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), text, mtype, kind,
                        span.root.i, name_tokens=names)
            if ent.label_ == "GPE":
                m.affiliation = None
                m.description = "place"
            elif label == "FAC" or span.root.lemma_.lower() in lx.FACILITY_HEADS:
                m.description = "facility"
            m.is_subject = _subject(span.root)
            added = add(m, start, end)
            # "(IPAC)" right after a name defines an acronym for it
            if added and end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                    and _ACRONYM.match(doc[end + 1].text):
                acr = doc[end + 1]
                am = Mention(acr.idx, acr.idx + len(acr), acr.text, "acronym", kind, acr.i,
                             name_tokens=[acr.text], acronym_of=m)
                add(am, acr.i, acr.i + 1)
    # Stray acronyms the tagger missed ("IPAC" elsewhere) and capitalised single tokens.
    for tok in doc:
        if tok.i in taken:
            continue
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ == "NOUN" and tok.head.i > tok.i:
            continue
        if _ACRONYM.match(tok.text) and tok.pos_ == "PROPN" and len(tok.text) >= 2 \
                and tok.text not in ("I", "A", "OK", "TV"):
            add(Mention(tok.idx, tok.idx + len(tok), tok.text, "acronym", "organization", tok.i,
                        name_tokens=[tok.text]), tok.i, tok.i + 1)
        # A proper-noun subject the tagger missed ("Donand Trump has money")
        elif tok.pos_ == "PROPN" and tok.is_title and tok.dep_ in ("nsubj", "nsubjpass") \
                and not tok.ent_type_ and tok.lower_ not in lx.TITLES:
            lo = tok.i
            while lo - 1 >= 0 and doc[lo - 1].dep_ == "compound" and doc[lo - 1].pos_ == "PROPN" \
                    and doc[lo - 1].i not in taken and doc[lo - 1].is_title:
                lo -= 1
            names = [t.text for t in doc[lo: tok.i + 1] if t.lower_ not in lx.TITLES]
            if tok.lower_ in lx.FACILITY_HEADS and lo < tok.i:  # "Millbrook Tunnel carries": a place
                fm = Mention(doc[lo].idx, tok.idx + len(tok), doc[lo: tok.i + 1].text, "name", "organization",
                             tok.i, name_tokens=names)
                fm.description, fm.is_subject = "facility", True
                add(fm, lo, tok.i + 1)
                continue
            add(Mention(doc[lo].idx, tok.idx + len(tok), doc[lo: tok.i + 1].text, "name", "person", tok.i,
                        name_tokens=names or [tok.text]), lo, tok.i + 1)
    # Descriptions, groups, pronouns, documents from noun chunks and pronoun tokens.
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.i in taken:
            continue
        lemma = head.lemma_.lower()
        first = chunk[0].lower_
        det = next((t.lower_ for t in chunk if t.dep_ == "det"), None)
        is_source = any(i in source_tokens for i in range(chunk.start, chunk.end))
        text = chunk.text.strip("“”\"' \n")
        start_char = chunk.start_char + chunk.text.index(text) if text in chunk.text else chunk.start_char
        cm: Mention | None = None
        plural = head.tag_ in ("NNS", "NNPS")
        if head.pos_ == "PRON":
            continue
        poss_pron = any(t.dep_ == "poss" and t.pos_ == "PRON" for t in chunk)
        if lemma in lx.DOCUMENT_HEADS and is_source:
            cm = Mention(start_char, start_char + len(text), text, "document", "organization", head.i)
        elif lemma in lx.ORG_HEADS and not plural and (det in ("the", "this", "that") or first == "the") \
                and not poss_pron:
            cm = Mention(start_char, start_char + len(text), text, "definite", "organization", head.i)
        elif any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children):
            continue  # "The union's leader, Tom Ashby": the name is the mention
        elif lemma in lx.ROLE_NOUNS and not plural and det in ("the", "this", "that") \
                and head.dep_ not in ("appos", "poss"):
            cm = Mention(start_char, start_char + len(text), text, "definite", "person", head.i)
            cm.role = head.text
            cm.affiliation = affiliation_of(head)
            cm.gender = _gender_from_tokens([head])
        elif (lemma in lx.ANONYMOUS_HEADS or lemma in lx.ROLE_NOUNS) and head.dep_ != "appos" and (
                det in ("a", "an", "one", "another", "some", "several", "two", "three")
                or (plural and det is None)
                or any(t.like_num for t in chunk)) and (is_source or _subject(head)):
            if plural and (lemma in lx.GROUP_HEADS or lemma in lx.ORG_HEADS) \
                    and lemma not in lx.ANONYMOUS_HEADS:
                cm = Mention(start_char, start_char + len(text), text, "group", "group", head.i)
            else:
                cm = Mention(start_char, start_char + len(text), text, "indefinite", "anonymous", head.i)
            cm.description = _phrase(head) if head.right_edge.i - head.i < 8 else text
            if any(c.dep_ == "relcl" for c in head.rights):
                cm.label = cm.description if head.right_edge.i - head.i < 8 else text.split(",")[0]
                cm.description = relcl_description(head, cm.label)
            cm.affiliation = affiliation_of(head)
            cm.role = head.text if lemma in lx.ROLE_NOUNS \
                and lemma not in ("source", "person", "people") else None
        elif plural and (lemma in lx.GROUP_HEADS or lemma in lx.ORG_HEADS) \
                and (is_source or _subject(head) or head.dep_ == "agent" or head.head.dep_ == "agent"):
            # a coordination is one reacting group: "rights advocates, foreign officials and exiled Uyghurs"
            last = head
            while any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in last.children):
                last = next(c for c in last.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))
            end_tok = max(chunk.end, last.i + 1)
            text = full_text[start_char: doc[end_tok - 1].idx + len(doc[end_tok - 1])]
            cm = Mention(start_char, start_char + len(text), text, "group", "group", head.i)
            cm.description = text
            cm.is_subject = _subject(head) or head.dep_ == "agent" or head.head.dep_ == "agent"
            add(cm, chunk.start, end_tok)
            continue
        if cm is not None:
            cm.is_subject = _subject(head)
            add(cm, chunk.start, chunk.end)
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PRON":
            continue
        low = tok.lower_
        if low not in lx.MALE_PRONOUNS | lx.FEMALE_PRONOUNS | lx.ORG_PRONOUNS | lx.PLURAL_PRONOUNS:
            continue
        is_source = tok.i in source_tokens
        if not (is_source or _subject(tok) or (low in ("his", "her", "its", "their") and tok.dep_ == "poss")
                or (low in ("him", "her", "them") and tok.dep_ in ("dobj", "pobj", "dative"))):
            continue
        if low in ("it", "its") and not is_source:
            continue  # "it" is mostly not an actor; only resolve it when it speaks
        pkind: ActorKind = "person" if low in lx.MALE_PRONOUNS | lx.FEMALE_PRONOUNS else "organization"
        m = Mention(tok.idx, tok.idx + len(tok), tok.text, "pronoun", pkind, tok.i)
        m.gender = "m" if low in lx.MALE_PRONOUNS else "f" if low in lx.FEMALE_PRONOUNS else None
        m.is_subject = _subject(tok)
        add(m, tok.i, tok.i + 1)
    # Source spans nothing above covered ("statement read", "sources said") become mentions too.
    for s, e in sources:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or any(i in taken for i in range(span.start, span.end)):
            continue
        head = span.root
        lemma = head.lemma_.lower()
        text = full_text[s:e]
        if lemma in lx.DOCUMENT_HEADS:
            m = Mention(s, e, text, "document", "organization", head.i)
        elif head.pos_ == "PRON":
            continue
        elif head.is_title and (head.pos_ == "PROPN" or (head.pos_ == "NOUN" and not head.is_sent_start)) \
                and all(t.is_title or not t.is_alpha for t in span) \
                and head.lemma_.lower() not in lx.ROLE_NOUNS:
            # a name the tagger missed ("Ham said"): sources are mostly people
            names = [t.text for t in span if t.pos_ == "PROPN" and t.lower_ not in lx.TITLES]
            m = Mention(s, e, text, "name", "person", head.i, name_tokens=names or [head.text])
        elif not is_nominal(head):
            continue  # "said", ",": no actor
        else:
            plural = head.tag_ in ("NNS", "NNPS")
            kind = "group" if plural and lemma not in lx.ANONYMOUS_HEADS else "anonymous"
            m = Mention(s, e, text, "indefinite", kind, head.i)
            m.description = relcl_description(head, text)
            m.label = text
        m.is_source = True
        add(m, span.start, span.end)
    out.sort(key=lambda m: m.start)
    return out
