"""http(s) URLs, fetched from a real HTTP server on 127.0.0.1 (no other network)."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from saidwhat.errors import InputError
from saidwhat.read import USER_AGENT, iter_documents
from saidwhat.read.decode import MAX_ARTICLE_BYTES
from saidwhat.read.url import AddressGuard, connect_name, fetch_document
from saidwhat.records import Document, Skipped

# /away leaves for another loopback address (nothing listens there: it must not be tried);
# /to-other for another host name on the same server
REDIRECTS = {
    "/moved": "/story.html",
    "/away": "http://127.0.0.2:9/story.html",
    "/to-other": "//other.test:{port}/story.html",
}


class Pages(BaseHTTPRequestHandler):
    """Serves the test's invented pages and remembers the User-Agent and Host it was sent."""

    pages: dict[str, tuple[int, str, bytes]] = {}
    agents: list[str] = []
    hosts: list[str] = []
    protocol_version = "HTTP/1.1"  # keeps connections open: a client may reuse them

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.agents.append(self.headers.get("User-Agent", ""))
        self.hosts.append(self.headers.get("Host", ""))
        if self.path in REDIRECTS:
            self.send_response(302)
            self.send_header("Location", REDIRECTS[self.path].format(port=self.server.server_port))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status, content_type, body = self.pages.get(self.path, (404, "text/plain", b"gone"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle(self) -> None:
        """Serve the connection's requests until the client goes, also when it leaves without
        reading (a refused huge page or picture)."""
        with contextlib.suppress(ConnectionError):
            super().handle()

    def log_message(self, *_: object) -> None:  # keep the test output clean
        pass


@contextlib.contextmanager
def serving(tls: ssl.SSLContext | None = None) -> Iterator[int]:
    """The port of a real server of Pages on 127.0.0.1 (over TLS with ``tls``)."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    if tls:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


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
    with serving() as port:
        yield f"http://127.0.0.1:{port}"


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
    with pytest.raises(InputError) as refused:
        guard.check("http://localhost/", httpx.URL("http://localhost/"))
    assert refused.value.reason == (  # the kind, not the address: no map of internal DNS
        "refused: localhost resolves to a non-public address (loopback);"
        " this server fetches public addresses only"
    )
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


class FakeDNS:
    """The tests' DNS server (they have no network): the names in ``answers`` resolve to their
    addresses (space-separated), one list element per question, the last one then repeating;
    ``asked`` keeps the
    names as sent to DNS (a Unicode name is encoded as getaddrinfo does, with IDNA 2003). Any
    other host (the IP literals httpx connects to) goes to the real getaddrinfo."""

    def __init__(self, real) -> None:
        self.real, self.answers, self.asked = real, {}, []

    def getaddrinfo(self, host, port, *args, **kwargs):
        wire = host if not isinstance(host, str) or host.isascii() else host.encode("idna").decode()
        if wire not in self.answers:
            return self.real(host, port, *args, **kwargs)
        self.asked.append(wire)
        queue = self.answers[wire]
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        return [
            (socket.AF_INET6 if ":" in address else socket.AF_INET, socket.SOCK_STREAM)
            + (socket.IPPROTO_TCP, "", (address, port or 0))
            for address in answer.split()
        ]


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> FakeDNS:
    fake = FakeDNS(socket.getaddrinfo)
    monkeypatch.setattr(socket, "getaddrinfo", fake.getaddrinfo)
    return fake


LOOPBACK_ONLY = AddressGuard([ipaddress.ip_network("127.0.0.1/32")])


def test_an_international_name_is_checked_as_the_name_httpx_connects_to(dns):
    """'straße' is 'xn--strae-oqa' for httpx (IDNA 2008) but 'strasse' for getaddrinfo's own
    IDNA 2003: checking the one and connecting to the other would let a visitor in."""
    url = "http://straße.example/latest/meta-data"
    dns.answers = {
        "strasse.example": ["93.184.215.14"],
        "xn--strae-oqa.example": ["169.254.169.254"],
    }
    assert connect_name(httpx.URL(url)) == "xn--strae-oqa.example"
    with pytest.raises(InputError) as refused:
        AddressGuard().check(url, httpx.URL(url))
    assert refused.value.reason.startswith(
        "refused: straße.example resolves to a non-public address (link-local);"
    )
    assert dns.asked == ["xn--strae-oqa.example"]


def test_a_guarded_fetch_connects_to_the_address_it_checked(server, dns):
    """DNS rebinding: the name resolves to an allowed address when checked and to another one
    afterwards; the fetch still goes to the checked one, asks DNS once, and sends the name."""
    port = server.rsplit(":", 1)[1]
    dns.answers = {"rebind.test": ["127.0.0.1", "127.0.0.2"]}  # nothing listens on .2
    doc = fetch_document(f"http://rebind.test:{port}/story.html", guard=LOOPBACK_ONLY)
    assert isinstance(doc, Document) and doc.url == f"http://rebind.test:{port}/story.html"
    assert dns.asked == ["rebind.test"] and Pages.hosts[-1] == f"rebind.test:{port}"


def test_a_name_with_several_addresses_is_fetched_from_the_first_that_answers(server, dns):
    """Every address must be allowed (any may be the one connected to); they are then tried
    in turn, as a connection to a name would."""
    port = server.rsplit(":", 1)[1]
    dns.answers = {"two.test": ["127.0.0.2 127.0.0.1"]}  # nothing listens on .2
    url = f"http://two.test:{port}/story.html"
    all_loopback = AddressGuard([ipaddress.ip_network("127.0.0.0/8")])
    assert isinstance(fetch_document(url, guard=all_loopback), Document)
    with pytest.raises(InputError, match="two.test resolves to a non-public address"):
        fetch_document(url, guard=LOOPBACK_ONLY)


def test_each_redirect_is_checked_again_and_sent_to_its_checked_address(server, dns):
    """A redirect asks DNS again, and is refused when the answer changed to a refused one."""
    port = server.rsplit(":", 1)[1]
    dns.answers = {"rebind.test": ["127.0.0.1"]}
    doc = fetch_document(f"http://rebind.test:{port}/moved", guard=LOOPBACK_ONLY)
    assert isinstance(doc, Document) and doc.url == f"http://rebind.test:{port}/story.html"
    assert dns.asked == ["rebind.test"] * 2 and Pages.hosts[-2:] == [f"rebind.test:{port}"] * 2
    dns.answers = {"rebind.test": ["127.0.0.1", "127.0.0.2"]}  # rebound before the redirect
    with pytest.raises(InputError) as refused:
        fetch_document(f"http://rebind.test:{port}/moved", guard=LOOPBACK_ONLY)
    assert refused.value.reason.startswith(
        f"refused: it redirects to http://rebind.test:{port}/story.html, and rebind.test"
        " resolves to a non-public address (loopback);"
    )


@pytest.fixture(scope="module")
def news_test_tls(server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    """An https server on 127.0.0.1 whose self-signed certificate is for news.test only, and
    that certificate (made by the openssl command, for a day)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    made = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
        + ["-nodes", "-days", "1", "-subj", "/CN=news.test", "-addext"]
        + ["subjectAltName=DNS:news.test", "-keyout", str(key), "-out", str(cert)],
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    with serving(tls) as port:
        yield port, cert


def test_https_goes_to_the_checked_address_and_verifies_the_host_name(
    news_test_tls, dns, monkeypatch
):
    """Sent to the IP address, the request still carries news.test as its TLS server name, and
    the certificate must be for that name: news.test is fetched, other.test (same address,
    same certificate) is refused by certificate verification."""
    port, cert = news_test_tls
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # trust the test's certificate only
    dns.answers = {"news.test": ["127.0.0.1"], "other.test": ["127.0.0.1"]}
    doc = fetch_document(f"https://news.test:{port}/story.html", guard=LOOPBACK_ONLY)
    assert isinstance(doc, Document) and Pages.hosts[-1] == f"news.test:{port}"
    with pytest.raises(InputError) as refused:
        fetch_document(f"https://other.test:{port}/story.html", guard=LOOPBACK_ONLY)
    assert "CERTIFICATE_VERIFY_FAILED" in refused.value.reason
    assert "other.test" in refused.value.reason


def test_a_redirect_to_another_name_at_the_same_address_gets_its_own_tls_connection(
    news_test_tls, dns, monkeypatch
):
    """The connection made for news.test is not reused for other.test (same address and
    port): other.test's certificate is verified, and it has none."""
    port, cert = news_test_tls
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    dns.answers = {"news.test": ["127.0.0.1"], "other.test": ["127.0.0.1"]}
    with pytest.raises(InputError) as refused:
        fetch_document(f"https://news.test:{port}/to-other", guard=LOOPBACK_ONLY)
    assert "CERTIFICATE_VERIFY_FAILED" in refused.value.reason
    assert Pages.hosts[-1] == f"news.test:{port}", "only the first hop was answered"
