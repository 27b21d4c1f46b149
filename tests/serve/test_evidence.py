"""The evidence of a quote in words: every code extraction writes reads as a sentence."""

from __future__ import annotations

import re
from pathlib import Path

from saidwhat.serve.evidence import in_words
from saidwhat.store import Corpus

# what a code looks like: ccomp-after-cue, cue:say, p=0.97, entity ORG, ->, straight marks
CODE = re.compile(r"\b[a-z]+(?:-[a-z]+)+\b|[a-z]:[\w-]|p=\d|entity [A-Z]+| -> |(?<!\w)'|'(?!\w)")


def test_codes_read_as_words() -> None:
    assert in_words("ccomp-after-cue").startswith("said after the quote")
    assert in_words("model:quote-scorer p=0.97") == "model confidence 97%"
    assert in_words("cue:say") == "reporting word “say”"
    assert (
        in_words("name 'O'Brien' -> 'Pat O'Brien' (fullest name)")
        == "name “O'Brien” is “Pat O'Brien” (fullest name)"
    )
    assert (
        in_words("name 'Vote Despite 'Fan Tax' Outcry' -> 'Fan Tax' (fullest name)")
        == "name “Vote Despite “Fan Tax” Outcry” is “Fan Tax” (fullest name)"
    )
    assert in_words("body 'Port Board' (named entity ORG)") == (
        "body “Port Board” (recognised as an organisation)"
    )
    assert in_words("a code nobody knows") == "a code nobody knows"  # shown, never dropped


def test_every_step_of_the_served_corpus_reads_in_words(corpus_db: Path) -> None:
    corpus = Corpus(corpus_db, readonly=True)
    article_ids = {o.article_id for o in corpus.quotes()}
    steps = {
        step
        for article_id in article_ids
        for quote in corpus.article(article_id).quotes
        for step in quote.evidence
    }
    assert len(steps) > 10
    unread = {step: in_words(step) for step in steps if CODE.search(in_words(step))}
    assert unread == {}
