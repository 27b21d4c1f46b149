"""WARC input: a gzip'd WARC written by the fixture, read through the readers' dispatcher."""

from __future__ import annotations

from collections import Counter
from io import BytesIO
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from saidwhat.read import iter_documents
from saidwhat.read.warc import iter_warc, skip_kind
from saidwhat.records import Document, Skipped


def test_warc_pages_become_documents_and_the_rest_is_skipped_with_reasons(warc):
    items = list(iter_documents([str(warc.path)]))
    documents = [i for i in items if isinstance(i, Document)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(documents) == warc.articles
    assert Counter(skip_kind(s.reason) for s in skipped) == warc.skips
    assert [d.url for d in documents] == warc.urls
    for document in documents:
        assert document.meta["crawl_date"] == "2026-03-17T08:15:00Z"
        assert document.published == "2026-03-17"  # no date in the page: the crawl date
        assert document.source and document.source in document.url
        assert document.text and "Contact us" not in document.text


def test_origin_offsets_find_the_record_again(warc):
    items = list(iter_warc(warc.path))
    with warc.path.open("rb") as stream:
        for item in items:
            path, offset = item.origin.rsplit("#", 1)
            assert path == str(warc.path)
            stream.seek(int(offset))
            record = next(iter(ArchiveIterator(stream)))
            assert record.rec_type == "response"
            if isinstance(item, Document):
                assert record.rec_headers.get_header("WARC-Target-URI") == item.url


def test_a_truncated_warc_keeps_the_records_before_the_damage(warc, tmp_path: Path):
    data = warc.path.read_bytes()
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data[: len(data) * 2 // 3])
    items = list(iter_warc(broken))
    assert sum(isinstance(i, Document) for i in items) >= 2
    assert isinstance(items[-1], Skipped) and items[-1].reason.startswith("unreadable WARC")


def test_a_missing_warc_is_one_skipped_input(tmp_path: Path):
    (item,) = list(iter_warc(tmp_path / "nope.warc.gz"))
    assert isinstance(item, Skipped) and "cannot open" in item.reason


# Invented page (fictional town, people and sums). ISO-8859-15 puts Ž, Š and € where cp1252 has
# ´, ¦ and ¤, and its bytes are not UTF-8: only the page's own <meta> names the right charset.
LATIN9_PARAGRAPHS = (
    "The Harwick town council approved a new market hall on Thursday at a cost of €40 million.",
    '"The old hall leaks every winter," said councillor Žaneta Šimková, who chairs the '
    "planning committee.",
)
LATIN9_HEADS = {
    "meta charset": "<meta charset='ISO-8859-15'>",
    "meta http-equiv": (
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'
    ),
}


@pytest.mark.parametrize("head", LATIN9_HEADS.values(), ids=list(LATIN9_HEADS))
def test_a_charset_declared_only_in_the_page_decodes_it(head: str, tmp_path: Path):
    body = "".join(f"<p>{p}</p>" for p in LATIN9_PARAGRAPHS)
    html = f"<html><head>{head}<title>Market hall</title></head><body><article>{body}"
    path = tmp_path / "latin9.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        payload = BytesIO(f"{html}</article></body></html>".encode("iso-8859-15"))
        uri = "https://harwickherald.example/market-hall"
        writer.write_record(
            writer.create_warc_record(uri, "response", payload=payload, http_headers=http)
        )
    (item,) = list(iter_warc(path))
    assert isinstance(item, Document), item
    assert "€40 million" in item.text
    assert "councillor Žaneta Šimková" in item.text
