"""Actor identity across articles and speakers' gender.

Adds the identity evidence and gender of each article's actor (``actors``), the gender of each
canonical actor, the speaker's id within its article on quotes, stances, reactions and candidate
stances (so that a hand split can move one actor's rows), and two tables: ``actor_names`` (the
name forms actors are matched by) and ``actor_edits`` (hand merges and splits). Stores made
before this revision keep their keys until ``saidwhat actors reidentify`` recomputes them from
the stored analyses.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    for name in ("mention_type", "name_form", "identity_how", "gender", "gender_source"):
        size = {"name_form": 300, "identity_how": 200, "mention_type": 20}.get(name, 10)
        op.add_column("actors", sa.Column(name, sa.String(size)))
    op.create_index("ix_actors_name_form", "actors", ["name_form"])
    op.add_column("canonical_actors", sa.Column("gender", sa.String(10)))
    op.add_column("canonical_actors", sa.Column("gender_source", sa.String(10)))
    for table in ("quotes", "stances", "reactions", "candidate_stances"):
        op.add_column(table, sa.Column("local_actor", sa.String(40)))
    op.create_table(
        "actor_names",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("article_id", Id, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("local_id", sa.String(40), nullable=False),
        sa.Column("actor_key", sa.String(300), nullable=False),
        sa.Column("form", sa.String(320), nullable=False),
    )
    op.create_index("ix_actor_names_article_id", "actor_names", ["article_id"])
    op.create_index("ix_actor_names_actor_key", "actor_names", ["actor_key"])
    op.create_index("ix_actor_names_form", "actor_names", ["form"])
    op.create_table(
        "actor_edits",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("into", sa.String(300), nullable=False),
        sa.Column("name_norm", sa.Text()),
        sa.Column("scope", sa.String(20)),
        sa.Column("note", sa.Text()),
        sa.Column("created_at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("actor_edits")
    op.drop_table("actor_names")
    for table in ("quotes", "stances", "reactions", "candidate_stances"):
        op.drop_column(table, "local_actor")
    op.drop_index("ix_actors_name_form", "actors")
    op.drop_column("canonical_actors", "gender_source")
    op.drop_column("canonical_actors", "gender")
    for name in ("mention_type", "name_form", "identity_how", "gender", "gender_source"):
        op.drop_column("actors", name)
