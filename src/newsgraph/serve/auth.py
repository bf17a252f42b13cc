"""The token rule: with a token set, every request (API, pages, assets) must carry it.

An API client sends `Authorization: Bearer T`. A browser cannot add that header
to the pages it opens, so `/login?token=T` checks the token once and sets it as
the `newsgraph_token` cookie (HttpOnly, SameSite=Strict, so other sites' pages
can neither read it nor make the browser send it), then goes to the home page.
Tokens are compared in constant time.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.responses import RedirectResponse

from newsgraph.serve.errors import error

COOKIE = "newsgraph_token"
LOGIN = "/login"


def _given(request: Request) -> str | None:
    """The token a request carries: its bearer header, else its cookie."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.cookies.get(COOKIE)


def _matches(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def install(app: FastAPI, token: str | None) -> None:
    """Require `token` on every request to `app`; no-op without one."""
    if not token:
        return

    @app.middleware("http")
    async def require_token(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if request.url.path == LOGIN:
            if not _matches(request.query_params.get("token"), token):
                return error(401, "wrong or missing token: open /login?token=YOUR_TOKEN")
            response = RedirectResponse("/", status_code=303)
            response.set_cookie(COOKIE, token, httponly=True, samesite="strict")
            return response
        if not _matches(_given(request), token):
            failed = error(401, "this server needs a token: send Authorization: Bearer TOKEN")
            failed.headers["WWW-Authenticate"] = "Bearer"
            return failed
        return await call_next(request)
