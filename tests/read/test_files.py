"""Files, directories and the dispatch on file names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from saidwhat.read import iter_documents
from saidwhat.read.decode import MAX_ARTICLE_BYTES
from saidwhat.records import Document, Skipped


def read_all(*inputs: object) -> list[Document | Skipped]:
    return list(iter_documents([str(i) for i in inputs]))


def test_plain_text_file(tmp_path, article_text):
    path = tmp_path / "bridge.txt"
    path.write_text(article_text, encoding="utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, Document)
    assert doc.text == article_text and doc.origin == str(path) and doc.html is None


def test_html_file_gives_main_text_and_page_metadata(tmp_path, article_html):
    path = tmp_path / "bridge.html"
    path.write_text(article_html, encoding="utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, Document)
    assert doc.text.startswith("Orchard Town Opens New Bridge\n\n")  # headline kept first
    assert "worth every one of them" in doc.text
    assert "Contact Us" not in doc.text and "Share this" not in doc.text
    assert doc.title == "Orchard Town Opens New Bridge"
    assert doc.source == "The Elmstead Courier"
    assert doc.published == "2026-05-09"
    assert doc.meta["author"] == "Wendell Ashby"


def test_html_meta_charset_is_honoured(tmp_path):
    words = "Мэр города Снежинск сказал журналистам, что новый мост откроют осенью. " * 3
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{words}</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1251"))
    [doc] = read_all(path)
    assert doc.text.startswith("Мэр города Снежинск")


def test_html_in_a_txt_file_is_recognised(tmp_path, article_html):
    path = tmp_path / "saved-page.txt"
    path.write_text(article_html, encoding="utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, Document) and "<p>" not in doc.text and doc.title


def test_html_page_without_an_article_is_skipped(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav></nav></body></html>")
    [skipped] = read_all(path)
    assert skipped == Skipped(origin=str(path), reason="no article text found in the HTML page")


def test_bad_files_are_skipped_with_one_line_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with (tmp_path / "huge.txt").open("wb") as big:
        big.truncate(20 * 1024 * 1024)  # 20 MB: the size check never reads it
    results = read_all(tmp_path / "empty.txt", tmp_path / "photo.txt", tmp_path / "huge.txt")
    reasons = {Path(r.origin).name: r.reason for r in results}
    assert all(isinstance(r, Skipped) for r in results)
    assert reasons["empty.txt"] == "empty input (no text)"
    assert reasons["photo.txt"] == "binary file (PNG image), not text"
    assert reasons["huge.txt"].startswith("too large for one article (21.0 MB")
    assert all("\n" not in reason for reason in reasons.values())
    assert os.path.getsize(tmp_path / "huge.txt") > MAX_ARTICLE_BYTES


def test_missing_path_is_skipped(tmp_path):
    [skipped] = read_all(tmp_path / "nope.txt")
    assert skipped.reason == "no such file or directory"


def test_directory_is_walked_recursively_in_sorted_order(tmp_path, article_text):
    for name in ("b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.txt", "z/e.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(article_text.replace("Saturday", name))
    (tmp_path / ".hidden.txt").write_text(article_text)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(article_text)
    (tmp_path / "README.md").write_text("Not an article.")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    read = [d for d in read_all(tmp_path) if isinstance(d, Document)]
    origins = [Path(d.origin).relative_to(tmp_path).as_posix() for d in read]
    assert origins == ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt", "z/e.txt"]


def test_other_files_in_a_directory_are_skipped_with_a_reason(tmp_path, article_text):
    (tmp_path / "a.txt").write_text(article_text)
    (tmp_path / "README.md").write_text("Not an article.")
    (tmp_path / "LICENSE").write_text("Apache-2.0")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")  # hidden: passed over, not reported
    items = read_all(tmp_path)
    skipped = {Path(s.origin).name: s.reason for s in items if isinstance(s, Skipped)}
    assert [Path(d.origin).name for d in items if isinstance(d, Document)] == ["a.txt"]
    assert skipped == {
        "LICENSE": "not an article file type (no suffix); name it explicitly to read it as text",
        "README.md": "not an article file type (.md); name it explicitly to read it as text",
    }


def test_a_skipped_file_is_read_when_named_explicitly(tmp_path, article_text):
    (tmp_path / "story.md").write_text(article_text)
    [skipped] = read_all(tmp_path)
    assert isinstance(skipped, Skipped) and skipped.reason.startswith("not an article file type")
    [document] = read_all(tmp_path / "story.md")
    assert isinstance(document, Document) and document.text == article_text


def test_directory_without_files_is_reported(tmp_path):
    (tmp_path / ".hidden.txt").write_text("Nothing here.")
    (tmp_path / "empty").mkdir()
    [skipped] = read_all(tmp_path)
    assert skipped.origin == str(tmp_path)
    assert skipped.reason == "no article files in this directory"


def test_broken_link_in_a_directory_is_skipped_and_the_walk_goes_on(tmp_path, article_text):
    (tmp_path / "a-broken.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "b.txt").write_text(article_text)
    first, second = read_all(tmp_path)
    assert isinstance(first, Skipped) and first.reason.startswith("cannot read")
    assert isinstance(second, Document)


def test_symlink_loop_is_walked_once(tmp_path, article_text):
    (tmp_path / "a.txt").write_text(article_text)
    (tmp_path / "loop").symlink_to(tmp_path)
    assert len(read_all(tmp_path)) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every directory regardless of mode")
def test_unreadable_directory_is_skipped(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        [skipped] = read_all(locked)
        assert skipped.reason.startswith("cannot read directory")
    finally:
        locked.chmod(0o755)


def test_reading_is_lazy(tmp_path, article_text):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(article_text)
    stream = iter_documents([str(tmp_path)])
    first = next(stream)
    (tmp_path / "2.txt").unlink()  # removed after the walk started: reported, not crashed
    rest = list(stream)
    assert isinstance(first, Document)
    assert isinstance(rest[-1], Skipped)
