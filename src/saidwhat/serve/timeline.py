"""Quotes per week as bar geometry for an inline SVG drawn server-side (no chart library,
no script: it shows without JavaScript and under a 'self'-only CSP).

The SVG holds only the bars and stretches to the page's width; its words (the first and
last week, the peak) are HTML around it, so they keep the page's text size on a phone
(text inside a 640-unit SVG shrank to 7 px at 390 px). The first bar starts at the left
edge and the last ends at the right edge, under the labels that name their weeks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

WIDTH, HEIGHT = 640, 120
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
    width = min(max(WIDTH / n * 0.8, 1.0), MAX_BAR)
    step = (WIDTH - width) / (n - 1) if n > 1 else 0.0  # week i's bar starts at i * step
    bars = []
    for i in range(n):
        week = first + timedelta(weeks=i)
        count = weeks.get(week, 0)
        height = HEIGHT * count / peak
        bars.append(
            Bar(round(i * step, 2), round(HEIGHT - height, 2), round(width, 2), round(height, 2),
                week, count)
        )  # fmt: skip
    return Chart(WIDTH, HEIGHT, bars, peak, first, last)
