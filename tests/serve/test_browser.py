"""A real headless Chromium (Debian's, driven by Playwright) uses the pages as a journalist
would: search, open an article, see each quote highlighted with its speaker, read the
evidence. Screenshots go to test-artifacts/. Hostile article text must stay inert."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.browser


def a_hit_with_speaker(client: httpx.Client) -> dict:
    hits = client.get("/api/quotes", params={"limit": 100}).json()["items"]
    return next(h for h in hits if h["speaker"] and h["article_id"] != "hostile-markup")


def test_search_open_article_and_see_who_said_it(
    page, base_url: str, client: httpx.Client, artifacts: Path
) -> None:
    hit = a_hit_with_speaker(client)
    word = max(re.findall(r"[A-Za-z]{4,}", hit["text"]), key=len)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(f"{base_url}/")
    page.fill("input[name=text]", word)
    page.press("input[name=text]", "Enter")
    page.wait_for_url(re.compile(r"text="))
    results = page.locator("ol.results li.hit")
    assert results.count() >= 1
    assert word.lower() in results.first.locator("blockquote b").first.inner_text().lower()
    page.screenshot(path=str(artifacts / "search.png"), full_page=True)

    target = results.filter(has_text=hit["source"] or "").first if hit["source"] else results.first
    target.locator("a.article-link").click()
    page.wait_for_url(re.compile(r"/articles/"))
    article_id = page.url.split("/articles/", 1)[1]
    article = client.get(f"/api/articles/{article_id}").json()
    said = next(q for q in article["quotes"] if q["speaker_id"])
    name = next(s["name"] for s in article["speakers"] if s["id"] == said["speaker_id"])

    marks = page.locator("mark.q")
    assert marks.count() >= 1 and marks.first.is_visible()
    who = page.locator("button.who", has_text=name).first
    assert who.is_visible()
    colour = who.evaluate("el => getComputedStyle(el).backgroundColor")
    mark_colour = marks.first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour != "rgba(0, 0, 0, 0)" and mark_colour != "rgba(0, 0, 0, 0)"
    who.click()
    popover = page.locator(".pop:popover-open")
    assert popover.is_visible() and "confidence" in popover.inner_text()
    page.keyboard.press("Escape")
    page.screenshot(path=str(artifacts / "article.png"), full_page=True)
    assert errors == []


def test_pages_fit_a_phone(browser, base_url: str, client: httpx.Client, artifacts: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    hit = a_hit_with_speaker(client)
    for name, path in [
        ("phone-search", "/?text=&type="),
        ("phone-article", f"/articles/{hit['article_id']}"),
        ("phone-speaker", f"/speakers/{hit['speaker_id']}"),
    ]:
        phone.goto(f"{base_url}{path}")
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} is {overflow}px wider than a phone"
        phone.screenshot(path=str(artifacts / f"{name}.png"))
    context.close()


def test_speaker_page_draws_the_weekly_timeline(page, base_url: str, client) -> None:
    top = next(s for s in client.get("/api/speakers").json() if s["first_seen"])
    quotes = client.get("/api/quotes", params={"speaker": top["id"], "limit": 100}).json()
    dated = [h for h in quotes["items"] if h["date"]]
    page.goto(f"{base_url}/speakers/{top['id']}")
    assert page.locator("h1").inner_text() == top["name"]
    bars = page.locator(".timeline svg rect")
    heights = [float(b.get_attribute("height")) for b in bars.all()]
    assert heights and max(heights) > 0
    titles = " ".join(t.text_content() for t in page.locator(".timeline svg rect title").all())
    assert sum(int(n) for n in re.findall(r": (\d+) quotes?", titles)) == len(dated)


def test_hostile_article_renders_inert(page, base_url: str, artifacts: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{base_url}/articles/hostile-markup")
    page.wait_for_load_state("load")

    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    scripts = page.eval_on_selector_all("script", "els => els.map(e => e.src)")
    assert scripts == [f"{base_url}/static/app.js"]
    assert page.locator("main img").count() == 0 and page.locator("main b").count() == 0
    text = page.locator("#article-text").inner_text()
    assert '<script>window.__pwned = "script";</script>' in text
    assert "onerror=\"window.__pwned='img'\"" in text
    assert page.locator("h1").inner_text() == "<img src=x onerror=alert(1)> Council <b>drama</b>"
    page.screenshot(path=str(artifacts / "hostile.png"), full_page=True)


def test_pasted_article_is_read_on_the_spot(page, base_url: str, artifacts: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{base_url}/paste")
    page.fill(
        "textarea[name=text]",
        "Ferry returns to Quillmouth\n\nThe island ferry will sail again from Monday.\n\n"
        '"We missed the sound of the horn <script>alert(1)</script>," said Wenna Trelawny, '
        "who runs the harbour cafe.",
    )
    page.click("form.paste button[type=submit]")
    page.wait_for_selector("mark.q")
    assert page.locator("button.who", has_text="Wenna Trelawny").first.is_visible()
    assert "<script>alert(1)</script>" in page.locator("#article-text").inner_text()
    assert dialogs == []
    page.screenshot(path=str(artifacts / "paste.png"), full_page=True)
