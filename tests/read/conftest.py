"""Invented articles for the reader tests (people and places are fiction)."""

from __future__ import annotations

import pytest

ARTICLE_TEXT = (
    "Orchard Town Opens New Bridge\n\n"
    "ELMSTEAD — The new footbridge over the Tarrow opened on Saturday.\n\n"
    '"It took us eleven years," said Mayor Hettie Quarles. "It was worth every one."\n'
)

ARTICLE_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Orchard Town Opens New Bridge | The Elmstead Courier</title>
<meta property="og:site_name" content="The Elmstead Courier">
<meta property="og:title" content="Orchard Town Opens New Bridge">
<meta name="author" content="Wendell Ashby">
<meta property="article:published_time" content="2026-05-09T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/contact">Contact Us</a></nav>
<article>
<h1>Orchard Town Opens New Bridge</h1>
<p>ELMSTEAD — The new footbridge over the Tarrow opened on Saturday after eleven years of
planning, two failed bond votes and a summer of flooding that washed away the old crossing.</p>
<p>"It took us eleven years," said Mayor Hettie Quarles, cutting the ribbon. "It was worth
every one of them, and I would do it again tomorrow."</p>
<p>About 300 residents walked across in the first hour, the town clerk said.</p>
</article>
<footer><p>Share this article</p></footer>
</body></html>
"""


@pytest.fixture(scope="session")
def article_text() -> str:
    return ARTICLE_TEXT


@pytest.fixture(scope="session")
def article_html() -> str:
    return ARTICLE_HTML
