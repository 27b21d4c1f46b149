"""Questions to the corpus: search with filters and snippets, check, export in three formats."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from builders import article, person

from saidwhat.errors import SaidwhatError
from saidwhat.store.export import cluster_rows, model_for, write_rows
from saidwhat.store.search import fts_query

ADA = person("s1", "Ada Quill", ["mayor"], ["Port Ellen"])
IVO = person("s2", "Ivo Marsh", ["fisherman"])
FULL = "We will not put a single fisherman at risk for one more day of catch"


@pytest.fixture
def filled(corpus):
    corpus.add(
        [
            article(
                "wire",
                [(ADA, FULL), (IVO, "The mayor panics every winter and we lose a week")],
                source="Coast Wire",
                published="2024-03-02",
            ),
            article("copy", [(ADA, FULL)], source="Daily Tide", published="2024-03-05"),
            article(
                "late",
                [(ADA, "The harbour reopens on Monday for every boat")],
                source="Daily Tide",
                published="2024-04-10",
                qtype="indirect",
            ),
        ]
    )
    return corpus


def test_search_ranks_highlights_and_filters(filled):
    hits = filled.search("fisherman risk")
    assert len(hits) == 2 and all(h.speaker == "Ada Quill" for h in hits)
    assert "[fisherman]" in hits[0].snippet and hits[0].cluster_size == 2
    assert [h.source for h in filled.search("fisherman", source="daily tide")] == ["Daily Tide"]
    assert filled.search("fisherman", speaker="Ivo Marsh") == []
    assert [h.article_id for h in filled.search("", since="2024-04")] == ["late"]
    assert [h.article_id for h in filled.search("", until="2024-03", type="direct")] == [
        "copy",
        "wire",
        "wire",
    ]
    assert [h.article_id for h in filled.search("", type="indirect")] == ["late"]
    assert filled.search("mayor", speaker="Nobody Known") == []


@pytest.mark.parametrize(
    ("filters", "reason"),
    [
        ({"since": "2026-02-30"}, "since 2026-02-30: no such date on the calendar"),
        ({"until": "9999-99-99"}, "until 9999-99-99: no such date on the calendar"),
        ({"since": "2024-05", "until": "2024-04"}, "since 2024-05 is after until 2024-04"),
    ],
)
def test_a_date_filter_that_is_no_date_is_an_error_not_an_empty_result(filled, filters, reason):
    with pytest.raises(SaidwhatError, match=reason):
        filled.search("", **filters)


def test_search_syntax_never_breaks_on_punctuation(filled):
    assert fts_query('don\'t "lose a week" boat* OR') == '"don" "t" "lose a week" "boat"*'
    assert filled.search('"lose a week" AND (winter') and filled.search("harb*")
    assert isinstance(filled.search(':-" NEAR( ^*'), list)  # no FTS syntax error


def test_speaker_profile(filled):
    profile = filled.speaker("Mayor Ada Quill")
    assert (profile.name, profile.quotes, profile.articles) == ("Ada Quill", 3, 3)
    assert (profile.first_seen, profile.last_seen) == ("2024-03-02", "2024-04-10")
    assert [(o.source, o.quotes) for o in profile.outlets] == [("Daily Tide", 2), ("Coast Wire", 1)]
    assert profile.recent[0].article_id == "late"
    assert profile.affiliations[0].value == "Port Ellen"
    assert filled.speaker("Nobody Known") is None


def test_check_finds_verbatim_parts_and_altered_quotes(filled):
    exact = filled.check("We will NOT put a single fisherman at risk for one more day of catch.")
    assert (exact.verdict, exact.best.occurrences, exact.best.first.source) == (
        "verbatim",
        2,
        "Coast Wire",
    )
    assert exact.best.speaker == "Ada Quill" and exact.best.first.date == "2024-03-02"
    assert filled.check("a single fisherman at risk").verdict == "verbatim_part"
    altered = filled.check("the mayor panics each winter so we lose a whole week")
    assert altered.verdict == "altered" and altered.best.speaker == "Ivo Marsh"
    assert filled.check("budget vote postponed").verdict == "not_found"


def test_export_jsonl_csv_parquet_per_occurrence_and_cluster(filled, tmp_path):
    for fmt in ("jsonl", "csv", "parquet"):
        for per in ("occurrence", "cluster"):
            out = tmp_path / f"{per}.{fmt}"
            rows = filled.quotes(by_cluster=per == "cluster")
            rows = cluster_rows(rows) if per == "cluster" else rows
            count = write_rows(rows, model_for(per), fmt, out)
            assert count == (4 if per == "occurrence" else 3)
            if fmt == "jsonl":
                data = [json.loads(line) for line in out.open()]
            elif fmt == "csv":
                data = list(csv.DictReader(out.open()))
            else:
                data = pq.read_table(out).to_pylist()
            assert len(data) == count
            if per == "cluster":
                wire = next(d for d in data if str(d["occurrences"]) == "2")
                assert wire["first_source"] == "Coast Wire"
                assert wire["sources"] == "Coast Wire; Daily Tide"
            else:
                assert {d["speaker"] for d in data} == {"Ada Quill", "Ivo Marsh"}


def test_article_round_trips_and_log_lists_inputs(filled):
    stored = filled.article("wire")
    assert stored.quotes[0].text == FULL and stored.source == "Coast Wire"
    assert filled.article("missing") is None
    assert {e.origin for e in filled.log()} == {"test:wire", "test:copy", "test:late"}
    assert filled.log(skipped=True) == []


def test_ranking_window_keeps_common_words_fast_and_filters_still_find_old_quotes(
    corpus, monkeypatch
):
    from saidwhat.store import search as queries

    monkeypatch.setattr(queries, "RANK_WINDOW", 3)  # a tiny window instead of 5,000
    corpus.add(
        [
            article(
                f"a{n}",
                [(ADA, f"The harbour plan number {n} is ready for the council")],
                published=f"2024-03-{n + 1:02d}",
            )
            for n in range(8)
        ]
    )
    newest = {h.article_id for h in corpus.search("harbour", limit=3)}
    assert newest == {"a5", "a6", "a7"}  # ranked among the newest matches
    assert [h.article_id for h in corpus.search("harbour", until="2024-03-01")] == ["a0"]
    assert len(corpus.search("harbour", limit=20)) == 8


def test_article_links_name_corpus_speakers_and_quote_clusters(filled):
    links = filled.article_links("copy")
    ada = filled.speaker("Ada Quill").id
    assert links.people == {"s1": ada}
    [(quote_id, ref)] = links.clusters.items()
    assert quote_id == "q0" and ref == filled.article_links("wire").clusters["q0"]
    assert (ref.size, ref.first_article_id, ref.first_source, ref.first_date) == (
        2,
        "wire",
        "Coast Wire",
        "2024-03-02",
    )
    wire = filled.article_links("wire")
    assert wire.people == {"s1": ada, "s2": filled.speaker("Ivo Marsh").id}
    assert wire.clusters["q1"].size == 1 and wire.clusters["q1"].first_article_id == "wire"
    assert filled.article_links("missing") is None


def test_timeline_counts_a_speakers_quotes_per_monday_week(corpus):
    corpus.add(
        [
            article("mon", [(ADA, FULL)], published="2024-03-04"),  # a Monday
            article("sun", [(ADA, "The harbour reopens on Monday")], published="2024-03-10"),
            article("next", [(ADA, "Every boat goes out at dawn")], published="2024-03-11"),
            article("late", [(ADA, "The nets are mended by now")], published="2024-04-02T09:30"),
            article("month", [(ADA, "No day was given for this one")], published="2024-04"),
            article("other", [(IVO, "The mayor panics every winter")], published="2024-03-05"),
        ]
    )
    weeks = [(w.week, w.quotes) for w in corpus.timeline("Ada Quill")]
    assert weeks == [("2024-03-04", 2), ("2024-03-11", 1), ("2024-04-01", 1)]
    assert corpus.timeline(corpus.speaker("Ivo Marsh").id)[0].quotes == 1
    assert corpus.timeline("Nobody Known") == []
