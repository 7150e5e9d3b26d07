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
from saidwhat.analysis.actors.filters import (
    byline,
    clip_name,
    credit_line,
    heading_tokens,
    hyphen_tail,
    is_animate_head,
    lowercase_words,
    name_cased,
    not_a_name,
    person_name_end,
    speaks_through,
)
from saidwhat.analysis.actors.roles import (
    affiliation_of,
    person_role,
    phrase,
    strip_the,
    title_chain,
)
from saidwhat.analysis.first_names import name_list_gender
from saidwhat.analysis.subjects import REL_TAGS, cue_subject, is_nominal, is_subject
from saidwhat.schema import ActorKind

__all__ = ["Mention", "MentionType", "find_mentions", "relcl_description", "source_spans", "strip_the"]

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
    display: str | None = None  # the name as the text writes it ("Sui-Lee Wee", not "Sui - Lee Wee")
    possessor: int = -1  # token index of the name a description is possessed by ("Trump's son": Trump)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


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


def _dateline(doc: Doc, span: Span) -> bool:
    """"BUFFALO, N.Y. (AP) —": a place in capitals opening a paragraph is where, not who."""
    at_start = span.start == 0 or "\n" in doc[span.start - 1].text or "\n" in doc[span.start - 1].whitespace_
    return at_start and all(t.is_upper or not t.is_alpha for t in span)


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


def _man_title_only(tokens: list[Token]) -> bool:
    """Is a job title in "-man" ("spokesman", "chairman") the only word that says a man? Such titles
    name women too; an honorific or a noun of kinship does not."""
    said = [t.lower_ for t in tokens if t.lower_ in lx.GENDER_TITLES or t.lower_ in lx.MALE_NOUNS]
    return bool(said) and all(w in lx.MAN_TITLES for w in said)


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
    root = ent.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in lx.ROLE_NOUNS:
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in lx.ROLE_NOUNS for c in root.children):
        return True
    return _speaking_first_last(words)


# Verbs whose subject, named First Last with a listed first name, is a person even when the tagger
# says organisation ("Carly Fiorina said Monday"): from the train development gold
# (tests/data/actor-identity-train), where such a name could not take "the former CEO".
SPEECH_VERBS = {"say", "tell", "add", "tweet", "write", "argue", "explain", "insist", "recall"}


def _speaking_first_last(words: list[Token]) -> bool:
    """Two words, the first on the offline first-name list (so not "Morgan Stanley"), the subject
    of a speech verb."""
    root = words[-1]
    return len(words) == 2 and root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEECH_VERBS \
        and name_list_gender(words[0].text) is not None


_CLOSING = {")": "(", "]": "[", "”": "“", "’": "‘"}


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation, spaces, conjunctions and relative pronouns ("A city engineer, who")."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ in REL_TAGS
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
    if subj.dep_ == "appos" and subj.pos_ != "PROPN" and (subj.head.ent_type_ == "PERSON"
                                                          or subj.head.pos_ == "PROPN"):
        subj = subj.head  # "said Scott Reed, the Chamber's chief political strategist, who added …": Reed
    stop = {t.i for s, e in content + cue for t in (doc.char_span(s, e, alignment_mode="expand") or [])}
    start, end = _noun_phrase(doc, subj, stop)
    if start >= end or any(i in stop for i in range(start, end)):
        return []
    return [(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))]


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


# Last words of an organisation's name that the tagger's PERSON entities end with ("Judicial Watch",
# "Fox News", "the Obama White House", "Islamic State"), besides lexicon.ORG_HEADS and ORG_SUFFIXES.
_ORG_LAST_WORDS = lx.ORG_HEADS | lx.ORG_SUFFIXES | {"watch", "news", "times", "state"}


def _organisation_named(ent: Span) -> bool:
    """A name the tagger called a person that ends as an organisation's does and does not begin with
    a first name of the offline list ("Human Rights Watch", "Brennan Center"; not "Margaret Court",
    "Edward House"). PolNeAR train as one store: 19 person actors of 19 articles, 22 quotes. So is
    "Team" before a name ("Team Clinton's contention": the campaign, which had taken the article's
    bare "Clinton" and her quotes from Hillary Clinton; PolNeAR train, seventh judged round)."""
    words = [t for t in ent if t.is_alpha]
    if len(words) == 2 and words[0].text == "Team" and words[1].is_title:
        return True
    return len(ent) >= 2 and ent[-1].is_title and ent[-1].lower_ in _ORG_LAST_WORDS \
        and name_list_gender(ent[0].text) is None


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



