"""Actor identity across articles: which canonical actor an article's actor is.

The analysis gives one actor per person or organisation *within* an article. Across articles the
store joins them by evidence, in small steps that each module function below does alone:

1. **What kind of mention names the actor** (``parse_name``): a full personal name ("Donald J.
   Trump", "Sen. Tim Kaine"), a surname with or without a title ("Trump", "Mr. Trump",
   "President Obama"), an organisation's name ("the New York Times"), an acronym ("FBI"), a
   handle ("@realDonaldTrump"), or a *description* ("the Democratic presidential nominee",
   "critics"). Titles and honorifics are taken off the name and kept as evidence (role, gender);
   middle names and initials are dropped and common nicknames folded (Bill = William) for
   matching, and a suffix such as "Jr." is kept (Donald Trump Jr. is another person).
2. **Descriptions never join across articles**: a description, a group ("Republicans",
   "critics") or an unnamed source ("an official") is an actor of its own article only
   (``scoped_key``). It joins a named actor only when the article itself resolved it to that
   actor, i.e. when the analysis made it an alias of a named actor.
3. **Names join by their normalised form** (``name_forms``): a full name joins the canonical
   actor that bears the same given name and surname; an organisation the one with the same name;
   an acronym or handle the actor that an article defined it for. A full name the store does not
   know yet joins the person that one of the article's other full names for the actor names.
4. **Surnames join by evidence** (``choose_for_surname``): first a person of the same article who
   bears the full name; else, among the store's people with that surname, one whose gender
   agrees with the honorific ("Mrs. Clinton" is not Bill Clinton), who is named in clearly more
   articles than the others, or who co-occurs with the article's other actors in clearly more
   articles; the one person with the affiliation the article gives goes first. Without such
   evidence the surname stays an actor of its own article, and is looked at again whenever a
   person with that surname is stored.

Everything here is pure: the store supplies what it knows through an ``Index`` and writes the
result (``saidwhat.store.canonical``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal, Protocol

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.lexicon import SURNAME_PARTICLES
from saidwhat.analysis.actors.surnames import surname_start
from saidwhat.analysis.first_names import name_list_gender
from saidwhat.schema import Actor
from saidwhat.store.keys import MAX_NAME_CHARS, norm_name

__all__ = [
    "DOMINANCE",
    "MIN_ARTICLES",
    "PRONOUN_GENDER_SET_ASIDE",
    "Index",
    "NameForm",
    "Resolved",
    "choose_for_surname",
    "dominant",
    "lookup_forms",
    "misread_person",
    "name_forms",
    "organization_as_surname",
    "parse_name",
    "person_taken_for_organization",
    "resolve_article",
    "scope_of",
    "scoped_key",
    "slug",
    "surname_as_organization",
]

MentionType = Literal["name", "surname", "organization", "acronym", "handle", "owned", "description"]

#: A surname joins the most likely person only when the evidence for that person (articles naming
#: them, or articles where they co-occur with this article's actors) is at least this many times
#: that of the next person with the surname. Not fitted: 3 is a margin that lets "Trump" join Donald
#: Trump in a store that also holds Ivanka and Melania Trump, and leaves two comparable people apart.
DOMINANCE = 3.0
#: A surname alone joins a person of another article only if the store names that person in full
#: in at least this many articles: a surname alone points to someone the corpus names often, and a
#: single article's full name is weak evidence ("Hillary" is not Ben Hillary). Not fitted.
MIN_ARTICLES = 2

_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "some", "many", "several", "his",
                "her", "its", "their", "our", "my", "your", "one", "two", "three", "both", "all", "most"}
_CONNECTORS = {"of", "for", "and", "the", "on", "y", "&", "at", "in", "to"} | SURNAME_PARTICLES
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
#: honorifics and what they say of gender (None: not gendered)
_HONORIFICS: dict[str, str | None] = {
    "mr": "male", "mister": "male", "sir": "male", "mrs": "female", "ms": "female", "miss": "female",
    "madam": "female", "madame": "female", "dame": "female", "lord": "male", "lady": "female",
    "king": "male", "queen": "female", "prince": "male", "princess": "female",
    "congressman": "male", "congresswoman": "female", "councilman": "male", "councilwoman": "female",
    "assemblyman": "male", "assemblywoman": "female", "chairwoman": "female", "spokeswoman": "female",
    "spokesman": "male", "businessman": "male", "businesswoman": "female",
}
_TITLES = {
    "dr", "prof", "professor", "sen", "senator", "rep", "representative", "gov", "governor", "lt",
    "gen", "general", "col", "maj", "capt", "captain", "adm", "admiral", "president", "vice",
    "secretary", "judge", "justice", "chief", "attorney", "mayor", "speaker", "rev", "reverend",
    "rabbi", "imam", "pope", "former", "first", "ambassador", "chairman", "chair", "commissioner",
    "sheriff", "minister", "prime", "chancellor", "sgt", "sergeant", "officer", "detective", "coach",
    "candidate", "nominee", "director", "leader", "majority", "minority", "house", "senate", "state",
    "deputy", "acting", "u.s", "us", "gop", "democratic", "republican", "democrat", "press",
    "spokesperson", "presidential", "cardinal", "bishop", "father", "sister", "brother",
    "pastor", "premier", "chairperson", "ceo", "founder", "co-founder", "economist", "host",
    "anchor", "correspondent", "columnist", "editor", "reporter", "author", "actor", "actress",
    "singer", "rapper", "comedian", "lawyer", "attorney-general", "treasurer", "comptroller",
    "auditor", "councilmember", "delegate", "lawmaker", "sens", "reps", "govs",
}
#: verbs that a faulty name can end with ("Obama says"); taken off instead of making it a description
_REPORTING_VERBS = {
    "says", "said", "seeks", "tells", "told", "warns", "urges", "calls", "slams", "blasts", "claims",
    "denies", "admits", "insists", "vows", "defends", "attacks", "asks", "responds", "writes", "tweets",
    "announces", "explains", "argues", "rips", "praises", "accuses", "unveils", "reveals", "wants",
    "thinks", "believes", "agrees", "promises", "suggests", "predicts", "adds", "added", "notes",
}
#: an organisation named by the person it belongs to: "the Trump campaign"
_OWNED_HEADS = {"campaign", "administration"}
_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them", "who", "which",
             "one", "someone", "everyone", "nobody", "anyone"}
_HANDLE = re.compile(r"^@\w{1,30}$")
_INITIAL = re.compile(r"^[A-Z]\.?$|^(?:[A-Z]\.){2,}$")


@dataclass(frozen=True)
class NameForm:
    """What an actor's name says about who it is.

    ``norm`` is the normalised form names are matched by: "donald trump" (given name, nickname
    folded, and surname, plus a suffix), "trump" for a surname, "new york times", "fbi",
    "@realdonaldtrump"; for a description, its normalised words.
    """

    type: MentionType
    family: str
    display: str
    norm: str
    given: str | None = None
    surname: str | None = None
    honorific_gender: str | None = None
    titles: tuple[str, ...] = ()
    owner: NameForm | None = None
    first: str | None = None  # the given name as written (not nickname-folded), for the name list
    middle: str = ""  # middle initials ("w" of George W. Bush, "hw" of George H.W. Bush)

    @property
    def full(self) -> str:
        """A person's name with its middle initials ("george w bush"); else ``norm``."""
        if self.type != "name" or not self.middle or not self.given:
            return self.norm
        return " ".join([self.given, self.middle, *self.norm.split()[1:]])

    @property
    def named(self) -> bool:
        return self.type != "description"


