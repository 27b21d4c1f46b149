"""One partition's unit of work: read its inputs, extract them in batches and write its Parquet
files, in whichever process runs it (a Dask task on a cluster worker, or this process); and the
summary the manifest records for a finished partition."""

from __future__ import annotations

import time
from pathlib import Path

from saidwhat.run.local import BATCH_SIZE, batches, extract_batch
from saidwhat.run.parquet import PartitionWriter
from saidwhat.run.plan import Partition


def run_partition(partition: Partition, out: Path, model: str) -> dict:
    """Read, extract and write one partition in this process (a Dask task); its summary."""
    started = time.monotonic()
    writer = PartitionWriter(out, partition.id)
    for batch in batches(partition.read(), BATCH_SIZE):
        writer.write(extract_batch(batch, model))
    writer.close()
    return summarise(partition, writer, time.monotonic() - started)


def summarise(partition: Partition, writer: PartitionWriter, seconds: float) -> dict:
    """The manifest entry of a finished partition."""
    return {
        "id": partition.id,
        "inputs": partition.inputs,
        "bytes": partition.bytes,
        "articles": writer.rows["articles"],
        "quotes": writer.rows["quotes"],
        "speakers": writer.rows["speakers"],
        "skipped": writer.rows["skipped"],
        "skip_reasons": dict(writer.skips.most_common()),
        "files": writer.files,
        "seconds": round(seconds, 3),
    }
