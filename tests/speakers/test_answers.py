"""Who answers whom, through the whole pipeline on articles written for this project
(tests/fixtures/answers: invented people and places), one for each way news says it, and
the sentences that look alike but say no answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from saidwhat.pipeline import extract
from saidwhat.records import Article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "answers"

# (article, words of the answering quote, who answers, whom, how, the words that say it)
EXPECTED = {
    "ferry-fares": [
        ("the increase would hurt commuters", "Piet Varga", "Lena Ortiz", "responded",
         "responded to Ortiz"),
        ("Nobody is doubling anything", "Lena Ortiz", "Piet Varga", "rejected",
         "rejected Varga's claim"),
        ("Anyone can read the budget", "Omar Haddad", "Piet Varga", "asked",
         "Asked about Varga's remarks"),
        ("it would publish its own figures", "Harbor Riders Union", "Omar Haddad",
         "in_response", "In response to Haddad"),
        ("She has not taken a ferry in years", "Piet Varga", "Lena Ortiz", "responded",
         "hit back at Ortiz"),
        ("the budget was balanced", "Lena Ortiz", "Piet Varga", "in_response",
         "In response to Varga's claim"),
    ],
    "school-start": [
        ("Nobody asked the families", "Tomas Brandt", "Ana Kessler", "responded",
         "fired back at Kessler"),
        ("the district would add early care", "Ana Kessler", "Tomas Brandt", "rejected",
         "dismissed criticism from Brandt"),
        ("the board had heard every side", "Maria Lund", "Tomas Brandt", "asked",
         "asked about Brandt"),
        ("the meetings were held during work hours", "Tomas Brandt", "Maria Lund",
         "in_response", "Responding to Lund"),
        ("Routes will not change", "Ana Kessler", "Tomas Brandt", "responded",
         "replied to Brandt's question"),
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def articles(nlp) -> dict[str, Article]:
    return {
        name: extract((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"), nlp=nlp)
        for name in EXPECTED
    }


def found(article: Article) -> list[tuple[str, str, str, str, str]]:
    out = []
    for quote in article.quotes:
        answer = quote.answers
        if answer is not None:
            who = article.speaker(quote.speaker_id)
            out.append((quote.text, who.name if who else "?", answer.name, answer.how,
                        answer.cue.text))  # fmt: skip
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_answer_and_nothing_else(articles, name) -> None:
    """Each way of saying it is found, with who answers whom; the look-alikes ("did not
    respond to a request", "responded to questions about costs", "will respond to the
    petition", "was asked about the schedule", "reaction to the ... grant") are not."""
    got = found(articles[name])
    assert len(got) == len(EXPECTED[name]), got
    for (words, who, whom, how, cue), (text, *rest) in zip(EXPECTED[name], got, strict=True):
        assert words in text
        assert tuple(rest) == (who, whom, how, cue)


def test_an_answer_points_at_the_records(articles) -> None:
    article = articles["ferry-fares"]
    for quote in article.quotes:
        answer = quote.answers
        if answer is None:
            continue
        answered = article.speaker(answer.speaker_id)
        assert answered is not None and answered.name == answer.name  # quoted in the article
        assert article.text[answer.cue.start : answer.cue.end] == answer.cue.text
        assert article.text[answer.mention.start : answer.mention.end] == answer.mention.text
        assert answer.mention.text in answer.cue.text


def test_the_answered_quote_when_the_article_carries_it(nlp) -> None:
    text = (
        "Mayor Lena Ortiz spoke on Monday. Councilman Piet Varga said the fares would double.\n\n"
        "Ortiz responded to Varga's claim that the fares would double by spring, saying the"
        " budget was balanced. Ortiz responded to Varga on Tuesday, saying the boats were new.\n"
    )
    article = extract(text, nlp=nlp)
    said = next(q for q in article.quotes if q.text == "the fares would double")
    balanced = next(q for q in article.quotes if "balanced" in q.text)
    assert balanced.answers.quote_id == said.id  # the claim says what Varga's quote says
    new = next(q for q in article.quotes if "boats were new" in q.text)
    assert new.answers.name == "Piet Varga" and new.answers.quote_id is None  # no claim given
