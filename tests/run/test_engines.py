"""Corpus runs: the local pool, a real Dask LocalCluster, the manifest and `saidwhat load`
all give the records that one process gives."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from saidwhat.errors import InputError
from saidwhat.pipeline import extract_many
from saidwhat.read import iter_documents
from saidwhat.records import Article, Skipped
from saidwhat.run.corpus import run_corpus
from saidwhat.run.load import load_results
from saidwhat.run.local import extract_parallel
from saidwhat.run.parquet import read_results
from saidwhat.run.plan import Manifest

pytestmark = pytest.mark.timeout(240)


@pytest.fixture(scope="module")
def corpus(warc, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two WARC files and a JSONL of invented articles: three partitions of whole files."""
    directory = tmp_path_factory.mktemp("corpus")
    shutil.copy(warc.path, directory / "a.warc.gz")
    shutil.copy(warc.path, directory / "b.warc.gz")
    lines = [
        '{"id": "j1", "text": "\\"The bridge will open in May,\\" said engineer Lena Moss. '
        'She added that the budget was on track."}',
        '{"id": "j2", "text": "Council leader Omar Hale said the vote was close. '
        '\\"We listened to every resident,\\" Hale said."}',
        "not json at all",
    ]
    (directory / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


def _single_process(corpus: Path) -> list[Article | Skipped]:
    files = sorted(str(p.resolve()) for p in corpus.iterdir())
    return list(extract_many(iter_documents(files)))


def _results(out: Path) -> list[Article | Skipped]:
    entries = sorted(Manifest.load(out).partitions.values(), key=lambda e: e["inputs"])
    found: list[Article | Skipped] = []
    for entry in entries:
        found.extend(read_results({k: out / v for k, v in entry["files"].items()}))
    return found


def _articles(items: list[Article | Skipped]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def _skipped(items: list[Article | Skipped]) -> list[Skipped]:
    return [i for i in items if isinstance(i, Skipped)]


def test_a_local_pool_gives_the_single_process_results_in_input_order(corpus: Path):
    files = sorted(str(p) for p in corpus.iterdir())
    one = list(extract_parallel(iter_documents(files), workers=1))
    two = list(extract_parallel(iter_documents(files), workers=2, batch_size=2))
    assert two == one
    assert sum(len(a.quotes) for a in _articles(one)) > 0, "fixture pages must have quotes"


def test_dask_on_a_local_cluster_gives_the_single_process_quotes(corpus: Path, tmp_path: Path):
    expected = _single_process(corpus)
    report = run_corpus([str(corpus)], tmp_path, engine="dask", workers=2, partition_bytes=1)
    assert report.planned == 3 and report.already_done == 0
    got = _results(tmp_path)
    assert [a.quotes for a in _articles(got)] == [a.quotes for a in _articles(expected)]
    assert _articles(got) == _articles(expected)  # the whole records, not only quotes
    assert sorted(s.origin for s in _skipped(got)) == sorted(s.origin for s in _skipped(expected))
    assert report.totals["articles"] == len(_articles(expected)) == 8


def test_the_manifest_makes_a_rerun_skip_finished_partitions(corpus: Path, tmp_path: Path):
    work = tmp_path / "corpus"
    shutil.copytree(corpus, work)
    out = tmp_path / "out"
    first = run_corpus([str(work)], out, partition_bytes=1)
    written = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    assert first.planned == 3 and len(written) == 3 * 4

    seen: list[dict] = []
    again = run_corpus([str(work)], out, partition_bytes=1, progress=seen.append)
    assert again.already_done == 3 and seen == []
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == written
    assert again.totals == first.totals

    with (work / "c.jsonl").open("a", encoding="utf-8") as fh:  # one input changes
        fh.write('{"id": "j3", "text": "\\"It rained all week,\\" said farmer Ada Quill."}\n')
    third = run_corpus([str(work)], out, partition_bytes=1, progress=seen.append)
    assert third.already_done == 2 and [s["inputs"] for s in seen] == [[str(work / "c.jsonl")]]
    assert third.totals["articles"] == first.totals["articles"] + 1
    assert len(list(out.rglob("*.parquet"))) == 3 * 4  # the stale partition is gone


def test_a_damaged_partition_stops_load_with_the_way_out(corpus: Path, tmp_path: Path):
    out, db = tmp_path / "out", tmp_path / "corpus.db"
    run_corpus([str(corpus / "c.jsonl")], out)
    (entry,) = Manifest.load(out).partitions.values()
    quotes = out / entry["files"]["quotes"]
    quotes.write_bytes(quotes.read_bytes()[:100])  # a truncated copy
    with pytest.raises(InputError) as caught:
        load_results(out, db)
    assert caught.value.origin == str(quotes)
    assert caught.value.reason.startswith("damaged Parquet (")
    assert caught.value.reason.endswith(
        "delete the file and run `saidwhat run` again (it redoes that partition), "
        "then `saidwhat load`"
    )
    quotes.unlink()
    assert run_corpus([str(corpus / "c.jsonl")], out).already_done == 0
    assert load_results(out, db).articles == 2


def test_run_and_load_from_the_command_line(warc, tmp_path: Path):
    out, db = tmp_path / "out", tmp_path / "corpus.db"
    cli = [sys.executable, "-m", "saidwhat"]
    run = subprocess.run(
        [*cli, "run", str(warc.path), "--out", str(out), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.returncode == 0, run.stderr
    assert f"{warc.articles} articles" in run.stderr
    (entry,) = Manifest.load(out).partitions.values()
    assert entry["skip_reasons"] == warc.skips
    for _ in range(2):  # loading twice adds nothing
        load = subprocess.run(
            [*cli, "load", str(out), "--db", str(db)], capture_output=True, text=True, timeout=120
        )
        assert load.returncode == 0, load.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == warc.articles
        skipped = conn.execute("SELECT count(*) FROM inputs WHERE status = 'skipped'")
        assert skipped.fetchone()[0] == sum(warc.skips.values())
    bad = subprocess.run(
        [*cli, "run", str(warc.path), "--out", str(out), "--engine", "spark"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines()[-1] == (
        "saidwhat: --engine: unknown engine 'spark'; choose local or dask"
    )
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("not a directory")
    blocked = subprocess.run(
        [*cli, "run", str(warc.path), "--out", str(in_the_way / "out")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert blocked.returncode == 2
    assert blocked.stderr.strip().splitlines() == [
        f"saidwhat: {in_the_way / 'out'}: cannot create the output directory (Not a directory)"
    ]


def test_ingest_a_warc_with_two_workers(warc, tmp_path: Path):
    db = tmp_path / "ingest.db"
    done = subprocess.run(
        [sys.executable, "-m", "saidwhat", "ingest", str(warc.path), "--db", str(db), "-w", "2"],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == warc.articles
        reasons = [r for (r,) in conn.execute("SELECT reason FROM inputs WHERE status='skipped'")]
    assert sorted(r.split(":")[0] for r in reasons) == sorted(
        kind for kind, n in warc.skips.items() for _ in range(n)
    )
