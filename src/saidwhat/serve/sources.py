"""Who gets a voice, on the web: the sourcing report as JSON and CSV (``/api/report``), the
response network (``/api/network``), and the pages that draw them (``/sources``, ``/network``)
with the filters search has (one ``QuoteFilters`` record)."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ConfigDict, Field, model_validator

from saidwhat.lang.roles import ROLE_NAMES
from saidwhat.serve.charts import lines, network, stacked
from saidwhat.serve.models import ErrorMessage
from saidwhat.serve.querying import corpus
from saidwhat.serve.render import page
from saidwhat.serve.strict import known_parameters
from saidwhat.store import Corpus, QuoteFilters
from saidwhat.store.models import NetworkEdge
from saidwhat.store.report import (
    LABELS,
    SOURCE_DIMENSIONS,
    By,
    Dimension,
    Measure,
    SourcingReport,
    chart_table,
    flat,
)

# like the rest of the API: an unknown query parameter, or a value the schema refuses, is a 422
api = APIRouter(
    prefix="/api",
    tags=["api"],
    responses={422: {"model": ErrorMessage}},
    dependencies=[Depends(known_parameters)],
)
pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Store = Annotated[Corpus, Depends(corpus)]
NetworkKind = Annotated[
    Literal["answer", "co-quoted"], Query(description="answers, or co-quotation")
]
LABEL_NAMES = {"role": ROLE_NAMES, "anonymity": {}, "gender": {}, "type": {}}


class ReportQuery(QuoteFilters):
    """The report's question as query parameters: the filters of search and how to group."""

    model_config = ConfigDict(extra="ignore")  # a page's own parameters pass by

    by: By = Field("outlet", description="outlet, month or both")

    def filters(self) -> QuoteFilters:
        return QuoteFilters(**self.model_dump(include=set(QuoteFilters.model_fields)))


class ChartQuery(ReportQuery):
    """A chart's question: the report's, and what to count by which label."""

    measure: Measure = Field("sources", description="quotes, or sources (speakers of articles)")
    dimension: Dimension = Field(
        "gender", description="anonymity, role, gender or type (type only with quotes: a 422)"
    )

    @model_validator(mode="after")
    def _counted(self) -> ChartQuery:
        if self.measure == "sources" and self.dimension not in SOURCE_DIMENSIONS:
            raise ValueError("sources are counted by anonymity, role or gender (type: quotes)")
        return self


class NetworkQuery(QuoteFilters):
    """Whose answers to draw: the quotes of a search (words and filters) or of the filters."""

    model_config = ConfigDict(extra="ignore")

    text: str = Field("", max_length=500, description="words, as search reads them")

    def filters(self) -> QuoteFilters:
        return QuoteFilters(**self.model_dump(include=set(QuoteFilters.model_fields)))


def _csv(columns: list[str], rows: list[dict[str, object]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _file(body: str, name: str, media: str) -> Response:
    return Response(
        body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@api.get("/report", response_model=SourcingReport, summary="Who gets a voice")
def get_report(store: Store, query: Annotated[ReportQuery, Query()]) -> SourcingReport:
    """Articles, quotes, sources (speakers of articles) and distinct speakers per outlet,
    month or both, with the count and share of quotes and sources by anonymity, role,
    gender (as the articles refer to them) and quote type, and the most quoted speakers."""
    return store.report(query.by, filters=query.filters())


@api.get(
    "/report/download",
    summary="The report, or one chart's numbers, as CSV",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "a CSV file"}},
)
def download_report(
    store: Store,
    query: Annotated[ChartQuery, Query()],
    chart: Annotated[bool, Query(description="only the chart's measure and dimension")] = False,
) -> Response:
    """The whole report as one wide CSV (a row per group and the total), or with
    ``chart=true`` the numbers of one chart: the measure by the dimension per group."""
    found = store.report(query.by, filters=query.filters())
    if chart:
        columns, rows = chart_table(found, query.measure, query.dimension)
        name = f"saidwhat-{query.measure}-by-{query.dimension}-per-{query.by}.csv"
    else:
        columns, rows = flat(found)
        name = f"saidwhat-report-by-{query.by}.csv"
    return _file(_csv(columns, rows), name, "text/csv; charset=utf-8")


@api.get("/network", response_model=list[NetworkEdge], summary="Who answers whom")
def get_network(
    store: Store, query: Annotated[NetworkQuery, Query()], kind: NetworkKind = "answer"
) -> list[NetworkEdge]:
    """The speaker network of a search (its first 10,000 hits) or of the filters: who
    answers whom (weight: answering quotes), or who is quoted with whom (weight: articles;
    named people and bodies; words are not read)."""
    return store.network(kind=kind, text=query.text, filters=query.filters())


@api.get(
    "/network/download",
    summary="Who answers whom, as CSV",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "a CSV file"}},
)
def download_network(
    store: Store, query: Annotated[NetworkQuery, Query()], kind: NetworkKind = "answer"
) -> Response:
    """The edges of /api/network as a CSV file."""
    edges = store.network(kind=kind, text=query.text, filters=query.filters())
    columns = list(NetworkEdge.model_fields)
    return _file(_csv(columns, [e.model_dump() for e in edges]),
                 f"saidwhat-network-{kind}.csv", "text/csv; charset=utf-8")  # fmt: skip


def _labels(dimension: str) -> list[tuple[int, str, str]]:
    """(colour, label, label as shown) of a dimension's labels."""
    names = LABEL_NAMES[dimension]
    return [(i, label, names.get(label, label)) for i, label in enumerate(LABELS[dimension])]


@pages.get("/sources")
def sources_page(
    request: Request, store: Store, query: Annotated[ChartQuery, Query()]
) -> HTMLResponse:
    filters = query.filters()
    by_outlet = store.report("outlet", filters=filters)
    by_month = store.report("month", filters=filters)
    return page(
        request,
        "sources.html",
        query=query,
        total=by_outlet.total,
        bars=stacked(by_outlet.rows, query.measure, query.dimension),
        outlet_table=chart_table(by_outlet, query.measure, query.dimension),
        trend=lines(by_month.rows, query.measure, query.dimension),
        month_table=chart_table(by_month, query.measure, query.dimension),
        labels=_labels(query.dimension),
        params=_params(request),
        filter_params=_params(request, QuoteFilters.model_fields),
    )


@pages.get("/network")
def network_page(
    request: Request, store: Store, query: Annotated[NetworkQuery, Query()]
) -> HTMLResponse:
    edges = store.network(text=query.text, filters=query.filters())
    return page(
        request,
        "network.html",
        query=query,
        edges=edges,
        drawing=network(edges),
        params=_params(request),
    )


def _params(request: Request, only: object = None) -> str:
    """This page's question as a query string (of the filters alone, with ``only``)."""
    kept = [
        (k, v) for k, v in request.query_params.multi_items() if v and (only is None or k in only)
    ]
    return urlencode(kept)
