"""Speakers across articles: one person under many names, two people under one surname, and
user corrections that survive re-ingest. Hand-built records: the store logic is under test."""

from __future__ import annotations

import pytest
from builders import article, person

from saidwhat.errors import SaidwhatError


def test_name_variants_with_agreeing_roles_are_one_person(corpus):
    corpus.add(
        [
            article(
                "a1",
                [
                    (
                        person("s1", "Bill de Blasio", ["Mayor"], ["New York City"]),
                        "We will protect every family in this city, no matter what",
                    )
                ],
            ),
            article(
                "a2",
                [
                    (
                        person("s1", "de Blasio", ["Mayor"], ["New York City"]),
                        "The federal threats will not change how our police work",
                    )
                ],
            ),
            article(
                "a3",
                [
                    (
                        person("s1", "Mayor Bill de Blasio", ["mayor"]),
                        "Our city is safer than it has been in decades",
                    )
                ],
            ),
        ]
    )
    [blasio] = [s for s in corpus.speakers() if "Blasio" in s.name]
    assert blasio.name == "Bill de Blasio"
    assert blasio.quotes == 3
    profile = corpus.speaker("de Blasio")
    assert profile.id == blasio.id
    assert {"Bill de Blasio", "de Blasio", "Mayor Bill de Blasio"} <= set(profile.aliases)
    [mayor] = profile.titles
    assert (mayor.first_seen, mayor.last_seen, mayor.count) == ("2024-03-01", "2024-03-01", 3)


def test_same_surname_with_other_roles_is_another_person(corpus):
    corpus.add(
        [
            article(
                "a1",
                [
                    (
                        person("s1", "Bernie Sanders", ["Senator"], ["Vermont"]),
                        "Working people in this country deserve a raise",
                    )
                ],
            ),
            article(
                "a2",
                [
                    (
                        person("s1", "Sanders", ["press secretary"], ["White House"]),
                        "The president has been very clear on this issue",
                    )
                ],
            ),
            article(
                "a3",
                [
                    (
                        person("s1", "Sarah Huckabee Sanders", ["White House press secretary"]),
                        "We are not going to comment on ongoing matters",
                    )
                ],
            ),
        ]
    )
    names = {s.name: s.quotes for s in corpus.speakers()}
    assert names == {"Bernie Sanders": 1, "Sarah Huckabee Sanders": 2}


def test_a_bare_surname_without_evidence_never_joins(corpus):
    corpus.add(
        [
            article(
                "a1",
                [
                    (
                        person("s1", "Ana Ferreira", ["minister"]),
                        "The port will reopen by the end of the month",
                    )
                ],
            ),
            article(
                "a2",
                [(person("s1", "Ferreira"), "Nobody told us anything about the closure at all")],
            ),
        ]
    )
    assert sorted(s.name for s in corpus.speakers()) == ["Ana Ferreira", "Ferreira"]


def test_cooccurring_speakers_are_evidence_for_a_bare_surname(corpus):
    mira = person("s2", "Mira Tolland", ["harbour master"])
    corpus.add(
        [
            article(
                "a1",
                [
                    (person("s1", "Ana Ferreira"), "The port will reopen by the end of the month"),
                    (mira, "We have checked every crane on the east quay"),
                ],
            ),
            article(
                "a2",
                [
                    (
                        person("s1", "Ferreira"),
                        "The ships will be back on Monday morning as planned",
                    ),
                    (mira, "The cranes are ready and the crews are rested"),
                ],
            ),
        ]
    )
    assert corpus.speaker("Ana Ferreira").quotes == 2


def test_first_names_must_agree(corpus):
    corpus.add(
        [
            article(
                "a1",
                [(person("s1", "Ana Ferreira"), "The port will reopen by the end of the month")],
            ),
            article(
                "a2", [(person("s1", "Jon Ferreira"), "My sister is wrong about the port schedule")]
            ),
            article(
                "a3",
                [(person("s1", "A. Ferreira"), "I stand by every word about the port schedule")],
            ),
        ]
    )
    assert {s.name: s.quotes for s in corpus.speakers()} == {"Ana Ferreira": 2, "Jon Ferreira": 1}


