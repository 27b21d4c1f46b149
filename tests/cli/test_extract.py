"""`saidwhat extract` as a user runs it: a real subprocess, real files, real exit codes.

The articles are invented for these tests."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

SAIDWHAT = Path(sys.executable).with_name("saidwhat")

STORY = """Valley Bakery Wins State Prize

By Ines Okafor

MARLOW — A family bakery in Marlow won the state's top bread prize on Saturday.

"We have baked the same loaf for forty years," said owner Pieter Vandersloot. "It shows."

His daughter, Anke Vandersloot, said the family would celebrate by baking more bread.

Copyright AP - Associated Press
Contact Us
"""


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(SAIDWHAT), "extract", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def story(tmp_path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_bad_inputs_are_one_line_each_and_the_others_still_run(tmp_path, story):
    bad = {
        "empty.txt": b"",
        "photo.txt": b"\x89PNG\r\n\x1a\n" + bytes(200),
        "garbled.txt": bytes(b for b in random.Random(3).randbytes(3000) if b),
        "nothing.html": b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    with (tmp_path / "huge.txt").open("wb") as big:
        big.truncate(20 * 1024 * 1024)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "j1", "text": STORY}) + "\n{oops\n", encoding="utf-8")
    inputs = [str(tmp_path / name) for name in [*bad, "huge.txt", "missing.txt"]]
    result = run(str(story), *inputs, str(corpus), "--format", "jsonl")

    assert result.returncode == 1
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["origin"] for a in articles] == [str(story), f"{corpus}:1"]
    errors = result.stderr.splitlines()
    expected = {
        str(tmp_path / "empty.txt"): "empty input (no text)",
        str(tmp_path / "photo.txt"): "binary file (PNG image), not text",
        str(
            tmp_path / "garbled.txt"
        ): "not valid UTF-8 (byte 0xfd at offset 0) and no plausible text encoding found",
        str(tmp_path / "nothing.html"): "no article text found in the HTML page",
        str(tmp_path / "huge.txt"): "too large for one article (21.0 MB; the limit is 5 MB)",
        str(tmp_path / "missing.txt"): "no such file or directory",
    }
    assert errors[: len(expected)] == [f"saidwhat: {o}: {r}" for o, r in expected.items()]
    assert len(errors) == len(expected) + 1
    assert errors[-1].startswith(f"saidwhat: {corpus}:2: not JSON (")


def test_one_article_is_one_json_object(story):
    result = run(str(story))
    assert result.returncode == 0 and result.stderr == ""
    article = json.loads(result.stdout)
    assert article["headline"] == "Valley Bakery Wins State Prize"
    assert article["byline"] == "By Ines Okafor"
    assert article["dateline"] == "MARLOW —"
    assert article["credit"] == "Copyright AP - Associated Press"
    assert len(article["paragraphs"]) == 3
    assert article["quotes"], "the quote engine found the bakery owner's words"


def test_several_articles_are_a_json_array_and_dash_reads_stdin(story):
    result = run("-", str(story), stdin=STORY.replace("Marlow", "Kessel"))
    assert result.returncode == 0
    first, second = json.loads(result.stdout)
    assert first["origin"] == "-" and "Kessel" in first["text"]
    assert second["origin"] == str(story)
    assert first["id"] != second["id"]  # text hashes differ


def test_table_shows_structure_and_quote_rows(story):
    result = run(str(story), "--format", "table")
    assert result.returncode == 0
    out = result.stdout
    for label in ("headline", "byline", "dateline", "credit", "paragraphs"):
        assert label in out
    assert "Valley Bakery Wins State Prize" in out
    assert "We have baked the same loaf" in out
    assert "said" in out  # the cue column


def test_unknown_model_is_a_one_line_error_with_exit_2(story):
    result = run(str(story), "--model", "no_such_pipeline_xyz")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("saidwhat: spaCy model 'no_such_pipeline_xyz' cannot be loaded")
    assert "pip install" in line


def test_bad_format_is_a_usage_error_with_exit_2(story):
    result = run(str(story), "--format", "xml")
    assert result.returncode == 2 and "xml" in result.stderr


def test_help_has_examples():
    result = run("--help")
    assert result.returncode == 0
    assert "Examples" in result.stdout and "saidwhat extract article.txt" in result.stdout


def test_seed_article_as_json(seed_article):
    result = run(str(seed_article), "--format", "json")
    assert result.returncode == 0
    article = json.loads(result.stdout)
    assert article["kicker"] == "Donald Trump"
    assert article["headline"].startswith("De Blasio Ditches")
    assert len(article["key_points"]) == 3
    assert article["credit"] == "Copyright AP - Associated Press"
    body = "\n\n".join(article["text"][s:e] for s, e in article["paragraphs"])
    assert "Contact Us" not in body and "Copyright" not in body


def test_other_files_in_a_directory_are_reported_as_skipped(tmp_path, story):
    (tmp_path / "NOTES.md").write_text("Not an article.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    result = run(str(tmp_path), "--format", "jsonl")
    assert result.returncode == 1
    assert [json.loads(line)["origin"] for line in result.stdout.splitlines()] == [str(story)]
    assert result.stderr.splitlines() == [
        f"saidwhat: {tmp_path / 'NOTES.md'}: not an article file type (.md); "
        "name it explicitly to read it as text"
    ]


def test_the_demo_corpus_has_nothing_skipped_and_every_article_is_dated(demo_dir):
    result = run(str(demo_dir), "--format", "jsonl")
    assert result.returncode == 0 and result.stderr == ""
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(articles) >= 10
    assert all(a["published"] and a["source"] for a in articles)