def _display(tokens: list[Token]) -> str:
    """Tokens as the text writes them, with the text's own spacing ("Sui-Lee Wee")."""
    return "".join(t.text_with_ws for t in tokens).strip()


# Dashes glued to the front of a name's first word: "-Nate Cohn", a live blog's sign-off, which the
# tokenizer keeps as one word "-Nate" (PolNeAR train: it was no first name, so "-Nate Cohn" joined
# Jon Cohen of the same page by the surname; "-Craig Fehrman" was an actor's name).
_LEADING_DASHES = "-–"


def _leading_dashes(ent: Span) -> int:
    """How many characters of dashes open a name's first word ("-Nate"), else 0."""
    first = ent[0].text
    return len(first) - len(first.lstrip(_LEADING_DASHES)) if first.lstrip(_LEADING_DASHES) else 0


def _person_mention(doc: Doc, ent: Span) -> Mention:
    toks = list(ent)
    titles = title_chain(doc, ent.start)
    name_toks = [t for t in toks
                 if t.lower_ not in lx.TITLES and t.dep_ != "case" and t.text not in ("’s", "'s")]
    head = ent.root
    cut = _leading_dashes(ent) if name_toks and name_toks[0].i == ent.start else 0
    words = [t.text for t in name_toks if t.text not in ("-", "–")]
    if cut and words:
        words[0] = words[0][cut:]
    m = Mention(ent.start_char + cut, ent.end_char, ent.text[cut:], "name", "person", head.i,
                name_tokens=words or [ent.text[cut:]], display=_display(name_toks)[cut:] or None)
    found = person_role(doc, ent, titles)
    # a title after the name is no title of it: "Donald Trump And Marco Rubio Miss The Mark" (a
    # title-case headline; PolNeAR train) made Marco Rubio a woman
    role_words = [t for t in found.gender_words if t.i < ent.start or t.lower_ not in lx.GENDER_TITLES]
    m.gender = _gender_from_tokens(titles + toks) or _gender_from_tokens(role_words)
    if m.gender == "m" and _man_title_only(titles + toks + role_words) \
            and name_list_gender(name_toks[0].text if name_toks else None) == "female":
        m.gender = None  # "Trump spokesman Hope Hicks ... she said" (PolNeAR train: "she" went elsewhere)
    m.role, m.affiliation, m.description = found.role, found.affiliation, found.description
    aff = m.affiliation
    if aff is not None and " " not in aff and aff.lower() in lx.ORG_HEADS - lx.INSTITUTIONS:
        m.generic_affiliation = True  # "Council": the resolve package looks for the full name in the article
    m.is_subject = is_subject(head)
    return m


class _Finder:
    """The state the mention passes share: the doc, the mentions so far, the tokens they cover."""

    def __init__(self, doc: Doc, sources: list[tuple[int, int]], raw_sources: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token: read it once
        self.out: list[Mention] = []
        self.taken: set[int] = set()
        self.source_tokens = self._tokens(sources)  # decide which chunks become mentions
        self.flag_tokens = self.source_tokens | self._tokens(raw_sources)  # only flag mentions made anyway
        self.headings = heading_tokens(doc)
        self.lower = lowercase_words(doc)
        self.person_words = {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
        self.inner_capitals = {t.text for t in doc if t.text[:1].isupper() and not t.is_sent_start}

    def _tokens(self, spans: list[tuple[int, int]]) -> set[int]:
        out: set[int] = set()
        for s, e in spans:
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
        return out

    def add(self, m: Mention, start_tok: int, end_tok: int) -> bool:
        if any(i in self.taken for i in range(start_tok, end_tok)):
            return False
        self.taken.update(range(start_tok, end_tok))
        m.is_source = any(i in self.flag_tokens for i in range(start_tok, end_tok))
        self.out.append(m)
        return True

    def speaks(self, start: int, end: int) -> bool:
        return any(i in self.source_tokens for i in range(start, end))

    def rejected(self, span: Span, *, organisation: bool = False) -> bool:
        """A name that is no actor: a heading, a product, a title alone. A speaker's name is kept
        unless it is a job title, an acronym of a thing, an address, a product or the state in a
        party tag ("CEO said" is "CEO Tim Cook said"; "the Lumina Buds Pro says it all" is no quote;
        "said Rep. Jo Ng (R-TX)" is said by Ng)."""
        reason = not_a_name(span, self.lower, organisation=organisation)
        if reason in ("job title", "acronym of a thing", "address", "product", "product model",
                      "state in a party tag"):
            return True
        if self.speaks(span.start, span.end):
            return False
        if all(t.i in self.headings for t in span) or _dateline(self.doc, span):
            return True
        if credit_line(self.doc, span.start, span.end) or byline(self.doc, span.start, span.end):
            return True
        if len(span) == 1 and span[0].lower_ in self.person_words:
            return False  # "Cook" after "Tim Cook" is a surname, even if "cook" is a word too
        return reason is not None


def _last_conj(head: Token) -> Token:
    last = head
    while any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in last.children):
        last = next(c for c in last.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))
    return last


