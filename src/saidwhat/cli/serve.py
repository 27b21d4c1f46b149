"""``saidwhat serve``: the REST API and the web pages over a corpus, on localhost by default."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from saidwhat.cli.options import DB

if TYPE_CHECKING:
    from saidwhat.read.url import IPNetwork

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)


def serve_command(
    db: Path = DB,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    allow_private_urls: list[str] = typer.Option(
        [],
        "--allow-private-urls",
        metavar="NETWORK",
        help="Let the paste page fetch URLs on this non-public network too (repeatable), e.g."
        " 10.1.0.0/16 for an intranet news site (0.0.0.0/0 and ::/0: any address); by"
        " default it fetches from public addresses only.",
    ),
    workers: int = typer.Option(
        None,
        "--workers",
        min=1,
        help="Worker processes that extract pasted articles, each with its own language model"
        " (about 160 MB; more while it parses a long article); started as needed. Default:"
        " one per core, at most 4.",
    ),
    queue: int = typer.Option(
        None,
        "--queue",
        min=0,
        help="Extractions that may wait for a free worker; beyond that a request gets 429"
        " (Too Many Requests) with Retry-After. Default: 8.",
    ),
    time_limit: float = typer.Option(
        None,
        "--time-limit",
        min=1.0,
        metavar="SECONDS",
        help="Longest one extraction may run; a longer one is stopped (its worker replaced)"
        " and answered 504. Default: 60.",
    ),
) -> None:
    """Serve a corpus: web pages to search it and a REST API (docs at /docs).

    The corpus is opened read-only; nothing a visitor does changes it. Only when the
    environment variable SAIDWHAT_TOKEN is set can POST /api/articles store articles, and
    only for callers sending the header 'Authorization: Bearer <that token>'.

    A URL given on the paste page is fetched only from a public address: never from this
    machine, its network or a cloud metadata service, unless --allow-private-urls names it.
    Each request, redirects included, goes directly (no proxy) to the address that was
    checked, so a DNS answer that changes after the check is never used.

    Pasted articles (the paste page, POST /api/extract) are extracted in a pool of worker
    processes, so that reading the corpus never waits for them: --workers at once, --queue
    more waiting, each stopped after --time-limit seconds.

    Example: saidwhat serve --db news.db   then open http://127.0.0.1:8000/

    Example: saidwhat serve --db news.db --allow-private-urls 10.20.0.0/16
    """
    import uvicorn

    from saidwhat.serve import create_app
    from saidwhat.serve.workers import ExtractionPool

    token = os.environ.get("SAIDWHAT_TOKEN") or None
    allowed = [_network(value) for value in allow_private_urls]
    pool = ExtractionPool(workers, queue, time_limit)
    # a missing or foreign file: one line, exit 2
    app = create_app(db, token=token, allow_private_urls=allowed, extraction=pool)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"saidwhat: serving {db} at http://{shown}:{port}/ (Ctrl-C to stop)", err=True)
    if token:
        typer.echo("saidwhat: POST /api/articles stores articles (SAIDWHAT_TOKEN is set)", err=True)
    if host not in LOOPBACK:
        typer.echo(
            f"saidwhat: warning: listening on {host}, not only this machine: anyone who can"
            " reach it can read the corpus and run extractions",
            err=True,
        )
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def _network(value: str) -> IPNetwork:
    """An address or network given to --allow-private-urls (host bits may be set)."""
    try:
        return ipaddress.ip_network(value, strict=False)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--allow-private-urls") from None
