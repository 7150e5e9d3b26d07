"""Who gets quoted: source-diversity statistics over the store, as the Gender Gap Tracker gives newsrooms.

For each group (an outlet, or a period: year, month or day of publication, or the whole store), the
number and share of quotes (or of distinct speakers) in each category of one dimension:

- ``gender``: quotes by people (actors of kind person, and unnamed individuals), by the speaker's
  gender (female / male / unknown; see ``saidwhat.store.gender`` for where it comes from);
- ``kind``: every quote, by the kind of its speaker: person, organization, group, anonymous, or
  none (no speaker found);
- ``affiliation``: every quote by a speaker, by the speaker's affiliation (the ``top`` most quoted
  affiliations, the rest as "other", and "none").

A quote of an article stored from several sources counts once, for the article's own outlet.
"""

from __future__ import annotations

from typing import Any, Literal, cast

from sqlalchemy import Connection, case, func, literal, select
from sqlalchemy.sql import ColumnElement

from saidwhat.errors import ConfigError
from saidwhat.store import tables as t
from saidwhat.store.results import DiversityRow, DiversityTable
from saidwhat.store.search import date_conds

__all__ = ["BY", "COUNTS", "DIMENSIONS", "diversity"]

Dimension = Literal["gender", "kind", "affiliation"]
By = Literal["outlet", "year", "month", "day", "all"]
Count = Literal["quotes", "speakers"]
DIMENSIONS: tuple[str, ...] = ("gender", "kind", "affiliation")
BY: tuple[str, ...] = ("outlet", "year", "month", "day", "all")
COUNTS: tuple[str, ...] = ("quotes", "speakers")
_FIXED = {"gender": ["female", "male", "unknown"],
          "kind": ["person", "organization", "group", "anonymous", "none"]}
_NOTES = {
    "gender": "quotes by people (named or unnamed individuals), by the speaker's gender",
    "kind": "every quote, by the kind of its speaker (none: no speaker found)",
    "affiliation": "quotes by a speaker, by the speaker's affiliation",
}


def _group_expr(by: str) -> ColumnElement[Any]:
    a = t.articles.c
    if by == "outlet":
        return func.coalesce(a.outlet, "unknown outlet")
    if by == "all":
        return literal("all")
    size = {"year": 4, "month": 7, "day": 10}[by]
    return func.coalesce(func.substr(a.published, 1, size), "no date")


def _category_expr(dimension: str) -> tuple[ColumnElement[Any], list[ColumnElement[bool]]]:
    """The category of each quote and the conditions that select the quotes counted."""
    ca, q = t.canonical_actors.c, t.quotes.c
    if dimension == "gender":
        gender = case((ca.gender.in_(("female", "male")), ca.gender), else_="unknown")
        return gender, [ca.kind.in_(("person", "anonymous"))]
    if dimension == "kind":
        return func.coalesce(ca.kind, "none"), []
    return func.coalesce(ca.affiliation, "none"), [q.actor_key.is_not(None)]


def _check(dimension: str, by: str, count: str) -> None:
    checks = ((dimension, DIMENSIONS, "dimension"), (by, BY, "by"), (count, COUNTS, "count"))
    for value, allowed, name in checks:
        if value not in allowed:
            raise ConfigError(f"{name} must be one of {', '.join(allowed)}, got {value!r}")


def diversity(conn: Connection, *, dimension: str = "gender", by: str = "outlet", count: str = "quotes",
              since: str | None = None, until: str | None = None, outlet: str | None = None,
              top: int = 8) -> DiversityTable:
    """The table of ``dimension`` by ``by`` (see the module docstring)."""
    _check(dimension, by, count)
    q, a, ca = t.quotes.c, t.articles.c, t.canonical_actors.c
    group, category = _group_expr(by), _category_expr(dimension)[0]
    conds = [*_category_expr(dimension)[1], *date_conds(since, until)]
    if outlet:
        conds.append(func.lower(a.outlet) == outlet.lower())
    measure = func.count() if count == "quotes" else func.count(q.actor_key.distinct())
    joined = t.quotes.join(t.articles, a.id == q.article_id).outerjoin(t.canonical_actors,
                                                                         ca.key == q.actor_key)
    stmt = (select(group.label("g"), category.label("c"), measure.label("n")).select_from(joined)
            .where(*conds).group_by(group, category))
    cells = [(str(g), str(c), int(n)) for g, c, n in conn.execute(stmt)]
    overall = {str(c): int(n) for c, n in conn.execute(
        select(category.label("c"), measure.label("n")).select_from(joined).where(*conds).group_by(category))}
    categories = _categories(dimension, overall, top)
    rows = _rows(cells, categories)
    rows.sort(key=(lambda r: (-r.total, r.group)) if by == "outlet" else (lambda r: r.group))
    return DiversityTable(dimension=cast(Dimension, dimension), by=cast(By, by), count=cast(Count, count),
                          categories=categories, rows=rows,
                          overall=_row("all", _fold(overall, categories)), note=_NOTES[dimension],
                          since=since, until=until, outlet=outlet)


def _categories(dimension: str, overall: dict[str, int], top: int) -> list[str]:
    if dimension in _FIXED:
        return _FIXED[dimension]
    named = sorted((c for c in overall if c != "none"), key=lambda c: (-overall[c], c.casefold()))
    return [*named[:top], *(["other"] if len(named) > top else []), "none"]


def _fold(counts: dict[str, int], categories: list[str]) -> dict[str, int]:
    """Counts per category, what is not a category going to "other"."""
    out = dict.fromkeys(categories, 0)
    for c, n in counts.items():
        out[c if c in out else "other"] = out.get(c if c in out else "other", 0) + n
    return out


def _row(group: str, counts: dict[str, int]) -> DiversityRow:
    total = sum(counts.values())
    return DiversityRow(group=group, total=total, counts=counts,
                        shares={c: round(n / total, 4) if total else 0.0 for c, n in counts.items()})


def _rows(cells: list[tuple[str, str, int]], categories: list[str]) -> list[DiversityRow]:
    by_group: dict[str, dict[str, int]] = {}
    for g, c, n in cells:
        by_group.setdefault(g, {})[c] = by_group.setdefault(g, {}).get(c, 0) + n
    return [_row(g, _fold(counts, categories)) for g, counts in by_group.items()]
