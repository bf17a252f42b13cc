"""The table pages: the quotes and events explorers, and the quotes table's export.

The same filters as `newsgraph quotes` and `newsgraph events`, through the same
query functions; the export is `newsgraph export`'s code, to a file sent back.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.background import BackgroundTask

from newsgraph.query import QueryError
from newsgraph.query.events import find_events, plover_types
from newsgraph.query.export import export
from newsgraph.query.quotes import find_quotes
from newsgraph.serve.rendering import Conn, day, error_page, page
from newsgraph.serve.views import PageError

router = APIRouter(include_in_schema=False)
EXPORTS = {
    "csv": "text/csv",
    "jsonl": "application/x-ndjson",
    "parquet": "application/octet-stream",
}


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    conn: Conn,
    speaker: str = "",
    about: str = "",
    since: str = "",
    until: str = "",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> HTMLResponse:
    """The quotes explorer: `newsgraph quotes` with its filters, as a table."""
    filters = {"speaker": speaker, "about": about, "since": since, "until": until, "limit": limit}
    try:
        rows = find_quotes(
            conn,
            speaker=speaker or None,
            about=about or None,
            since=day(since, "since"),
            until=day(until, "until"),
            limit=limit,
        )
    except PageError as exc:
        return error_page(request, exc)
    return page(request, "quotes.html", title="Quotes", rows=rows, filters=filters)


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    conn: Conn,
    actor: str = "",
    recipient: str = "",
    type: str = "",
    since: str = "",
    until: str = "",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> HTMLResponse:
    """The events explorer: `newsgraph events` with its filters, as a table."""
    filters = {
        "actor": actor,
        "recipient": recipient,
        "type": type,
        "since": since,
        "until": until,
        "limit": limit,
    }
    try:
        rows = find_events(
            conn,
            actor=actor or None,
            recipient=recipient or None,
            type=type or None,
            since=day(since, "since"),
            until=day(until, "until"),
            limit=limit,
        )
    except PageError as exc:
        return error_page(request, exc)
    except QueryError as exc:
        return error_page(request, PageError(400, str(exc)))
    return page(
        request, "events.html", title="Events", rows=rows, filters=filters, types=plover_types()
    )


@router.get("/quotes/export.{fmt}")
def quotes_export(request: Request, conn: Conn, fmt: str) -> Response:
    """The whole quotes table as CSV, JSON lines or Parquet, as `newsgraph export` writes it."""
    if fmt not in EXPORTS:
        return error_page(request, PageError(404, f"no export as {fmt!r}: csv, jsonl or parquet"))
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-export-"))
    out = folder / f"quotes.{fmt}"
    try:
        export(conn, "quotes", fmt, out)  # type: ignore[arg-type]
    except (QueryError, ImportError) as exc:
        _remove(folder)
        return error_page(request, PageError(500, f"the export failed: {exc}"))
    return FileResponse(
        out, media_type=EXPORTS[fmt], filename=out.name, background=BackgroundTask(_remove, folder)
    )


def _remove(folder: Path) -> None:
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()
