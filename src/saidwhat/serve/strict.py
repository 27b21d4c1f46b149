"""Query parameters the API does not know are an error, not ignored: ``/api/quotes?q=ferry``
(the parameter is ``text``) listed the newest quotes as if nothing had been asked (issue 11).
The known ones are read from the app's own OpenAPI schema, so the answer and the published
schema cannot disagree."""

from __future__ import annotations

from fastapi import HTTPException, Request


def known_parameters(request: Request) -> None:
    """422 naming the unknown query parameters and the known ones of this operation."""
    route = request.scope.get("route")
    operation = (
        request.app.openapi()
        .get("paths", {})
        .get(getattr(route, "path_format", ""), {})
        .get(request.method.lower())
    )
    if operation is None:  # not published (the write endpoint of a server without a token)
        return
    known = [p["name"] for p in operation.get("parameters", ()) if p["in"] == "query"]
    unknown = sorted(set(request.query_params) - set(known))
    if unknown:
        names = ", ".join(f"query.{name}" for name in unknown)
        raise HTTPException(
            422,
            f"{names}: unknown parameter (known: {', '.join(known) or 'none'})",
        )
