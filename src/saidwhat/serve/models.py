"""Request and response models of the REST API that are not records of the data contract or
views of the store."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from saidwhat.store.models import QuoteHit


class ErrorMessage(BaseModel):
    """Every error response: one line saying what was wrong."""

    error: str = Field(examples=["query.limit: Input should be less than or equal to 100"])


def error_responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """The OpenAPI ``responses`` of an operation that may answer these error statuses."""
    return {status: {"model": ErrorMessage} for status in statuses}


# What an extraction may answer besides 200: a body that is not JSON (400), too large (413),
# not an article (422), the worker pool full (429), a worker lost (503), over time (504).
EXTRACTION_ERRORS = error_responses(400, 413, 422, 429, 503, 504)


class QuotePage(BaseModel):
    """One page of search results; pass ``next_cursor`` as ``cursor`` for the next page."""

    items: list[QuoteHit]
    next_cursor: str | None = Field(None, description="absent on the last page")


class ExtractRequest(BaseModel):
    """An article to read: its text or HTML, and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the article as plain text or as an HTML page")
    id: str | None = Field(None, description="its id in a corpus (else URL, else text hash)")
    url: str | None = Field(None, description="where it was published (not fetched)")
    title: str | None = None
    published: str | None = Field(None, description="ISO 8601 date, as given")
    source: str | None = Field(None, description="outlet, e.g. 'AP' or a domain")
