"""The FastAPI application over one corpus."""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from newsgraph.serve import api, pages
from newsgraph.store.db import open_store


def create_app(db: str | None = None, *, token: str | None = None) -> FastAPI:
    """The app serving the corpus `db` (a SQLite file or a PostgreSQL URL), read-only."""
    app = FastAPI(title="newsgraph", docs_url="/docs", redoc_url=None)
    app.state.db = db
    app.state.token = token
    app.state.engine = open_store(db, readonly=True)
    app.include_router(api.router, prefix="/api/v1")
    app.include_router(pages.router)
    static = resources.files("newsgraph").joinpath("serve/static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app
