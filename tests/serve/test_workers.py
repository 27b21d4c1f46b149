"""Extraction in `saidwhat serve` runs in a bounded pool of worker processes: a big paste
never holds up reads or other visitors, a full queue is refused at once (429 with
Retry-After), and an extraction over the time limit is stopped (504) without breaking the pool.

A real server with two workers, one waiting place and a 5-second limit. The big article is
invented (about 630 KB, some 20 CPU-seconds of extraction here); so are the small ones."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from .conftest import running_server

SMALL = {
    "text": "Ferry timetable changes\n\n"
    '"The winter boats will leave an hour earlier," said Ingrid Morvaunt, the harbour master.'
}
BIG = {
    "text": "Harbour plan approved\n\n"
    + "\n\n".join(
        f'"Pellworth needs {n} more moorings before the summer," said Oriel Vantongeren,'
        " who chairs the harbour board. The council met on Tuesday to discuss the plan."
        for n in range(4000)
    )
}
LIMIT = 5


@pytest.fixture(scope="module")
def pool_url(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("pool") / "serve.log"
    options = ("--workers", "2", "--queue", "1", "--time-limit", str(LIMIT))
    with running_server(corpus_db, log, options=options) as url:
        yield url


def extract(url: str, body: dict) -> httpx.Response:
    return httpx.post(f"{url}/api/extract", json=body, timeout=120)


def test_reads_and_small_extractions_answer_while_a_big_one_runs(pool_url: str) -> None:
    with ThreadPoolExecutor(2) as threads:  # start both workers
        assert [r.status_code for r in threads.map(extract, [pool_url] * 2, [SMALL] * 2)] == [
            200,
            200,
        ]
    with ThreadPoolExecutor(1) as threads:
        big = threads.submit(extract, pool_url, BIG)
        time.sleep(1)  # the big one has a worker now
        assert httpx.get(f"{pool_url}/api/stats", timeout=10).status_code == 200
        small = extract(pool_url, SMALL)
        assert small.status_code == 200 and small.json()["quotes"]
        assert not big.done(), "the small requests were answered while the big one ran"
        assert big.result().status_code == 504


def test_a_full_queue_is_refused_and_an_overrun_stops_without_breaking_the_pool(
    pool_url: str,
) -> None:
    with ThreadPoolExecutor(3) as threads:
        bigs = [threads.submit(extract, pool_url, BIG) for _ in range(2)]
        time.sleep(1)  # both workers are busy
        waiting = threads.submit(extract, pool_url, SMALL)  # the one waiting place
        time.sleep(0.5)
        refused = extract(pool_url, SMALL)
        assert refused.status_code == 429 and refused.headers["retry-after"].isdigit()
        assert "try again" in refused.json()["error"]
        page = httpx.post(f"{pool_url}/paste", data={"text": SMALL["text"]}, timeout=10)
        assert page.status_code == 429 and "try again" in page.text
        assert "winter boats" in page.text, "the paste page keeps what was pasted"
        for big in bigs:
            overrun = big.result()
            assert overrun.status_code == 504
            assert f"limit of {LIMIT} s" in overrun.json()["error"]
        assert waiting.result().status_code == 200, "a fresh worker took the stopped one's place"
    assert extract(pool_url, SMALL).status_code == 200