def _coordinated_groups(f: _Finder) -> None:
    """Coordinated collectives first, before their parts become mentions of their own:
    "welcomed by rights advocates, foreign officials and exiled Uyghurs" is one reacting group."""
    for chunk in f.doc.noun_chunks:
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


def _org_mention(f: _Finder, ent: Span, label: str) -> None:
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
    mtype: MentionType = "acronym" if _ACRONYM.match(span.text) else "name"
    names = [t.text for t in span if t.text not in ("’s", "'s")]
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
            and _ACRONYM.match(doc[end + 1].text) and not _other_initial(label, names, doc[end + 1].text):
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
            and name_list_gender(prev.text.lstrip(_LEADING_DASHES)) is not None:
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


def _person_entity(f: _Finder, ent: Span) -> Mention | None:
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
    m = _person_mention(f.doc, span)
    shared = _shared_surname(f.doc, span) or _kin_surname(span)
    if shared is not None:  # "Joe and Hunter Biden": Joe Biden; "Clinton's husband, Bill": Bill Clinton
        m.name_tokens = [*m.name_tokens, shared]
        m.display = f"{m.display or span.text} {shared}"
    return m if f.add(m, start, end) else None


def singulars(word: str) -> set[str]:
    """What ``word`` is the plural of, if it is one ("Khans": "Khan"; "Joneses": "Jonese", "Jones")."""
    if not word.endswith("s"):
        return set()
    return {word[:-1], word[:-2]} if word.endswith("es") else {word[:-1]}


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


def _nicknamed_people(f: _Finder) -> None:
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
            m = _person_mention(doc, doc[i:i + 5])
            m.name_tokens = [first.text, last.text]
            m.display = f"{first.text} {last.text}"
            f.add(m, i, i + 5)


def _possessed_person(doc: Doc, ent: Span) -> int | None:
    """Where a person's full name starts after a possessive inside one entity ("Breitbart’s Joel
    Pollak", tagged one person, "The New Republic’s Jeet Heer", tagged one place): a first name of
    the offline list and at least one more capitalised word; None when there is none ("Robert
    Jordan’s Wheel of Time" keeps its possessor, ``filters.clip_name``)."""
    for i in range(ent.start + 1, ent.end - 2):
        if doc[i].text in ("’s", "'s"):
            rest = doc[i + 1 : ent.end]
            if name_list_gender(rest[0].text) is not None and all(t.is_title for t in rest):
                return i + 1
            return None
    return None


def _entity_mentions(f: _Finder) -> None:
    """Named entities: people, organisations, countries, facilities, plural nationalities."""
    doc = f.doc
    name_words = _name_counts(doc)
    person_words = {t.text for t in doc if t.ent_type_ == "PERSON"}
    for ent in list(doc.ents):
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
        elif label == "PERSON" and _organisation_named(ent):
            label = "ORG"
        if label == "PERSON" and (_name_modifier(ent, name_words) or _bracketed_first_name(doc, ent)):
            continue
        if label in ("ORG", "GPE") and len(ent) == 1 and _particles_before(doc, ent.start) < ent.start \
                and doc[ent.start - 1].lower_ not in lx.ARABIC_PARTICLES:
            label = "PERSON"  # "von der Leyen said", "Leyen" tagged a place: a surname
        if label == "PERSON" and any(c.isalpha() for c in ent.text):
            _person_entity(f, ent)
        elif ent.label_ == "ORG" and _looks_like_person(ent):
            f.add(_person_mention(doc, ent), ent.start, ent.end)
        elif label in ("ORG", "GPE", "FAC") or (label == "NORP" and ent.root.tag_ in ("NNPS", "NNS")):
            for part in _split_coordination(ent, f.text) if label == "ORG" else [ent]:
                _org_mention(f, part, label)


