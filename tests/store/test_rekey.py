"""Migrations 4 to 6: a store made under the old name rules is re-keyed on open, and the
people that split in two (an old "ben carson" row beside a new "carson" one) become one again,
with every quote, alias, role and user correction kept; bodies likewise under the old
organisation key ("Department of Justice" beside "Justice Department"). Invented people,
except the textbook names.

The old file is made faithfully: the current code ingests, SQL rewrites the people's keys to
what the old rules stored, later ingests run against those old keys (as saidwhat between the
rule change and this migration did), and the schema version is set back to 3.
"""

from __future__ import annotations

import sqlite3

import pytest
from builders import article, person
from test_names_shared import FORMS

from saidwhat.errors import SaidwhatError
from saidwhat.records import Speaker
from saidwhat.store import Corpus
from saidwhat.store.schema import SCHEMA_VERSION

OLD_KEYS = {  # shown name -> (surname, first name) as the rules before 91f0af9 stored them
    "Ben Carson": ("ben carson", None),
    "Al Gore": ("al gore", None),
    "D. Reyes": ("reyes", None),
}


def to_old_keys(corpus: Corpus, *names: str) -> dict[str, int]:
    """Rewrite these people's keys the old way; returns their ids."""
    ids = {}
    for name in names:
        surname, first = OLD_KEYS[name]
        [(person_id,)] = corpus.conn.execute("SELECT id FROM people WHERE name = ?", (name,))
        corpus.conn.execute(
            "UPDATE people SET surname = ?, first_name = ? WHERE id = ?",
            (surname, first, person_id),
        )
        ids[name] = person_id
    return ids


def reopen_as_version_3(corpus: Corpus) -> Corpus:
    corpus.conn.execute("PRAGMA user_version = 3")
    corpus.close()
    return Corpus(corpus.path)


def people(corpus: Corpus) -> list[tuple]:
    return [
        tuple(r)
        for r in corpus.conn.execute(
            "SELECT id, name, kind, first_name, surname FROM people ORDER BY id"
        )
    ]


def quote_count(corpus: Corpus, person_id: int) -> int:
    return corpus.conn.execute(
        "SELECT COUNT(*) FROM quotes WHERE person_id = ?", (person_id,)
    ).fetchone()[0]


