"""saidwhat: who said what in the news. Every quotation, attributed to a named speaker."""

__version__ = "0.1.0"

from saidwhat.pipeline import extract, extract_many  # noqa: E402
from saidwhat.records import Article, Document, Quote, Section, Skipped, Span, Speaker  # noqa: E402
from saidwhat.store import Corpus  # noqa: E402

__all__ = [
    "Article",
    "Corpus",
    "Document",
    "Quote",
    "Section",
    "Skipped",
    "Span",
    "Speaker",
    "__version__",
    "extract",
    "extract_many",
]
