"""The noun chunks that may name a body ("the Harbor Authority", "the Clinton campaign"),
read by the roster without the walk over every token that ``doc.noun_chunks`` makes."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

import numpy
from spacy import symbols
from spacy.attrs import LEMMA, POS, SENT_START
from spacy.tokens import Doc, Span

from saidwhat.lang import words as lx


def body_head_chunks(doc: Doc) -> Iterator[Span]:
    """The noun chunks of the sentences where a proper noun comes before a noun whose lemma
    is a body's head word ("the Harbor Authority"): all those the roster may read (a chunk
    lies within its sentence), without the walk over every token of the doc that
    ``doc.noun_chunks`` makes (and ``Span.noun_chunks`` too, for each span: the language's
    chunker is called on runs of those sentences)."""
    if not len(doc):
        return
    pos, lemma, starts = doc.to_array([POS, LEMMA, SENT_START]).T
    strings = doc.vocab.strings
    nouns = numpy.unique(lemma[pos == symbols.NOUN]).tolist()
    heads = [h for h in nouns if strings[h].lower() in lx.ORG_HEADS]
    if not heads:
        return
    bounds = [0, *(i for i in numpy.flatnonzero(starts == 1).tolist() if i > 0), len(doc)]
    proper = [0, *numpy.cumsum(pos == symbols.PROPN).tolist()]  # proper nouns before each token
    kept = set()
    for i in numpy.flatnonzero((pos == symbols.NOUN) & numpy.isin(lemma, heads)).tolist():
        n = bisect_right(bounds, i) - 1
        if proper[i] > proper[bounds[n]]:
            kept.add(n)
    chunks = doc.noun_chunks_iterator  # the language's, as doc.noun_chunks reads it
    if chunks is None:
        yield from doc.noun_chunks  # (which says that the language has none)
        return
    runs: list[list[int]] = []  # [first, last] sentence of each run of kept sentences
    for n in sorted(kept):
        if runs and runs[-1][1] == n - 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    for first, last in runs:
        for start, end, label in chunks(doc[bounds[first] : bounds[last + 1]]):
            yield Span(doc, start, end, label=label)
