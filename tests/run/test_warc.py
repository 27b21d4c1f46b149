"""WARC input: a gzip'd WARC written by the fixture, read through the readers' dispatcher."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

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
