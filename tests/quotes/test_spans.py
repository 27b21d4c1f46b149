"""The span index finds every item overlapping a span, in the order added, each once."""

from __future__ import annotations

import random

from saidwhat.quotes.spans import BLOCK, SpanIndex, overlap


def test_near_holds_every_overlapping_item_once_in_the_order_added():
    rng = random.Random(7)
    index: SpanIndex[int] = SpanIndex()
    spans: dict[int, list[tuple[int, int]]] = {}
    for item in range(400):
        start = rng.randrange(0, 20 * BLOCK)
        span = (start, start + rng.randrange(1, 3 * BLOCK))
        spans[item] = [span]
        index.add(item, span)
        if rng.random() < 0.2:  # the span grows: added again, found once
            grown = (span[0], span[1] + rng.randrange(1, 2 * BLOCK))
            spans[item].append(grown)
            index.add(item, grown)
    for _ in range(300):
        start = rng.randrange(0, 22 * BLOCK)
        query = (start, start + rng.randrange(1, BLOCK))
        found = index.near(query)
        assert len(found) == len(set(found))
        assert found == sorted(found)
        wanted = {item for item, held in spans.items() if any(overlap(query, s) for s in held)}
        assert wanted <= set(found)


def test_overlap_counts_shared_characters():
    assert overlap((0, 10), (5, 20)) == 5
    assert overlap((0, 10), (10, 20)) == 0
    assert overlap((3, 4), (0, 10)) == 1