class Index(Protocol):
    """What the store knows, for the choices below (``saidwhat.store.canonical.SqlIndex``)."""

    def keys_with(self, form: str) -> dict[str, int]:
        """Canonical keys whose actors carry this name form, with the number of articles."""
        ...

    def cooccurrence(self, candidates: Sequence[str], others: Sequence[str]) -> dict[str, int]:
        """For each candidate key: stored articles in which it appears with any of ``others``."""
        ...

    def gender(self, key: str) -> str | None:
        """The canonical actor's gender when known from texts ("female"/"male"), else None."""
        ...

    def forms_of(self, key: str, prefix: str) -> set[str]:
        """The name forms starting with ``prefix`` that the key's actors carry."""
        ...

    def affiliation(self, key: str) -> str | None:
        """The canonical actor's affiliation, if any."""
        ...


@dataclass
class Resolved:
    """An article's actor with its canonical key and the evidence that chose it."""

    local_id: str
    key: str
    form: NameForm
    how: str
    forms: list[str] = field(default_factory=list)


# -- parsing names -------------------------------------------------------------------------------


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def _bare(token: str) -> str:
    """Lower-case token without dots, commas or a possessive ending."""
    t = _fold(token).replace("’", "'").lower().strip(",;:")
    t = re.sub(r"'s$|'$", "", t)
    return t.rstrip(".")


