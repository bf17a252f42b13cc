"""Opening a corpus: a SQLite file by default, or a PostgreSQL server by URL.

`open_store` connects, checks that the database is reachable and writable,
and brings its schema up to date (store/migrations.py). Every failure is a
`StoreError` with one clear line: a URL that cannot connect, a locked SQLite
file, a full disk. A file that is not our corpus (empty, another program's
SQLite database, not SQLite at all) is refused before anything is written to it.

Queries open the corpus read-only (`readonly=True`): a SQLite file through a
connection with `query_only` set (and read-only where the file cannot be
written), a PostgreSQL database in read-only transactions, so that they work
on a corpus the user may not write and cannot change it by mistake.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event
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


def open_store(
    db: str | None = None, *, create: bool = True, readonly: bool = False, wait_s: float = 30.0
) -> Engine:
    """An engine on an up-to-date corpus; `create=False` refuses a missing SQLite file.

    Query commands open with `readonly=True` (which implies `create=False`) so that
    a typo in `--db` says "no corpus" instead of silently creating an empty one, and
    nothing they run can write. `wait_s` is how long a SQLite writer waits for
    another process's lock before giving up.
    """
    from newsgraph.store.migrations import migrate

    url, where = database_url(db), db or DEFAULT_DB
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"not a database URL or file: {db}") from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            f"unsupported database {parsed.get_backend_name()!r}: use SQLite or PostgreSQL"
        )
    path = Path(parsed.database or "") if parsed.get_backend_name() == "sqlite" else None
    if path is not None:
        _check_sqlite_file(path, create=create and not readonly, wait_s=wait_s)
    if readonly:
        return _open_readonly(url, path, where, wait_s)
    engine = _engine(url, wait_s)
    try:
        migrate(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(explain(exc, where)) from None
    return engine


def _check_sqlite_file(path: Path, *, create: bool, wait_s: float) -> None:
    """Refuse, before anything is written, a file that is missing (unless creating)
    or that holds something other than a newsgraph corpus."""
    if not path.exists():
        if not create:
            raise StoreError(f"no corpus at {path} (run `newsgraph ingest` first, or pass --db)")
        if path.parent and not path.parent.is_dir():
            raise StoreError(f"cannot create {path}: no such folder {path.parent}")
        return
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a newsgraph corpus")
    if path.stat().st_size == 0:
        raise StoreError(
            f"{path} is an empty file, not a newsgraph corpus: "
            "nothing was written to it (delete it to make a corpus there)"
        )
    try:
        foreign = _is_foreign(path, wait_s)
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc):
            raise StoreError(f"{path} is not a newsgraph corpus (not a SQLite database)") from None
        raise StoreError(f"cannot read {path}: {exc}") from None
    if foreign:
        raise StoreError(
            f"{path} is another program's SQLite database, not a newsgraph corpus: "
            "nothing was written to it"
        )


def _is_foreign(path: Path, wait_s: float) -> bool:
    """Whether a SQLite file holds tables but no corpus: a corpus has a `meta` table
    with our schema version (or only the `meta` table, left by a stopped first run)."""
    conn, _ = _reader(path, wait_s=wait_s)
    try:
        tables = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith("sqlite_")
        ]
        if "meta" not in tables:
            return bool(tables)
        version = conn.execute("SELECT 1 FROM meta WHERE key = 'schema_version'").fetchone()
    finally:
        conn.close()
    return version is None and tables != ["meta"]


def _reader(path: Path, *, wait_s: float) -> tuple[sqlite3.Connection, bool]:
    """A connection that cannot change the file, and whether it had to be immutable."""
    try:
        return _connect_readonly(path, wait_s=wait_s), False
    except sqlite3.OperationalError as exc:
        # a read-only disk says "unable to open"; a folder the user may not write,
        # SQLITE_READONLY_DIRECTORY: either way no `-shm` can be made beside the file
        no_shm = getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_DIRECTORY"
        if not no_shm and "unable to open" not in str(exc):
            raise
    return _connect_readonly(path, immutable=True, wait_s=wait_s), True


def _connect_readonly(path: Path, *, immutable: bool = False, wait_s: float) -> sqlite3.Connection:
    """A sqlite3 connection with `query_only` set, checked by one read.

    The file is opened as it is: `mode=rw` never creates a file, and SQLite lowers
    it to read-only for a file the user may not write. Unlike a `mode=ro` one, such
    a connection removes on closing the `-wal` and `-shm` files that reading a WAL
    corpus makes. Where no `-shm` can be made (a read-only disk, or a folder only its
    owner may write), the file is opened `immutable`, without one: no writer is
    connected then, or it would have made the `-shm`, which a reader then shares.
    `?`, `#` and `%` in the file name are quoted, as SQLite URIs need.
    """
    name = quote(str(path.resolve()))
    uri = f"file:{name}?mode=ro&immutable=1" if immutable else f"file:{name}?mode=rw"
    conn = sqlite3.connect(uri, uri=True, timeout=wait_s, check_same_thread=False)
    try:
        conn.execute("PRAGMA query_only=ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def _open_readonly(url: str, path: Path | None, where: str, wait_s: float) -> Engine:
    """An engine that cannot write, on a corpus whose schema is current."""
    from newsgraph.store.migrations import check_current

    if path is None:  # PostgreSQL: every transaction read-only, enforced by the server
        options = "-c default_transaction_read_only=on"
        engine = create_engine(
            url, pool_pre_ping=True, connect_args={"connect_timeout": 10, "options": options}
        )
    else:
        try:
            conn, immutable = _reader(path, wait_s=wait_s)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read {where}: {exc}") from None
        conn.close()
        engine = create_engine(
            url, creator=lambda: _connect_readonly(path, immutable=immutable, wait_s=wait_s)
        )
    try:
        check_current(engine, where)
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(explain(exc, where)) from None
    except StoreError:
        engine.dispose()
        raise
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


def refresh_statistics(conn: Connection) -> None:
    """Let the query planner know the corpus's size, after an ingest.

    Without statistics SQLite takes every table to be the same size and sorts every
    statement for the first page of a list instead of walking `ix_articles_order`.
    `analysis_limit` samples each index rather than reading it whole, so this costs a
    fraction of a second however large the corpus (PostgreSQL's ANALYZE samples a fixed
    number of rows anyway).
    """
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA analysis_limit=400")
    conn.exec_driver_sql("ANALYZE")


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
