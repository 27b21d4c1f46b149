"""The quotes step: find every attribution of speech in a parsed article."""

from __future__ import annotations

from spacy.tokens import Doc

from saidwhat.quotes.candidate import QuoteCandidate
from saidwhat.records import Article


def find_quotes(doc: Doc, article: Article) -> list[QuoteCandidate]:
    """Every quote candidate of the article's body, in text order."""
    return []


__all__ = ["QuoteCandidate", "find_quotes"]