def _is_capitalised(token: str) -> bool:
    first = next((c for c in token if c.isalpha()), "")
    return bool(first) and first.isupper()


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"\s+", name.replace("’", "'").strip()) if t.strip(",;:")]


def _strip_front(tokens: list[str], *, titles: bool) -> tuple[list[str], list[str], str | None]:
    """Leading determiners (and for people, titles and honorifics) off a name:
    (rest, titles taken off, the honorific's gender)."""
    rest = list(tokens)
    while len(rest) > 1 and _bare(rest[0]) in _DETERMINERS:
        rest = rest[1:]
    if not titles:
        return rest, [], None
    # a title is taken off only when a capitalised word follows it ("President Obama"); the last
    # title wins ("Indiana Gov. Mike Pence" -> "Mike Pence")
    cut, gender = 0, None
    for i, tok in enumerate(rest[:-1]):
        b = _bare(tok)
        joins = b in _CONNECTORS and i > 0 and _is_capitalised(rest[i - 1])  # "Secretary of State"
        if not (b in _TITLES or b in _HONORIFICS or _is_capitalised(tok) or joins):
            break  # "aides to Mr. Sanders" is not Mr. Sanders
        if (b in _TITLES or b in _HONORIFICS) and _is_capitalised(rest[i + 1]):
            cut = i + 1
            gender = _HONORIFICS.get(b) or gender
    taken = [_bare(t) for t in rest[:cut] if _bare(t) in _TITLES or _bare(t) in _HONORIFICS]
    return rest[cut:], taken, gender


def _proper_run(tokens: list[str]) -> tuple[list[str], list[str]]:
    """The leading run of name words (capitalised, initials, inner connectors, suffixes) and what
    follows it."""
    run: list[str] = []
    for i, tok in enumerate(tokens):
        b = _bare(tok)
        nxt = next((x for x in tokens[i + 1:] if _bare(x) not in _CONNECTORS), "")
        # "Office of the United Nations"; a surname's particles open a name ("de Blasio")
        inner = (bool(run) or b in SURNAME_PARTICLES) and b in _CONNECTORS and _is_capitalised(nxt)
        if _is_capitalised(tok) or b in _SUFFIXES or inner:
            run.append(tok)
        else:
            return run, tokens[i:]
    return run, []


def _is_acronym(token: str) -> bool:
    letters = token.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


def _person_parts(run: list[str]) -> tuple[str | None, str, list[str], str]:
    """(given name, surname, suffixes, middle initials) of a personal name; middle names dropped."""
    initials = "".join(_bare(t).replace(".", "") for t in run[1:-1] if _INITIAL.match(t.strip(",")))
    words = [t for t in run if not _INITIAL.match(t.strip(","))]
    suffixes = [_bare(t) for t in words if _bare(t) in _SUFFIXES]
    words = [t for t in words if _bare(t) not in _SUFFIXES] or run[-1:]
    at = surname_start([_fold(t).strip(",.") for t in words])  # "Bill de Blasio": "de blasio"
    surname = " ".join(_bare(t) for t in words[at:])
    given = _bare(words[0]) if at > 0 else None
    return given, surname, suffixes, initials.lower()


def _display(run: list[str]) -> str:
    text = " ".join(run).strip(",;:")
    return re.sub(r"['’]s$", "", text)


def _description(name: str, family: str, titles: Sequence[str] = (), gender: str | None = None) -> NameForm:
    return NameForm("description", family, name, norm_name(name), titles=tuple(titles),
                    honorific_gender=gender)


