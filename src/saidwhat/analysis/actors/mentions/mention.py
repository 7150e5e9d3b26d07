"""A mention of a possible actor (``Mention``: its type, the kind of actor it can denote, its gender
when the text shows it, its role and affiliation), and the state the finding passes share
(``Finder``: the mentions so far and the tokens they cover).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.filters import byline, credit_line, heading_tokens, lowercase_words, not_a_name
from saidwhat.analysis.actors.roles import person_role, title_chain
from saidwhat.analysis.first_names import name_list_gender
from saidwhat.analysis.subjects import is_subject
from saidwhat.schema import ActorKind

MentionType = Literal["name", "acronym", "definite", "indefinite", "pronoun", "document", "group"]
ACRONYM = re.compile(r"^[A-Z][A-Z&.\-]{1,7}$")


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


def _dateline(doc: Doc, span: Span) -> bool:
    """"BUFFALO, N.Y. (AP) —": a place in capitals opening a paragraph is where, not who."""
    at_start = span.start == 0 or "\n" in doc[span.start - 1].text or "\n" in doc[span.start - 1].whitespace_
    return at_start and all(t.is_upper or not t.is_alpha for t in span)


def gender_from_tokens(tokens: list[Token]) -> str | None:
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


def relcl_description(head: Token, text: str) -> str:
    """``text`` with the relative clause on ``head`` ("a city engineer, who asked not to be named")."""
    for c in head.rights:
        if c.dep_ == "relcl":
            doc = head.doc
            rel = doc[c.left_edge.i : c.right_edge.i + 1].text.strip(" ,")
            return f"{text}, {rel}"
    return text


# Last words of an organisation's name that the tagger's PERSON entities end with ("Judicial Watch",
# "Fox News", "the Obama White House", "Islamic State"), besides lexicon.ORG_HEADS and ORG_SUFFIXES.
ORG_LAST_WORDS = lx.ORG_HEADS | lx.ORG_SUFFIXES | {"watch", "news", "times", "state"}


def organisation_named(ent: Span) -> bool:
    """A name the tagger called a person that ends as an organisation's does and does not begin with
    a first name of the offline list ("Human Rights Watch", "Brennan Center"; not "Margaret Court",
    "Edward House"). PolNeAR train as one store: 19 person actors of 19 articles, 22 quotes. So is
    "Team" before a name ("Team Clinton's contention": the campaign, which had taken the article's
    bare "Clinton" and her quotes from Hillary Clinton; PolNeAR train, seventh judged round)."""
    words = [t for t in ent if t.is_alpha]
    if len(words) == 2 and words[0].text == "Team" and words[1].is_title:
        return True
    return len(ent) >= 2 and ent[-1].is_title and ent[-1].lower_ in ORG_LAST_WORDS \
        and name_list_gender(ent[0].text) is None


def display_name(tokens: list[Token]) -> str:
    """Tokens as the text writes them, with the text's own spacing ("Sui-Lee Wee")."""
    return "".join(t.text_with_ws for t in tokens).strip()


def name_words(tokens: list[Token]) -> list[str]:
    """The words of a name, a hyphenated one kept whole ("Bankman-Fried", "Yeong-bae"), as the
    tokenizer splits it: "Sam Bankman-Fried" and a later bare "Bankman-Fried" then share their
    surname (speaker probes, development set B: the bare one was an organisation of its own)."""
    words: list[str] = []
    glued = False
    for t in tokens:
        if t.text in ("-", "–") and words and not t.whitespace_ and not t.nbor(-1).whitespace_:
            glued = True
        elif glued:
            words[-1] += "-" + t.text
            glued = False
        elif t.text not in ("-", "–"):
            words.append(t.text)
    return words


# Dashes glued to the front of a name's first word: "-Nate Cohn", a live blog's sign-off, which the
# tokenizer keeps as one word "-Nate" (PolNeAR train: it was no first name, so "-Nate Cohn" joined
# Jon Cohen of the same page by the surname; "-Craig Fehrman" was an actor's name).
LEADING_DASHES = "-–"


def _leading_dashes(ent: Span) -> int:
    """How many characters of dashes open a name's first word ("-Nate"), else 0."""
    first = ent[0].text
    return len(first) - len(first.lstrip(LEADING_DASHES)) if first.lstrip(LEADING_DASHES) else 0


