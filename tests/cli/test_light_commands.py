"""Commands that only read a store start without loading spaCy (or the HTML readers): the
query takes milliseconds, and importing the parse would cost the user seconds each time.
Timings are a benchmark (benchmarks/startup.py); this checks what gets loaded."""

from __future__ import annotations

import subprocess
import sys

import pytest

from saidwhat.store import Corpus

PROBE = (
    "import runpy, sys; sys.argv = ['saidwhat', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('saidwhat', run_name='__main__')\n"
    "finally:\n"
    "    heavy = sorted(m for m in ('spacy', 'trafilatura', 'thinc') if m in sys.modules)\n"
    "    print('loaded:' + ','.join(heavy), file=sys.stderr)\n"
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("light") / "empty.db"
    Corpus(path).close()
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["search", "harbour"],
        ["speakers"],
        ["check", "the quay reopens in spring"],
        ["log"],
        ["export", "--format", "jsonl", "--out", "OUT"],
        ["report", "--by", "both"],
        ["export", "--graph", "--out", "OUT"],
        ["--help"],
    ],
)
def test_store_commands_do_not_load_the_parse(store, command, tmp_path):
    args = [str(tmp_path / "out.jsonl") if a == "OUT" else a for a in command]
    if command != ["--help"]:
        args += ["--db", str(store)]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60
    )
    assert done.stderr.strip().splitlines()[-1] == "loaded:", done.stderr


def test_importing_the_package_face_loads_nothing_heavy():
    code = (
        "import sys, saidwhat;"
        " print(sorted(m for m in sys.modules if m.startswith(('spacy', 'pydantic', 'saidwhat.'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['saidwhat.about']"
