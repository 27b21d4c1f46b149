"""Bytes to text: encodings, BOMs, binary and oversize inputs, NFC and its offset map.

All sample sentences are invented for these tests."""

from __future__ import annotations

import codecs
import random
import unicodedata

import pytest

from saidwhat.errors import InputError
from saidwhat.read.decode import (
    MAX_ARTICLE_BYTES,
    binary_kind,
    decode_bytes,
    normalise_text,
    normalised_offsets,
)

SENTENCE = "Mayor Inés Calloway said the café would reopen “very soon” — maybe."


@pytest.mark.parametrize(
    "data",
    [
        SENTENCE.encode("utf-8"),
        codecs.BOM_UTF8 + SENTENCE.encode("utf-8"),
        SENTENCE.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"),
        SENTENCE.encode("utf-16-le"),  # no BOM: every other byte is NUL
        SENTENCE.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-no-bom", "cp1252"],
)
def test_every_supported_encoding_gives_the_same_text(data):
    assert decode_bytes(data, "x") == SENTENCE


def test_latin1_text_is_read_as_such():
    text = "Le maire a déclaré : « Ça suffit », à Göteborg."
    assert decode_bytes(text.encode("latin-1"), "x") == text


def test_declared_charset_is_used_when_the_bytes_are_not_utf8():
    text = "Мэр сказал, что мост построят к осени. " * 3
    assert decode_bytes(text.encode("koi8-r"), "x", declared="koi8-r") == text


def test_text_is_nfc_and_newlines_are_unified():
    decomposed = 'Cafe\u0301 owner Zoe\u0308 said:\r\n\r\n"Fine."\r'
    text = decode_bytes(decomposed.encode("utf-8"), "x")
    assert text == 'Café owner Zoë said:\n\n"Fine."\n'
    assert unicodedata.is_normalized("NFC", text)


def test_normalised_offsets_point_back_into_the_raw_text():
    raw = "\ufeffA cafe\u0301.\r\nZoe\u0308 said \u201chi\u201d."
    text = normalise_text(raw)
    offsets = normalised_offsets(raw)
    assert len(offsets) == len(text) + 1
    start = text.index("said")
    assert raw[offsets[start] : offsets[start + 4]] == "said"
    assert raw[offsets[text.index("é")]] == "e"  # the composed letter points to its base
    assert offsets[-1] == len(raw)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF document"),
        (b"\xff\xd8\xff\xe0" + bytes(16), "JPEG image"),
        (b"PK\x03\x04" + bytes(16), "ZIP archive"),
        (b"some text\x00\x00\x01 with NULs", "NUL bytes"),
    ],
)
def test_binary_input_is_refused_with_its_kind(data, kind):
    assert kind in (binary_kind(data) or "")
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(data, "pic.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", codecs.BOM_UTF8, "  ".encode("utf-16")])
def test_empty_input_is_refused(data):
    with pytest.raises(InputError, match="empty input"):
        decode_bytes(data, "empty.txt")


def test_oversize_input_is_refused_with_its_size():
    with pytest.raises(InputError) as caught:
        decode_bytes(b"a" * (MAX_ARTICLE_BYTES + 1), "big.txt")
    assert caught.value.origin == "big.txt"
    assert "5.0 MB" in caught.value.reason and "limit is 5 MB" in caught.value.reason


def test_bytes_in_no_plausible_encoding_are_refused():
    noise = bytes(b for b in random.Random(7).randbytes(4000) if b)  # no NUL: not "binary"
    with pytest.raises(InputError, match="no plausible text encoding"):
        decode_bytes(noise, "garbled.txt")


def test_broken_utf8_in_english_text_falls_back_to_cp1252():
    data = b"The mayor said the plan works. " * 5 + b"\x93Yes\x94, she said."
    assert decode_bytes(data, "x").endswith("“Yes”, she said.")


def test_english_text_with_bytes_undefined_in_cp1252_is_refused_not_guessed():
    data = b"The council said the bridge is safe. " * 3 + b"\x81\x8d\x90\x9d and \xc3\x28 more"
    with pytest.raises(InputError, match=r"not valid UTF-8 \(byte 0x81 at offset 111\)"):
        decode_bytes(data, "damaged.txt")


def test_japanese_shift_jis_text_is_still_detected():
    text = "市長は橋が安全だと述べた。議会は来週この計画について投票する予定である。" * 4
    assert decode_bytes(text.encode("shift_jis"), "ja.txt") == text
