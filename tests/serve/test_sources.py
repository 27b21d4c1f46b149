"""Who gets a voice on the web, on the real server over a corpus ingested from the demo and
the answers articles written for this project: the report API and its CSV, the Sources
page in the real Chromium (charts drawn, their numbers the API's, the CSV downloads, nothing
scrolls sideways on a phone), who answers whom, and the speaker profile's reasons."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .conftest import DEMO, REPO, running_server, saidwhat

ANSWERS = REPO / "tests" / "fixtures" / "answers"
DESK, PHONE = 1280, 390


@pytest.fixture(scope="module")
def sources_url(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("sources")
    db = folder / "corpus.db"
    done = saidwhat("ingest", DEMO, ANSWERS, "--db", db)
    assert done.returncode == 0, done.stderr
    with running_server(db, folder / "serve.log") as url:
        yield url


@pytest.fixture(scope="module")
def http(sources_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sources_url, timeout=60) as session:
        yield session


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_report_api_and_its_csv(http) -> None:
    report = http.get("/api/report", params={"by": "outlet"}).json()
    assert report["total"]["articles"] == 15 and report["rows"]
    chart = csv_rows(
        http.get(
            "/api/report/download",
            params={"by": "outlet", "chart": "true", "measure": "sources", "dimension": "gender"},
        ).text
    )
    assert chart[-1]["outlet"] == "all"
    for row, line in zip(report["rows"], chart, strict=False):
        assert line["outlet"] == (row["outlet"] or "")
        assert int(line["sources"]) == row["sources"]
        assert int(line["female"]) == row["sources_by"]["gender"]["female"]
    whole = csv_rows(http.get("/api/report/download", params={"by": "month"}).text)
    assert whole[-1]["row"] == "total" and int(whole[-1]["quotes"]) == report["total"]["quotes"]


@pytest.mark.parametrize(
    ("path", "params", "reason"),
    [
        ("/api/report/download", {"chart": "true", "measure": "sources", "dimension": "type"},
         "sources are counted by anonymity"),
        ("/api/report", {"measure": "sources"}, "measure"),  # a chart's, not the report's
        ("/api/report", {"by": "week"}, "query.by"),
        ("/api/report", {"since": "2026-13"}, "no such date"),
        ("/api/network", {"since": "2026-05", "until": "2026-04"}, "is after until"),
    ],
)  # fmt: skip
def test_a_bad_report_question_is_a_422_in_one_line(http, path, params, reason) -> None:
    response = http.get(path, params=params)
    assert response.status_code == 422
    assert reason in response.json()["error"]
    assert "\n" not in response.json()["error"]


def test_who_answers_whom_in_the_api_and_on_the_profile(http) -> None:
    edges = http.get("/api/network").json()
    pairs = {(e["source_name"], e["target_name"]) for e in edges}
    assert ("Piet Varga", "Lena Ortiz") in pairs and ("Maria Lund", "Tomas Brandt") in pairs
    ferry = http.get("/api/network", params={"text": "budget"}).json()  # a search's answers
    assert {(e["source_name"], e["target_name"]) for e in ferry} == {
        ("Omar Haddad", "Piet Varga"), ("Lena Ortiz", "Piet Varga")}  # fmt: skip
    table = csv_rows(http.get("/api/network/download").text)
    assert len(table) == len(edges)
    profile = http.get("/api/speakers/Piet Varga").json()
    assert [a["name"] for a in profile["answers"]] == ["Lena Ortiz"]
    assert {a["name"] for a in profile["answered_by"]} == {"Lena Ortiz", "Omar Haddad"}
    assert {(c["aspect"], c["value"]) for c in profile["labels"]} >= {
        ("anonymity", "named"), ("role", "politician"), ("gender", "male")}  # fmt: skip
    page = http.get("/speakers/Piet Varga").text
    assert "As a source" in page and "elected politician" in page
    assert "<b>Councilman</b>" in page  # the words that gave the role, in their sentence


@pytest.fixture(params=[DESK, PHONE], ids=["desk", "phone"])
def tab(request, browser):
    context = browser.new_context(
        viewport={"width": request.param, "height": 900},
        is_mobile=request.param == PHONE,
        accept_downloads=True,
    )
    yield context.new_page()
    context.close()


@pytest.mark.browser
def test_the_sources_page_draws_what_the_api_counts(tab, sources_url, http, tmp_path) -> None:
    tab.goto(f"{sources_url}/sources?measure=sources&dimension=gender")
    report = http.get("/api/report", params={"by": "outlet"}).json()
    bars = tab.locator(".bars .bar-row")
    assert bars.count() == len(report["rows"])
    first = bars.first.locator("svg")
    assert first.is_visible() and first.bounding_box()["width"] > 150
    assert bars.first.locator("rect").count() >= 1
    rows = tab.locator("table[data-chart=outlet] tbody tr")
    assert rows.count() == len(report["rows"]) + 1  # and the total
    shown = {}
    for i in range(rows.count()):
        cells = rows.nth(i)
        name = cells.locator("th").inner_text()
        female = cells.locator("td[data-label=female]").inner_text().split()[0]
        shown[name] = (int(cells.locator("td").first.inner_text()), int(female))
    for row in report["rows"]:
        key = row["outlet"] or "(unknown)"
        assert shown[key] == (row["sources"], row["sources_by"]["gender"]["female"])
    total = report["total"]
    assert shown["all"] == (total["sources"], total["sources_by"]["gender"]["female"])
    lines = tab.locator("figure.trend polyline")
    assert lines.count() >= 2 and tab.locator("figure.trend svg").is_visible()
    with tab.expect_download() as download:
        tab.locator("#per-outlet a", has_text="Download these numbers").click()
    got = Path(download.value.path()).read_bytes()
    expected = http.get(
        "/api/report/download",
        params={"by": "outlet", "chart": "true", "measure": "sources", "dimension": "gender"},
    ).content
    assert got == expected and download.value.suggested_filename.endswith(".csv")
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= tab.viewport_size["width"]  # tables scroll inside their box, not the page


@pytest.mark.browser
def test_the_filters_carry_over_and_the_network_is_drawn(tab, sources_url, http) -> None:
    tab.goto(f"{sources_url}/sources")
    tab.fill("#source", "AP")
    tab.select_option("#dimension", "role")
    tab.click("form.sources button[type=submit]")
    tab.wait_for_url("**/sources?*source=AP*")
    bars = tab.locator(".bars .bar-row")
    assert bars.count() == 1 and "AP" in bars.first.inner_text()
    assert tab.locator("a", has_text="Search these quotes").get_attribute("href") == "/?source=AP"
    tab.goto(f"{sources_url}/network")
    edges = http.get("/api/network").json()
    assert tab.locator("figure.network circle").count() == len(
        {(e["source_id"], e["source_name"]) for e in edges}
        | {(e["target_id"], e["target_name"]) for e in edges}
    )
    assert tab.locator("figure.network line.answer").count() == len(edges)
    assert tab.locator("table.numbers tbody tr").count() == len(edges)
