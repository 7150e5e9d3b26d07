"""Geometry for the small server-rendered SVG charts (no chart library, nothing from a CDN).

Python computes the boxes; the ``_charts.html`` macros draw them with autoescaped labels. Each
stance has a colour *and* a hatch pattern, and every bar carries its number as text, so the
charts read without colour.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from saidwhat.schema import STANCE_LABELS

__all__ = [
    "Bar",
    "BarChart",
    "Column",
    "ColumnChart",
    "ShareChart",
    "Timeline",
    "TimelinePoint",
    "bar_chart",
    "columns_over_time",
    "share_chart",
    "timeline",
]

@dataclass
class Piece:
    label: str
    count: int
    x: float
    width: float


@dataclass
class Bar:
    name: str
    y: float
    pieces: list[Piece]
    total: int
    href: str | None = None

    @property
    def summary(self) -> str:
        return ", ".join(f"{p.count} {p.label}" for p in self.pieces if p.count) or "none"


@dataclass
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    label_width: int
    bar_height: int
    title: str


def bar_chart(rows: Iterable[tuple[str, Mapping[str, int], str | None]], *, title: str, width: int = 760,
              label_width: int = 200, bar_height: int = 22, gap: int = 8, max_rows: int = 30) -> BarChart:
    """Horizontal stacked bars: one per (name, {label: count}, link) row, widths on a shared scale."""
    data = list(rows)[:max_rows]
    plot = width - label_width - 240  # room for the numbers after the bar
    top = max((sum(c.get(lbl, 0) for lbl in STANCE_LABELS) for _, c, _ in data), default=0) or 1
    bars = []
    for i, (name, counts, href) in enumerate(data):
        x = float(label_width)
        pieces = []
        for lbl in STANCE_LABELS:
            n = int(counts.get(lbl, 0))
            w = plot * n / top
            pieces.append(Piece(lbl, n, x, w))
            x += w
        bars.append(Bar(name=name, y=float(i * (bar_height + gap) + 4), pieces=pieces,
                        total=sum(p.count for p in pieces), href=href))
    height = len(bars) * (bar_height + gap) + 8
    return BarChart(bars=bars, width=width, height=max(height, 30), label_width=label_width,
                    bar_height=bar_height, title=title)


@dataclass
class Column:
    date: str
    x: float
    pieces: list[tuple[str, int, float, float]]  # label, count, y, height
    total: int


@dataclass
class ColumnChart:
    columns: list[Column]
    width: int
    height: int
    plot_top: int
    plot_bottom: int
    column_width: float
    max_count: int
    title: str


def columns_over_time(points: Iterable[tuple[str, str, int]], *, title: str, width: int = 720,
                      height: int = 240, max_columns: int = 40) -> ColumnChart:
    """Stacked columns per date from (date, label, count) points; the latest ``max_columns`` dates."""
    per_date: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(STANCE_LABELS, 0))
    for date, label, count in points:
        if label in STANCE_LABELS:
            per_date[date][label] += count
    dates = sorted(per_date)[-max_columns:]
    plot_top, plot_bottom = 20, height - 70
    top = max((sum(per_date[d].values()) for d in dates), default=0) or 1
    slot = (width - 40) / max(len(dates), 1)
    colw = min(48.0, slot * 0.7)
    cols = []
    for i, d in enumerate(dates):
        y = float(plot_bottom)
        pieces: list[tuple[str, int, float, float]] = []
        for lbl in STANCE_LABELS:
            n = per_date[d][lbl]
            h = (plot_bottom - plot_top) * n / top
            y -= h
            pieces.append((lbl, n, y, h))
        cols.append(Column(date=d, x=30 + i * slot + (slot - colw) / 2, pieces=pieces,
                           total=sum(per_date[d].values())))
    return ColumnChart(columns=cols, width=width, height=height, plot_top=plot_top, plot_bottom=plot_bottom,
                       column_width=colw, max_count=top, title=title)


@dataclass
class TimelinePoint:
    name: str
    date: str
    label: str
    x: float
    y: float
    href: str | None = None


@dataclass
class Timeline:
    points: list[TimelinePoint]
    ticks: list[tuple[str, float]] = field(default_factory=list)
    width: int = 720
    height: int = 100
    title: str = ""
    right: int = 380


def _day(date: str) -> int | None:
    from datetime import date as _date

    try:
        return _date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return None


def timeline(rows: Sequence[tuple[str, str | None, str, str | None]], *, title: str, width: int = 760,
             row_height: int = 20, max_rows: int = 30) -> Timeline:
    """First reactions on a date axis: one row per (name, first_seen, stance label, link), earliest first."""
    dated = [(n, d, lbl, h, _day(d)) for n, d, lbl, h in rows if d]
    dated = [r for r in dated if r[4] is not None]
    dated.sort(key=lambda r: (r[4], r[0]))
    dated = dated[:max_rows]
    left, right = 20, width - 340
    if not dated:
        return Timeline(points=[], width=width, height=40, title=title)
    lo = min(r[4] for r in dated if r[4] is not None)
    hi = max(r[4] for r in dated if r[4] is not None)
    span = max(hi - lo, 1)
    pts = []
    for i, (name, d, lbl, href, day) in enumerate(dated):
        assert day is not None and d is not None
        x = left + (right - left) * (day - lo) / span
        pts.append(TimelinePoint(name=name, date=d, label=lbl, x=x, y=30 + i * row_height, href=href))
    ticks = [(dated[0][1] or "", float(left))]
    if hi != lo:
        ticks.append((dated[-1][1] or "", float(right)))
    return Timeline(points=pts, ticks=ticks, width=width, height=40 + len(pts) * row_height, title=title,
                    right=right)


#: category styles of the share charts (colour and pattern pairs in ``_charts.html``); the last,
#: grey, is for "unknown", "none" and "other"
N_STYLES = 8
_GREY = {"unknown", "none", "other", "no date", "unknown outlet"}


@dataclass
class SharePiece:
    label: str
    count: int
    share: float
    x: float
    width: float
    style: int


@dataclass
class ShareBar:
    name: str
    y: float
    total: int
    pieces: list[SharePiece]

    @property
    def summary(self) -> str:
        return ", ".join(f"{p.label} {p.count} ({p.share:.0%})" for p in self.pieces if p.count)


@dataclass
class ShareChart:
    bars: list[ShareBar]
    legend: list[tuple[str, int]]
    width: int
    height: int
    label_width: int
    bar_height: int
    title: str


def _styles(categories: Sequence[str]) -> dict[str, int]:
    out, i = {}, 0
    for c in categories:
        if c in _GREY:
            out[c] = N_STYLES - 1
        else:
            out[c] = i % (N_STYLES - 1)
            i += 1
    return out


def share_chart(rows: Iterable[tuple[str, Mapping[str, int]]], categories: Sequence[str], *, title: str,
                width: int = 760, label_width: int = 170, bar_height: int = 22, gap: int = 8,
                max_rows: int = 30) -> ShareChart:
    """100 % stacked bars: one per (group, {category: count}) row, each piece its share of the row."""
    styles = _styles(categories)
    plot = width - label_width - 70  # room for the row total after the bar
    bars = []
    for i, (name, counts) in enumerate(list(rows)[:max_rows]):
        total = sum(int(counts.get(c, 0)) for c in categories)
        x = float(label_width)
        pieces = []
        for c in categories:
            n = int(counts.get(c, 0))
            share = n / total if total else 0.0
            pieces.append(SharePiece(c, n, share, x, plot * share, styles[c]))
            x += plot * share
        bars.append(ShareBar(name=name, y=float(i * (bar_height + gap) + 4), total=total, pieces=pieces))
    height = len(bars) * (bar_height + gap) + 8
    return ShareChart(bars=bars, legend=[(c, styles[c]) for c in categories], width=width,
                      height=max(height, 30), label_width=label_width, bar_height=bar_height, title=title)
