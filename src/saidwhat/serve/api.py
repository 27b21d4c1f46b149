"""The REST API under /api: typed answers from the data contract (saidwhat.records) and the
store's views (saidwhat.store.models). Every error is ``{"error": "..."}``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse

from saidwhat.records import Article
from saidwhat.serve.extracting import extract_article
from saidwhat.serve.models import EXTRACTION_ERRORS, ExtractRequest, QuotePage, error_responses
from saidwhat.serve.querying import CURSOR, MAX_LIMIT, MAX_OFFSET, SearchQuery, corpus, search_page
from saidwhat.serve.strict import known_parameters
from saidwhat.store import Corpus
from saidwhat.store.export import text_lines
from saidwhat.store.models import (
    ArticleLinks,
    CheckReport,
    Cluster,
    CorpusStats,
    LinkedArticle,
    Occurrence,
    SpeakerProfile,
    SpeakerSummary,
    WeekCount,
)
from saidwhat.store.people import find_people

ERRORS = error_responses(400, 404, 413, 422)
MAX_ID = 2**63 - 1  # SQLite's integer range
MAX_DOWNLOAD = MAX_OFFSET  # quotes in a download of a search with words: as deep as pages go
Download = Literal["csv", "json"]
DOWNLOADS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
T = TypeVar("T")

router = APIRouter(
    prefix="/api", tags=["api"], responses=ERRORS, dependencies=[Depends(known_parameters)]
)
Store = Annotated[Corpus, Depends(corpus)]


def found(value: T | None, what: str) -> T:
    """The value, or a 404 naming what was not found."""
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


@router.get("/quotes", response_model=QuotePage, summary="Search quotes")
def search_quotes(
    store: Store,
    query: Annotated[SearchQuery, Query()],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="hits per page")] = 20,
    cursor: Annotated[
        str | None,
        Query(
            max_length=100,
            description="from next_cursor",
            json_schema_extra={"pattern": CURSOR.pattern},
        ),
    ] = None,
) -> QuotePage:
    """Full-text search with the filters of `saidwhat search`, best first or by date; empty
    text lists the newest quotes. Matching words are wrapped in [ and ] in each hit's
    snippet. A `since` after `until` is a 422 (a rule between two parameters, which the
    schema of each cannot state)."""
    hits, next_cursor = search_page(store, query, limit, cursor)
    return QuotePage(items=hits, next_cursor=next_cursor)


@router.get(
    "/quotes/download",
    summary="Download quotes as CSV or JSON",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {media: {} for media in DOWNLOADS.values()},
            "description": "a file",
            "headers": {
                "Saidwhat-Truncated": {
                    "description": "set to the number of quotes in the file when a search with"
                    " words found more than those 10,000",
                    "schema": {"type": "string"},
                }
            },
        }
    },
)
def download_quotes(
    store: Store,
    query: Annotated[SearchQuery, Query()],
    format: Annotated[Download, Query(description="csv, or json (one array)")] = "csv",
) -> StreamingResponse:
    """The quotes a search finds, as a file with the fields of an occurrence: the words,
    filters and order of /api/quotes. Without words every matching quote (by date, streamed);
    with words the first 10,000, and then the header Saidwhat-Truncated says that more matched
    (a file alone cannot say it was cut)."""
    wanted = query.filters()
    headers = {"Content-Disposition": f'attachment; filename="saidwhat-quotes.{format}"'}
    rows: Iterable[Occurrence]
    if query.text.strip():  # one more than fits: whether there were more
        found = store.search(query.text, filters=wanted, limit=MAX_DOWNLOAD + 1, sort=query.sort)
        if len(found) > MAX_DOWNLOAD:
            headers["Saidwhat-Truncated"] = str(MAX_DOWNLOAD)
        rows = found[:MAX_DOWNLOAD]
    else:
        rows = store.quotes(filters=wanted, newest=query.sort != "oldest")
    return StreamingResponse(
        text_lines(rows, Occurrence, format), media_type=DOWNLOADS[format], headers=headers
    )


@router.get("/clusters/{cluster_id}", response_model=Cluster, summary="One quote everywhere")
def get_cluster(
    store: Store, cluster_id: Annotated[int, Path(ge=1, le=MAX_ID, description="from a hit")]
) -> Cluster:
    """Every occurrence of one quote across outlets, oldest first, and where it appeared first."""
    return found(store.cluster(cluster_id), f"quote cluster {cluster_id}")


@router.get("/speakers", response_model=list[SpeakerSummary], summary="Most-quoted speakers")
def list_speakers(
    store: Store, top: Annotated[int, Query(ge=1, le=1000, description="how many")] = 50
) -> list[SpeakerSummary]:
    return store.speakers(top=top)


@router.get("/speakers/{speaker}", response_model=SpeakerProfile, summary="A speaker's profile")
def get_speaker(
    store: Store,
    speaker: Annotated[str, Path(max_length=200, description="name, alias or id")],
    recent: Annotated[int, Query(ge=0, le=100, description="latest quotes to include")] = 10,
) -> SpeakerProfile:
    """Aliases, titles and affiliations (with when seen), outlets, first/last seen, and the
    latest quotes."""
    return found(store.speaker(speaker, recent=recent), f"speaker: {speaker}")


@router.get(
    "/speakers/{speaker}/timeline", response_model=list[WeekCount], summary="Quotes per week"
)
def get_timeline(
    store: Store, speaker: Annotated[str, Path(max_length=200, description="name, alias or id")]
) -> list[WeekCount]:
    """The speaker's dated quotes per week (the week's Monday), oldest first; weeks without
    quotes are left out."""
    people = found(find_people(store.conn, speaker) or None, f"speaker: {speaker}")
    return store.timeline(people[0])  # by id: no profile is built just to know they exist


@router.get("/articles/{article_id:path}", response_model=LinkedArticle, summary="One article")
def get_article(
    store: Store, article_id: Annotated[str, Path(description="its id (may be a URL)")]
) -> LinkedArticle:
    """The stored article: text, structure, every quote and every speaker; ``people`` gives
    each speaker's corpus-wide id (as in /api/speakers/{id}) and ``clusters`` each quote's
    cluster (as in /api/clusters/{id}) with how often and where first it was printed."""
    return linked_article(store, article_id)


def linked_article(store: Corpus, article_id: str) -> LinkedArticle:
    """The stored article with its links into the corpus; 404 when there is no such article."""
    record = found(store.article(article_id), f"article: {article_id}")
    links = store.article_links(article_id) or ArticleLinks()
    return LinkedArticle(**dict(record), **dict(links))


@router.get("/check", response_model=CheckReport, summary="Did X really say Y?")
def check(
    store: Store,
    text: Annotated[str, Query(min_length=1, max_length=2000, description="the words to check")],
    speaker: Annotated[
        str | None, Query(max_length=200, description="did this speaker say it? name, alias or id")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=50, description="closest matches to return")] = 5,
) -> CheckReport:
    """The verdict on the words — verbatim, verbatim_part, altered, contradicts, reported_only,
    similar_topic or not_found — with its evidence: the closest real quotes, each aligned word
    by word with the claim (``alignment``) and the changes of meaning named (``changes``), who
    said it and where and when it appeared first. With ``speaker``: ``best`` is the best match
    by that speaker, ``others`` the best by anyone else."""
    return store.check(text, speaker=speaker or None, limit=limit)


@router.get("/stats", response_model=CorpusStats, summary="Size of the corpus")
def stats(store: Store) -> CorpusStats:
    return store.stats()


@router.post(
    "/extract",
    response_model=Article,
    summary="Extract the quotes of an article",
    responses=EXTRACTION_ERRORS,
)
async def extract(request: Request, body: ExtractRequest) -> Article:
    """Every quotation of the text (or HTML page) and its speaker. Nothing is stored.
    Extraction runs in a bounded pool of worker processes: 429 (with Retry-After) when it is
    full, 504 when the article takes longer than the server's time limit."""
    return await extract_article(request, **body.model_dump())
