"""People of one article who share a surname: which of them a bare surname means, by evidence.

An article about the Trump family names Donald, Ivanka and Eric Trump, one about the Clintons
Bill and Hillary Clinton; after the full names, each is "Trump" or "Mr./Mrs. Clinton". A bare
surname joins a person (``resolve.clusterer._Clusterer``) by this evidence, in order:

1. **gender**: a title or gender noun on the mention ("Mrs. Clinton") must not contradict what the
   person's names say ("Bill": the first-name list), nor what the pronouns joined to a person known
   only by a bare surname say; a full name whose first name says the other gender does not join a
   person known so far only by bare surnames either (``gender_conflict``);
2. **the pronoun that follows**: the first he/she/his/her after the mention in its sentence, outside
   quotation marks, when no name of that pronoun's gender comes between ("Clinton declared of
   Hillary Clinton, his words drowned by applause": Bill) (``pronoun_after``);
3. **the nearest antecedent**: of the people left, the one named last before the mention, by any of
   its names, when that is at most ``NEAR_SENTENCES`` sentences back ("Then, last week, Eric Trump
   called. ... Trump said": Eric); further back, the one the article has named most so far (a
   campaign story's "Trump" a paragraph after his daughter's) (``antecedent``).

A bare surname that comes before any full name (a headline's "Clinton") joins whoever is the first
to bear it; once the article has named two bearers, ``reassign_orphans`` moves each such
mention by the same evidence, and, with no person named before it, to the bearer the article names
most.

The rules were written from a hand-labelled development set of PolNeAR *train* articles
(``tests/data/actor-identity-train``): families sharing a surname, campaign couples.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.mentions import Mention
from saidwhat.analysis.first_names import name_list_gender
from saidwhat.analysis.nlp import text_of

if TYPE_CHECKING:
    from saidwhat.analysis.actors.resolve.cluster import Cluster

__all__ = ["GENERATIONS", "choose_bearer", "gender_conflict", "generation", "in_quotes", "mention_gender",
           "pronoun_after", "reassign_orphans", "split_name"]

#: How many sentences back the nearest bearer of a surname is its antecedent; beyond, the bearer the
#: article has named most so far. Chosen on the train development gold
#: (``tests/data/actor-identity-train``): the Trump family and Clinton stories there.
NEAR_SENTENCES = 2

#: Suffixes that tell a son from his father ("Donald Trump Jr."): not a surname, and two full names
#: that differ by one are two people.
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def generation(tokens: list[str]) -> str | None:
    """The generational suffix that ends a personal name ("Donald Trump Jr.": "jr"), else None."""
    words = [t.strip(".,").lower() for t in tokens if t.strip(".,")]
    return words[-1] if len(words) > 1 and words[-1] in GENERATIONS else None


def split_name(tokens: list[str]) -> tuple[str | None, str]:
    """(first name or None, surname) with particles kept in the surname ("Bill de Blasio") and a
    generational suffix left out ("Donald Trump Jr.": Trump; ``generation`` tells it)."""
    words = [t.strip(".,") for t in tokens if t.strip(".,")]
    if generation(words):
        words = words[:-1]
    if not words:
        return None, ""
    i = surname_start(words)
    surname = " ".join(words[i:]).lower()
    return (words[0].lower() if i > 0 else None), surname


def surname_start(words: Sequence[str]) -> int:
    """Where the surname begins among a name's words: its last word with the particles before it
    ("Bill de Blasio", "De Blasio": "de Blasio"), but a capitalised first word on the first-name list
    is a first name ("Van Jones", "Al Sharpton")."""
    i = len(words) - 1
    while i > 0 and words[i - 1].lower() in lx.SURNAME_PARTICLES:
        i -= 1
    if i == 0 and len(words) > 1 and words[0][:1].isupper() and name_list_gender(words[0]) is not None:
        return 1
    return i


def is_bare(m: Mention) -> bool:
    """A person's name mention without a first name: "Trump", "Mrs. Clinton"."""
    return m.type == "name" and m.kind == "person" and bool(m.name_tokens) \
        and split_name(m.name_tokens)[0] is None


def mention_gender(m: Mention) -> str | None:
    """"m"/"f" as the mention itself says: a title or gender noun, else its first name on the list."""
    if m.gender:
        return m.gender
    first, _ = split_name(m.name_tokens) if len(m.name_tokens) > 1 else (None, "")
    listed = name_list_gender(first)
    return listed[0] if listed else None