def test_an_old_store_is_rekeyed_and_its_split_people_joined(tmp_path):
    corpus = Corpus(tmp_path / "old.db")
    carson = person("s1", "Ben Carson", ["Housing Secretary"])
    corpus.add(
        [
            article(
                "a0",
                [
                    (carson, "We will rebuild the public housing blocks by spring"),
                    (person("s2", "Al Gore", ["Vice President"]), "The climate bill must pass"),
                    (person("s3", "Imani Farrow", ["Harbour Master"]), "The quay reopens soon"),
                ],
            ),
            article("a1", [(person("s1", "Dana Reyes", ["Mayor"]), "The budget is balanced")]),
            article("a2", [(person("s1", "D. Reyes", ["Coach"]), "The team trains at dawn")]),
        ]
    )
    # the user's corrections, made before the rules changed
    aliases = tmp_path / "aliases.txt"
    aliases.write_text("Ben Carson = the housing secretary\n", encoding="utf-8")
    corpus.apply_aliases(aliases)
    corpus.split_speaker("Dana Reyes", ["D. Reyes"])
    farrow = people(corpus)[2]
    old = to_old_keys(corpus, "Ben Carson", "Al Gore", "D. Reyes")
    # ingests between the rule change and the migration key them the new way: two of each
    corpus.add(
        [
            article(
                "a3",
                [
                    (person("s1", "B. Carson", ["Housing Secretary"]), "Rents will fall"),
                    (person("s2", "Al Gore", ["Vice President"]), "The climate bill is late"),
                ],
                published="2024-04-02",
            ),
            article(
                "a4",
                [(person("s1", "Gore", ["Vice President"]), "The climate treaty holds")],
                published="2024-05-03",
            ),
        ]
    )
    split = {r[1]: r[0] for r in people(corpus) if r[4] in {"carson", "gore"}}
    assert set(split) == {"B. Carson", "Al Gore"}  # the new rows beside the old ones
    assert quote_count(corpus, split["Al Gore"]) == 2  # "Gore" joined the new row
    quotes_before = corpus.stats().quotes

    corpus = reopen_as_version_3(corpus)

    assert corpus.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    rows = {r[0]: r for r in people(corpus)}
    # Carson: the corrected (pinned) old row stays and takes the new one, name and pins kept
    assert split["B. Carson"] not in rows
    assert rows[old["Ben Carson"]][1:] == ("Ben Carson", "person", "ben", "carson")
    assert quote_count(corpus, old["Ben Carson"]) == 2
    pins = dict(corpus.conn.execute("SELECT norm, person_id FROM pins").fetchall())
    assert pins["the housing secretary"] == pins["ben carson"] == old["Ben Carson"]
    norms = {
        r[0]
        for r in corpus.conn.execute(
            "SELECT norm FROM aliases WHERE person_id = ?", (old["Ben Carson"],)
        )
    }
    assert {"ben carson", "b carson", "the housing secretary"} <= norms
    [(title, count, first_seen, last_seen)] = corpus.conn.execute(
        "SELECT value, count, first_seen, last_seen FROM roles WHERE person_id = ?",
        (old["Ben Carson"],),
    ).fetchall()
    assert (title, count, first_seen, last_seen) == (
        "Housing Secretary",
        2,
        "2024-03-01",
        "2024-04-02",
    )
    # Gore: the older row (met first) takes the new one, with the bare "Gore" it had joined
    assert split["Al Gore"] not in rows
    assert rows[old["Al Gore"]][1:] == ("Al Gore", "person", "al", "gore")
    assert quote_count(corpus, old["Al Gore"]) == 3
    # the user's split stays split although both sides now share the keys "reyes"/"d"
    reyes = [r for r in rows.values() if r[4] == "reyes"]
    assert sorted((r[1], r[3]) for r in reyes) == [("D. Reyes", "d"), ("Dana Reyes", "dana")]
    assert pins["d reyes"] == old["D. Reyes"]
    # a person the rules always read the same way is untouched
    assert rows[farrow[0]] == farrow
    # nothing lost or dangling
    assert corpus.stats().quotes == quotes_before
    assert corpus.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in ("quotes", "article_speakers", "pins", "aliases", "roles"):
        dangling = corpus.conn.execute(
            f"SELECT COUNT(*) FROM {table} WHERE person_id IS NOT NULL"
            " AND person_id NOT IN (SELECT id FROM people)"
        ).fetchone()[0]
        assert dangling == 0, table
    # full-text search finds the quotes under the joined speakers, by name and by id
    hits = corpus.search("housing OR rents", speaker="Carson")
    assert {h.text for h in hits} == {
        "We will rebuild the public housing blocks by spring",
        "Rents will fall",
    }
    assert {h.speaker for h in hits} == {"Ben Carson"}
    assert len(corpus.search("climate", speaker=str(old["Al Gore"]))) == 3
    assert corpus.search("climate", speaker=str(split["Al Gore"])) == []
    profile = corpus.speaker("Al Gore")
    assert (profile.name, profile.quotes) == ("Al Gore", 3)
    # a later ingest of either form finds the one person
    corpus.add([article("a5", [(person("s1", "Ben Carson"), "Housing first")])])
    assert quote_count(corpus, old["Ben Carson"]) == 3
    corpus.close()


def test_rekeying_a_store_made_under_the_current_rules_changes_nobody(tmp_path):
    """Every person's stored keys are what the current rules read from its shown name, so
    the migration re-keys and joins nobody in a store it did not need to fix."""
    corpus = Corpus(tmp_path / "new.db")
    corpus.add(
        article(f"a{n}", [(person("s1", name, titles), f"Remark number {n} on the harbour")])
        for n, (name, titles, *_) in enumerate(FORMS)
        if name
    )
    before = people(corpus)
    assert len(before) > 40
    corpus = reopen_as_version_3(corpus)
    assert people(corpus) == before
    corpus.close()


def test_a_version_3_file_is_refused_read_only_until_opened_for_writing(tmp_path):
    """Readers never migrate: an old file is named as such until a writer opens it."""
    path = tmp_path / "c.db"
    Corpus(path).close()
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 3")
    raw.close()
    with pytest.raises(SaidwhatError, match=f"version 3, not version {SCHEMA_VERSION}: run"):
        Corpus(path, readonly=True)
    Corpus(path).close()
    Corpus(path, readonly=True).close()


