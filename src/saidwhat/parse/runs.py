"""Long runs that cost more than their length, cut before they reach the parse.

A run without white space: spaCy splits it into tokens by taking prefixes and suffixes off one
character at a time, and each time looks for a suffix with a regular expression over all that
is left of the run, so a run of n quote marks cost n² (8,000 '"' in a row: 31 of 35 s of
extraction). A run over ``LONG_RUN`` characters is tokenized in slices of ``LONG_RUN``
characters (``GuardedTokenizer``).

A run of tokens without a sentence end: the parser makes it one sentence, however long (a
line of words without punctuation is one sentence of all its words), and every rule that
walks a subtree or a token's children then walks most of it, for every token. A sentence is
started after ``LONG_SENTENCE`` tokens without a full stop, question or exclamation mark or
line break (``cap_sentences``, before the parser, which keeps such a start).

Text without such runs goes through unchanged and parses exactly as before: no article of
PolNeAR dev and the first 300 of train has a run over 158 tokens, or over a few hundred
characters without white space (a long URL).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

import numpy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Doc

LONG_RUN = 1000  # characters without white space
LONG_SENTENCE = 400  # tokens without a sentence end
_LONG = re.compile(rf"(?<!\S)\S{{{LONG_RUN + 1},}}")  # from a run's start only: linear


def long_run_cuts(text: str) -> list[int]:
    """Where to cut the text so that no piece holds more than ``LONG_RUN`` characters of one
    run: before each long run, every ``LONG_RUN`` characters in it, and after it (with the
    white space character that ends it, as spaCy gives that to the run's last token)."""
    cuts: list[int] = []
    for run in _LONG.finditer(text):
        start, end = run.span()
        cuts.extend(range(start, end, LONG_RUN))
        cuts.append(min(end + 1, len(text)))
    return cuts


class GuardedTokenizer:
    """Calls spaCy's tokenizer on the pieces between ``long_run_cuts`` and joins their Docs
    (the text is the same, so every offset is); everything else is the wrapped tokenizer's."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        cuts = long_run_cuts(text)
        if not cuts:
            return self.tokenizer(text)
        bounds = [0, *cuts, len(text)]
        pieces = [self.tokenizer(text[a:b]) for a, b in pairwise(bounds) if b > a]
        return Doc.from_docs(pieces, ensure_whitespace=False)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)


@Language.component("saidwhat_sentence_cap")
def cap_sentences(doc: Doc) -> Doc:
    """Start a sentence after every ``LONG_SENTENCE`` tokens that hold no sentence end."""
    if len(doc) <= LONG_SENTENCE:
        return doc
    orth, space = doc.to_array([ORTH, IS_SPACE]).T
    strings = doc.vocab.strings
    ends = numpy.isin(orth, numpy.array([strings[p] for p in ".!?"], dtype=numpy.uint64))
    for i in numpy.flatnonzero(space):
        ends[i] = "\n" in doc[int(i)].text
    bounds = [-1, *numpy.flatnonzero(ends).tolist(), len(doc)]
    for last, following in pairwise(bounds):
        for start in range(last + 1 + LONG_SENTENCE, following, LONG_SENTENCE):
            doc[start].is_sent_start = True
    return doc
