"""The one write endpoint: store an article sent to the server. Off unless the server was
started with SAIDWHAT_TOKEN set; then every call must carry ``Authorization: Bearer TOKEN``.
Reading never needs the token, and the read side keeps its read-only connection."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from fastapi.concurrency import run_in_threadpool

from saidwhat.records import Article
from saidwhat.serve.extracting import extract_article
from saidwhat.serve.models import EXTRACTION_ERRORS, ExtractRequest, error_responses
from saidwhat.serve.strict import known_parameters
from saidwhat.store import Corpus

router = APIRouter(
    prefix="/api",
    tags=["api"],
    responses=error_responses(401, 403) | EXTRACTION_ERRORS,
    dependencies=[Depends(known_parameters)],
)


def writer(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer SAIDWHAT_TOKEN")] = None,
) -> Corpus:
    """The writable corpus, for a caller that presents the server's token."""
    token, corpus = request.app.state.token, request.app.state.writer
    if not token or corpus is None:
        raise HTTPException(403, "storing articles is off on this server (set SAIDWHAT_TOKEN)")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(
            401,
            "a valid 'Authorization: Bearer <token>' header is required",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return corpus


@router.post(
    "/articles",
    response_model=Article,
    status_code=201,
    summary="Extract an article and add it to the corpus (needs the server's token)",
)
async def store_article(
    request: Request, body: ExtractRequest, corpus: Annotated[Corpus, Depends(writer)]
) -> Article:
    """Like /api/extract, and the result is stored: an article with the same id (given id,
    else URL, else text hash) is replaced. Only when the server runs with SAIDWHAT_TOKEN."""
    article = await extract_article(request, **body.model_dump())
    await run_in_threadpool(corpus.add, [article], force=True)
    return article
