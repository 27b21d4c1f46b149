"""The publication date of an Article as the store keys it ('YYYY-MM-DD' or 'YYYY-MM'): every
form read before dates were read in one place keeps its value, a date line is a published date
and a published date is a date line (but for a slash date that may be day or month first, which
a line gives no day). All dates are invented."""

from __future__ import annotations

import random

import pytest

from saidwhat.lang.dates import normalise_published, read_date_line

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


ONLY_PUBLISHED = {  # metadata forms, never a line of text
    "2026-03",  # a month is no date line
    "2026-03-03T15:04:00.123456+00:00",  # fractions of a second
    "Tue, 03 Mar 26 15:04:00 -0500",  # RFC 2822's obsolete two-digit year
    "Tue, 03 Mar 2026 15:04:00 -0500 (EST)",  # an RFC 2822 comment
    # changed: a date line does not say whether '3/4/2026' is March 4 or 3 April, so it gives no
    # day there (tests/structure/test_dates.py); the metadata value keeps month first
    "3/4/2026",
}


@pytest.mark.parametrize(("published", "iso"), [c for c in TODAY if c[0] not in ONLY_PUBLISHED])
def test_every_published_date_is_also_read_from_a_date_line(published, iso):
    found = read_date_line(published)
    assert found is not None and found.iso[:10] == iso


@pytest.mark.parametrize(
    ("published", "iso"),
    [
        ("Published March 3, 2026", "2026-03-03"),
        ("Updated 3:04 PM EST, March 3, 2026", "2026-03-03"),
        ("Updated 11:30 PM EST, March 3, 2026", "2026-03-03"),  # not UTC's March 4
        ("Tuesday, March 3, 2026", "2026-03-03"),
        ("Tue., Mar. 3, 2026", "2026-03-03"),
        ("March 3 2026", "2026-03-03"),
        ("3rd March 2026", "2026-03-03"),
        ("Sept. 30, 2025", "2025-09-30"),
        ("Posted on March 23, 2026 at 9:30 p.m. CDT", "2026-03-23"),
        ("2026-03-03T15:04:00Z", "2026-03-03"),
        ("March 3, 2026 9:30 a.m. ET", "2026-03-03"),
    ],
)
def test_a_date_line_is_a_published_date(published, iso):
    assert normalise_published(published) == iso
    assert read_date_line(published).iso[:10] == iso


@pytest.mark.parametrize(
    ("published", "iso"),
    [
        ("13/04/2026", "2026-04-13"),  # no month 13: day first (was None)
        ("04/13/2026", "2026-04-13"),
        ("03/04/2026", "2026-03-04"),  # either: month first, as the store always read it
        ("Updated 03/04/2026 15:04", "2026-03-04"),
    ],
)
def test_a_slash_date_is_read_one_way_when_it_can_and_month_first_when_it_may_be_either(
    published, iso
):
    assert normalise_published(published) == iso


@pytest.mark.parametrize(
    "published",
    [
        None,
        "",
        "  ",
        "garbage",
        "2026",
        "20260303",
        "March 33, 2026",
        "13/45/2026",
        "2026-02-30",  # read as itself before: no such day
        "2026-13-03",
        "2026-13",
        "Tue, 03 Mar 2026 15:04:00 +9900",
        "The board meets again on May 14, 2026.",
    ],
)
def test_an_unreadable_date_is_none(published):
    assert normalise_published(published) is None


def test_no_value_makes_it_raise():
    pieces = ["2026", "-", "/", ":", "03", "99", " ", "Mar", "Tue,", "+0500", "PM", "T", "Z", "0"]
    rng = random.Random(7)
    for _ in range(3000):
        value = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        found = normalise_published(value)
        assert found is None or len(found) in (7, 10)
