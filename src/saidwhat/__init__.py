"""saidwhat: who said what in the news. Every quotation, attributed to a named speaker.

The package face. Its names are loaded on first use (PEP 562), so that a command that only
reads a store (``saidwhat search``) or a module deep in the data path never pays for spaCy:
``import saidwhat`` loads nothing but this file and ``about``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from saidwhat.about import __version__

if TYPE_CHECKING:
    from saidwhat.ingestion import ingest
    from saidwhat.pipeline import extract, extract_many
    from saidwhat.records import Article, Document, Quote, Section, Skipped, Span, Speaker
    from saidwhat.store import Corpus

_HOMES = {
    "Article": "saidwhat.records",
    "Document": "saidwhat.records",
    "Quote": "saidwhat.records",
    "Section": "saidwhat.records",
    "Skipped": "saidwhat.records",
    "Span": "saidwhat.records",
    "Speaker": "saidwhat.records",
    "Corpus": "saidwhat.store",
    "extract": "saidwhat.pipeline",
    "extract_many": "saidwhat.pipeline",
    "ingest": "saidwhat.ingestion",
}

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
    "ingest",
]


def __getattr__(name: str) -> Any:
    """Load a public name from its home module the first time it is asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'saidwhat' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
