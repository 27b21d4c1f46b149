"""http(s) URLs given by the user: fetched once, with a timeout, a size limit and a User-Agent
that says who we are. The only network access saidwhat ever makes.

A server fetching URLs for its visitors passes an AddressGuard, so that no visitor can make it
read its own network (127.0.0.1, 10.x, 169.254.169.254 cloud metadata...); the command line
passes none: a user on their own machine may fetch their intranet."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from collections.abc import Iterable
from typing import TYPE_CHECKING

from saidwhat.about import __version__
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
    networks. Checked before every request, redirects included, and each request then goes
    to an address that was checked (see PinnedTransport): a DNS server answering differently
    at connect time (rebinding) is never asked."""

    def __init__(self, allowed: Iterable[IPNetwork] = ()) -> None:
        self.allowed = tuple(allowed)

    def check(self, url: str, hop: httpx.URL, *, redirected: bool = False) -> list[IPAddress]:
        """The addresses a request to ``hop`` (the user's ``url`` itself, or where it
        ``redirected``) may connect to; InputError naming ``url`` when any is not public."""
        where = f"it redirects to {hop}, and " if redirected else ""
        if hop.scheme not in _SCHEMES or not hop.host:
            raise InputError(url, f"refused: {where}only http(s) URLs with a host are fetched")
        name = connect_name(hop)
        literal = _literal(name)
        addresses = [literal] if literal else _resolve(url, name)
        for address in map(_unwrapped, addresses):
            kind = _not_public(address)
            if kind and not any(address in network for network in self.allowed):
                # a name's address stays private: the visitor learns the kind, not the map
                named = f"{hop.host} is not a " if literal else f"{hop.host} resolves to a non-"
                raise InputError(
                    url,
                    f"refused: {where}{named}public address ({kind});"
                    " this server fetches public addresses only",
                )
        return addresses


def connect_name(hop: httpx.URL) -> str:
    """The host name httpx connects to: its IDNA 2008 (UTS 46) ASCII form. The Unicode host
    would be encoded by getaddrinfo with IDNA 2003, another name for some hosts
    ('straße' -> 'strasse', not 'xn--strae-oqa')."""
    return hop.raw_host.decode("ascii")


class PinnedTransport:
    """The httpx transport of a guarded fetch of ``url``: each request (the URL, then each
    redirect) is checked by the guard and sent to a checked address, keeping its Host header
    and, for https, its TLS server name (SNI, and the name the certificate must match).
    Connections are not kept: one pooled for an address must not serve another host's name."""

    def __init__(self, guard: AddressGuard, url: str) -> None:
        import httpx

        self.guard, self.url, self.sent = guard, url, 0
        self.inner = httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` to the first checked address that accepts a connection."""
        import httpx

        *others, last = dict.fromkeys(
            self.guard.check(self.url, request.url, redirected=self.sent > 0)
        )
        self.sent += 1
        for address in others:
            with contextlib.suppress(httpx.ConnectError):
                return self.inner.handle_request(_pinned(request, address))
        return self.inner.handle_request(_pinned(request, last))

    def __enter__(self) -> PinnedTransport:
        self.inner.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.inner.__exit__(*exc_info)

    def close(self) -> None:
        self.inner.close()


def _pinned(request: httpx.Request, address: IPAddress) -> httpx.Request:
    """``request`` sent to ``address``, still for its host: its Host header (made from its
    URL) is kept, and its name is the TLS server name httpcore sends and verifies."""
    import httpx

    return httpx.Request(
        request.method,
        request.url.copy_with(host=str(address)),
        headers=request.headers,
        stream=request.stream,
        extensions={**request.extensions, "sni_hostname": connect_name(request.url)},
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
    ``guard``, every request (redirects included) is checked by it and sent to an address it
    checked (no proxy from the environment then: the connection must go where was checked)."""
    import httpx

    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"}
    transport = PinnedTransport(guard, url) if guard else None
    try:
        with (
            httpx.Client(
                timeout=timeout, follow_redirects=True, headers=headers, transport=transport
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
