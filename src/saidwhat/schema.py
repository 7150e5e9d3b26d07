"""The one schema of an analysed article, shared by the CLI, the Python API, the store and the web.

Every span is a ``(start, end)`` pair of Python ``str`` offsets into ``Article.text``, end
exclusive, so that any actor, quote or stance can be checked against the text it came from.
Fields that hold several spans (``content``, ``cue``, ``mentions``) do so because a quote can be
split around its cue ("“We will,” she said, “win.”").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "ACTOR_KINDS",
    "QUOTE_KINDS",
    "QUOTE_PART_SEPARATOR",
    "SCHEMA_VERSION",
    "STANCE_LABELS",
    "Actor",
    "free_actor_id",
    "ActorKind",
    "ActorStance",
    "AnalyzedArticle",
    "Article",
    "AttributionType",
    "CandidateStance",
    "PageType",
    "Quote",
    "QuoteKind",
    "QuoteStance",
    "Reaction",
    "Span",
    "Speaker",
    "StanceLabel",
    "StanceRole",
    "UNCERTAIN_BELOW",
    "is_uncertain",
    "Target",
    "TargetCandidate",
]

SCHEMA_VERSION = "1"

Span = tuple[int, int]
ActorKind = Literal["person", "organization", "group", "anonymous"]
QuoteKind = Literal["direct", "indirect", "mixed"]
PageType = Literal["news", "opinion", "review", "listing", "other"]
# speech: said, wrote, announced, according to, a study found; belief: thinks, fears, wants, plans.
AttributionType = Literal["speech", "belief"]
StanceLabel = Literal["support", "oppose", "neutral"]
StanceRole = Literal["reactor", "author"]

#: A stance label whose calibrated probability is below this is shown as uncertain. On held-out
#: articles of the training data (grouped CV, scripts/train_stance.py), labels below 0.6 were right
#: 56% of the time (265 rows), those at 0.6 or more 81% (495 rows) (docs/stance.md, "Calibration").
UNCERTAIN_BELOW = 0.6


def is_uncertain(score: float) -> bool:
    """True for a stance score (calibrated probability) too low to be shown as a finding."""
    return score < UNCERTAIN_BELOW

#: The literals in order, for loops, choices, form options and CSV columns (one vocabulary).
ACTOR_KINDS: tuple[ActorKind, ...] = get_args(ActorKind)
QUOTE_KINDS: tuple[QuoteKind, ...] = get_args(QuoteKind)
STANCE_LABELS: tuple[StanceLabel, ...] = get_args(StanceLabel)

#: Joins the parts of a quote split around its cue, in ``Quote.text`` and every renderer.
QUOTE_PART_SEPARATOR = " … "


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Article(_Model):
    """The page → article stage's result: clean text and metadata, before any analysis."""

    title: str | None = None
    published: str | None = Field(default=None, description="ISO 8601 date (YYYY-MM-DD)")
    outlet: str | None = None
    authors: list[str] = Field(default_factory=list)
    language: str | None = None
    url: str | None = Field(default=None, description="canonical URL when the page names one")
    text: str = ""
    source: str | None = Field(default=None, description="the input as the user named it (path, URL, '-')")
    description: str | None = None
    page_type: PageType | None = Field(
        default=None, description="news, opinion, review, listing (deals, product pages) or other")


class QuoteStance(_Model):
    """A stance with its evidence. No record at all means no stance: nothing was said about the target.

    ``neutral`` is a finding (the speaker spoke about the target without taking a side).
    """

    label: StanceLabel
    score: float = Field(description="calibrated probability of the label, 0..1")
    uncertain: bool = Field(default=False, description=f"score below {UNCERTAIN_BELOW}: shown as uncertain")


class ActorStance(QuoteStance):
    evidence: list[str] = Field(default_factory=list, description="ids of quotes and reactions")
    role: StanceRole = Field(default="reactor", description="'author': the actor made or owns the target")


