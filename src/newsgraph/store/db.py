"""Opening a corpus: a SQLite file by default, or a PostgreSQL server by URL.

`open_store` connects, checks that the database is reachable and writable,
and brings its schema up to date (store/migrations.py). Every failure is a
`StoreError` with one clear line: a URL that cannot connect, a locked SQLite
file, a full disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from newsgraph.errors import NewsgraphError

DEFAULT_DB = "newsgraph.db"


class StoreError(NewsgraphError):
    """The corpus database cannot be opened, read or written."""


def database_url(db: str | None) -> str:
    """A SQLAlchemy URL from what the user typed: a URL, or a path to a SQLite file."""
    db = db or DEFAULT_DB
    if "://" in db:
        if db.startswith(("postgres://", "postgresql://")):
            # psycopg 3 is the driver we ship; spell it out so SQLAlchemy picks it
            return "postgresql+psycopg://" + db.split("://", 1)[1]
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def open_store(db: str | None = None, *, create: bool = True, wait_s: float = 30.0) -> Engine:
    """An engine on an up-to-date corpus; `create=False` refuses a missing SQLite file.

    Query commands open with `create=False` so that a typo in `--db` says
    "no corpus" instead of silently creating an empty one. `wait_s` is how
    long a SQLite writer waits for another process's lock before giving up.
    """
    from newsgraph.store.migrations import migrate

    url = database_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"not a database URL or file: {db}") from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            f"unsupported database {parsed.get_backend_name()!r}: use SQLite or PostgreSQL"
        )
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "")
        if not create and not path.is_file():
            raise StoreError(f"no corpus at {path} (run `newsgraph ingest` first, or pass --db)")
        if path.parent and not path.parent.is_dir():
            raise StoreError(f"cannot create {path}: no such folder {path.parent}")
    engine = _engine(url, wait_s)
    try:
        migrate(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(explain(exc, db or DEFAULT_DB)) from None
    return engine


def _engine(url: str, wait_s: float) -> Engine:
    """The engine, with SQLite set for one writer and many readers (WAL) and for safety."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    engine = create_engine(url, connect_args={"timeout": wait_s})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


def explain(exc: DBAPIError, where: str) -> str:
    """One line for a database error, naming the usual causes in words."""
    message = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    lowered = message.lower()
    if "database is locked" in lowered:
        return f"{where} is locked by another process; try again when it has finished"
    if "disk" in lowered and ("full" in lowered or "space" in lowered):
        return f"the disk holding {where} is full: nothing more was stored"
    if "unable to open" in lowered or "readonly" in lowered or "read-only" in lowered:
        return f"cannot write {where}: {message}"
    if "not a database" in lowered:
        return f"{where} is not a newsgraph corpus (not a SQLite database)"
    if "connect" in lowered:
        return f"cannot connect to the database {_safe(where)}: {message}"
    return f"database error on {_safe(where)}: {message}"


def _safe(where: str) -> str:
    """The URL without its password, for messages."""
    if "://" not in where:
        return where
    try:
        return make_url(where).render_as_string(hide_password=True)
    except ArgumentError:
        return where
