"""The CLI's progress display: on stderr, in a real pseudo-terminal where one is asked for,
and never in the way of stdout. The article below is invented for these tests."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from saidwhat.cli.progress import progress_bar

SAIDWHAT = Path(sys.executable).with_name("saidwhat")
STORY = """Orchard Town Opens Its First Library

ELMSWORTH — The town of Elmsworth opened its first public library on Monday.

"Every child here deserves a shelf of their own," said librarian Maud Tennyford.
"""
TERMINAL_ENV = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "NO_COLOR")


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch):
    """The terminal is told by the streams alone, whatever the caller's shell exports."""
    for name in TERMINAL_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm")


def read_all(master: int) -> str:
    """Everything written to a pseudo-terminal whose other end is closed."""
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other end is closed and all is read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_kept_bar_ends_as_one_line_on_a_non_terminal_stderr(capsys):
    with progress_bar("{task.fields[quotes]} quotes", keep=True) as bar:
        task = bar.add_task("ingest", total=3, quotes=0)
        bar.update(task, completed=3, quotes=7)
    out, err = capsys.readouterr()
    assert out == ""
    [line] = err.splitlines()
    assert line.startswith("ingest ") and " 3/3 7 quotes " in line


def test_a_passing_bar_is_off_where_stderr_is_not_a_terminal(capsys):
    with progress_bar(spinner=True) as bar:
        task = bar.add_task("extract", total=None)
        bar.update(task, advance=1)
        print("data")
    assert bar.disable
    assert capsys.readouterr() == ("data\n", "")


def test_stdout_into_a_file_gets_the_output_and_the_terminal_the_bar(monkeypatch, tmp_path):
    master, slave = pty.openpty()
    out = tmp_path / "out.jsonl"
    with os.fdopen(slave, "w") as terminal, out.open("w") as file, monkeypatch.context() as m:
        m.setattr(sys, "stderr", terminal)
        m.setattr(sys, "stdout", file)
        with progress_bar("{task.fields[done]} done", spinner=True) as bar:
            task = bar.add_task("extract", total=None, done=0)
            print('{"id": 1}')
            bar.update(task, done=1)
    shown = read_all(master)
    assert out.read_text() == '{"id": 1}\n'
    assert "extract" in shown and "1 done" in shown and '{"id"' not in shown


def test_stdout_into_the_terminal_too_is_shown_above_the_bar(monkeypatch):
    master, slave = pty.openpty()
    with os.fdopen(slave, "w") as terminal, monkeypatch.context() as m:
        m.setattr(sys, "stderr", terminal)
        m.setattr(sys, "stdout", terminal)
        with progress_bar() as bar:
            bar.add_task("evaluating", total=2)
            print("a table row")
    shown = read_all(master)
    assert "a table row" in shown and "evaluating" in shown


def test_extract_in_a_terminal_writes_json_to_stdout_and_progress_to_stderr(tmp_path):
    story = tmp_path / "library.txt"
    story.write_text(STORY, encoding="utf-8")
    master, slave = pty.openpty()
    out = tmp_path / "out.json"
    env = {k: v for k, v in os.environ.items() if k not in TERMINAL_ENV} | {"TERM": "xterm"}
    with out.open("w") as stdout:
        proc = subprocess.Popen(
            [str(SAIDWHAT), "extract", str(story), str(tmp_path / "missing.txt")],
            stdout=stdout,
            stderr=slave,
            env=env,
        )
    os.close(slave)
    shown = read_all(master)  # reads while the command runs, so the terminal never fills up
    assert proc.wait(timeout=240) == 1  # one input could not be read
    assert json.loads(out.read_text())["origin"] == str(story)
    assert f"saidwhat: {tmp_path / 'missing.txt'}: no such file or directory" in shown
    assert "1 articles, 1 skipped" in shown and "Traceback" not in shown