_PEOPLE_NOUNS = lx.ROLE_NOUNS | lx.GROUP_HEADS | lx.ANIMATE_HEADS | lx.ANONYMOUS_HEADS


def _capital_of_the_sentence(f: _Finder, tok: Token) -> bool:
    """A word whose capital only says that a sentence starts: it opens one, is on no first-name
    list, and is nowhere else in the text capitalised inside a sentence ("Fun as that might sound
    …, Steenburgen wasn't thrilled", which the parser made the subject, had become a person whom
    two "she said" went to at confidence 0.9; own wild pages). "Ham said" after "Ken Ham" stays, and
    so does a noun for people ("Attorneys for Clinton appeared to oppose …": without it the phrase
    went to Clinton; PolNeAR train)."""
    forms = singulars(tok.lower_) | {tok.lower_}
    if not tok.is_sent_start or name_list_gender(tok.text) is not None or forms & _PEOPLE_NOUNS:
        return False
    return tok.text not in f.inner_capitals


def _missed_name(f: _Finder, tok: Token) -> None:
    """A proper-noun subject the tagger missed ("Donand Trump has money")."""
    doc = f.doc
    lo = tok.i
    while lo - 1 >= 0 and doc[lo - 1].dep_ == "compound" and doc[lo - 1].pos_ == "PROPN" \
            and doc[lo - 1].i not in f.taken and doc[lo - 1].is_title:
        lo -= 1
    lo = _particles_before(doc, lo)
    if f.rejected(doc[lo : tok.i + 1]) or (lo == tok.i and _capital_of_the_sentence(f, tok)):
        return
    names = [t.text for t in doc[lo: tok.i + 1] if t.lower_ not in lx.TITLES]
    text = doc[lo: tok.i + 1].text
    if tok.lower_ in lx.FACILITY_HEADS and lo < tok.i:  # "Millbrook Tunnel carries": a place
        fm = Mention(doc[lo].idx, tok.idx + len(tok), text, "name", "organization", tok.i, name_tokens=names)
        fm.description, fm.is_subject = "facility", True
        f.add(fm, lo, tok.i + 1)
        return
    body = _organisation_named(doc[lo: tok.i + 1]) or _the_one_name(doc[lo: tok.i + 1])
    kind: ActorKind = "organization" if body else "person"
    f.add(Mention(doc[lo].idx, tok.idx + len(tok), text, "name", kind, tok.i,
                  name_tokens=names or [tok.text], display=_display(list(doc[lo: tok.i + 1]))), lo, tok.i + 1)


def _acronym_or_its_name(f: _Finder, tok: Token) -> None:
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


def _stray_tokens(f: _Finder) -> None:
    """Acronyms the tagger missed ("IPAC" elsewhere) and capitalised subjects it did not tag."""
    for tok in f.doc:
        if tok.i in f.taken:
            continue
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ == "NOUN" and tok.head.i > tok.i:
            continue
        if _ACRONYM.match(tok.text) and tok.pos_ == "PROPN" and len(tok.text) >= 2 \
                and tok.text not in ("I", "A", "OK", "TV"):
            acts = is_subject(tok) or tok.dep_ == "poss" or f.speaks(tok.i, tok.i + 1)
            if acts and not f.rejected(f.doc[tok.i : tok.i + 1]):
                _acronym_or_its_name(f, tok)
        elif tok.pos_ == "PROPN" and name_cased(tok) and tok.dep_ in ("nsubj", "nsubjpass") \
                and not tok.ent_type_ \
                and tok.lower_ not in lx.TITLES:
            _missed_name(f, tok)


def _chunk_text(chunk: Span) -> tuple[str, int]:
    text = chunk.text.strip("“”\"' \n")
    start_char = chunk.start_char + chunk.text.index(text) if text in chunk.text else chunk.start_char
    return text, start_char


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


def _is_indefinite_source(f: _Finder, chunk: Span, det: str | None) -> bool:
    head = chunk.root
    lemma = head.lemma_.lower()
    plural = head.tag_ in ("NNS", "NNPS")
    if not (lemma in lx.ANONYMOUS_HEADS or lemma in lx.ROLE_NOUNS) or head.dep_ == "appos":
        return False
    counted = det in _INDEFINITE_DETS or (plural and det is None) or any(t.like_num for t in chunk)
    return counted and (f.speaks(chunk.start, chunk.end) or is_subject(head))


