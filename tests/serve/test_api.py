"""The REST API over HTTP against `saidwhat serve` on a corpus built by `saidwhat ingest`.

Expectations come from the corpus itself (a hit's article must contain the hit...), so the
tests hold for the demo corpus and for our invented fixtures alike; the hostile article is
ours and always ingested."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from .conftest import saidwhat

HOSTILE = "hostile-markup"


def all_hits(client: httpx.Client, **params) -> list[dict]:
    """Every hit of a query, following next_cursor page by page."""
    hits, cursor = [], None
    while True:
        page = client.get("/api/quotes", params={**params, "cursor": cursor}).json()
        hits += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return hits


def test_stats_count_what_was_ingested(client: httpx.Client) -> None:
    stats = client.get("/api/stats").json()
    assert stats["articles"] >= 2 and stats["quotes"] >= 2 and stats["speakers"] >= 1


def test_cursor_pages_are_disjoint_and_complete(client: httpx.Client) -> None:
    first_hundred = client.get("/api/quotes", params={"limit": 100}).json()["items"]
    paged = all_hits(client, limit=7)
    assert [h["id"] for h in paged][:100] == [h["id"] for h in first_hundred]
    assert len({h["id"] for h in paged}) == len(paged) == client.get("/api/stats").json()["quotes"]


def test_search_text_ranks_and_marks_matches(client: httpx.Client) -> None:
    text = client.get("/api/quotes", params={"limit": 1}).json()["items"][0]["text"]
    word = max(re.findall(r"[A-Za-z]{4,}", text), key=len)
    hits = client.get("/api/quotes", params={"text": word}).json()["items"]
    assert hits and all(word.lower() in h["text"].lower() for h in hits)
    assert all(f"[{word.lower()}" in h["snippet"].lower() for h in hits)
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_filters_narrow_the_results(client: httpx.Client) -> None:
    hits = all_hits(client, limit=100)
    first = next(h for h in hits if h["speaker"] and h["source"] and h["date"])
    by_speaker = all_hits(client, speaker=str(first["speaker_id"]))
    assert by_speaker and {h["speaker_id"] for h in by_speaker} == {first["speaker_id"]}
    by_source = all_hits(client, source=first["source"])
    assert by_source and {h["source"] for h in by_source} == {first["source"]}
    day = first["date"]
    dated = all_hits(client, since=day, until=day)
    assert first["id"] in {h["id"] for h in dated} and {h["date"] for h in dated} == {day}
    typed = all_hits(client, type=first["type"])
    assert first["id"] in {h["id"] for h in typed} and {h["type"] for h in typed} == {first["type"]}
    assert len(by_speaker) + len(all_hits(client, speaker="Nobody Everybodysson")) <= len(hits)


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"cursor": "not-ours"}, 400, "cursor"),
        ({"limit": 0}, 422, "limit"),
        ({"limit": 5000}, 422, "limit"),
        ({"since": "yesterday"}, 422, "since"),
        ({"type": "rumour"}, 422, "type"),
    ],
)
def test_bad_search_parameters_are_json_errors(client, params, status, words) -> None:
    response = client.get("/api/quotes", params=params)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert words in response.json()["error"]


def test_hit_article_and_cluster_agree(client: httpx.Client) -> None:
    hit = client.get("/api/quotes").json()["items"][0]
    article = client.get(f"/api/articles/{hit['article_id']}").json()
    quote = next(q for q in article["quotes"] if q["id"] == hit["quote_id"])
    assert quote["text"] == article["text"][quote["start"] : quote["end"]]
    pieces = [article["text"][s:e].strip() for s, e in quote["fragments"]] or [quote["text"]]
    assert all(piece in hit["text"] for piece in pieces)  # a split quote: its fragments
    cluster = client.get(f"/api/clusters/{hit['cluster_id']}").json()
    assert hit["id"] in [o["id"] for o in cluster["occurrences"]]
    assert cluster["first"] == cluster["occurrences"][0]


def test_a_reprinted_quote_is_one_cluster_with_every_occurrence(client: httpx.Client) -> None:
    hits = all_hits(client, limit=100)
    shared = next((h for h in hits if h["cluster_size"] > 1), None)
    assert shared, "the served corpus holds a syndicated copy, so some quote is reprinted"
    cluster = client.get(f"/api/clusters/{shared['cluster_id']}").json()
    assert cluster["size"] == shared["cluster_size"] == len(cluster["occurrences"])
    assert len({o["id"] for o in cluster["occurrences"]}) == cluster["size"]
    assert len({o["article_id"] for o in cluster["occurrences"]}) >= 2
    dates = [o["date"] for o in cluster["occurrences"] if o["date"]]
    assert dates == sorted(dates)


def test_speakers_and_profiles(client: httpx.Client) -> None:
    speakers = client.get("/api/speakers").json()
    counts = [s["quotes"] for s in speakers]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 1
    top = speakers[0]
    by_id = client.get(f"/api/speakers/{top['id']}").json()
    by_name = client.get(f"/api/speakers/{top['name']}").json()
    assert by_id["id"] == by_name["id"] == top["id"]
    assert by_id["quotes"] == top["quotes"] == len(all_hits(client, speaker=str(top["id"])))
    assert top["name"] in by_id["aliases"] or by_id["aliases"] == []


@pytest.mark.parametrize(
    "path",
    [
        "/api/articles/no-such-article",
        "/api/clusters/999999",
        "/api/speakers/Zq%20Nobody",
        "/api/speakers/99999999999999999999999",
        "/api/speakers/99999999999999999999999/timeline",
        "/api/nothing-here",
    ],
)
def test_unknown_things_are_json_404(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404 and response.json()["error"]


def test_check_finds_a_real_quote_verbatim_and_asks_about_a_speaker(client: httpx.Client) -> None:
    hit = next(
        h
        for h in all_hits(client, limit=100)
        if len(h["text"].split()) >= 6 and h["type"] == "direct" and h["speaker"]
    )
    report = client.get("/api/check", params={"text": hit["text"]}).json()
    assert report["verdict"] == "verbatim" and report["best"]["cluster_id"] == hit["cluster_id"]
    assert [a["kind"] for a in report["best"]["alignment"]] == ["same"]
    asked = {"text": hit["text"], "speaker": "Nobody Known Here"}
    other = client.get("/api/check", params=asked).json()
    assert other["verdict"] == "not_found" and other["others"]["verdict"] == "verbatim"
    assert client.get("/api/check", params={"text": ""}).status_code == 422


def test_extract_returns_the_article_record(client: httpx.Client) -> None:
    text = (
        "Harbour plan approved\n\nThe Pellworth harbour board approved the plan on Tuesday.\n\n"
        '"We have waited ten years for this day," said Oriel Vantongeren, the board\'s chair.'
    )
    article = client.post("/api/extract", json={"text": text, "source": "Test Gazette"}).json()
    assert article["text"].endswith("board's chair.") and article["source"] == "Test Gazette"
    quote = next(q for q in article["quotes"] if "ten years" in q["text"])
    speaker = next(s for s in article["speakers"] if s["id"] == quote["speaker_id"])
    assert "Vantongeren" in speaker["name"]


def test_a_quote_without_a_speaker_is_served_as_such(client: httpx.Client) -> None:
    """Issue 14: a quotation no cue claims is still shown, with no speaker and a low
    confidence, by the API and on the paste page."""
    text = (
        "Posters appear on the Calder town hall\n\nResidents of Calder found the town hall "
        'covered in posters.\n\n"The river belongs to everyone, not to the mill owners."\n'
    )
    article = client.post("/api/extract", json={"text": text}).json()
    quote = next(q for q in article["quotes"] if "river belongs" in q["text"])
    assert quote["speaker_id"] is None and quote["confidence"] < 0.3
    page = client.post("/paste", data={"text": text, "url": ""}).text
    assert "no speaker found" in page and "river belongs" in page


def test_extract_reads_an_html_page(client: httpx.Client) -> None:
    page = (
        "<!doctype html><html><head><title>Quarry closes</title></head><body><article>"
        "<h1>Quarry closes</h1><p>The Hennock quarry shut on Friday after ninety years.</p>"
        '<p>"We cut the stone for half the county," said Tamsin Ruddle, its last foreman.</p>'
        "<script>var tracking = 1;</script></article></body></html>"
    )
    article = client.post("/api/extract", json={"text": page}).json()
    assert "<p>" not in article["text"] and "tracking" not in article["text"]
    assert any("half the county" in q["text"] for q in article["quotes"])


@pytest.mark.parametrize(
    ("body", "status"),
    [({"text": ""}, 422), ({"text": "   \n  "}, 422), ({"txt": "x"}, 422), ({"text": 5}, 422)],
)
def test_extract_rejects_bad_bodies(client: httpx.Client, body: dict, status: int) -> None:
    response = client.post("/api/extract", json=body)
    assert response.status_code == status and response.json()["error"]


def test_extract_refuses_more_than_a_megabyte(client: httpx.Client) -> None:
    response = client.post("/api/extract", json={"text": "word " * 210_000})
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]
    chunks = (b'{"text": "' + b"x" * 100_000 for _ in range(11))  # no Content-Length
    streamed = client.post(
        "/api/extract", content=chunks, headers={"content-type": "application/json"}
    )
    assert streamed.status_code == 413 and streamed.json()["error"]


@pytest.mark.parametrize("path", ["/", "/api/stats", "/static/style.css", "/api/nothing-here"])
def test_security_headers_everywhere(client: httpx.Client, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_openapi_publishes_the_data_contract(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    assert {"Article", "Quote", "Speaker", "QuoteHit", "Cluster", "SpeakerProfile"} <= set(
        schema["components"]["schemas"]
    )
    assert "/api/extract" in schema["paths"] and "/api/check" in schema["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/quotes" in docs.text


def test_the_store_is_never_written(client: httpx.Client, corpus_db: Path) -> None:
    before = hashlib.sha256(corpus_db.read_bytes()).hexdigest()
    client.get("/api/quotes", params={"text": "the"})
    client.get("/api/check", params={"text": "we will build it"})
    client.get("/")
    client.post("/api/extract", json={"text": 'Ann Other said: "Nothing is stored here."'})
    assert hashlib.sha256(corpus_db.read_bytes()).hexdigest() == before
    assert not Path(f"{corpus_db}-wal").exists() or Path(f"{corpus_db}-wal").stat().st_size == 0


def test_serve_without_a_corpus_is_one_clear_line(tmp_path: Path) -> None:
    done = saidwhat("serve", "--db", tmp_path / "missing.db", "--port", "9")
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "missing.db" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_article_identified_by_its_url(client: httpx.Client) -> None:
    ids = {h["article_id"] for h in all_hits(client, limit=100)}
    url_id = next((i for i in sorted(ids) if "://" in i), None)
    if url_id is None:
        pytest.skip("no article in this corpus is identified by its URL")
    encoded = quote(url_id, safe="/")
    assert client.get(f"/api/articles/{encoded}").json()["id"] == url_id
    assert client.get(f"/articles/{encoded}").status_code == 200


def test_an_article_links_its_speakers_and_quotes_into_the_corpus(client: httpx.Client) -> None:
    hits = all_hits(client, limit=100)
    shared = next(h for h in hits if h["cluster_size"] > 1 and h["speaker_id"])
    article = client.get(f"/api/articles/{shared['article_id']}").json()
    quote = next(q for q in article["quotes"] if q["id"] == shared["quote_id"])
    assert article["people"][quote["speaker_id"]] == shared["speaker_id"]
    assert set(article["people"]) == {s["id"] for s in article["speakers"]}
    ref = article["clusters"][shared["quote_id"]]
    cluster = client.get(f"/api/clusters/{ref['id']}").json()
    assert ref["id"] == shared["cluster_id"] and ref["size"] == cluster["size"]
    first = cluster["first"]
    assert (ref["first_article_id"], ref["first_source"], ref["first_date"]) == (
        first["article_id"],
        first["source"],
        first["date"],
    )
    schema = client.get("/openapi.json").json()["components"]["schemas"]
    assert {"people", "clusters"} <= set(schema["LinkedArticle"]["properties"])


def test_a_speakers_timeline_counts_their_dated_quotes_per_week(client: httpx.Client) -> None:
    top = client.get("/api/speakers").json()[0]
    weeks = client.get(f"/api/speakers/{top['id']}/timeline").json()
    dated = [h for h in all_hits(client, speaker=str(top["id"])) if len(h["date"] or "") == 10]
    assert sum(w["quotes"] for w in weeks) == len(dated) > 0
    assert [w["week"] for w in weeks] == sorted({w["week"] for w in weeks})
    assert client.get("/api/speakers/Zq%20Nobody/timeline").status_code == 404


def test_a_speaker_filter_beyond_any_id_finds_nothing(client: httpx.Client) -> None:
    response = client.get("/api/quotes", params={"speaker": str(2**64)})
    assert response.status_code == 200 and response.json()["items"] == []
