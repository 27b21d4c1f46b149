"""Date lines: what is read as the publication date, and the lines that must not be. All
dates and texts are invented."""

from __future__ import annotations

import pytest

from saidwhat.structure.dates import published_date, read_date_line


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Published March 3, 2026", "2026-03-03"),
        ("Updated 3:04 PM EST, March 3, 2026", "2026-03-03T15:04-05:00"),
        ("March 3, 2026", "2026-03-03"),
        ("2026-03-03", "2026-03-03"),
        ("Tuesday, March 3, 2026", "2026-03-03"),
        ("Tue., Mar. 3, 2026", "2026-03-03"),
        ("3 March 2026", "2026-03-03"),
        ("Sept. 30, 2025", "2025-09-30"),
        ("Published: 12:15 a.m. PDT, June 1, 2026", "2026-06-01T00:15-07:00"),
        ("Posted on March 23, 2026 at 9:30 p.m. CDT", "2026-03-23T21:30-05:00"),
        ("March 3, 2026 | 15:04 GMT", "2026-03-03T15:04+00:00"),
        ("March 3, 2026 9:30 a.m. ET", "2026-03-03T09:30"),  # a zone we cannot place: no offset
        ("2026-03-03T15:04:00Z", "2026-03-03T15:04+00:00"),
        ("First published 10:32 AM EST Mar 28, 2018", "2018-03-28T10:32-05:00"),
        ("2026/03/03", "2026-03-03"),
        ("Updated 03/04/2026 15:04", "2026-03-04T15:04"),  # month first
        ("Tue, 03 Mar 2026 23:30:00 -0500", "2026-03-03T23:30-05:00"),  # RFC 2822
        ("March 3, 2026 9:30 am +05:30", "2026-03-03T09:30+05:30"),
    ],
)
def test_a_line_that_is_only_a_date_gives_its_iso_value(line, iso):
    found = read_date_line(line)
    assert found is not None and found.iso == iso


@pytest.mark.parametrize(
    "line",
    [
        "The board meets again on May 14, 2026.",
        "Published in 2015, the report found that 40 bridges were unsafe.",
        "Published 2:15 PM",  # a time, no date
        "May 14",  # no year
        "February 30, 2026",  # no such day
        "March 3, 2026 15",  # a number that is not a time
        "March 3, 2026: council votes on budget",
        "PORT ALDOUS, March 3 (AP) — Workers walked off the job.",
        "13/03/2026",  # day first: no month 13
        "March 3, 2026 9:30 -9900",  # no such offset
    ],
)
def test_anything_more_or_less_than_a_date_is_not_a_date_line(line):
    assert read_date_line(line) is None


def test_published_beats_updated_and_the_first_date_wins():
    assert published_date(["Updated March 5, 2026", "Published March 3, 2026"]) == "2026-03-03"
    assert published_date(["March 2, 2026", "Published March 3, 2026"]) == "2026-03-02"
    assert published_date(["By Jo Lind", "Last updated March 5, 2026"]) == "2026-03-05"
    assert published_date(["By Jo Lind", "Share this"]) is None
