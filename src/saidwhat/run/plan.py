"""A corpus run's plan and its memory: input files grouped into partitions, and the manifest
of finished partitions that lets a rerun skip them.

A partition is a group of whole input files (a big WARC is one partition on its own, small
files are grouped up to a size), so that a worker reads its own inputs: the client never
reads or ships article text, which would cap a cluster at the client's speed. Its id hashes
the files' paths, sizes and modification times and the extraction set-up (saidwhat version,
model, options): a changed input or set-up is a new partition, never a stale "done".
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from saidwhat import __version__
from saidwhat.errors import InputError
from saidwhat.read import ARTICLE_SUFFIXES, STDIN
from saidwhat.read.url import is_url

MANIFEST = "manifest.json"
# The version of the records as written to Parquet: part of every partition id, so a bump
# re-runs every partition of an earlier run instead of mixing two layouts.
SCHEMA_VERSION = 1
PARTITION_BYTES = 64_000_000


@dataclass
class Partition:
    """Some whole input files, processed and written together."""

    id: str
    files: list[str]
    bytes: int = 0


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
    inputs: list[str], *, setup: str, partition_bytes: int = PARTITION_BYTES
) -> list[Partition]:
    """The partitions of some files and directories, in input order (deterministic)."""
    groups: list[Partition] = []
    current: list[tuple[str, int, int]] = []
    for path in _input_files(inputs):
        stat = path.stat()
        current.append((str(path.resolve()), stat.st_size, stat.st_mtime_ns))
        if sum(size for _, size, _ in current) >= partition_bytes:
            groups.append(_partition(current, setup))
            current = []
    if current:
        groups.append(_partition(current, setup))
    return groups


def _partition(files: list[tuple[str, int, int]], setup: str) -> Partition:
    key = json.dumps([setup, SCHEMA_VERSION, files])
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return Partition(f"part-{digest}", [f for f, _, _ in files], sum(s for _, s, _ in files))


def _input_files(inputs: list[str]) -> list[Path]:
    """The article files of the inputs, as the readers walk them (sorted, no hidden files)."""
    files: list[Path] = []
    for value in inputs:
        if value == STDIN or is_url(value):
            raise InputError(value, "a corpus run reads files and directories; use ingest")
        path = Path(value)
        if path.is_dir():
            files.extend(_walk(path))
        elif path.exists():
            files.append(path)
        else:
            raise InputError(value, "no such file or directory")
    if not files:
        raise InputError(" ".join(inputs), "no article files in these inputs")
    return files


def _walk(directory: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                found.append(Path(root) / name)
    return found
