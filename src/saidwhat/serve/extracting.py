"""Extraction on the spot for the API and the paste page, in the app's pool of worker
processes (saidwhat.serve.workers): the request waits without holding the server."""

from __future__ import annotations

from fastapi import Request
from fastapi.concurrency import run_in_threadpool

from saidwhat.errors import InputError
from saidwhat.pipeline import text_document
from saidwhat.read.url import fetch_document
from saidwhat.records import Article, Document, Skipped


async def extract_document(request: Request, document: Document) -> Article:
    """The Article record of a document; raises InputError when it holds none."""
    result: Article | Skipped = await request.app.state.extraction.extract(document)
    if isinstance(result, Skipped):
        raise InputError(result.origin, result.reason)
    return result


async def extract_article(request: Request, text: str, **metadata: str | None) -> Article:
    """The Article record of a pasted text or HTML page; raises InputError when there is none."""
    return await extract_document(request, text_document(text, **metadata))


async def extract_url(request: Request, url: str) -> Article:
    """Fetch the page a visitor asked for (the only network use) and extract it; the app's
    URL guard keeps the fetch off the server's own network."""
    document = await run_in_threadpool(fetch_document, url, guard=request.app.state.url_guard)
    return await extract_document(request, document)
