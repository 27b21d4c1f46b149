"""A byline without the date a page prints beside it, and none for a placeholder (issue 14)."""

from __future__ import annotations

import pytest

from saidwhat.structure.bylines import clean_byline


@pytest.mark.parametrize(
    ("byline", "cleaned"),
    [
        ("By Jo Lind", "By Jo Lind"),
        ("By Jo Lind, March 3, 2026", "By Jo Lind"),
        ("Jo Lind | 2026-03-03", "Jo Lind"),
        ("By Staff, March 3, 2026", None),
        ("Username", None),
        ("admin", None),
        ("By Staff Writer", None),
        ("March 3, 2026", None),
        ("", None),
        (None, None),
        ("By Jo Lind and Sam Okafor", "By Jo Lind and Sam Okafor"),
    ],
)
def test_clean_byline(byline, cleaned):
    assert clean_byline(byline) == cleaned
