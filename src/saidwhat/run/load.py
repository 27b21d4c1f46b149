"""``saidwhat load``: merge a corpus run's Parquet results into the store, through the store's
own writer (speaker merge, quote clustering, idempotence), partition by partition."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
from pyarrow import ArrowException

from saidwhat.errors import InputError, one_line
from saidwhat.run.parquet import read_results
from saidwhat.run.plan import Manifest, input_order
from saidwhat.store.connection import connect
from saidwhat.store.models import IngestReport
from saidwhat.store.writer import ingest_articles

LoadProgress = Callable[[int, int, str], None]
"""Called after each partition with (partitions done, partitions in all, counts so far)."""


def load_results(
    directory: Path, db: Path, *, progress: LoadProgress | None = None
) -> IngestReport:
    """Write every finished partition of ``directory`` into the store ``db``."""
    manifest = Manifest.load(directory)
    if not manifest.partitions:
        raise InputError(str(directory), "no finished partitions here (run `saidwhat run` first)")
    entries = sorted(manifest.partitions.values(), key=lambda e: input_order(e["inputs"]))
    for entry in entries:
        for relative in entry["files"].values():
            path = directory / relative
            if not path.exists():
                raise InputError(str(path), "listed in the manifest but missing")
            try:
                pq.ParquetFile(path)  # reads the footer: catches a truncated file up front
            except (ArrowException, OSError) as exc:
                raise InputError(str(path), damaged(exc, "the file")) from None
    conn = connect(db)
    report = IngestReport()
    try:
        for number, entry in enumerate(entries, 1):
            files = {name: directory / relative for name, relative in entry["files"].items()}
            try:
                ingest_articles(conn, read_results(files), report=report)
            except (ArrowException, OSError) as exc:  # damage inside a file, met while reading
                where = str(directory / "*" / f"{entry['id']}.parquet")
                raise InputError(where, damaged(exc, "one of these files")) from None
            if progress:
                counts = f"{report.articles} articles, {report.quotes} quotes"
                progress(number, len(entries), counts)
    finally:
        conn.close()
    return report


def damaged(exc: BaseException, which: str) -> str:
    """Why a partition cannot be loaded, and the way out: a rerun redoes a partition whose
    files are gone, and loading is idempotent, so nothing is counted twice."""
    return (
        f"damaged Parquet ({one_line(exc)}); delete {which} and run `saidwhat run` again "
        "(it redoes that partition), then `saidwhat load`"
    )
