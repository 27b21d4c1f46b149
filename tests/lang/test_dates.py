"""Date lines: what is read as the publication date, and the lines that must not be. All
dates and texts are invented."""

from __future__ import annotations

import pytest

from saidwhat.lang.dates import DateLine, published_date, read_date_line
from saidwhat.records import Article, Document
from saidwhat.structure import structure_document


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
        # changed: was '03/04/2026' read month first; a slash date gives a day only when a part
        # above 12 (or equal parts) says which is the day, see test_a_slash_date_...
        ("Updated 03/14/2026 15:04", "2026-03-14T15:04"),
        ("13/03/2026", "2026-03-13"),  # changed: was no date line; day first, no month 13
        ("3:04 PM, 14/03/2026", "2026-03-14T15:04"),
        ("03/03/2026", "2026-03-03"),  # either way the same day
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
        "13/13/2026",  # no month 13 either way (was '13/03/2026': now March 13, above)
        "31/04/2026",  # April has no 31st, and there is no month 31
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


@pytest.mark.parametrize(
    ("line", "updated", "month_first"),
    [
        ("03/04/2026", False, "2026-03-04"),
        ("Updated 03/04/2026 15:04", True, "2026-03-04T15:04"),
        ("3:04 PM EST, 4/3/2026", False, "2026-04-03T15:04-05:00"),
    ],
)
def test_a_slash_date_that_may_be_day_or_month_first_is_a_date_line_without_a_day(
    line, updated, month_first
):
    """'03/04/2026' is March 4 in a US outlet and 3 April in a UK one: no day is guessed, unless
    the caller (metadata) asks for month first."""
    assert read_date_line(line) == DateLine(None, updated)
    assert read_date_line(line, month_first=True) == DateLine(month_first, updated)


def test_a_date_line_without_a_day_gives_way_to_the_next_date():
    assert published_date(["03/04/2026", "Updated March 5, 2026"]) == "2026-03-05"
    assert published_date(["03/04/2026", "By Jo Lind"]) is None


# An invented UK-style page: people, places and outlet are fiction.
UK_PAGE = """Council Delays Vote on Harbour Wall

By Nell Ashcombe | The Fennick Gazette

{date}

Fennick council postponed its vote on the harbour wall until the spring.

"We need the surveyors' report first," council leader Owen Tarrant said.
"""


def uk_page(date: str) -> Article:
    return structure_document(Document(text=UK_PAGE.format(date=date), origin="test"))


@pytest.mark.parametrize(
    ("date", "published"),
    [("03/04/2026", None), ("Published 03/04/2026", None), ("13/04/2026", "2026-04-13")],
)
def test_an_article_with_a_day_first_date_line_gets_no_wrong_date(date, published):
    article = uk_page(date)
    assert article.published == published
    spelled = uk_page("3 April 2026")
    assert spelled.published == "2026-04-03"
    # laid out as any date line: page furniture above the body, not a paragraph of it
    assert [s.kind for s in article.sections] == [s.kind for s in spelled.sections]