def _plural_group(f: _Finder, chunk: Span, start_char: int) -> None:
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


def _possessed_role(f: _Finder, chunk: Span) -> Mention | None:
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
    cm.gender = _gender_from_tokens([head])
    cm.possessor = owner.i
    return cm


def _person_appositive(f: _Finder, head: Token) -> bool:
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
            m.gender = m.gender or _gender_from_tokens([head])
    return bool(names)


def _chunk_mention(f: _Finder, chunk: Span) -> Mention | None:
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
        return Mention(start_char, start_char + len(text), text, "definite", "organization", head.i)
    if _person_appositive(f, head) or any(c.dep_ == "appos" and c.ent_type_ == "PERSON"
                                          for c in head.children):
        return None  # "The union's leader, Tom Ashby": the name is the mention
    possessed = _possessed_role(f, chunk)
    if possessed is not None:
        return possessed
    party_member = lemma in lx.PARTY_MEMBERS and head.ent_type_ == "NORP"  # "the Wisconsin Republican"
    if (lemma in lx.ROLE_NOUNS or party_member) and not plural and definite \
            and head.dep_ not in ("appos", "poss"):
        cm = Mention(start_char, start_char + len(text), text, "definite", "person", head.i)
        cm.role, cm.affiliation = head.text, affiliation_of(head)
        cm.gender = _gender_from_tokens([head])
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


def _in_quotes(f: _Finder, pos: int) -> bool:
    """Whether a character lies inside quotation marks (``surnames.in_quotes``, which imports this module)."""
    from saidwhat.analysis.actors.surnames import in_quotes

    return in_quotes(f.text, pos)


def _one_of_people(f: _Finder, chunk: Span) -> Mention | None:
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


def _description_mentions(f: _Finder) -> None:
    """Descriptions, groups and documents from noun chunks."""
    for chunk in f.doc.noun_chunks:
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


def _pronoun_mentions(f: _Finder) -> None:
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


def _source_mention(f: _Finder, span: Span, s: int, e: int) -> Mention | None:
    head = span.root
    lemma = head.lemma_.lower()
    text = f.text[s:e]
    if lemma in lx.DOCUMENT_HEADS:
        return Mention(s, e, text, "document", "organization", head.i)
    if the_aged(head):
        return Mention(s, e, text, "definite", "person", head.i)
    if head.pos_ == "PRON" or not is_nominal(head) or head.ent_type_ in ("DATE", "TIME"):
        return None  # "said", ",", "in July, which showed": no actor
    known_name = head.lower_ in f.person_words  # "Doctor said", after "Ken Doctor"
    named = head.pos_ == "PROPN" or (head.pos_ == "NOUN" and not head.is_sent_start)
    if name_cased(head) and named and all(name_cased(t) or not t.is_alpha for t in span) \
            and (lemma not in lx.ROLE_NOUNS or known_name):
        # a name the tagger missed ("Ham said"): sources are mostly people, but not one that ends
        # as an organisation's name does ("Judicial Watch said", which the product rule turned down)
        # nor an organisation's word alone ("State said": the State Department)
        names = [t.text for t in span if t.pos_ == "PROPN" and t.lower_ not in lx.TITLES]
        body = _organisation_named(span) or (len(span) == 1 and head.lower_ in _ORG_LAST_WORDS) \
            or _the_one_name(span)
        kind: ActorKind = "organization" if body else "person"
        return Mention(s, e, text, "name", kind, head.i, name_tokens=names or [head.text])
    if not is_animate_head(head):
        return None  # "the level", "one estimate": a thing is no source
    plural = head.tag_ in ("NNS", "NNPS")
    unnamed: ActorKind = "group" if plural and lemma not in lx.ANONYMOUS_HEADS else "anonymous"
    m = Mention(s, e, text, "indefinite", unnamed, head.i)
    m.description = relcl_description(head, text)
    m.label = text
    return m