def test_organisations_join_by_name(corpus):
    corpus.add(
        [
            article(
                "a1",
                [
                    (
                        person("s1", "the Port Authority", kind="organization"),
                        "All berths are closed until further notice",
                    )
                ],
            ),
            article(
                "a2",
                [
                    (
                        person("s1", "Port Authority", kind="organization"),
                        "Berths reopen on Monday for cargo traffic",
                    )
                ],
            ),
        ]
    )
    [org] = corpus.speakers()
    assert (org.kind, org.quotes) == ("organization", 2)


def test_merge_and_split_survive_reingest(corpus):
    items = [
        article(
            "a1",
            [
                (
                    person("s1", "Ana Ferreira", ["minister"]),
                    "The port will reopen by the end of the month",
                )
            ],
        ),
        article(
            "a2", [(person("s1", "Ferreira"), "Nobody told us anything about the closure at all")]
        ),
        article(
            "a3",
            [
                (
                    person("s1", "Tomas Brenn", ["mayor"]),
                    "The council will meet again on Friday night",
                )
            ],
        ),
        article(
            "a4",
            [
                (
                    person("s1", "Brenn", ["mayor"]),
                    "I never promised the bridge would open this year",
                )
            ],
        ),
    ]
    corpus.add(items)
    assert corpus.speaker("Tomas Brenn").quotes == 2
    merged = corpus.merge_speakers("Ana Ferreira", "Ferreira")
    assert merged.quotes == 2
    split = corpus.split_speaker("Tomas Brenn", ["Brenn"])
    assert split.name == "Brenn" and split.quotes == 1
    corpus.add(items, force=True)  # re-ingest every article
    assert corpus.speaker("Ana Ferreira").quotes == 2
    assert {s.name: s.quotes for s in corpus.speakers()} == {
        "Ana Ferreira": 2,
        "Tomas Brenn": 1,
        "Brenn": 1,
    }


def test_an_aliases_file_merges_now_and_steers_future_ingests(corpus, tmp_path):
    corpus.add(
        [
            article(
                "a1",
                [
                    (
                        person("s1", "Ana Ferreira", ["minister"]),
                        "The port will reopen by the end of the month",
                    )
                ],
            ),
            article(
                "a2",
                [(person("s1", "Ferreira"), "Nobody told us anything about the closure at all")],
            ),
        ]
    )
    aliases = tmp_path / "aliases.txt"
    aliases.write_text(
        "# corrections\nAna Ferreira = Ferreira; Minister Ferreira\nJo Lund = Lundy\n"
    )
    assert corpus.apply_aliases(aliases) == 1
    corpus.add(
        [
            article(
                "a3", [(person("s1", "Lundy"), "The ferry timetable is final and will not change")]
            )
        ]
    )
    assert corpus.speaker("Ferreira").quotes == 2
    assert corpus.speaker("Lundy").name == "Jo Lund"
    aliases.write_text("Ana Ferreira Ferreira\n")
    with pytest.raises(SaidwhatError, match=r"aliases.txt:1: expected"):
        corpus.apply_aliases(aliases)


@pytest.mark.parametrize("number", [str(2**63), str(2**64), 2**64, -(2**64), "²", "٣"])
def test_a_number_no_id_can_be_is_a_name_nobody_has(corpus, number):
    corpus.add([article("a1", [(person("s1", "Ada Quill"), "The harbour stays open all winter")])])
    assert corpus.speaker(number) is None
    assert corpus.search("", speaker=number) == []
    assert corpus.timeline(number) == []
    with pytest.raises(SaidwhatError, match="no such speaker"):
        corpus.merge_speakers("Ada Quill", number)
    ada = corpus.speaker("Ada Quill").id
    assert corpus.speaker(str(ada)).name == corpus.speaker(ada).name == "Ada Quill"
