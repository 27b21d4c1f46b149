"""Ingest through the real pipeline (readers, spaCy, quotes, speakers) into a real SQLite file:
idempotent, resumable after SIGKILL, hostile inputs logged as skipped, and the CLI commands.
The articles are short texts invented for these tests (people and places are fictional)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from saidwhat.cli import app
from saidwhat.ingestion import ingest
from saidwhat.store import Corpus

PEOPLE = ["Ada Quill", "Ivo Marsh", "Mira Tolland", "Tomas Brenn", "Lena Okafor", "Piet Varga"]
TOPICS = ["harbour", "bridge", "school", "ferry", "market", "library", "clinic", "stadium"]


def write_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        who, topic = PEOPLE[n % len(PEOPLE)], TOPICS[n % len(TOPICS)]
        surname = who.split()[1]
        text = (
            f"Council debates the {topic} plan number {n}\n\n"
            f"{who} spoke on Tuesday about the {topic} in Port Ellen.\n\n"
            f'"The {topic} will be finished before winter, and every family will see it," '
            f"{surname} said at the town hall meeting number {n}.\n"
        )
        path = folder / f"article-{n:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    tables = ("articles", "quotes", "people", "clusters", "inputs", "article_speakers")
    result = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
    conn.close()
    return result


def test_ingest_twice_adds_nothing_and_a_changed_article_replaces_its_quotes(tmp_path, nlp):
    paths = write_articles(tmp_path / "in", 6)
    corpus = Corpus(tmp_path / "c.db")
    first = ingest([str(tmp_path / "in")], corpus)
    assert (first.articles, first.skipped) == (6, 0)
    assert first.quotes >= 6  # the quote engine finds the quote of every article
    before = counts(tmp_path / "c.db")
    again = ingest([str(tmp_path / "in")], corpus)
    assert (again.articles, again.unchanged) == (0, 6)
    assert counts(tmp_path / "c.db") == before
    paths[0].write_text(
        "Council debates\n\nAda Quill spoke in Port Ellen.\n\n"
        '"Nothing about the plan has changed since spring," Quill said.\n',
        encoding="utf-8",
    )
    changed = ingest([str(tmp_path / "in")], corpus)
    assert (changed.articles, changed.changed, changed.unchanged) == (1, 1, 5)
    assert corpus.search("spring")
    assert not corpus.search('"town hall meeting number 0"')
    assert counts(tmp_path / "c.db")["articles"] == 6


def test_hostile_inputs_are_logged_as_skipped_and_the_rest_is_ingested(tmp_path, nlp):
    folder = tmp_path / "in"
    write_articles(folder, 3)
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "broken.jsonl").write_text('{"id": "x", "text": "fine"}\n{not json\n')
    corpus = Corpus(tmp_path / "c.db")
    report = ingest([str(folder), str(tmp_path / "missing.txt")], corpus)
    assert report.articles >= 3
    skipped = {e.origin: e.reason for e in corpus.log(skipped=True)}
    assert any("empty.txt" in o for o in skipped)
    assert any("binary.txt" in o for o in skipped)
    assert any("missing.txt" in o for o in skipped)
    assert any("broken.jsonl" in o for o in skipped)
    assert all(reason for reason in skipped.values())
    assert report.skipped == len(skipped)


def test_sigkill_half_way_then_rerun_gives_the_same_corpus(tmp_path, nlp):
    folder = tmp_path / "in"
    write_articles(folder, 120)
    killed, clean = tmp_path / "killed.db", tmp_path / "clean.db"
    command = [sys.executable, "-m", "saidwhat", "ingest", str(folder), "--batch", "4"]
    proc = subprocess.Popen([*command, "--db", str(killed)], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.05)
        if killed.exists() and _ingested(killed) >= 8:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _ingested(killed)
    assert 8 <= partial < 120, "the kill must land half-way"
    rerun = subprocess.run([*command, "--db", str(killed)], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial} unchanged" in rerun.stdout
    ingest([str(folder)], Corpus(clean))
    assert counts(killed) == counts(clean)


def _ingested(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT COUNT(*) FROM inputs").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    write_articles(folder / "in", 6)
    db = folder / "c.db"
    result = CliRunner().invoke(app, ["ingest", str(folder / "in"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_cli_search_speaker_check_log(cli_db):
    db = ["--db", str(cli_db)]
    hits = json.loads(run("search", "harbour winter", *db, "--json"))
    assert hits and "[harbour]" in hits[0]["snippet"] and hits[0]["speaker"] == "Ada Quill"
    assert "Ada Quill" in run("search", "harbour", *db)
    oldest = json.loads(run("search", "winter", *db, "--json", "--sort", "oldest", "--limit", "9"))
    newest = json.loads(run("search", "winter", *db, "--json", "--sort", "newest", "--limit", "9"))
    assert [h["id"] for h in oldest] == [h["id"] for h in reversed(newest)] and len(oldest) == 6
    wrong = CliRunner().invoke(app, ["search", "winter", *db, "--sort", "latest"])
    assert "--sort latest: use relevance, newest or oldest" in str(wrong.exception)
    speakers = json.loads(run("speakers", *db, "--json", "--top", "3"))
    assert len(speakers) == 3 and all(s["quotes"] >= 1 for s in speakers)
    profile = json.loads(run("speaker", "Quill", *db, "--json"))
    assert profile["name"] == "Ada Quill" and profile["quotes"] >= 1
    assert "Ada Quill" in run("speaker", "Ada Quill", *db)
    report = json.loads(run("check", "the harbour will be finished before winter", *db, "--json"))
    assert report["verdict"] == "verbatim_part" and report["best"]["speaker"] == "Ada Quill"
    alignment = report["best"]["alignment"]
    assert [a["kind"] for a in alignment if a["kind"] != "context"] == ["same"]
    plain = run("check", "the harbour will not be finished before winter", *db)
    assert plain.startswith("contradicts: ") and "{+not+}" in plain  # markers, not colour
    log = json.loads(run("log", *db, "--json"))
    assert len(log) == 6 and {e["status"] for e in log} == {"ingested"}


def test_cli_export_and_corrections(cli_db, tmp_path):
    out = tmp_path / "quotes.csv"
    assert "rows" in run("export", "--format", "csv", "--out", str(out), "--db", str(cli_db))
    assert out.read_text().count("Ada Quill") >= 1
    first, second = json.loads(run("speakers", "--db", str(cli_db), "--json"))[:2]
    run("speakers", "merge", str(first["id"]), str(second["id"]), "--db", str(cli_db))
    merged = Corpus(cli_db).speaker(second["name"])
    assert (merged.id, merged.quotes) == (first["id"], first["quotes"] + second["quotes"])


def test_cli_errors_are_one_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "saidwhat", "search", "x", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "none.db" in result.stderr
