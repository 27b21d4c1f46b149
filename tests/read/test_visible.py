"""A page nested deeper than lxml builds its tree (libxml2 stops at 255 levels) is read by its
visible text instead of refused, and the record says so. The page is invented."""

from __future__ import annotations

import pytest

from saidwhat.errors import InputError
from saidwhat.pipeline import extract
from saidwhat.read.html import VISIBLE_TEXT_NOTE, document_from_html
from saidwhat.read.visible import visible_text

PARAGRAPH = (
    '"The new bridge will open in May," said Ottoline Farrant, the county engineer, on Monday.'
    " Work on the crossing began two years ago."
)


def nested(depth: int, inner: str) -> str:
    return (
        "<html><head><title>Bridge opens in May</title><style>p{color:red}</style></head><body>"
        + "<div>" * depth
        + inner
        + "</div>" * depth
        + "<script>var tracking = 1;</script></body></html>"
    )


def test_a_paragraph_5000_elements_deep_is_read_and_the_record_says_how() -> None:
    document = document_from_html(nested(5000, f"<p>{PARAGRAPH}</p>"), origin="deep.html")
    assert document.text == f"Bridge opens in May\n\n{PARAGRAPH}"
    assert document.meta["text_from"] == VISIBLE_TEXT_NOTE
    article = extract(nested(5000, f"<p>{PARAGRAPH}</p>"))
    assert article.meta["text_from"] == VISIBLE_TEXT_NOTE
    [quote] = [q for q in article.quotes if "open in May" in q.text]
    assert article.speaker(quote.speaker_id).name == "Ottoline Farrant"


def test_a_page_the_extractor_reads_is_not_marked() -> None:
    document = document_from_html(nested(20, f"<p>{PARAGRAPH}</p>"), origin="shallow.html")
    assert PARAGRAPH in document.text and "text_from" not in document.meta


def test_a_deep_page_without_a_paragraph_is_still_no_article() -> None:
    menu = "<ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul>"
    with pytest.raises(InputError, match="no article text found"):
        document_from_html(nested(5000, menu), origin="menu.html")


def test_visible_text_leaves_out_what_a_browser_does_not_show() -> None:
    title, blocks = visible_text(
        "<html><head><title> A  title </title><script>hidden()</script></head><body>"
        "<h1>Head line</h1><p>One <b>paragraph</b><br>and a line</p><noscript>no</noscript>"
        "<svg><text>drawn</text></svg><li>item &amp; more</li>tail"
    )
    assert title == "A title"
    assert blocks == ["Head line", "One paragraph", "and a line", "item & more", "tail"]
