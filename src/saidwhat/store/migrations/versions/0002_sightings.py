"""Sightings: every distinct source an article was read from, so exact copies are linked.

Creates ``sightings`` (a frozen copy of ``saidwhat.store.tables.sightings`` as of this revision)
and gives every stored article its primary sighting from its own row.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import hashlib

from alembic import op
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    insert,
    select,
)

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

metadata = MetaData()
Id = BigInteger().with_variant(Integer(), "sqlite")

articles = Table(
    "articles",
    metadata,
    Column("id", Id, primary_key=True),
    Column("url", Text),
    Column("url_key", String(64)),
    Column("source", Text),
    Column("outlet", String(300)),
    Column("published", String(10)),
    Column("title", Text),
    Column("ingested_at", String(40)),
)

sightings = Table(
    "sightings",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("source_key", String(80), nullable=False),
    Column("source", Text),
    Column("url", Text),
    Column("url_key", String(64), index=True),
    Column("outlet", String(300)),
    Column("published", String(10)),
    Column("title", Text),
    Column("is_primary", Boolean, nullable=False, default=False),
    Column("seen_at", String(40), nullable=False),
    UniqueConstraint("article_id", "source_key", name="uq_sightings_article_source"),
    Index("ix_sightings_source", "source"),
)


def _source_key(source: str | None, ukey: str | None) -> str:
    """Frozen copy of ``saidwhat.store.keys.sighting_key``."""
    if ukey:
        return "url:" + ukey
    if source:
        return "src:" + hashlib.sha256(source.encode("utf-8", "replace")).hexdigest()
    return "none"


def upgrade() -> None:
    bind = op.get_bind()
    sightings.create(bind)
    a = articles.c
    last = 0
    while True:  # backfill in batches: one primary sighting per stored article
        rows = bind.execute(select(a.id, a.url, a.url_key, a.source, a.outlet, a.published, a.title,
                                   a.ingested_at).where(a.id > last).order_by(a.id).limit(1000)).all()
        if not rows:
            break
        bind.execute(insert(sightings), [{
            "article_id": r.id, "source_key": _source_key(r.source, r.url_key), "source": r.source,
            "url": r.url, "url_key": r.url_key, "outlet": r.outlet, "published": r.published,
            "title": r.title, "is_primary": True, "seen_at": r.ingested_at} for r in rows])
        last = int(rows[-1].id)


def downgrade() -> None:
    sightings.drop(op.get_bind())
