"""A big uncompressed JSONL is cut into byte-range partitions: every line is read once, by the
range it starts in, with the origin (``path:LINE``) and records the whole file gives, and both
engines give the single-process results; a rerun skips finished ranges, a changed file re-runs.

The articles below are invented for these tests (people and places are fictional).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from saidwhat.pipeline import extract_many
from saidwhat.read import iter_documents
from saidwhat.read.corpus import iter_jsonl
from saidwhat.records import Article, Skipped
from saidwhat.run import plan as plan_module
from saidwhat.run.corpus import run_corpus
from saidwhat.run.load import load_results
from saidwhat.run.parquet import read_results
from saidwhat.run.plan import Manifest, input_order, plan

pytestmark = pytest.mark.timeout(180)

PEOPLE = ["Lena Moss", "Omar Hale", "Ada Quill", "Tomas Brede", "Ines Varga", "Rui Okonkwo"]
TOWNS = ["Port Aldous", "Kestrel Bay", "Dunmore", "Hollin Cross", "Marrow Vale"]
THINGS = ["bridge", "library", "ferry pier", "school roof", "tram depot"]
PARTITION_BYTES = 2500  # with the floor lowered below: several ranges of the invented file


def _line(n: int) -> str:
    person, town, thing = PEOPLE[n % 6], TOWNS[n % 5], THINGS[n % 4]
    text = (
        f'"The {thing} in {town} will be ready by spring," said engineer {person}. '
        f"{person.split()[1]} added that the work had cost less than planned."
    )
    return json.dumps({"id": f"r{n}", "text": text})


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 invented articles, a BOM before the first line, a blank and a non-JSON line."""
    lines = [_line(n) for n in range(60)]
    lines.insert(17, "")
    lines.insert(33, "this line is not json")
    path = tmp_path_factory.mktemp("ranges") / "news.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + ("\n".join(lines) + "\n").encode("utf-8"))
    return path


