"""Each quote shape of issue 3 on short invented texts, with the real spaCy model."""

from __future__ import annotations

import pytest


def test_split_quote_in_straight_marks_is_one_quote_with_two_fragments(run):
    found = run(
        "The new bridge over the Vessa river will open next year.\n\n"
        '"We will build the bridge on time," Mayor Alma Tirado said. "It will open in May."'
    )
    [q] = found.by_source("Mayor Alma Tirado")
    assert q.type == "direct"
    assert len(q.fragments) == 2
    assert found.content(q).startswith('"We will build')
    assert found.content(q).endswith('open in May."')
    assert found.text(q.cue) == "said"


def test_curly_quote_with_nested_single_quote_and_inverted_cue_with_apposition(run):
    found = run(
        "The harbour closed for a week in March.\n\n"
        "\u201cThe council told us \u2018no way\u2019 last year, and now they want our help,\u201d "
        "said Ferro Lindqvist, a spokesman for the port."
    )
    [q] = found.by_source("Ferro Lindqvist")
    assert q.type == "direct"
    assert "\u2018no way\u2019" in found.content(q)
    assert found.text(q.cue) == "said"


def test_multi_paragraph_quote_continues_into_the_reopened_paragraph(run):
    found = run(
        "The road to Calder has been closed since January.\n\n"
        'Councillor Ida Marsh said: "We have waited too long for this road. '
        "Every winter the trucks get stuck on the hill.\n\n"
        '"Now we finally have the money to fix it, and we will."'
    )
    quotes = [q for q in found.quotes if "Ida Marsh" in (found.text(q.source) or "")]
    assert len(quotes) == 1
    text = found.content(quotes[0])
    assert "waited too long" in text and "finally have the money" in text
    assert quotes[0].type == "direct"


def test_mixed_quote_inside_reported_speech(run):
    found = run(
        "The court ruled against the farmers on Monday.\n\n"
        "Governor Pell Okafor called the ruling an unexpected "
        '"slap in the face to our farmers and their families."'
    )
    [q] = found.by_source("Governor Pell Okafor")
    assert q.type == "mixed"
    assert found.text(q.cue) == "called"
    assert "slap in the face" in found.content(q)


def test_indirect_speech_without_quote_marks(run):
    found = run(
        "Two bridges in Ostvik were closed after the storm.\n\n"
        "Officials said the bridges have been inspected twice this year.\n\n"
        "Okafor added that the repairs would begin in March."
    )
    [officials] = found.by_source("Officials")
    assert officials.type == "indirect"
    assert found.content(officials) == "the bridges have been inspected twice this year"
    [okafor] = found.by_source("Okafor")
    assert found.text(okafor.cue) == "added"
    assert found.content(okafor).startswith("that the repairs")


def test_according_to(run):
    found = run(
        "The Brenna dam will be finished by 2030, according to the regional water board.\n\n"
        "Work on the spillway starts in the autumn."
    )
    [q] = found.by_source("the regional water board")
    assert q.type == "indirect"
    assert found.content(q) == "The Brenna dam will be finished by 2030"
    assert "according-to" in q.evidence


def test_colon_lead_in_attaches_the_quote_to_the_speaker(run):
    found = run(
        "The vote on the new school was postponed again.\n\n"
        'Headteacher Rosa Villum told reporters: "Our pupils deserve better than a leaking roof."'
    )
    [q] = found.by_source("Headteacher Rosa Villum")
    assert q.type == "direct"
    assert "leaking roof" in found.content(q)


def test_scare_quotes_and_titles_are_not_speech(run):
    found = run(
        'The town of Marrow adopted so-called "quiet street" rules last spring.\n\n'
        'Critics blame "open lane" policies for the traffic, and the mayor said the rules work.\n\n'
        "Ministry Threatens \u2018Quiet Towns\u2019 in Letter"
    )
    for q in found.quotes:
        content = found.content(q).strip('"\u201c\u201d ')
        assert content.strip("\u2018\u2019") not in ("quiet street", "open lane", "Quiet Towns")
        assert q.type == "indirect"


@pytest.mark.parametrize(
    "text",
    [
        'He said "this never closes.\n\nAnother paragraph with a stray " mark.',
        "\u201d Closing first, then \u201c opening twice \u201c and done.",
        "It's the mayor's plan, isn't it? Officials' views differ, she said.",
        '"""\n\n""\n\n"',
        "\u00abGuillemets\u00bb and '' two singles '' and a lone \u2019 apostrophe.",
        'A headline: "Unclosed\n\nBody paragraph said nothing" really.',
    ],
)
def test_odd_quote_marks_never_raise(run, text):
    found = run(text)
    n = len(found.article.text)
    starts = [q.start for q in found.quotes]
    assert starts == sorted(starts)
    for q in found.quotes:
        assert all(0 <= s < e <= n for s, e in q.fragments)
        assert 0.0 <= q.score <= 1.0
        assert q.evidence
