"""Whole articles through the structure step. Every article here is invented for the tests."""

from __future__ import annotations

import hashlib
import unicodedata

import pytest

from saidwhat.errors import InputError
from saidwhat.records import Article, Document
from saidwhat.structure import structure_document

LOCAL_PAGE = """Harbor Politics

Mayor Skips Ferry Summit After State Threatens 'Rogue Ports'

Key Points

  • Port Aldous is one of nine towns the state warned over ferry subsidies
  • Mayor Ilse Warren called off a meeting with the governor

By Ruth Calloway
The Aldous Mirror

Mayor Ilse Warren skipped a planned summit with Governor Amos Pell on Thursday.

"I came ready to talk and got a threat instead," Warren said. "That is not a summit."

Share this story

Pell said he was "disappointed" and would reschedule.

Copyright AP - Associated Press
Contact Us
Privacy Policy
"""

WIRE = """Senate Passes Water Bill in Late Vote

By OTTO KRANTZ
Associated Press

SALEM, Ore. (AP) — The state Senate passed a water bill late Tuesday.

"This is a good day for farmers," said Sen. Lara Voss, the bill's sponsor.

Associated Press writer Ivo Brandt contributed to this report.
"""

REUTERS = """LONDON, March 3 (Reuters) - Shares in Halvard rose 6 percent on Tuesday after the
hospital group agreed to merge with a rival, its chairman told reporters.

"We are not buying hospitals in order to shut them," chairman Rupert Essien said.

(Reporting by Ana Lutz; Editing by Tom Reyes)
"""

CORPUS_STYLE = """Candidate Says Debate Rules Favor Rival, Threatens to Skip Second Round.

The campaign of candidate Mara Quell said Monday that she might not attend the second debate.

Quell told supporters in Dunmore that the rules had been "written by my opponent's friends."

Short.

"We will see," she said.
"""


def structure(text: str, **fields) -> Article:
    return structure_document(Document(text=text, origin="test", **fields))


def kinds(article: Article) -> list[str]:
    return [s.kind for s in article.sections]


def assert_consistent(article: Article) -> None:
    """Every section is a span of the text; sections are ordered and never overlap."""
    previous_end = 0
    for section in article.sections:
        assert article.text[section.start : section.end] == section.text
        assert section.start >= previous_end
        previous_end = section.end
    assert article.paragraphs == [
        (s.start, s.end) for s in article.sections if s.kind == "paragraph"
    ]


def test_local_page_with_kicker_box_byline_noise_and_credit(body):
    article = structure(LOCAL_PAGE)
    assert_consistent(article)
    assert article.text == LOCAL_PAGE
    assert article.kicker == "Harbor Politics"
    assert article.headline == "Mayor Skips Ferry Summit After State Threatens 'Rogue Ports'"
    assert article.key_points == [
        "Port Aldous is one of nine towns the state warned over ferry subsidies",
        "Mayor Ilse Warren called off a meeting with the governor",
    ]
    assert article.byline == "By Ruth Calloway, The Aldous Mirror"
    assert article.credit == "Copyright AP - Associated Press"
    assert article.source == "AP"
    assert kinds(article) == [
        "kicker",
        "headline",
        "heading",
        "key_point",
        "key_point",
        "byline",
        "byline",
        "paragraph",
        "paragraph",
        "noise",
        "paragraph",
        "credit",
        "noise",
        "noise",
    ]
    assert "Contact Us" not in body(article) and "Copyright" not in body(article)
    assert "Share this" not in body(article)
    assert body(article).startswith("Mayor Ilse Warren skipped")


def test_wire_story_dateline_is_its_own_section_and_the_paragraph_follows():
    article = structure(WIRE)
    assert_consistent(article)
    assert article.headline == "Senate Passes Water Bill in Late Vote"
    assert article.byline == "By OTTO KRANTZ, Associated Press"
    assert article.dateline == "SALEM, Ore. (AP) —"
    first = article.paragraphs[0]
    assert article.text[first[0] : first[1]] == "The state Senate passed a water bill late Tuesday."
    assert article.credit == "Associated Press writer Ivo Brandt contributed to this report."
    assert article.source == "AP"  # from the dateline: "contributed" alone names no source


def test_reuters_dateline_gives_source_and_the_editing_line_is_credit():
    article = structure(REUTERS)
    assert_consistent(article)
    assert article.headline is None  # the text starts with its first paragraph
    assert article.dateline == "LONDON, March 3 (Reuters) -"
    assert article.source == "Reuters"
    assert article.credit == "(Reporting by Ana Lutz; Editing by Tom Reyes)"
    assert len(article.paragraphs) == 2


def test_an_outlet_in_the_dateline_is_the_source():
    text = "Fire Closes Road\n\nLOS ANGELES (KTLA) — A brush fire closed the road, officials said."
    article = structure(text)
    assert (article.source, article.credit, article.dateline) == (
        "KTLA",
        "KTLA",
        "LOS ANGELES (KTLA) —",
    )


def test_corpus_style_text_keeps_every_paragraph():
    article = structure(CORPUS_STYLE)
    assert_consistent(article)
    assert article.headline.startswith("Candidate Says Debate Rules Favor Rival")
    assert len(article.paragraphs) == 4  # "Short." is a paragraph too
    assert article.kicker is None and article.credit is None


