"""The FastAPI application over one corpus.

Queries read through one read-only engine (`state.engine`). What needs more is
made on first use and held until shutdown: the guarded analysis worker
(`state.analyser()`, for `/analyze` and `/ingest`) and the one engine that may
write (`state.writer()`, for `/ingest`), whose writes take turns (`write_lock`).
SQLite readers and the writer work side by side (WAL, with a busy timeout);
PostgreSQL isolates them itself. No CORS headers are sent: other sites' pages
cannot read the API.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from typing import Generic, TypeVar

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine

from newsgraph.errors import TIME_LIMIT_S
from newsgraph.run.guard import Guarded, Job
from newsgraph.serve import api, auth, errors, pages
from newsgraph.serve.analysis import Analysed, Upload, analyse, failed, warm_up
from newsgraph.serve.uploads import MAX_BYTES
from newsgraph.store.db import DEFAULT_DB, open_store

T = TypeVar("T")


class Lazy(Generic[T]):
    """`make()` on first use (from any thread), then the same one; `close` undoes it if made."""

    def __init__(self, make: Callable[[], T], close: Callable[[T], object]) -> None:
        self._make, self._close = make, close
        self._made: list[T] = []
        self._lock = threading.Lock()

    def __call__(self) -> T:
        with self._lock:
            if not self._made:
                self._made.append(self._make())
            return self._made[0]

    def close(self) -> None:
        with self._lock:
            while self._made:
                self._close(self._made.pop())


def create_app(
    db: str | None = None,
    *,
    token: str | None = None,
    max_upload_bytes: int = MAX_BYTES,
    time_limit_s: float = TIME_LIMIT_S,
) -> FastAPI:
    """The app serving the corpus `db` (a SQLite file or a PostgreSQL URL).

    Raises StoreError, before anything is served, when there is no corpus there.
    """
    engine = open_store(db, readonly=True)
    job: Job[Upload, Analysed] = Job(analyse, failed, warm_up)
    analyser = Lazy(lambda: Guarded(job, limit_s=time_limit_s), Guarded.close)
    writer = Lazy(lambda: open_store(db), Engine.dispose)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        analyser.close()
        writer.close()
        engine.dispose()

    app = FastAPI(title="newsgraph", docs_url="/docs", redoc_url=None, lifespan=lifespan)
    app.state.db = db
    app.state.db_name = db or DEFAULT_DB
    app.state.token = token
    app.state.engine = engine
    app.state.analyser = analyser
    app.state.writer = writer
    app.state.write_lock = threading.Lock()
    app.state.max_upload_bytes = max_upload_bytes
    app.state.time_limit_s = time_limit_s
    errors.install(app)
    auth.install(app, token)
    app.include_router(api.router, prefix="/api/v1")
    app.include_router(pages.router)
    static = resources.files("newsgraph").joinpath("serve/static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app
