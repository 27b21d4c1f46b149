"""Throughput of saidwhat corpus runs, with the bare spaCy pipeline and textacy's
direct_quotations as references, all on the same articles (PolNeAR dev when ../shared is
there, else the bundled demo articles).

Prints articles/s, articles/s per core and peak memory (RSS) per worker for: saidwhat with 1
and 2 local workers, saidwhat on a 2-worker Dask LocalCluster, bare en_core_web_sm (all
components, one process) and textacy (parse + direct_quotations, one process). Each row runs
in a fresh Python process so that its memory is its own.

Throughput is the steady state: the clock starts at the first result (pools and clusters
have started and loaded their pipeline), and the articles of that first batch are not counted.

    .venv/bin/pip install -e '.[dev,bench]'   # textacy (optional)
    .venv/bin/python benchmarks/throughput.py [--repeat 2] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _measure import ChildMemory

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "data" / "polnear" / "dev.jsonl"
DEMO = REPO / "examples" / "demo"
ROWS = {
    "saidwhat-1": ("saidwhat, 1 local worker", 1),
    "saidwhat-2": ("saidwhat, 2 local workers (process pool)", 2),
    "dask-2": ("saidwhat, Dask LocalCluster, 2 workers", 2),
    "saidwhat-1-ner": ("saidwhat, 1 worker, SAIDWHAT_NER=on (opt-in)", 1),
    "spacy": ("bare spaCy en_core_web_sm, all components", 1),
    "textacy": ("textacy direct_quotations (with its parse)", 1),
    "warc": ("WARC read: warcio + trafilatura + langid", 1),
}


def articles(repeat: int) -> tuple[str, list[dict]]:
    """The benchmark articles as JSON objects with id and text (the same for every row)."""
    if DEV.exists():
        rows = [json.loads(line) for line in DEV.open(encoding="utf-8")]
        name = f"PolNeAR dev ({len(rows)} articles)"
        rows = [{"id": r["id"], "text": r["text"]} for r in rows]
    else:
        files = sorted(DEMO.glob("*.txt"))
        rows = [{"id": f.stem, "text": f.read_text(encoding="utf-8")} for f in files]
        name = f"demo articles ({len(rows)})"
    rows = [dict(r, id=f"{r['id']}#{n}") for n in range(repeat) for r in rows]
    return f"{name} x {repeat}", rows


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def steady_rate(stream, batch: int, cpu=time.process_time) -> dict:
    """Items consumed; items per wall-clock second and per CPU second (``cpu()`` is the CPU
    time of whoever does the work) from the first item on, the first batch not counted."""
    count, first = 0, None
    for _ in stream:
        count += 1
        if first is None:
            first = time.perf_counter(), cpu()
    if first is None:
        return {"articles": 0, "rate": float("nan"), "cpu_rate": float("nan")}
    seconds, cpu_seconds = time.perf_counter() - first[0], cpu() - first[1]
    counted = max(count - batch, 1)
    return {
        "articles": count,
        "rate": counted / seconds if seconds > 0 else float("nan"),
        "cpu_rate": counted / cpu_seconds if cpu_seconds > 0 else float("nan"),
    }


def measure_saidwhat(rows: list[dict], workers: int) -> dict:
    from saidwhat.records import Document
    from saidwhat.run.local import BATCH_SIZE, extract_parallel

    documents = [Document(id=r["id"], text=r["text"], origin=r["id"]) for r in rows]
    if workers == 1:
        from saidwhat.parse import load_pipeline

        load_pipeline()
        list(extract_parallel(documents[:2]))  # warm: pipeline, quote scorer, lexicons
        result = steady_rate(extract_parallel(documents), BATCH_SIZE)
        return result | {"peak_mb": [peak_rss_mb()]}
    with ChildMemory() as memory:
        stream = extract_parallel(documents, workers=workers)
        result = steady_rate(stream, BATCH_SIZE * workers, cpu=memory.cpu_seconds)
    return result | {"peak_mb": sorted(memory.peaks.values(), reverse=True)[:workers]}


def measure_dask(rows: list[dict], workers: int) -> dict:
    import logging

    from dask.distributed import Client, LocalCluster

    from saidwhat.run.corpus import run_corpus

    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        parts = 4 * workers  # whole files are partitions: enough of them to share
        for part in range(parts):
            with (inputs / f"part-{part:02d}.jsonl").open("w", encoding="utf-8") as fh:
                for row in rows[part::parts]:
                    fh.write(json.dumps(row) + "\n")
        warm = Path(tmp) / "warm.jsonl"
        warm.write_text("".join(json.dumps(r) + "\n" for r in rows[:workers]), encoding="utf-8")
        with (
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,
        ):
            address = cluster.scheduler_address
            run_corpus(
                [str(warm)], Path(tmp) / "warm", engine="dask", scheduler=address, partition_bytes=1
            )
            client.run(_load_everywhere)  # every worker has its pipeline before the clock starts
            cpu_before = sum(client.run(time.process_time).values())
            started = time.perf_counter()
            report = run_corpus(
                [str(inputs)],
                Path(tmp) / "out",
                engine="dask",
                scheduler=address,
                partition_bytes=1,
            )
            seconds = time.perf_counter() - started
            cpu_seconds = sum(client.run(time.process_time).values()) - cpu_before
            peaks = [
                r / 1024
                for r in client.run(
                    lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                ).values()
            ]
    count = report.totals["articles"] + report.totals["skipped"]
    return {
        "articles": count,
        "rate": count / seconds,
        "cpu_rate": count / cpu_seconds,
        "peak_mb": peaks,
    }


def _load_everywhere() -> None:
    from saidwhat.records import Document
    from saidwhat.run.local import extract_batch

    extract_batch([Document(text='"Warm," said Ann Lee.', origin="warm")])


def bare_pipeline():
    """spaCy's own pipeline, without saidwhat's faster components (the reference)."""
    import spacy

    from saidwhat.parse import default_model_name

    return spacy.load(default_model_name())


def measure_spacy(rows: list[dict]) -> dict:
    nlp = bare_pipeline()
    list(nlp.pipe([r["text"] for r in rows[:2]]))
    result = steady_rate(nlp.pipe((r["text"] for r in rows), batch_size=16), 16)
    return result | {
        "peak_mb": [peak_rss_mb()],
        "note": "components: " + ", ".join(nlp.pipe_names),
    }


def measure_textacy(rows: list[dict]) -> dict:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return {"skipped": "textacy is not installed (pip install -e '.[bench]')"}
    nlp = bare_pipeline()
    failures = 0

    def quotes():
        nonlocal failures
        for doc in nlp.pipe((r["text"] for r in rows), batch_size=16):
            try:
                yield list(direct_quotations(doc))
            except ValueError:  # textacy raises on an odd number of quote marks
                failures += 1
                yield []

    result = steady_rate(quotes(), 16)
    return result | {
        "peak_mb": [peak_rss_mb()],
        "note": f"{failures} articles raised ValueError (unbalanced quote marks)",
    }


def measure_warc(rows: list[dict]) -> dict:
    """Pages per second of the WARC reader on the articles as HTML pages in a gzip'd WARC."""
    from html import escape
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from saidwhat.read.warc import iter_warc

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.warc.gz"
        with path.open("wb") as fh:
            writer = WARCWriter(fh, gzip=True)
            for n, row in enumerate(rows):
                body = "".join(f"<p>{escape(p)}</p>" for p in row["text"].split("\n") if p)
                page = f"<html><head><title>t</title></head><body><article>{body}</article>"
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
                record = writer.create_warc_record(
                    f"https://example.org/{n}",
                    "response",
                    payload=BytesIO((page + "</body></html>").encode("utf-8")),
                    http_headers=headers,
                )
                writer.write_record(record)
        next(iter_warc(path))  # imports and trafilatura's first-call set-up
        return steady_rate(iter_warc(path), 1) | {"peak_mb": [peak_rss_mb()]}


