"""Names the page mentions without making them participants (issue 9, item 4: what is an actor).

Each rule reads how the text uses one actor's mentions and returns a reason when the name takes no
part in the story; ``RULES`` holds them as data (reason, test), in the order they are tried.
``resolve.keeping.is_kept`` asks them of every cluster that no attribution names as its speaker. They were
found on the **train** split of the own annotated pages (``tests/data/wild/splits.json``) and each
has a test on a sentence of its own in ``tests/test_actor_things.py``; the counts in the comments
below are from those 31 pages (false actors removed / real actors lost).

- a name that is only the first part of an office title ("Energy Secretary Rick Perry", "White
  House Press Secretary Jo Ng", "the Health and Human Services secretary") or the whole title
  ("former National Security Adviser" tagged as an organisation): 5 / 0;
- a one-word "person" named once and never acting, not a first name ("turned to Twitter",
  "published Scholars", "my dear Watson"): 5 / 0;
- on a listing page that names no person (no title, role or he/she: a deals list, not a fact
  check), a name that never acts (no subject, owns no people) and is never where a deal is ("at
  X", "from X", "via X": retailers): a product, a brand or a feature ("support for Alexa",
  "Zentro's 12-inch Laptop"): 8 / 0;
- the field of work inside someone's title, named once: "vice president of Advanced Programs at
  Orvane", "Head of Fundamental Research at Kotak" (2 / 0). A body keeps its name: "director of
  the Center for Environmental Politics at the University of X" is an actor for the annotators
  (without this condition the rule also took 1 real actor for 1 more false one);
- a place whose only subjects undergo rather than act ("Paris has suffered smog", "Hong Kong
  struggles", "making America great"): a setting, not a government (GPE clusters only);
- a name every mention of which is followed by an @handle ("Follow her on Twitter @ada"): the
  platform, not a participant (session 7, found on the fresh pages: 1 / 0 there, 0 / 0 elsewhere).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import NamedTuple, Protocol

from spacy.tokens import Doc, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.filters import is_animate_head
from saidwhat.analysis.actors.things import speaks_somewhere
from saidwhat.analysis.first_names import name_list_gender
from saidwhat.schema import Actor, ActorKind, Quote

__all__ = ["DOCUMENT_WORDS", "OFFICE_TITLES", "PLACE_UNDERGOES", "QUANTITY_WORDS", "RECORD_WORDS",
           "REMARK_WORDS", "RULES", "WORK_WORDS", "Page", "passing_reason", "source_only"]

# Office titles a department or chamber is only the first part of: "Energy Secretary X", "House
# Speaker Y", "National Security Adviser Z". Company titles are not here: in "Apple CEO Tim Cook"
# the company is a participant (GUIDELINES: affiliations are actors).
OFFICE_TITLES = {"secretary", "speaker", "adviser", "advisor"}
# Verbs whose subject undergoes or endures rather than acts: a place as their subject is a setting
# ("Paris has suffered dangerous smog", "Hong Kong struggles"), not a government that acts.
PLACE_UNDERGOES = {"suffer", "struggle", "endure", "undergo", "experience"}
# ("fight" and "battle" are not here: "Ukraine fights the invasion" is a government acting.)
# Heads of descriptions that name a document, not who wrote it: "court records", "a study", "one
# estimate", "agency policy", "CBP's guidelines" are sources of quotes (GUIDELINES: "a document
# source by its name") but no actors (people, organisations, groups). No gold actor of the own
# train pages has one of these heads; 11 false actors there had one.
DOCUMENT_WORDS = lx.DOCUMENT_HEADS | {"record", "estimate", "presentation", "policy", "guideline", "data",
                                      "poll", "transcript", "affidavit", "indictment", "figure"}
# Heads of unnamed actors that name a thing said, written or made, not who said or made it: records
# the speaker stage does not read as documents ("the agreement", "evidence presented at trial",
# "the researchers' calculations", "The script"), remarks
# ("His comments") and works or outputs ("The fourth Star Trek film", "a demo", "Chrome browser
# output"). Only ``source_only`` reads them (``DOCUMENT_WORDS`` is the speaker stage's too). On
# the development sets (own train, heldout, train2, fresh) 8 false actors had one of these heads
# and none of the 213 unnamed actors matching a gold actor did (docs/wild.md, fifth actor round).
RECORD_WORDS = {"agreement", "contract", "evidence", "calculation", "script"}
REMARK_WORDS = {"comment", "remark"}
WORK_WORDS = {"film", "movie", "demo", "output"}
# Heads that count people without saying who they are ("Fifty-one percent say", "the number who
# said"): the people counted are the actor, when the text names them ("44 percent of Americans")
QUANTITY_WORDS = {"percent", "per cent", "number", "share", "majority", "minority", "half", "third",
                  "quarter", "proportion"}
# Lowercase adjectives of direction that make a name a region: "the northern Kestrel Range",
# "eastern Orvania" (a capitalised "Northern" belongs to a name: "Northern Trust")
COMPASS_WORDS = {"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
                 "southeastern", "southwestern", "north", "south", "east", "west"}
# Prepositions before a retailer on a deals list: "at X", "from X", "via X"
_RETAIL_PREPS = {"at", "from", "via"}
# Dependencies of a name that take part in a clause as its subject or agent
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "agent", "csubj"}
# The role phrase a field of work hangs from: "vice president of X at Y", "head of X at Y"
_UNIT_PREPS = {"of"}
# Words that make a unit a body of its own ("the Center for X at Y", "the Department of X at Y")
_BODY_WORDS = (lx.ORG_HEADS | lx.ORG_SUFFIXES) - {"program", "programme", "project", "service"}


class _Mention(Protocol):
    """What these rules read of a mention (``mentions.mention.Mention``)."""

    @property
    def head(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def role(self) -> str | None: ...
    @property
    def gender(self) -> str | None: ...
    @property
    def name_tokens(self) -> list[str]: ...


class _Cluster(Protocol):
    """What these rules read of an actor cluster (``resolve.cluster.Cluster``)."""

    @property
    def kind(self) -> ActorKind: ...
    @property
    def is_gpe(self) -> bool: ...
    @property
    def mentions(self) -> Sequence[_Mention]: ...


class Page(NamedTuple):
    """What a rule may know of the page beyond the cluster."""

    doc: Doc
    page_type: str | None
    people: int  # clusters the text treats as people (a title, a role, he/she on the name)


class Rule(NamedTuple):
    reason: str
    test: Callable[[Page, _Cluster], bool]


def _names(c: _Cluster) -> list[_Mention]:
    return [m for m in c.mentions if m.type in ("name", "acronym")]


def _non_pronouns(c: _Cluster) -> list[_Mention]:
    return [m for m in c.mentions if m.type != "pronoun"]


def _acts(tok: Token) -> bool:
    """The token is the subject or agent of a clause: "BundleHunt delivers", "criticised by X"."""
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return True
    return tok.dep_ in _SUBJECT_DEPS


def _owns_people(tok: Token) -> bool:
    """"NASA's administrator", "NASA officials": the name qualifies people."""
    return tok.dep_ in ("poss", "compound") and tok.head.pos_ == "NOUN" and is_animate_head(tok.head)


def _office_title_part(page: Page, c: _Cluster) -> bool:
    """Every name mention modifies an office title ("Energy Secretary Rick Perry") or is one
    ("former National Security Adviser", tagged as an organisation)."""
    names = _names(c)
    if not names or len(_non_pronouns(c)) != len(names):
        return False
    doc = page.doc
    return all((doc[m.head].dep_ in ("compound", "nmod") and doc[m.head].head.lower_ in OFFICE_TITLES)
               or m.text.split()[-1].lower() in OFFICE_TITLES for m in names)


def _lone_word_person(page: Page, c: _Cluster) -> bool:
    """A "person" named once by one word that is no first name, with no title, role or gender, and
    neither acting nor identified ("It was X"): "turned to Twitter", "published Scholars"."""
    ms = _non_pronouns(c)
    if c.kind != "person" or len(ms) != 1 or ms[0].type != "name" or len(ms[0].text.split()) != 1:
        return False
    m = ms[0]
    tok = page.doc[m.head]
    if m.role or m.gender or name_list_gender(m.text) or _acts(tok) or tok.dep_ == "attr":
        return False
    return not speaks_somewhere(page.doc, c.mentions)


def _before_a_handle(page: Page, c: _Cluster) -> bool:
    """Every name mention is followed by an @handle ("Follow her on Twitter @ada"): the name is
    the platform the handle lives on, not a participant (the handle's owner is named apart)."""
    names = _names(c)
    if not names or len(_non_pronouns(c)) != len(names):
        return False
    doc = page.doc
    return all(m.head + 1 < len(doc) and doc[m.head + 1].text.startswith("@") and len(doc[m.head + 1]) > 1
               for m in names)


def _sells(tok: Token) -> bool:
    """"available at X", "$30 from X", "via X": where a deal is, a retailer (an actor on a deals list)."""
    return tok.dep_ == "pobj" and tok.head.lower_ in _RETAIL_PREPS


def _listed_not_acting(page: Page, c: _Cluster) -> bool:
    """On a listing page with no people, a name that never acts: a product, brand or feature."""
    if page.page_type != "listing" or page.people or c.kind not in ("person", "organization"):
        return False
    names = _names(c)
    return bool(names) and not any(_acts(page.doc[m.head]) or _owns_people(page.doc[m.head])
                                   or _sells(page.doc[m.head]) for m in names)


def _is_role(tok: Token) -> bool:
    low = tok.lower_.rstrip(".")
    return tok.lemma_.lower() in lx.ROLE_NOUNS or low in lx.TITLES or low in lx.ROLE_ACRONYMS


def _role_unit(page: Page, c: _Cluster) -> bool:
    """Named once as the field of work in someone's title: "vice president of X at Y"."""
    ms = _non_pronouns(c)
    if c.kind != "organization" or len(ms) != 1 or ms[0].type != "name":
        return False
    if any(w.lower().rstrip("s") in _BODY_WORDS or w.lower() in _BODY_WORDS for w in ms[0].text.split()):
        return False
    tok = page.doc[ms[0].head]
    role = tok.head.head
    if tok.dep_ != "pobj" or tok.head.lower_ not in _UNIT_PREPS or not _is_role(role):
        return False
    # "at Y" hangs from the unit, or from the role after the unit ("vice president of X at Y")
    after = [p for p in (*tok.children, *role.children) if p.i > tok.i]
    return any(p.dep_ == "prep" and p.lower_ == "at" and any(o.dep_ == "pobj" and o.pos_ == "PROPN"
                                                             for o in p.children) for p in after)


def _place_undergoes(page: Page, c: _Cluster) -> bool:
    """A place whose subjects all undergo ("Paris suffers") or are small clauses ("making America
    great"), and that never speaks: a setting, not a government."""
    if not c.is_gpe or speaks_somewhere(page.doc, c.mentions):
        return False
    subjects = [page.doc[m.head] for m in _names(c) if _acts(page.doc[m.head])]
    return bool(subjects) and all(t.head.pos_ == "ADJ" or t.head.lemma_.lower() in PLACE_UNDERGOES
                                  for t in subjects)


def _region(page: Page, c: _Cluster) -> bool:
    """Every name mention is a region: "the northern Kestrel Range has seen no rain"; people and
    groups are left alone ("southern Democrats")."""
    names = _names(c)
    if c.kind == "group" or not names or speaks_somewhere(page.doc, c.mentions):
        return False
    return all(any(k.dep_ == "amod" and k.text in COMPASS_WORDS for k in page.doc[m.head].children)
               for m in names)


RULES: tuple[Rule, ...] = (
    Rule("part of an office title", _office_title_part),
    Rule("a lone word named once", _lone_word_person),
    Rule("a platform before a handle", _before_a_handle),
    Rule("a listed product or brand", _listed_not_acting),
    Rule("a field of work in a title", _role_unit),
    Rule("a place that undergoes", _place_undergoes),
    Rule("a region", _region),
)


def passing_reason(page: Page, c: _Cluster) -> str | None:
    """Why the cluster takes no part in the story (the first rule of ``RULES`` that holds), or None."""
    return next((r.reason for r in RULES if r.test(page, c)), None)


def _description_head(doc: Doc, span: tuple[int, int]) -> Token | None:
    """The head noun of an unnamed actor's mention ("court records" → records)."""
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    return None if sp is None else sp.root


def with_conjuncts(heads: list[Token]) -> list[Token]:
    """The heads and the nouns joined to them ("businesses and residents")."""
    return heads + [c for h in heads for c in h.children if c.dep_ == "conj"]


def _all_in(heads: list[Token], words: Collection[str]) -> bool:
    """Every head is one of ``words``, by its lemma or as written (spaCy's lemma of "data" is
    "datum"; ``attribution.speaker`` reads ``DOCUMENT_WORDS`` the same way)."""
    return all(h.lemma_.lower() in words or h.lower_ in words for h in heads)


def source_only(doc: Doc, kind: ActorKind, mentions: Sequence[tuple[int, int]]) -> str | None:
    """Why an unnamed speaker is a source but no actor, or None: a document ("according to court
    records", "a study found") or a count of people with no one named ("Fifty-one percent say").
    Its quotes keep the mention as their speaker; it is left out of the actors."""
    if kind not in ("anonymous", "group"):
        return None
    heads = [h for h in (_description_head(doc, m) for m in mentions) if h is not None and h.pos_ != "PRON"]
    if not heads or any(h.pos_ == "PROPN" or h.ent_type_ in ("PERSON", "ORG", "NORP") for h in heads):
        return None
    if _all_in(heads, DOCUMENT_WORDS | RECORD_WORDS):
        return "a document, not an actor"
    if _all_in(heads, REMARK_WORDS | WORK_WORDS):
        return "a remark or a work, not an actor"
    if _all_in(heads, QUANTITY_WORDS) and not any(c.dep_ == "prep" and c.lower_ == "of" for h in heads
                                              for c in h.children):
        return "a count of people who are not named"
    if not any(h.pos_ in ("NOUN", "PROPN") for h in with_conjuncts(heads)):
        return "no noun names anyone"  # a verb or adverb cut out as a speaker: "proposed", "flat-out"
    return None


def drop_source_only(doc: Doc, actors: list[Actor], quotes: list[Quote],
                     speaker_only: Collection[str] = ()) -> None:
    """Leave out of ``actors`` the speakers that are sources but no actors (``source_only``); their
    quotes keep the speaker's mention and name no actor (the report shows the mention). So are the
    ``speaker_only`` actors that no quote names any more. The remaining actors are numbered
    a1..aN, and the quotes follow."""
    gone = {a.id for a in actors if source_only(doc, a.kind, a.mentions) is not None}
    speaking = {q.speaker.actor for q in quotes}
    gone |= {i for i in speaker_only if i not in speaking}  # a source given to someone else
    actors[:] = [a for a in actors if a.id not in gone]
    # ids become "a1".."aN" again, so that a reader never meets gaps (stages add actors with
    # schema.free_actor_id, which never reuses a taken id)
    new_ids = {a.id: f"a{i}" for i, a in enumerate(actors, 1)}
    for a in actors:
        a.id = new_ids[a.id]
    for q in quotes:
        q.speaker.actor = new_ids.get(q.speaker.actor) if q.speaker.actor else None
