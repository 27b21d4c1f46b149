"""The filters every listing of quotes shares (search, export, a speaker's quotes): one record,
validated once, read by the CLI's options, the REST API's query parameters, the web page's
form and ``Corpus.search`` / ``Corpus.quotes`` alike.

A blank value (a form field left empty) filters nothing. Dates are YYYY, YYYY-MM or
YYYY-MM-DD and must exist on the calendar ("2026-02-30" is refused, not read as March 2);
``until`` includes every day its prefix covers ("2024-03" runs to March 31).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, get_args

from pydantic import Field, ValidationError, field_validator, model_validator

from saidwhat.errors import SaidwhatError
from saidwhat.lang.space import BLANK
from saidwhat.records import QuoteType, Record

_PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
FILTER_NAMES = ("speaker", "source", "since", "until", "type")

# What the published schema (REST API) says of a date and a type: exactly what is taken, so
# that a client (or Schemathesis) reading it never sends a value that is refused. A full date
# is JSON Schema's format "date" (a real day); a year from 0001, optionally with a month.
_BLANK = {"type": "string", "pattern": BLANK}
DATE_SCHEMA = {
    "anyOf": [
        {"type": "string", "format": "date"},
        {
            "type": "string",
            "pattern": r"^(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})(-(0[1-9]|1[0-2]))?$",
        },
        _BLANK,
        {"type": "null"},
    ]
}
TYPE_SCHEMA = {
    "anyOf": [{"type": "string", "enum": list(get_args(QuoteType))}, _BLANK, {"type": "null"}]
}


def check_partial_date(value: str) -> str:
    """``value`` if it is YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day."""
    match = _PARTIAL_DATE.fullmatch(value)
    if match is None:
        raise ValueError("not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        raise ValueError("no such date on the calendar") from None
    return value


class QuoteFilters(Record):
    """Which quotes a listing holds: by whom, where, when and of which type."""

    speaker: str | None = Field(
        None, max_length=200, description="a speaker's name, alias or id (any form of the name)"
    )
    source: str | None = Field(None, max_length=200, description="an outlet, as stored")
    since: str | None = Field(
        None, description="published on or after YYYY[-MM[-DD]]", json_schema_extra=DATE_SCHEMA
    )
    until: str | None = Field(
        None, description="published on or before YYYY[-MM[-DD]]", json_schema_extra=DATE_SCHEMA
    )
    type: QuoteType | None = Field(
        None, description="direct, mixed or indirect", json_schema_extra=TYPE_SCHEMA
    )

    @field_validator("speaker", "source", "since", "until", "type", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)  # a speaker's id
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    @field_validator("since", "until")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        return check_partial_date(value) if value is not None else None

    @model_validator(mode="after")
    def _ordered(self) -> QuoteFilters:
        if self.since and self.until and self.since[: len(self.until)] > self.until:
            raise ValueError(f"since {self.since} is after until {self.until}")
        return self

    @classmethod
    def of(cls, **values: Any) -> QuoteFilters:
        """The record from loose values (CLI options, keyword arguments); an invalid one is a
        one-line error naming the filter and the reason."""
        try:
            return cls(**values)
        except ValidationError as exc:
            raise SaidwhatError(one_line_reason(exc)) from None

    def active(self) -> dict[str, str]:
        """The filters in use, by name."""
        return {name: value for name, value in self.model_dump().items() if value}


def one_line_reason(exc: ValidationError) -> str:
    """'--since 2026-02-30: no such date on the calendar' from a validation error."""
    error = exc.errors()[0]
    field = ".".join(str(part) for part in error["loc"])
    reason = error["msg"].removeprefix("Value error, ")
    value = error.get("input")
    named = f"{field} {value}" if field and isinstance(value, str) else field or "filters"
    return f"{named}: {reason}"