def measure(row: str, repeat: int) -> dict:
    _, rows = articles(repeat)
    if row == "warc":
        return measure_warc(rows)
    if row.startswith("saidwhat-"):
        return measure_saidwhat(rows, ROWS[row][1])
    if row == "dask-2":
        return measure_dask(rows, 2)
    if row == "spacy":
        return measure_spacy(rows)
    return measure_textacy(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="times to repeat the article set")
    parser.add_argument("--rows", default=",".join(ROWS), help="which rows, comma-separated")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a row, in its own process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.repeat)))
        return
    name, _ = articles(args.repeat)
    results = {}
    for row in args.rows.split(","):
        env = dict(os.environ)
        env.pop("SAIDWHAT_NER", None)  # every row runs the default (no NER) but the opt-in one
        if row.endswith("-ner"):
            env["SAIDWHAT_NER"] = "on"
        done = subprocess.run(
            [sys.executable, __file__, "--one", row, "--repeat", str(args.repeat)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            results[row] = {"skipped": done.stderr.strip().splitlines()[-1][:200]}
        else:
            results[row] = json.loads(done.stdout.strip().splitlines()[-1])
    if args.json:
        print(json.dumps({"articles": name, "results": results}, indent=1))
        return
    print(f"articles: {name}; machine: {_cpus()} cores, load average {_load()}")
    print("art/s: wall clock; art/CPU-s: per second of worker CPU time (per core, whatever")
    print("else runs on the machine); first batch and start-up not counted.")
    print(f"{'run':46} {'art/s':>7} {'/core':>7} {'art/CPU-s':>9} {'peak MB/worker':>15}")
    for row, result in results.items():
        label, cores = ROWS[row]
        if "skipped" in result:
            print(f"{label:46} skipped: {result['skipped']}")
            continue
        peaks = "/".join(f"{p:.0f}" for p in result["peak_mb"])
        rate, cpu_rate = result["rate"], result["cpu_rate"]
        print(f"{label:46} {rate:7.2f} {rate / cores:7.2f} {cpu_rate:9.2f} {peaks:>15}")
        if result.get("note"):
            print(f"{'':46} ({result['note']})")


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


if __name__ == "__main__":
    main()
