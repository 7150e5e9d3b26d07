"""Quote trails: one utterance by one speaker across articles, and the index that finds them.

Creates ``trails`` and ``trail_grams`` (frozen copies of ``saidwhat.store.tables`` as of this
revision) and adds ``quotes.trail_id``, a plain indexed column: SQLite cannot add a foreign key
to an existing table without rebuilding it, which would cascade into ``stances``; the store sets
it. Quotes stored before this revision get their trails when the store is next opened
(``saidwhat.store.trails.assign_missing``): that is data, not schema, and uses the matching of
the installed version.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer, MetaData, String, Table, Text

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

metadata = MetaData()
Id = BigInteger().with_variant(Integer(), "sqlite")

trails = Table(
    "trails",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("actor_key", String(300), index=True),
    Column("speaker", Text),
    Column("surname", String(300), index=True),
    Column("n_quotes", Integer, nullable=False, default=0),
    Column("n_articles", Integer, nullable=False, default=0),
)

trail_grams = Table(
    "trail_grams",
    metadata,
    Column("trail_id", Id, ForeignKey("trails.id", ondelete="CASCADE"), primary_key=True),
    Column("gram", BigInteger, primary_key=True),
    Index("ix_trail_grams_gram", "gram"),
)


def upgrade() -> None:
    bind = op.get_bind()
    metadata.create_all(bind)
    with op.batch_alter_table("quotes", recreate="never") as batch:
        batch.add_column(Column("trail_id", Id, nullable=True))
        batch.create_index("ix_quotes_trail_id", ["trail_id"])


def downgrade() -> None:
    with op.batch_alter_table("quotes", recreate="never") as batch:
        batch.drop_index("ix_quotes_trail_id")
        batch.drop_column("trail_id")
    metadata.drop_all(op.get_bind())
