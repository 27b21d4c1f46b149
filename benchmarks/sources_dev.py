"""How right the source labels and the answer links are, against hand-checked labels of
PolNeAR dev (ids and labels only, in tests/fixtures: no article text) and the articles
written for this project (tests/fixtures/answers).

- ``sources_dev_sample.jsonl``: every speaker of 21 dev articles (every fourth, by id, from
  the second), labelled by hand from the article: named/anonymous, role, gender as the
  article refers to them (``unknown`` where it does not). Precision is over the speakers
  given a label other than unknown; coverage is how many of the speakers whose true label
  is known get one.
- ``sources_dev_gender_checked.jsonl``: every gender given to a speaker of the other 63 dev
  articles, checked by hand (precision only).
- ``answers_dev.jsonl``: every place in dev where a quote is said to answer someone (found
  by reading the articles at the words of answering), with where the answered one is
  written: recall; every link found is also listed, to check precision by eye.

A speaker is found by its article and the start of one of its mentions, so the labels keep
their speakers while extraction changes around them.

    python benchmarks/sources_dev.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from saidwhat.pipeline import extract_many
from saidwhat.read import iter_documents
from saidwhat.records import Article, Speaker

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
DEV = REPO.parent / "shared" / "data" / "polnear" / "dev.jsonl"
ASPECTS = ("anonymity", "role", "gender")


def lines(name: str) -> list[dict]:
    return [json.loads(line) for line in (FIXTURES / name).open(encoding="utf-8")]


def find(article: Article, start: int) -> Speaker | None:
    """The speaker with a mention at ``start``; where two have one ("Clinton spokesman Nick
    Merrill" is a mention of Merrill and, as "Clinton", of Clinton), the longer mention's."""
    found = [(m.end, s) for s in article.speakers for m in s.mentions if m.start == start]
    return max(found, key=lambda pair: pair[0])[1] if found else None


def main() -> None:
    if not DEV.exists():
        sys.exit(f"{DEV}: PolNeAR dev is absent")
    sample, checked, answers = (
        lines("sources_dev_sample.jsonl"),
        lines("sources_dev_gender_checked.jsonl"),
        lines("answers_dev.jsonl"),
    )
    articles = {a.id: a for a in extract_many(iter_documents([str(DEV)])) if isinstance(a, Article)}
    print(f"PolNeAR dev: {len(articles)} articles extracted")

    # the sample: precision and coverage per aspect
    missing = 0
    for aspect in ASPECTS:
        given = right = known = covered = 0
        wrong: Counter[str] = Counter()
        for row in sample:
            speaker = find(articles[row["article"]], row["mention_start"])
            if speaker is None:
                missing += aspect == "anonymity"
                continue
            said, truth = getattr(speaker, aspect), row[aspect]
            if truth != "unknown":
                known += 1
                covered += said != "unknown"
            if said != "unknown":
                given += 1
                right += said == truth
                if said != truth:
                    wrong[f"{said} for {truth}"] += 1
        print(
            f"{aspect}: precision {right}/{given} = {right / given:.3f};"
            f" coverage {covered}/{known} = {covered / known:.3f} of the speakers with a known"
            f" {aspect}" + (f"; wrong: {dict(wrong)}" if wrong else "")
        )
    print(
        f"sample: {len(sample)} speakers hand-labelled, {missing} not found in today's extraction"
    )

    # gender, everywhere else in dev: precision of what is given, each speaker once; a
    # gender given today to a speaker nobody checked is named (the check is then incomplete)
    sampled = set(sorted(articles)[1::4])  # the sample's articles (one has no speaker)
    assert {row["article"] for row in sample} <= sampled
    truth: dict[tuple[str, str], str] = {}
    missing = 0
    for row in checked:
        speaker = find(articles[row["article"]], row["mention_start"])
        if speaker is None:
            missing += 1
        else:
            truth[(row["article"], speaker.id)] = row["gender"]
    given = [
        (article.id, speaker)
        for article in articles.values()
        if article.id not in sampled
        for speaker in article.speakers
        if speaker.gender != "unknown"
    ]
    unchecked = [f"{aid} {s.name}" for aid, s in given if (aid, s.id) not in truth]
    right = sum(1 for aid, s in given if truth.get((aid, s.id)) == s.gender)
    print(
        f"gender outside the sample ({len(articles) - len(sampled)} articles): precision"
        f" {right}/{len(given)} = {right / len(given):.3f} of the speakers given one"
        f" ({len(checked)} checked rows, {missing} not found today; unchecked: {unchecked or 0})"
    )

    # answers on dev: recall against the places found by reading, and every link found
    links = [
        (a.id, q, a.speaker(q.speaker_id))
        for a in articles.values()
        for q in a.quotes
        if q.answers is not None
    ]
    hit = sum(
        1
        for row in answers
        if any(
            aid == row["article"]
            and abs(q.answers.cue.start - row["cue_start"]) <= 3
            and q.answers.mention.start in row["answered_starts"]
            for aid, q, _ in links
        )
    )
    named = [row for row in answers if row["answered_named"]]
    hit_named = sum(
        1
        for row in named
        if any(
            aid == row["article"] and abs(q.answers.cue.start - row["cue_start"]) <= 3
            for aid, q, _ in links
        )  # fmt: skip
    )
    print(
        f"answers on dev: {len(links)} found; recall {hit}/{len(answers)} of the answers found"
        f" by reading ({hit_named}/{len(named)} of those to someone the article names)"
    )
    for aid, quote, who in links:
        answer = quote.answers
        print(f"  {aid[:40]} | {who.name if who else '?'} -> {answer.name} ({answer.how}:"
              f" '{answer.cue.text}') | answered quote: {answer.quote_id or '-'}")  # fmt: skip

    # the articles written for the answers: every link expected is in tests/speakers
    written = [
        a
        for a in extract_many(iter_documents([str(FIXTURES / "answers")]))
        if isinstance(a, Article)
    ]
    count = sum(1 for a in written for q in a.quotes if q.answers is not None)
    print(f"answers in the {len(written)} articles written for them: {count} found"
          " (tests/speakers/test_answers.py checks each, and the look-alikes)")  # fmt: skip


if __name__ == "__main__":
    main()
