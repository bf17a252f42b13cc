"""Any read-only SQL statement on the corpus, for questions the other commands do not ask.

The statement runs in a transaction the database itself keeps read-only
(`PRAGMA query_only` on SQLite, `SET TRANSACTION READ ONLY` on PostgreSQL),
and only one statement is accepted, so a `COMMIT; DELETE …` cannot end the
read-only transaction and write in a new one. On SQLite, what query_only lets
through is refused by an authorizer, which SQLite asks about every action of
the compiled statement (so no spelling or comment gets past it): ATTACH and
DETACH (which create files, as `VACUUM INTO` does through an ATTACH) and any
PRAGMA but those that only read.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from newsgraph.query import QueryError

# What makes the transaction read-only (on SQLite, until it is set back as it was).
_READ_ONLY = {"sqlite": "PRAGMA query_only=ON", "postgresql": "SET TRANSACTION READ ONLY"}
# Pragmas that only report, whatever their argument (a table or index name)
_REPORTING_PRAGMAS = frozenset(
    {
        "collation_list",
        "compile_options",
        "database_list",
        "foreign_key_check",
        "foreign_key_list",
        "function_list",
        "index_info",
        "index_list",
        "index_xinfo",
        "integrity_check",
        "module_list",
        "pragma_list",
        "quick_check",
        "table_info",
        "table_list",
        "table_xinfo",
    }
)
# Settings that may be read (without an argument); with one, each would change something
_READABLE_SETTINGS = frozenset(
    {
        "application_id",
        "auto_vacuum",
        "cache_size",
        "data_version",
        "encoding",
        "foreign_keys",
        "freelist_count",
        "journal_mode",
        "page_count",
        "page_size",
        "query_only",
        "schema_version",
        "synchronous",
        "user_version",
    }
)
# String literals, quoted identifiers, dollar quotes and comments: where a ';' is not a separator.
_NOT_CODE = re.compile(
    r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\$(\w*)\$.*?\$\1\$|--[^\n]*|/\*.*?\*/", re.DOTALL
)


@dataclass(slots=True)
class SqlResult:
    """Column names and rows; `truncated` when more rows than the limit were left unread."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "columns": self.columns,
            "rows": [list(r) for r in self.rows],
            "truncated": self.truncated,
        }


def run_sql(conn: Connection, statement: str, limit: int = 1000) -> SqlResult:
    """Run one statement read-only; at most `limit` rows come back."""
    code = _NOT_CODE.sub(" ", statement).strip().rstrip(";").strip()
    if not code:
        raise QueryError("no SQL statement given")
    if ";" in code:
        raise QueryError("sql runs one statement at a time: remove the ';' between statements")
    dbapi = conn.connection
    sqlite = dbapi.driver_connection if conn.dialect.name == "sqlite" else None
    dbapi.rollback()  # a clean transaction, so the read-only setting comes first in it
    # how query_only was, to set it back: a corpus opened read-only keeps it on
    end = (
        f"PRAGMA query_only={sqlite.execute('PRAGMA query_only').fetchone()[0]}" if sqlite else None
    )
    cursor = dbapi.cursor()
    try:
        cursor.execute(_READ_ONLY[conn.dialect.name])
        if sqlite is not None:
            sqlite.set_authorizer(_authorize)
        cursor.execute(statement)
        columns = [d[0] for d in cursor.description or []]
        rows = [tuple(r) for r in cursor.fetchmany(limit + 1)] if columns else []
    except conn.dialect.loaded_dbapi.Error as exc:
        raise QueryError(_explain(exc)) from None
    finally:
        if sqlite is not None:
            sqlite.set_authorizer(None)
        cursor.close()
        dbapi.rollback()
        if end:
            dbapi.cursor().execute(end)
    return SqlResult(columns, rows[:limit], len(rows) > limit)


def _authorize(action: int, arg1: str | None, arg2: str | None, *_: str | None) -> int:
    """SQLite's question for each action of the statement: refuse what query_only allows
    but changes the corpus or the disk (files attached, pragmas that set)."""
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA:
        name = (arg1 or "").lower()
        reads = name in _REPORTING_PRAGMAS or (name in _READABLE_SETTINGS and arg2 is None)
        return sqlite3.SQLITE_OK if reads else sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def _explain(exc: Exception) -> str:
    """The database's complaint in one line, saying plainly when a write was refused."""
    message = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    lowered = message.lower()
    refused = ("readonly", "read-only", "query_only", "not authorized", "authorization denied")
    if any(word in lowered for word in refused):
        return f"sql is read-only: the statement would change the corpus ({message})"
    return f"SQL error: {message}"
