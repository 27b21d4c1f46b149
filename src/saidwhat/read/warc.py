"""WARC archives (Common Crawl News publishes gzip'd WARC): one Document per English HTML page.

Only ``response`` records are pages; request, metadata and warcinfo records describe them and
are not inputs. A response that is not a usable article becomes a ``Skipped`` whose reason
starts with one of the ``SKIP_*`` labels, so a corpus run can count its skips by kind.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import py3langid
from warcio.archiveiterator import ArchiveIterator

from saidwhat.errors import InputError, one_line
from saidwhat.read.decode import decode_bytes, html_charset
from saidwhat.read.html import document_from_html
from saidwhat.records import Document, Skipped

SKIP_STATUS = "HTTP status"
SKIP_NOT_HTML = "not HTML"
SKIP_NOT_ENGLISH = "not English"
SKIP_EMPTY = "empty page"
SKIP_CORRUPT = "unreadable WARC"

HTML_TYPES = ("text/html", "application/xhtml+xml")
LANGID_CHARS = 2000  # enough text for a sure guess; classifying whole pages costs time for nothing
RECORD_TRAILER = 4  # the CRLF CRLF after an uncompressed record, outside its length
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


def iter_warc(path: str | Path) -> Iterator[Document | Skipped]:
    """Every response record of a WARC (.warc or .warc.gz) as a Document or a Skipped.

    A Document carries the page's main text (the HTML reader's), the target URI as url, the
    page's own date else the crawl date as published, the page's site name else its domain as
    source, and ``meta["crawl_date"]`` (WARC-Date). Its origin
    is ``path#offset`` (byte offset of the record), which finds the record again.
    """
    name = str(path)
    try:
        stream = open(path, "rb")  # noqa: SIM115 (closed below; the generator may pause)
    except OSError as exc:
        yield Skipped(origin=name, reason=f"cannot open: {exc.strerror or exc}")
        return
    with stream:
        records = ArchiveIterator(stream)
        end = 0  # where the last complete record ends: the whole file when it is intact
        while True:
            try:
                record = next(records, None)
                if record is None:
                    break
                body = record.content_stream().read()  # offsets are known once read
                offset = records.get_record_offset()
                end = offset + records.get_record_length()
            except Exception as exc:  # warcio fails in many ways on damaged bytes
                reason = f"{SKIP_CORRUPT}: {one_line(exc)} (after byte {end})"
                yield Skipped(origin=name, reason=reason)
                return
            if record.rec_type == "response":
                yield _page(record, body, f"{name}#{offset}")
        size = os.fstat(stream.fileno()).st_size
        if size - end > RECORD_TRAILER:  # warcio ends silently on a truncated file
            yield Skipped(origin=name, reason=f"{SKIP_CORRUPT}: truncated after byte {end}")


def skip_kind(reason: str) -> str:
    """The label a WARC skip reason starts with (for counting skips by kind)."""
    return reason.split(":", 1)[0]


def _page(record, body: bytes, origin: str) -> Document | Skipped:
    """One response record as a Document, or the reason it is not an English HTML article."""
    http = record.http_headers
    status = http.get_statuscode() if http else None
    if status != "200":
        return Skipped(origin=origin, reason=f"{SKIP_STATUS}: {status or 'none'}")
    content_type = (http.get_header("Content-Type") or "").strip()
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime not in HTML_TYPES:
        return Skipped(origin=origin, reason=f"{SKIP_NOT_HTML}: {mime or 'no content type'}")
    header = _CHARSET.search(content_type)  # the header wins, as in a browser; else the page's
    charset = header.group(1) if header else html_charset(body)
    try:
        html = decode_bytes(body, origin, declared=charset)
    except InputError as exc:
        return Skipped(origin=origin, reason=f"{SKIP_NOT_HTML}: {exc.reason}")
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawl_date = record.rec_headers.get_header("WARC-Date") or ""
    record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
    meta = {"crawl_date": crawl_date, "warc_record_id": record_id}
    try:
        document = document_from_html(
            html, origin=origin, url=url, meta={k: v for k, v in meta.items() if v}
        )
    except InputError as exc:
        return Skipped(origin=origin, reason=f"{SKIP_EMPTY}: {exc.reason}")
    language, _ = py3langid.classify((document.text or "")[:LANGID_CHARS])
    if language != "en":
        return Skipped(origin=origin, reason=f"{SKIP_NOT_ENGLISH}: detected {language!r}")
    return document.model_copy(
        update={
            "published": document.published or crawl_date[:10] or None,
            "source": document.source or _domain(url),
        }
    )


def _domain(url: str | None) -> str | None:
    """The outlet as its host name without ``www.``."""
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.") or None
