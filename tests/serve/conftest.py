"""A real corpus built by the real `saidwhat ingest` of the demo corpus (plus our hostile
article), served by the real `saidwhat serve` (uvicorn) on a free loopback port, and a real
headless Chromium driven by Playwright."""

from __future__ import annotations

import http.server
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
FIXTURES = HERE / "fixtures"
DEMO = REPO / "examples" / "demo"
ARTIFACTS = REPO / "test-artifacts"
LOOPBACK_SITE = "127.0.0.1"  # where the tests' article sites listen
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def saidwhat(*args: str | Path, **kwargs) -> subprocess.CompletedProcess:
    """Run the real command line (as a user would) and capture its output."""
    command = [sys.executable, "-m", "saidwhat", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=240, **kwargs)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("serve") / "corpus.db"
    done = saidwhat("ingest", DEMO, FIXTURES / "hostile.jsonl", "--db", db)
    assert done.returncode == 0, done.stderr
    return db


@contextmanager
def running_server(
    db: Path,
    log_path: Path,
    token: str = "",
    allow: tuple[str, ...] = (),
    options: tuple[str, ...] = (),
) -> Iterator[str]:
    """`saidwhat serve` in its own process until the block ends (then stopped by its pid);
    ``allow`` are the networks given to --allow-private-urls, ``options`` any others."""
    port = free_port()
    env = {**os.environ, "SAIDWHAT_TOKEN": token}
    options = (
        *(value for network in allow for value in ("--allow-private-urls", network)),
        *options,
    )
    with log_path.open("w+") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "saidwhat", "serve", "--db", str(db), "--port", str(port)]
            + list(options),
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{url}/api/stats", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if server.poll() is not None or time.monotonic() > deadline:
                    server.kill()
                    log.seek(0)
                    pytest.fail(f"saidwhat serve did not start: {log.read()}")
                time.sleep(0.2)
        try:
            yield url
        finally:
            server.terminate()
            server.wait(timeout=10)


@pytest.fixture(scope="session")
def base_url(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The server every test shares: no token, so nothing can be written; the paste page may
    fetch from 127.0.0.1 (the tests' invented article sites), no other private address."""
    log = tmp_path_factory.mktemp("serve-log") / "serve.log"
    with running_server(corpus_db, log, allow=(LOOPBACK_SITE,)) as url:
        yield url


INVENTED_PAGE = """<!doctype html><html><head><title>Tram line opens in Durnwick</title></head>
<body><article><h1>Tram line opens in Durnwick</h1>
<p>The first tram in forty years left Durnwick station on Saturday morning.</p>
<p>"It is quieter than the bus and twice as fast," said Perpetua Halloran, who rode it to work.</p>
<p>The line cost the city less than planned, officials said.</p></article></body></html>"""


class ArticleSite(http.server.BaseHTTPRequestHandler):
    """An invented article at /tram, a redirect at /redirect?to=URL, 404 elsewhere; every
    path asked for is kept in ``requested`` (to see whether a refused fetch went out)."""

    requested: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.requested.append(self.path)
        target = parse_qs(urlsplit(self.path).query).get("to")
        if urlsplit(self.path).path == "/redirect" and target:
            self.send_response(302)
            self.send_header("Location", target[0])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = INVENTED_PAGE.encode()
        self.send_response(200 if self.path == "/tram" else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture(scope="session")
def article_site() -> Iterator[str]:
    """A small web site on loopback with an invented article (no outside network)."""
    server = http.server.ThreadingHTTPServer((LOOPBACK_SITE, 0), ArticleSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://{LOOPBACK_SITE}:{server.server_address[1]}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=60) as session:
        yield session


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's chromium, installed by scripts/ensure-chromium.sh when missing (as root)."""
    done = subprocess.run(
        ["bash", str(REPO / "scripts" / "ensure-chromium.sh")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["unknown reason"])[-1]
        pytest.skip(f"chromium cannot be installed here: {reason}")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium_path: str):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab (phone-ish width is set per test where it matters)."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
