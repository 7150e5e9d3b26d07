"""Result models of the store's query API (the contract between the store and the web app).

They are plain pydantic models so the REST API can return them as JSON unchanged.
Dates are ISO ``YYYY-MM-DD`` strings; times are ISO 8601 UTC timestamps.
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from saidwhat.schema import AnalyzedArticle, Span, StanceLabel

__all__ = [
    "ActorDetail",
    "ActorEdit",
    "ActorRole",
    "ActorSummary",
    "AddResult",
    "ArticleSummary",
    "CopyLink",
    "DiversityRow",
    "DiversityTable",
    "FailureRecord",
    "QuoteHit",
    "ReactionRow",
    "ResultPage",
    "StanceCounts",
    "StanceChange",
    "StancePoint",
    "StoredArticle",
    "TargetTimeline",
    "TimelineEvidence",
    "TimelinePoint",
    "Trail",
    "TrailDiffOp",
    "TrailSighting",
    "TrailSummary",
]

T = TypeVar("T")


class ResultPage(BaseModel, Generic[T]):
    """One page of a paginated listing; ``total`` counts all matches, not just ``items``."""

    items: list[T]
    total: int
    offset: int = 0
    limit: int = 20


class AddResult(BaseModel):
    article_id: int
    status: Literal["stored", "duplicate"]
    duplicate_of: int | None = None
    sighting_added: bool = Field(default=False, description="a duplicate from a new source was recorded "
                                 "as an exact copy of the stored article")


class CopyLink(BaseModel):
    """A link to another stored article carrying (nearly) the same text, or to another source of
    the same stored article (an exact copy: ``article_id`` is the article itself, ``source`` set)."""

    article_id: int
    kind: Literal["exact", "near", "rewritten"] = Field(description="exact: the same text; near: the same "
                                                        "wording, trimmed or with other clutter; rewritten: "
                                                        "most sentences reworded (spun, paraphrased)")
    similarity: float = Field(description="exact/near: shingle Jaccard or containment; rewritten: the "
                                          "share of sentences aligned")
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    source: str | None = Field(default=None, description="for another source of the same article: its name")
    published: str | None = None
    seen_at: str | None = Field(default=None, description="when that source was first ingested")


class StoredArticle(BaseModel):
    id: int
    article: AnalyzedArticle
    copies: list[CopyLink] = Field(default_factory=list)
    ingested_at: str
    actor_keys: dict[str, str] = Field(default_factory=dict,
                                       description="the article's actor ids → their canonical actor keys")


class ArticleSummary(BaseModel):
    id: int
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    n_quotes: int = 0
    n_actors: int = 0


class QuoteHit(BaseModel):
    article_id: int
    quote_id: str
    kind: str
    text: str = Field(description='the content spans joined by " … "')
    speaker: str | None = None
    actor_key: str | None = None
    cue: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    content: list[Span] = Field(default_factory=list)
    stance: dict[str, StanceLabel] = Field(default_factory=dict)
    trail_id: int | None = Field(default=None, description="the quote's trail (GET /api/trails/{id})")
    confidence: float | None = Field(default=None, description="calibrated probability that the quote is "
                                     "usable (a real attribution, its span and its speaker right); the "
                                     "views mark it uncertain below 0.5")
    rank: float = 0.0


class ActorSummary(BaseModel):
    key: str
    name: str
    kind: str
    affiliation: str | None = None
    n_quotes: int = 0
    n_articles: int = 0
    outlets: list[str] = Field(default_factory=list)
    gender: Literal["female", "male", "unknown"] | None = Field(
        default=None, description="people only: from the texts, else the first-name list, else unknown")
    gender_source: Literal["text", "name-list", "none"] | None = None


class ActorRole(BaseModel):
    """A role or description an actor went by, and when (``role over time``)."""

    role: str
    first: str | None = Field(default=None, description="earliest published date of an article using it")
    last: str | None = None
    n_articles: int = 0


class ActorEdit(BaseModel):
    """A hand merge or split of canonical actors; applied again at every later write."""

    id: int = 0
    action: Literal["merge", "split"]
    key: str
    into: str
    name: str | None = Field(default=None, description="split: the (normalised) name whose actors move")
    scope: str | None = Field(default=None,
                              description="split: the article (text hash prefix) whose actors move")
    note: str | None = None
    created_at: str = ""


class StancePoint(BaseModel):
    date: str
    target: str
    label: StanceLabel
    count: int


class StanceCounts(BaseModel):
    support: int = 0
    oppose: int = 0
    neutral: int = 0


class TimelineEvidence(BaseModel):
    """The words behind a timeline point: a quote (``id`` its quote id, the article page's anchor
    ``#quote-{id}``) or the sentence of a reaction stated without a quote."""

    kind: Literal["quote", "reaction"]
    id: str | None = Field(default=None, description="the quote's or the reaction's id in its article")
    text: str


class TimelinePoint(BaseModel):
    """An actor's stance toward a target in one article, dated by the article."""

    article_id: int
    published: str | None = Field(default=None, description="the article's published date (YYYY-MM-DD)")
    outlet: str | None = None
    title: str | None = None
    label: StanceLabel = Field(description="the actor's stance in this article (see saidwhat.store.timeline)")
    score: float = Field(description="the strongest evidence with this label (calibrated probability)")
    uncertain: bool = False
    evidence: TimelineEvidence | None = None
    changed: bool = Field(default=False, description="support or oppose, reversing the actor's previous "
                                                     "dated support or oppose")


class StanceChange(BaseModel):
    """A point where an actor's stance toward a target turned: support then oppose, or the reverse."""

    date: str
    outlet: str | None = None
    article_id: int
    label: StanceLabel = Field(description="the stance after the change")
    previous: StanceLabel = Field(description="the stance before it")
    previous_date: str
    previous_outlet: str | None = None
    previous_article_id: int


class TargetTimeline(BaseModel):
    """An actor's stance toward one target across articles, on its actor page."""

    target: str
    stance: StanceLabel
    latest: StanceLabel | None = None
    timeline: list[TimelinePoint] = Field(default_factory=list)
    changes: list[StanceChange] = Field(default_factory=list)


class ActorDetail(ActorSummary):
    aliases: list[str] = Field(default_factory=list, description="other names (descriptions are roles)")
    roles: list[ActorRole] = Field(default_factory=list)
    stance: dict[str, StanceCounts] = Field(default_factory=dict)
    stance_over_time: list[StancePoint] = Field(default_factory=list)
    timelines: list[TargetTimeline] = Field(default_factory=list, description="per target: one point per "
                                            "article and the changes, the most discussed target first")
    quotes: list[QuoteHit] = Field(default_factory=list)


class ReactionRow(BaseModel):
    actor_key: str
    actor: str
    affiliation: str | None = None
    kind: str
    support: int = 0
    oppose: int = 0
    neutral: int = 0
    stance: StanceLabel
    first_seen: str | None = None
    outlets: list[str] = Field(default_factory=list)
    evidence: QuoteHit | None = None
    n_articles: int = 0
    latest: StanceLabel | None = Field(default=None, description="the stance in the latest dated article")
    changed: bool = Field(default=False, description="the stance turned at least once (see changes)")
    timeline: list[TimelinePoint] = Field(default_factory=list, description="one point per article, "
                                          "earliest first; undated articles last")
    changes: list[StanceChange] = Field(default_factory=list)


class FailureRecord(BaseModel):
    source: str
    code: str
    message: str
    at: str


class TrailDiffOp(BaseModel):
    """One step of the word-level diff from a trail's first sighting to another sighting."""

    op: Literal["equal", "replace", "delete", "insert"]
    ref: str = Field(description="the first sighting's words in this step")
    text: str = Field(description="this sighting's words in this step")


class TrailSighting(BaseModel):
    quote: QuoteHit
    relation: Literal["first", "same", "excerpt", "extended", "altered", "paraphrase"] = Field(
        description="how the quote relates to the first sighting: the same words, a shorter part of them "
                    "(excerpt), more of them (extended), words changed or added (altered), or reported "
                    "without quotation marks (paraphrase)")
    diff: list[TrailDiffOp] = Field(default_factory=list)
    copy_of: int | None = Field(
        default=None, description="set when this source carried stored article N word for word (an exact "
                                  "copy recorded at ingest): the quote is that article's, the outlet, date, "
                                  "title and URL are this source's")


class TrailSummary(BaseModel):
    id: int
    speaker: str | None = None
    actor_key: str | None = None
    text: str = Field(default="", description="the first sighting's words")
    first_seen: str | None = None
    n_quotes: int = 0
    n_articles: int = 0


class Trail(TrailSummary):
    """One utterance by one speaker across articles: every sighting, the first one first."""

    outlets: list[str] = Field(default_factory=list)
    altered: int = Field(default=0, description="sightings that changed or added words")
    sightings: list[TrailSighting] = Field(default_factory=list)
class DiversityRow(BaseModel):
    """One group (an outlet or a period) of a source-diversity table."""

    group: str
    total: int = 0
    counts: dict[str, int] = Field(default_factory=dict)
    shares: dict[str, float] = Field(default_factory=dict, description="count / total, 0..1")


class DiversityTable(BaseModel):
    """Who gets quoted: counts and shares of quotes (or speakers) per category, per group."""

    dimension: Literal["gender", "kind", "affiliation"]
    by: Literal["outlet", "year", "month", "day", "all"]
    count: Literal["quotes", "speakers"] = "quotes"
    categories: list[str] = Field(default_factory=list)
    rows: list[DiversityRow] = Field(default_factory=list)
    overall: DiversityRow
    note: str = ""
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
