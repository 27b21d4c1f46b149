"""The table format's pieces, on a hand-built invented article (no model needed)."""

from __future__ import annotations

from rich.console import Console

from saidwhat.cli.article_table import quote_table, quoted_words, structure_summary, trim
from saidwhat.records import Article, Quote, Span, Speaker

TEXT = '"We are not," Thorsby said, "closing wards." She left.'


def article() -> Article:
    split = Quote(
        id="q1",
        text=TEXT[0:44],
        start=0,
        end=44,
        fragments=[(1, 11), (29, 43)],
        type="direct",
        cue=Span(text="said", start=22, end=26),
        speaker_id="s1",
        confidence=0.9,
    )
    pronoun = Quote(
        id="q2",
        text="She left.",
        start=45,
        end=54,
        type="indirect",
        speaker_mention=Span(text="She", start=45, end=48),
    )
    return Article(
        id="a",
        text=TEXT,
        headline="Hospital Merger",
        credit="(Reporting by Ana Lutz)",
        paragraphs=[(0, len(TEXT))],
        quotes=[pronoun, split],
        speakers=[Speaker(id="s1", name="Annika Thorsby", kind="person")],
    )


def render(renderable) -> str:
    console = Console(width=120, record=True)
    console.print(renderable)
    return console.export_text()


def test_split_quote_shows_its_fragments_not_the_attribution():
    a = article()
    assert quoted_words(a, a.quotes[1]) == "We are not … closing wards."


def test_quote_rows_are_in_text_order_with_speaker_or_mention():
    out = render(quote_table(article()))
    assert out.index("Annika Thorsby") < out.index("She")
    assert "0.90" in out and "said" in out


def test_summary_lists_only_what_was_found():
    out = render(structure_summary(article()))
    assert "headline" in out and "credit" in out and "paragraphs" in out
    assert "kicker" not in out and "dateline" not in out


def test_trim_cuts_at_a_word():
    assert trim("one two three four", limit=9) == "one two …"
    assert trim("a\n  b") == "a b"
