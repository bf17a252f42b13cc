"""Every failure as JSON `{"error": "one line"}` with its status, never a traceback.

Mistakes in a request are 4xx (FastAPI's validation errors keep their details
beside the one line); a corpus that cannot be read, or an analysis worker
that cannot start, is 503; a bug is a 500 that says only "internal error",
its traceback going to the server's log. A request for a page (no such page,
a parameter of the wrong form) gets the same status and line as the web
app's error page instead of JSON.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException

from newsgraph.errors import NewsgraphError
from newsgraph.query import QueryError
from newsgraph.serve.views import PageError
from newsgraph.store.db import StoreError, explain

log = logging.getLogger("newsgraph.serve")


def error(status: int, message: str, **extra: object) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


def _for_page(request: Request, status: int, message: str) -> Response | None:
    """The error page, when `request` is for a page rather than the API or a file."""
    if request.url.path.startswith(_NOT_PAGES):
        return None
    from newsgraph.serve.rendering import error_page  # the templates, only once needed

    return error_page(request, PageError(status, message))


_NOT_PAGES = ("/api/", "/static/", "/assets/", "/docs", "/openapi.json")


async def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    page = _for_page(request, exc.status_code, str(exc.detail))
    response = page or error(exc.status_code, str(exc.detail))
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for problem in exc.errors():
        where = ".".join(str(part) for part in problem.get("loc", ()) if part != "query")
        problems.append(f"{where}: {problem.get('msg', 'invalid')}")
    message = "; ".join(problems) or "invalid request"
    return _for_page(request, 422, message) or error(422, message, detail=exc.errors())


async def _query(request: Request, exc: Exception) -> JSONResponse:
    return error(400, str(exc))


async def _store(request: Request, exc: Exception) -> JSONResponse:
    message = explain(exc, request.app.state.db_name) if isinstance(exc, DBAPIError) else str(exc)
    return error(503, message)


async def _bug(request: Request, exc: Exception) -> JSONResponse:
    log.exception("internal error on %s %s", request.method, request.url.path)
    return error(500, "internal error (see the server's log)")


def install(app: FastAPI) -> None:
    """Register the handlers on `app`."""
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(QueryError, _query)
    app.add_exception_handler(StoreError, _store)
    app.add_exception_handler(NewsgraphError, _store)  # e.g. the analysis worker cannot start
    app.add_exception_handler(DBAPIError, _store)
    app.add_exception_handler(Exception, _bug)
