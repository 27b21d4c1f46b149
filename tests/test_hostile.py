"""Hostile input costs time in proportion to its size: each test runs a text at a size that
took minutes while a step of extraction was quadratic in it (issue 11), and checks what comes
out. The timeout is the guard: these run in seconds now. Every text is invented.

Figures for each kind and size: ``benchmarks/hostile.py``.
"""

from __future__ import annotations

import pytest

from saidwhat.parse import load_pipeline
from saidwhat.parse.runs import LONG_RUN, LONG_SENTENCE
from saidwhat.pipeline import extract

pytestmark = pytest.mark.timeout(150)


def test_bare_quote_marks() -> None:
    """16,000 '"' in a row: about 3 minutes before (the tokenizer's suffix search over the
    rest of the run, and a search for a cue over the whole sentence for every quote)."""
    text = '"' * 16_000
    article = extract(text)
    assert article.text == text and article.quotes == []


def test_quote_marks_between_words_still_tokenize_as_spacy_does() -> None:
    nlp = load_pipeline()
    run = '"' * (LONG_RUN * 3 + 7)
    doc = nlp.make_doc(f"Ann said {run} today")
    assert doc.text == f"Ann said {run} today"
    assert [t.text for t in doc][:2] == ["Ann", "said"] and doc[-1].text == "today"
    assert all(t.text == '"' for t in doc[2:-1]) and len(doc) == len(run) + 3


def test_one_line_of_words_without_punctuation() -> None:
    """60,000 words on one line, no full stop: about 2 minutes before (one sentence of all
    of them, whose subtrees every clause rule walked)."""
    words = ["harbour", "ferry", "council", "winter", "Pellworth", "boats", "timetable", "the"]
    text = " ".join(words[i % len(words)] for i in range(60_000))
    article = extract(text)
    assert article.text == text
    doc = load_pipeline()(text[:20_000])
    assert max(len(sentence) for sentence in doc.sents) <= LONG_SENTENCE


def test_thousands_of_quotes_by_she_after_one_name() -> None:
    """6,000 quotes on one line, each by 'she': about 2 minutes before (every earlier
    mention of the paragraph weighed for every pronoun, and every mention of a speaker
    scanned for each new one)."""
    lead = "Ann Lowe, the harbour master, spoke on Monday in Pellworth."
    text = " ".join([lead, *(f'"Yes {i}," she said.' for i in range(6_000))])
    article = extract(text)
    assert len(article.quotes) == 6_000
    [speaker] = article.speakers
    assert speaker.name == "Ann Lowe" and len(speaker.mentions) == 6_001
    assert {q.speaker_id for q in article.quotes} == {speaker.id}


def test_thousands_of_speakers_with_titles_and_bodies() -> None:
    """3,000 quotes by as many people, each 'a spokeswoman for' a body of their own."""
    given = ["Ann", "Bram", "Cleo", "Dov", "Esme", "Finn", "Greta", "Hugo", "Ines", "Jory"]

    def surname(i: int) -> str:
        return "Vel" + "".join("abcdefghijklmnopqrstuvwxyz"[int(d)] for d in f"{i:04d}")

    text = " ".join(
        f'"Yes {i}," said {given[i % 10]} {surname(i)}, a spokeswoman for the'
        f" {surname(i).upper()} Harbour Board."
        for i in range(3_000)
    )
    article = extract(text)
    named = {s.name: s for s in article.speakers}
    assert len(article.quotes) >= 2_950 and len(named) >= 2_950
    some = named[f"Cleo {surname(1002)}"]
    assert some.titles == ["spokeswoman"] and some.affiliations == [
        f"{surname(1002).upper()} Harbour Board"
    ]


def test_one_quote_continued_over_thousands_of_paragraphs() -> None:
    """A quote continued over 6,000 paragraphs (the news convention of a paragraph that
    opens a quote and the next that opens one again)."""
    lead = '"The ferry will run all winter," said Ann Lowe, the harbour master.'
    more = [f'"And the boats will sail on day {i}."' for i in range(6_000)]
    article = extract("\n\n".join([lead, *more]))
    [quote] = article.quotes
    assert len(quote.fragments) == 6_001 and article.speaker(quote.speaker_id).name == "Ann Lowe"
