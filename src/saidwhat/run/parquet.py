"""Articles as Parquet tables (articles, quotes, speakers, skipped) and back, losslessly.

The Arrow schemas are derived from the pydantic records, so a field added to records.py is a
column here without another edit: one data contract. Quotes and speakers carry their article's
id (for joins), its row in the partition's articles file (ids may repeat in a crawl) and their
position in it, so rows regroup into exactly the Article they came from.
"""

from __future__ import annotations

import types
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal, Union, get_args, get_origin

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

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


def to_tables(results: Iterable[Article | Skipped]) -> dict[str, pa.Table]:
    """The four tables of a batch of results."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for item in results:
        if isinstance(item, Skipped):
            rows["skipped"].append(item.model_dump())
            continue
        link = {"article_id": item.id, "article_row": len(rows["articles"])}
        rows["articles"].append(item.model_dump(exclude=set(_NESTED)))
        for nested in _NESTED:
            for position, record in enumerate(getattr(item, nested)):
                row = link | {"position": position}
                rows[nested].append(row | record.model_dump())
    return {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in TABLES}


def write_tables(tables: dict[str, pa.Table], directory: Path, stem: str) -> dict[str, str]:
    """Write each table to ``directory/<table>/<stem>.parquet``; the paths written, by table."""
    written = {}
    for name, table in tables.items():
        path = directory / name / f"{stem}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, path, compression="zstd")
        written[name] = str(path.relative_to(directory))
    return written


def read_results(files: dict[str, Path]) -> Iterator[Article | Skipped]:
    """The records of one partition's files: Articles in their order, then the Skipped."""
    nested: dict[str, dict[int, list[dict]]] = {}
    for name in _NESTED:
        grouped: dict[int, list[dict]] = defaultdict(list)
        for row in sorted(_rows(files[name]), key=lambda r: (r["article_row"], r["position"])):
            grouped[row["article_row"]].append(_dicts(row, _NESTED[name]))
            for column in _LINK:
                del row[column.name]
        nested[name] = grouped
    for number, row in enumerate(_rows(files["articles"])):
        row = _dicts(row, Article)
        for name in _NESTED:
            row[name] = nested[name].get(number, [])
        yield Article.model_validate(row)
    for row in _rows(files["skipped"]):
        yield Skipped.model_validate(row)


def _rows(path: Path) -> list[dict]:
    return pq.read_table(path).to_pylist()


def _dicts(row: dict, model: type[BaseModel]) -> dict:
    """Arrow maps read back as lists of pairs: make them dicts again for pydantic."""
    for name, info in model.model_fields.items():
        if get_origin(info.annotation) is dict and row.get(name) is not None:
            row[name] = dict(row[name])
    return row
