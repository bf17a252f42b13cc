"""How every page is rendered and sent: the templates, the security headers, the connection.

Jinja2 with autoescaping on: article text is never markup, except the
annotated article, which `render.html` builds and escapes. Every page goes
out with a Content-Security-Policy that runs only the app's own scripts, so
text that slipped through as markup still could not run.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader
from sqlalchemy import Connection

from newsgraph.serve import views
from newsgraph.serve.views import PageError

templates = Jinja2Templates(
    env=Environment(
        loader=PackageLoader("newsgraph", "serve/templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
)
templates.env.globals["safe_url"] = views.safe_url
templates.env.filters["snippet"] = views.snippet_parts

# Scripts only from the app's own files; inline styles are allowed because the vendored
# chart and graph libraries set some (a style cannot run code).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)


def connection(request: Request) -> Iterator[Connection]:
    with request.app.state.engine.connect() as conn:
        yield conn


Conn = Annotated[Connection, Depends(connection)]


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Template `name` rendered, with the headers that keep untrusted text inert."""
    response = templates.TemplateResponse(request, name, context, status_code=status)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def error_page(request: Request, exc: PageError) -> HTMLResponse:
    return page(request, "error.html", exc.status, message=str(exc), title="Error")


def day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PageError(400, f"{name} must be a date like 2016-03-15, not {value!r}") from None
