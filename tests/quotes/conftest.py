"""Helpers for the quotes tests: run structure -> real spaCy parse -> find_quotes on a text.

Every text in these tests is invented for them (people and places are made up)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from saidwhat.quotes import QuoteCandidate, find_quotes
from saidwhat.records import Article, Document
from saidwhat.structure import structure_document


@dataclass
class Found:
    article: Article
    quotes: list[QuoteCandidate]

    def text(self, span: tuple[int, int] | None) -> str | None:
        return None if span is None else self.article.text[span[0] : span[1]]

    def content(self, q: QuoteCandidate) -> str:
        return " ".join(self.article.text[s:e] for s, e in q.fragments)

    def by_source(self, source: str) -> list[QuoteCandidate]:
        return [q for q in self.quotes if self.text(q.source) == source]


@pytest.fixture(scope="session")
def run(nlp):
    def _run(text: str) -> Found:
        article = structure_document(Document(text=text, origin="test"))
        return Found(article, find_quotes(nlp(article.text), article))

    return _run