def _full_names(c: Cluster) -> list[Mention]:
    return [x for x in c.mentions if x.type == "name" and len(x.name_tokens) > 1
            and split_name(x.name_tokens)[0] is not None]


def gender_conflict(m: Mention, c: Cluster) -> bool:
    """The mention's own gender contradicts the person's: "Mrs. Clinton" and "Bill Clinton"; "Ivanka
    Trump" and a "Trump" so far called "he". A pronoun's gender counts only for a person known by bare
    surnames alone (pronouns are less sure than a first name)."""
    mine = mention_gender(m)
    if mine is None:
        return False
    theirs = c.name_gender() if _full_names(c) or c.title_gender else c.known_gender()
    return theirs is not None and theirs != mine


def _names_before(c: Cluster, start: int) -> list[Mention]:
    return [x for x in c.mentions if x.type == "name" and x.start < start]


def nearest_named(m: Mention, candidates: Sequence[Cluster]) -> Cluster | None:
    """The candidate named last before the mention (by a full name, a bare surname, a first name)."""
    best = _last_named(m, candidates)
    return best[1] if best else None


def _last_named(m: Mention, candidates: Sequence[Cluster]) -> tuple[int, Cluster] | None:
    best: tuple[int, Cluster] | None = None
    for c in candidates:
        before = _names_before(c, m.start)
        if before and (best is None or max(x.start for x in before) > best[0]):
            best = (max(x.start for x in before), c)
    return best


def _narrative_starts(doc: Doc) -> list[int]:
    """Where the sentences outside quotation marks start (a quoted passage of several sentences is
    one step of the narrative, not several); cached on the Doc."""
    starts: list[int] | None = doc.user_data.get("saidwhat_narrative_starts")
    if starts is None:
        starts = []
        for sent in doc.sents:
            first = next((t.idx for t in sent if t.is_alpha), sent.start_char)
            if not in_quotes(text_of(doc), first):
                starts.append(sent.start_char)
        doc.user_data["saidwhat_narrative_starts"] = starts
    return starts


def _sentences_between(doc: Doc, a: int, b: int) -> int:
    """How many narrative sentences start after character ``a`` up to ``b``."""
    starts = _narrative_starts(doc)
    return bisect_right(starts, b) - bisect_right(starts, a)


def antecedent(doc: Doc, m: Mention, candidates: Sequence[Cluster]) -> Cluster | None:
    """The nearest bearer named at most ``NEAR_SENTENCES`` narrative sentences before (sentences that
    begin inside quotation marks not counted) and not only as someone acted on (``_never_an_agent``);
    else the one named most
    so far (a campaign story's "Trump" after a paragraph on his daughter is still Donald Trump); on a
    tie, the nearest, unless the nearest was named in passing (PolNeAR train, eleventh identity gold:
    "Mark Barden's son, Daniel, was one of 20 students killed … Barden says" went to the son)."""
    last = _last_named(m, candidates)
    if last is None:
        return None
    passing = _in_passing(doc, m, last)
    near = _sentences_between(doc, last[0], m.start) <= NEAR_SENTENCES
    if near and not passing and not _never_an_agent(last[1], m.start):
        return last[1]
    counts = {c.idx: len(_names_before(c, m.start)) for c in candidates}
    top = max(counts.values())
    most = [c for c in candidates if counts[c.idx] == top]
    if len(most) > 1 and passing:  # "Mark Barden's son, Daniel, … Barden says": not the one in passing
        most = [c for c in most if c is not last[1]]
    return most[0] if len(most) == 1 else last[1]


def _in_passing(doc: Doc, m: Mention, last: tuple[int, Cluster]) -> bool:
    """The nearest bearer was named only in passing — inside quotation marks while the surname is
    outside them, or as the apposition of a common noun ("a tribute to … a teacher's aide, Anne
    Marie Murphy, who was gunned down … “… If Anne Marie Murphy could do that …” Murphy has an ally
    in Hillary Clinton" is Sen. Chris Murphy, whom the article names throughout; PolNeAR train,
    seventh judged round, where the parser made her a conjunct of "aide"; "Clinton and her husband,
    former President Bill Clinton, attended …" with the title before the name, sixth identity
    gold), or as someone's relative (``_kin_of``): not the antecedent a nearer mention would be."""
    named = next((x for x in last[1].mentions if x.start == last[0]), None)
    if named is None:
        return False
    text = text_of(doc)
    if in_quotes(text, named.start) and not in_quotes(text, m.start):
        return True
    head = doc[named.head]
    start = head.left_edge.i  # "her husband, former President Bill Clinton": from "former"
    after_comma = start > 0 and doc[start - 1].text == ","
    return (head.dep_ in ("appos", "conj") and head.head.pos_ == "NOUN" and after_comma) or _kin_of(head)


