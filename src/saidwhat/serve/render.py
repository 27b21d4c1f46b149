"""Jinja2 templates with autoescaping forced on for every template (never by file extension):
article text, headlines and speaker names are untrusted input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from saidwhat.about import __version__
from saidwhat.lang.roles import ROLE_NAMES
from saidwhat.serve.evidence import QUOTE_TYPES, in_words, percent
from saidwhat.serve.models import WEB_URL

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

QUOTE_MARKS = "\"'“”‘’«»„‹›"
PIECES = " … "


def unquoted(text: str) -> str:
    """A quote's words without the marks around them (the page adds its own), around each
    piece of a split quote (pieces joined by " … ", as store.writer.quote_words gives them)."""
    pieces = text.split(PIECES)
    return PIECES.join(piece.strip().strip(QUOTE_MARKS + " ,").strip() for piece in pieces)


def emphasise(sentence: str, words: str) -> Markup:
    """The sentence, escaped, with the first occurrence of the words in bold."""
    at = sentence.lower().find(words.lower()) if words else -1
    if at < 0:
        return escape(sentence)
    end = at + len(words)
    return (
        escape(sentence[:at])
        + Markup("<b>")
        + escape(sentence[at:end])
        + Markup("</b>")
        + escape(sentence[end:])
    )


_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals["version"] = __version__
_env.filters["unquoted"] = unquoted
_env.filters["quoted"] = lambda text: f"“{unquoted(text)}”"
_env.filters["in_words"] = in_words
_env.filters["percent"] = percent
_env.filters["emphasise"] = emphasise
_env.globals["quote_types"] = QUOTE_TYPES
# A stored URL is a link only when it is http(s): one ingested from a corpus file may be
# anything ('javascript:…'), and the API refuses those only for what it is sent.
_env.tests["web_url"] = lambda url: bool(url) and WEB_URL.match(url) is not None
_env.globals["role_names"] = ROLE_NAMES
templates = Jinja2Templates(env=_env)


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render one page template; every page extends layout.html."""
    return templates.TemplateResponse(request, name, context, status_code=status_code)
