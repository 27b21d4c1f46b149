"""The read step: inputs (paths, directories, URLs, '-') to a stream of Documents, with a
Skipped record (origin + one-line reason) for every input that cannot be used.

Streaming: one article (or one corpus record) at a time, never a whole corpus in memory.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from saidwhat.errors import InputError
from saidwhat.read.decode import (
    MAX_ARTICLE_BYTES,
    decode_bytes,
    html_charset,
    normalise_text,
    size_reason,
)
from saidwhat.read.files import ARTICLE_SUFFIXES, iter_path
from saidwhat.read.html import document_from_html, document_from_text, looks_like_html
from saidwhat.read.url import USER_AGENT, fetch_document, is_url
from saidwhat.records import Document, Skipped

STDIN = "-"


def iter_documents(inputs: Iterable[str]) -> Iterator[Document | Skipped]:
    """Documents (or Skipped) from each input in order: '-' is stdin, http(s) a URL, else a
    file or directory path."""
    for value in inputs:
        if value == STDIN:
            yield _guard(read_stdin, STDIN)
        elif is_url(value):
            yield _guard(fetch_document, value)
        else:
            yield from iter_path(Path(value))


def read_stdin(_: str = STDIN) -> Document:
    """One article from standard input (text or HTML, any supported encoding)."""
    data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(STDIN, size_reason())
    return document_from_text(decode_bytes(data, STDIN, declared=html_charset(data)), STDIN)


def _guard(read: Callable[[str], Document], value: str) -> Document | Skipped:
    try:
        return read(value)
    except InputError as exc:
        return Skipped(origin=exc.origin, reason=exc.reason)


__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_ARTICLE_BYTES",
    "STDIN",
    "USER_AGENT",
    "document_from_html",
    "iter_documents",
    "looks_like_html",
    "normalise_text",
]
