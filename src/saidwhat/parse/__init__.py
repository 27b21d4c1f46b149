"""The parse step: one cached spaCy pipeline (``model``) with exact, faster stand-ins for two
of its components (``fast``) and a light entity layer in place of NER (``entities``), and the
parsing of a stream of texts, a long one in pieces (``pieces``).

Depends on nothing after it in the data path: the word lists it reads come from
``saidwhat.lang``.
"""

from saidwhat.parse.model import (
    BLAS_THREAD_VARIABLES,
    FALLBACK_MODELS,
    default_model_name,
    load_pipeline,
    ner_enabled,
    one_blas_thread,
)
from saidwhat.parse.pieces import PIECE_CHARS, parse_pairs, text_pieces

__all__ = [
    "BLAS_THREAD_VARIABLES",
    "FALLBACK_MODELS",
    "PIECE_CHARS",
    "default_model_name",
    "load_pipeline",
    "ner_enabled",
    "one_blas_thread",
    "parse_pairs",
    "text_pieces",
]
