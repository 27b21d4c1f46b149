"""The publication date of an Article as the store keys it ('YYYY-MM-DD' or 'YYYY-MM'): every
form read before dates were read in one place keeps its value. All dates are invented."""

from __future__ import annotations

import pytest

from saidwhat.store.text import iso_date as normalise_published

TODAY = [
    ("2026-03-03", "2026-03-03"),
    (" 2026-03-03 ", "2026-03-03"),
    ("2026-03", "2026-03"),
    ("2026-03-03T15:04:00Z", "2026-03-03"),
    ("2026-03-03 23:30", "2026-03-03"),
    ("2026-03-03T15:04:00.123456+00:00", "2026-03-03"),
    ("2026-03-03T23:30:00-05:00", "2026-03-03"),  # the date as written, not UTC's 03-04
    ("2026-03-03T00:30:00+14:00", "2026-03-03"),  # the date as written, not UTC's 03-02
    ("Tue, 03 Mar 2026 23:30:00 -0500", "2026-03-03"),
    ("Wed, 04 Mar 2026 00:30:00 +1400", "2026-03-04"),
    ("03 Mar 2026 15:04:00 GMT", "2026-03-03"),
    ("Tue, 03 Mar 26 15:04:00 -0500", "2026-03-03"),
    ("Tue, 03 Mar 2026 15:04:00 -0500 (EST)", "2026-03-03"),
    ("March 3, 2026", "2026-03-03"),
    ("march 3, 2026", "2026-03-03"),
    ("Mar 3, 2026", "2026-03-03"),
    ("3 March 2026", "2026-03-03"),
    ("03 Mar 2026", "2026-03-03"),
    ("2026/03/03", "2026-03-03"),
    ("2026/3/3", "2026-03-03"),
    ("03/03/2026", "2026-03-03"),
    ("3/4/2026", "2026-03-04"),  # month first, as before
]


@pytest.mark.parametrize(("published", "iso"), TODAY)
def test_every_form_read_before_keeps_its_date(published, iso):
    assert normalise_published(published) == iso


@pytest.mark.parametrize(
    "published", [None, "", "  ", "garbage", "2026", "20260303", "March 33, 2026", "13/45/2026"]
)
def test_an_unreadable_date_is_none(published):
    assert normalise_published(published) is None
