"""Speakers labelled as sources (named or anonymous, role, gender) with their clues, through
the whole pipeline on short invented articles (tests/fixtures/sources: people and places are
made up)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import get_args

import pytest

from saidwhat.errors import SaidwhatError
from saidwhat.lang.roles import read_lexicon
from saidwhat.pipeline import extract
from saidwhat.records import Anonymity, Article, Gender, SourceRole, Speaker
from saidwhat.speakers.source_roles import user_lexicon
from saidwhat.speakers.sources import label_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sources"
GENDERS = (FIXTURES / "genders.txt").read_text(encoding="utf-8")
ANONYMOUS = (FIXTURES / "anonymous.txt").read_text(encoding="utf-8")


def speaker(article: Article, name: str) -> Speaker:
    found = [s for s in article.speakers if s.name == name]
    assert found, [s.name for s in article.speakers]
    return found[0]


def clues(who: Speaker, aspect: str) -> list[tuple[str, str]]:
    return [(c.value, c.rule) for c in who.clues if c.aspect == aspect]


def test_gender_comes_from_the_article_only(nlp) -> None:
    article = extract(GENDERS, nlp=nlp)
    varga = speaker(article, "Odile Varga")
    assert varga.gender == "female"
    assert ("female", "honorific") in clues(varga, "gender")
    quist = speaker(article, "Rena Quist")
    assert (quist.gender, quist.role) == ("female", "spokesperson")
    assert ("female", "role noun") in clues(quist, "gender")
    okoro = speaker(article, "Tamsin Okoro")
    assert okoro.gender == "female"
    assert clues(okoro, "gender") == [("female", "pronoun for the speaker continuing")]
    # a first name says nothing: "Mary" is no evidence, and the article gives none
    fenwick = speaker(article, "Mary Fenwick")
    assert fenwick.gender == "unknown" and not clues(fenwick, "gender")
    assert fenwick.role == "citizen"


def test_every_clue_points_at_its_words(nlp) -> None:
    article = extract(GENDERS, nlp=nlp)
    for who in article.speakers:
        for clue in who.clues:
            if clue.start is None:
                continue
            written = article.text[clue.start : clue.end]
            assert written.lower().rstrip(".") == clue.words.lower().rstrip(".") or (
                clue.aspect == "role" and written  # a title written short ("Sen.")
            ), (clue, written)


def test_named_or_anonymous_and_the_role_words(nlp) -> None:
    article = extract(ANONYMOUS, nlp=nlp)
    by_name = {s.name: s for s in article.speakers}
    official = article.speaker(article.quotes[0].speaker_id)  # "A senior ... official said"
    assert (official.kind, official.anonymity, official.role) == (
        "unnamed",
        "anonymous",
        "government",
    )
    two = next(s for name, s in by_name.items() if name.endswith("officials"))
    assert two.anonymity == "anonymous"
    assert ("anonymous", "name withheld") in clues(two, "anonymity")
    assert by_name["sources"].anonymity == "anonymous"
    report = next(s for s in article.speakers if s.kind == "document")
    assert (report.anonymity, report.role, report.gender) == ("unknown", "unknown", "unknown")
    droste = by_name["Abel Droste"]
    assert (droste.anonymity, droste.role) == ("named", "politician")
    assert any("'senator' is elected politician" in rule for _, rule in clues(droste, "role"))
    assert by_name["Ines Marlow"].role == "expert"


def test_labels_are_a_function_of_the_record(nlp) -> None:
    """What the store relabels from: labelling an extracted article again changes nothing."""
    for text in (GENDERS, ANONYMOUS):
        article = extract(text, nlp=nlp)
        assert label_article(article) == article


def test_a_user_lexicon_comes_first(nlp, tmp_path) -> None:
    text = 'Head librarian Ann Bo said the branch would close. "We tried," Bo said.\n'
    article = extract(text, nlp=nlp)
    assert speaker(article, "Ann Bo").role == "unknown"
    mine = tmp_path / "roles.txt"
    mine.write_text("[person]\nexpert: head librarian, librarian\n", encoding="utf-8")
    again = label_article(article, user_lexicon(str(mine)))
    bo = speaker(again, "Ann Bo")
    assert bo.role == "expert"
    assert any(str(mine) in rule for _, rule in clues(bo, "role"))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("expert: librarian\n", "a line before any [section]"),
        ("[people]\nexpert: librarian\n", "unknown section [people]"),
        ("[person]\nwizard: librarian\n", "not 'role: phrase, phrase'"),
        ("[person]\nlibrarian\n", "not 'role: phrase, phrase'"),
    ],
)
def test_a_bad_user_lexicon_is_one_line_naming_the_line(tmp_path, text, reason) -> None:
    mine = tmp_path / f"bad-{abs(hash(text))}.txt"
    mine.write_text(text, encoding="utf-8")
    with pytest.raises(SaidwhatError, match=rf"^{re.escape(str(mine))}:\d+: .*{re.escape(reason)}"):
        user_lexicon(str(mine))


def test_a_missing_user_lexicon_is_one_line(tmp_path) -> None:
    with pytest.raises(SaidwhatError, match="cannot read the role lexicon"):
        user_lexicon(str(tmp_path / "none.txt"))


def test_the_lexicon_reads_plurals_and_the_longest_phrase() -> None:
    lexicon = read_lexicon()
    found = lexicon.find("White House officials", lexicon.body)
    assert [m.words for m in found] == ["white house"]
    head = lexicon.find("local election officials", lexicon.person)[-1]  # the head noun's
    assert (head.words, head.entry.role) == ("election official", "government")
    assert [m.words for m in lexicon.find("NBC's", lexicon.body)] == ["nbc"]


HAND_LABELLED = {
    "sources_dev_sample.jsonl": {"article", "mention_start", "anonymity", "role", "gender"},
    "sources_dev_gender_checked.jsonl": {"article", "mention_start", "gender"},
    "answers_dev.jsonl": {"article", "cue_start", "answered_starts", "answered_named"},
}


@pytest.mark.parametrize(("name", "keys"), HAND_LABELLED.items())
def test_the_hand_labelled_dev_samples_hold_ids_and_labels_only(name, keys) -> None:
    """PolNeAR text may not be committed: each line is an article id, offsets and labels
    (benchmarks/sources_dev.py reads them against the data)."""
    allowed = {"anonymity": Anonymity, "role": SourceRole, "gender": Gender}
    rows = [json.loads(line) for line in (FIXTURES.parent / name).open(encoding="utf-8")]
    assert len(rows) >= (100 if name.startswith("sources") else 1)
    for row in rows:
        assert set(row) == keys
        assert re.fullmatch(r"[a-z-]+_\d{4}-\d\d-\d\d_[a-z0-9-]+", row["article"])
        for aspect, kind in allowed.items():
            assert row.get(aspect, "unknown") in get_args(kind)
