"""The data contract round-trips through JSON without loss."""

from saidwhat.records import Article, Quote, Section, Span, Speaker


def test_article_json_round_trip_is_lossless():
    text = 'Mayor Ann Bo said, "We will build it."'
    article = Article(
        id="a1",
        text=text,
        paragraphs=[(0, len(text))],
        sections=[Section(kind="paragraph", text=text, start=0, end=len(text))],
        speakers=[
            Speaker(
                id="s1",
                name="Ann Bo",
                kind="person",
                titles=["Mayor"],
                mentions=[Span(text="Mayor Ann Bo", start=0, end=12)],
            )
        ],
        quotes=[
            Quote(
                id="q1",
                text="We will build it.",
                start=20,
                end=37,
                fragments=[(20, 37)],
                type="direct",
                cue=Span(text="said", start=13, end=17),
                speaker_id="s1",
                speaker_mention=Span(text="Mayor Ann Bo", start=0, end=12),
                confidence=0.9,
                evidence=["rule:said-after-quote"],
            )
        ],
    )
    again = Article.model_validate_json(article.model_dump_json())
    assert again == article
    assert again.speaker(again.quotes[0].speaker_id).name == "Ann Bo"
