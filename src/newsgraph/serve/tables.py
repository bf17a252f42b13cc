"""The table pages: the quotes and events explorers, and their exports.

The same filters as `newsgraph quotes` and `newsgraph events`, through the same
query functions; an export is `newsgraph export`'s code, given the filters as
a test on the table (`quote_filter`, `event_filter`), to a file sent back: the
rows the explorer's filters select, every one of them (the table shows the
first `limit`).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from sqlalchemy import ColumnElement, Connection
from starlette.background import BackgroundTask

from newsgraph.query import QueryError
from newsgraph.query.events import event_filter, find_events, plover_types
from newsgraph.query.export import Format, export
from newsgraph.query.quotes import find_quotes, quote_filter
from newsgraph.serve.rendering import Conn, day, error_page, page
from newsgraph.serve.views import PageError

router = APIRouter(include_in_schema=False)
# format -> (file suffix, media type, label on the button)
EXPORTS: dict[Format, tuple[str, str, str]] = {
    "csv": (".csv", "text/csv", "CSV"),
    "jsonl": (".jsonl", "application/x-ndjson", "JSON lines"),
    "parquet": (".parquet", "application/vnd.apache.parquet", "Parquet"),
    "gdelt": (".gdelt.tsv", "text/tab-separated-values", "GDELT TSV"),
}
QUOTE_EXPORTS: tuple[Format, ...] = ("csv", "jsonl", "parquet")
EVENT_EXPORTS: tuple[Format, ...] = ("csv", "jsonl", "parquet", "gdelt")
Limit = Annotated[int, Query(ge=1, le=1000)]


@dataclass(slots=True)
class QuoteFilters:
    """The quotes explorer's filters, as the form sends them ("" for not given)."""

    speaker: str = ""
    about: str = ""
    since: str = ""
    until: str = ""

    def args(self) -> tuple[str | None, str | None, date | None, date | None]:
        """`find_quotes`' and `quote_filter`'s arguments; a malformed date is a PageError."""
        since, until = day(self.since, "since"), day(self.until, "until")
        return self.speaker or None, self.about or None, since, until


@dataclass(slots=True)
class EventFilters:
    """The events explorer's filters, as the form sends them ("" for not given)."""

    actor: str = ""
    recipient: str = ""
    type: str = ""
    since: str = ""
    until: str = ""

    def args(self) -> tuple[str | None, str | None, str | None, date | None, date | None]:
        """`find_events`' and `event_filter`'s arguments; a malformed date is a PageError."""
        since, until = day(self.since, "since"), day(self.until, "until")
        return self.actor or None, self.recipient or None, self.type or None, since, until


def _exports(
    table: str, fmts: tuple[Format, ...], filters: QuoteFilters | EventFilters
) -> list[tuple[str, str]]:
    """(label, href) of each export button, carrying the filters given."""
    given = urlencode({k: v for k, v in asdict(filters).items() if v})
    return [(EXPORTS[f][2], f"/{table}/export.{f}" + (f"?{given}" if given else "")) for f in fmts]


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    conn: Conn,
    filters: Annotated[QuoteFilters, Depends()],
    limit: Limit = 100,
) -> HTMLResponse:
    """The quotes explorer: `newsgraph quotes` with its filters, as a table."""
    try:
        rows = find_quotes(conn, *filters.args(), limit=limit)
    except PageError as exc:
        return error_page(request, exc)
    return page(
        request,
        "quotes.html",
        title="Quotes",
        rows=rows,
        filters={**asdict(filters), "limit": limit},
        exports=_exports("quotes", QUOTE_EXPORTS, filters),
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    conn: Conn,
    filters: Annotated[EventFilters, Depends()],
    limit: Limit = 100,
) -> HTMLResponse:
    """The events explorer: `newsgraph events` with its filters, as a table."""
    try:
        rows = find_events(conn, *filters.args(), limit=limit)
    except PageError as exc:
        return error_page(request, exc)
    except QueryError as exc:
        return error_page(request, PageError(400, str(exc)))
    return page(
        request,
        "events.html",
        title="Events",
        rows=rows,
        filters={**asdict(filters), "limit": limit},
        types=plover_types(),
        exports=_exports("events", EVENT_EXPORTS, filters),
    )


@router.get("/quotes/export.{fmt}")
def quotes_export(
    request: Request, conn: Conn, fmt: str, filters: Annotated[QuoteFilters, Depends()]
) -> Response:
    """The quotes the explorer's filters select, as `newsgraph export --table quotes`
    writes them."""
    return _export(
        request, conn, "quotes", fmt, QUOTE_EXPORTS, lambda: quote_filter(*filters.args())
    )


@router.get("/events/export.{fmt}")
def events_export(
    request: Request, conn: Conn, fmt: str, filters: Annotated[EventFilters, Depends()]
) -> Response:
    """The events the explorer's filters select, as `newsgraph export --table events` writes
    them (`gdelt`: GDELT 2.0 event rows)."""
    return _export(
        request, conn, "events", fmt, EVENT_EXPORTS, lambda: event_filter(*filters.args())
    )


def _export(
    request: Request,
    conn: Connection,
    table: str,
    fmt: str,
    fmts: tuple[Format, ...],
    where: Callable[[], ColumnElement[bool]],
) -> Response:
    """The rows of `table` passing `where()` as a file in `fmt`, one of `fmts`."""
    chosen = next((f for f in fmts if f == fmt), None)
    if chosen is None:
        choices = ", ".join(fmts)
        return error_page(request, PageError(404, f"no {table} export as {fmt!r}: {choices}"))
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-export-"))
    suffix, media_type, _ = EXPORTS[chosen]
    out = folder / f"{table}{suffix}"
    try:
        export(conn, table, chosen, out, where=where())
    except (PageError, QueryError, ImportError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        return error_page(request, _as_page_error(exc))
    return FileResponse(
        out,
        media_type=media_type,
        filename=out.name,
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )


def _as_page_error(exc: Exception) -> PageError:
    """A failed export as the error page says it: a bad filter is the user's (400), a missing
    optional package (Parquet's) the server's (500)."""
    if isinstance(exc, PageError):
        return exc
    if isinstance(exc, QueryError):
        return PageError(400, str(exc))
    return PageError(500, f"the export failed: {exc}")
