"""The sourcing report and who answers whom in the store: counts by outlet and month, the
running counts against a count of the quotes themselves (after replacing, merging and
splitting), schema migration 10 on a store made before it, and answers that follow people."""

from __future__ import annotations

import json
import sqlite3
import zlib

from builders import article, person

from saidwhat.records import Answer, Span
from saidwhat.store import Corpus, QuoteFilters
from saidwhat.store.export import text_lines
from saidwhat.store.models import Occurrence
from saidwhat.store.rollups import ROLLUPS, fill
from saidwhat.store.schema import SCHEMA_VERSION
from saidwhat.store.sourcing import relabel


def labelled(sid, name, anonymity="named", role="unknown", gender="unknown", **kw):
    return person(sid, name, **kw).model_copy(
        update={"anonymity": anonymity, "role": role, "gender": gender}
    )


ORTIZ = labelled("s1", "Lena Ortiz", role="politician", gender="female", titles=["Mayor"])
VARGA = labelled("s2", "Piet Varga", role="politician", gender="male")
AIDE = labelled("s3", "a senior aide", anonymity="anonymous", role="government", kind="unnamed")


def corpus_of(tmp_path, name="c.db") -> Corpus:
    corpus = Corpus(tmp_path / name)
    corpus.add(
        [
            article(
                "a1",
                [
                    (ORTIZ, "Fares will rise in May"),
                    (VARGA, "This is a tax on riders"),
                    (ORTIZ, "We have no choice"),
                ],
                published="2024-03-04",
            ),  # fmt: skip
            article(
                "a2",
                [(AIDE, "The vote is close"), (VARGA, "We will fight it")],
                published="2024-04-10",
                source="Riverton Star",
            ),  # fmt: skip
            article(
                "a3", [(ORTIZ, "The boats are new")], published="2024-04-20", qtype="indirect"
            ),  # fmt: skip
        ]
    )
    return corpus


def test_the_report_counts_quotes_sources_and_speakers(tmp_path) -> None:
    report = corpus_of(tmp_path).report("outlet")
    gazette, star = report.rows
    assert (gazette.outlet, gazette.articles, gazette.quotes, gazette.sources) == (
        "Harbour Gazette", 2, 4, 3)  # fmt: skip
    assert gazette.speakers == 2  # Ortiz (two articles, two sources) and Varga
    assert gazette.quotes_by["gender"] == {"female": 3, "male": 1, "unknown": 0}
    assert gazette.sources_by["gender"] == {"female": 2, "male": 1, "unknown": 0}
    assert gazette.quotes_by["type"] == {"direct": 3, "mixed": 0, "indirect": 1}
    assert gazette.source_shares["gender"]["female"] == round(2 / 3, 4)
    assert [(t.name, t.quotes) for t in gazette.top_speakers] == [
        ("Lena Ortiz", 3), ("Piet Varga", 1)]  # fmt: skip
    assert star.sources_by["anonymity"] == {"named": 1, "anonymous": 1, "unknown": 0}
    assert star.sources_by["role"]["government"] == 1
    total = report.total
    assert (total.articles, total.quotes, total.sources, total.speakers) == (3, 6, 5, 3)
    months = corpus_of(tmp_path, "m.db").report("month").rows
    assert [(r.month, r.quotes) for r in months] == [("2024-03", 3), ("2024-04", 3)]
    both = corpus_of(tmp_path, "b.db").report("both").rows
    assert [(r.outlet, r.month) for r in both] == [
        ("Harbour Gazette", "2024-03"), ("Harbour Gazette", "2024-04"), ("Riverton Star", "2024-04")
    ]  # fmt: skip


def without_filters(report) -> dict:
    return report.model_dump(exclude={"filters"})


def test_running_counts_and_counting_the_quotes_agree(tmp_path) -> None:
    """A whole month is read from the running counts; a day, a speaker or a type makes the
    report count the quotes: the same question either way gives the same answer."""
    corpus = corpus_of(tmp_path)
    for by in ("outlet", "month", "both"):
        months = corpus.report(by, filters=QuoteFilters(since="2024-04", until="2024-04"))
        days = corpus.report(by, filters=QuoteFilters(since="2024-04-01", until="2024-04-30"))
        assert without_filters(months) == without_filters(days)
    direct = corpus.report("outlet", filters=QuoteFilters(type="direct"))
    assert direct.total.quotes == 5 and direct.total.quotes_by["type"]["indirect"] == 0
    ortiz = corpus.report("month", filters=QuoteFilters(speaker="Lena Ortiz"))
    assert [(r.month, r.quotes, r.sources) for r in ortiz.rows] == [("2024-03", 2, 1),
                                                                     ("2024-04", 1, 1)]  # fmt: skip
    assert corpus.report("outlet", filters=QuoteFilters(speaker="Nobody Here")).total.quotes == 0


def running_counts(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}"))) for t in ROLLUPS}