def _kin_of(head: Token) -> bool:
    """A name given only as whose relative someone is ("Tony Podesta, is the brother of longtime
    Democratic strategist John Podesta, who …": PolNeAR train, held-out identity errors, where the
    "Podesta, who said the project was vetted by his firm's counsel" after it went to John), or as
    the name of a relative who does nothing in the sentence ("… during a campaign stop for his wife
    Hillary Clinton. … “…,” Clinton said" is Bill Clinton's; PolNeAR dev, session 37); "His son
    Eric Roe runs a charity" names him as its subject."""
    prep = head.head
    return (head.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in lx.KIN_NOUNS) \
        or (head.dep_ == "appos" and prep.lemma_.lower() in lx.KIN_NOUNS
            and prep.dep_ not in ("nsubj", "nsubjpass"))


def _never_an_agent(c: Cluster, before: int) -> bool:
    """Has the article so far named the person only as someone acted on or spoken of, never as a
    subject or a source ("Trump also retweeted an unflattering photo of Heidi Cruz … “…,” Cruz said"
    is Ted Cruz, whom the article names throughout; PolNeAR dev, session 37)? The bearer named most
    then takes the surname; on a tie the nearest still does (a headline's "Will Sanders come down
    …?" and "Bernie Sanders's infinitesimal chance" are named once each: PolNeAR train, held-out
    analyses, where a first version gave his "He vowed" to the headline's misread "Will Sanders")."""
    return not any(x.is_subject or x.is_source for x in c.mentions if x.start < before)