def _named_organization(run: list[str], tail: list[str], name: str) -> NameForm:
    if len(tail) == 1 and _bare(tail[0]) in _OWNED_HEADS:
        # "the Trump campaign", "Obama's administration": the organisation of a named person; the
        # owner's title or honorific is evidence, not name ("Mrs. Clinton's campaign")
        owner_run, titles, gender = _strip_front(run, titles=True)
        owner = _person_form(owner_run, titles, gender)
        return NameForm("owned", "organization", name, _bare(tail[0]), given=owner.given,
                        surname=owner.surname, owner=owner)
    if tail or (len(run) == 1 and run[0].lower() in lx.BODY_ACRONYMS):
        return _description(name, "organization")  # "the PAC": a kind of body, not one of them
    display = _display(run)
    if len(run) == 1 and _is_acronym(run[0]):
        return NameForm("acronym", "organization", display, run[0].replace(".", "").lower())
    return NameForm("organization", "organization", display, norm_name(display))


def _person_form(run: list[str], titles: Sequence[str], gender: str | None) -> NameForm:
    display = _display(run)
    given, surname, suffixes, middle = _person_parts(run)
    if given is None:
        return NameForm("surname", "person", display, " ".join([surname, *suffixes]), surname=surname,
                        honorific_gender=gender, titles=tuple(titles))
    folded = lx.NICKNAMES.get(given, given)
    return NameForm("name", "person", display, " ".join([folded, surname, *suffixes]), given=folded,
                    surname=surname, honorific_gender=gender, titles=tuple(titles), first=given,
                    middle=middle)


@lru_cache(maxsize=20000)
def parse_name(name: str, kind: str) -> NameForm:
    """What kind of mention ``name`` is, and its normalised form (see the module docstring)."""
    family = "person" if kind in ("person", "anonymous") else kind
    tokens = _tokens(name[:MAX_NAME_CHARS])
    if len(tokens) == 1 and _HANDLE.match(tokens[0]):
        return NameForm("handle", family, name, tokens[0].lower())
    if not tokens or kind == "group" or (len(tokens) == 1 and _bare(tokens[0]) in _PRONOUNS):
        return _description(name, family)
    rest, titles, gender = _strip_front(tokens, titles=family == "person")
    run, tail = _proper_run(rest)
    if len(tail) == 1 and _bare(tail[0]) in _REPORTING_VERBS and _bare(tokens[0]) not in _DETERMINERS:
        tail = []  # a verb glued to a name ("Obama says")
    if len(run) > 1 and not tail and _bare(run[-1]) in _REPORTING_VERBS:
        run = run[:-1]  # the same in a title-case headline ("Obama Says")
    if not run:
        return _description(name, family, titles, gender)
    if kind == "organization":
        return _named_organization(run, tail, name)
    if tail or (kind == "anonymous" and gender is None):
        # "the Indiana governor"; an unnamed source is named only by an honorific ("Mr. McKinley")
        return _description(name, family, titles, gender)
    return _person_form(run, titles, gender)


# -- keys and forms ------------------------------------------------------------------------------


def slug(text: str) -> str:
    """A URL-safe slug of a name (``@`` kept for handles)."""
    s = "-".join(norm_name(text).split()) if not text.startswith("@") else "@" + norm_name(text[1:])
    s = re.sub(r"[^a-z0-9@-]", "", _fold(s).encode("ascii", "ignore").decode())[:200]
    return s or hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def scope_of(text_hash: str) -> str:
    """The article part of an article-scoped key: stable for the same text across re-ingests."""
    return text_hash[:12]


def scoped_key(family: str, name: str, scope: str) -> str:
    """The key of an actor that exists in one article only: ``kind:slug@scope``."""
    return f"{family}:{slug(name)[:180]}@{scope}"


def global_key(form: NameForm) -> str:
    """The key a named actor gets when the store knows no one by its name: its slug, a person's
    from the given name as written, the surname and a suffix ("Bill Clinton" -> person:bill-clinton)."""
    if form.type == "name" and form.first and form.surname:
        n = _n_suffixes(form.norm)
        rest = [form.surname, *(form.norm.split()[len(form.norm.split()) - n:] if n else [])]
        return f"person:{slug(' '.join([form.first, *([form.middle] if form.middle else []), *rest]))}"
    return f"{form.family}:{slug(form.norm if form.type != 'surname' else form.display)}"


