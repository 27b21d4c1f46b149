"""The app factory: one FastAPI app over one corpus file, opened read-only."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from saidwhat.about import __version__
from saidwhat.read.url import AddressGuard, IPNetwork
from saidwhat.serve import api, errors, pages, sources, writing
from saidwhat.serve.head import HeadAsGet
from saidwhat.serve.querying import Cached, Overview
from saidwhat.serve.render import STATIC
from saidwhat.serve.security import BodyLimit, SecurityHeaders
from saidwhat.serve.workers import ExtractionPool
from saidwhat.store import Corpus

MAX_BODY = 1_000_000  # bytes of a request body (a pasted article); larger is a 413

DESCRIPTION = """Who said what in the news: search the quotations of a corpus, follow a quote
across outlets, look up a speaker, check whether anyone really said something, or extract the
quotes of an article you send. Errors are `{"error": "..."}` with the HTTP status."""


def create_app(
    db: str | Path,
    *,
    token: str | None = None,
    allow_private_urls: Iterable[IPNetwork] = (),
    extraction: ExtractionPool | None = None,
) -> FastAPI:
    """The API and the pages over the corpus at ``db``, opened read-only (SQLite mode=ro):
    a missing or foreign file raises SaidwhatError here, not at the first request. With a
    ``token``, POST /api/articles may also store articles (a second, writable connection).
    A URL given on the paste page is fetched only from a public address, or from one in
    ``allow_private_urls`` (networks the operator trusts, e.g. an intranet). Extractions run
    in ``extraction`` (by default a pool with one worker process per core, started as
    needed), whose processes stop with the app."""
    pool = extraction or ExtractionPool()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="saidwhat",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # /docs is our own page: Swagger UI would need a CDN and inline script
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.extraction = pool
    corpus = app.state.corpus = Corpus(db, readonly=True)
    app.state.token = token or None
    app.state.writer = Corpus(db) if token else None
    app.state.url_guard = AddressGuard(allow_private_urls)
    app.state.overview = Cached(lambda: Overview(corpus.stats(), corpus.speakers(top=500)))
    app.add_middleware(BodyLimit, limit=MAX_BODY)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    errors.install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(sources.api)
    app.include_router(writing.router, include_in_schema=bool(token))  # else always a 403
    app.include_router(pages.router)
    app.include_router(sources.pages)
    return app
