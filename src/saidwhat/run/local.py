"""Run extraction over a stream of documents on this machine: in this process or a process pool.

Memory stays bounded whatever the corpus size: the input is read lazily in batches, at most
``2 × workers`` batches are in flight, results come back in input order as soon as the oldest
batch is done, and each batch is parsed inside a spaCy memory zone so that the strings of one
batch do not pile up in the worker's vocabulary over millions of articles.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from saidwhat.errors import SaidwhatError
from saidwhat.parse import load_pipeline
from saidwhat.pipeline import extract_many
from saidwhat.records import Article, Document, Skipped

BATCH_SIZE = 16
IN_FLIGHT_PER_WORKER = 2

Result = Article | Skipped


def extract_parallel(
    documents: Iterable[Document | Skipped],
    *,
    workers: int = 1,
    model: str | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Result]:
    """Articles (or Skipped) in input order, extracted by ``workers`` processes.

    Each worker process loads the spaCy pipeline once. ``workers <= 1`` runs in this process.
    Workers are spawned (not forked), so a script calling this with ``workers > 1`` needs the
    usual ``if __name__ == "__main__":`` guard.
    """
    chunks = batches(documents, batch_size)
    if workers <= 1:
        for batch in chunks:
            yield from extract_batch(batch, model)
        return
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),  # no fork of a threaded parent
        initializer=load_pipeline,
        initargs=(model,),
    )
    pending: deque[Future[list[Result]]] = deque()
    try:
        for batch in chunks:
            pending.append(pool.submit(extract_batch, batch, model))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def extract_batch(batch: list[Document | Skipped], model: str | None = None) -> list[Result]:
    """One batch through the pipeline (the unit of work of every engine).

    A document that makes the pipeline fail becomes a Skipped with the error as reason, so one
    bad page never stops a corpus run; a missing model still stops it (SaidwhatError).
    """
    nlp = load_pipeline(model)
    with nlp.memory_zone():
        try:
            return list(extract_many(batch, nlp=nlp))
        except SaidwhatError:
            raise
        except Exception:  # find the culprit: redo the batch one document at a time
            return [_extract_one(document, nlp) for document in batch]


def _extract_one(document: Document | Skipped, nlp) -> Result:
    try:
        return next(extract_many([document], nlp=nlp))
    except SaidwhatError:
        raise
    except Exception as exc:
        reason = f"extraction failed: {type(exc).__name__}: {exc}".splitlines()[0][:200]
        return Skipped(origin=document.origin, reason=reason)


def batches(documents: Iterable[Document | Skipped], size: int) -> Iterator[list]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def _result(future: Future[list[Result]]) -> list[Result]:
    try:
        return future.result()
    except BrokenProcessPool:
        raise SaidwhatError(
            "a worker process died (out of memory?); rerun with fewer --workers"
        ) from None
