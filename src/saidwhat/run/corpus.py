"""``saidwhat run``: extract a corpus of files into partitioned Parquet, resumably.

Two engines, one unit of work (``run.partition``) and one writer (``PartitionWriter``):
- local: this machine's process pool over the chained documents of all partitions, so that
  every worker is busy even when the corpus is one big file;
- dask: one task per partition on a ``dask.distributed`` cluster (a LocalCluster when no
  scheduler address is given); each worker reads its own files and writes its own Parquet,
  the client only records finished partitions in the manifest.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from saidwhat.about import __version__
from saidwhat.errors import InputError
from saidwhat.records import Article, Document, Skipped
from saidwhat.run.local import BATCH_SIZE, extract_parallel
from saidwhat.run.parquet import PartitionWriter
from saidwhat.run.partition import summarise
from saidwhat.run.plan import Manifest, Partition, plan

Progress = Callable[[dict], None]
"""Called with each finished partition's summary (what the manifest records)."""


@dataclass
class RunReport:
    """What one run did: partitions planned, skipped as finished before, and run now."""

    planned: int
    already_done: int
    totals: dict[str, int]
    seconds: float


def run_corpus(
    inputs: list[str],
    out: Path,
    *,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    model: str | None = None,
    partition_bytes: int | None = None,
    planned: Callable[[int], None] | None = None,
    progress: Progress | None = None,
    tick: Callable[[], None] | None = None,
) -> RunReport:
    """Extract every partition of the inputs not finished in ``out`` before.

    ``planned`` is told how many partitions are left to run, ``progress`` gets each finished
    partition's summary, ``tick`` is called per input done (local engine: the one with big
    partitions on one machine, where a bar per partition would stand still for long)."""
    from saidwhat.parse import default_model_name, ner_enabled

    started = time.monotonic()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(str(out), f"cannot create the output directory ({reason})") from None
    model = model or default_model_name()
    sizes = {"partition_bytes": partition_bytes} if partition_bytes else {}
    setup = f"saidwhat {__version__}, {model}" + ("" if ner_enabled() else ", no NER")
    partitions = plan(inputs, setup=setup, out=out, **sizes)
    manifest = Manifest.load(out)
    stale = manifest.retain(partitions)
    todo = [p for p in partitions if not manifest.done(p)]
    if planned:
        planned(len(todo))

    def finished(summary: dict) -> None:
        manifest.record(summary)
        if progress:
            progress(summary)

    if todo and engine == "dask":
        from saidwhat.run.distributed import run_on_dask

        run_on_dask(todo, out, model, workers=workers, scheduler=scheduler, finished=finished)
    elif todo:
        _run_local(todo, out, model, workers, finished, tick)
    for path in stale:  # only now: a failed run must not lose the earlier results
        path.unlink(missing_ok=True)
    return RunReport(
        planned=len(partitions),
        already_done=len(partitions) - len(todo),
        totals=manifest.totals(),
        seconds=time.monotonic() - started,
    )


def _run_local(
    partitions: list[Partition],
    out: Path,
    model: str,
    workers: int,
    finished: Progress,
    tick: Callable[[], None] | None,
) -> None:
    """All partitions through one local pool; results are cut back into partitions by
    remembering, for every document sent, which partition it came from (input order)."""
    owners: deque[int] = deque()

    def documents() -> Iterator[Document | Skipped]:
        for number, partition in enumerate(partitions):
            for document in partition.read():
                owners.append(number)
                yield document

    sink = _Sink(partitions, out, finished)
    for result in extract_parallel(documents(), workers=workers, model=model):
        sink.add(owners.popleft(), result)
        if tick:
            tick()
    sink.finish_before(len(partitions))


class _Sink:
    """Writes results partition by partition as they arrive in input order."""

    def __init__(self, partitions: list[Partition], out: Path, finished: Progress):
        self.partitions, self.out, self.finished = partitions, out, finished
        self.current = 0
        self.pending: list[Article | Skipped] = []
        self._open()

    def add(self, number: int, result: Article | Skipped) -> None:
        self.finish_before(number)
        self.pending.append(result)
        if len(self.pending) >= BATCH_SIZE:
            self.writer.write(self.pending)
            self.pending = []

    def finish_before(self, number: int) -> None:
        """Close every partition before ``number`` (some may have yielded no document)."""
        while self.current < number:
            self.writer.write(self.pending)
            self.pending = []
            self.writer.close()
            seconds = time.monotonic() - self.started
            self.finished(summarise(self.partitions[self.current], self.writer, seconds))
            self.current += 1
            if self.current < len(self.partitions):
                self._open()

    def _open(self) -> None:
        self.writer = PartitionWriter(self.out, self.partitions[self.current].id)
        self.started = time.monotonic()
