"""Web benchmark: start `saidwhat serve` on a corpus and measure, over loopback HTTP, the
p50/p95 latency of each page and API call a visitor makes (sequential requests, warm cache
after the first one). Prints one line per request kind.

    python benchmarks/serve.py --db demo.db
    python benchmarks/serve.py --db /tmp/big.db --requests 50
"""

from __future__ import annotations

import argparse
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(client: httpx.Client, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and server.poll() is None:
        try:
            client.get("/api/stats").raise_for_status()
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    sys.exit("saidwhat serve did not start")


def targets(client: httpx.Client) -> dict[str, str]:
    """One URL of each kind, chosen from what the corpus holds."""
    hit = client.get("/api/quotes", params={"limit": 1}).json()["items"][0]
    word = max(re.findall(r"[A-Za-z]{4,}", hit["text"]) or ["said"], key=len)
    speaker = client.get("/api/speakers", params={"top": 1}).json()[0]["id"]
    article = quote(hit["article_id"], safe="")
    check = quote(hit["text"][:120])
    return {
        "page /": "/",
        "page /?text=WORD": f"/?text={word}",
        "page /speakers/ID": f"/speakers/{speaker}",
        "page /articles/ID": f"/articles/{article}",
        "page /clusters/ID": f"/clusters/{hit['cluster_id']}",
        "page /check?text=": f"/check?text={check}",
        "api /api/quotes?text=WORD": f"/api/quotes?text={word}",
        "api /api/quotes (newest)": "/api/quotes",
        "api /api/speakers/ID": f"/api/speakers/{speaker}",
        "api /api/check?text=": f"/api/check?text={check}",
        "api /api/articles/ID": f"/api/articles/{article}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a corpus made by saidwhat ingest")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per URL")
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "saidwhat", "serve", "--db", str(args.db), "--port", str(port)],
        stderr=subprocess.DEVNULL,
    )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            wait_until_up(client, server)
            stats = client.get("/api/stats").json()
            print(f"corpus {args.db}: {stats['quotes']} quotes, {stats['articles']} articles")
            print(f"{'request':28} {'p50 ms':>8} {'p95 ms':>8} {'first ms':>9}")
            for name, url in targets(client).items():
                start = time.perf_counter()
                client.get(url).raise_for_status()
                first = (time.perf_counter() - start) * 1000
                times = []
                for _ in range(args.requests):
                    start = time.perf_counter()
                    client.get(url).raise_for_status()
                    times.append((time.perf_counter() - start) * 1000)
                p95 = statistics.quantiles(times, n=20)[-1]
                print(f"{name:28} {statistics.median(times):8.1f} {p95:8.1f} {first:9.1f}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