def test_a_style_once_taken_for_a_first_name_is_dropped_and_the_person_joined(tmp_path):
    corpus = Corpus(tmp_path / "styled.db")
    speaker = person("s1", "Speaker Vance", ["Speaker"])
    corpus.add([article("b0", [(speaker, "The vote is Friday")])])
    corpus.conn.execute("UPDATE people SET first_name = 'speaker' WHERE surname = 'vance'")
    # under the old key, the full name made a second person
    corpus.add([article("b1", [(person("s1", "Orla Vance", ["Speaker"]), "The bill will pass")])])
    assert len([r for r in people(corpus) if r[4] == "vance"]) == 2
    quotes_before = corpus.stats().quotes

    corpus = reopen_as_version_3(corpus)

    (vance,) = [r for r in people(corpus) if r[4] == "vance"]
    assert quote_count(corpus, vance[0]) == 2
    assert vance[3] in (None, "orla")
    assert corpus.stats().quotes == quotes_before


def body(sid: str, name: str) -> Speaker:
    return person(sid, name, kind="organization")


def test_bodies_keyed_apart_by_the_old_organisation_key_are_joined(tmp_path):
    corpus = Corpus(tmp_path / "bodies.db")
    corpus.add([article("c0", [(body("s1", "Department of Justice"), "The review is closed")])])
    corpus.add([article("c1", [(body("s1", "Port Authority"), "The quay reopens")])])
    # the old key of the store was the normalised name without a leading "the"
    corpus.conn.execute(
        "UPDATE aliases SET norm = 'department of justice' WHERE norm = 'justice department'"
    )
    corpus.apply_aliases(_aliases_file(tmp_path, "Port Authority = the harbour board"))
    # ingests under the old key kept the other spelling apart
    corpus.add(
        [
            article("c2", [(body("s1", "Justice Department"), "The inquiry goes on")]),
            article("c3", [(body("s1", "the Justice Department's"), "No charges are filed")]),
        ]
    )
    justice = [r for r in people(corpus) if "Justice" in r[1]]
    assert len(justice) == 2
    quotes_before = corpus.stats().quotes

    corpus = reopen_as_version_3(corpus)

    [joined] = [r for r in people(corpus) if "Justice" in r[1]]
    assert joined[0] == justice[0][0] and joined[1] == "Department of Justice"  # met first
    assert quote_count(corpus, joined[0]) == 3
    norms = {r[0] for r in corpus.conn.execute("SELECT norm FROM aliases")}
    assert "department of justice" not in norms and "justice department" in norms
    pins = dict(corpus.conn.execute("SELECT norm, person_id FROM pins").fetchall())
    board = corpus.speaker("Port Authority")
    assert pins["harbour board"] == pins["port authority"] == board.id
    assert corpus.stats().quotes == quotes_before
    assert [h.text for h in corpus.search("charges", speaker="Department of Justice")] == [
        "No charges are filed"
    ]
    corpus.close()


def _aliases_file(tmp_path, line: str):
    path = tmp_path / "aliases.txt"
    path.write_text(line + "\n", encoding="utf-8")
    return path


def _merge_rows(corpus: Corpus, keep: int, gone: int) -> None:
    """What an older store did: one row for a speaker of several articles."""
    for table in ("article_speakers", "quotes", "aliases"):
        corpus.conn.execute(
            f"UPDATE OR IGNORE {table} SET person_id = ? WHERE person_id = ?", (keep, gone)
        )
    corpus.conn.execute("DELETE FROM aliases WHERE person_id = ?", (gone,))
    corpus.conn.execute("DELETE FROM people WHERE id = ?", (gone,))


