"""The Sources page's charts as geometry for server-rendered SVG (no chart library, no script,
so the page shows without JavaScript and under a 'self'-only CSP), and the response network's
drawing.

- ``stacked``: one bar per outlet, cut into each label's share ("sources by gender"); the
  names stay HTML beside each bar, so they keep the page's text size on a phone.
- ``lines``: one line per label over the months (the share of each month's quotes or
  sources), drawn in a 640 x 200 box that stretches to the page's width.
- ``network``: who answers whom, speakers on a circle (the most linked first), an arrow from
  the one who answers to the one answered.

Every chart's numbers are also a table beneath it, and a CSV (``store.report.chart_table``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from saidwhat.store.models import NetworkEdge
from saidwhat.store.report import LABELS, ReportRow

WIDTH, HEIGHT = 640, 200
MAX_BARS = 25  # outlets shown, most quoted first; the table and the CSV have them all
NETWORK_WIDTH, NETWORK_HEIGHT, NETWORK_RADIUS = 820, 600, 220  # room for names beside the circle
NETWORK_NODES = 40


@dataclass
class Segment:
    label: str
    x: float
    width: float
    count: int
    share: float
    colour: int  # index of the label in its dimension: CSS class s0, s1, ...


@dataclass
class Bar:
    name: str
    total: int
    segments: list[Segment]


def _counts(row: ReportRow, measure: str, dimension: str) -> tuple[dict[str, int], int]:
    counts = (row.quotes_by if measure == "quotes" else row.sources_by)[dimension]
    return counts, row.quotes if measure == "quotes" else row.sources


def stacked(rows: list[ReportRow], measure: str, dimension: str) -> list[Bar]:
    """One bar per row (most of the measure first, at most ``MAX_BARS``), each label's
    share a segment, in the dimension's order, on a 0-100 scale."""
    bars = []
    for row in sorted(rows, key=lambda r: -_counts(r, measure, dimension)[1])[:MAX_BARS]:
        counts, total = _counts(row, measure, dimension)
        x, segments = 0.0, []
        for colour, label in enumerate(LABELS[dimension]):
            share = counts[label] / total if total else 0.0
            if counts[label]:
                segments.append(
                    Segment(label, round(x, 3), round(100 * share, 3), counts[label], share, colour)
                )
            x += 100 * share
        bars.append(Bar(row.outlet or "(unknown outlet)", total, segments))
    return bars


@dataclass
class Line:
    label: str
    colour: int
    points: str  # "x,y x,y ..." for <polyline>
    last: float  # the last month's share


@dataclass
class LineChart:
    width: int
    height: int
    months: list[str]
    lines: list[Line]


def _month_number(month: str) -> int | None:
    """Months since year 0 ("2024-03" -> 24291); None for a year alone or anything else."""
    year, _, number = month.partition("-")
    if not (year.isdigit() and number.isdigit()):
        return None
    return int(year) * 12 + int(number) - 1


def lines(rows: list[ReportRow], measure: str, dimension: str) -> LineChart | None:
    """Each label's share of each month's measure, a line per label, placed by the calendar
    (a month without quotes is a longer step); undated quotes and dates given to the year
    alone are left out. None without two dated months."""
    dated = sorted((n, r) for r in rows if (n := _month_number(r.month or "")) is not None)
    if len(dated) < 2:
        return None
    first, step = dated[0][0], WIDTH / (dated[-1][0] - dated[0][0])
    drawn = []
    for colour, label in enumerate(LABELS[dimension]):
        points, shares = [], []
        for number, row in dated:
            counts, total = _counts(row, measure, dimension)
            share = counts[label] / total if total else 0.0
            shares.append(share)
            points.append(f"{round((number - first) * step, 2)},{round(HEIGHT * (1 - share), 2)}")
        if any(shares):
            drawn.append(Line(label, colour, " ".join(points), shares[-1]))
    return LineChart(WIDTH, HEIGHT, [r.month or "" for _, r in dated], drawn)


@dataclass
class Node:
    id: int | None
    name: str
    x: float
    y: float
    degree: int


@dataclass
class Arrow:
    source: Node
    target: Node
    weight: int
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass
class Network:
    width: int
    height: int
    nodes: list[Node]
    arrows: list[Arrow]
    left_out: int  # speakers beyond NETWORK_NODES, in the table only


def network(edges: list[NetworkEdge]) -> Network | None:
    """The answer network on a circle: the ``NETWORK_NODES`` most linked speakers, an arrow
    from each answerer to each one they answer, stopping short of the circle it points at."""
    if not edges:
        return None
    degree: dict[tuple, int] = {}
    names: dict[tuple, tuple[int | None, str]] = {}
    for edge in edges:
        for key, ident, name in (
            (_key(edge.source_id, edge.source_name), edge.source_id, edge.source_name),
            (_key(edge.target_id, edge.target_name), edge.target_id, edge.target_name),
        ):
            degree[key] = degree.get(key, 0) + edge.weight
            names[key] = (ident, name)
    ranked = sorted(degree, key=lambda k: (-degree[k], names[k][1]))
    shown = ranked[:NETWORK_NODES]
    nodes = {}
    for i, key in enumerate(shown):
        angle = 2 * math.pi * i / len(shown) - math.pi / 2
        ident, name = names[key]
        x = NETWORK_WIDTH / 2 + NETWORK_RADIUS * math.cos(angle)
        y = NETWORK_HEIGHT / 2 + NETWORK_RADIUS * math.sin(angle)
        nodes[key] = Node(ident, name, round(x, 2), round(y, 2), degree[key])
    arrows = []
    for edge in edges:
        source = nodes.get(_key(edge.source_id, edge.source_name))
        target = nodes.get(_key(edge.target_id, edge.target_name))
        if source is None or target is None or source is target:
            continue
        dx, dy = target.x - source.x, target.y - source.y
        length = math.hypot(dx, dy) or 1.0
        cut = 12 / length  # the arrow ends at the target circle's edge
        end = (round(target.x - dx * cut, 2), round(target.y - dy * cut, 2))
        arrows.append(Arrow(source, target, edge.weight, source.x, source.y, *end))
    shown_nodes = list(nodes.values())
    return Network(NETWORK_WIDTH, NETWORK_HEIGHT, shown_nodes, arrows, len(ranked) - len(shown))


def _key(ident: int | None, name: str) -> tuple:
    return ("id", ident) if ident is not None else ("name", name)
