"""Fixtures for corpus runs: a gzip'd WARC written with warcio from invented pages.

Every page below is invented for these tests (people, places and outlets are fictional).
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ENGLISH_PAGES = {
    "https://www.harbourgazette.example/news/ferry-fares": (
        "Ferry fares to rise in Port Aldous",
        [
            "Ferry fares between Port Aldous and Kestrel Island will rise by ten percent in "
            "April, the regional transport board said on Tuesday.",
            '"We have held prices for four years, and fuel has doubled," said Mara Ellison, '
            "chair of the Kestrel Transport Board.",
            "Ellison said the board would publish a timetable for the new fares next week.",
            '"Islanders deserve better than this," said councillor Tobias Renn. He added that '
            "the council would ask the board to reconsider.",
        ],
    ),
    "https://valleypost.example/2026/03/library-reopens": (
        "Library reopens after flood repairs",
        [
            "The Dunmore Valley public library reopened on Monday after eight months of repairs "
            "following last year's flood, the town announced.",
            '"The children\'s room is bigger and brighter than before," librarian Oskar Vale '
            "told reporters at the ribbon cutting.",
            "Mayor Ines Calder said the town had spent less than planned on the repairs.",
            '"Every book that could be saved was saved," Calder said.',
        ],
    ),
    "https://northbeacon.example/sport/rowing-club": (
        "Rowing club wins regional title",
        [
            "The Lowmere Rowing Club won the regional eights title on Saturday, beating the "
            "holders by two lengths on a windy course.",
            '"The crew trained through the winter in the dark," coach Priya Anand said after '
            "the race.",
            "Club captain Felix Durant said the team would now aim for the national final in "
            "June, where it has never reached the podium.",
        ],
    ),
}

GERMAN_PAGE = (
    "Neue Brücke in Altenfurt eröffnet",
    [
        "Die neue Brücke über die Wiese in Altenfurt ist am Dienstag nach zwei Jahren Bauzeit "
        "für den Verkehr freigegeben worden.",
        '"Wir sind sehr froh, dass die Arbeiten pünktlich abgeschlossen wurden", sagte die '
        "Bürgermeisterin Hanna Kessler bei der Eröffnung.",
        "Die Stadt rechnet mit weniger Staus in der Innenstadt und mit mehr Radverkehr über "
        "die Brücke, die einen breiten Radweg hat.",
    ],
)

EXPECTED_ARTICLES = len(ENGLISH_PAGES)
EXPECTED_SKIPS = {"HTTP status": 1, "not HTML": 1, "not English": 1, "empty page": 1}


def page_html(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>Contact us. Share this.</footer></body></html>"
    )


def _response(writer: WARCWriter, uri: str, status: str, ctype: str, body: bytes) -> None:
    http_headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=BytesIO(body),
        http_headers=http_headers,
        warc_headers_dict={"WARC-Date": "2026-03-17T08:15:00Z"},
    )
    writer.write_record(record)


def write_warc(path: Path) -> Path:
    """A CC-NEWS-like gzip'd WARC: warcinfo, request records, and responses of every kind."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for uri, (title, paragraphs) in ENGLISH_PAGES.items():
            request = writer.create_warc_record(
                uri, "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
            writer.write_record(request)
            html = page_html(title, paragraphs).encode("utf-8")
            _response(writer, uri, "200 OK", "text/html; charset=utf-8", html)
        _response(
            writer,
            "https://harbourgazette.example/report.pdf",
            "200 OK",
            "application/pdf",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n",
        )
        _response(
            writer,
            "https://valleypost.example/missing",
            "404 Not Found",
            "text/html",
            page_html("Not found", ["The page you asked for does not exist."]).encode(),
        )
        _response(
            writer,
            "https://altenfurter-bote.example/bruecke",
            "200 OK",
            "text/html; charset=iso-8859-1",
            page_html(*GERMAN_PAGE).encode("iso-8859-1"),
        )
        _response(
            writer,
            "https://northbeacon.example/empty",
            "200 OK",
            "text/html",
            b"<html><head><title>Loading</title></head><body><script>load()</script></body></html>",
        )
    return path


@dataclass
class WarcFixture:
    """The fixture WARC and what reading it must give."""

    path: Path
    urls: list[str]
    articles: int
    skips: dict[str, int]


@pytest.fixture(scope="session")
def warc(tmp_path_factory: pytest.TempPathFactory) -> WarcFixture:
    path = write_warc(tmp_path_factory.mktemp("warc") / "news-fixture.warc.gz")
    return WarcFixture(path, list(ENGLISH_PAGES), EXPECTED_ARTICLES, EXPECTED_SKIPS)
