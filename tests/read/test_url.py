"""http(s) URLs, fetched from a real HTTP server on 127.0.0.1 (no other network)."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from saidwhat.errors import InputError
from saidwhat.read import USER_AGENT, iter_documents
from saidwhat.read.decode import MAX_ARTICLE_BYTES
from saidwhat.read.url import AddressGuard, fetch_document
from saidwhat.records import Document, Skipped

# /away leaves for another loopback address (nothing listens there: it must not be tried)
REDIRECTS = {"/moved": "/story.html", "/away": "http://127.0.0.2:9/story.html"}


class Pages(BaseHTTPRequestHandler):
    """Serves the test's invented pages and remembers the User-Agent it was sent."""

    pages: dict[str, tuple[int, str, bytes]] = {}
    agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.agents.append(self.headers.get("User-Agent", ""))
        if self.path in ("/moved", "/away"):
            self.send_response(302)
            self.send_header("Location", REDIRECTS[self.path])
            self.end_headers()
            return
        status, content_type, body = self.pages.get(self.path, (404, "text/plain", b"gone"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # refused huge page
            self.wfile.write(body)

    def log_message(self, *_: object) -> None:  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def server(article_html: str) -> Iterator[str]:
    Pages.pages = {
        "/story.html": (200, "text/html; charset=utf-8", article_html.encode()),
        "/story.txt": (
            200,
            "text/plain; charset=windows-1252",
            "The caf\u00e9 owner said \u201cno\u201d to the plan on Monday.".encode("cp1252"),
        ),
        "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(32)),
        "/huge.txt": (200, "text/plain", b"a" * (MAX_ARTICLE_BYTES + 10)),
        "/empty.html": (200, "text/html", b"<html><body><nav>Menu</nav></body></html>"),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def fetch(url: str) -> Document | Skipped:
    [result] = list(iter_documents([url]))
    return result


def test_html_page_is_fetched_with_an_honest_user_agent(server):
    doc = fetch(f"{server}/story.html")
    assert isinstance(doc, Document)
    assert doc.origin == f"{server}/story.html" and doc.url == f"{server}/story.html"
    assert doc.title == "Orchard Town Opens New Bridge" and "Hettie Quarles" in doc.text
    assert Pages.agents[-1] == USER_AGENT and USER_AGENT.startswith("saidwhat/")


def test_text_page_uses_its_declared_charset(server):
    doc = fetch(f"{server}/story.txt")
    assert doc.text == "The café owner said “no” to the plan on Monday."


def test_redirect_is_followed_and_the_final_url_kept(server):
    doc = fetch(f"{server}/moved")
    assert isinstance(doc, Document) and doc.url == f"{server}/story.html"
    assert doc.origin == f"{server}/moved"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/logo.png", "not a text page (image/png)"),
        ("/huge.txt", "too large for one article (5.0 MB; the limit is 5 MB)"),
        ("/empty.html", "no article text found in the HTML page"),
    ],
)
def test_bad_pages_are_skipped_with_a_reason(server, path, reason):
    assert fetch(f"{server}{path}") == Skipped(origin=f"{server}{path}", reason=reason)


def test_unreachable_server_is_skipped():
    with socket.socket() as sock:  # a loopback port that was bound, then released
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = fetch(f"http://127.0.0.1:{port}/x")
    assert isinstance(result, Skipped) and result.reason.startswith("cannot fetch (")


def test_without_a_guard_loopback_is_fetched_as_the_cli_does(server):
    """`saidwhat extract URL` passes no guard: a user may fetch their own intranet."""
    assert isinstance(fetch_document(f"{server}/story.html"), Document)


@pytest.mark.parametrize(
    ("host", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("[::1]", "loopback"),
        ("[::ffff:127.0.0.1]", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("172.16.0.1", "private"),
        ("[fc00::1]", "private"),
        ("169.254.169.254", "link-local"),
        ("[fe80::1]", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("100.64.0.1", "shared"),
        ("240.0.0.1", "reserved"),
        ("[2002:a01:203::]", "private"),  # 6to4 carrying 10.1.2.3
    ],
)
def test_the_guard_names_every_kind_of_non_public_address(host, kind):
    """Checked without sending anything: the guard refuses before a connection is made."""
    url = f"http://{host}:8080/latest/meta-data"
    with pytest.raises(InputError) as refused:
        AddressGuard().check(url, httpx.URL(url))
    shown = host.strip("[]")
    assert str(refused.value) == (
        f"{url}: refused: {shown} is not a public address ({kind});"
        " this server fetches public addresses only"
    )


def test_the_guard_resolves_names_and_passes_public_addresses():
    guard = AddressGuard()
    with pytest.raises(InputError, match=r"refused: localhost \((127\.0\.0\.1|::1)\) is not"):
        guard.check("http://localhost/", httpx.URL("http://localhost/"))
    for public in ("http://93.184.215.14/", "http://[2a00:1450:4001::200e]/"):
        guard.check(public, httpx.URL(public))  # no error, and nothing is sent


def test_an_allowed_network_passes_and_its_neighbours_do_not():
    guard = AddressGuard([ipaddress.ip_network("10.1.0.0/16")])
    guard.check("http://10.1.2.3/", httpx.URL("http://10.1.2.3/"))
    with pytest.raises(InputError, match="10.2.0.1 is not a public address"):
        guard.check("http://10.2.0.1/", httpx.URL("http://10.2.0.1/"))


def test_a_guarded_fetch_refuses_loopback_before_connecting(server):
    before = len(Pages.agents)
    with pytest.raises(InputError, match=r"refused: 127\.0\.0\.1 is not a public address"):
        fetch_document(f"{server}/story.html", guard=AddressGuard())
    assert len(Pages.agents) == before


def test_a_guarded_fetch_checks_every_redirect(server):
    guard = AddressGuard([ipaddress.ip_network("127.0.0.1/32")])
    assert isinstance(fetch_document(f"{server}/moved", guard=guard), Document)
    with pytest.raises(InputError) as refused:
        fetch_document(f"{server}/away", guard=guard)
    assert refused.value.reason == (
        "refused: it redirects to http://127.0.0.2:9/story.html, and 127.0.0.2 is not a"
        " public address (loopback); this server fetches public addresses only"
    )
