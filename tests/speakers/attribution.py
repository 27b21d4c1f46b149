"""Attributing hand-made candidates: the quotes step's output built by hand, so that a test
exercises the speakers step alone on the real spaCy parse."""

from __future__ import annotations

import re

from saidwhat.quotes.candidate import QuoteCandidate
from saidwhat.records import Article, Document
from saidwhat.speakers import attribute
from saidwhat.structure import structure_document


def occurrence(text: str, words: str, near: tuple[int, int]) -> tuple[int, int]:
    """The whole-word occurrence of ``words`` nearest to the span ``near``, outside it."""
    found = [
        m.span()
        for m in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", text)
        if not near[0] <= m.start() < near[1]
    ]
    assert found, words
    return min(found, key=lambda s: min(abs(s[0] - near[1]), abs(s[1] - near[0])))


def run(nlp, text: str, specs: list[tuple[str, str | None, str | None]]) -> Article:
    """Attribute hand-made candidates: (content, source, cue) substrings, in text order."""
    article = structure_document(Document(text=text, origin="test"))
    candidates = []
    position = 0
    for content, source, cue in specs:
        start = text.index(content, position)
        span = (start, start + len(content))
        position = start + 1
        quoted = content.startswith(('"', "\u201c"))
        candidates.append(
            QuoteCandidate(
                fragments=[span],
                type="direct" if quoted else "indirect",
                cue=occurrence(text, cue, span) if cue else None,
                source=occurrence(text, source, span) if source else None,
                score=0.9,
                evidence=["test candidate"],
            )
        )
    return attribute(nlp(text), article, candidates)


def speaker_names(article: Article) -> list[str | None]:
    return [(article.speaker(q.speaker_id).name if q.speaker_id else None) for q in article.quotes]
