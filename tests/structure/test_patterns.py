"""Each structure rule on its own: positive cases from several house styles, and the near
misses that must stay body text. All names are invented."""

from __future__ import annotations

import pytest

from saidwhat.structure import patterns as p


@pytest.mark.parametrize(
    "text",
    [
        "Contact Us",
        "Share this article",
        "Share on Facebook",
        "Sign up for our newsletter",
        "Subscribe now for unlimited access",
        "Get our free daily newsletter in your inbox",
        "Read more",
        "Read the rest of the story at The Valley Post.",
        "Advertisement",
        "Related: Council delays pool vote",
        "Most Read",
        "Follow us on Twitter",
        "Follow @valleypost.",
        "Skip to main content",
        "Updated 3:45 p.m. EST, March 4, 2026",
        "Published 10:32 AM EST Mar 28, 2018",
        "Last updated on March 4, 2026 at 9:30 am",
        "Sign up to get an email from reporter Ada Finch when she publishes a new story.",
        "Subscribe to the Valley Post politics podcast here.",
        "Photo: Lena Marsh / Valley Post",
        "Mayor Ada Finch speaks at the ribbon cutting on Monday. (AP Photo/Jon Hale)",
        "Jon Hale via Getty Images.",
        "We use cookies to personalise content. By continuing, you accept our cookie policy.",
    ],
)
def test_noise(text):
    assert p.is_noise(text)


@pytest.mark.parametrize(
    "text",
    [
        "Read more about it, the mayor said, and you will see why the town voted no.",
        "Residents who share this view packed the hall on Tuesday night.",
        "The bakery's cookies sold out by noon, owner Ines Dorr said.",
        "Published reports say the council will vote on the plan next week.",
        "Follow the money, said council member Rafe Ortiz, and you will find the answer.",
        "Register to vote by Oct. 10, officials said.",
        "Follow through on your promises, she told the council.",
        "The newsletter, which the mayor sends weekly, angered residents.",
        "Related charges were filed against two other men, prosecutors said.",
        "Trending upward, the numbers suggest a recovery.",
        "Published in 2015, the report found that 40 bridges were unsafe.",
    ],
)
def test_body_sentences_are_not_noise(text):
    assert not p.is_noise(text)


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Copyright AP - Associated Press", "AP"),
        ("Copyright 2026 The Associated Press. All rights reserved.", "AP"),
        ("© 2026 Thomson Reuters", "Reuters"),
        ("The Associated Press contributed to this report.", "AP"),
        ("AFP contributed to this report.", "AFP"),
        ("Associated Press writer Ivo Brandt in Salem contributed to this report.", "AP"),
        ("(Reporting by Ana Lutz; Editing by Tom Reyes)", None),
        ("Reporting by Ana Lutz; editing by Tom Reyes.", None),
        ("Staff writer Ben Otte contributed reporting.", None),
    ],
)
def test_credit(text, agency):
    assert p.is_credit(text)
    assert p.agency_of(text) == agency


@pytest.mark.parametrize(
    "text",
    [
        "Reporting by the Valley Post last year showed the contract was never signed.",
        "The report was written by an outside firm, the mayor said.",
        "Copyright infringement claims rose sharply last year, the agency said.",
        "Okafor, who contributed reporting to the Valley Post for a decade before joining the"
        " council in 2019, said the paper's closure left the town without a watchdog and that"
        " residents had noticed within weeks.",
    ],
)
def test_body_sentences_are_not_credits(text):
    assert not p.is_credit(text)


@pytest.mark.parametrize(
    "text",
    [
        "By Jane Holloway",
        "By JANE HOLLOWAY, Associated Press",
        "By Jane Holloway and Omar Beck | The Valley Post",
        "By Teodora Vance, Staff Writer",
        "By Marie de la Fontaine",
    ],
)
def test_byline(text):
    assert p.is_byline(text)


@pytest.mark.parametrize(
    "text",
    ["By Tuesday, the council had voted twice.", "By then it was too late.", "By Jane"],
)
def test_not_byline(text):
    assert not p.is_byline(text)


@pytest.mark.parametrize(
    ("text", "dateline", "agency"),
    [
        ("WASHINGTON (AP) — The Senate voted.", "WASHINGTON (AP) — ", "AP"),
        ("LONDON, March 3 (Reuters) - Shares fell.", "LONDON, March 3 (Reuters) - ", "Reuters"),
        ("SAN JUAN, Puerto Rico (AP) — Rain fell.", "SAN JUAN, Puerto Rico (AP) — ", "AP"),
        ("SPRINGFIELD, Ill. — The governor said.", "SPRINGFIELD, Ill. — ", None),
        ("Paris (AFP) - The minister said.", "Paris (AFP) - ", "AFP"),
        ("HEMPSTEAD, N.Y., Sept. 26 (UPI) — A rally.", "HEMPSTEAD, N.Y., Sept. 26 (UPI) — ", "UPI"),
        ("DUNMORE FALLS -- The state ordered.", "DUNMORE FALLS -- ", None),
    ],
)
def test_dateline(text, dateline, agency):
    length, found = p.dateline_length(text)
    assert text[:length] == dateline and found == agency


@pytest.mark.parametrize(
    "text",
    [
        "Officials — including the mayor — said no.",
        "The mayor - who was late - said no.",
        "EXCLUSIVE – Council member speaks out.",
        "AP-GfK Poll: Voters see the mayor as electable.",
        "Washington — a city of monuments — sleeps.",
    ],
)
def test_not_dateline(text):
    assert p.dateline_length(text) == (0, None)


@pytest.mark.parametrize(
    "text", ["What to Know", "Key points", "KEY POINTS:", "Highlights", "In brief", "At a glance"]
)
def test_box_heading(text):
    assert p.is_box_heading(text)


@pytest.mark.parametrize("text", ["March 4, 2026", "Wed, Mar. 4, 2026 9:30 a.m. EST", "2026-03-04"])
def test_date_line(text):
    assert p.is_date(text)


def test_headline_and_kicker_shapes():
    assert p.is_headline_like("Council Backs Ferry Plan After Long Night")
    assert p.is_headline_like("Stealth Over Health: Candidate Diverted to Avoid Bad Optics.")
    assert p.is_headline_like("Is the ferry worth it?")
    assert not p.is_headline_like("The council voted on Tuesday to back the plan.")
    assert not p.is_headline_like("WASHINGTON (AP) — The Senate voted.")
    assert p.is_kicker_like("Donald Trump") and p.is_kicker_like("Transportation")
    assert not p.is_kicker_like("Sign up.") and not p.is_kicker_like("One two three four five six")