def _n_suffixes(norm: str) -> int:
    return sum(1 for w in norm.split()[1:] if w in _SUFFIXES)


def name_forms(form: NameForm, aliases: Iterable[str] = (), kind: str = "person") -> list[str]:
    """The index forms an actor is found by: its own name's, and those of the aliases the article
    resolved to it that name it unambiguously (acronyms, handles). Short forms ("the Times") are
    not indexed: across articles they are ambiguous (the New York Times, the Tampa Bay Times)."""
    out: list[str] = []
    if form.type == "name":
        out += [f"name:{form.norm}", f"fullname:{form.full}", f"surname-of:{form.surname}"]
    elif form.type in ("organization", "acronym", "handle"):
        out.append(f"{form.type}:{form.norm}")
    for alias in (parse_name(a, kind) for a in aliases):
        if alias.type in ("acronym", "handle"):
            out.append(f"{alias.type}:{alias.norm}")
    return list(dict.fromkeys(out))


# -- choosing ------------------------------------------------------------------------------------


def dominant(scores: Mapping[str, int]) -> str | None:
    """The key whose score is at least ``DOMINANCE`` times every other one's (and positive)."""
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] <= 0:
        return None
    if len(ranked) == 1 or ranked[0][1] >= DOMINANCE * ranked[1][1]:
        return ranked[0][0]
    return None


def _gender_ok(index: Index, key: str, gender: str | None) -> bool:
    if gender is None:
        return True
    known = index.gender(key)
    return known is None or known == gender


def _same_article(form: NameForm, people: Mapping[str, NameForm], keys: Mapping[str, str]) -> list[str]:
    """Keys of the article's full-named people whose surname (or given name: "Hillary", "Jeb")
    is this single name; of two or more, those whose first name (the offline list) agrees with the
    honorific, when any does ("Mrs. Clinton" in an article naming Bill and Hillary Clinton)."""
    token = form.surname
    bearers = {norm: p for norm, p in people.items() if token in (p.surname, p.first, p.given)}
    if form.honorific_gender:  # "Mrs. Clinton" beside Bill Clinton alone is not Bill Clinton
        bearers = {n: p for n, p in bearers.items()
                   if name_list_gender(p.first) in (None, form.honorific_gender)}
    if len({keys[n] for n in bearers}) > 1 and form.honorific_gender:
        agree = {n: p for n, p in bearers.items() if name_list_gender(p.first) == form.honorific_gender}
        bearers = agree or bearers
    return sorted({keys[norm] for norm in bearers})


def same_affiliation(a: str | None, b: str | None) -> bool:
    """Whether two affiliations name the same body: the words of one contain the other's
    ("Homeland Security" and "the Department of Homeland Security")."""
    wa, wb = (set(norm_name(x or "").split()) - _CONNECTORS for x in (a, b))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def choose_for_surname(form: NameForm, people: Mapping[str, NameForm], keys: Mapping[str, str],
                       others: Sequence[str], index: Index,
                       affiliation: str | None = None, said: str | None = None) -> tuple[str | None, str]:
    """The canonical key a surname mention joins, and why; (None, reason) when nothing decides.

    ``people`` are the article's full-named people by normalised name, ``keys`` their keys;
    ``others`` the keys of the article's other named actors (co-occurrence evidence);
    ``affiliation`` the one the article gives the person (a known person with the same one wins);
    ``said`` the gender the article's text gives the mention without an honorific ("Fiorina ...
    she said"): it chooses among the article's own bearers of the surname as an honorific would,
    but among the store's people it only breaks a tie (``_weakly_gendered``).
    """
    if said is not None and form.honorific_gender is None:
        return _weakly_gendered(form, people, keys, others, index, affiliation, said)
    local = _same_article(form, people, keys)
    if len(local) == 1:
        return local[0], "same article"
    stored = {k: n for k, n in index.keys_with(f"surname-of:{form.surname}").items()
              if _gender_ok(index, k, form.honorific_gender) and (k in local or not local)}
    if not stored:
        return None, "no person with that surname"
    if affiliation:
        same = [k for k in stored if same_affiliation(affiliation, index.affiliation(k))]
        if len(same) == 1:
            return same[0], "same affiliation"
    best = dominant(stored)
    if best is not None and stored[best] >= MIN_ARTICLES:
        return best, "most named" if len(stored) > 1 else "only person with that surname"
    together = index.cooccurrence(sorted(stored), others)
    best = dominant(together)
    if best is not None and together[best] >= MIN_ARTICLES:
        return best, "named with the same actors"
    return None, "ambiguous surname" if len(stored) > 1 else "too few articles name the person"