def test_one_name_model_cleans_names_joins_people_and_splits_descriptions(tmp_path):
    corpus = Corpus(tmp_path / "v6.db")
    corpus.add(
        [
            article("d0", [(person("s1", "Ted Cruz"), "The shutdown was avoidable")]),
            article("d1", [(person("s1", "Ted Cruz"), "The vote is a mistake")]),
            article("d2", [(person("s1", "the author", kind="unknown"), "I was there")]),
            article("d3", [(person("s1", "the author", kind="unknown"), "I disagree")]),
            article("d4", [(person("s1", "Judge Harold Pym"), "The ruling stands")]),
        ]
    )
    rows = {r[1]: r[0] for r in people(corpus)}
    # the old rules: "Texas Sen. Ted Cruz" was keyed with the first name "texas" and shown
    # so; "the author" of two articles was one row; a description was a "person"
    stored_by_old_rules(corpus, "d1", "Texas Sen. Ted Cruz", "texas", "cruz")
    authors = [r[0] for r in people(corpus) if r[1] == "the author"]
    _merge_rows(corpus, authors[0], authors[1])
    judge = corpus.conn.execute(
        "INSERT INTO people (name, kind) VALUES ('A New York judge', 'person')"
    ).lastrowid
    corpus.conn.execute(
        "UPDATE article_speakers SET person_id = ? WHERE person_id = ?", (judge, rows["Harold Pym"])
    )
    corpus.conn.execute(
        "UPDATE quotes SET person_id = ? WHERE person_id = ?", (judge, rows["Harold Pym"])
    )
    corpus.conn.execute("DELETE FROM people WHERE id = ?", (rows["Harold Pym"],))
    corpus.conn.execute("PRAGMA user_version = 6")
    quotes_before = corpus.stats().quotes
    corpus.close()

    corpus = Corpus(tmp_path / "v6.db")

    by_name = {}
    for row in people(corpus):
        by_name.setdefault(row[1], []).append(row)
    assert "Texas Sen. Ted Cruz" not in by_name
    [(cruz_id, *_)] = by_name["Ted Cruz"]
    assert quote_count(corpus, cruz_id) == 2  # one person, one row
    authors = by_name["the author"]
    assert len(authors) == 2 and {r[2] for r in authors} == {"unknown"}  # one per article
    assert [quote_count(corpus, r[0]) for r in authors] == [1, 1]
    [(_, _, kind, *_)] = by_name["A New York judge"]
    assert kind == "unnamed"
    assert corpus.stats().quotes == quotes_before
    assert corpus.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert [h.speaker for h in corpus.search("shutdown OR vote")] == ["Ted Cruz", "Ted Cruz"]
    corpus.close()


def test_descriptions_groups_and_documents_never_join_across_articles(corpus):
    corpus.add(
        [
            article(f"e{n}", [(person("s1", name, kind=kind), f"Remark {n} on the ferry plan")])
            for n, (name, kind) in enumerate(
                [
                    ("officials", "group"),
                    ("officials", "group"),
                    ("a senior aide", "unnamed"),
                    ("a senior aide", "unnamed"),
                    ("the report", "document"),
                    ("the report", "document"),
                    ("Harbor Board", "organization"),
                    ("Harbor Board", "organization"),
                ]
            )
        ]
    )
    counts = {}
    for row in people(corpus):
        counts[row[1]] = counts.get(row[1], 0) + 1
    assert counts == {"officials": 2, "a senior aide": 2, "the report": 2, "Harbor Board": 1}


@pytest.mark.parametrize(
    ("version", "stored", "first", "surname", "name"),
    [
        # 11: "Calder Supreme Court Justice Ines Varga", stored whole by the rules before it,
        # becomes Ines Varga and joins the Ines Varga of another article
        (10, "Calder Supreme Court Justice Ines Varga", "calder", "varga", "Ines Varga"),
        # 13: a store made before "Joe" agreed with "Joseph" held the two apart
        (12, "Joe Tamsin", "joe", "tamsin", "Joseph R. Tamsin"),
    ],
)
def test_a_person_stored_apart_by_older_rules_is_joined(
    tmp_path, version, stored, first, surname, name
):
    """Opening a store of that version joins the person stored by the older rules in one
    article to the same person of another, quotes and all."""
    corpus = Corpus(tmp_path / "old.db")
    corpus.add(
        [
            article("e0", [(person("s1", name), "The appeal is dismissed")]),
            article("e1", [(person("s1", name), "The law was clear")]),
        ]
    )
    stored_by_old_rules(corpus, "e1", stored, first, surname)
    corpus.conn.execute(f"PRAGMA user_version = {version}")
    assert len(people(corpus)) == 2
    corpus.close()

    corpus = Corpus(tmp_path / "old.db")
    assert corpus.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [r[1] for r in people(corpus)] == [name]
    assert [h.speaker for h in corpus.search("appeal OR law")] == [name, name]
    assert corpus.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    corpus.close()


def stored_by_old_rules(corpus, article_id: str, name: str, first: str, surname: str) -> None:
    """The speaker of one article as older rules stored them: a person of that name and keys."""
    old = corpus.conn.execute(
        "INSERT INTO people (name, kind, first_name, surname) VALUES (?, 'person', ?, ?)",
        (name, first, surname),
    ).lastrowid
    [(rowid,)] = corpus.conn.execute("SELECT rowid FROM articles WHERE id = ?", (article_id,))
    for table in ("article_speakers", "quotes"):
        corpus.conn.execute(
            f"UPDATE {table} SET person_id = ? WHERE article_rowid = ?", (old, rowid)
        )
