"""A cluster of mentions that may become one actor (``Cluster``), and whether a name joins it: same
name, surname or first name of an earlier full name, a suffix or a short first name, rapidfuzz
similarity of surnames at ``FUZZY_THRESHOLD`` (``person_match``), an organisation's name or acronym
(``org_match``, ``acronym_matches``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz
from spacy.tokens import Doc

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.mentions import Mention, singulars
from saidwhat.analysis.actors.roles import strip_the
from saidwhat.analysis.actors.surnames import generation, split_name
from saidwhat.analysis.first_names import name_list_gender
from saidwhat.schema import ActorKind

# Minimum rapidfuzz ratio (0-100) for two surnames / organisation names to be one actor.
# Chosen on the hand-annotated PolNeAR merge set (tests/data/actor-merge, benchmarks/actor_merge.py).
FUZZY_THRESHOLD = 85.0
# A first name that begins another ("Josh"/"Joshua", "Abby"/"Abigail") is the same one when it has
# at least this many letters; shorter prefixes ("Al", "Jo") stand for too many names.
MIN_SHORT_FIRST_NAME = 3


@dataclass
class Cluster:
    idx: int
    kind: ActorKind
    mentions: list[Mention] = field(default_factory=list)
    gender: str | None = None
    is_gpe: bool = False
    is_facility: bool = False  # a bridge, a road: talked about, an actor only when it speaks
    org_evidence: bool = False  # "the company" refers to it: a person name does not make it a person
    title_gender: str | None = None  # a title or gender noun on one of its names ("Mrs.", "spokeswoman")
    list_genders: set[str] = field(default_factory=set)  # what the first-name list says of its full names

    _cached_at: int = -1
    _cache: dict[str, set[str]] = field(default_factory=dict)

    def vocab(self, doc: Doc) -> dict[str, set[str]]:
        """Heads, name tokens, expansions (acronyms, initials) and roles, recomputed on growth."""
        if self._cached_at != len(self.mentions):
            heads = self.heads(doc)
            tokens = self.tokens()
            expanded = set(tokens)
            for x in self.mentions:
                if x.type == "acronym":
                    expanded.add(x.text.lower())
                elif x.type == "name":
                    expanded.add(initials(x.name_tokens).lower())
                    # "UN" inside a longer name ("Office of the United Nations ...")
                    words = x.name_tokens
                    for i in range(len(words)):
                        for j in range(i + 2, min(len(words), i + 4) + 1):
                            expanded.add(initials(words[i:j]).lower())
            roles = {lx.ROLE_ALIASES.get((x.role or "").lower(), (x.role or "").lower())
                     for x in self.mentions}
            roles |= {r.split()[-1] for r in roles if " " in r}  # "campaign manager": also "the manager"
            self._cache = {"heads": heads, "tokens": tokens, "expanded": expanded, "roles": roles | heads}
            self._cached_at = len(self.mentions)
        return self._cache

    def names(self) -> list[list[str]]:
        return [m.name_tokens for m in self.mentions if m.type == "name" and m.name_tokens]

    def heads(self, doc: Doc) -> set[str]:
        return {doc[m.head].lemma_.lower() for m in self.mentions if m.type != "pronoun"}

    def tokens(self) -> set[str]:
        out: set[str] = set()
        for m in self.mentions:
            if m.type in ("name", "acronym"):
                out.update(t.lower() for t in m.text.replace("-", " ").split())
        return out

    def last(self) -> int:
        return self.mentions[-1].start

    def note_name(self, m: Mention) -> None:
        """Keep the gender evidence of a person's name mention: its title, its first name."""
        if m.type != "name" or m.kind != "person":
            return
        if m.gender and self.title_gender is None:
            self.title_gender = m.gender
        first, _ = split_name(m.name_tokens) if len(m.name_tokens) > 1 else (None, "")
        listed = name_list_gender(first)
        if listed:
            self.list_genders.add(listed[0])  # "female" -> "f", as pronoun genders are written

    def name_gender(self) -> str | None:
        """The gender its names say: a title or gender noun first, else the first-name list when its
        full names agree ("Hillary Clinton"); None when they do not tell."""
        if self.title_gender:
            return self.title_gender
        return next(iter(self.list_genders)) if len(self.list_genders) == 1 else None

    def known_gender(self) -> str | None:
        """The gender a he/she must agree with: a title or gender noun on a name first, else the
        first-name list when its full names agree ("Hillary Clinton"), else the first gendered
        subject pronoun joined. The first names come before pronouns because pronouns are what is
        being resolved: one wrong "he" would otherwise shut out every later "she"."""
        return self.name_gender() or self.gender


