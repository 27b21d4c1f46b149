"""The web pages over HTTP: they render from the corpus, escape article text, work as plain
forms without JavaScript, and fetch a URL only when the user gives one (a loopback server)."""

from __future__ import annotations

import csv
import html
import io
import re
import sys
from pathlib import Path

import httpx

from saidwhat.store import Corpus
from saidwhat.store.models import Occurrence

from .conftest import running_server

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))  # the store tests' record builders
from builders import article, person  # noqa: E402


def test_search_page_lists_hits_with_facets_and_pages(client: httpx.Client) -> None:
    response = client.get("/", params={"text": "", "speaker": "", "since": "", "type": ""})
    assert response.status_code == 200 and "text/html" in response.headers["content-type"]
    page = response.text
    assert page.count('<li class="hit">') == 20 and 'rel="next"' in page
    assert re.search(r'<ul class="chips">.*?href="/\?[^"]*speaker=', page, re.S)
    next_url = html.unescape(re.search(r'href="([^"]+)" rel="next"', page).group(1))
    second = client.get(next_url).text
    first_ids = set(re.findall(r'href="/articles/([^"]+)"', page))
    assert '<li class="hit">' in second and "Previous page" in second and first_ids


def test_a_speaker_facet_filters_by_that_speaker(client: httpx.Client) -> None:
    page = client.get("/").text
    href, name = re.search(r'<a href="(/\?speaker=\d+)">([^<]+?) <span', page).groups()
    filtered = client.get(html.unescape(href)).text
    assert f"speaker: {name} ×" in filtered
    metas = re.findall(r'<div class="meta">\s*<a href="/speakers/[^"]+">([^<]+)</a>', filtered)
    assert metas and set(metas) == {name}


def test_search_page_bolds_the_matching_words(client: httpx.Client) -> None:
    hit = client.get("/api/quotes").json()["items"][0]
    word = max(re.findall(r"[A-Za-z]{4,}", hit["text"]), key=len)
    page = client.get("/", params={"text": word}).text
    assert re.search(rf"<b>{word}</b>", page, re.I)


def test_bad_filter_on_a_page_is_an_html_error(client: httpx.Client) -> None:
    response = client.get("/", params={"since": "last week"})
    assert response.status_code == 422 and "text/html" in response.headers["content-type"]
    assert "since" in response.text


def test_unknown_article_is_a_404_page(client: httpx.Client) -> None:
    response = client.get("/articles/no-such-article")
    assert response.status_code == 404 and "no such article" in response.text


def test_a_speaker_number_beyond_any_id_is_a_404_page(client: httpx.Client) -> None:
    response = client.get(f"/speakers/{2**64}")
    assert response.status_code == 404 and "no such speaker" in response.text


def test_article_page_marks_every_quote(client: httpx.Client) -> None:
    hit = client.get("/api/quotes").json()["items"][0]
    article = client.get(f"/api/articles/{hit['article_id']}").json()
    page = client.get(f"/articles/{hit['article_id']}").text
    numbers = set(re.findall(r'<mark class="q c[x\d]" data-q="(\d+)"', page))
    assert numbers == {str(n) for n in range(1, len(article["quotes"]) + 1)}
    assert len(re.findall(r'<div popover id="ev-\d+" class="pop ', page)) == len(article["quotes"])


def test_hostile_text_is_escaped_in_the_html(client: httpx.Client) -> None:
    page = client.get("/articles/hostile-markup").text
    assert "<script>window" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__pwned" in page and "&lt;img src=x onerror=" in page


def test_cluster_page_lists_every_occurrence(client: httpx.Client) -> None:
    hits = client.get("/api/quotes", params={"limit": 100}).json()["items"]
    shared = next(h for h in hits if h["cluster_size"] > 1)
    page = client.get(f"/clusters/{shared['cluster_id']}").text
    assert page.count("<blockquote>") == shared["cluster_size"]
    assert f"Printed {shared['cluster_size']} times" in page


