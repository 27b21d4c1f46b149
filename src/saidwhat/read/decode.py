"""Bytes to text: encoding detection, binary and size checks, and the one text normalisation.

Why here and only here: every reader (files, stdin, URLs, corpora) and the structure step must
agree on the exact text, because all offsets in an Article point into it.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from saidwhat.errors import InputError

MAX_ARTICLE_BYTES = 5_000_000
"""One article larger than this is not an article (a log, a dump, a book): it is skipped."""

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = set("\t\n\r\f\v")
_MAX_NON_ASCII_SHARE = 0.2
"""A cp1252 reading with more non-ASCII letters than this is probably another code page."""
_MIN_DETECTED_HIGH_SHARE = 0.3
"""Below this share of bytes >= 0x80, text that is neither UTF-8 nor cp1252 is damaged rather
than in a multi-byte encoding (CJK text has far more high bytes): refused, not detected."""


def size_reason(n_bytes: int | None = None) -> str:
    """The one-line reason for an over-size article; None when reading stopped at the limit."""
    limit = f"the limit is {MAX_ARTICLE_BYTES / 1e6:.0f} MB"
    size = f"{n_bytes / 1e6:.1f} MB" if n_bytes is not None else "stopped reading"
    return f"too large for one article ({size}; {limit})"


def normalise_text(text: str) -> str:
    """NFC, one newline convention, no BOM: changes no character a reader sees."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{2,40})""", re.IGNORECASE
)


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def binary_kind(head: bytes) -> str | None:
    """What a file is when it is not text (by magic number or NUL bytes), else None."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if any(head.startswith(bom) for bom, _ in _BOMS) or _utf16_without_bom(head):
        return None
    return "contains NUL bytes" if b"\x00" in head[:8192] else None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is NUL, as in UTF-16 English text."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _stray_controls(text: str) -> bool:
    """True when a decoding holds control characters that no human text has."""
    return any(ch < " " and ch not in _ALLOWED_CONTROLS or "\x7f" <= ch < "\xa0" for ch in text)


def _plausible_western(text: str) -> bool:
    """True when a cp1252 reading looks like Western text: no stray controls, mostly ASCII."""
    if _stray_controls(text):
        return False
    visible = [ch for ch in text if not ch.isspace()]
    non_ascii = sum(1 for ch in visible if ord(ch) > 127)
    return non_ascii <= _MAX_NON_ASCII_SHARE * max(len(visible), 1)


def decode_bytes(data: bytes, origin: str, *, declared: str | None = None) -> str:
    """The normalised text of an input's bytes; InputError with a one-line reason when it is
    empty, binary or in no plausible encoding. ``declared`` is a charset the source named
    (HTTP header, HTML meta); it is tried when the bytes are not UTF-8."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(origin, size_reason(len(data)))
    if not data.strip():
        raise InputError(origin, "empty input (no text)")
    kind = binary_kind(data[:8192])
    if kind:
        raise InputError(origin, f"binary file ({kind}), not text")
    text = _decode(data, declared)
    if text is None:
        raise InputError(origin, f"{_utf8_error(data)} and no plausible text encoding found")
    text = normalise_text(text)
    if not text.strip():
        raise InputError(origin, "empty input (no text)")
    return text


def _decode(data: bytes, declared: str | None) -> str | None:
    """Try BOM, UTF-16 without BOM (its NULs would pass as UTF-8), UTF-8 (valid UTF-8 is
    almost never anything else), the declared charset, cp1252 (a superset of latin-1's
    printable range), then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _try(data, encoding)
    for encoding in (_utf16_without_bom(data), "utf-8", declared):
        text = _try(data, encoding) if encoding else None
        if text is not None:
            return text
    text = _try(data, "cp1252")
    if text is not None and _plausible_western(text):
        return text
    if _high_byte_share(data) < _MIN_DETECTED_HIGH_SHARE:
        # Mostly ASCII yet neither UTF-8 nor cp1252: damaged text, not an exotic encoding
        # (a detector would read the few bad bytes as CJK and return mojibake).
        return None
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is not None and not _stray_controls(str(best)):
        return str(best)
    return None


def _high_byte_share(data: bytes) -> float:
    return sum(1 for b in data if b > 127) / max(len(data), 1)


def _utf8_error(data: bytes) -> str:
    """Where the bytes stop being UTF-8, for the one-line reason."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
    return "not valid UTF-8"


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def normalised_offsets(text: str) -> list[int]:
    """For each offset into ``normalise_text(text)`` (and its end), the offset into ``text``.

    Why: gold annotations (PolNeAR) and user offsets point into the raw text; NFC composes
    combining marks and CRLF becomes LF, which shifts every later offset.
    """
    offsets: list[int] = []
    start = 1 if text.startswith("\ufeff") else 0
    index = start
    while index < len(text):
        end = index + 1
        if text[index] == "\r" and text[end : end + 1] == "\n":
            end += 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        piece = normalise_text(text[index:end]) if end - index > 1 else text[index]
        if piece == text[index:end]:
            offsets.extend(range(index, end))
        else:  # a composed cluster or a CRLF: every piece of it points to its start
            offsets.extend([index] * len(piece))
        index = end
    offsets.append(len(text))
    return offsets
