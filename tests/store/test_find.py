"""What a search finds besides the best quotes: quotes in date order (sorted, or met along the
date index when a word is common), how many there are, the articles whose headline has the
words and the speakers a name means. Invented people and places."""

from __future__ import annotations

import sqlite3
import zlib

import pytest
from builders import article, person

from saidwhat.store import Corpus, QuoteFilters
from saidwhat.store.schema import MIGRATIONS
from saidwhat.store.search import SqlFilters, _dated, fts_query
from saidwhat.store.text import quote_tags

ADA = person("s1", "Ada Quill", ["mayor"])
IVO = person("s2", "Ivo Marsh")
# (article id, published, words): stored in this order, which is not the order of the dates
DAYS = [
    ("d3", "2024-03-03", "The tide tables change on Monday"),
    ("d1", "2024-03-01", "The tide is early this year"),
    ("nd", "", "The tide waits for nobody"),
    ("d5", "2024-03-05", "The tide turned against the plan"),
    ("d2", "2024-03-02", "The tide came in over the quay"),
    ("nd2", "", "The tide is a matter for the council"),
    ("d4", "2024-03-04", "The tide and the wind both rose"),
]
NEWEST = ["d5", "d4", "d3", "d2", "d1", "nd2", "nd"]  # undated last, latest stored first
OLDEST = ["d1", "d2", "d3", "d4", "d5", "nd", "nd2"]


@pytest.fixture
def tides(corpus: Corpus) -> Corpus:
    corpus.add(
        [
            article(aid, [(ADA, words)], published=day).model_copy(
                update={"title": f"Tide report {aid}" if aid != "d4" else "Ferry strike ends"}
            )
            for aid, day, words in DAYS
        ]
    )
    corpus.add([article("ivo", [(IVO, "No boat leaves before the ferry strike is over")])])
    return corpus


def ids(hits) -> list[str]:
    return [h.article_id for h in hits]


def test_a_search_sorts_by_date_either_way_with_undated_quotes_last(tides: Corpus) -> None:
    assert ids(tides.search("tide", sort="newest", limit=50)) == NEWEST
    assert ids(tides.search("tide", sort="oldest", limit=50)) == OLDEST
    assert ids(tides.search("", speaker="Ada Quill", sort="oldest", limit=50)) == OLDEST
    assert ids(tides.search("", speaker="Ada Quill", limit=50)) == NEWEST  # the default
    pages = [ids(tides.search("tide", sort="oldest", limit=2, offset=n)) for n in (0, 2, 4, 6)]
    assert sum(pages, []) == OLDEST
    pages = [ids(tides.search("", sort="oldest", limit=3, offset=n)) for n in (0, 3, 6)]
    assert [a for a in sum(pages, []) if a != "ivo"] == OLDEST  # the undated ones page on
    assert set(ids(tides.search("tide", sort="relevance", limit=50))) == set(NEWEST)


def test_a_common_word_walks_the_date_index_to_the_same_order(tides: Corpus) -> None:
    """Beyond WALK_FROM matches a date-ordered search reads the date index and asks the
    full-text index about each quote: the same pages as sorting every match."""
    for sort, since in [("newest", None), ("oldest", None), ("newest", "2024-03-02")]:
        filters = SqlFilters.compile(tides.conn, QuoteFilters(since=since), as_tags=True)
        match = filters.match(fts_query("tide"))
        for offset in range(0, 8, 3):
            sorted_ = _dated(tides.conn, match, filters, 3, offset, sort, walk_from=10**6)
            walked = _dated(tides.conn, match, filters, 3, offset, sort, walk_from=1)
            assert walked == sorted_, (sort, since, offset)


def test_count_says_how_many_a_search_finds_up_to_a_cap(tides: Corpus) -> None:
    assert tides.count("tide") == 7
    assert tides.count("tide", filters=QuoteFilters(since="2024-03-03")) == 3
    assert tides.count("", filters=QuoteFilters(speaker="Ivo Marsh")) == 1
    assert tides.count("") == 8
    assert tides.count("tide", cap=4) == 5  # more than 4
    assert tides.count("tide", filters=QuoteFilters(speaker="Nobody Known")) == 0


def test_headlines_and_names_a_search_also_offers(tides: Corpus) -> None:
    [found] = tides.headlines("ferry")
    assert (found.id, found.title, found.quotes) == ("d4", "Ferry strike ends", 1)
    assert tides.headlines("ferries") == [found]  # stemmed as the quote search is
    assert {a.id for a in tides.headlines("tide report", limit=9)} == {
        "d1",
        "d2",
        "d3",
        "d5",
        "nd",
        "nd2",
    }
    assert tides.headlines("") == [] and tides.headlines('"') == []
    [ada] = tides.speakers_named("Quill")
    assert (ada.name, ada.quotes) == ("Ada Quill", 7)
    assert tides.speakers_named("Ada Quill") == [ada]
    assert tides.speakers_named(str(ada.id)) == []  # an id is not a name
    assert tides.speakers_named("tide") == []


def test_a_replaced_article_is_found_by_its_new_headline_only(tides: Corpus) -> None:
    tides.add([article("d4", [(ADA, "The tide and the wind both fell")]).model_copy(
        update={"title": "Harbour calm again"})])  # fmt: skip
    assert tides.headlines("ferry") == [] and [a.id for a in tides.headlines("calm")] == ["d4"]


def test_a_version_6_store_gains_the_headline_and_date_indexes(tmp_path) -> None:
    path = tmp_path / "v6.db"
    raw = sqlite3.connect(path)
    raw.create_function("saidwhat_tags", 3, quote_tags)
    for migration in MIGRATIONS[:3]:  # 4 to 6 re-key people: nobody to re-key here
        for statement in migration:
            raw.execute(statement)
    raw.execute("PRAGMA user_version = 6")
    raw.execute(
        "INSERT INTO articles (id, text_hash, title, ingested_at, record)"
        " VALUES ('old', 'h', 'Lighthouse keeper retires', 'now', ?)",
        (zlib.compress(b'{"id": "old", "text": "x"}'),),
    )
    raw.commit()
    raw.close()
    corpus = Corpus(path)
    assert [a.id for a in corpus.headlines("lighthouse")] == ["old"]
    indexes = {r[0] for r in corpus.conn.execute("SELECT name FROM sqlite_master")}
    assert "quotes_rowid_date" in indexes
