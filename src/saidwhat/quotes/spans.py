"""Character spans: their overlap, and an index that finds the items near a span.

Choosing among candidates compares each with the ones around it. Compared with every other,
the quotes step was quadratic in an article's length: 8 s for a 300 KB text, most of a
minute for 1 MB. The index keeps those comparisons local.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import Generic, TypeVar

Item = TypeVar("Item")
BLOCK = 1024  # characters per block: a few sentences, wider than most candidates


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """How many characters two (start, end) spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class SpanIndex(Generic[Item]):
    """Items filed under the blocks of text their spans touch. ``near`` returns every item
    added with a span overlapping the given one (and some merely close), in the order they
    were added; callers apply their exact test to those. An item whose span grows is added
    again with the new span."""

    def __init__(self) -> None:
        self._blocks: defaultdict[int, list[tuple[int, Item]]] = defaultdict(list)
        self._added = 0

    def add(self, item: Item, span: tuple[int, int]) -> None:
        for block in _blocks(span):
            self._blocks[block].append((self._added, item))
        self._added += 1

    def near(self, span: tuple[int, int]) -> list[Item]:
        found: dict[int, Item] = {}
        for block in _blocks(span):
            for number, item in self._blocks.get(block, ()):
                found.setdefault(number, item)
        seen: set[int] = set()
        out = []
        for _, item in sorted(found.items()):
            if id(item) not in seen:  # an item added twice (its span grew) comes once
                seen.add(id(item))
                out.append(item)
        return out


def _blocks(span: tuple[int, int]) -> range:
    return range(span[0] // BLOCK, max(span[0], span[1] - 1) // BLOCK + 1)


class Covered:
    """The union of the spans added, for whether a position lies in any of them: one
    bisection, where asking each span near the position cost as many steps as spans there."""

    def __init__(self) -> None:
        self._starts: list[int] = []  # disjoint spans, sorted, merged as they come
        self._ends: list[int] = []

    def add(self, span: tuple[int, int]) -> None:
        start, end = span
        if end <= start:
            return
        lo = bisect_left(self._ends, start)  # the first that ends at or after the start
        hi = bisect_right(self._starts, end)  # past the last that starts at or before the end
        if lo < hi:  # they touch or overlap: one span
            start, end = min(start, self._starts[lo]), max(end, self._ends[hi - 1])
        self._starts[lo:hi], self._ends[lo:hi] = [start], [end]

    def __contains__(self, position: int) -> bool:
        n = bisect_right(self._starts, position) - 1
        return n >= 0 and position < self._ends[n]
