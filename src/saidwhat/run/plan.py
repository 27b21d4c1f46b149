"""A corpus run's plan and its memory: input files grouped into partitions, and the manifest
of finished partitions that lets a rerun skip them.

A partition is a group of whole input files (a big WARC is one partition on its own, small
files are grouped up to a size), or a byte range of one uncompressed JSONL file larger than
the partition size, so that a 10 GB JSONL keeps a whole cluster busy. Either way a worker
reads its own inputs: the client never reads or ships article text, which would cap a
cluster at the client's speed (ranges are cut at byte offsets, not lines; a range reads the
lines that start in it, see ``read.corpus.iter_jsonl``). Gzip'd JSONL cannot be entered in
the middle and stays whole, as do WARC, CSV, HTML and text files. The id hashes the files'
paths, sizes and modification times, the range, the walk's skips among them and the
extraction set-up (saidwhat version, model, options): a changed input or set-up is a new
partition, never a stale "done".
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from saidwhat.about import __version__
from saidwhat.errors import InputError
from saidwhat.read import STDIN, iter_documents
from saidwhat.read.corpus import count_newlines, iter_jsonl
from saidwhat.read.files import unreadable, walk_directory
from saidwhat.read.url import is_url
from saidwhat.records import Document, Skipped

MANIFEST = "manifest.json"
# The version of the records as written to Parquet: part of every partition id, so a bump
# re-runs every partition of an earlier run instead of mixing two layouts.
SCHEMA_VERSION = 1
PARTITION_BYTES = 64_000_000
MIN_RANGE_BYTES = 1_000_000
"""A JSONL file is cut only when it is larger than this (and than the partition size), into
ranges of more than half of the larger of the two: a tiny range costs a task, four Parquet
files and a manifest entry for a few lines (or none), and ``partition_bytes=1`` ("every file
a partition") must not cut a small JSONL into one-byte ranges."""
_RANGE_SUFFIXES = (".jsonl", ".ndjson")  # uncompressed: a reader can seek into them


@dataclass
class Partition:
    """Some whole input files, or with ``range`` the bytes [start, end) of its one file,
    processed and written together, with what the directory walk reported as skipped among
    them (see ``plan``)."""

    id: str
    files: list[str]
    bytes: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    range: tuple[int, int] | None = None
    newlines: int = 0  # with a range: the file's newlines before byte start - 1 (line numbers)
    planned: tuple[int, int] = (0, 0)  # with a range: the file's size and mtime at plan time

    def read(self) -> Iterator[Document | Skipped]:
        """Its inputs as the engines extract them: the walk's skips, then its files' records."""
        yield from self.skipped
        if self.range is None:
            yield from iter_documents(self.files)
            return
        path = Path(self.files[0])
        try:
            stat = path.stat()
            if (stat.st_size, stat.st_mtime_ns) != self.planned:  # the ranges would not fit it
                start, end = self.range
                reason = "changed since the run was planned; run it again to redo this file"
                yield Skipped(origin=f"{path} (bytes {start}-{end})", reason=reason)
                return
            yield from iter_jsonl(path, self.range, newlines=self.newlines)
        except OSError as exc:  # gone or unreadable since the plan: as the reader reports it
            yield unreadable(path, exc)

    @property
    def inputs(self) -> list[str | dict]:
        """What the manifest shows it holds: its files, or its file and range."""
        if self.range is None:
            return list(self.files)
        return [{"file": self.files[0], "range": list(self.range)}]


def input_order(inputs: list[str | dict]) -> list[tuple[str, int]]:
    """A sort key putting manifest entries (their ``inputs``) in input order, ranges of one
    file by their start (paths are compared as before: the walk's sorted order)."""
    return [(i, 0) if isinstance(i, str) else (i["file"], i["range"][0]) for i in inputs]


@dataclass
class Manifest:
    """The finished partitions of an output directory, in plan order of their first run."""

    out: Path
    partitions: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, out: Path) -> Manifest:
        path = out / MANIFEST
        if not path.exists():
            return cls(out)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(out, dict(data["partitions"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(str(path), f"not a saidwhat run manifest ({exc})") from None

    def done(self, partition: Partition) -> bool:
        """True when the partition finished before and all its files are still there."""
        entry = self.partitions.get(partition.id)
        return bool(entry) and all((self.out / f).exists() for f in entry["files"].values())

    def record(self, summary: dict) -> None:
        """Add a finished partition and save."""
        self.partitions[summary["id"]] = summary
        self._save()

    def retain(self, partitions: list[Partition]) -> list[Path]:
        """Forget partitions of an earlier plan (an output directory holds one corpus, as last
        planned, so totals and ``load`` never count an input twice); their files, returned,
        are for the caller to delete once the new plan has run."""
        keep = {p.id for p in partitions}
        stale = [pid for pid in self.partitions if pid not in keep]
        files = [self.out / f for pid in stale for f in self.partitions.pop(pid)["files"].values()]
        if stale:
            self._save()
        return files

    def _save(self) -> None:
        """Write atomically: a killed run leaves the previous manifest, never half of one."""
        path = self.out / MANIFEST
        tmp = path.with_suffix(".json.tmp")
        data = {
            "saidwhat": __version__,
            "schema": SCHEMA_VERSION,
            "partitions": self.partitions,
        }
        tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(tmp, path)

    def totals(self) -> dict[str, int]:
        """Articles, quotes, speakers and skipped inputs over all finished partitions."""
        keys = ("articles", "quotes", "speakers", "skipped")
        return {k: sum(p.get(k, 0) for p in self.partitions.values()) for k in keys}


def plan(
    inputs: list[str],
    *,
    setup: str,
    partition_bytes: int = PARTITION_BYTES,
    out: Path | None = None,
) -> list[Partition]:
    """The partitions of some files and directories, in input order (deterministic).

    Directories are walked by the readers' own walk (``read.files.walk_directory``), so a run
    reads the files ``extract`` and ``ingest`` read, through symlinked folders too. What that
    walk reports as skipped (a README, a picture, an unreadable folder, a broken link) travels
    with the partition in whose stretch of the walk it was met and is written to that
    partition's skipped table before its files' results. Why there: a partition is then still
    "a stretch of the corpus, written once": the manifest records its skips with it, a rerun
    that skips the partition skips them too (never counted twice), and engines, ``load`` and
    the totals need no special case. Their origins and reasons are part of the partition id,
    so a skip that appears or goes re-runs (and re-reports) the partition that holds it.
    The output directory ``out`` is passed over where the walk meets it: else a rerun would
    report the first run's Parquet files and re-run the partition they fell into, each time.
    """
    groups: list[_Group] = [_Group()]
    for item in _walk_inputs(inputs, out):
        if isinstance(item, Skipped):
            groups[-1].skipped.append(item)
            continue
        try:
            stat = item.stat()
        except OSError as exc:  # a broken link: what the reader would say of it
            groups[-1].skipped.append(unreadable(item, exc))
            continue
        file = (str(item), stat.st_size, stat.st_mtime_ns)
        spans = _ranges(item, stat.st_size, partition_bytes)
        counts = _newlines_before(item, [s[0] - 1 for s in spans]) if spans[0] else [0]
        for span, newlines in zip(spans, counts, strict=True):
            last = groups[-1]  # a range is a partition of its own
            if last.files and (span or last.range or last.bytes >= partition_bytes):
                groups.append(_Group())
            groups[-1].add(file, span, newlines)
    if not groups[-1].files:
        raise InputError(" ".join(inputs), "no article files in these inputs")
    return [group.partition(setup) for group in groups]


def _ranges(path: Path, size: int, partition_bytes: int) -> list[tuple[int, int] | None]:
    """[None] for a file read whole, else the even byte ranges of a big uncompressed JSONL,
    each at most ``partition_bytes`` (or ``MIN_RANGE_BYTES`` when that is larger) and more
    than half of it."""
    step = max(partition_bytes, MIN_RANGE_BYTES)
    count = -(-size // step)
    if count < 2 or not path.name.lower().endswith(_RANGE_SUFFIXES):
        return [None]
    cuts = [size * n // count for n in range(count + 1)]
    return list(zip(cuts, cuts[1:], strict=False))


def _newlines_before(path: Path, offsets: list[int]) -> list[int]:
    """The newlines in the file before each offset (ascending), in one pass at plan time, so
    that each range seeks straight to its start instead of counting the file up to it."""
    counts, seen, position = [], 0, 0
    with path.open("rb") as stream:
        for offset in offsets:
            seen += count_newlines(stream, max(offset, 0) - position)
            position = max(offset, position)
            counts.append(seen)
    return counts


@dataclass
class _Group:
    """A partition being planned: (path, size, mtime) of its files, the byte range when it is
    a range of its one file, and the walk's skips."""

    files: list[tuple[str, int, int]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    bytes: int = 0  # a running sum: a partition of 10,000 small files is not re-added per file
    range: tuple[int, int] | None = None
    newlines: int = 0

    def add(self, file: tuple[str, int, int], span: tuple[int, int] | None, newlines: int) -> None:
        self.files.append(file)
        self.range, self.newlines = span, newlines
        self.bytes += span[1] - span[0] if span else file[1]

    def partition(self, setup: str) -> Partition:
        key = [setup, SCHEMA_VERSION, self.files]
        if self.skipped:  # only then: the ids of partitions without skips stay as they were
            key.append([[s.origin, s.reason] for s in self.skipped])
        if self.range:  # likewise for whole files
            key.append({"range": list(self.range)})
        digest = hashlib.sha1(json.dumps(key).encode("utf-8")).hexdigest()[:16]
        files = [f for f, _, _ in self.files]
        planned = self.files[0][1:] if self.range else (0, 0)
        return Partition(
            f"part-{digest}", files, self.bytes, self.skipped, self.range, self.newlines, planned
        )


def _walk_inputs(inputs: list[str], out: Path | None) -> Iterator[Path | Skipped]:
    """The inputs' article files and the walk's skips, in reading order. Paths are absolute
    (workers may run elsewhere) but not resolved: a file is read under the name it was found
    by, as the readers do (a symlink ``a.txt`` is a text article whatever its target's name)."""
    for value in inputs:
        if value == STDIN or is_url(value):
            raise InputError(value, "a corpus run reads files and directories; use ingest")
        path = Path(value).absolute()
        if path.is_dir():
            yield from walk_directory(path, exclude=[out] if out else [])
        elif path.exists():
            yield path
        else:
            raise InputError(value, "no such file or directory")
