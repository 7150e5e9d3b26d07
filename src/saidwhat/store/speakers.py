"""Doubtful speakers: quotes the store keeps apart from the named actor the analysis gave them.

Within one article the analysis resolves a quote's speaker mention ("he", "the former pollster",
"a Democrat familiar with his remarks") to one of the article's actors. When that actor is a named
person or organisation, the store joins the quote to the canonical actor across the whole corpus,
so one wrong resolution puts another person's words under a well-known name in every view. Before
an article is stored, ``detach_doubtful`` keeps such a quote apart when the text itself contradicts
the resolution (the mention is a pronoun or a description, never a name):

- **gender**: "she" resolved to a person whose names say male ("Mr.", a first name of the offline
  name list), or "he" to a female one;
- **number**: a plural description ("the lawyers", "press reports", "most of his competitors") or
  "they" resolved to one person;
- **indefinite**: an indefinite description ("a Democrat familiar with his remarks", "one aide")
  introduces someone new; it is not a named person unless it contains that person's name
  ("a court document filed by state attorney Dave Aronberg"); a document ("a statement") keeps
  its issuer;
- **named in the quote**: the quote's own words name the actor in the third person ("It has never
  made sense to me that Secretary Clinton ...", she said): people seldom speak of themselves by
  their surname, so the pronoun more likely refers to someone else.

A pronoun of the other gender goes to the named person of its gender mentioned last before it,
at most ``REACH`` characters back, when no rule doubts that person too. Any other kept-apart quote
gets a speaker of its own in the article (id ``ACTOR~QUOTE``, named by its mention, e.g. "she"),
which the identity step treats as a description: an actor of its own article, never joined to
another. The mention is taken off the original actor (its span, and its alias when no other
mention has that text).

Chosen on PolNeAR train (240 analysed articles, 3,368 quotes; no identity gold there, so by
reading): a hand check of 40 pronoun and 30 description speakers resolved to named actors found 8
and 6 wrong; the rules, written from those readings, keep apart 11 of the 14 wrong and none of the
56 right ones. Over the 240 articles they keep apart 106 quotes (59 gender, 29 named in the quote,
17 plural, 1 indefinite); read samples of those were wrong resolutions in 19 of 20, 13 of 15 and
15 of 17 (the others: "Lindsey" Graham, whom the name list calls female; two quotes naming
their own speaker; two plurals unclear). 38 of the 59 gender doubts find a person of the pronoun's
gender within reach; of 18 read, 16 are the right speaker, one is rejected (the quote names that
person) and one wrong (Lindsey Graham again). The held-out figure is PolNeAR dev's identity gold
(docs/corpus.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from saidwhat.analysis.first_names import name_list_gender
from saidwhat.schema import Actor, AnalyzedArticle, Quote, Span
from saidwhat.store.identity import parse_name

__all__ = ["DETACHED", "Doubt", "detach_doubtful", "doubtful_speakers", "is_detached"]

#: joins the original actor's id and the quote's id in a kept-apart speaker's id
DETACHED = "~"
GENDER = "a pronoun of the other gender"
#: how far back (characters) a pronoun of the other gender looks for a person of its gender:
#: about two sentences of news prose. Not fitted.
REACH = 300

_GENDERED = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
_PLURAL_PRONOUNS = {"they", "them", "their"}
_INDEFINITE = {"a", "an", "another", "one", "some", "someone", "somebody"}
_QUANTIFIERS = {"most", "many", "several", "all", "both", "few", "some", "other", "others", "two", "three"}
#: words after which a description's head noun has ended ("officials familiar with ...")
_HEAD_END = {"of", "who", "that", "which", "with", "from", "at", "in", "for", "familiar", "close", "on", "to",
             "by", "said", "says"}
_NOT_PLURAL = {"news", "series", "species", "headquarters", "politics", "economics", "always", "press",
               "status", "campus", "bus", "census", "consensus", "congress", "us"}
#: documents and messages: the analysis resolves "a statement" to whoever issued it, rightly
_DOCUMENTS = {
    "statement", "statements", "letter", "release", "report", "post", "tweet", "tweets", "email", "emails",
    "memo", "editorial", "video", "ad", "advertisement", "interview", "op-ed", "message", "filing",
    "document", "book", "memoir", "speech", "transcript", "note", "column", "essay", "article", "analysis",
    "study", "poll", "survey", "complaint", "lawsuit", "order", "ruling", "decision", "brief", "motion",
    "petition", "website", "page", "account", "posting", "text", "call", "announcement", "notice",
    "estimate", "tally", "count", "review", "projection", "examination", "calculation", "assessment",
    "investigation", "audit", "record", "data", "figure", "model", "forecast", "tabulation", "hat",
}
#: capitalised words that are not names
_NOT_NAMES = {"the", "a", "an", "one", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "former",
              "senator", "secretary", "his", "her", "its", "their", "some", "another"}
_POSSESSIVE = re.compile(r"\b(?:his|her|its|their)\b|['’]s\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]+")
_POSSESSIVE_END = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Doubt:
    """A quote whose speaker resolution the store does not keep, and why."""

    quote_id: str
    actor_id: str
    reason: str


def is_detached(actor_id: str) -> bool:
    """Whether an article actor is a speaker the store kept apart (see the module docstring)."""
    return DETACHED in actor_id


def _words(text: str) -> list[str]:
    return [w.strip(",.;:\"'“”‘’()").lower() for w in text.split() if w.strip(",.;:\"'“”‘’()")]


def _names_gender(actor: Actor) -> str | None:
    """The gender the actor's names say: honorifics ("Mrs. Clinton"), else the first-name list;
    None when they do not tell or disagree."""
    found: set[str] = set()
    for name in [actor.name, *actor.aliases]:
        form = parse_name(name, actor.kind)
        if form.honorific_gender:
            found.add(form.honorific_gender)
        elif form.type == "name":
            listed = name_list_gender(form.first)
            if listed:
                found.add(listed)
    return found.pop() if len(found) == 1 else None


def _head_is_plural(tokens: list[str]) -> bool:
    """Whether a description names several ("the lawyers", "most of his competitors"): a quantifier
    first, or a lower-case plural head noun (a capitalised last word is a name: "Hope Hicks")."""
    words = _words(" ".join(tokens))
    if words[0] in _QUANTIFIERS:
        return True
    end = next((i for i, w in enumerate(words[1:], start=1) if w in _HEAD_END), len(words))
    head = tokens[:end][-1].strip(",.;:\"'“”‘’()")
    last = head.lower()
    return (head.islower() and len(last) > 3 and last.endswith("s")
            and not last.endswith(("ss", "us", "is", "'s", "’s")) and last not in _NOT_PLURAL)


def _plural_description(mention: str, words: list[str]) -> bool:
    if len(words) == 1 and words[0] in _PLURAL_PRONOUNS:
        return True
    if _is_document(mention, words):
        return False  # "his tweets", "calculations by Amy Glasmeier": the issuer's
    tokens = [t for t in mention.split() if t.strip(",.;:\"'“”‘’()")]
    return bool(tokens) and _head_is_plural(tokens)


def _is_document(mention: str, words: list[str]) -> bool:
    """A document or message ("a statement", "his tweets", "a tally by the AP")."""
    return any(w in _DOCUMENTS or w.rstrip("s") in _DOCUMENTS for w in words) and (
        bool(_POSSESSIVE.search(mention)) or "by" in words or words[0] in _INDEFINITE)


def _name_words(actor: Actor) -> set[str]:
    """The capitalised words of the actor's names, titles and descriptions left out (lower-cased,
    possessives off)."""
    out = set()
    for name in [actor.name, *actor.aliases]:
        form = parse_name(name, actor.kind)
        if not form.named:
            continue
        for w in _CAPITALISED.findall(form.display):
            w = _POSSESSIVE_END.sub("", w).rstrip(".").lower()
            if len(w) > 2 and w not in _NOT_NAMES:
                out.add(w)
    return out


def _surnames(actor: Actor) -> set[str]:
    """The surnames the actor's names give (people only)."""
    out = set()
    for name in [actor.name, *actor.aliases]:
        form = parse_name(name, actor.kind)
        if form.type in ("name", "surname") and form.surname and len(form.surname) > 2:
            out.add(form.surname)
    return out


