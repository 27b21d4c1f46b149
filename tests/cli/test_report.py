"""`saidwhat report`, `saidwhat relabel` and `saidwhat export --graph`, run as a user runs
them, on a corpus ingested from the articles written for this project (tests/fixtures)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def saidwhat(*args: object) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "saidwhat", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=240)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "c.db"
    done = saidwhat("ingest", FIXTURES / "answers", FIXTURES / "sources", "--db", path)
    assert done.returncode == 0, done.stderr
    return path


def test_report_as_json_csv_and_a_table(db) -> None:
    done = saidwhat("report", "--by", "both", "--format", "json", "--db", db)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    total = report["total"]
    assert total["articles"] == 4 and total["quotes"] > 10
    assert sum(total["sources_by"]["gender"].values()) == total["sources"]
    assert total["source_shares"]["gender"]["female"] > 0
    rows = list(
        csv.DictReader(io.StringIO(saidwhat("report", "--format", "csv", "--db", db).stdout))
    )
    assert rows[-1]["row"] == "total" and int(rows[-1]["quotes"]) == total["quotes"]
    assert (
        float(rows[-1]["sources_gender_female_share"]) == total["source_shares"]["gender"]["female"]
    )
    table = saidwhat("report", "--db", db)
    assert table.returncode == 0 and table.stdout.startswith("Who gets a voice")
    lines = table.stdout.splitlines()
    assert lines[2].split()[:4] == ["outlet", "articles", "quotes", "sources"]
    last = next(line for line in reversed(lines) if line.startswith("all"))
    assert last.split()[1:4] == [str(total["articles"]), str(total["quotes"]),
                                 str(total["sources"])]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--by", "week"], "--by week: use outlet, month or both"),
        (["--format", "xml"], "--format xml: use table, csv or json"),
        (["--since", "2026-02-30"], "--since 2026-02-30: no such date on the calendar"),
    ],
)
def test_report_refuses_bad_options_in_one_line(db, args, message) -> None:
    done = saidwhat("report", *args, "--db", db)
    assert done.returncode == 2
    assert done.stderr.strip() == f"saidwhat: {message}"


def test_relabel_with_a_lexicon_of_ones_own(db, tmp_path) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())
    mine = tmp_path / "roles.txt"
    mine.write_text("[person]\nbusiness: commuter\n", encoding="utf-8")
    before = json.loads(saidwhat("report", "--format", "json", "--db", copy).stdout)
    done = saidwhat("relabel", "--roles", mine, "--db", copy)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1 speakers labelled anew")  # Mary Fenwick, a commuter
    after = json.loads(saidwhat("report", "--format", "json", "--db", copy).stdout)
    moved = after["total"]["sources_by"]["role"]
    assert moved["business"] == before["total"]["sources_by"]["role"]["business"] + 1
    assert moved["citizen"] == before["total"]["sources_by"]["role"]["citizen"] - 1
    bad = saidwhat("relabel", "--roles", tmp_path / "none.txt", "--db", copy)
    assert bad.returncode == 2 and "cannot read the role lexicon" in bad.stderr


def test_export_the_network_for_gephi_and_networkx(db, tmp_path) -> None:
    out = tmp_path / "speakers.graphml"
    done = saidwhat("export", "--graph", "--out", out, "--db", db)
    assert done.returncode == 0, done.stderr
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    graph = ET.parse(out).getroot().find("g:graph", ns)
    labels = {
        n.get("id"): n.find("g:data[@key='label']", ns).text for n in graph.findall("g:node", ns)
    }
    answers = [
        (labels[e.get("source")], labels[e.get("target")])
        for e in graph.findall("g:edge", ns)
        if e.find("g:data[@key='link']", ns).text == "answer"
    ]
    assert ("Piet Varga", "Lena Ortiz") in answers and ("Tomas Brandt", "Maria Lund") in answers
    edges = tmp_path / "edges.csv"
    done = saidwhat("export", "--graph", "--format", "csv", "--out", edges, "--db", db)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(edges.open(encoding="utf-8")))
    assert {r["Kind"] for r in rows} == {"answer", "co-quoted"}
    assert {r["Type"] for r in rows if r["Kind"] == "answer"} == {"Directed"}
    nodes = {r["Id"] for r in csv.DictReader((tmp_path / "edges-nodes.csv").open(encoding="utf-8"))}
    assert {r["Source"] for r in rows} | {r["Target"] for r in rows} <= nodes
