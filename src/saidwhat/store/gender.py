"""Speakers' gender, for source-diversity statistics: from the text first, then a first-name list.

For a person (named or not) in one article, the text's own evidence is weighed:

- an honorific or gendered title in a name, alias or right before a mention ("Mr. McKinley",
  "Rep. ... Congresswoman"), weight ``HONORIFIC``;
- a gendered noun the article uses for the person, in its role or description ("spokeswoman",
  "his wife", "a Hispanic woman"), weight ``NOUN``;
- a pronoun that the analysis resolved to the person (a mention or a quote's speaker "he said"),
  or a pronoun right after the person's name and a reporting verb ("Burman said he"), weight 1.

The gender with at least ``MARGIN`` times the other's weight wins (``gender_source="text"``).
Across articles the canonical actor takes the gender most articles' text evidence gives, with the
same margin. Only when no article's text says anything, a named person's first name is looked up
in the offline list of ``saidwhat.analysis.first_names`` (from nomquamgender, MIT licence;
``scripts/build_first_names.py``): ``gender_source="name-list"``. Otherwise the gender is
"unknown" (``gender_source="none"``). Organisations and groups have no gender (None).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.first_names import name_list_gender
from saidwhat.schema import Actor, AnalyzedArticle, Span
from saidwhat.store.identity import NameForm, parse_name

__all__ = [
    "HONORIFIC",
    "MARGIN",
    "NOUN",
    "canonical_gender",
    "decide",
    "firm_gender",
    "text_evidence",
    "text_gender",
]

#: weights of the kinds of text evidence (not fitted: an honorific is the author's own statement of
#: gender, a noun nearly so, a resolved pronoun may be a resolution error)
HONORIFIC = 3
NOUN = 2
#: how many times the other side's weight the winning side needs; below that the text conflicts
MARGIN = 2.0

_PRONOUNS = {"he": "male", "him": "male", "his": "male", "himself": "male",
             "she": "female", "her": "female", "hers": "female", "herself": "female"}
def _gendered_noun(word: str) -> str | None:
    return {"f": "female", "m": "male"}.get(lx.GENDER_NOUNS.get(word.lower(), ""))


_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Madam|Dame)\.?\s+$")
_SAID_PRONOUN = re.compile(r"^\s+(?:said|says|added|adds|wrote|writes|noted|explained|argued|insisted|"
                           r"recalled|acknowledged|explained)(?:\s+that)?\s+(he|she)\b")
_WORD = re.compile(r"[A-Za-z]+")
#: the text read before a mention for an honorific, and after it for "said he"
BEFORE_CHARS = 8
AFTER_CHARS = 40


def _vote(votes: Counter[str], gender: str | None, weight: int) -> None:
    if gender is not None:
        votes[gender] += weight


def _noun_votes(texts: Iterable[str | None]) -> Counter[str]:
    votes: Counter[str] = Counter()
    for text in texts:
        for word in _WORD.findall(text or ""):
            _vote(votes, _gendered_noun(word), NOUN)
    return votes


def _speaker_spans(actor: Actor, article: AnalyzedArticle) -> list[Span]:
    return [s for q in article.quotes if q.speaker.actor == actor.id for s in q.speaker.mention]


def _mention_votes(actor: Actor, article: AnalyzedArticle, pronouns: bool = True) -> Counter[str]:
    """Pronouns resolved to the actor, honorifics before its mentions, "NAME said he" (without the
    pronouns when ``pronouns`` is false)."""
    votes: Counter[str] = Counter()
    text = article.text
    for start, end in dict.fromkeys([*actor.mentions, *_speaker_spans(actor, article)]):
        surface = text[start:end].strip().lower()
        if surface in _PRONOUNS:
            _vote(votes, _PRONOUNS[surface], 1 if pronouns else 0)
            continue
        before = _HONORIFIC_BEFORE.search(text[max(0, start - BEFORE_CHARS):start])
        if before:
            _vote(votes, _gendered_noun(before.group(1)), HONORIFIC)
        after = _SAID_PRONOUN.match(text[end:end + AFTER_CHARS])
        if after and pronouns:
            _vote(votes, _PRONOUNS[after.group(1).lower()], 1)
    return votes


def text_evidence(actor: Actor, article: AnalyzedArticle, pronouns: bool = True) -> Counter[str]:
    """Weighted votes for "female" and "male" from the article's own words about ``actor``; with
    ``pronouns`` false, from its honorifics and gendered nouns only."""
    votes: Counter[str] = Counter()
    if actor.kind not in ("person", "anonymous"):
        return votes
    for name in [actor.name, *actor.aliases]:
        form = parse_name(name, actor.kind)
        _vote(votes, form.honorific_gender, HONORIFIC)
    descriptive = [a for a in [actor.name, *actor.aliases] if not parse_name(a, actor.kind).named]
    votes.update(_noun_votes([actor.role, actor.description, *descriptive]))
    votes.update(_mention_votes(actor, article, pronouns))
    return votes


def decide(votes: Mapping[str, int]) -> str | None:
    """The gender with at least ``MARGIN`` times the other's weight, else None."""
    female, male = votes.get("female", 0), votes.get("male", 0)
    if female > 0 and female >= MARGIN * male:
        return "female"
    if male > 0 and male >= MARGIN * female:
        return "male"
    return None


def text_gender(actor: Actor, article: AnalyzedArticle) -> str | None:
    """"female", "male", or None when the article's text does not tell."""
    return decide(text_evidence(actor, article))


def firm_gender(actor: Actor, article: AnalyzedArticle) -> str | None:
    """The gender the article's honorifics and gendered nouns give ``actor`` ("Mrs. Clinton", "the
    spokeswoman"), leaving out the pronouns resolved to it, which may be resolution errors."""
    return decide(text_evidence(actor, article, pronouns=False))


def first_name(form: NameForm) -> str | None:
    return form.first if form.type == "name" else None


def canonical_gender(article_genders: Mapping[str, int], name: str,
                     kind: str) -> tuple[str | None, str | None]:
    """(gender, gender_source) of a canonical actor from the number of its article actors whose text
    gives each gender, and its name.

    Organisations and groups: (None, None). A person: the text's majority when it has the margin
    ("text"); when texts disagree, ("unknown", "none"); when no text tells, the first-name list
    ("name-list"), else ("unknown", "none").
    """
    if kind not in ("person", "anonymous"):
        return None, None
    if any(article_genders.values()):
        got = decide(dict(article_genders))
        return (got, "text") if got else ("unknown", "none")  # the texts disagree
    listed = name_list_gender(first_name(parse_name(name, kind)))
    if listed:
        return listed, "name-list"
    return "unknown", "none"