def _names_it(text: str, actor: Actor) -> bool:
    """Whether ``text`` names the actor by one of its surnames (capitalised, as a word)."""
    surnames = _surnames(actor)
    bare = {_POSSESSIVE_END.sub("", w).rstrip(".").lower() for w in _CAPITALISED.findall(text)}
    return bool(surnames & bare)


def _reason(quote: Quote, mention: str, actor: Actor) -> str | None:
    """Why the quote's resolution to ``actor`` is doubtful, or None."""
    words = _words(mention)
    if not words or parse_name(mention, actor.kind).named:
        return None  # no mention, or a name: the analysis matched names, not guessed
    if actor.kind == "person" or (actor.kind == "anonymous" and parse_name(actor.name, "person").named):
        if len(words) == 1 and words[0] in _GENDERED:
            gender = _names_gender(actor)
            if gender is not None and gender != _GENDERED[words[0]]:
                return GENDER
        if _plural_description(mention, words):
            return "a plural for one person"
    if words[0] in _INDEFINITE and not _name_words(actor) & set(_words(mention)) and not _is_document(
            mention, words):
        return "an indefinite description"
    if _names_it(quote.text, actor):
        return "the quote names the speaker"
    return None


def doubtful_speakers(article: AnalyzedArticle) -> list[Doubt]:
    """The quotes whose speaker is a named actor the text contradicts (see the module docstring)."""
    actors = {a.id: a for a in article.actors}
    out = []
    for quote in article.quotes:
        actor = actors.get(quote.speaker.actor or "")
        if actor is None or is_detached(actor.id) or not quote.speaker.mention:
            continue
        if not parse_name(actor.name, actor.kind).named:
            continue  # a description of its own article already: nothing to keep apart from
        mention = " ".join(article.span_text(s) for s in quote.speaker.mention)
        reason = _reason(quote, mention, actor)
        if reason is not None:
            out.append(Doubt(quote.id, actor.id, reason))
    return out


