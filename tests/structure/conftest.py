"""An invented HTML page for the structure tests (people and places are fiction)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from saidwhat.records import Article

PAGE = """<!DOCTYPE html><html><head>
<title>Harbor Council Backs Ferry Plan | The Aldous Mirror</title>
<meta property="og:site_name" content="The Aldous Mirror">
<meta name="author" content="Rosa Delgado">
<meta property="article:published_time" content="2026-03-04T09:30:00Z">
</head><body><nav><a href="/">Home</a> <a href="/contact">Contact Us</a></nav>
<article><p class="kicker">Transportation</p><h1>Harbor Council Backs Ferry Plan</h1>
<p class="byline">By Rosa Delgado</p>
<p>MILLBROOK — The Harbor Council voted late Tuesday to back a ferry line between the old
cannery pier and the east shore, ending a debate that has run for two years.</p>
<p>"This is the day the water starts working for us again," said council member Tomas Brandt,
who wrote the plan. "People have waited long enough."</p>
<p>The city expects to open bids in the summer, the harbor master said.</p>
</article><footer><p>Share this article</p><p>Sign up for our newsletter</p></footer>
</body></html>
"""


@pytest.fixture(scope="session")
def article_html() -> str:
    return PAGE


def _body(article: Article) -> str:
    """The body paragraphs joined by blank lines: what a reader calls 'the article'."""
    return "\n\n".join(article.text[start:end] for start, end in article.paragraphs)


@pytest.fixture(scope="session")
def body() -> Callable[[Article], str]:
    return _body