def normalized(text: str) -> str:
    t = strip_the(text).lower().replace("’s", "").replace("'s", "")
    return " ".join(t.split())


def initials(words: list[str]) -> str:
    """Initial letters of the content words ("Inter-Parliamentary Alliance on China" → IPAC)."""
    out = []
    for w in words:
        for part in w.replace("-", " ").split():
            if part.lower() in lx.FUNCTION_WORDS or not part[:1].isalpha():
                continue
            out.append(part[0].upper())
    return "".join(out)


def acronym_matches(acronym: str, words: list[str]) -> bool:
    """Exact initials, or the acronym as a subsequence of the initials with the same first letter."""
    acr = acronym.replace(".", "").replace("-", "").upper()
    ini = initials(words)
    if len(acr) < 2 or not ini:
        return False
    if acr == ini:
        return True
    if acr[0] != ini[0] or len(acr) < 3:
        return False
    it = iter(ini)
    return all(ch in it for ch in acr)


def _plural_of(a: str, b: str) -> bool:
    """"khans" is "khan" in the plural: a family ("the Khans", "the Clintons"), not a misspelling."""
    return b in singulars(a) or a in singulars(b)


def _same_token(a: str, b: str, threshold: float) -> bool:
    a, b = a.lower().strip("."), b.lower().strip(".")
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or _plural_of(a, b):
        return False
    return fuzz.ratio(a, b) >= threshold


def _suffix_name(tokens: list[str], names: list[list[str]]) -> bool:
    """"Eriksson Ek" is the end of "Joel Eriksson Ek": a two-word surname written without the first name."""
    low = [t.lower() for t in tokens]
    for n in names:
        other = [t.lower() for t in n]
        short, long_ = (low, other) if len(low) <= len(other) else (other, low)
        if len(short) >= 2 and len(short) < len(long_) and long_[-len(short):] == short:
            return True
    return False


def _same_first_name(a: str, b: str, threshold: float) -> bool:
    """"Josh" and "Joshua", "J." and "John", "Sandy" and "Sandra" (``lexicon.NICKNAMES``), or a
    misspelling."""
    if lx.NICKNAMES.get(a.lower(), a.lower()) == lx.NICKNAMES.get(b.lower(), b.lower()):
        return True
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    if min(len(a), len(b)) >= MIN_SHORT_FIRST_NAME and (a.startswith(b) or b.startswith(a)):
        return True
    return _same_token(a, b, threshold)


def person_match(tokens: list[str], cluster: Cluster, threshold: float) -> bool:
    if _suffix_name(tokens, cluster.names()):
        return True
    first, last = split_name(tokens)
    mine = generation(tokens)
    names = [(*split_name(n), generation(n)) for n in cluster.names()]
    if first is not None and any(f is not None for f, _, _ in names):
        # a full name must agree with the cluster's full names, not just its bare surname
        names = [x for x in names if x[0] is not None]
    for f, n, gen in names:
        if f is not None and gen != mine and (first is not None or mine):
            continue  # a suffix tells son from father: "Donald Jr.", "Donald Trump Jr." are not Donald Trump
        if first is None:
            if _same_token(last, n, threshold):
                return True
            if f is not None and last == f:  # a first name alone ("Hillary")
                return True
            continue
        if f is None:
            if _same_token(last, n, threshold):
                return True
            continue
        if _same_token(last, n, threshold) and _same_first_name(first, f, threshold):
            return True
    return False


def _org_head(words: list[str]) -> str:
    """The head word of an organisation name: before its first "of/for/on", else the last word."""
    content = [w for w in words if w.lower() != "the"]
    for i, w in enumerate(content):
        if w.lower() in ("of", "for", "on") and i > 0:
            return content[i - 1].lower()
    return content[-1].lower() if content else ""


def org_match(m: Mention, cluster: Cluster, threshold: float) -> bool:
    norm = normalized(m.text)
    for other in cluster.mentions:
        if other.type not in ("name", "acronym"):
            continue
        onorm = normalized(other.text)
        if norm == onorm:
            return True
        if other.type == "acronym" and m.type == "name" and acronym_matches(other.text, m.name_tokens):
            return True
        if other.type == "name" and m.type == "acronym" and acronym_matches(m.text, other.name_tokens):
            return True
        if m.type == "name" and other.type == "name":
            words, owords = norm.split(), onorm.split()
            if len(words) == 1 and words[0] == _org_head(owords) and words[0] not in lx.GENERIC_ORG_HEADS:
                return True
            if len(words) > 1 and len(owords) > 1 and fuzz.token_sort_ratio(norm, onorm) >= threshold:
                return True
    return False
