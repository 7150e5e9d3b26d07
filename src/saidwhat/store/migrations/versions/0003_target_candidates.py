"""Target candidates: each article's candidate targets, their names and stance evidence.

Creates ``target_candidates``, ``candidate_names`` and ``candidate_stances`` (frozen copies of
``saidwhat.store.tables`` as of this revision). Articles stored before it have no candidates:
re-ingest them into a new store to query them by targets not named at ingest.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import BigInteger, Column, Float, ForeignKey, Integer, MetaData, String, Table, Text

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

metadata = MetaData()
Id = BigInteger().with_variant(Integer(), "sqlite")

Table("articles", metadata, Column("id", Id, primary_key=True))
Table("quotes", metadata, Column("id", Id, primary_key=True))

target_candidates = Table(
    "target_candidates",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("name_norm", String(500), nullable=False, index=True),
    Column("sort", String(10), nullable=False),
    Column("n_mentions", Integer, nullable=False, default=0),
)

candidate_names = Table(
    "candidate_names",
    metadata,
    Column("candidate_id", Id, ForeignKey("target_candidates.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("alias_norm", String(500), nullable=False, index=True),
    Column("word", String(100), nullable=False, index=True),
)

candidate_stances = Table(
    "candidate_stances",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("candidate_id", Id, ForeignKey("target_candidates.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("actor_key", String(300), index=True),
    Column("origin", String(10), nullable=False),
    Column("quote_row", Id, ForeignKey("quotes.id", ondelete="CASCADE")),
    Column("label", String(10), nullable=False),
    Column("score", Float, nullable=False),
    Column("text", Text),
)


def upgrade() -> None:
    bind = op.get_bind()
    for table in (target_candidates, candidate_names, candidate_stances):
        table.create(bind)


def downgrade() -> None:
    bind = op.get_bind()
    for table in (candidate_stances, candidate_names, target_candidates):
        table.drop(bind)
