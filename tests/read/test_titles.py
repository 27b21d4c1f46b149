"""A page title's site or author suffix is not part of the headline (issue 14)."""

from __future__ import annotations

import pytest

from saidwhat.read.titles import headline_of_title


@pytest.mark.parametrize(
    ("title", "site", "author", "headline"),
    [
        ("Ferry fares rise | The Marlow Herald", None, None, "Ferry fares rise"),
        ("Ferry fares rise - marlowherald.com", None, None, "Ferry fares rise"),
        ("Ferry fares rise | Jo Lind", None, None, "Ferry fares rise"),
        ("Ferry fares rise - The Marlow Herald", None, None, "Ferry fares rise"),
        ("Ferry fares rise \u2013 Harbour Post", "Harbour Post", None, "Ferry fares rise"),
        ("Ferry fares rise \u2014 Jo Lind", None, "Jo Lind", "Ferry fares rise"),
        ("Ferry fares rise | Jo Lind | The Marlow Herald", None, None, "Ferry fares rise"),
        # a dash inside the headline, before words that are no name, stays
        (
            "Dunn - the ferry will run all winter",
            None,
            None,
            "Dunn - the ferry will run all winter",
        ),
        # after a dash, capitalised words that are no outlet stay (they may be the headline's)
        ("Ferry strike - Crews Walk Out", None, None, "Ferry strike - Crews Walk Out"),
        # one word left in front is no headline
        ("News | The Marlow Herald", None, None, "News | The Marlow Herald"),
        ("Ferry fares rise", None, None, "Ferry fares rise"),
    ],
)
def test_headline_of_title(title, site, author, headline):
    assert headline_of_title(title, site=site, author=author) == headline
