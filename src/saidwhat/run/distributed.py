"""The Dask engine: one task per partition on a ``dask.distributed`` cluster.

Without a scheduler address a LocalCluster of ``workers`` single-threaded processes is
started (spaCy holds the GIL: threads would not run in parallel). With an address, the
cluster is whatever the user started (dask-kubernetes, dask-jobqueue, ``dask scheduler``),
and input files and the output directory must be on storage that every worker sees.
"""

from __future__ import annotations

import logging
from pathlib import Path

from saidwhat.errors import SaidwhatError
from saidwhat.run.plan import Partition


def run_on_dask(
    partitions: list[Partition],
    out: Path,
    model: str,
    *,
    workers: int,
    scheduler: str | None,
    finished,
) -> None:
    """Run the partitions, calling ``finished(summary)`` as each one completes (any order)."""
    from dask.distributed import Client, LocalCluster, as_completed

    from saidwhat.run.partition import run_partition

    cluster = None
    if scheduler:
        client = _connect(Client, scheduler)
    else:
        cluster = LocalCluster(
            n_workers=max(workers, 1),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    try:
        futures = [
            client.submit(run_partition, p, out.resolve(), model, key=f"saidwhat-{p.id}")
            for p in partitions
        ]
        for future in as_completed(futures):
            try:
                finished(future.result())
            except SaidwhatError:
                raise
            except Exception as exc:  # a task's error or a lost worker: one line, resumable
                raise SaidwhatError(
                    f"partition {future.key} failed on the cluster ({type(exc).__name__}: "
                    f"{str(exc).splitlines()[0][:160] if str(exc) else ''}); "
                    "finished partitions are kept, rerun to continue"
                ) from None
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _connect(client_class, address: str):
    try:
        return client_class(address, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise SaidwhatError(f"cannot reach the Dask scheduler at {address} ({exc})") from None
