"""Quote clusters mean "the same quote": reprints, trims, re-punctuation and distinctive partial
quotes of one quote form one cluster with every occurrence and its first appearance; another
quote — an edit that changes what is said, a stock phrase's other contexts, a part said by
someone else — stays apart, and a quote with no content of its own is in no cluster. Invented
people and places."""

from __future__ import annotations

import sqlite3
import zlib

import pytest
from builders import article, person

from saidwhat.store import Corpus
from saidwhat.store.clusters import has_content
from saidwhat.store.schema import MIGRATIONS, SCHEMA_VERSION
from saidwhat.store.text import fingerprints, normalise, quote_tags, stable_hash

FULL = "We will not put a single fisherman at risk for one more day of catch"
ADA = person("s1", "Ada Quill", ["mayor"], ["Port Ellen"])
IVO = person("s2", "Ivo Marsh", ["fisherman"])


def cluster_of(corpus, words: str) -> int | None:
    row = corpus.conn.execute("SELECT cluster_id FROM quotes WHERE text = ?", (words,)).fetchone()
    return row[0]


def test_reprinted_trimmed_and_repunctuated_copies_are_one_cluster(corpus):
    corpus.add(
        [
            article("wire", [(ADA, FULL)], source="Coast Wire", published="2024-03-02"),
            article(
                "copy", [(ADA, FULL.upper() + "!")], source="Daily Tide", published="2024-03-03"
            ),
            article(
                "trim",
                [(ADA, "not put a single fisherman at risk")],
                source="Gull",
                published="2024-03-04",
            ),
            article(
                "edit",
                [(ADA, FULL.replace("one more", "another"))],
                source="Bay News",
                published="2024-03-01",
            ),
            article(
                "other", [(ADA, "The cranes on the east quay are tied down and checked twice")]
            ),
        ]
    )
    assert corpus.stats().clusters == 2
    [hit] = corpus.search("catch", limit=1)
    cluster = corpus.cluster(hit.cluster_id)
    assert cluster.size == 4 and cluster.text == FULL  # the full form, as first printed
    assert {o.source for o in cluster.occurrences} == {
        "Coast Wire",
        "Daily Tide",
        "Gull",
        "Bay News",
    }
    assert cluster.first.source == "Bay News"  # the earliest date, whatever the ingest order
    assert [o.date for o in cluster.occurrences] == sorted(o.date for o in cluster.occurrences)
    assert "not put a single fisherman at risk" in {o.text for o in cluster.occurrences}
    page = corpus.cluster(hit.cluster_id, limit=2)
    assert (page.size, len(page.occurrences), page.first) == (4, 2, cluster.first)


def test_an_edit_that_changes_what_is_said_is_another_quote(corpus):
    negated = FULL.replace("will not", "will")
    counted = FULL.replace("one more day", "two more days")
    corpus.add(
        [
            article("said", [(ADA, FULL)]),
            article("negated", [(ADA, negated)]),
            article("counted", [(ADA, counted)]),
        ]
    )
    assert len({cluster_of(corpus, w) for w in (FULL, negated, counted)}) == 3


def test_short_common_fragments_do_not_join_a_cluster(corpus):
    corpus.add(
        [
            article("a", [(ADA, "this is a racist assault on every family in our town")]),
            article("b", [(ADA, "racist assault on families")]),
        ]
    )
    assert corpus.stats().clusters == 2


STOCK = "the new harbour master of Port Ellen"


@pytest.mark.parametrize("stock_first", [True, False])
def test_a_stock_phrase_does_not_chain_quotes_into_one_cluster(corpus, stock_first):
    """Each quote is compared with a cluster's full form, never with a short member, so the
    phrase two quotes share never joins them; a phrase found in two quotes joins neither."""
    first = "I told the new harbour master of Port Ellen that the cranes were unsafe"
    second = "Nobody asked the new harbour master of Port Ellen about the dredging"
    said = [("one", ADA, first), ("stock", ADA, STOCK), ("two", IVO, second)]
    if not stock_first:
        said = [said[0], said[2], said[1]]
    corpus.add([article(aid, [(who, words)]) for aid, who, words in said])
    assert cluster_of(corpus, first) != cluster_of(corpus, second)
    if stock_first:  # when it came, the phrase was part of one quote only, by its speaker
        assert cluster_of(corpus, STOCK) == cluster_of(corpus, first)
    else:
        assert cluster_of(corpus, STOCK) not in {cluster_of(corpus, w) for w in (first, second)}


def test_a_partial_quote_joins_its_quote_and_a_later_full_form_takes_over(corpus):
    part = "not put a single fisherman at risk"
    corpus.add([article("part", [(ADA, part)]), article("full", [(ADA, FULL)])])
    assert cluster_of(corpus, part) == cluster_of(corpus, FULL)
    assert corpus.cluster(cluster_of(corpus, FULL)).text == FULL


def test_a_part_said_by_someone_else_stays_apart_unless_the_speaker_is_unknown(corpus):
    part = "not put a single fisherman at risk"
    corpus.add(
        [
            article("full", [(ADA, FULL)]),
            article("other", [(IVO, part)]),
            article("unknown", [(None, "a single fisherman at risk for one more day")]),
        ]
    )
    assert cluster_of(corpus, part) != cluster_of(corpus, FULL)
    assert cluster_of(corpus, "a single fisherman at risk for one more day") == cluster_of(
        corpus, FULL
    )


