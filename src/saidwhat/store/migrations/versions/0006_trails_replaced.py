"""Trails placed again: the trail rules changed (trails merge, short excerpts and exact copies join,
``ISIS's`` = ``ISIS'``), and a trail's 3-gram index holds words as the old rules spelt them.

Empties ``trails`` and ``trail_grams`` and the quotes' ``trail_id``; no schema change. The store
places every quote again when it is next opened (``saidwhat.store.trails.assign_missing``, as after
0005), by the rules of the installed version. Trail ids change.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import BigInteger, Column, Integer, MetaData, Table, delete, update

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

metadata = MetaData()
Id = BigInteger().with_variant(Integer(), "sqlite")
quotes = Table("quotes", metadata, Column("id", Id, primary_key=True), Column("trail_id", Id))
trails = Table("trails", metadata, Column("id", Id, primary_key=True))
trail_grams = Table("trail_grams", metadata, Column("trail_id", Id, primary_key=True),
                    Column("gram", BigInteger, primary_key=True))


def upgrade() -> None:
    bind = op.get_bind()
    bind.execute(update(quotes).values(trail_id=None))
    bind.execute(delete(trail_grams))
    bind.execute(delete(trails))


def downgrade() -> None:
    """Nothing to undo: the trails placed by these rules stay (they are data, not schema)."""
