"""Every attribution pattern of issue 14 on a short article written for this project (people and
places invented), through the whole data path (``saidwhat.extract``) with the real model.

A fixture is ``tests/quotes/fixtures/NAME.txt``: comment lines (``#``) saying what it covers
(a comment ``# missed: WHY`` marks a pattern saidwhat does not get yet: the test is an expected
failure, strict, so that it is noticed when it starts to pass),
optional ``title:`` / ``byline:`` / ``headline:`` lines for the metadata the input gives or the
structure expected, the article, then a line ``---`` and one expectation a line:

    quote: WORDS | SPEAKER [| TYPE] [| SECTION]   a quotation holding WORDS, said by SPEAKER
                                                   (the speaker record's name; "?" = no speaker
                                                   found), of that type and article part
    none: WORDS                                   no quotation holds WORDS
    count: N                                      exactly N quotations
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

import saidwhat
from saidwhat.records import Article, Quote

FIXTURES = Path(__file__).parent / "fixtures"
META = ("title:", "byline:", "headline:")


@dataclass
class Fixture:
    text: str
    title: str | None = None
    expected_meta: dict[str, str] = field(default_factory=dict)
    quotes: list[list[str]] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    count: int | None = None
    missed: str | None = None  # why saidwhat does not get it yet


def load(path: Path) -> Fixture:
    head, _, tail = path.read_text(encoding="utf-8").partition("\n---\n")
    lines = [line for line in head.splitlines() if not line.startswith("#")]
    fixture = Fixture(text="")
    for line in head.splitlines():
        if line.startswith("# missed:"):
            fixture.missed = line.removeprefix("# missed:").strip()
    while lines and (not lines[0].strip() or lines[0].startswith(META)):
        line = lines.pop(0)
        if line.startswith("title:"):
            fixture.title = line.removeprefix("title:").strip()
        elif line.strip():
            key, _, value = line.partition(":")
            fixture.expected_meta[key] = value.strip()
    fixture.text = "\n".join(lines).strip() + "\n"
    for line in tail.splitlines():
        key, _, value = line.partition(":")
        if key == "quote":
            fixture.quotes.append([part.strip() for part in value.split("|")])
        elif key == "none":
            fixture.absent.append(value.strip())
        elif key == "count":
            fixture.count = int(value)
        elif line.strip():
            raise ValueError(f"{path.name}: cannot read expectation {line!r}")
    return fixture


def words_of(article: Article, quote: Quote) -> str:
    return " ".join(article.text[s:e] for s, e in quote.fragments)


def said_by(article: Article, quote: Quote) -> str:
    """The speaker's name ("?" for none)."""
    speaker = article.speaker(quote.speaker_id) if quote.speaker_id else None
    return speaker.name if speaker else "?"


def describe(article: Article) -> str:
    rows = []
    for q in article.quotes:
        rows.append(f"  {q.type}/{q.section} {said_by(article, q)!r}: {words_of(article, q)!r}")
    return "\n".join(rows) or "  (no quotes)"


@pytest.fixture(scope="module")
def extracted(nlp) -> dict[str, tuple[Fixture, Article]]:
    out = {}
    for path in sorted(FIXTURES.glob("*.txt")):
        fixture = load(path)
        out[path.stem] = (fixture, saidwhat.extract(fixture.text, title=fixture.title, nlp=nlp))
    return out


@pytest.mark.parametrize("name", sorted(p.stem for p in FIXTURES.glob("*.txt")))
def test_fixture(extracted, name, request):
    fixture, article = extracted[name]
    if fixture.missed:
        request.applymarker(pytest.mark.xfail(reason=fixture.missed, strict=True))
    found = describe(article)
    for key, value in fixture.expected_meta.items():
        got = getattr(article, key)
        assert (got or "") == ("" if value == "-" else value), f"{key}: {got!r}\n{found}"
    for words, speaker, *rest in fixture.quotes:
        holding = [q for q in article.quotes if words in words_of(article, q)]
        assert holding, f"no quotation holds {words!r}; found:\n{found}"
        speakers = [said_by(article, q) for q in holding]
        assert speaker in speakers, f"{words!r} said by {speakers}, not {speaker!r}\n{found}"
        quote = holding[speakers.index(speaker)]
        if rest and rest[0]:
            assert quote.type == rest[0], f"{words!r} is {quote.type}\n{found}"
        if len(rest) > 1:
            assert quote.section == rest[1], f"{words!r} is in the {quote.section}\n{found}"
    for words in fixture.absent:
        holding = [q for q in article.quotes if words in words_of(article, q)]
        assert not holding, f"{words!r} should be no quotation; found:\n{found}"
    if fixture.count is not None:
        assert len(article.quotes) == fixture.count, found