def test_sentence_case_headline_is_found_by_what_follows():
    text = (
        "Council delays vote on pools.\n\n"
        "The Millbrook council on Tuesday put off a vote on pool hours, saying it needed time."
    )
    assert structure(text).headline == "Council delays vote on pools."


def test_a_single_paragraph_is_body_not_headline():
    article = structure('Mayor Ann Bo said, "We will build it."')
    assert article.headline is None and kinds(article) == ["paragraph"]


def test_the_given_title_marks_the_headline_and_the_kicker_above_it():
    text = "Menu\n\nWeather\n\nStorm Closes Schools\n\nSchools closed Friday as the storm hit."
    article = structure(text, title="Storm closes schools")
    assert (article.kicker, article.headline) == ("Weather", "Storm Closes Schools")
    assert kinds(article) == ["noise", "kicker", "headline", "paragraph"]
    assert article.title == "Storm closes schools"


def test_title_not_in_the_text_is_still_the_headline():
    article = structure("Schools closed Friday as the storm hit the coast.", title="Storm Day")
    assert article.headline == "Storm Day" and kinds(article) == ["paragraph"]


def test_html_document_uses_the_markup(article_html):
    article = structure_document(Document(html=article_html, origin="page.html"))
    assert_consistent(article)
    assert article.headline == "Harbor Council Backs Ferry Plan"
    assert article.kicker == "Transportation"
    assert article.source == "The Aldous Mirror"
    assert article.byline == "Rosa Delgado"
    assert article.published == "2026-03-04"
    assert article.dateline == "MILLBROOK —"
    assert len(article.paragraphs) == 3


def test_article_id_is_given_id_then_url_then_text_hash():
    assert structure(WIRE, id="x1", url="https://a.example/1").id == "x1"
    assert structure(WIRE, url="https://a.example/1").id == "https://a.example/1"
    digest = hashlib.sha1(WIRE.encode()).hexdigest()[:16]
    assert structure(WIRE).id == digest
    assert structure(unicodedata.normalize("NFD", WIRE.replace("Voss", "Vöss"))).id == (
        structure(WIRE.replace("Voss", "Vöss")).id
    )


def test_text_is_normalised_but_otherwise_whole():
    raw = "Cafe\u0301 Owner Speaks\r\n\r\nThe owner of the cafe\u0301 said it would stay open."
    article = structure(raw)
    assert article.text == unicodedata.normalize("NFC", raw).replace("\r\n", "\n")
    assert article.headline == "Café Owner Speaks"


@pytest.mark.parametrize("text", ["", "  \n\n "])
def test_empty_text_is_an_input_error(text):
    with pytest.raises(InputError, match="no article text"):
        structure(text)


DATED_LOCAL = """Schools

Board Keeps Late Bus Routes After Parents Protest

By Jo Lind | The Orval Valley Herald

Updated 6:10 PM PST, March 4, 2026

Published March 3, 2026

The Orval Valley school board voted Monday to keep two late bus routes.

"We heard the parents," board chair Ada Finch said.

March 9, 2026

The board meets again on April 14, 2026, to set next year's budget.
"""


def test_date_and_outlet_are_read_from_the_lines_above_the_body(body):
    article = structure(DATED_LOCAL)
    assert_consistent(article)
    assert article.published == "2026-03-03"  # published, not the update time
    assert article.source == "The Orval Valley Herald"
    assert article.headline == "Board Keeps Late Bus Routes After Parents Protest"
    assert body(article).startswith("The Orval Valley school board")
    assert "March 9, 2026" in body(article)  # a date line below the first paragraph stays body


def test_a_date_only_in_the_body_is_no_publication_date():
    body_dates = DATED_LOCAL.replace("Updated 6:10 PM PST, March 4, 2026\n\n", "").replace(
        "Published March 3, 2026\n\n", ""
    )
    assert structure(body_dates).published is None


def test_an_update_time_is_the_date_when_there_is_no_other():
    text = DATED_LOCAL.replace("Published March 3, 2026\n\n", "")
    assert structure(text).published == "2026-03-04T18:10-08:00"


def test_the_input_date_and_source_win_over_the_text():
    article = structure(DATED_LOCAL, published="2026-03-02", source="orval.example")
    assert (article.published, article.source) == ("2026-03-02", "orval.example")


def test_a_credit_names_the_source_before_the_byline():
    article = structure(DATED_LOCAL + "\nCopyright 2026 The Associated Press.\n")
    assert article.source == "AP"
    wire = structure(
        WIRE.replace("By OTTO KRANTZ\nAssociated Press", "By OTTO KRANTZ, The Courier")
    )
    assert wire.source == "AP"  # the dateline's agency, as before


def test_a_byline_outlet_is_the_source_when_only_a_contribution_is_credited():
    text = LOCAL_PAGE.replace("Copyright AP - Associated Press", "AP contributed to this report.")
    article = structure(text)
    assert article.source == "The Aldous Mirror"
    assert article.credit == "AP contributed to this report."


def test_a_date_above_the_headline_is_read_too():
    article = structure("Tuesday, March 3, 2026\n\n" + WIRE)
    assert article.published == "2026-03-03"
    assert article.headline == "Senate Passes Water Bill in Late Vote"