#: Appended to the ``how`` of a surname that joined a person of the other gender than the pronouns
#: resolved to it: those pronouns are then taken for resolution errors, and the actor's text gender
#: is not stored (it would make the person of the other gender).
PRONOUN_GENDER_SET_ASIDE = "the pronouns' gender set aside"


def _weakly_gendered(form: NameForm, people: Mapping[str, NameForm], keys: Mapping[str, str],
                     others: Sequence[str], index: Index, affiliation: str | None,
                     said: str) -> tuple[str | None, str]:
    """``choose_for_surname`` for a surname the text genders only through pronouns resolved to it,
    which may be resolution errors ("President Obama backed her up", "the way Obama reached out to
    her"): when the article names bearers of the surname, the gender chooses among them as an
    honorific would; else the store's choice without it stands when the evidence decides, and the
    gender only decides what the evidence leaves open. PolNeAR train as one store: 5 surname actors
    move from Michelle to Barack Obama and 1 from Bill to Hillary Clinton, all rightly (docs/corpus.md,
    "Session 14")."""
    gendered = replace(form, honorific_gender=said)
    if _same_article(form, people, keys):
        return choose_for_surname(gendered, people, keys, others, index, affiliation)
    found, why = choose_for_surname(form, people, keys, others, index, affiliation)
    if found is None:
        return choose_for_surname(gendered, people, keys, others, index, affiliation)
    if index.gender(found) not in (None, said):
        why = f"{why}; {PRONOUN_GENDER_SET_ASIDE}"
    return found, why


def _resolve_person(form: NameForm, index: Index) -> str | None:
    """The key of a full personal name: one bearing the same name with the same middle initials;
    else, without initials, the dominant bearer of the name; with initials, one known by the name
    only without initials (Donald J. Trump joins Donald Trump; George H.W. Bush never joins
    George W. Bush)."""
    found = dominant(index.keys_with(f"fullname:{form.full}"))
    if found is not None or not form.middle:
        return found or dominant(index.keys_with(f"name:{form.norm}"))
    candidates = {k: n for k, n in index.keys_with(f"name:{form.norm}").items()
                  if not _other_initials(form, index.forms_of(k, f"fullname:{form.given} "))}
    return dominant(candidates)


def _other_initials(form: NameForm, fullnames: Iterable[str]) -> bool:
    """Whether a key bears this given name and surname with other middle initials than ``form``."""
    rest = form.norm.split()[1:]  # surname and suffixes
    for full in fullnames:
        words = full.removeprefix("fullname:").split()
        if words[-len(rest):] == rest and len(words) == len(rest) + 2 and words[1] != form.middle:
            return True
    return False


def _resolve_name(form: NameForm, index: Index) -> tuple[str, str]:
    """Key of a full name, an organisation's name, an acronym or a handle, and why."""
    if form.type == "name":
        found = _resolve_person(form, index)
    else:
        found = dominant(index.keys_with(f"{form.type}:{form.norm}"))
        if found is None and form.type == "organization" and len(form.norm.split()) in (2, 3):
            # a person the analysis took for an organisation: the store knows the person
            person = dominant(index.keys_with(f"name:{form.norm}"))
            return (person, "a person of that name") if person else (global_key(form), "new")
    return (found, "same name") if found else (global_key(form), "new")


def _resolve_owned(form: NameForm, people: Mapping[str, NameForm], keys: Mapping[str, str],
                   others: Sequence[str], scope: str, index: Index) -> tuple[str, str]:
    """"the Trump campaign": the organisation of the person the owner's name resolves to."""
    owner = form.owner
    if owner is None:
        return scoped_key("organization", form.display, scope), "description"
    if owner.type == "name":
        person = keys.get(owner.norm) or _resolve_name(owner, index)[0]
    else:
        person = choose_for_surname(owner, people, keys, others, index)[0] or ""
    if not person or "@" in person or not person.startswith("person:"):
        return scoped_key("organization", form.display, scope), "owner not known"
    return f"organization:{person.split(':', 1)[1]}-{form.norm}", f"{form.norm} of {person}"