def test_check_page_shows_the_verdict_and_the_words_that_differ(client: httpx.Client) -> None:
    hit = next(
        h
        for h in client.get("/api/quotes", params={"limit": 100}).json()["items"]
        if len(h["text"].split()) >= 6 and h["type"] == "direct"
    )
    page = client.get("/check", params={"text": hit["text"]}).text
    assert '<span class="badge verbatim">verbatim</span>' in page
    words = hit["text"].split()
    negated = " ".join([*words[:2], "never", *words[2:]])
    page = client.get("/check", params={"text": negated, "speaker": hit["speaker"]}).text
    assert '<span class="badge contradicts">contradicts</span>' in page
    assert (
        "<ins " in page and "negation added" in page and "by " + html.escape(hit["speaker"]) in page
    )
    assert "Did anyone really say this?" in client.get("/check").text


def test_speakers_page_and_docs(client: httpx.Client) -> None:
    top = client.get("/api/speakers").json()[0]
    assert (
        f'<a href="/speakers/{top["id"]}">{html.escape(top["name"])}</a>'
        in client.get("/speakers").text
    )
    assert "/api/extract" in client.get("/docs").text


def test_paste_text_runs_extraction(client: httpx.Client) -> None:
    text = (
        "Orchard saved\n\nThe old orchard in Tamsby will not be sold.\n\n"
        '"The trees stay where they are," said Ilse Brackenbury, who chairs the parish council.'
    )
    page = client.post("/paste", data={"text": text, "url": ""}).text
    assert "Ilse Brackenbury" in page and '<mark class="q' in page


def test_paste_url_fetches_the_page_the_user_gave(client: httpx.Client, article_site: str) -> None:
    response = client.post("/paste", data={"text": "", "url": f"{article_site}/tram"})
    assert response.status_code == 200
    assert "Perpetua Halloran" in response.text and '<mark class="q' in response.text


def test_paste_errors_are_one_line_on_the_page(client: httpx.Client, article_site: str) -> None:
    empty = client.post("/paste", data={"text": "  ", "url": ""})
    assert empty.status_code == 422 and "paste an article" in empty.text
    missing = client.post("/paste", data={"text": "", "url": f"{article_site}/gone"})
    assert missing.status_code == 422
    error = re.search(r'<p class="error">(.*?)</p>', missing.text, re.S).group(1)
    assert "/gone" in error and "404" in error and "\n" not in error.strip()
    scheme = client.post("/paste", data={"text": "", "url": "file:///etc/passwd"})
    assert scheme.status_code == 422 and "root:" not in scheme.text


def test_article_page_links_quotes_to_clusters_and_speakers_by_id(client: httpx.Client) -> None:
    hits = client.get("/api/quotes", params={"limit": 100}).json()["items"]
    shared = next(h for h in hits if h["cluster_size"] > 1 and h["speaker_id"])
    article = client.get(f"/api/articles/{shared['article_id']}").json()
    page = client.get(f"/articles/{shared['article_id']}").text
    listing = page.split('<ol class="quote-list">', 1)[1]
    for person_id in set(article["people"].values()):
        assert f'<a href="/speakers/{person_id}">' in listing
    ref = article["clusters"][shared["quote_id"]]
    printed = re.search(rf'<a class="printed" href="/clusters/{ref["id"]}">([^<]+)</a>', listing)
    assert printed, "a reprinted quote links to its cluster page"
    assert printed.group(1).startswith(f"printed {ref['size']} times, first by")
    assert html.escape(ref["first_source"]) in printed.group(1) and ref[
        "first_date"
    ] in printed.group(1)
    singles = [q for q, r in article["clusters"].items() if r["size"] == 1]
    assert listing.count('class="printed"') == len(article["clusters"]) - len(singles)


