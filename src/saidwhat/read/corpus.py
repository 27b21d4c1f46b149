"""Corpus files with one article a record: JSONL (one JSON object a line) and CSV/TSV (a header
row). Both read lazily, record by record; a bad record is Skipped and the others go on.

Fields: ``text`` or ``html``, optional ``id``, ``url``, ``title``, ``published`` (or ``date``)
and ``source`` (or ``publisher``). Other fields are ignored.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO

from saidwhat.errors import InputError, one_line
from saidwhat.read.decode import MAX_ARTICLE_BYTES, normalise_text, size_reason
from saidwhat.read.html import document_from_html
from saidwhat.records import Document, Skipped

_ALIASES = {
    "id": ("id",),
    "url": ("url",),
    "title": ("title",),
    "published": ("published", "date"),
    "source": ("source", "publisher"),
}


def document_from_fields(fields: Mapping[str, object], origin: str) -> Document:
    """A Document from one record's fields; InputError when it holds no usable article."""
    given = {name: _field(fields, keys, origin, name == "id") for name, keys in _ALIASES.items()}
    text, html = _field(fields, ("text",), origin), _field(fields, ("html",), origin)
    body = text if text and text.strip() else html
    if not body or not body.strip():
        raise InputError(origin, "no text or html field with content")
    size = len(body.encode("utf-8", "surrogatepass"))
    if size > MAX_ARTICLE_BYTES:
        raise InputError(origin, size_reason(size))
    if body is html:
        return document_from_html(html, origin=origin, **given)
    return Document(text=normalise_text(body), origin=origin, **given)


def _field(
    fields: Mapping[str, object], keys: tuple[str, ...], origin: str, numbers: bool = False
) -> str | None:
    """The first present key's value as a string (a number too where ``numbers``: ids)."""
    kinds = (str, int) if numbers else (str,)
    for key in keys:
        value = fields.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, bool) or not isinstance(value, kinds):
            raise InputError(origin, f"field {key!r} is not a string")
        return str(value)
    return None


def _open_binary(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")


def iter_jsonl(
    path: Path, span: tuple[int, int] | None = None, *, newlines: int | None = None
) -> Iterator[Document | Skipped]:
    """One Document (or Skipped ``path:LINE``) per non-blank line; with ``span`` (start, end),
    only the lines that START in those bytes, so that ranges cut anywhere in a file read every
    line once (a corpus run's range partitions), numbered as in the whole file. ``newlines``,
    the file's newlines before byte start - 1 when known, spares counting them."""
    start, end = span or (0, None)
    with _open_binary(path) as lines:
        first, position = _skip_to_line(lines, start, newlines)
        for number, raw in enumerate(lines, first):
            if end is not None and position >= end:
                break
            position += len(raw)
            if not raw.strip():
                continue
            origin = f"{path}:{number}"
            try:
                record = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
            except UnicodeDecodeError:
                yield Skipped(origin=origin, reason="line is not valid UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield Skipped(origin=origin, reason=f"not JSON ({exc.msg}, column {exc.colno})")
                continue
            if not isinstance(record, dict):
                yield Skipped(origin=origin, reason="not a JSON object")
                continue
            yield _document_or_skipped(record, origin)


def _skip_to_line(stream: IO[bytes], start: int, newlines: int | None) -> tuple[int, int]:
    """Move to the first line that starts at or after byte ``start``; its line number and
    offset. The newlines before it are counted in big chunks, unless given."""
    if start == 0:
        return 1, 0
    if newlines is None:
        newlines = count_newlines(stream, start - 1)
    else:
        stream.seek(start - 1)
    rest = stream.readline()  # the end of the line holding byte start - 1: not ours
    return newlines + rest.count(b"\n") + 1, stream.tell()


def count_newlines(stream: IO[bytes], size: int) -> int:
    """The newlines in the next ``size`` bytes of the stream (fewer at its end), read in 1 MiB
    chunks."""
    found = 0
    while size > 0:
        chunk = stream.read(min(size, 1 << 20))
        if not chunk:
            break
        found += chunk.count(b"\n")
        size -= len(chunk)
    return found


def iter_csv(path: Path) -> Iterator[Document | Skipped]:
    """One Document (or Skipped ``path:LINE``) per data row; the header names the fields."""
    csv.field_size_limit(2 * MAX_ARTICLE_BYTES)
    delimiter = "\t" if ".tsv" in path.suffixes else ","
    encoding = _csv_encoding(path)
    with _open_binary(path) as raw:
        rows = io.TextIOWrapper(raw, encoding=encoding, newline="")
        reader = csv.reader(rows, delimiter=delimiter)
        line = 1
        try:
            header = [name.strip().lower() for name in next(reader, [])]
            if "text" not in header and "html" not in header:
                yield Skipped(origin=str(path), reason="CSV header has no text or html column")
                return
            line = reader.line_num + 1
            for row in reader:
                origin = f"{path}:{line}"
                line = reader.line_num + 1
                if not any(cell.strip() for cell in row):
                    continue
                yield _document_or_skipped(dict(zip(header, row, strict=False)), origin)
        except (csv.Error, UnicodeDecodeError) as exc:
            reason = f"CSV cannot be read further ({one_line(exc)})"
            yield Skipped(origin=f"{path}:{line}", reason=reason)


def _csv_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) when the first 64 KB decode as such, else cp1252."""
    with _open_binary(path) as raw:
        sample = raw.read(65536)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def _document_or_skipped(fields: Mapping[str, object], origin: str) -> Document | Skipped:
    try:
        return document_from_fields(fields, origin)
    except InputError as exc:
        return Skipped(origin=exc.origin, reason=exc.reason)