class Actor(_Model):
    id: str
    name: str = Field(description="canonical name: the longest proper name, else the description")
    kind: ActorKind
    aliases: list[str] = Field(default_factory=list, description="other surface forms seen")
    mentions: list[Span] = Field(default_factory=list)
    affiliation: str | None = Field(default=None, description="organisation or country it speaks for")
    role: str | None = Field(default=None, description="title or role, e.g. 'spokesman'")
    description: str | None = Field(default=None, description="for anonymous actors: 'an official'")
    stance: dict[str, ActorStance] = Field(default_factory=dict)


def free_actor_id(actors: Iterable[Actor]) -> str:
    """The first "aN" no actor of ``actors`` has: the one way a stage adds an actor (ids may have gaps)."""
    taken = {a.id for a in actors}
    n = len(taken) + 1
    while f"a{n}" in taken:
        n += 1
    return f"a{n}"


class Speaker(_Model):
    mention: list[Span] = Field(default_factory=list, description="the source's words in the text")
    actor: str | None = Field(default=None, description="id of the actor the mention resolves to")


class Quote(_Model):
    id: str
    kind: QuoteKind
    type: AttributionType = Field(default="speech", description="speech (said, wrote, found) or belief "
                                  "(thinks, fears, wants, plans); analyze shows beliefs only on request")
    content: list[Span]
    text: str = Field(default="", description=f"the words, parts joined by {QUOTE_PART_SEPARATOR!r}")
    cue: list[Span] = Field(default_factory=list)
    speaker: Speaker = Field(default_factory=Speaker)
    confidence: float | None = Field(default=None, description="calibrated probability that the quote is "
                                     "usable: a real attribution, its span and its speaker right")
    stance: dict[str, QuoteStance] = Field(default_factory=dict)


class Target(_Model):
    """What stances are taken toward: given by the user, or proposed from the text."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    proposed: bool = Field(default=False, description="true when saidwhat chose it, not the user")
    authors: list[str] = Field(default_factory=list,
                               description="ids of actors that made or own the target (not its reactors)")


class Reaction(_Model):
    """A stance stated without a quote ("The report has been welcomed by rights advocates")."""

    id: str
    actor: str | None
    target: str
    cue: list[Span] = Field(default_factory=list)
    mention: list[Span] = Field(default_factory=list)
    label: StanceLabel
    score: float
    uncertain: bool = False
    evidence: list[Span] = Field(default_factory=list, description="the sentence that states the reaction")


class CandidateStance(_Model):
    """One item of stance evidence toward a candidate target: a quote's, a reaction's or an actor's."""

    origin: Literal["quote", "reaction", "actor"]
    item: str = Field(description="id of the quote, reaction or actor")
    actor: str | None = Field(default=None, description="id of the actor who holds the stance")
    label: StanceLabel
    score: float


class TargetCandidate(_Model):
    """A target the article could be asked about later (``reactions --target`` after ingest):
    a named entity or a noun phrase grounded in the article ("the UN report on Xinjiang"), with
    its references ("the report", "the findings") and the stance evidence toward it. Only quotes
    and actors involved with the candidate have evidence."""

    name: str
    sort: Literal["person", "document", "other"]
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    stances: list[CandidateStance] = Field(default_factory=list)
    reactions: list[Reaction] = Field(default_factory=list)


class AnalyzedArticle(Article):
    schema_version: str = SCHEMA_VERSION
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    reactions: list[Reaction] = Field(default_factory=list)
    candidates: list[TargetCandidate] = Field(
        default_factory=list, description="candidate targets with stance evidence, for questions asked later")

    @model_validator(mode="after")
    def _quote_texts(self) -> AnalyzedArticle:
        """Fill ``Quote.text`` from the spans where it is missing (results written before it existed)."""
        for q in self.quotes:
            if not q.text and q.content:
                q.text = self.quote_text(q)
        return self

    def quote_text(self, quote: Quote) -> str:
        """A quote's whole words: its content spans joined with ``QUOTE_PART_SEPARATOR``."""
        return QUOTE_PART_SEPARATOR.join(self.span_text(s) for s in quote.content)

    def span_text(self, span: Span) -> str:
        return self.text[span[0] : span[1]]

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)
