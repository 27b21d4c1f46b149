"""The seed article (../shared/examples, not committed): every quote of de Blasio, Walters,
Trump, Sanders and Sessions found with its cue and source mention as written."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def seed(run, seed_article):
    return run(seed_article.read_text(encoding="utf-8"))


# (source as written, cue, words in the content, type)
EXPECTED = [
    ("Trump spokeswoman Lindsay Walters", "said", "disappointed that a number of mayors", "mixed"),
    ("de Blasio", "called", "slap in the face to our cities", "mixed"),
    ("de Blasio", "said", "I came down here ready", "direct"),
    ("de Blasio", "said", "the city wouldn't sacrifice gains", "indirect"),
    ("De Blasio", "added", "Edward Byrne was an NYPD officer", "indirect"),
    ("de Blasio", "said", "He was murdered because he was protecting", "direct"),
    ("He", "added", "Immigrant New Yorkers, documented and undocumented", "direct"),
    ("President Trump", "said", "The mayors who choose to boycott", "direct"),
    ("Press Secretary", "added", "they should talk to the Congress", "mixed"),
    ("she", "said", "we cannot allow people to pick and choose", "mixed"),
    ("Sanders", "added", "If we have a country with no laws", "direct"),
    ("Officials", "said", "the places have been previously warned", "indirect"),
    ("Attorney General Jeff Sessions", "saying", "we have seen too many examples", "direct"),
]


@pytest.mark.parametrize(("source", "cue", "words", "kind"), EXPECTED)
def test_seed_quote_found_with_cue_and_source(seed, source, cue, words, kind):
    matches = [q for q in seed.quotes if words in seed.content(q)]
    assert matches, f"no quote holds {words!r}"
    assert any(
        seed.text(q.source) == source and seed.text(q.cue) == cue and q.type == kind
        for q in matches
    ), [(seed.text(q.source), seed.text(q.cue), q.type) for q in matches]


def test_seed_split_quote_joined(seed):
    [q] = [q for q in seed.quotes if "I came down here" in seed.content(q)]
    assert len(q.fragments) == 2
    assert "This letter explicitly threatens" in seed.content(q)


def test_seed_sanctuary_city_is_never_a_quote(seed):
    for q in seed.quotes:
        bare = seed.content(q).strip("\"'\u201c\u201d\u2018\u2019 .,")
        assert bare.lower() not in ("sanctuary city", "sanctuary cities")
        if "sanctuary city" in seed.content(q).lower():
            assert q.type == "indirect"
