"""JSONL and CSV corpora: one article a record, bad records skipped, the others go on."""

from __future__ import annotations

import gzip
import json

from saidwhat.read import iter_documents
from saidwhat.records import Document, Skipped


def read_all(path) -> list[Document | Skipped]:
    return list(iter_documents([str(path)]))


def test_jsonl_fields_and_metadata(tmp_path, article_text, article_html):
    path = tmp_path / "corpus.jsonl"
    records = [
        {
            "id": "a1",
            "text": article_text,
            "url": "https://x.example/1",
            "title": "T",
            "published": "2026-05-09",
            "source": "Elmstead Courier",
            "extra": [1, 2],
        },
        {"id": 42, "html": article_html},
        {"text": article_text, "date": "2016-09-12", "publisher": "breitbart"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    first, second, third = read_all(path)
    assert first.model_dump(exclude={"meta"}) == {
        "id": "a1",
        "text": article_text,
        "html": None,
        "url": "https://x.example/1",
        "title": "T",
        "published": "2026-05-09",
        "source": "Elmstead Courier",
        "origin": f"{path}:1",
    }
    assert second.id == "42" and second.title == "Orchard Town Opens New Bridge"
    assert second.source == "The Elmstead Courier" and "ELMSTEAD" in second.text
    assert (third.published, third.source, third.origin) == ("2016-09-12", "breitbart", f"{path}:3")


def test_jsonl_bad_lines_are_skipped_and_the_rest_is_read(tmp_path, article_text):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"text": article_text})
    lines = [
        good,
        "{not json",
        "[1, 2]",
        json.dumps({"title": "no body"}),
        json.dumps({"text": 7.5}),
        json.dumps({"text": ["a"]}),
        good,
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    results = read_all(path)
    assert [type(r).__name__ for r in results] == ["Document"] + ["Skipped"] * 5 + ["Document"]
    reasons = {r.origin: r.reason for r in results if isinstance(r, Skipped)}
    assert reasons[f"{path}:2"].startswith("not JSON (")
    assert reasons[f"{path}:3"] == "not a JSON object"
    assert reasons[f"{path}:4"] == "no text or html field with content"
    assert reasons[f"{path}:6"] == "field 'text' is not a string"
    assert results[-1].origin == f"{path}:7"


def test_jsonl_line_in_another_encoding_is_skipped(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"text": "caf\xe9 owner said hello."}\n{"text": "ok then."}\n')
    bad, good = read_all(path)
    assert bad.reason == "line is not valid UTF-8" and good.text == "ok then."


def test_gzipped_jsonl(tmp_path, article_text):
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write(json.dumps({"id": "z", "text": article_text}) + "\n")
    [doc] = read_all(path)
    assert doc.id == "z" and doc.text == article_text


def test_truncated_gzip_ends_with_one_skipped(tmp_path, article_text):
    path = tmp_path / "cut.jsonl.gz"
    data = gzip.compress((json.dumps({"text": article_text}) + "\n").encode() * 200)
    path.write_bytes(data[: len(data) // 2])
    results = read_all(path)
    assert isinstance(results[-1], Skipped) and results[-1].reason.startswith("cannot read")
    assert all(isinstance(r, Document) for r in results[:-1])


def test_csv_with_quoted_newlines_and_the_same_columns(tmp_path, article_text):
    path = tmp_path / "corpus.csv"
    quoted = article_text.replace('"', '""')
    path.write_text(
        "ID,Text,URL,Published,Source\n"
        f'c1,"{quoted}",https://x.example/c1,2026-05-09,Elmstead Courier\n'
        "c2,,https://x.example/c2,,\n"
        f'c3,"{quoted}",,,\n',
        encoding="utf-8",
    )
    first, second, third = read_all(path)
    assert first.text == article_text and first.id == "c1" and first.origin == f"{path}:2"
    assert first.url == "https://x.example/c1" and first.source == "Elmstead Courier"
    assert isinstance(second, Skipped) and second.origin == f"{path}:8"  # c1 spans 2-7
    assert third.origin == f"{path}:9"


def test_csv_in_cp1252_and_tsv(tmp_path):
    path = tmp_path / "legacy.csv"
    path.write_bytes('id,text\n1,"The caf\u00e9 owner said \u201cno.\u201d"\n'.encode("cp1252"))
    [doc] = read_all(path)
    assert doc.text == "The café owner said “no.”"
    tsv = tmp_path / "corpus.tsv"
    tsv.write_text("id\ttext\nt1\tA short text, with a comma.\n", encoding="utf-8")
    [doc] = read_all(tsv)
    assert (doc.id, doc.text) == ("t1", "A short text, with a comma.")


def test_csv_without_a_text_column_is_skipped(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    [skipped] = read_all(path)
    assert skipped.reason == "CSV header has no text or html column"