def _resolve_by_alias(actor: Actor, form: NameForm, index: Index) -> tuple[str, str]:
    """A full name the store does not know yet: the person one of the article's other full names
    for the actor names, if the store knows one ("Crooked Hillary Clinton", also "Hillary
    Clinton" in its article, is Hillary Clinton); else its own new key."""
    key, why = _resolve_name(form, index)
    if why != "new":
        return key, why
    scores: dict[str, int] = {}
    for alias in person_aliases(actor):
        found = _resolve_person(alias, index)
        if found is not None:
            scores[found] = scores.get(found, 0) + sum(index.keys_with(f"name:{alias.norm}").values())
    best = dominant(scores)
    return (best, "an alias the article gave it") if best else (key, why)


def person_aliases(actor: Actor) -> list[NameForm]:
    """The actor's aliases that are full personal names other than its own name."""
    own = parse_name(actor.name, actor.kind).norm
    forms = [parse_name(a, actor.kind) for a in actor.aliases]
    return [f for f in forms if f.type == "name" and f.norm != own]


def lookup_forms(forms: Iterable[NameForm]) -> set[str]:
    """Every index form that resolving these names may look up (for fetching them at once)."""
    out: set[str] = set()
    for f in forms:
        f = f.owner or f
        if f.type == "name":
            out |= {f"fullname:{f.full}", f"name:{f.norm}"}
        elif f.type == "organization":
            out |= {f"organization:{f.norm}", f"name:{f.norm}"}
        elif f.type in ("acronym", "handle"):
            out.add(f"{f.type}:{f.norm}")
        elif f.type == "surname":
            out.add(f"surname-of:{f.surname}")
    return out


def _description_key(actor: Actor, form: NameForm, scope: str) -> tuple[str, str]:
    """A description's key, in its own article only; a speaker the store kept apart from the
    actor the analysis gave it (id ``ACTOR~QUOTE``, ``saidwhat.store.speakers``) is one person
    even when another kept-apart "he" of the article reads the same."""
    if "~" in actor.id:
        return scoped_key(form.family, f"{actor.name} {actor.id}", scope), "kept apart"
    if actor.name.split(" ", 1)[0].lower() in _SOMEONE_NEW:
        return scoped_key(form.family, f"{actor.name} {actor.id}", scope), "someone new"
    return scoped_key(form.family, actor.name, scope), "description"


#: First words of an indefinite description: each actor of an article so named is someone new, as
#: the analysis found ("one source" who identified Sullivan, and "one source" on overclassification;
#: the insiders' "a New Hampshire Republican"s: PolNeAR train, every such pair of 840 articles read,
#: 6 pairs, all different people).
_SOMEONE_NEW = frozenset({"a", "an", "one", "another"})


def misread_person(actor: Actor, form: NameForm, article_people: Iterable[NameForm],
                   index: Index) -> NameForm:
    """An unnamed source or a group the analysis named by a name: a person's surname ("McAuliffe",
    "Fields": no title or pronoun told the analysis it was a person) when a full-named person of the
    same article bears it or the store knows a person with it; a person's organisation ("Hillary
    Clinton's campaign"); else ``form`` unchanged. Never people named together ("Republican Trump
    and Democrat Clinton", "Mr. Peck and Mr. Mahaney": PolNeAR train, held-out analyses, each had
    joined the last one named)."""
    if form.type != "description" or actor.kind not in ("anonymous", "group") or _joins_several(actor.name):
        return form
    owned = parse_name(actor.name, "organization")
    if owned.type == "owned" and owned.owner is not None and owned.owner.type in ("name", "surname"):
        return owned
    person = parse_name(actor.name, "person")
    if person.type != "surname" or not person.surname or len(person.surname) < 3:
        return form
    if person.surname in {p.surname for p in article_people} or index.keys_with(
            f"surname-of:{person.surname}"):
        return person
    return form


