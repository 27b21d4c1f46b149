"""The paste page fetches a visitor's URL only from a public address: a URL on the server's
own machine, or a redirect to one, is refused with a one-line reason before anything is sent
there. Only loopback addresses are used (IP literals and 'localhost': no DNS, no network)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest

from .conftest import ArticleSite, running_server

REFUSED = "is not a public address (loopback); this server fetches public addresses only"
# a name is refused by the kind of its address, never the address (no map of internal DNS)
NAME_REFUSED = (
    "resolves to a non-public address (loopback); this server fetches public addresses only"
)


@pytest.fixture(scope="module")
def guarded(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """`saidwhat serve` as started without --allow-private-urls."""
    log = tmp_path_factory.mktemp("url-guard") / "serve.log"
    with running_server(corpus_db, log) as url, httpx.Client(base_url=url, timeout=60) as session:
        yield session


def pasted_error(client: httpx.Client, url: str) -> str:
    """The error the paste page shows for a URL (it must be a 422 with one line)."""
    response = client.post("/paste", data={"text": "", "url": url})
    assert response.status_code == 422, response.text[:300]
    error = re.search(r'<p class="error">(.*?)</p>', response.text, re.S)
    assert error, "the paste page shows the error"
    line = error.group(1).strip()
    assert "\n" not in line
    return html.unescape(line)


@pytest.mark.parametrize(
    ("host", "reason"),
    [
        ("127.0.0.1", f"127.0.0.1 {REFUSED}"),
        ("localhost", f"localhost {NAME_REFUSED}"),
        ("[::1]", f"::1 {REFUSED}"),
    ],
)
def test_without_the_opt_in_a_loopback_url_is_refused_unfetched(
    guarded: httpx.Client, article_site: str, host: str, reason: str
) -> None:
    port = article_site.rsplit(":", 1)[1]
    url = f"http://{host}:{port}/tram"
    before = len(ArticleSite.requested)
    assert pasted_error(guarded, url) == f"{url}: refused: {reason}"
    assert len(ArticleSite.requested) == before, "nothing was sent to the refused address"


def test_the_same_url_is_fetched_where_the_operator_allowed_it(
    client: httpx.Client, article_site: str
) -> None:
    page = client.post("/paste", data={"text": "", "url": f"{article_site}/tram"})
    assert page.status_code == 200 and "Perpetua Halloran" in page.text


@pytest.mark.parametrize("target", ["http://127.0.0.2:9/tram", "http://[::1]:9/tram"])
def test_a_redirect_to_loopback_is_refused_at_the_hop(
    client: httpx.Client, article_site: str, target: str
) -> None:
    """The shared server may fetch from 127.0.0.1 only: the first hop goes out, the
    redirect to another loopback address does not."""
    url = f"{article_site}/redirect?to={target}"
    error = pasted_error(client, url)
    host = httpx.URL(target).host
    assert error == f"{url}: refused: it redirects to {target}, and {host} {REFUSED}"
    assert unquote(ArticleSite.requested[-1]) == f"/redirect?to={target}", "the first hop went"


def test_only_http_urls_are_fetched(guarded: httpx.Client) -> None:
    error = pasted_error(guarded, "file:///etc/passwd")
    assert error == "file:///etc/passwd: refused: only http(s) URLs with a host are fetched"


def test_the_api_never_fetches_the_url_it_is_given(client: httpx.Client, article_site: str) -> None:
    """/api/extract reads the text it is sent; its url is metadata, never fetched."""
    before = len(ArticleSite.requested)
    text = 'Bins go out on Tuesday now. "It saves a trip," said Odile Fenwick of Marrowby.'
    response = client.post("/api/extract", json={"text": text, "url": f"{article_site}/tram"})
    assert response.status_code == 200 and response.json()["url"] == f"{article_site}/tram"
    assert len(ArticleSite.requested) == before
