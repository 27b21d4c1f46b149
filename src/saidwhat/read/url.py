"""http(s) URLs given by the user: fetched once, with a timeout, a size limit and a User-Agent
that says who we are. The only network access saidwhat ever makes.

A server fetching URLs for its visitors passes an AddressGuard, so that no visitor can make it
read its own network (127.0.0.1, 10.x, 169.254.169.254 cloud metadata...); the command line
passes none: a user on their own machine may fetch their intranet."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
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
_SCHEMES = ("http", "https")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def is_url(value: str) -> bool:
    """True for the inputs this module fetches."""
    return value.lower().startswith(("http://", "https://"))


class AddressGuard:
    """Refuses URLs whose host is, or resolves to, an address that is not public (loopback,
    private, link-local, reserved, multicast, unspecified, shared), except in the ``allowed``
    networks. Checked before every request, redirects included.

    The host is resolved here and again by httpx when it connects: a DNS server that answers
    differently the second time (rebinding) is not stopped by this check."""

    def __init__(self, allowed: Iterable[IPNetwork] = ()) -> None:
        self.allowed = tuple(allowed)

    def hook(self, url: str) -> Callable[[httpx.Request], None]:
        """The httpx request hook of a fetch of ``url``: checks it, then each redirect."""
        sent: list[httpx.URL] = []

        def check(request: httpx.Request) -> None:
            self.check(url, request.url, redirected=bool(sent))
            sent.append(request.url)

        return check

    def check(self, url: str, hop: httpx.URL, *, redirected: bool = False) -> None:
        """Raise InputError naming the user's ``url`` when a request to ``hop`` (the URL
        itself, or where it ``redirected``) would reach an address that is not public."""
        where = f"it redirects to {hop}, and " if redirected else ""
        if hop.scheme not in _SCHEMES or not hop.host:
            raise InputError(url, f"refused: {where}only http(s) URLs with a host are fetched")
        literal = _literal(hop.host)
        for address in map(_unwrapped, [literal] if literal else _resolve(url, hop.host)):
            kind = _not_public(address)
            if kind and not any(address in network for network in self.allowed):
                named = hop.host if literal else f"{hop.host} ({address})"
                raise InputError(
                    url,
                    f"refused: {where}{named} is not a public address ({kind});"
                    " this server fetches public addresses only",
                )


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def _resolve(url: str, host: str) -> list[IPAddress]:
    """Every address a host name stands for (any of them may be the one httpx connects to)."""
    try:
        found = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(url, f"cannot resolve {host} ({one_line(exc)})") from None
    return [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in found]


def _unwrapped(address: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 one carries (::ffff:a.b.c.d, 6to4), judged as that one."""
    if isinstance(address, ipaddress.IPv6Address):
        return address.ipv4_mapped or address.sixtofour or address
    return address


def _not_public(address: IPAddress) -> str | None:
    """What kind of non-public address this is, or None for a public one."""
    for kind in ("unspecified", "loopback", "link_local", "multicast", "reserved", "private"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if address.is_global else "shared"


def fetch_document(
    url: str, *, timeout: float = TIMEOUT_SECONDS, guard: AddressGuard | None = None
) -> Document:
    """The Document at a URL; InputError with a one-line reason on any failure. With a
    ``guard``, every request (redirects included) is checked by it before it is sent."""
    import httpx

    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"}
    hooks = {"request": [guard.hook(url)]} if guard else {}
    try:
        with (
            httpx.Client(
                timeout=timeout, follow_redirects=True, headers=headers, event_hooks=hooks
            ) as client,
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
    except httpx.InvalidURL as exc:
        raise InputError(url, f"not a valid URL ({one_line(exc)})") from None
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
