"""The visible text of an HTML page, block by block, for when the main-text extractor finds
none although the page has text.

Why a second reader: trafilatura works on lxml's tree, and libxml2 stops building the tree
past 255 levels of nesting, so a page whose paragraph sits 300 elements deep came out empty
and was refused as "no article text" (issue 11 used 5,000). Python's own HTMLParser is a
tokenizer with no tree and no depth limit: one pass, linear in the page, whatever the nesting.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

# Elements whose content is never shown as text.
HIDDEN = frozenset({"head", "script", "style", "noscript", "template", "svg", "math", "iframe"})
# Elements that start a new block of text (the rest flow into the block around them).
BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td",
        "th", "tr", "ul",
    }
)  # fmt: skip


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.title = ""
        self._words: list[str] = []
        self._hidden: Counter[str] = Counter()  # open hidden elements (a count: no scan)
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in HIDDEN:
            self._hidden[tag] += 1
        elif tag == "body":
            self._hidden.clear()  # a <head> left open ends where the body starts
        if tag in BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif self._hidden[tag]:
            self._hidden[tag] -= 1
        if tag in BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._hidden.total():
            self._words += data.split()

    def _break(self) -> None:
        if self._words:
            self.blocks.append(" ".join(self._words))
            self._words = []

    def close(self) -> None:
        super().close()
        self._break()


def visible_text(html: str) -> tuple[str, list[str]]:
    """The page's title and its visible text as blocks (paragraphs, headings, list items...),
    whitespace folded."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return " ".join(parser.title.split()), parser.blocks