def test_exact_words_by_two_people_are_one_cluster_that_names_both(corpus):
    corpus.add([article("said", [(ADA, FULL)]), article("requoted", [(IVO, FULL)])])
    cluster = corpus.cluster(cluster_of(corpus, FULL))
    assert cluster.size == 2
    assert {(a.speaker, a.occurrences) for a in cluster.speakers} == {
        ("Ada Quill", 1),
        ("Ivo Marsh", 1),
    }


def test_a_short_quote_joins_only_by_its_exact_wording(corpus):
    """ "the harbour master's budget" is one word and 88% of characters away from "the harbour
    master budget", and another quote."""
    said = ["the harbour master budget", "the harbour master's budget", "THE HARBOUR MASTER BUDGET"]
    corpus.add([article(f"s{n}", [(ADA, words)]) for n, words in enumerate(said)])
    assert cluster_of(corpus, said[0]) == cluster_of(corpus, said[2]) != cluster_of(corpus, said[1])


def test_a_quote_with_no_content_of_its_own_is_in_no_cluster(corpus):
    empty = ["Quill", "to comment", "he", "Ada Quill", "no comment", "Mrs. Quill", "the mayor"]
    corpus.add([article(f"e{n}", [(IVO, words)]) for n, words in enumerate(empty * 2)])
    assert corpus.stats().clusters == 0
    assert all(cluster_of(corpus, words) is None for words in empty)
    [hit] = corpus.search("comment", limit=1, source="harbour gazette", type="direct")[:1]
    assert hit.cluster_size == 1 and hit.cluster_id is None
    assert has_content("Crooked harbour master") and not has_content("Crooked Quill")
    assert not has_content("the former secretary of state") and has_content("a great mayor")


def test_fingerprints_guarantee_shared_runs_of_seven_words_meet():
    words = normalise(FULL).split()
    for start in range(len(words) - 7):
        part = " ".join(words[start : start + 7])
        assert fingerprints(part) & fingerprints(normalise(FULL))


def version_8_store(path, said: list[tuple[str, int, str]]) -> None:
    """A store as saidwhat at schema version 8 left it: one article per (article id, person
    id, words), every quote chained into cluster 1 through the phrase they share, as the old
    rules did (each wording indexed with its 4-gram fingerprints)."""
    raw = sqlite3.connect(path, isolation_level=None)
    raw.row_factory = sqlite3.Row
    raw.create_function("saidwhat_tags", 3, quote_tags)
    for migration in MIGRATIONS[:8]:
        for step in migration:
            raw.execute(step) if isinstance(step, str) else step(raw)
    raw.execute("PRAGMA user_version = 8")
    raw.execute("INSERT INTO people (id, name, kind) VALUES (7, 'Ada Quill', 'person')")
    raw.execute("INSERT INTO people (id, name, kind) VALUES (8, 'Ivo Marsh', 'person')")
    raw.execute("INSERT INTO clusters (id, text) VALUES (1, ?)", (said[0][2],))
    for rowid, (article_id, person_id, words) in enumerate(said, 1):
        raw.execute(
            "INSERT INTO articles (rowid, id, text_hash, source, date, ingested_at, record)"
            " VALUES (?, ?, 'h', 'Coast Wire', '2024-05-01', 'now', ?)",
            (rowid, article_id, zlib.compress(b'{"id": "a", "text": "x"}')),
        )
        raw.execute(
            "INSERT INTO quotes (article_rowid, quote_id, text, type, start, end, confidence,"
            " person_id, cluster_id, source, date) VALUES (?, 'q0', ?, 'direct', 0, 1, 0.9, ?,"
            " 1, 'Coast Wire', '2024-05-01')",
            (rowid, words, person_id),
        )
        norm = normalise(words)
        raw.execute("INSERT OR IGNORE INTO wordings VALUES (?, 1, ?)", (stable_hash(norm), norm))
        for fingerprint in fingerprints(norm):
            raw.execute("INSERT OR IGNORE INTO fingerprints VALUES (?, 1)", (fingerprint,))
    raw.close()


def test_migration_9_makes_the_clusters_of_an_old_store_again(tmp_path):
    first = "I told the new harbour master of Port Ellen that the cranes were unsafe"
    second = "Nobody asked the new harbour master of Port Ellen about the dredging"
    path = tmp_path / "v8.db"
    version_8_store(
        path, [("one", 7, first), ("stock", 7, STOCK), ("two", 8, second), ("bare", 8, "Quill")]
    )
    corpus = Corpus(path)
    assert corpus.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert cluster_of(corpus, first) == cluster_of(corpus, STOCK) != cluster_of(corpus, second)
    assert cluster_of(corpus, "Quill") is None and corpus.stats().clusters == 2
    report = corpus.check("Nobody asked the new harbour master of Port Ellen about dredging")
    assert (report.verdict, report.best.speaker) == ("altered", "Ivo Marsh")
    assert report.best.text == second and report.best.type == "direct"
    assert Corpus(path, readonly=True).check(STOCK).verdict == "verbatim"
