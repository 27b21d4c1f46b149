"""Articles as Parquet tables (articles, quotes, speakers, skipped) and back, losslessly.

The Arrow schemas are derived from the pydantic records, so a field added to records.py is a
column here without another edit: one data contract. Quotes and speakers carry their article's
id (for joins), its row in the partition's articles file (ids may repeat in a crawl) and their
position in it, so rows regroup into exactly the Article they came from.
"""

from __future__ import annotations

import os
import types
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal, Union, get_args, get_origin

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from saidwhat.read.warc import skip_kind
from saidwhat.records import Article, Quote, Skipped, Speaker

TABLES = ("articles", "quotes", "speakers", "skipped")
_NESTED = {"quotes": Quote, "speakers": Speaker}  # Article fields stored as tables of their own
_LINK = [
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("article_row", pa.int64(), nullable=False),
    pa.field("position", pa.int32(), nullable=False),
]


def arrow_type(annotation) -> pa.DataType:
    """The Arrow type of a record field's annotation (Optional becomes a nullable field)."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in get_args(annotation) if a is not type(None)]
        return arrow_type(inner)
    if origin is Literal or annotation is str:
        return pa.string()
    if annotation is int:
        return pa.int64()
    if annotation is float:
        return pa.float64()
    if annotation is bool:
        return pa.bool_()
    if origin is list:
        return pa.list_(arrow_type(get_args(annotation)[0]))
    if origin is tuple:
        (item,) = set(get_args(annotation))
        return pa.list_(arrow_type(item))
    if origin is dict:
        key, value = get_args(annotation)
        return pa.map_(arrow_type(key), arrow_type(value))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(_fields(annotation))
    raise TypeError(f"no Arrow type for record annotation {annotation!r}")


def _fields(model: type[BaseModel], exclude: set[str] = frozenset()) -> list[pa.Field]:
    return [
        pa.field(name, arrow_type(info.annotation))
        for name, info in model.model_fields.items()
        if name not in exclude
    ]


SCHEMAS = {
    "articles": pa.schema(_fields(Article, set(_NESTED))),
    "quotes": pa.schema(_LINK + _fields(Quote)),
    "speakers": pa.schema(_LINK + _fields(Speaker)),
    "skipped": pa.schema(_fields(Skipped)),
}


def to_tables(results: Iterable[Article | Skipped], first_row: int = 0) -> dict[str, pa.Table]:
    """The four tables of a batch of results whose first article is row ``first_row``."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for item in results:
        if isinstance(item, Skipped):
            rows["skipped"].append(item.model_dump())
            continue
        link = {"article_id": item.id, "article_row": first_row + len(rows["articles"])}
        rows["articles"].append(item.model_dump(exclude=set(_NESTED)))
        for nested in _NESTED:
            for position, record in enumerate(getattr(item, nested)):
                row = link | {"position": position}
                rows[nested].append(row | record.model_dump())
    return {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in TABLES}


class PartitionWriter:
    """One partition's four files ``out/<table>/<stem>.parquet``, written batch by batch (so
    memory holds one batch, not a partition) and renamed into place only when complete: a
    killed run never leaves a file that looks finished."""

    def __init__(self, out: Path, stem: str):
        self.files = {name: f"{name}/{stem}.parquet" for name in TABLES}
        self.rows = dict.fromkeys(TABLES, 0)
        self.skips: Counter[str] = Counter()
        self._out = out
        self._writers = {}
        for name, relative in self.files.items():
            (out / relative).parent.mkdir(parents=True, exist_ok=True)
            self._writers[name] = pq.ParquetWriter(
                out / f"{relative}.tmp", SCHEMAS[name], compression="zstd"
            )

    def write(self, results: list[Article | Skipped]) -> None:
        if not results:
            return
        for name, table in to_tables(results, first_row=self.rows["articles"]).items():
            self._writers[name].write_table(table)
            self.rows[name] += table.num_rows
        self.skips.update(skip_kind(r.reason) for r in results if isinstance(r, Skipped))

    def close(self) -> None:
        for name, writer in self._writers.items():
            writer.close()
            os.replace(self._out / f"{self.files[name]}.tmp", self._out / self.files[name])


def read_results(files: dict[str, Path]) -> Iterator[Article | Skipped]:
    """The records of one partition's files: its Articles in order, then its Skipped.

    Streams: quotes and speakers were written in article order, so each nested table is
    merged in step with the articles, a row group at a time.
    """
    nested = {name: _Cursor(_rows(files[name])) for name in _NESTED}
    for number, row in enumerate(_rows(files["articles"])):
        row = _dicts(row, Article)
        for name, cursor in nested.items():
            row[name] = [_dicts(r, _NESTED[name]) for r in cursor.take(number)]
        yield Article.model_validate(row)
    for row in _rows(files["skipped"]):
        yield Skipped.model_validate(row)


class _Cursor:
    """The rows of a nested table, taken article by article."""

    def __init__(self, rows: Iterator[dict]):
        self._rows = rows
        self._next = next(rows, None)

    def take(self, article_row: int) -> list[dict]:
        taken = []
        while self._next is not None and self._next["article_row"] == article_row:
            row = self._next
            for column in _LINK:
                del row[column.name]
            taken.append(row)
            self._next = next(self._rows, None)
        return taken


def _rows(path: Path) -> Iterator[dict]:
    for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
        yield from batch.to_pylist()


def _dicts(row: dict, model: type[BaseModel]) -> dict:
    """Arrow maps read back as lists of pairs: make them dicts again for pydantic."""
    for name, info in model.model_fields.items():
        if get_origin(info.annotation) is dict and row.get(name) is not None:
            row[name] = dict(row[name])
    return row
