"""The seed article (../shared/examples) through the whole pipeline: every quote of the five
speakers goes to the right person, including 'He added', 'Press Secretary added', 'she said'."""

from __future__ import annotations

import pytest

from saidwhat.pipeline import extract
from saidwhat.records import Article

EXPECTED = {
    "I came down here ready": "Bill de Blasio",
    "This letter explicitly threatens": "Bill de Blasio",
    "slap in the face to our cities": "Bill de Blasio",
    'renew a "racist assault"': "Bill de Blasio",
    "the city wouldn't sacrifice gains": "Bill de Blasio",
    "Edward Byrne was an NYPD officer": "Bill de Blasio",
    "He was murdered because": "Bill de Blasio",
    "Immigrant New Yorkers, documented": "Bill de Blasio",
    "disappointed that a number of mayors": "Lindsay Walters",
    "The mayors who choose to boycott": "Donald Trump",
    "they should talk to the Congress": "Sanders",
    "we cannot allow people to pick": "Sanders",
    "If we have a country with no laws": "Sanders",
    "we have seen too many examples": "Jeff Sessions",
    "the places have been previously warned": "officials",
}


@pytest.fixture(scope="module")
def seed(seed_article, nlp) -> Article:
    return extract(seed_article.read_text(encoding="utf-8"), nlp=nlp)


def quotes_with(article: Article, phrase: str):
    return [q for q in article.quotes if phrase in q.text]


@pytest.mark.parametrize(("phrase", "speaker"), EXPECTED.items())
def test_every_seed_quote_has_the_right_speaker(seed, phrase, speaker):
    found = quotes_with(seed, phrase)
    assert found, f"no quote holds {phrase!r}"
    for quote in found:
        assert seed.speaker(quote.speaker_id).name == speaker, quote.evidence


def test_local_mentions_are_kept_and_hops_explained(seed):
    (he,) = quotes_with(seed, "Immigrant New Yorkers")
    assert he.speaker_mention.text == "He"
    assert any("pronoun 'He' -> 'Bill de Blasio'" in e for e in he.evidence)
    (she,) = quotes_with(seed, "we cannot allow people")
    assert she.speaker_mention.text == "she"
    (role,) = quotes_with(seed, "they should talk to the Congress")
    assert role.speaker_mention.text == "Press Secretary"


def test_seed_speaker_records(seed):
    by_name = {s.name: s for s in seed.speakers}
    assert len(by_name) == len(seed.speakers), "one record per real speaker"
    de_blasio = by_name["Bill de Blasio"]
    assert de_blasio.kind == "person"
    assert "Mayor" in de_blasio.titles
    assert "New York City" in de_blasio.affiliations
    assert {"de Blasio", "De Blasio", "He"} <= {m.text for m in de_blasio.mentions}
    sanders = by_name["Sanders"]
    assert sanders.titles == ["Press Secretary"]
    assert "White House" in sanders.affiliations
    assert by_name["Jeff Sessions"].titles == ["Attorney General"]
    assert "spokeswoman" in by_name["Lindsay Walters"].titles
    assert "President" in by_name["Donald Trump"].titles
    assert by_name["officials"].kind == "group"