def the_aged(head: Token) -> bool:
    """A definite age used as a noun, a person described by age alone: "The 56-year-old said …"
    (own fresh3 pages, development since session 17: the football manager the page had just named
    was its speaker). The resolver takes it for the person in focus, as "the former minister"."""
    return head.lower_ == "old" and any(c.dep_ == "npadvmod" and c.lemma_ == "year" for c in head.children) \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def _the_one_name(span: Span) -> bool:
    """"The Tennessean reported", "The Atlantic wrote": one name after "the" (in the span or just
    before it) is a publication or another body, no person ("The Donald", a first name, stays one).
    PolNeAR train, session 20: 4 outlets had been people."""
    words = [t for t in span if t.is_alpha]
    if len(words) == 1 and span.start > 0:
        words = [span.doc[span.start - 1], *words]
    return len(words) == 2 and words[0].lower_ == "the" and name_list_gender(words[1].text) is None


# Nouns between a name and an "its" that the "its" could refer to instead: the subjects, objects
# and appositions of the name's clause ("Obama won his party's nomination by promising its …").
_ITS_BLOCKERS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos"}
_BODY_APPOSITIONS = lx.ORG_HEADS | {"startup", "platform", "site", "website", "publisher"}


def _its_own(doc: Doc, tok: Token) -> bool:
    """The name is the subject of a clause that speaks of "its" something with no other noun
    between ("Facebook activated its Safety Check tool", "Wealth-X keeps its own finances a
    secret"), or an apposition calls it a body ("Xinhua, the official Chinese news agency")."""
    if any(c.dep_ == "appos" and c.lemma_.lower() in _BODY_APPOSITIONS for c in tok.children):
        return True
    if tok.dep_ != "nsubj":
        return False
    its = next((t for t in tok.head.subtree if t.i > tok.i and t.lower_ == "its"), None)
    return its is not None and not any(
        t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ in _ITS_BLOCKERS for t in doc[tok.i + 1: its.i])


def _bodies_by_their_words(f: _Finder) -> None:
    """A one-word name the tagger took for a person's is an organisation's when the text speaks of
    "its" something it did, or calls it a company or an agency, and nothing in the article makes it
    a person's: no title, role or gender on it, no first name of the offline list, no full name
    of the article that ends with it ("Twitter said …", "Facebook activated its tool", tagged
    PERSON; a "she" had gone to Facebook rather than its spokeswoman). PolNeAR train, 840 texts
    (session 21): 8 person actors of 6 articles became organisations (Twitter, Facebook, Xinhua, an
    investment firm), all rightly, and 8 quotes changed speaker, all for the better."""
    names = [m for m in f.out if m.type == "name" and m.kind in ("person", "organization")]
    full = {m.name_tokens[-1].lower() for m in names if m.kind == "person" and len(m.name_tokens) > 1}
    by_name: dict[str, list[Mention]] = {}
    for m in names:
        word = (m.display or m.text).strip()
        if " " not in word:
            by_name.setdefault(word.lower(), []).append(m)
    for word, ms in by_name.items():
        people = [m for m in ms if m.kind == "person"]
        if not people or word in full or name_list_gender(ms[0].name_tokens[0]) is not None \
                or any(m.gender or m.role for m in people):
            continue
        said = {f.doc[m.head].text for m in ms}
        if any(_its_own(f.doc, t) for t in f.doc if t.text in said):
            for m in people:
                m.kind = "organization"


def _source_mentions(f: _Finder, sources: list[tuple[int, int]]) -> None:
    """Source spans nothing above covered ("statement read", "sources said") become mentions too."""
    for s, e in sources:
        span = f.doc.char_span(s, e, alignment_mode="expand")
        if span is None or any(i in f.taken for i in range(span.start, span.end)):
            continue
        m = _source_mention(f, span, s, e)
        if m is not None:
            m.is_source = True
            f.add(m, span.start, span.end)


def find_mentions(doc: Doc, sources: list[tuple[int, int]],
                  raw_sources: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Every candidate actor mention, sorted by position; ``sources`` are attribution source spans.

    ``raw_sources`` are the extractor's spans before ``source_spans`` cut them: mentions inside
    them (a relative clause on the speaker, "who has backed Hillary Clinton since her 2008 bid")
    keep the source flag, which the pronoun salience and gender evidence rely on. The passes run
    in order; a token taken by one pass is not seen by the later ones.
    """
    f = _Finder(doc, sources, raw_sources or [])
    _coordinated_groups(f)
    _nicknamed_people(f)
    _entity_mentions(f)
    _stray_tokens(f)
    _bodies_by_their_words(f)
    _description_mentions(f)
    _pronoun_mentions(f)
    _source_mentions(f, sources)
    f.out.sort(key=lambda m: m.start)
    return f.out
