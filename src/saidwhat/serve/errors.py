"""Errors as the client expects them: ``{"error": "..."}`` JSON with the right status under
/api, a readable HTML page elsewhere. Bad input is never a 500."""

from __future__ import annotations

import logging
import sqlite3

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from saidwhat.errors import ModelError, SaidwhatError
from saidwhat.serve.render import page

log = logging.getLogger("saidwhat.serve")

TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    413: "Too large",
    429: "Busy",
    503: "Unavailable",
    504: "Timed out",
}


def _respond(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"error": message}, status_code=status)
    title = TITLES.get(status, "Unprocessable" if status == 422 else "Error")
    return page(request, "error.html", status, title=title, message=message)


def validation_message(exc: RequestValidationError) -> str:
    """One line naming each bad field and why, e.g. ``query.limit: Input should be ≤ 200``."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()))
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    """Register the handlers on the app."""

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        response = _respond(request, exc.status_code, str(exc.detail))
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return _respond(request, 422, validation_message(exc))

    @app.exception_handler(ModelError)
    async def no_model(request: Request, exc: ModelError) -> Response:
        log.error("extraction model unavailable: %s", exc)
        return _respond(request, 503, f"extraction is unavailable on this server: {exc}")

    @app.exception_handler(SaidwhatError)
    async def unusable(request: Request, exc: SaidwhatError) -> Response:
        return _respond(request, 422, str(exc))

    @app.exception_handler(sqlite3.Error)
    async def store_unreadable(request: Request, exc: sqlite3.Error) -> Response:
        log.error("corpus error on %s: %s", request.url.path, exc)
        return _respond(request, 503, f"the corpus cannot be read right now ({exc})")

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return _respond(request, 500, "internal server error")