@pytest.fixture
def small_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ranges of a few KB, so that a file a test can extract quickly is cut into several."""
    monkeypatch.setattr(plan_module, "MIN_RANGE_BYTES", 1000)


@pytest.fixture(scope="module")
def single_process(jsonl: Path) -> list[Article | Skipped]:
    return list(extract_many(iter_documents([str(jsonl)])))


def _results(out: Path) -> list[Article | Skipped]:
    entries = Manifest.load(out).partitions.values()
    found: list[Article | Skipped] = []
    for entry in sorted(entries, key=lambda e: input_order(e["inputs"])):
        found.extend(read_results({k: out / v for k, v in entry["files"].items()}))
    return found


def _split(items: list[Article | Skipped]) -> tuple[list[Article], list[Skipped]]:
    articles = [i for i in items if isinstance(i, Article)]
    return articles, [i for i in items if isinstance(i, Skipped)]


def test_ranges_read_every_line_once_with_its_true_line_number(jsonl: Path, small_floor):
    whole = list(iter_jsonl(jsonl))
    assert len(whole) == 61 and whole[0].id == "r0" and whole[0].origin == f"{jsonl}:1"
    skip = Skipped(origin=f"{jsonl}:34", reason="not JSON (Expecting value, column 1)")
    assert whole[32] == skip and whole[33].origin == f"{jsonl}:35"  # line 18 is blank
    partitions = plan([str(jsonl)], setup="t", partition_bytes=PARTITION_BYTES)
    size = jsonl.stat().st_size
    assert len(partitions) == -(-size // PARTITION_BYTES) >= 4
    assert partitions[0].range[0] == 0 and partitions[-1].range[1] == size
    assert all(p.range[1] == q.range[0] for p, q in zip(partitions, partitions[1:], strict=False))
    assert [d for p in partitions for d in p.read()] == whole
    starts = [0] + [i + 1 for i, byte in enumerate(jsonl.read_bytes()) if byte == ord("\n")]
    # cuts at, just before and just after line starts (the BOM line's too), in any line
    for cut in sorted({max(s + d, 0) for s in starts[:4] + starts[30:36] for d in (-1, 0, 1)}):
        assert list(iter_jsonl(jsonl, (0, cut))) + list(iter_jsonl(jsonl, (cut, size))) == whole


def test_small_or_gzipped_jsonl_stays_one_partition(jsonl: Path, tmp_path: Path):
    assert len(plan([str(jsonl)], setup="t", partition_bytes=1)) == 1  # under the real floor
    packed = tmp_path / "news.jsonl.gz"
    packed.write_bytes(b"\x1f\x8b" + b"\x00" * 3 * plan_module.MIN_RANGE_BYTES)
    (partition,) = plan([str(packed)], setup="t", partition_bytes=1)
    assert partition.range is None and partition.inputs == [str(packed)]


def test_a_local_run_gives_the_single_process_records_and_reruns_only_a_changed_file(
    jsonl: Path, single_process: list, small_floor, tmp_path: Path
):
    work = tmp_path / "news.jsonl"
    shutil.copy(jsonl, work)
    expected = list(extract_many(iter_documents([str(work)])))  # origins name the copy
    assert _split(expected)[0] == [
        a.model_copy(update={"origin": a.origin.replace(str(jsonl), str(work))})
        for a in _split(single_process)[0]
    ]
    out = tmp_path / "out"
    first = run_corpus([str(work)], out, partition_bytes=PARTITION_BYTES)
    assert first.planned >= 4 and first.already_done == 0
    assert _split(_results(out)) == _split(expected)
    entries = sorted(Manifest.load(out).partitions.values(), key=lambda e: input_order(e["inputs"]))
    spans = [e["inputs"] for e in entries]
    assert all(span == [{"file": str(work), "range": span[0]["range"]}] for span in spans)
    assert [s[0]["range"][0] for s in spans] == sorted(s[0]["range"][0] for s in spans)
    assert load_results(out, tmp_path / "corpus.db").articles == first.totals["articles"] == 60

    seen: list[dict] = []
    again = run_corpus([str(work)], out, partition_bytes=PARTITION_BYTES, progress=seen.append)
    assert again.already_done == again.planned == first.planned and seen == []

    with work.open("a", encoding="utf-8") as fh:  # the file changes: every range re-runs
        fh.write(json.dumps({"id": "r60", "text": '"It rained," said farmer Ada Quill.'}) + "\n")
    third = run_corpus([str(work)], out, partition_bytes=PARTITION_BYTES, progress=seen.append)
    assert third.already_done == 0 and len(seen) == third.planned
    assert third.totals["articles"] == 61
    assert _split(_results(out))[0][-1].origin == f"{work}:63"
    assert len(list(out.rglob("*.parquet"))) == 4 * third.planned  # stale ranges are gone


def test_dask_gives_the_single_process_records(
    jsonl: Path, single_process: list, small_floor, tmp_path: Path
):
    report = run_corpus(
        [str(jsonl)], tmp_path, engine="dask", workers=2, partition_bytes=PARTITION_BYTES
    )
    assert report.planned >= 4
    articles, skipped = _split(_results(tmp_path))
    assert [a.quotes for a in articles] == [a.quotes for a in _split(single_process)[0]]
    assert (articles, skipped) == _split(single_process)
    assert sum(len(a.quotes) for a in articles) >= 60


def test_a_range_of_a_file_changed_since_the_plan_is_skipped_with_the_way_out(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(plan_module, "MIN_RANGE_BYTES", 1000)
    path = tmp_path / "changing.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"c{n}", "text": f"Item {n} " * 20}) + "\n" for n in range(40)),
        encoding="utf-8",
    )
    partitions = plan_module.plan([str(path)], setup="test", partition_bytes=1000)
    assert len(partitions) > 1 and partitions[1].range is not None
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "late", "text": "Added after the plan."}) + "\n")
    (skipped,) = list(partitions[1].read())
    assert isinstance(skipped, Skipped)
    assert skipped.reason == "changed since the run was planned; run it again to redo this file"
