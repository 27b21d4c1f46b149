"""http(s) URLs given by the user: fetched once, with a timeout, a size limit and a User-Agent
that says who we are. The only network access saidwhat ever makes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from saidwhat import __version__
from saidwhat.errors import InputError, one_line
from saidwhat.read.decode import MAX_ARTICLE_BYTES, decode_bytes, html_charset, size_reason
from saidwhat.read.html import document_from_text
from saidwhat.records import Document

if TYPE_CHECKING:
    import httpx

PROJECT_URL = "https://github.com/saidwhat/saidwhat"
USER_AGENT = f"saidwhat/{__version__} (+{PROJECT_URL})"
TIMEOUT_SECONDS = 20.0
_TEXT_TYPES = ("text/", "application/xhtml", "application/xml", "application/json")


def is_url(value: str) -> bool:
    """True for the inputs this module fetches."""
    return value.lower().startswith(("http://", "https://"))


def fetch_document(url: str, *, timeout: float = TIMEOUT_SECONDS) -> Document:
    """The Document at a URL; InputError with a one-line reason on any failure."""
    import httpx

    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"}
    try:
        with (
            httpx.Client(timeout=timeout, follow_redirects=True, headers=headers) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}")
            content_type = response.headers.get("content-type", "").lower()
            if content_type and not content_type.startswith(_TEXT_TYPES):
                raise InputError(url, f"not a text page ({content_type.split(';')[0]})")
            data = _read_limited(response, url)
            final_url, charset = str(response.url), response.charset_encoding
    except httpx.TimeoutException:
        raise InputError(url, f"timed out after {timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise InputError(url, f"cannot fetch ({one_line(exc)})") from None
    text = decode_bytes(data, url, declared=charset or html_charset(data))
    return document_from_text(text, url, html="html" in content_type, url=final_url)


def _read_limited(response: httpx.Response, url: str) -> bytes:
    """The body, refusing (early, by header or while streaming) more than one article's size."""
    length = response.headers.get("content-length", "")
    declared = int(length) if length.isdigit() else 0
    if declared > MAX_ARTICLE_BYTES:
        raise InputError(url, size_reason(declared))
    chunks, total = [], 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > MAX_ARTICLE_BYTES:
            raise InputError(url, size_reason())
        chunks.append(chunk)
    return b"".join(chunks)
