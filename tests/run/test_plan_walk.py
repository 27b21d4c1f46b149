"""A corpus run's plan walks directories as the readers do: the same files (symlinked folders
included, hidden files and loops passed over) and the same skipped inputs, written once.

The articles below are invented for these tests (people and places are fictional).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from saidwhat.errors import InputError
from saidwhat.pipeline import extract_many
from saidwhat.read.files import iter_path
from saidwhat.records import Article, Document, Skipped
from saidwhat.run.corpus import run_corpus
from saidwhat.run.parquet import read_results
from saidwhat.run.plan import Manifest, plan

pytestmark = pytest.mark.timeout(120)

ARTICLES = {
    "corpus/a.txt": '"The ferry will run every hour from June," said harbour master Ilse Brandt.\n',
    "corpus/sub/c.txt": 'Councillor Rafe Odell said the roof leaks. "Fix it," he said.\n',
    "corpus/t.txt": 'The tram line opens in May, said planner Jorun Vesk. "At last," she said.\n',
    "elsewhere/b.txt": '"We counted forty swans on the lake," warden Nia Castell told the paper.\n',
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """corpus/ with an article, a README and a picture beside it, a hidden file, a broken
    link, a sub-folder holding a symlink loop, and a symlinked folder holding an article."""
    for name, text in ARTICLES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    root = tmp_path / "corpus"
    (root / "README.md").write_text("Invented test corpus.\n", encoding="utf-8")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a picture")
    (root / ".notes.txt").write_text('"Hidden," said nobody.\n', encoding="utf-8")
    (root / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (root / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    return root


def _planned(partitions) -> tuple[list[str], list[Skipped]]:
    files = [f for p in partitions for f in p.files]
    return files, [s for p in partitions for s in p.skipped]


@pytest.mark.parametrize("partition_bytes", [1, 64_000_000])
def test_the_plan_reads_what_the_reader_reads_and_skips_what_it_skips(
    corpus: Path, partition_bytes: int
):
    read = list(iter_path(corpus))
    files, skipped = _planned(plan([str(corpus)], setup="t", partition_bytes=partition_bytes))
    assert files == [d.origin for d in read if isinstance(d, Document)]
    assert skipped == [s for s in read if isinstance(s, Skipped)]
    assert [Path(f).relative_to(corpus).as_posix() for f in files] == [
        "a.txt",
        "linked/b.txt",  # through the symlinked folder, under the name it was found by
        "sub/c.txt",
        "t.txt",  # by name, between and after folders (not a folder's files first)
    ]
    assert {Path(s.origin).name: s.reason.split(" (")[0] for s in skipped} == {
        "README.md": "not an article file type",
        "gone.txt": "cannot read",
        "photo.jpg": "not an article file type",
    }


def test_a_relative_input_is_planned_with_absolute_paths(corpus: Path, monkeypatch):
    monkeypatch.chdir(corpus.parent)
    files, skipped = _planned(plan([corpus.name], setup="t"))
    assert files == [d.origin for d in iter_path(corpus) if isinstance(d, Document)]
    assert [s.origin for s in skipped] == [
        s.origin for s in iter_path(corpus) if isinstance(s, Skipped)
    ]


def test_a_new_skip_is_a_new_partition_and_the_others_keep_their_ids(corpus: Path):
    before = plan([str(corpus)], setup="t", partition_bytes=1)
    (corpus / "sub" / "notes.docx").write_bytes(b"PK\x03\x04")
    after = plan([str(corpus)], setup="t", partition_bytes=1)
    assert [p.id == q.id for p, q in zip(before, after, strict=True)] == [True, True, False, True]
    assert [Path(s.origin).name for s in after[2].skipped] == ["notes.docx"]


def test_a_directory_with_nothing_to_read_is_reported_beside_the_others(corpus: Path):
    empty = corpus.parent / "empty"
    empty.mkdir()
    (empty / ".hidden.txt").write_text("Nothing.", encoding="utf-8")
    partitions = plan([str(empty), str(corpus)], setup="t")
    assert partitions[0].skipped[0] == Skipped(
        origin=str(empty), reason="no article files in this directory"
    )
    (empty / "LICENSE").write_text("Apache-2.0", encoding="utf-8")
    with pytest.raises(InputError, match="no article files in these inputs"):
        plan([str(empty)], setup="t")


def test_a_local_run_reports_the_walk_skips_as_extract_does_and_once(corpus: Path):
    expected = list(extract_many(iter_path(corpus)))
    out = corpus / "out"  # inside the input: the rerun must not read the first run's files
    first = run_corpus([str(corpus)], out, partition_bytes=1)
    entries = sorted(Manifest.load(out).partitions.values(), key=lambda e: e["inputs"])
    got = [r for e in entries for r in read_results({k: out / v for k, v in e["files"].items()})]
    articles = [r for r in got if isinstance(r, Article)]
    assert articles == [r for r in expected if isinstance(r, Article)]
    skips = [r for r in got if isinstance(r, Skipped)]
    assert sorted(skips, key=str) == sorted(
        (r for r in expected if isinstance(r, Skipped)), key=str
    )
    assert any(s.reason.startswith("not an article file type (.md)") for s in skips)
    assert first.totals["skipped"] == len(skips) == 3
    assert first.totals["articles"] == 4

    again = run_corpus([str(corpus)], out, partition_bytes=1)
    assert again.already_done == again.planned == first.planned
    assert again.totals == first.totals  # the walk's skips are not counted twice
