"""Several processes opening one new store at the same moment (as two `saidwhat ingest` started
together do): the schema is created once, the others wait for it, and none fails with "table
inputs already exists" (issue 11). Real processes, forked so that many rounds take a second
(two ingests collide only now and then: most of their start-up is loading the model)."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from saidwhat.store.connection import connect
from saidwhat.store.schema import SCHEMA_VERSION

ROUNDS, PROCESSES = 10, 4


def open_at_once(path: str, barrier, errors) -> None:
    barrier.wait()  # every process opens the new file at the same moment
    try:
        connect(path).execute("SELECT COUNT(*) FROM quotes").fetchone()
    except Exception as exc:  # report it to the test rather than die with a traceback
        errors.put(f"{type(exc).__name__}: {exc}")


def test_processes_opening_a_new_store_together_all_succeed(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")  # cheap processes: many rounds in a second
    errors = context.Queue()
    for round_ in range(ROUNDS):
        path = str(tmp_path / f"new-{round_}.db")
        barrier = context.Barrier(PROCESSES)
        openers = [
            context.Process(target=open_at_once, args=(path, barrier, errors))
            for _ in range(PROCESSES)
        ]
        for opener in openers:
            opener.start()
        for opener in openers:
            opener.join(timeout=60)
        assert [opener.exitcode for opener in openers] == [0] * PROCESSES
        assert connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert errors.empty(), errors.get()