def test_pasted_speakers_link_into_the_corpus_or_nowhere(client: httpx.Client) -> None:
    """A speaker of a pasted article links to the one corpus speaker of that name, to the
    quotes of all of them when several share it, and nowhere when the corpus has nobody
    (it linked to /speakers/<name>, a 404). Tregarthen is invented and not in the corpus."""
    text = (
        "Harbour wall repaired\n\n"
        '"The wall will hold this winter," said Dario Fenwick, who leads the union.\n\n'
        '"We counted every stone twice," Lindqvist said.\n\n'
        '"Nobody asked us about the boats," said Morwenna Tregarthen, who fishes there.'
    )
    page = client.post("/paste", data={"text": text, "url": ""}).text
    listing = page.split('<ol class="quote-list">', 1)[1]
    names = dict(re.findall(r'<strong class="speaker">(?:<a href="([^"]*)">)?([^<]+)', listing))
    names = {name: html.unescape(href) for href, name in names.items()}
    fenwick = client.get("/api/speakers/Dario Fenwick").json()["id"]
    assert names["Dario Fenwick"] == f"/speakers/{fenwick}"
    assert names["Lindqvist"] == "/?speaker=Lindqvist"
    assert names["Morwenna Tregarthen"] == ""
    for href in set(re.findall(r'href="(/speakers/[^"]*|/\?speaker=[^"]*)"', page)):
        assert client.get(html.unescape(href)).status_code == 200, href
    several = client.get("/?speaker=Lindqvist").text
    assert len(set(re.findall(r'<a href="/speakers/(\d+)">[^<]*Lindqvist', several))) == 2


def test_a_split_quote_in_the_article_list_leaves_out_the_narrator(client: httpx.Client) -> None:
    """'"…morning," union president Dario Fenwick said at a rally. "Nobody…"': the list shows
    the two pieces joined by " … ", as search does, not the words between the marks."""
    hit = client.get("/api/quotes", params={"text": "engine room", "speaker": "Fenwick"}).json()
    page = client.get(f"/articles/{hit['items'][0]['article_id']}").text
    listing = page.split('<ol class="quote-list">', 1)[1]
    said = next(q for q in re.findall(r"<q>(.*?)</q>", listing, re.S) if "engine room" in q)
    assert "in the morning … Nobody should have to choose" in html.unescape(said)
    assert "Fenwick said" not in said and '"' not in html.unescape(said)


def test_previous_page_and_the_range_shown(client: httpx.Client) -> None:
    def hits(page: str) -> list[str]:
        return re.findall(r'<li class="hit">\s*<blockquote>(.*?)</blockquote>', page, re.S)

    def href(page: str, rel: str) -> str:
        return html.unescape(re.search(rf'href="([^"]+)" rel="{rel}"', page).group(1))

    first = client.get("/").text
    assert 'rel="prev"' not in first and "1–20" in first
    second = client.get(href(first, "next")).text
    third = client.get(href(second, "next")).text
    assert "41–" in third
    assert hits(client.get(href(third, "prev")).text) == hits(second)
    assert hits(client.get(href(second, "prev")).text) == hits(first)
    assert "cursor" not in href(second, "prev")


def test_a_speaker_filter_by_id_shows_the_name_in_the_field(client: httpx.Client) -> None:
    top = client.get("/api/speakers").json()[0]
    page = client.get("/", params={"speaker": top["id"], "text": "zzzznothing"}).text
    field = re.search(r'<input id="speaker" [^>]*>', page).group(0)
    assert f'value="{html.escape(top["name"])}"' in field and f'data-id="{top["id"]}"' in field


def test_a_search_also_offers_the_headlines_and_speakers_it_names(client: httpx.Client) -> None:
    """'ferry' is in no quote of the demo corpus but in two ferry-strike headlines: the page
    says what it searched and offers both articles (it said only "No quote matches")."""
    page = client.get("/", params={"text": "ferry"}).text
    assert "No quote says “ferry”" in page and "Search looks in what was said" in page
    offered = set(re.findall(r'<li><a href="/articles/([^"]+)">[^<]*Ferry', page))
    strikes = {h["article_id"] for h in client.get("/api/quotes", params={"limit": 100}).json()[
        "items"] if "Ferry" in (h["title"] or "")}  # fmt: skip
    assert offered == strikes and len(offered) == 2
    okafor = client.get("/api/speakers/Okafor").json()
    named = client.get("/", params={"text": "Okafor"}).text
    assert f'<a href="/speakers/{okafor["id"]}">' in named
    assert f'<a href="/?speaker={okafor["id"]}">all their quotes</a>' in named


