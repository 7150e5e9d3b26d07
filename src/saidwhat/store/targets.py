"""Targets across articles: every name a stored target goes by, and the names a query means.

A target is compared by ``norm_target`` (case-insensitive, without a leading article). Each
article's targets are stored with all their aliases in ``target_names``, so a query for any name
or alias of a target finds the stance evidence stored under its canonical name.
"""

from __future__ import annotations

from sqlalchemy import Connection, insert, select

from saidwhat.schema import AnalyzedArticle
from saidwhat.store import tables as t
from saidwhat.store.keys import norm_target

__all__ = ["insert_targets", "target_norms"]


def insert_targets(conn: Connection, article_id: int, a: AnalyzedArticle) -> None:
    """The article's targets and every name they go by."""
    for target in a.targets:
        name_norm = norm_target(target.name)
        tid = conn.execute(insert(t.targets).returning(t.targets.c.id), {
            "article_id": article_id, "name": target.name, "name_norm": name_norm,
            "proposed": target.proposed}).scalar_one()
        aliases = {norm_target(n) for n in [target.name, *target.aliases]} - {""}
        if aliases:
            conn.execute(insert(t.target_names), [{"target_id": tid, "alias_norm": alias,
                                                  "name_norm": name_norm} for alias in aliases])


def target_norms(conn: Connection, target: str) -> list[str]:
    """Every canonical target name that ``target`` names (by name or alias, case-insensitive)."""
    norm = norm_target(target)
    tn = t.target_names.c
    found = conn.execute(select(tn.name_norm).distinct().where(tn.alias_norm == norm)).scalars().all()
    return sorted({norm, *found})
