"""The structure step: headline, kicker, key points, byline, dateline, body, credit, noise."""

from __future__ import annotations

import hashlib

from saidwhat.errors import InputError
from saidwhat.records import Article, Document, Section


def structure_document(document: Document) -> Article:
    """An Article with text and structure, no quotes yet. Raises InputError when empty."""
    text = document.text or ""
    if not text.strip():
        raise InputError(document.origin, "no article text")
    paragraphs = []
    pos = 0
    for block in text.split("\n\n"):
        start = pos + (len(block) - len(block.lstrip()))
        end = pos + len(block.rstrip())
        if end > start:
            paragraphs.append((start, end))
        pos += len(block) + 2
    article_id = document.id or document.url or hashlib.sha1(text.encode()).hexdigest()[:16]
    return Article(
        id=article_id,
        source=document.source,
        url=document.url,
        published=document.published,
        title=document.title,
        origin=document.origin,
        text=text,
        paragraphs=paragraphs,
        sections=[Section(kind="paragraph", start=s, end=e, text=text[s:e]) for s, e in paragraphs],
    )
