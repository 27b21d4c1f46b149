"""Export quotes as JSONL, CSV or Parquet: one row per occurrence or one per quote cluster;
and the same rows as text lines for a download (CSV, JSON Lines or one JSON array).

Streamed: rows are written as they are read, so an export of millions of quotes runs in
constant memory (Parquet in row groups of ``CHUNK``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from itertools import groupby, islice
from pathlib import Path
from typing import Literal, get_args

from saidwhat.errors import SaidwhatError
from saidwhat.store.models import ClusterRow, Occurrence, Record

Format = Literal["jsonl", "csv", "parquet"]
TextFormat = Literal["csv", "jsonl", "json"]
Per = Literal["occurrence", "cluster"]
CHUNK = 10_000


def cluster_rows(occurrences: Iterable[Occurrence]) -> Iterator[ClusterRow]:
    """Fold occurrences ordered by cluster (then oldest first) into one row per cluster."""
    for cluster_id, group in groupby(occurrences, key=lambda o: o.cluster_id):
        items = list(group)
        first = items[0]
        longest = max(items, key=lambda o: len(o.text))
        yield ClusterRow(
            cluster_id=cluster_id if cluster_id is not None else -first.id,
            text=longest.text,
            occurrences=len(items),
            speaker=first.speaker,
            speaker_id=first.speaker_id,
            sources="; ".join(dict.fromkeys(o.source for o in items if o.source)),
            first_article_id=first.article_id,
            first_source=first.source,
            first_url=first.url,
            first_date=first.date,
        )


def write_rows(rows: Iterable[Record], model: type[Record], fmt: Format, out: Path) -> int:
    """Write rows of one model to ``out``; returns how many were written."""
    count = 0

    def counted() -> Iterator[Record]:
        nonlocal count
        for row in rows:
            count += 1
            yield row

    try:
        if fmt == "parquet":
            return _write_parquet(rows, model, out)
        with out.open("w", encoding="utf-8", newline="") as handle:
            handle.writelines(text_lines(counted(), model, fmt))
    except OSError as exc:
        raise SaidwhatError(f"{out}: cannot write ({exc.strerror})") from None
    return count


def text_lines(rows: Iterable[Record], model: type[Record], fmt: TextFormat) -> Iterator[str]:
    """The rows (the fields of ``model``) as they come: CSV lines under a header, JSON Lines,
    or one JSON array with a row a line."""
    columns = set(model.model_fields)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, list(model.model_fields))
        writer.writeheader()
        for row in rows:
            writer.writerow(row.model_dump(include=columns))
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()  # the header, when there was no row
        return
    opening = "["
    for row in rows:
        data = json.dumps(row.model_dump(include=columns), ensure_ascii=False)
        if fmt == "jsonl":
            yield data + "\n"
        else:
            yield f"{opening}\n{data}"
            opening = ","
    if fmt == "json":
        yield "[]\n" if opening == "[" else "\n]\n"


def _write_parquet(rows: Iterable[Record], model: type[Record], out: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    def arrow_type(annotation: object) -> pa.DataType:
        types = {annotation, *get_args(annotation)}
        return pa.int64() if int in types else pa.float64() if float in types else pa.string()

    schema = pa.schema([(n, arrow_type(f.annotation)) for n, f in model.model_fields.items()])
    count = 0
    iterator = iter(rows)
    with pq.ParquetWriter(out, schema) as writer:
        while chunk := [r.model_dump() for r in islice(iterator, CHUNK)]:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
    return count


def model_for(per: Per) -> type[Record]:
    return ClusterRow if per == "cluster" else Occurrence