def recount(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    conn.execute("SAVEPOINT recount")
    for table in ROLLUPS:
        conn.execute(f"DELETE FROM {table}")
    fill(conn)
    counted = running_counts(conn)
    conn.execute("ROLLBACK TO recount")
    conn.execute("RELEASE recount")
    return counted


def test_running_counts_follow_replacements_merges_and_splits(tmp_path) -> None:
    corpus = corpus_of(tmp_path)
    assert running_counts(corpus.conn) == recount(corpus.conn)
    changed = article("a2", [(VARGA, "We will fight it in court")], published="2024-05-01")
    corpus.add([changed])  # replaces a2: its speakers and quotes go, the new ones come
    assert running_counts(corpus.conn) == recount(corpus.conn)
    corpus.merge_speakers("Lena Ortiz", "Piet Varga")
    assert running_counts(corpus.conn) == recount(corpus.conn)
    assert corpus.report("outlet").total.speakers == 1
    corpus.split_speaker("Lena Ortiz", ["Piet Varga"])
    assert running_counts(corpus.conn) == recount(corpus.conn)
    assert corpus.report("outlet").total.speakers == 2


def to_version_9(path) -> None:
    """What a store made before schema 10 holds: no labels, no running counts, no answers,
    records without the new fields."""
    raw = sqlite3.connect(path)
    names = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")]
    for name in names:
        if name.startswith("report_"):
            raw.execute(f"DROP TRIGGER {name}")
    for table in (*ROLLUPS, "answers"):
        raw.execute(f"DROP TABLE {table}")
    raw.execute("DROP INDEX articles_source_date")
    for table in ("article_speakers", "quotes"):
        for column in ("anonymity", "role", "gender"):
            raw.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    for rowid, record in raw.execute("SELECT rowid, record FROM articles").fetchall():
        data = json.loads(zlib.decompress(record))
        for speaker in data["speakers"]:
            for field in ("anonymity", "role", "gender", "clues"):
                speaker.pop(field, None)
        for quote in data["quotes"]:
            quote.pop("answers", None)
        raw.execute(
            "UPDATE articles SET record = ? WHERE rowid = ?",
            (zlib.compress(json.dumps(data).encode()), rowid),
        )
    raw.execute("PRAGMA user_version = 9")
    raw.commit()
    raw.close()


def test_migration_10_labels_a_store_made_before_it(tmp_path) -> None:
    """The labels come from the stored records (no extraction): a store made before schema 10
    gets the labels and the report a new ingest of the same records gives."""
    fresh = corpus_of(tmp_path, "fresh.db")
    with fresh.conn:
        relabel(fresh.conn)  # what these records get labelled from themselves
    expected = fresh.report("both")
    old = corpus_of(tmp_path, "old.db")
    old.close()
    to_version_9(tmp_path / "old.db")
    migrated = Corpus(tmp_path / "old.db")
    assert migrated.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert without_filters(migrated.report("both")) == without_filters(expected)
    assert running_counts(migrated.conn) == recount(migrated.conn)
    ortiz = migrated.article("a1").speakers[0]
    assert (ortiz.anonymity, ortiz.role) == ("named", "politician")  # "Mayor", read again
    assert any(c.rule.startswith("title 'Mayor'") for c in ortiz.clues)


def answering(quote_text: str, name: str, speaker_id: str | None) -> Answer:
    nowhere = Span(text=name, start=0, end=len(name))
    return Answer(name=name, kind="person", speaker_id=speaker_id, mention=nowhere,
                  cue=Span(text="responded to", start=0, end=12), how="responded")  # fmt: skip


def with_answer(item, quote_index: int, answer: Answer):
    quotes = list(item.quotes)
    quotes[quote_index] = quotes[quote_index].model_copy(update={"answers": answer})
    return item.model_copy(update={"quotes": quotes})


def test_answers_link_speakers_across_the_corpus(tmp_path) -> None:
    corpus = Corpus(tmp_path / "a.db")
    first = article("b1", [(ORTIZ, "Fares will rise"), (VARGA, "This is a tax")])
    first = with_answer(first, 1, answering("This is a tax", "Lena Ortiz", "s1"))
    # Kessler answers Brandt, whom no article has quoted yet: linked when one does
    kessler = labelled("s1", "Ana Kessler")
    second = with_answer(article("b2", [(kessler, "Buses stay")]), 0,
                         answering("Buses stay", "Tomas Brandt", None))  # fmt: skip
    corpus.add([first, second])
    varga = corpus.speaker("Piet Varga")
    assert [(a.name, a.quotes, a.how) for a in varga.answers] == [("Lena Ortiz", 1, "responded")]
    assert varga.answers[0].example.text == "This is a tax"
    assert [a.name for a in corpus.speaker("Lena Ortiz").answered_by] == ["Piet Varga"]
    assert [(e.source_name, e.target_id) for e in corpus.network()] == [
        ("Piet Varga", corpus.speaker("Lena Ortiz").id), ("Ana Kessler", None)]  # fmt: skip
    corpus.add([article("b3", [(labelled("s1", "Tomas Brandt"), "We need buses")])])
    brandt = corpus.speaker("Tomas Brandt")
    assert [a.name for a in brandt.answered_by] == ["Ana Kessler"]
    corpus.merge_speakers("Ana Kessler", "Tomas Brandt")  # answers follow a merge
    assert corpus.speaker("Ana Kessler").answered_by[0].name == "Ana Kessler"
    coquoted = corpus.network(kind="co-quoted")
    assert [(e.source_name, e.target_name, e.weight) for e in coquoted] == [
        ("Lena Ortiz", "Piet Varga", 1)]  # fmt: skip


def test_quotes_carry_their_speakers_labels_into_search_and_export(tmp_path) -> None:
    corpus = corpus_of(tmp_path)
    (hit,) = corpus.search("fight")
    assert (hit.speaker, hit.speaker_anonymity, hit.speaker_role, hit.speaker_gender) == (
        "Piet Varga", "named", "politician", "male")  # fmt: skip
    header, line = "".join(text_lines([hit], Occurrence, "csv")).splitlines()
    assert header.endswith("speaker_anonymity,speaker_role,speaker_gender")
    assert line.endswith("named,politician,male")
