"""The pages as a journalist works in them all day, in the real Chromium at desk (1280 px)
and phone (390 px) widths: facets that fill in names, evidence next to its quote and in
words, facets above the results on a phone, tables and charts that fit and can be read, a
skip link and form fields whose borders can be seen."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

DESK, PHONE = 1280, 390


@pytest.fixture(params=[DESK, PHONE], ids=["desk", "phone"])
def tab(request, browser):
    context = browser.new_context(
        viewport={"width": request.param, "height": 844}, is_mobile=request.param == PHONE
    )
    yield context.new_page()
    context.close()


def test_a_speaker_facet_fills_in_the_name_and_keeps_filtering_by_id(page, base_url) -> None:
    page.goto(f"{base_url}/")
    chip = page.locator("details.refine ul.chips a[href*='speaker=']").first
    name = chip.inner_text().rsplit(" ", 1)[0]
    person = re.search(r"speaker=(\d+)", chip.get_attribute("href")).group(1)
    chip.click()
    page.wait_for_url(re.compile(r"speaker="))
    assert page.input_value("#speaker") == name  # the name, not the id
    page.select_option("#type", "direct")
    page.click("form.search button[type=submit]")
    page.wait_for_url(re.compile(r"type=direct"))
    assert f"speaker={person}" in page.url  # still the one person, not every namesake
    assert page.input_value("#speaker") == name


# A browser without CSS anchor positioning (Firefox and Safari before it): the page's script
# places the evidence instead.
NO_ANCHORS = """(() => { const supports = CSS.supports.bind(CSS);
  CSS.supports = (...asked) => !/position-area|anchor/.test(asked.join(" ")) && supports(...asked);
})();"""


@pytest.mark.parametrize("anchoring", ["css", "script"])
def test_evidence_opens_next_to_its_quote_and_says_it_in_words(
    tab, base_url, client, anchoring
) -> None:
    if anchoring == "script":
        tab.add_init_script(NO_ANCHORS)
    hit = client.get("/api/quotes", params={"text": "engine room", "speaker": "Fenwick"}).json()
    tab.goto(f"{base_url}/articles/{hit['items'][0]['article_id']}")
    who = tab.locator("button.who", has_text="Dario Fenwick").first
    who.scroll_into_view_if_needed()
    who.click()
    box = tab.locator(".pop:popover-open")
    assert box.is_visible()
    near(box.bounding_box(), who.bounding_box())
    assert box.evaluate("b => b.style.position") == ("fixed" if anchoring == "script" else "")
    opened = box.bounding_box()  # and within the screen (it scrolls when that is too small)
    assert opened["y"] >= 0 and opened["y"] + opened["height"] <= tab.viewport_size["height"]
    words = box.inner_text()
    assert "two in the morning … Nobody should have to choose" in words  # the quote, again
    assert "said after the quote" in words and re.search(r"model confidence \d+%", words)
    for code in ("ccomp", "cue:", "model:", "p=0.", "-after-", "quote-marks"):
        assert code not in words
    tab.keyboard.press("Escape")

    mark = tab.locator("mark.q").last  # clicking the quote itself opens it by the quote
    mark.scroll_into_view_if_needed()
    mark.click()
    near(tab.locator(".pop:popover-open").bounding_box(), mark.bounding_box())


def near(box: dict, anchor: dict, gap: float = 16) -> None:
    """The box touches the anchor's top or bottom edge and overlaps it sideways, within the
    viewport (it opened mid-screen, away from its quote)."""
    below = abs(box["y"] - (anchor["y"] + anchor["height"])) <= gap
    above = abs(box["y"] + box["height"] - anchor["y"]) <= gap
    sideways = box["x"] < anchor["x"] + anchor["width"] and anchor["x"] < box["x"] + box["width"]
    assert (below or above) and sideways, (box, anchor)


def test_facets_come_before_the_results(tab, base_url) -> None:
    tab.goto(f"{base_url}/")
    facets = tab.locator("details.refine")
    first_hit = tab.locator("li.hit").first.bounding_box()
    if tab.viewport_size["width"] == PHONE:  # above the results, folded
        summary = tab.locator("details.refine summary")
        assert summary.bounding_box()["y"] < first_hit["y"] < 844 * 1.5
        assert facets.get_attribute("open") is None
        summary.click()
        assert tab.locator("details.refine ul.chips a").first.is_visible()
    else:  # open in the side column, level with the results
        chips = tab.locator("details.refine ul.chips").first.bounding_box()
        assert chips["x"] > first_hit["x"] + first_hit["width"] and chips["y"] < 844


def test_the_speakers_table_fits_without_sideways_scrolling(tab, base_url) -> None:
    tab.goto(f"{base_url}/speakers")
    table = tab.locator("table.speakers")
    width = table.evaluate("t => t.getBoundingClientRect().right")
    main = tab.locator("main").evaluate("m => m.getBoundingClientRect().right")
    assert width <= main + 0.5
    assert tab.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    assert tab.locator("table.speakers tbody tr").first.locator(".meta").inner_text()


def test_a_two_week_timeline_has_readable_labels_under_its_bars(tab, base_url, client) -> None:
    """The bars of the first and last week sit at the chart's edges, under the labels that
    name those weeks, and the labels are page-sized text (they shrank to 7 px on a phone)."""
    speaker = next(s for s in client.get("/api/speakers").json() if two_weeks(s))
    tab.goto(f"{base_url}/speakers/{speaker['id']}")
    chart = tab.locator(".timeline svg").bounding_box()
    bars = [b.bounding_box() for b in tab.locator(".timeline svg rect").all()]
    labels = tab.locator(".timeline .axis span")
    assert labels.count() == 2 and len(bars) == 2
    first, last = labels.nth(0).bounding_box(), labels.nth(1).bounding_box()
    assert abs(bars[0]["x"] - chart["x"]) < 1 and abs(first["x"] - chart["x"]) < 1
    right = chart["x"] + chart["width"]
    assert abs(bars[1]["x"] + bars[1]["width"] - right) < 1
    assert abs(last["x"] + last["width"] - right) < 1
    assert first["x"] + first["width"] < last["x"]  # the labels never overlap
    for label in (labels.nth(0), labels.nth(1), tab.locator(".timeline figcaption")):
        size = float(label.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px"))
        assert size >= 12


def two_weeks(speaker: dict) -> bool:
    """Quoted in exactly two consecutive weeks (a timeline of two bars)."""
    if not speaker["first_seen"] or not speaker["last_seen"]:
        return False
    first, last = (date.fromisoformat(speaker[k]) for k in ("first_seen", "last_seen"))
    weeks = (last.toordinal() - last.weekday() - first.toordinal() + first.weekday()) // 7
    return weeks == 1


def test_a_skip_link_leads_past_the_menu(page, base_url) -> None:
    page.goto(f"{base_url}/speakers")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    assert page.evaluate("document.activeElement.className") == "skip"
    box = skip.bounding_box()
    assert box["y"] >= 0 and skip.is_visible() and "Skip" in skip.inner_text()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("path", ["/", "/check", "/paste"])
def test_form_field_borders_stand_out_3_to_1(page, base_url, path: str) -> None:
    """WCAG 1.4.11: a field's border against the field and against the page behind it."""
    page.goto(f"{base_url}{path}")
    page_colour = page.evaluate("getComputedStyle(document.body).backgroundColor")
    fields = page.locator("main input:not([type=hidden]), main select, main textarea")
    assert fields.count() >= 1
    for field in fields.all():
        border, inside = field.evaluate(
            "e => [getComputedStyle(e).borderTopColor, getComputedStyle(e).backgroundColor]"
        )
        assert contrast(border, inside) >= 3 and contrast(border, page_colour) >= 3


def contrast(one: str, other: str) -> float:
    """The WCAG contrast ratio of two CSS rgb() colours."""

    def luminance(colour: str) -> float:
        channels = [int(c) / 255 for c in re.findall(r"\d+", colour)[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_a_speakers_quotes_download_from_their_page(browser, base_url, client) -> None:
    top = client.get("/api/speakers").json()[0]
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    tab.goto(f"{base_url}/speakers/{top['id']}")
    with tab.expect_download() as waiting:
        tab.click("a[download]:text('CSV')")
    saved = waiting.value
    rows = list(csv.DictReader(io.StringIO(Path(saved.path()).read_text(encoding="utf-8"))))
    assert saved.suggested_filename == "saidwhat-quotes.csv" and len(rows) == top["quotes"]
    assert {r["speaker"] for r in rows} == {top["name"]}
    context.close()
