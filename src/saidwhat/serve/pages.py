"""The web pages: server-rendered, readable without JavaScript, not part of the API schema."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from saidwhat.errors import InputError
from saidwhat.records import Article
from saidwhat.serve.api import MAX_ID, found, linked_article
from saidwhat.serve.extracting import extract_article, extract_url
from saidwhat.serve.highlight import blocks, quote_views
from saidwhat.serve.querying import (
    SearchQuery,
    corpus,
    decode_cursor,
    encode_cursor,
    search_page,
)
from saidwhat.serve.render import page, unquoted
from saidwhat.serve.timeline import weekly
from saidwhat.store import Corpus
from saidwhat.store.align import shorten_context
from saidwhat.store.models import VERDICTS, ArticleLinks, QuoteHit
from saidwhat.store.people import find_people
from saidwhat.store.search import COUNT_CAP, snippet_parts

PAGE_SIZE = 20
FACET_SAMPLE = 200  # facet counts are taken over the best hits, not the whole corpus
FACET_TOP = 8

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Store = Annotated[Corpus, Depends(corpus)]


def facets(hits: list[QuoteHit]) -> dict[str, list[tuple[str, str, int]]]:
    """(filter value, label, count) of the most frequent speakers, outlets and quote types
    among the hits; a speaker is filtered by id, so that namesakes never mix."""
    count = {
        "speaker": Counter((str(h.speaker_id), h.speaker) for h in hits if h.speaker),
        "source": Counter((h.source, h.source) for h in hits if h.source),
        "type": Counter((h.type, h.type) for h in hits),
    }
    return {
        name: [(value, label, n) for (value, label), n in counter.most_common(FACET_TOP)]
        for name, counter in count.items()
    }


def speaker_name(store: Corpus, query: SearchQuery) -> str | None:
    """The name of the speaker a search filters by id (a facet link), to show instead of it."""
    if not (query.speaker and query.speaker.isdigit()):
        return None
    profile = store.speaker(query.speaker, recent=0)
    return profile.name if profile else None


def active_filters(query: SearchQuery, speaker: str | None) -> list[tuple[str, str]]:
    """(parameter, label) of each filter in use; a speaker id is shown as the name."""
    active = list(query.filters().active().items())
    return [(name, speaker if name == "speaker" and speaker else value) for name, value in active]


def link(request: Request, path: str | None = None, **changes: str | None) -> str:
    """This page's URL (relative; or ``path`` with this page's question) with some parameters
    set or removed (None), empty ones dropped, and always back to the first page."""
    kept = [
        (k, v)
        for k, v in request.query_params.multi_items()
        if v and k != "cursor" and k not in changes
    ]
    kept += [(k, v) for k, v in changes.items() if v]
    path = path or request.url.path
    return f"{path}?{urlencode(kept)}" if kept else path


ORDERS = [("relevance", "best match"), ("newest", "newest first"), ("oldest", "oldest first")]


def orders(request: Request, query: SearchQuery) -> list[tuple[str, str | None]]:
    """(label, link) of each order the results can take; the one shown has no link. Without
    words there is no best match: newest first is the default."""
    default = "relevance" if query.text.strip() else "newest"
    current = default if query.sort == "relevance" else query.sort
    return [
        (
            label,
            None if value == current else link(request, sort=None if value == default else value),
        )
        for value, label in ORDERS
        if value != "relevance" or default == "relevance"
    ]


@router.get("/")
def search(
    request: Request,
    store: Store,
    query: Annotated[SearchQuery, Query()],
    cursor: Annotated[str | None, Query(max_length=100)] = None,
) -> HTMLResponse:
    wanted = query.filters()
    sample = store.search(query.text, filters=wanted, limit=FACET_SAMPLE, sort=query.sort)
    offset = decode_cursor(cursor)
    if offset + PAGE_SIZE < len(sample) or len(sample) < FACET_SAMPLE:  # the page is in it
        hits = sample[offset : offset + PAGE_SIZE]
        more = offset + PAGE_SIZE < len(sample)
        next_cursor = encode_cursor(offset + PAGE_SIZE) if more else None
    else:
        hits, next_cursor = search_page(store, query, PAGE_SIZE, cursor)
    previous = encode_cursor(offset - PAGE_SIZE) if offset > PAGE_SIZE else None
    name = speaker_name(store, query)
    first_page = query.text.strip() and not offset
    return page(
        request,
        "search.html",
        query=query,
        total=store.count(query.text, filters=wanted),
        count_cap=COUNT_CAP,
        speakers_named=store.speakers_named(query.text) if first_page else [],
        headlines=store.headlines(query.text) if first_page else [],
        download=lambda fmt: link(request, "/api/quotes/download", format=fmt),
        orders=orders(request, query),
        hits=[(hit, snippet_parts(unquoted(hit.snippet))) for hit in hits],
        first_number=offset + 1,
        facets=facets(sample),
        sampled=FACET_SAMPLE if len(sample) == FACET_SAMPLE else None,
        next_url=link(request, cursor=next_cursor) if next_cursor else None,
        previous_url=link(request, cursor=previous) if offset else None,
        link=lambda **changes: link(request, **changes),
        overview=request.app.state.overview.get(),
        speaker_name=name,
        active=active_filters(query, name),
    )


@router.get("/speakers")
def speakers(request: Request) -> HTMLResponse:
    return page(request, "speakers.html", speakers=request.app.state.overview.get().top_speakers)


@router.get("/speakers/{speaker}")
def speaker(
    request: Request, store: Store, speaker: Annotated[str, Path(max_length=200)]
) -> HTMLResponse:
    profile = found(store.speaker(speaker, recent=20), f"speaker: {speaker}")
    weeks = ((w.week, w.quotes) for w in store.timeline(profile.id))
    return page(request, "speaker.html", profile=profile, chart=weekly(weeks))


def article_context(
    article: Article, links: ArticleLinks | None = None, speaker_urls: dict[str, str] | None = None
) -> dict[str, Any]:
    """What _article.html needs: the quotes with their speakers (linked into the corpus: by
    the ``links`` of a stored article, by ``speaker_urls`` for a pasted one) and the cut-up
    text."""
    views = quote_views(article, links, speaker_urls)
    return {"article": article, "views": views, "blocks": blocks(article, views)}


def corpus_speakers(store: Corpus, article: Article) -> dict[str, str]:
    """Where each speaker of a pasted article is in the corpus: the profile of the one person
    the name matches, the quotes of all of them when it matches several, and no link at all
    when it matches nobody."""
    urls = {}
    for speaker in article.speakers:
        people = find_people(store.conn, speaker.name)
        if len(people) == 1:
            urls[speaker.id] = f"/speakers/{people[0]}"
        elif people:
            urls[speaker.id] = "/?" + urlencode({"speaker": speaker.name})
    return urls


@router.get("/articles/{article_id:path}")
def article(request: Request, store: Store, article_id: str) -> HTMLResponse:
    record = linked_article(store, article_id)
    return page(request, "article.html", **article_context(record, record))


@router.get("/clusters/{cluster_id}")
def cluster(
    request: Request, store: Store, cluster_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> HTMLResponse:
    found_cluster = found(store.cluster(cluster_id), f"quote cluster {cluster_id}")
    return page(request, "cluster.html", cluster=found_cluster)


@router.get("/check")
def check(
    request: Request,
    store: Store,
    text: Annotated[str, Query(max_length=2000)] = "",
    speaker: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    report = store.check(text, speaker=speaker.strip() or None, limit=10) if text.strip() else None
    return page(
        request,
        "check.html",
        text=text,
        speaker=speaker,
        report=report,
        verdicts=VERDICTS,
        shorten=shorten_context,
    )


@router.get("/paste")
def paste_form(request: Request) -> HTMLResponse:
    return page(request, "paste.html", text="", url="", error=None, article=None)


async def _read_pasted(request: Request, text: str, url: str) -> Article:
    """Extract the pasted text; fetch the URL only when the user gave a URL and no text."""
    if text.strip():
        return await extract_article(request, text, url=url or None)
    if url:
        return await extract_url(request, url)
    raise InputError("form", "paste an article's text or give its URL")


def _pasted_context(store: Corpus, article: Article) -> dict[str, Any]:
    return article_context(article, speaker_urls=corpus_speakers(store, article))


@router.post("/paste")
async def paste(request: Request, store: Store) -> HTMLResponse:
    form = parse_qs((await request.body()).decode("utf-8", errors="replace"))
    text, url = form.get("text", [""])[0], form.get("url", [""])[0].strip()
    context = {"text": text, "url": url, "error": None, "article": None}
    try:
        article = await _read_pasted(request, text, url)
    except InputError as exc:
        return page(request, "paste.html", 422, **{**context, "error": str(exc)})
    except HTTPException as exc:  # the extraction pool is full or over time: keep the paste
        answer = page(request, "paste.html", exc.status_code, **{**context, "error": exc.detail})
        answer.headers.update(exc.headers or {})
        return answer
    result = await run_in_threadpool(_pasted_context, store, article)
    return page(request, "paste.html", **{**context, **result})


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    """The API reference from the OpenAPI schema (Swagger UI would need a CDN and inline JS)."""
    schema = request.app.openapi()
    operations = [
        (method.upper(), path, operation, _model(operation.get("requestBody", {})),
         _model(operation["responses"].get("200") or operation["responses"].get("201") or {}))
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]  # fmt: skip
    return page(request, "docs.html", schema=schema, operations=operations)


def _model(part: dict[str, Any]) -> str | None:
    """The name of the JSON model a request body or response refers to (``list[X]`` for arrays)."""
    body = part.get("content", {}).get("application/json", {}).get("schema", {})
    if body.get("type") == "array":
        return f"list[{_model({'content': {'application/json': {'schema': body['items']}}})}]"
    ref = body.get("$ref")
    return ref.rsplit("/", 1)[-1] if ref else None
