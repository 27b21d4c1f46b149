"""The speakers step: resolve each candidate's source to a speaker record of the article."""

from __future__ import annotations

from spacy.tokens import Doc

from saidwhat.quotes.candidate import QuoteCandidate
from saidwhat.records import Article


def attribute(doc: Doc, article: Article, candidates: list[QuoteCandidate]) -> Article:
    """Fill ``article.quotes`` and ``article.speakers`` from the candidates."""
    return article
