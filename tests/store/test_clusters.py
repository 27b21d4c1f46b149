"""Quote clusters: reprints, trims, re-punctuation and partial quotes of one quote form one
cluster with every occurrence and its first appearance; different quotes stay apart."""

from __future__ import annotations

from builders import article, person

from saidwhat.store.clusters import CHECK_PART_WORDS, likeness
from saidwhat.store.text import fingerprints, normalise

FULL = "We will not put a single fisherman at risk for one more day of catch"
ADA = person("s1", "Ada Quill", ["mayor"], ["Port Ellen"])


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
    assert cluster.size == 4
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


def test_short_common_fragments_do_not_join_a_cluster(corpus):
    corpus.add(
        [
            article("a", [(ADA, "this is a racist assault on every family in our town")]),
            article("b", [(ADA, "racist assault")]),
        ]
    )
    assert corpus.stats().clusters == 2


def test_likeness_levels():
    assert likeness(normalise(FULL), normalise(FULL + ".")).closeness == "exact"
    assert (
        likeness(normalise("a single fisherman at risk for one"), normalise(FULL)).closeness
        == "trimmed"
    )
    para = likeness(
        normalise("we will never put one fisherman at risk for a day of catch"), normalise(FULL)
    )
    assert para is not None and para.closeness == "paraphrase"
    assert likeness(normalise("the budget passed on tuesday night"), normalise(FULL)) is None


def test_fingerprints_guarantee_shared_runs_of_seven_words_meet():
    words = normalise(FULL).split()
    for start in range(len(words) - 7):
        part = " ".join(words[start : start + 7])
        assert fingerprints(part) & fingerprints(normalise(FULL))


LONG = (
    "We asked for one thing for three winters and that is not to be left alone on a trawler"
    " deck at night. Nobody should have to choose between their wages and coming home alive."
)


def test_a_reworded_part_of_a_longer_quote_is_a_paraphrase_for_check_only():
    reworded = normalise("nobody should choose between a wage and coming home alive")
    found = likeness(reworded, normalise(LONG), min_part=CHECK_PART_WORDS)
    assert found is not None and found.closeness == "paraphrase" and 80 <= found.similarity < 90
    assert likeness(reworded, normalise(LONG), paraphrase=False) is None  # never clusters
    unrelated = normalise("the council should choose a date for the harbour vote")
    assert likeness(unrelated, normalise(LONG), min_part=CHECK_PART_WORDS) is None
    # aligns well (partial_ratio 84) but says something else: 2 of 6 content words are new
    other = normalise("nobody should have to choose between cats and dogs")
    assert likeness(other, normalise(LONG), min_part=CHECK_PART_WORDS) is None


def test_check_finds_a_reworded_part_of_a_longer_quote_with_its_speaker(corpus):
    corpus.add(
        [
            article("deck", [(ADA, LONG)], source="Coast Wire", published="2024-03-02"),
            article("other", [(ADA, FULL)], source="Gull", published="2024-03-03"),
        ]
    )
    [match, *_] = corpus.check("Nobody should choose between a wage and coming home alive")
    assert (match.closeness, match.speaker, match.first.source) == (
        "paraphrase",
        "Ada Quill",
        "Coast Wire",
    )
    assert match.text == LONG
