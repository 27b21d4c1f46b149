"""The pure parts of the pages: cutting an article at quote boundaries, and weekly bars."""

from __future__ import annotations

from datetime import date

from saidwhat.records import Article, Quote, Section, Speaker
from saidwhat.serve.highlight import blocks, quote_views
from saidwhat.serve.timeline import weekly
from saidwhat.store.search import snippet_parts

TEXT = 'Dam vote\n\n"We will open it," said Ada Kell. Bo Rin said "never" and "not ever."'


def article() -> Article:
    body = (10, len(TEXT))
    outer = TEXT.index('said "never"') + 5
    return Article(
        id="a",
        text=TEXT,
        sections=[
            Section(kind="headline", start=0, end=8, text=TEXT[0:8]),
            Section(kind="paragraph", start=body[0], end=body[1], text=TEXT[body[0] : body[1]]),
        ],
        paragraphs=[body],
        speakers=[Speaker(id="s1", name="Ada Kell"), Speaker(id="s2", name="Bo Rin")],
        quotes=[
            Quote(id="q1", text='"We will open it,"', start=10, end=28, type="direct",
                  speaker_id="s1", confidence=0.9),
            # a split quote: two fragments, one record
            Quote(id="q2", text='"never" and "not ever."', start=outer, end=len(TEXT),
                  fragments=[(outer, outer + 7), (len(TEXT) - 11, len(TEXT))],
                  type="direct", speaker_id="s2", confidence=0.7),
            # an indirect quote around the first fragment: the inner quote wins its characters
            Quote(id="q3", text='said "never"', start=outer - 5, end=outer + 7, type="mixed",
                  speaker_id=None, confidence=0.2),
        ],
    )  # fmt: skip


def test_blocks_keep_every_character_and_mark_the_innermost_quote() -> None:
    record = article()
    views = quote_views(record)
    cut = blocks(record, views)
    assert [b.kind for b in cut] == ["headline", "paragraph"]
    assert "".join(s.text for s in cut[1].segments) == TEXT[10:]
    marked = {s.text: s.quote.quote.id for s in cut[1].segments if s.quote}
    assert marked == {
        '"We will open it,"': "q1",
        "said ": "q3",
        '"never"': "q2",
        '"not ever."': "q2",
    }
    labels = [(s.text, [v.quote.id for v in s.labels]) for s in cut[1].segments if s.labels]
    assert labels == [('"We will open it,"', ["q1"]), ('"never"', ["q3"]), ('"not ever."', ["q2"])]


def test_a_speaker_keeps_one_colour_and_no_speaker_is_grey() -> None:
    views = {v.quote.id: v for v in quote_views(article())}
    assert views["q1"].colour == "c0" and views["q2"].colour == "c1" and views["q3"].colour == "cx"
    assert views["q3"].speaker is None and views["q2"].speaker.name == "Bo Rin"


def test_snippet_parts_never_turn_brackets_into_markup() -> None:
    parts = snippet_parts("the [bridge] is <b>[safe]</b> [")
    assert parts == [("the ", False), ("bridge", True), (" is <b>", False), ("safe", True),
                     ("</b> [", False)]  # fmt: skip


def test_weekly_bars_count_quotes_per_monday_week_with_empty_weeks() -> None:
    days = ["2026-09-07", "2026-09-09T10:00:00", None, "2026-09-23", "soon", "2026-09"]
    chart = weekly([(day, 1) for day in days] + [("2026-09-08", 3)])
    assert [(b.week, b.count) for b in chart.bars] == [
        (date(2026, 9, 7), 5),
        (date(2026, 9, 14), 0),
        (date(2026, 9, 21), 1),
    ]
    tallest = max(chart.bars, key=lambda b: b.height)
    assert tallest.count == chart.peak == 5 and chart.bars[1].height == 0
    assert all(0 <= b.x < chart.width and b.y + b.height <= chart.height for b in chart.bars)
    assert weekly([(None, 4), ("undated", 1)]) is None


def test_weekly_bars_run_from_edge_to_edge_evenly() -> None:
    """The first week's bar starts at the left edge and the last week's ends at the right one
    (a two-week chart drew the second bar in the middle), at equal steps between."""
    two = weekly([("2026-03-02", 2), ("2026-03-12", 3)])
    assert two.bars[0].x == 0 and two.bars[1].x + two.bars[1].width == two.width
    five = weekly([("2026-03-02", 1), ("2026-03-30", 1)])
    steps = {round(b.x - a.x, 1) for a, b in zip(five.bars, five.bars[1:], strict=False)}
    assert len(five.bars) == 5 and len(steps) == 1
    assert five.bars[-1].x + five.bars[-1].width == five.width
    one = weekly([("2026-03-04", 1)])
    assert one.bars[0].x == 0 and one.bars[0].width <= one.width


def test_a_split_quote_shows_its_pieces_without_the_words_between() -> None:
    views = {v.quote.id: v for v in quote_views(article())}
    assert views["q2"].words == '"never" … "not ever."'
    assert views["q1"].words == views["q1"].quote.text
