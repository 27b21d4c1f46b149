"""Files and directories: the reader is chosen by the file name, HTML is sniffed in text files.

A directory is walked recursively in sorted order; hidden files and directories (dotfiles:
.git, .DS_Store) are passed over. Only files with an article suffix (ARTICLE_SUFFIXES) are
read, so that a README or a picture beside a corpus is not mistaken for an article; each other
file becomes a Skipped record, so a corpus run reports it rather than dropping it silently. A
file named explicitly is always read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from saidwhat.errors import InputError
from saidwhat.read.corpus import iter_csv, iter_jsonl
from saidwhat.read.decode import MAX_ARTICLE_BYTES, decode_bytes, html_charset, size_reason
from saidwhat.read.html import document_from_text
from saidwhat.records import Document, Skipped

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
CSV_SUFFIXES = (".csv", ".tsv", ".csv.gz", ".tsv.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + CSV_SUFFIXES + WARC_SUFFIXES


def iter_path(path: Path) -> Iterator[Document | Skipped]:
    """Every Document (or Skipped) a path holds: a file, or a directory walked recursively."""
    if path.is_dir():
        for item in walk_directory(path):
            if isinstance(item, Skipped):
                yield item
            else:
                yield from _iter_file(item)
    elif path.exists():
        yield from _iter_file(path)
    else:
        yield Skipped(origin=str(path), reason="no such file or directory")


def walk_directory(directory: Path, exclude: Iterable[Path] = ()) -> Iterator[Path | Skipped]:
    """The article files under a directory in reading order, and a Skipped for everything else
    the walk reports (other file types, unreadable directories, a directory with nothing to
    read). The one walk of the readers and of a corpus run's plan, so that ``saidwhat run``
    reads exactly the files ``extract`` and ``ingest`` read and reports the same skips.
    Directories in ``exclude`` are passed over (a run's own output directory: not an input).
    Lazy: a file is yielded as soon as its directory is listed."""
    found = False
    for item in _walk(directory, seen={path.resolve() for path in exclude}):
        found = True
        yield item
    if not found:
        yield Skipped(origin=str(directory), reason="no article files in this directory")


def _walk(directory: Path, seen: set[Path]) -> Iterator[Path | Skipped]:
    """Sorted by name, hidden entries passed over; symlinked directories are followed, each
    real directory once (``seen`` holds resolved paths), so a symlink loop ends."""
    real = directory.resolve()
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as exc:
        yield Skipped(origin=str(directory), reason=f"cannot read directory ({exc.strerror})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir():
            yield from _walk(path, seen)
        elif entry.name.lower().endswith(ARTICLE_SUFFIXES):
            yield path
        else:
            yield Skipped(origin=str(path), reason=not_article_reason(path))


def not_article_reason(path: Path) -> str:
    """Why a file met in a directory walk is not read, and how to read it anyway."""
    kind = path.suffix.lower() or "no suffix"
    return f"not an article file type ({kind}); name it explicitly to read it as text"


def _iter_file(path: Path) -> Iterator[Document | Skipped]:
    """Dispatch one file on its name: corpus files stream records, others are one article.
    A file that fails mid-way (unreadable, truncated archive) ends with one Skipped."""
    name = path.name.lower()
    try:
        if name.endswith(WARC_SUFFIXES):
            from saidwhat.read.warc import iter_warc  # its own module; imported when needed

            yield from iter_warc(path)
        elif name.endswith(JSONL_SUFFIXES):
            yield from iter_jsonl(path)
        elif name.endswith(CSV_SUFFIXES):
            yield from iter_csv(path)
        else:
            yield read_article_file(path)
    except InputError as exc:
        yield Skipped(origin=exc.origin, reason=exc.reason)
    except (OSError, EOFError) as exc:
        yield unreadable(path, exc)


def unreadable(path: Path, exc: OSError | EOFError) -> Skipped:
    """A file that cannot be opened or read to its end (a broken link, no permission, a
    truncated archive): the same report whether the reader or a run's plan meets it."""
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return Skipped(origin=str(path), reason=f"cannot read ({reason})")


def read_article_file(path: Path) -> Document:
    """One article from a text or HTML file; InputError when it is not one."""
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise InputError(str(path), size_reason(size))
    data = path.read_bytes()
    text = decode_bytes(data, str(path), declared=html_charset(data))
    return document_from_text(text, str(path), html=path.name.lower().endswith(HTML_SUFFIXES))
