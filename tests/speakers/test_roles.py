"""The quick test before the search for a title written before a name gives what the search
alone gives (text written for this test; invented people)."""

import pytest

from saidwhat.speakers.roles import _BEFORE, _title_before

BEFORES = [
    "Harbor Authority spokeswoman ",
    "said Indiana Gov. ",
    "said Indiana Gov ",
    "the ferry line's owner, ",
    "Vice President-elect ",
    "Mayor ,  ",
    "in a talk with Sen.",
    "a (Sen. ",
    "Officials said on Tuesday that ",
    "",
    "  ",
    "S\u212aIPPER Judge ",  # a Kelvin sign: not ASCII, searched as before
    "former Lt. Gov. ",
    "Transportation Secretary ",
    "the secretary of state, ",
]


@pytest.mark.parametrize("before", BEFORES)
def test_the_quick_test_keeps_every_match(before: str) -> None:
    expected = _BEFORE.search(before)
    found = _title_before(before)
    assert (found and (found.span(), found.groupdict())) == (
        expected and (expected.span(), expected.groupdict())
    )


def test_a_title_before_a_name_is_found() -> None:
    found = _title_before("said Transportation Secretary ")
    assert found is not None and found.group("title") == "Secretary"
