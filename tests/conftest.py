"""Shared fixtures: the real spaCy pipeline (loaded once), paths to ../shared data and the demo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEMO = REPO / "examples" / "demo"


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline, loaded once for the whole session."""
    from saidwhat.parse import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "DESIGN.md").exists():
        pytest.skip("../shared is absent (a user's clone has no evaluation data)")
    return SHARED


@pytest.fixture(scope="session")
def seed_article(shared_dir: Path) -> Path:
    return shared_dir / "examples" / "seed-article.txt"


@pytest.fixture(scope="session")
def polnear_dev(shared_dir: Path) -> list[dict]:
    path = shared_dir / "data" / "polnear" / "dev.jsonl"
    if not path.exists():
        pytest.skip("../shared/data/polnear/dev.jsonl is absent")
    return [json.loads(line) for line in path.open(encoding="utf-8")]


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return DEMO
