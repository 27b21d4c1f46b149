"""Request and response models of the REST API that are not records of the data contract or
views of the store."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from saidwhat.lang.dates import normalise_published
from saidwhat.lang.space import SPACE_CLASS
from saidwhat.store.models import QuoteHit

# Patterns published in the schema and checked by the validators below, spelled without \s,
# \S and \d, which Python's regexes and the schema's (ECMA 262) read differently.
# An article's URL: http or https (any case) and a host; no space or control character. It is
# kept as a link and shown on pages, so ``javascript:`` and ``data:`` are refused at the edge.
WEB_URL = re.compile(r"^[hH][tT][tT][pP][sS]?://[^\x00-\x20\x7f/?#]+([/?#][^\x00-\x20\x7f]*)?$")
# Some text: one character that is neither white space nor a byte-order mark (a schema
# pattern is not anchored: one such character anywhere).
NOT_BLANK = re.compile(f"[^{SPACE_CLASS}\\ufeff]")
# The published schema of a date: the ISO 8601 forms (the validator also takes the others
# saidwhat reads in corpora).
DATE_SCHEMA = {
    "anyOf": [
        {"type": "string", "format": "date"},
        {"type": "string", "format": "date-time"},
        {"type": "null"},
    ]
}


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

    # Patterns and formats are published in the schema; the validators below check them with
    # messages that say what to send.
    text: str = Field(
        description="the article as plain text or as an HTML page (not blank)",
        json_schema_extra={"pattern": NOT_BLANK.pattern},
    )
    id: str | None = Field(None, description="its id in a corpus (else URL, else text hash)")
    url: str | None = Field(
        None,
        description="where it was published: an http(s) URL (not fetched)",
        json_schema_extra={
            "anyOf": [{"type": "string", "pattern": WEB_URL.pattern}, {"type": "null"}]
        },
    )
    title: str | None = None
    published: str | None = Field(
        None,
        description="when: an ISO 8601 date or date-time; the other forms saidwhat reads in"
        " corpora ('March 3, 2026', RFC 2822) are taken too",
        json_schema_extra=DATE_SCHEMA,
    )
    source: str | None = Field(None, description="outlet, e.g. 'AP' or a domain")

    @field_validator("*")
    @classmethod
    def only_text(cls, value: Any) -> Any:
        """A lone surrogate (JSON's "\\ud800" alone) is no character: it cannot be stored or
        sent back (that was a 500), so it is refused here."""
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise ValueError(
                    f"a lone surrogate (U+{ord(value[exc.start]):04X}) at character"
                    f" {exc.start} is not text; send the text as UTF-8"
                ) from None
        return value

    @field_validator("text")
    @classmethod
    def not_blank(cls, value: str) -> str:
        if not NOT_BLANK.search(value):
            raise ValueError("is blank: send the article's text or HTML")
        return value

    @field_validator("url")
    @classmethod
    def web_url(cls, value: str | None) -> str | None:
        if value is not None and not WEB_URL.match(value):
            raise ValueError(
                f"{value[:60]!r} is not an http(s) URL (only http:// and https:// links are"
                " kept, with a host and no spaces or control characters)"
            )
        return value

    @field_validator("published")
    @classmethod
    def real_date(cls, value: str | None) -> str | None:
        if value is not None and normalise_published(value) is None:
            raise ValueError(
                f"{value[:40]!r} is not a date (give an ISO 8601 date such as 2026-03-03)"
            )
        return value