def in_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside quotation marks within its paragraph (indirect speech keeps "he")."""
    start = text.rfind("\n", 0, pos) + 1
    before = text[start:pos]
    opened = max(before.rfind("“"), before.rfind("``"))
    closed = before.rfind("”")
    if opened > closed:  # a straight mark closes a curly one: “… communities," the paper reported
        return before.count('"', opened) % 2 == 0
    return opened < 0 and closed < 0 and (before.count('"') + before.count("''")) % 2 == 1


def quoted_at(doc: Doc, pos: int) -> bool:
    """``in_quotes`` on the Doc's text, cached per character offset on the Doc (the actor and
    speaker stages ask it for every candidate mention)."""
    cache: dict[int, bool] = doc.user_data.setdefault("saidwhat_quoted", {})
    if pos not in cache:
        cache[pos] = in_quotes(text_of(doc), pos)
    return cache[pos]


def aside_closed(doc: Doc, pos: int, before: int) -> bool:
    """Is ``pos`` inside a parenthesis of its paragraph that closes before ``before``? An aside does
    not move the focus: "There was Mr. Hannity … (As BuzzFeed News first reported, Mr. Trump voiced
    support for the war.) On other days, he has lent his platform …" is Hannity's he (PolNeAR train,
    seventh identity gold: it went to Trump)."""
    text = text_of(doc)
    para = text.rfind("\n", 0, pos) + 1
    opened = text.rfind("(", para, pos)
    if opened < 0 or text.rfind(")", opened, pos) >= 0:
        return False
    closed = text.find(")", pos)
    return 0 <= closed < before and "\n" not in text[pos:closed]


GenderOf = Callable[[Mention], str | None]


def pronoun_after(doc: Doc, m: Mention, by_token: dict[int, Mention], gender_of: GenderOf) -> str | None:
    """The gender of the first he/she/his/her after ``m`` in its sentence, outside quotes, unless a
    person's name that could be that pronoun's antecedent comes between (``gender_of``: a
    mention's gender, None when unknown)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    between: dict[int, str | None] = {}
    for tok in doc[span.end:span.sent.end]:
        other = by_token.get(tok.i)
        if other is not None and other is not m and other.type == "name" and other.kind == "person":
            between[id(other)] = gender_of(other)
            continue
        low = tok.lower_
        if low not in lx.MALE_PRONOUNS and low not in lx.FEMALE_PRONOUNS:
            continue
        if in_quotes(text_of(doc), tok.idx):
            continue
        g = "m" if low in lx.MALE_PRONOUNS else "f"
        return None if any(b is None or b == g for b in between.values()) else g
    return None


def _by_gender(candidates: list[Cluster], gender: str | None) -> list[Cluster]:
    if gender is None:
        return candidates
    kept = [c for c in candidates if c.name_gender() in (gender, None)]
    return kept or candidates


def choose_bearer(doc: Doc, m: Mention, candidates: list[Cluster], by_token: dict[int, Mention],
                  gender_of: GenderOf) -> Cluster | None:
    """Of several people the bare surname ``m`` can be, the one the evidence points at (see the
    module's docstring); None when nothing tells them apart."""
    left = _by_gender(candidates, m.gender)
    if len(left) > 1 and m.gender is None:
        left = _by_gender(left, pronoun_after(doc, m, by_token, gender_of))
    if len(left) == 1:
        return left[0]
    return _called_so(doc, m, left) or antecedent(doc, m, left)


def _called_so(doc: Doc, m: Mention, candidates: Sequence[Cluster]) -> Cluster | None:
    """The one bearer the article has already called by this very honorific and surname ("Mrs.
    Clinton" for Hillary Clinton, while Chelsea is "Chelsea Clinton"): a paper keeps one form per
    person, so the form outweighs the nearer namesake (PolNeAR train: "Ambassador Tefft wrote to
    Mrs. Clinton about a visit … by Chelsea Clinton … Mrs. Clinton replied" went to Chelsea). A bare
    surname says nothing here: both are called so."""
    form = _honorific_form(doc, m)
    if form is None:
        return None
    called = [c for c in candidates if any(x.start < m.start and _honorific_form(doc, x) == form
                                           for x in c.mentions)]
    return called[0] if len(called) == 1 else None


def _honorific_form(doc: Doc, m: Mention) -> str | None:
    """"mrs. clinton" for a surname written after an honorific of ``lexicon.GENDER_TITLES``."""
    before = text_of(doc)[max(0, m.start - 12):m.start].split()
    if not before or before[-1].lower() not in lx.GENDER_TITLES or m.type != "name":
        return None
    return f"{before[-1].lower().rstrip('.')} {m.text.lower()}"


def _bearers(clusters: Iterable[Cluster]) -> dict[str, list[Cluster]]:
    """Surname -> the person clusters that bear it with a first name (two or more only)."""
    out: dict[str, list[Cluster]] = {}
    for c in clusters:
        if c.kind != "person":
            continue
        for s in {split_name(x.name_tokens)[1] for x in _full_names(c)}:
            out.setdefault(s, []).append(c)
    return {s: cs for s, cs in out.items() if len(cs) > 1}


def _orphans(c: Cluster, surname: str) -> list[Mention]:
    """Bare surnames of the cluster before its first full name (joined before anyone was named)."""
    full = _full_names(c)
    first_full = min((x.start for x in full), default=1 << 62)
    return [x for x in c.mentions if is_bare(x) and x.start < first_full
            and split_name(x.name_tokens)[1] == surname]


def _move(m: Mention, source: Cluster, target: Cluster) -> None:
    source.mentions.remove(m)
    insort(target.mentions, m, key=lambda x: x.start)
    m.cluster = target.idx
    for c in (source, target):
        c.title_gender, c.list_genders, c._cached_at = None, set(), -1
        for x in c.mentions:
            c.note_name(x)


def reassign_orphans(doc: Doc, clusters: list[Cluster], by_token: dict[int, Mention]) -> None:
    """Move each bare surname that joined a person before any full name to the bearer the evidence
    points at, once the article has named two people with that surname; with no one named before
    it, to the one whose names the article gives most."""
    def gender_of(x: Mention) -> str | None:
        return mention_gender(x) or (clusters[x.cluster].name_gender() if x.cluster >= 0 else None)

    for surname, bearers in _bearers(clusters).items():
        most = max(bearers, key=lambda c: (sum(x.type == "name" for x in c.mentions), -c.idx))
        for c in bearers:
            for m in _orphans(c, surname):
                target = choose_bearer(doc, m, bearers, by_token, gender_of) or most
                if target is not c:
                    _move(m, c, target)
