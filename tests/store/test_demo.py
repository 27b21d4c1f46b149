"""The demo corpus through the whole system: the syndicated copy of the ferry-strike wire
story forms, for each quote both copies print, one cluster with exactly the two occurrences."""

from __future__ import annotations

import pytest

from saidwhat.ingestion import ingest
from saidwhat.store import Corpus


@pytest.fixture(scope="module")
def demo_corpus(demo_dir, tmp_path_factory, nlp):
    if not (demo_dir / "wire-ferry-strike.txt").exists():
        pytest.skip("examples/demo has no ferry-strike story")
    corpus = Corpus(tmp_path_factory.mktemp("demo") / "demo.db")
    report = ingest([str(demo_dir)], corpus)
    assert report.skipped == 0 and report.articles == corpus.stats().articles
    return corpus


def test_syndicated_quote_is_one_cluster_with_two_occurrences(demo_corpus):
    report = demo_corpus.check("We have asked for one thing for three years")
    assert report.verdict == "verbatim_part"
    cluster = demo_corpus.cluster(report.best.cluster_id)
    origins = {
        demo_corpus.article(o.article_id).origin.rsplit("/", 1)[-1] for o in cluster.occurrences
    }
    assert cluster.size == 2
    assert origins == {"wire-ferry-strike.txt", "courier-ferry-strike.txt"}


def test_every_shared_cluster_of_the_demo_joins_the_two_ferry_copies(demo_corpus):
    shared = demo_corpus.conn.execute(
        "SELECT cluster_id FROM quotes GROUP BY cluster_id HAVING COUNT(DISTINCT article_rowid) > 1"
    ).fetchall()
    assert shared
    for (cluster_id,) in shared:
        cluster = demo_corpus.cluster(cluster_id)
        origins = {demo_corpus.article(o.article_id).origin for o in cluster.occurrences}
        assert all("ferry-strike" in o for o in origins), cluster.text


def test_ingesting_the_demo_twice_adds_nothing(demo_corpus, demo_dir):
    before = demo_corpus.stats()
    again = ingest([str(demo_dir)], demo_corpus)
    assert again.articles == 0 and again.unchanged == before.articles
    assert demo_corpus.stats().model_dump(exclude={"size_bytes"}) == before.model_dump(
        exclude={"size_bytes"}
    )


def test_check_finds_a_two_word_rewording_as_altered_with_its_speaker(demo_corpus):
    """'have to' dropped, 'their' -> 'a': Dario Fenwick's words, altered."""
    report = demo_corpus.check("nobody should choose between a paycheck and getting home alive")
    assert report.verdict == "altered" and report.best.speaker == "Dario Fenwick"
    assert "Nobody should have to choose between their paycheck" in report.best.text
    edits = [(a.kind, a.claim, a.quote) for a in report.best.alignment if a.kind not in SHOWN]
    assert edits == [("dropped", "", "have to"), ("changed", "a", "their")]


SHOWN = ("same", "context")


@pytest.mark.parametrize(
    "claim, change",
    [
        ("Everybody should have to choose between their paycheck and getting home alive",
         ("quantifier", "Everybody", "Nobody")),
        ("We have not asked for one thing for three years", ("negation", "not", "")),
        ("We have asked for five things for ten years", ("number", "five things", "one thing")),
    ],
)  # fmt: skip
def test_a_misquote_of_the_demo_contradicts_the_quote_it_inverts(demo_corpus, claim, change):
    """The claims that opened issue 15 were called 'trimmed' (96.6, 95.6) or matched to other
    people's quotes ('paraphrase' of a headline taken for a speaker)."""
    report = demo_corpus.check(claim)
    assert report.verdict == "contradicts" and report.best.speaker == "Dario Fenwick"
    assert (report.best.changes[0].kind, report.best.changes[0].claim) == change[:2]
    assert report.best.changes[0].quote == change[2]


def test_a_speaker_is_found_by_any_form_of_the_name(demo_corpus):
    """Stored as 'Raymond Okafor' (title and office in the record), found by the surname, the
    full name and the name as an article writes it with its titles."""
    by_surname = {h.id for h in demo_corpus.search(speaker="Okafor", limit=50)}
    assert by_surname
    for form in ("Raymond Okafor", "Transportation Secretary Raymond Okafor", "raymond okafor"):
        assert {h.id for h in demo_corpus.search(speaker=form, limit=50)} == by_surname, form
    [okafor] = [s for s in demo_corpus.speakers(top=100) if "Okafor" in s.name]
    assert okafor.name == "Raymond Okafor"


def test_one_person_one_row_and_no_description_shared_across_articles(demo_corpus):
    names = [s.name for s in demo_corpus.speakers(top=1000, kind="person")]
    assert names.count("Dario Fenwick") == 1 and names.count("Helen Marsh") == 1
    spread = demo_corpus.conn.execute(
        "SELECT p.name FROM people p JOIN article_speakers s ON s.person_id = p.id"
        " WHERE p.kind IN ('group', 'unnamed', 'document', 'unknown')"
        " GROUP BY p.id HAVING COUNT(DISTINCT s.article_rowid) > 1"
    ).fetchall()
    assert spread == []
