"""Outlets named in bylines, and the parts of a byline that are names or job titles. All
people and outlets are invented."""

from __future__ import annotations

import pytest

from saidwhat.structure.outlets import byline_outlet


@pytest.mark.parametrize(
    ("bylines", "outlet"),
    [
        (["By Priya Nandakumar | The Millbrook Ledger"], "The Millbrook Ledger"),
        (["By Jo Lind, The Courier"], "The Courier"),
        (["By MARGARET OYELARAN", "Associated Press"], "AP"),
        (["By Ana Lutz and Tom Reyes - Reuters"], "Reuters"),
        (["By Jo Lind, Ivo Marsh and Ada Finch, Northgate Weekly"], "Northgate Weekly"),
        (
            ["By Teodora Vance, Staff Writer", "The Harlow Springs Sentinel"],
            "The Harlow Springs Sentinel",
        ),
        (["By Jo Lind, special to The Valley Post"], "The Valley Post"),
        (["By Jo Lind of the Orval Daily News"], "The Orval Daily News"),
        (["By Jo Lind, WKRV"], "WKRV"),
        (["By The Associated Press"], "AP"),
        (["By Reuters Staff"], "Reuters"),
        (["By Jo Lind, valleypost.example"], "valleypost.example"),
    ],
)
def test_byline_outlet(bylines, outlet):
    assert byline_outlet(bylines) == outlet


@pytest.mark.parametrize(
    "bylines",
    [
        ["By Teodora Vance, Staff Writer"],
        ["By Jo Lind, Chief Political Correspondent"],
        ["By Jo Lind, Ledger Staff Writer"],
        ["By Jo Lind and Ivo Marsh"],
        ["By Jo Lind, Ivo Marsh"],
        ["By Rufus Lind Jr."],
        ["By Jo Lind, MD"],
        ["By JO LIND, WASHINGTON"],
        ["By Jo Lind, NYC"],
        ["By Michael Bloomberg"],  # an op-ed by a person named like an agency
        ["By Jo Lind", "Staff Writer"],
        [],
    ],
)
def test_names_and_job_titles_are_no_outlet(bylines):
    assert byline_outlet(bylines) is None
