"""Letter counts and a span's quoted share count what ``str.isalnum`` counts, in any script."""

from __future__ import annotations

from saidwhat.quotes.features import Letters, quoted_share

# invented text: ASCII, accented and non-Latin letters, digits in other scripts, symbols
TEXT = 'Zoë Pérez said "Ünïcode 日本語 ١٢٣ ½ ² 😀" — ok, 42\ud800!'


def test_letters_count_as_isalnum_in_any_script():
    letters = Letters(TEXT)
    for start in range(len(TEXT)):
        for end in range(start, len(TEXT) + 1):
            assert letters.count(start, end) == sum(map(str.isalnum, TEXT[start:end]))


def test_quoted_share_is_the_share_of_letters_inside_the_marks():
    letters = Letters(TEXT)
    marks = [(TEXT.index('"'), TEXT.rindex('"') + 1)]
    inside = sum(map(str.isalnum, TEXT[marks[0][0] : marks[0][1]]))
    total = sum(map(str.isalnum, TEXT))
    assert quoted_share(letters, [(0, len(TEXT))], marks) == inside / total
