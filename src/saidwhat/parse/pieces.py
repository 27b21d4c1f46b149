"""Parsing a stream of texts through one loaded pipeline; a long text in pieces joined into
one Doc with the same text, so memory stays bounded and spaCy's length limit never applies."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

PIECE_CHARS = 100_000  # a longer text is parsed in pieces of about this many characters
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
Item = TypeVar("Item")


def parse_pairs(
    nlp: Language,
    pairs: Iterable[tuple[str, Item]],
    batch_size: int,
    piece_chars: int = PIECE_CHARS,
) -> Iterator[tuple[Doc, Item]]:
    """``nlp.pipe(pairs, as_tuples=True)``, except that a text longer than ``piece_chars`` is
    parsed in pieces (``text_pieces``) joined into one Doc with the same text.

    The parser's memory grows with the text of a batch (peak RSS about 0.9 GB for one text of
    250,000 characters, 3 GB at 990,000), and spaCy refuses texts over ``nlp.max_length``
    (1,000,000) outright, while the readers accept articles up to 5 MB: in pieces, a worker
    stays within its 1 GB whatever comes in.
    """
    for batch in minibatch(pairs, batch_size):
        short = [text for text, _ in batch if len(text) <= piece_chars]
        docs = iter(nlp.pipe(short, batch_size=batch_size))
        for text, item in batch:
            if len(text) <= piece_chars:
                yield next(docs), item
            else:
                texts = text_pieces(text, piece_chars)
                pieces = [_untensored(d) for d in nlp.pipe(texts, batch_size=1)]
                yield Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"]), item


def text_pieces(text: str, size: int) -> list[str]:
    """The text cut into pieces of about ``size`` characters: each cut after the last line
    break that fits (with the rest of its run of line breaks), else after the last sentence
    end, else after the last space, else at ``size``. A cut mid-sentence would break a quote
    across it, and JSONL corpora often hold articles with no line break at all."""
    pieces, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = window.rfind("\n") + 1
        if cut:
            while start + cut < len(text) and text[start + cut] == "\n":
                cut += 1
        else:
            ends = [m.end() for m in _SENTENCE_END.finditer(window)]
            cut = (ends[-1] if ends else 0) or window.rfind(" ") + 1 or size
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _untensored(doc: Doc) -> Doc:
    """The piece without its tok2vec output (nothing after the parse reads it): a 5 MB text
    would otherwise hold 400 bytes per token twice, in the pieces and in the joined Doc."""
    doc.tensor = numpy.zeros((0, 0), dtype="float32")
    return doc
