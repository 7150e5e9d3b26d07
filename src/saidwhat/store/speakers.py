"""Doubtful speakers: quotes the store keeps apart from the named actor the analysis gave them.

Within one article the analysis resolves a quote's speaker mention ("he", "she") to one of the
article's actors. When that actor is a named person, the store joins the quote to the canonical
actor across the whole corpus, so one wrong resolution puts another person's words under a
well-known name in every view. Before an article is stored, ``detach_doubtful`` keeps such a quote
apart when the text contradicts it: "she" resolved to a person whose names say male ("Mr.", a
first name of the offline name list), or "he" to a female one.

The analysis itself now applies this rule and three more (``analysis/attribution/speaker/``: a
pronoun agrees in gender with its person's names, is never a person the quote names; a plural, a
part of a set or an indefinite description is never one named person), so this is a safety net
for what reaches a speaker by other paths: an actor the analysis merged from two people ("Ivanka
Trump" also holding Donald Trump's bare "Trump"), whose names disagree. The store's earlier
number, indefinite and named-in-the-quote rules were removed when the analysis took them over:
on PolNeAR dev with the analysis of that change, the gender rule alone gives the same identity
figures as all four (pairwise P 0.880 / R 0.795, B-cubed 0.929 / 0.833, against 0.873 / 0.786
and 0.926 / 0.830 with none), and on PolNeAR train (280 analysed articles, 3,814 quotes) the
named-in-quote rule then fired 11 times, about half of them on right speakers ("that, when he
does, he feels 'the looming presence of Barbara Bush'" is Jeb Bush's).

A pronoun of the other gender goes to the named person of its gender mentioned last before it,
at most ``REACH`` characters back. Any other kept-apart quote gets a speaker of its own in the
article (id ``ACTOR~QUOTE``, named by its mention, e.g. "she"), which the identity step treats as
a description: an actor of its own article, never joined to another. The mention is taken off the
original actor (its span, and its alias when no other mention has that text).
"""

from __future__ import annotations

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


def _reason(mention: str, actor: Actor) -> str | None:
    """Why the quote's resolution to ``actor`` is doubtful, or None."""
    words = _words(mention)
    if len(words) != 1 or words[0] not in _GENDERED or actor.kind not in ("person", "anonymous"):
        return None  # no pronoun: the analysis' own rules decide descriptions
    if actor.kind == "anonymous" and not parse_name(actor.name, "person").named:
        return None
    gender = _names_gender(actor)
    return GENDER if gender is not None and gender != _GENDERED[words[0]] else None


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
        reason = _reason(mention, actor)
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
    if found is None or _reason(pronoun, found) is not None:
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