def _without(actor: Actor, spans: Iterable[Span], article: AnalyzedArticle) -> Actor:
    """The actor without these mention spans (and without an alias no remaining mention has)."""
    gone = set(spans)
    kept = [m for m in actor.mentions if (m[0], m[1]) not in gone]
    left = {article.span_text(m) for m in kept}
    removed = {article.span_text(m) for m in gone} - left
    aliases = [x for x in actor.aliases if x not in removed]
    return actor.model_copy(update={"mentions": kept, "aliases": aliases})


def nearest_of_gender(article: AnalyzedArticle, quote: Quote, gender: str, exclude: str) -> Actor | None:
    """The named person (not ``exclude``) whose names say ``gender`` and who is mentioned last
    before the quote's speaker mention, at most ``REACH`` characters before it; None if nobody."""
    start = min(s[0] for s in quote.speaker.mention)
    best: tuple[int, Actor] | None = None
    for actor in article.actors:
        if actor.id == exclude or is_detached(actor.id) or actor.kind != "person":
            continue
        if not parse_name(actor.name, actor.kind).named or _names_gender(actor) != gender:
            continue
        ends = [m[1] for m in actor.mentions if m[1] <= start and start - m[1] <= REACH]
        if ends and (best is None or max(ends) > best[0]):
            best = (max(ends), actor)
    return best[1] if best else None


def _reassigned(article: AnalyzedArticle, quote: Quote, doubt: Doubt) -> Actor | None:
    """For a pronoun of the other gender: the person of its gender mentioned last before it (see
    ``nearest_of_gender``), when no rule doubts that one too; else None."""
    if doubt.reason != GENDER:
        return None
    pronoun = article.span_text(quote.speaker.mention[0]).strip().lower()
    found = nearest_of_gender(article, quote, _GENDERED[pronoun], doubt.actor_id)
    if found is None or _reason(quote, pronoun, found) is not None:
        return None
    return found


def detach_doubtful(article: AnalyzedArticle) -> AnalyzedArticle:
    """The article with every doubtful quote given another speaker (see the module docstring): a
    pronoun of the other gender the person of its gender mentioned just before, any other a speaker
    of its own; the article itself when nothing is doubtful. Applying it twice changes nothing more."""
    doubts = {d.quote_id: d for d in doubtful_speakers(article)}
    if not doubts:
        return article
    actors = {a.id: a for a in article.actors}
    quotes, new_actors = [], []
    taken: dict[str, list[Span]] = {}
    given: dict[str, list[Span]] = {}
    for quote in article.quotes:
        doubt = doubts.get(quote.id)
        if doubt is None:
            quotes.append(quote)
            continue
        original = actors[doubt.actor_id]
        spans = [(s[0], s[1]) for s in quote.speaker.mention]
        taken.setdefault(original.id, []).extend(spans)
        other = _reassigned(article, quote, doubt)
        if other is not None:
            new_id = other.id
            given.setdefault(other.id, []).extend(spans)
        else:
            new_id = f"{original.id}{DETACHED}{quote.id}"
            new_actors.append(Actor(
                id=new_id, name=" ".join(article.span_text(s) for s in spans), kind=original.kind,
                mentions=spans, description=f"speaker of {quote.id}: not {original.name} ({doubt.reason})"))
        speaker = quote.speaker.model_copy(update={"actor": new_id})
        quotes.append(quote.model_copy(update={"speaker": speaker}))
    kept = [_without(a, taken[a.id], article) if a.id in taken else a for a in article.actors]
    kept = [a.model_copy(update={"mentions": sorted({*map(tuple, a.mentions), *given[a.id]})})
            if a.id in given else a for a in kept]
    return article.model_copy(update={"actors": [*kept, *new_actors], "quotes": quotes})