def test_the_total_and_the_order_of_a_search(client: httpx.Client) -> None:
    items = client.get("/api/quotes", params={"text": "water", "limit": 100}).json()["items"]
    page = client.get("/", params={"text": "water"}).text
    assert f"{len(items)} quotes matching “water”" in page and f"of {len(items)}</span>" in page
    oldest = client.get("/", params={"text": "water", "sort": "oldest"}).text
    dates = re.findall(r"<time>([\d-]+)</time>", oldest.split('<ol class="results"', 1)[1])
    assert dates == sorted(dates) and len(dates) == len(items)
    assert '<strong aria-current="true">oldest first</strong>' in oldest
    api = client.get("/api/quotes", params={"text": "water", "sort": "newest"}).json()["items"]
    assert [h["date"] for h in api] == sorted(dates, reverse=True)
    assert "best match" not in client.get("/").text.split('class="order"', 1)[1][:300]


def download(client: httpx.Client, **params: str) -> httpx.Response:
    response = client.get("/api/quotes/download", params=params)
    assert response.status_code == 200, response.text
    return response


def test_downloads_of_a_search_and_of_a_speaker(client: httpx.Client) -> None:
    """CSV or JSON of what a search finds, with the filters and order of /api/quotes; the
    search and speaker pages link to them."""
    api = client.get("/api/quotes", params={"text": "water", "sort": "oldest"}).json()["items"]
    csv_file = download(client, text="water", sort="oldest", format="csv")
    assert csv_file.headers["content-type"].startswith("text/csv")
    assert csv_file.headers["content-disposition"] == 'attachment; filename="saidwhat-quotes.csv"'
    rows = list(csv.DictReader(io.StringIO(csv_file.text)))
    assert [int(r["id"]) for r in rows] == [h["id"] for h in api]
    assert list(rows[0]) == list(Occurrence.model_fields)  # no snippet brackets, no score
    okafor = client.get("/api/speakers/Okafor").json()
    theirs = download(client, speaker=str(okafor["id"]), format="json").json()
    assert len(theirs) == okafor["quotes"] and {q["speaker_id"] for q in theirs} == {okafor["id"]}
    assert [q["date"] for q in theirs] == sorted((q["date"] for q in theirs), reverse=True)
    assert download(client, speaker="Nobody Known", format="json").json() == []
    bad = client.get("/api/quotes/download", params={"since": "2026-02-30"})
    assert bad.status_code == 422 and "since" in bad.json()["error"]
    page = client.get("/", params={"text": "water", "sort": "oldest"}).text
    links = re.findall(r'<a href="(/api/quotes/download\?[^"]+)" download>', page)
    assert html.unescape(links[0]) == "/api/quotes/download?text=water&sort=oldest&format=csv"
    profile = client.get(f"/speakers/{okafor['id']}").text
    assert f"/api/quotes/download?speaker={okafor['id']}&amp;format=csv" in profile
    assert "saidwhat-truncated" not in csv_file.headers  # all of them are in the file


def test_a_download_cut_at_10000_says_so(tmp_path: Path) -> None:
    """A search with words downloads its first 10,000 quotes; when more matched, the header
    Saidwhat-Truncated says so (the file alone could not)."""
    speaker = person("s1", "Oriel Vantongeren")
    lines = [(speaker, f"The canal water rose again at lock {n}") for n in range(100)]
    db = tmp_path / "big.db"
    with Corpus(db) as corpus:
        corpus.add(
            article(f"a{n}", lines, published=f"2024-03-{n % 28 + 1:02d}") for n in range(101)
        )
    with running_server(db, tmp_path / "serve.log") as url:
        cut = httpx.get(f"{url}/api/quotes/download", params={"text": "canal", "format": "json"})
        whole = httpx.get(f"{url}/api/quotes/download", params={"text": "lock 7", "format": "json"})
    assert cut.status_code == 200 and cut.headers["saidwhat-truncated"] == "10000"
    assert len(cut.json()) == 10_000
    assert "saidwhat-truncated" not in whole.headers and len(whole.json()) == 101
