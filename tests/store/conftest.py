"""Store fixtures: a fresh corpus file in tmp_path (real SQLite, real schema)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # builders.py beside the tests

from saidwhat.store import Corpus  # noqa: E402


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    with Corpus(tmp_path / "corpus.db") as opened:
        yield opened
