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
from html import escape  # XML-safe (&, <, >, quotes); xml.sax.saxutils loads urllib.request
from itertools import groupby, islice
from pathlib import Path
from typing import Literal, get_args

from saidwhat.errors import SaidwhatError
from saidwhat.store.models import ClusterRow, NetworkEdge, Occurrence, Record

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


# -- the speaker network (who answers whom, who is quoted with whom) -------------------------
GraphFormat = Literal["graphml", "csv"]


def node_key(ident: int | None, name: str) -> str:
    """A node's id in the files: the corpus speaker's id, or the name of one nobody bears."""
    return str(ident) if ident is not None else f"name:{name}"


def write_graph(
    edges: list[NetworkEdge], nodes: dict[str, tuple[str, str, int]], fmt: GraphFormat, out: Path
) -> Path | None:
    """Write the network as GraphML (one file; answers directed, co-quotation
    ``directed="false"``), or as a CSV edge list (Source, Target, Type, Weight as Gephi reads
    them, with the kind and both names) and a CSV of the nodes beside it; ``nodes`` is
    {id: (name, kind, quotes)}. Returns the nodes file written for CSV."""
    try:
        if fmt == "graphml":
            out.write_text(_graphml(edges, nodes), encoding="utf-8")
            return None
        nodes_out = out.with_name(f"{out.stem}-nodes.csv")
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(
                ["Source", "Target", "Type", "Weight", "Kind", "Source name", "Target name"]
            )
            for e in edges:
                writer.writerow([
                    node_key(e.source_id, e.source_name), node_key(e.target_id, e.target_name),
                    "Directed" if e.kind == "answer" else "Undirected", e.weight, e.kind,
                    e.source_name, e.target_name,
                ])  # fmt: skip
        with nodes_out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["Id", "Label", "Kind", "Quotes"])
            for key, (name, kind, quotes) in nodes.items():
                writer.writerow([key, name, kind, quotes])
        return nodes_out
    except OSError as exc:
        raise SaidwhatError(f"{out}: cannot write ({exc.strerror})") from None


def _graphml(edges: list[NetworkEdge], nodes: dict[str, tuple[str, str, int]]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
        '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
        '  <key id="quotes" for="node" attr.name="quotes" attr.type="int"/>',
        '  <key id="link" for="edge" attr.name="kind" attr.type="string"/>',
        '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
        '  <graph id="speakers" edgedefault="directed">',
    ]
    for key, (name, kind, quotes) in nodes.items():
        lines.append(
            f'    <node id="{escape(key)}"><data key="label">{escape(name)}</data>'
            f'<data key="kind">{escape(kind)}</data><data key="quotes">{quotes}</data></node>'
        )
    for n, e in enumerate(edges):
        source = escape(node_key(e.source_id, e.source_name))
        target = escape(node_key(e.target_id, e.target_name))
        undirected = ' directed="false"' if e.kind != "answer" else ""
        lines.append(
            f'    <edge id="e{n}" source="{source}" target="{target}"{undirected}>'
            f'<data key="link">{e.kind}</data><data key="weight">{e.weight}</data></edge>'
        )
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)
