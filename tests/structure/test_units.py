"""Splitting text into units keeps every offset and follows the text's own paragraphing."""

from __future__ import annotations

from saidwhat.structure.units import split_units


def pieces(text: str) -> list[str]:
    return [text[s:e] for s, e in split_units(text)]


def test_blank_lines_separate_units_and_spans_are_trimmed():
    text = "  Headline here  \n\n\nFirst paragraph.\n \nSecond one.\n"
    assert pieces(text) == ["Headline here", "First paragraph.", "Second one."]


def test_one_paragraph_a_line_gives_one_unit_a_line():
    text = "Copyright AP - Associated Press\nContact Us\nPrivacy Policy"
    assert pieces(text) == ["Copyright AP - Associated Press", "Contact Us", "Privacy Policy"]


def test_hard_wrapped_prose_is_joined_until_a_short_line_ends_it():
    text = (
        "The county board voted on Tuesday to close the landfill on Mill Road\n"
        "by the end of next year, after residents complained for a decade.\n"
        "Officials said so.\n"
        "A second paragraph starts here and it also runs for a long while\n"
        "until it ends.\n"
    )
    assert pieces(text) == [
        text[: text.index("Officials said so.") + len("Officials said so.")],
        text[text.index("A second") : text.rindex("ends.") + len("ends.")],
    ]


def test_bullets_start_units_and_wrapped_items_continue_in_lower_case():
    text = "Key points\n• First point is long\n  and goes on here\n- Second point\n1. Third point"
    assert pieces(text) == [
        "Key points",
        "• First point is long\n  and goes on here",
        "- Second point",
        "1. Third point",
    ]


def test_empty_text_has_no_units():
    assert split_units("") == [] and split_units("\n \n\t\n") == []
