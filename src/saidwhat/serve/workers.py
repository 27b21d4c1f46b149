"""Extraction for the server in a bounded pool of worker processes.

Why processes: one big paste costs seconds of CPU, and in the server's own process it held the
one spaCy pipeline (and the interpreter) while every other visitor waited, readers included
(issue 11: a small request waited 30 s behind a 940 KB paste). Each worker process loads the
pipeline once, on its first job; the server process itself never loads spaCy, so reads answer
at once whatever is being extracted.

Bounds: at most ``workers`` extractions run at once and at most ``queue`` more wait for a free
worker; a request beyond that is refused at once (429 with Retry-After). An extraction that
runs over the time budget cannot be interrupted inside the parser, so its worker is killed
(504); a fresh one takes its place on the next job. A worker that dies (out of memory, say) is
a 503 and is replaced the same way.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext, SpawnProcess

from fastapi import HTTPException

from saidwhat.errors import ModelError, SaidwhatError
from saidwhat.records import Article, Document, Skipped

MAX_DEFAULT_WORKERS = 4  # each holds a spaCy pipeline: 160 MB loaded, 580 MB parsing 630 KB
DEFAULT_QUEUE = 8
DEFAULT_TIME_LIMIT = 60.0  # seconds; a 1 MB article, the largest accepted, takes about 15
START_SECONDS = 120.0  # loading the pipeline in a new worker; not part of a job's budget
RETRY_AFTER = 5  # seconds; a usual article takes well under one


def default_workers() -> int:
    """One worker per core this process may use, at most MAX_DEFAULT_WORKERS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_WORKERS))


class Busy(HTTPException):
    def __init__(self) -> None:
        super().__init__(
            429,
            "the server is extracting as many articles as it can take; try again shortly",
            headers={"Retry-After": str(RETRY_AFTER)},
        )


class TimedOut(HTTPException):
    def __init__(self, seconds: float) -> None:
        super().__init__(
            504,
            f"extraction took longer than this server's limit of {seconds:g} s and was stopped;"
            " send a shorter text",
        )


class WorkerLost(HTTPException):
    def __init__(self, what: str) -> None:
        super().__init__(
            503,
            f"the extraction worker {what}; try again",
            headers={"Retry-After": str(RETRY_AFTER)},
        )


def serve_jobs(conn: Connection, model: str | None) -> None:
    """A worker process: load the pipeline, then extract each Document sent until the server
    closes the pipe. Ctrl-C is the server's to handle; it stops its workers itself."""
    from saidwhat.parse import load_pipeline
    from saidwhat.run.local import extract_batch

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        load_pipeline(model)
    except ModelError as exc:
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready", None))
    while True:
        try:
            document = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("done", extract_batch([document], model)[0]))
        except SaidwhatError as exc:
            conn.send(("failed", str(exc)))


class Worker:
    """One worker process and the pipe to it: started on first use, killed when a job
    overruns its budget or the process is lost, started again on the next job."""

    def __init__(self, context: SpawnContext, model: str | None) -> None:
        self._context = context
        self._model = model
        self._process: SpawnProcess | None = None
        self._conn: Connection | None = None

    def run(self, document: Document, budget: float) -> Article | Skipped:
        """Extract one document (blocking: called from a thread of the pool)."""
        conn = self._started()
        try:
            conn.send(document)
        except OSError:
            self.stop()
            raise WorkerLost("had stopped") from None
        if not conn.poll(budget):
            self.stop()
            raise TimedOut(budget)
        status, value = self._receive(conn, "stopped during the extraction (out of memory?)")
        if status == "failed":
            raise ModelError(value)
        return value

    def _started(self) -> Connection:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self.stop()
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=serve_jobs, args=(child, self._model), name="saidwhat-extract", daemon=True
        )
        process.start()
        child.close()
        self._process, self._conn = process, parent
        if not parent.poll(START_SECONDS):
            self.stop()
            raise WorkerLost(f"did not start within {START_SECONDS:g} s")
        status, value = self._receive(parent, "stopped while loading the language model")
        if status == "failed":
            self.stop()
            raise ModelError(value)
        return parent

    def _receive(self, conn: Connection, lost: str) -> tuple[str, object]:
        try:
            return conn.recv()
        except (EOFError, OSError):
            self.stop()
            raise WorkerLost(lost) from None

    def stop(self) -> None:
        """Kill the process (a parse cannot be interrupted otherwise) and close the pipe."""
        if self._process is not None:
            self._process.kill()
            self._process.join(timeout=10)
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None


class ExtractionPool:
    """``workers`` worker processes, ``queue`` requests waiting at most, ``time_limit`` seconds
    per extraction (None: the defaults above). The warmest idle worker is reused first, so a
    server that extracts one article at a time starts one process only."""

    def __init__(
        self,
        workers: int | None = None,
        queue: int | None = None,
        time_limit: float | None = None,
        model: str | None = None,
    ) -> None:
        self.workers = workers or default_workers()
        self.queue = DEFAULT_QUEUE if queue is None else queue
        self.time_limit = time_limit or DEFAULT_TIME_LIMIT
        context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self._all = [Worker(context, model) for _ in range(self.workers)]
        self._idle: asyncio.LifoQueue[Worker] = asyncio.LifoQueue()
        for worker in self._all:
            self._idle.put_nowait(worker)
        self._threads = ThreadPoolExecutor(self.workers, thread_name_prefix="saidwhat-extract")
        self._admitted = 0  # running or waiting

    async def extract(self, document: Document) -> Article | Skipped:
        """The document's Article (or Skipped); Busy when the queue is full, TimedOut after
        the time limit, WorkerLost when the worker died."""
        if self._admitted >= self.workers + self.queue:
            raise Busy()
        self._admitted += 1
        try:
            worker = await self._idle.get()
        except BaseException:
            self._admitted -= 1
            raise
        job = asyncio.get_running_loop().run_in_executor(
            self._threads, worker.run, document, self.time_limit
        )
        job.add_done_callback(lambda _: self._release(worker))  # not before the job ends
        return await asyncio.shield(job)

    def _release(self, worker: Worker) -> None:
        self._admitted -= 1
        self._idle.put_nowait(worker)

    def close(self) -> None:
        """Stop every worker process (the server is shutting down)."""
        for worker in self._all:
            worker.stop()
        self._threads.shutdown(wait=False, cancel_futures=True)
