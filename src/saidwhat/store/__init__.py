"""Stage 4, store: analysed articles in SQLite (default) or PostgreSQL, queryable across articles.

``open_store(url)`` opens (and migrates) a store; ``Store`` holds the write and query API that the
ingest command and the web app use. See ``saidwhat.store.results`` for the result models.
"""

from __future__ import annotations

from saidwhat.store.results import (
    ActorDetail,
    ActorEdit,
    ActorRole,
    ActorSummary,
    AddResult,
    ArticleSummary,
    CopyLink,
    DiversityRow,
    DiversityTable,
    FailureRecord,
    QuoteHit,
    ReactionRow,
    ResultPage,
    StanceChange,
    StanceCounts,
    StancePoint,
    StoredArticle,
    TargetTimeline,
    TimelineEvidence,
    TimelinePoint,
    Trail,
    TrailDiffOp,
    TrailSighting,
    TrailSummary,
)
from saidwhat.store.rewrites import CopyChange, CopyChanges
from saidwhat.store.store import Store, default_store_url, open_store
from saidwhat.store.stories import Story, StoryArticle, StoryName, StorySummary

__all__ = [
    "ActorDetail",
    "ActorEdit",
    "ActorRole",
    "ActorSummary",
    "AddResult",
    "ArticleSummary",
    "CopyChange",
    "CopyChanges",
    "CopyLink",
    "DiversityRow",
    "DiversityTable",
    "FailureRecord",
    "QuoteHit",
    "ReactionRow",
    "ResultPage",
    "StanceChange",
    "StanceCounts",
    "StancePoint",
    "Store",
    "StoredArticle",
    "Story",
    "StoryArticle",
    "StoryName",
    "StorySummary",
    "TargetTimeline",
    "TimelineEvidence",
    "TimelinePoint",
    "Trail",
    "TrailDiffOp",
    "TrailSighting",
    "TrailSummary",
    "default_store_url",
    "open_store",
]
