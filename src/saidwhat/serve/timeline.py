"""Quotes per week as bar geometry for an inline SVG drawn server-side (no chart library,
no script: it shows without JavaScript and under a 'self'-only CSP)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

WIDTH, HEIGHT, MARGIN = 640, 160, 24
MAX_BAR = 40  # a bar is never wider than this, so a few weeks do not look like a block
MAX_WEEKS = 260  # five years of weeks; older quotes are folded into the first bar


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    week: date
    count: int


@dataclass
class Chart:
    width: int
    height: int
    bars: list[Bar]
    peak: int
    first: date
    last: date


def _week(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _parse(value: str | None) -> date | None:
    """A week as the store gives it (SQLite's 'YYYY-MM-DD'), not a date as written: those are
    read once, by structure.dates, before they are stored."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def weekly(counts: Iterable[tuple[str | None, int]]) -> Chart | None:
    """A bar per week (Monday) from the first to the last dated quote, from (date, quotes)
    pairs such as Corpus.timeline's weeks; None without dates."""
    weeks: Counter[date] = Counter()
    for day, quotes in counts:
        parsed = _parse(day)
        if parsed:
            weeks[_week(parsed)] += quotes
    if not weeks:
        return None
    last = max(weeks)
    first = max(min(weeks), last - timedelta(weeks=MAX_WEEKS - 1))
    for week in [w for w in weeks if w < first]:
        weeks[first] += weeks.pop(week)
    n = (last - first).days // 7 + 1
    peak = max(weeks.values())
    slot = (WIDTH - 2 * MARGIN) / n
    plot = HEIGHT - 2 * MARGIN
    bars = []
    for i in range(n):
        week = first + timedelta(weeks=i)
        count = weeks.get(week, 0)
        height = plot * count / peak
        x = MARGIN + i * slot
        bars.append(
            Bar(
                round(x, 2),
                round(HEIGHT - MARGIN - height, 2),
                round(min(max(slot * 0.8, 1.0), MAX_BAR), 2),
                round(height, 2),
                week,
                count,
            )
        )
    return Chart(WIDTH, HEIGHT, bars, peak, first, last)
