"""A corpus made by an older saidwhat: commands that only read refuse it and say how to bring
it up to date, and `saidwhat upgrade` does so in place."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from saidwhat.store import Corpus
from saidwhat.store.schema import SCHEMA_VERSION


def saidwhat(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "saidwhat", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_an_old_corpus_is_refused_by_readers_until_upgraded(tmp_path) -> None:
    path = tmp_path / "old.db"
    Corpus(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    raw.close()
    refused = saidwhat("search", "harbour", "--db", str(path))
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert f"saidwhat upgrade --db {path}" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    upgraded = saidwhat("upgrade", "--db", str(path))
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"schema version {SCHEMA_VERSION}" in upgraded.stdout
    assert saidwhat("search", "harbour", "--db", str(path)).returncode == 0


def test_upgrade_names_a_missing_corpus_and_creates_nothing(tmp_path) -> None:
    missing = tmp_path / "none.db"
    result = saidwhat("upgrade", "--db", str(missing))
    assert result.returncode != 0 and "no such corpus" in result.stderr
    assert not missing.exists()
