"""Storing an article through the API: off without SAIDWHAT_TOKEN, and with it only for a
caller who sends that token; what is stored is then found by search like any ingested one.
And the read-only server sees what an ingest running beside it writes (WAL), no restart."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .conftest import running_server, saidwhat

TOKEN = "test-token-4c1e"
ARTICLE = {
    "id": "stored-over-http",
    "source": "Test Gazette",
    "published": "2026-11-02",
    "text": "Lighthouse keeper retires\n\nThe Skerrow lighthouse has a new keeper.\n\n"
    '"Forty winters out here taught me patience," said Eamon Threlfall, who retired on Friday.',
}


@pytest.fixture(scope="module")
def writable_copy(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("writable") / "corpus.db"
    shutil.copy(corpus_db, copy)
    return copy


@pytest.fixture(scope="module")
def writable_url(writable_copy: Path) -> Iterator[str]:
    """A second server, on a copy of the corpus, started with SAIDWHAT_TOKEN set."""
    with running_server(writable_copy, writable_copy.with_suffix(".log"), token=TOKEN) as url:
        yield url


def test_storing_is_off_without_a_token(client: httpx.Client) -> None:
    response = client.post(
        "/api/articles", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 403 and "SAIDWHAT_TOKEN" in response.json()["error"]


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", TOKEN])
def test_storing_needs_the_right_bearer_token(writable_url: str, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = httpx.post(f"{writable_url}/api/articles", json=ARTICLE, headers=headers)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert httpx.get(f"{writable_url}/api/articles/{ARTICLE['id']}").status_code == 404


def test_a_stored_article_is_served_and_found(writable_url: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = httpx.post(f"{writable_url}/api/articles", json=ARTICLE, headers=auth, timeout=60)
    assert response.status_code == 201 and response.json()["id"] == ARTICLE["id"]
    stored = httpx.get(f"{writable_url}/api/articles/{ARTICLE['id']}").json()
    assert stored["text"] == ARTICLE["text"] and stored["quotes"]
    hits = httpx.get(f"{writable_url}/api/quotes", params={"text": "winters patience"}).json()
    assert [h["article_id"] for h in hits["items"]] == [ARTICLE["id"]]
    again = httpx.post(f"{writable_url}/api/articles", json=ARTICLE, headers=auth, timeout=60)
    assert again.status_code == 201
    hits = httpx.get(f"{writable_url}/api/quotes", params={"text": "winters patience"}).json()
    assert len(hits["items"]) == 1, "storing the same article twice adds nothing"


def test_an_ingest_beside_the_server_shows_up_at_once(
    writable_url: str, writable_copy: Path, tmp_path: Path
) -> None:
    late = tmp_path / "late.jsonl"
    late.write_text(
        json.dumps(
            {
                "id": "late-news",
                "source": "Test Gazette",
                "text": "Bell tower repaired\n\n"
                '"The bell rings true again," said Constance Abernethy, the verger.',
            }
        )
        + "\n",
        encoding="utf-8",
    )
    assert httpx.get(f"{writable_url}/api/articles/late-news").status_code == 404
    done = saidwhat("ingest", late, "--db", writable_copy)
    assert done.returncode == 0, done.stderr
    assert httpx.get(f"{writable_url}/api/articles/late-news").status_code == 200
    hits = httpx.get(f"{writable_url}/api/quotes", params={"text": "bell rings true"}).json()
    assert [h["article_id"] for h in hits["items"]] == ["late-news"]


def test_with_a_token_the_write_endpoint_is_published(writable_url: str) -> None:
    paths = httpx.get(f"{writable_url}/openapi.json").json()["paths"]
    assert "post" in paths["/api/articles"]


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({"text": "Lighthouse \ud800 keeper"}, "body.text", "lone surrogate"),
        ({"title": "\udc00"}, "body.title", "lone surrogate"),
        ({"source": "Test \ud83d Gazette"}, "body.source", "lone surrogate"),
        ({"url": "javascript:alert(1)"}, "body.url", "not an http(s) URL"),
        ({"url": "jAvAsCrIpT:alert(document.domain)"}, "body.url", "not an http(s) URL"),
        ({"url": "data:text/html;base64,PHNjcmlwdD4="}, "body.url", "not an http(s) URL"),
        ({"url": " javascript:alert(1)"}, "body.url", "not an http(s) URL"),
        ({"url": " https://gazette.example/keeper"}, "body.url", "not an http(s) URL"),
        ({"published": "not a date"}, "body.published", "'not a date' is not a date"),
        ({"published": "2026-13-45"}, "body.published", "'2026-13-45' is not a date"),
    ],
)
def test_a_bad_article_is_refused_and_nothing_is_stored(
    writable_url: str, change: dict, field: str, reason: str
) -> None:
    article = {**ARTICLE, "id": "refused-article", **change}
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    response = httpx.post(
        f"{writable_url}/api/articles", content=json.dumps(article), headers=headers, timeout=60
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error.startswith(field) and reason in error
    assert httpx.get(f"{writable_url}/api/articles/refused-article").status_code == 404


def test_a_body_that_is_not_json_is_a_documented_400_or_422(writable_url: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    responses = httpx.get(f"{writable_url}/openapi.json").json()["paths"]["/api/articles"]
    documented = set(responses["post"]["responses"])
    for body in (b'{"text": ', b'\xff\xfe{"text": "x"}'):
        response = httpx.post(f"{writable_url}/api/articles", content=body, headers=auth)
        assert str(response.status_code) in documented and response.json()["error"]


def test_a_stored_url_that_is_not_http_is_shown_but_never_a_link(
    writable_url: str, writable_copy: Path, tmp_path: Path
) -> None:
    """The API refuses such a URL; a corpus file ingested on the command line may hold one."""
    odd = tmp_path / "odd.jsonl"
    record = {
        "id": "odd-url",
        "url": "JaVaScRiPt:alert(document.domain)",
        "text": "Pier reopens\n\n"
        '"The pier is open to walkers again," said Ottilie Varga, the harbour clerk.',
    }
    odd.write_text(json.dumps(record) + "\n", encoding="utf-8")
    done = saidwhat("ingest", odd, "--db", writable_copy)
    assert done.returncode == 0, done.stderr
    page = httpx.get(f"{writable_url}/articles/odd-url").text
    cluster = httpx.get(f"{writable_url}/api/articles/odd-url").json()["clusters"]["q1"]["id"]
    shown = httpx.get(f"{writable_url}/clusters/{cluster}").text
    for html in (page, shown):
        assert "JaVaScRiPt:alert(document.domain)" in html
        assert 'href="JaVaScRiPt' not in html and 'href="javascript' not in html.lower()
