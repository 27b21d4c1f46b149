"""Bad input is refused at the edge with a clear 422 (never a 500, never stored silently), and
the server shows nothing it should not: the shared read-only server over HTTP."""

from __future__ import annotations

import json

import httpx
import pytest

TEXT = '"The tide came in early," said Wilhelmina Strand, the harbour master.'

BAD_BODIES = [
    ({"text": "\ud800"}, "body.text", "lone surrogate (U+D800)"),
    (
        {"text": TEXT, "title": "Tide \udfff"},
        "body.title",
        "lone surrogate (U+DFFF) at character 5",
    ),
    ({"text": TEXT, "source": "\udbff"}, "body.source", "lone surrogate"),
    ({"text": TEXT, "url": "javascript:alert(1)"}, "body.url", "not an http(s) URL"),
    ({"text": TEXT, "url": "JaVaScRiPt:alert(1)"}, "body.url", "not an http(s) URL"),
    ({"text": TEXT, "url": "data:text/html,<b>x</b>"}, "body.url", "not an http(s) URL"),
    ({"text": TEXT, "url": " https://news.example/a"}, "body.url", "not an http(s) URL"),
    ({"text": TEXT, "published": "not a date"}, "body.published", "'not a date' is not a date"),
    ({"text": TEXT, "published": "2026-13-45"}, "body.published", "'2026-13-45' is not a date"),
    ({"text": TEXT, "published": "2026-02-30"}, "body.published", "is not a date"),
    ({"text": " \n\t"}, "body.text", "is blank"),
]


def as_json(body: dict) -> dict:
    """Request arguments that send ``body`` as JSON with ASCII escapes, as JSON allows for a
    lone surrogate ("\\ud800"; httpx's own encoding would fail on it before sending)."""
    return {"content": json.dumps(body), "headers": {"Content-Type": "application/json"}}


@pytest.mark.parametrize(("body", "field", "reason"), BAD_BODIES)
def test_a_bad_article_is_a_clear_422(client: httpx.Client, body, field, reason) -> None:
    response = client.post("/api/extract", **as_json(body))
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error.startswith(field) and reason in error


@pytest.mark.parametrize("url", ["https://news.example/tide", "HTTP://news.example/tide?x=1#y"])
def test_an_http_url_and_an_iso_date_are_taken(client: httpx.Client, url: str) -> None:
    body = {"text": TEXT, "url": url, "published": "2026-03-03T09:30:00+01:00"}
    article = client.post("/api/extract", json=body).json()
    assert article["url"] == url and article["published"] == body["published"]


@pytest.mark.parametrize(
    ("path", "unknown"),
    [
        ("/api/quotes?q=ferry", "query.q"),
        ("/api/speakers?limit=3", "query.limit"),
        ("/api/stats?verbose=1&x=2", "query.verbose, query.x"),
    ],
)
def test_an_unknown_query_parameter_is_named_with_the_known_ones(
    client: httpx.Client, path: str, unknown: str
) -> None:
    response = client.get(path)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error.startswith(f"{unknown}: unknown parameter (known: ")
    known = client.get("/openapi.json").json()["paths"][path.split("?")[0]]["get"]
    for parameter in known.get("parameters", []):
        assert parameter["name"] in error.split("known: ")[1]


def test_stats_do_not_show_where_the_corpus_lives(client: httpx.Client, corpus_db) -> None:
    stats = client.get("/api/stats")
    assert "path" not in stats.json() and str(corpus_db.parent) not in stats.text


@pytest.mark.parametrize("path", ["/", "/api/stats", "/speakers", "/static/style.css"])
def test_head_answers_like_get_without_a_body(client: httpx.Client, path: str) -> None:
    head, get = client.head(path), client.get(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-security-policy"] == get.headers["content-security-policy"]


def test_without_a_token_the_write_endpoint_is_not_published(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {path for path, operations in paths.items() if "post" in operations} == {"/api/extract"}


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("since=2026-02-30", "query.since: Value error, no such date on the calendar"),
        ("since=9999-99-99", "query.since: Value error, no such date on the calendar"),
        ("until=2026-13", "query.until: Value error, no such date on the calendar"),
        ("since=yesterday", "query.since: Value error, not a date"),
        ("since=2026-03&until=2026-01", "since 2026-03 is after until 2026-01"),
    ],
)
def test_a_date_filter_that_is_no_date_is_a_422_with_the_reason(
    client: httpx.Client, query: str, reason: str
) -> None:
    for path in ("/api/quotes", "/"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 422 and reason in response.text