def person_mention(doc: Doc, ent: Span) -> Mention:
    toks = list(ent)
    titles = title_chain(doc, ent.start)
    name_toks = [t for t in toks
                 if t.lower_ not in lx.TITLES and t.dep_ != "case" and t.text not in ("’s", "'s")]
    head = ent.root
    cut = _leading_dashes(ent) if name_toks and name_toks[0].i == ent.start else 0
    words = name_words(name_toks)
    if cut and words:
        words[0] = words[0][cut:]
    m = Mention(ent.start_char + cut, ent.end_char, ent.text[cut:], "name", "person", head.i,
                name_tokens=words or [ent.text[cut:]], display=display_name(name_toks)[cut:] or None)
    found = person_role(doc, ent, titles)
    # a title after the name is no title of it: "Donald Trump And Marco Rubio Miss The Mark" (a
    # title-case headline; PolNeAR train) made Marco Rubio a woman
    role_words = [t for t in found.gender_words if t.i < ent.start or t.lower_ not in lx.GENDER_TITLES]
    m.gender = gender_from_tokens(titles + toks) or gender_from_tokens(role_words)
    if m.gender == "m" and _man_title_only(titles + toks + role_words) \
            and name_list_gender(name_toks[0].text if name_toks else None) == "female":
        m.gender = None  # "Trump spokesman Hope Hicks ... she said" (PolNeAR train: "she" went elsewhere)
    m.role, m.affiliation, m.description = found.role, found.affiliation, found.description
    aff = m.affiliation
    if aff is not None and " " not in aff and aff.lower() in lx.ORG_HEADS - lx.INSTITUTIONS:
        m.generic_affiliation = True  # "Council": the resolve package looks for the full name in the article
    m.is_subject = is_subject(head)
    return m


class Finder:
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
        if reason == "product model" and span.root.dep_ == "appos" \
                and span.root.head.lemma_.lower() in lx.ORG_HEADS | lx.GROUP_HEADS:
            reason = None  # "the rebel group M23", "the hacking group APT28": a body's name
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


def singulars(word: str) -> set[str]:
    """What ``word`` is the plural of, if it is one ("Khans": "Khan"; "Joneses": "Jonese", "Jones")."""
    if not word.endswith("s"):
        return set()
    return {word[:-1], word[:-2]} if word.endswith("es") else {word[:-1]}


def the_aged(head: Token) -> bool:
    """A definite age used as a noun, a person described by age alone: "The 56-year-old said …"
    (own fresh3 pages, development since session 17: the football manager the page had just named
    was its speaker). The resolver takes it for the person in focus, as "the former minister".
    The "the" may hang on the noun the parser wrongly gave the age to ("the 31-year-old told
    reporters", parsed as an age of the reporters). The parser makes "year" a compound as often as an
    adverbial noun ("The 41-year-old told the court": session 35)."""
    before = head.doc[head.left_edge.i - 1] if head.left_edge.i > 0 else None
    return head.lower_ == "old" and any(c.dep_ in ("npadvmod", "compound") and c.lemma_ == "year"
                                        for c in head.children) \
        and (any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
             or (before is not None and before.lower_ == "the"))


def the_national(head: Token) -> bool:
    """One national as a noun, a person described by nationality alone: "the Spaniard", "the
    22-year-old Dutchman", "The Welshman, whose team …" (speaker probes, session 34: they had
    become actors of their own, "Welshman" a person and "Dutchman" an organisation). Capitalised,
    singular and definite; the resolver takes it for the one person in focus (``lexicon.NATIONALS``)."""
    return head.lower_ in lx.NATIONALS and head.is_title and head.tag_ not in ("NNS", "NNPS") \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def the_one_name(span: Span) -> bool:
    """"The Tennessean reported", "The Atlantic wrote": one name after "the" (in the span or just
    before it) is a publication or another body, no person ("The Donald", a first name, stays one).
    PolNeAR train, session 20: 4 outlets had been people."""
    words = [t for t in span if t.is_alpha]
    if len(words) == 1 and span.start > 0:
        words = [span.doc[span.start - 1], *words]
    return len(words) == 2 and words[0].lower_ == "the" and name_list_gender(words[1].text) is None