def _joins_several(name: str) -> bool:
    """Does a name join several ("X and Y", "X & Y", "X, Y")?"""
    words = name.replace(",", " , ").split()
    return any(w in ("and", "&", ",") for w in words[1:-1])


def organization_as_surname(actor: Actor, form: NameForm, article_people: Iterable[NameForm]) -> NameForm:
    """An organisation the analysis named by one word that is the surname of a full-named person of
    the same article ("Trump" tagged an organisation beside "Donald Trump"): that surname; else
    ``form`` unchanged."""
    if actor.kind != "organization" or form.type != "organization" or len(form.norm.split()) != 1:
        return form
    if form.norm not in {p.surname for p in article_people}:
        return form
    person = parse_name(actor.name, "person")
    return person if person.type == "surname" else form


def person_taken_for_organization(actor: Actor, form: NameForm, article_surnames: set[str]) -> NameForm:
    """An organisation named by a first name on the offline list and a surname that the same article
    also uses alone for a person ("Carly Fiorina" tagged an organisation, then "Fiorina said"): that
    person's full name; else ``form`` unchanged."""
    if actor.kind != "organization" or form.type != "organization":
        return form
    person = parse_name(actor.name, "person")
    if person.type != "name" or person.surname not in article_surnames or person.middle:
        return form
    return person if len(person.norm.split()) == 2 and name_list_gender(person.first) else form


def surname_as_organization(form: NameForm, index: Index) -> str | None:
    """A single name no person bears that names a known organisation ("Politico" taken for a
    person's surname): that organisation's key."""
    if form.type != "surname" or form.honorific_gender or form.titles:
        return None
    return dominant(index.keys_with(f"organization:{norm_name(form.display)}"))


def resolve_article(actors: Sequence[Actor], scope: str, index: Index,
                    genders: Mapping[str, str] | None = None,
                    firm: Collection[str] = ()) -> list[Resolved]:
    """The canonical key of every actor of one article (see the module docstring). ``genders``: the
    gender the article's text gives a person actor, by actor id ("female"/"male", ``store.gender``);
    ``firm``: the actor ids whose gender an honorific or a gendered noun gives, not only resolved
    pronouns. A surname with no honorific is matched as if it had one of a firm gender, and with a
    gender from pronouns alone as ``choose_for_surname``'s ``said`` ("Fiorina ... she said" is not
    "her husband, Frank Fiorina")."""
    parsed = [(a, parse_name(a.name, a.kind)) for a in actors]
    full = [form for _, form in parsed if form.type == "name"]
    parsed = [(a, organization_as_surname(a, misread_person(a, form, full, index), full))
              for a, form in parsed]
    surnames = {form.surname for _, form in parsed if form.type == "surname" and form.surname}
    parsed = [(a, person_taken_for_organization(a, form, surnames)) for a, form in parsed]
    keys: dict[str, tuple[str, str]] = {}
    for actor, form in parsed:
        if form.type == "name":
            keys[actor.id] = _resolve_by_alias(actor, form, index)
        elif form.type in ("organization", "acronym", "handle"):
            keys[actor.id] = _resolve_name(form, index)
    people = {form.norm: form for a, form in parsed if form.type == "name"}
    people_keys = {form.norm: keys[a.id][0] for a, form in parsed if form.type == "name"}
    others = sorted({k for k, _ in keys.values()})
    for actor, form in parsed:
        if form.type == "surname":
            said = (genders or {}).get(actor.id)
            looked_up = form
            if said and actor.id in firm and not form.honorific_gender:
                looked_up, said = replace(form, honorific_gender=said), None
            key, why = choose_for_surname(looked_up, people, people_keys, others, index, actor.affiliation,
                                          said)
            if key is None and why == "no person with that surname":
                key = surname_as_organization(form, index)
                why = "an organisation of that name" if key else why
            keys[actor.id] = (key or scoped_key("person", form.display, scope), why)
        elif form.type == "owned":
            keys[actor.id] = _resolve_owned(form, people, people_keys, others, scope, index)
        elif form.type == "description":
            keys[actor.id] = _description_key(actor, form, scope)
    return [Resolved(a.id, keys[a.id][0], form, keys[a.id][1],
                     name_forms(form, [x for x in a.aliases if x != a.name], a.kind)) for a, form in parsed]
