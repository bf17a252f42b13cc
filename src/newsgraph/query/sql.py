"""Any read-only SQL statement on the corpus, for questions the other commands do not ask.

The statement runs in a transaction the database itself keeps read-only
(`PRAGMA query_only` on SQLite, `SET TRANSACTION READ ONLY` on PostgreSQL),
and only one statement is accepted, so a `COMMIT; DELETE …` cannot end the
read-only transaction and write in a new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from newsgraph.query import QueryError

# What makes the transaction read-only, and what undoes it before the connection is reused.
_READ_ONLY: dict[str, tuple[str, str | None]] = {
    "sqlite": ("PRAGMA query_only=ON", "PRAGMA query_only=OFF"),
    "postgresql": ("SET TRANSACTION READ ONLY", None),
}
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
    begin, end = _READ_ONLY[conn.dialect.name]
    dbapi = conn.connection
    dbapi.rollback()  # a clean transaction, so the read-only setting comes first in it
    cursor = dbapi.cursor()
    try:
        cursor.execute(begin)
        cursor.execute(statement)
        columns = [d[0] for d in cursor.description or []]
        rows = [tuple(r) for r in cursor.fetchmany(limit + 1)] if columns else []
    except conn.dialect.loaded_dbapi.Error as exc:
        raise QueryError(_explain(exc)) from None
    finally:
        cursor.close()
        dbapi.rollback()
        if end:
            dbapi.cursor().execute(end)
    return SqlResult(columns, rows[:limit], len(rows) > limit)


def _explain(exc: Exception) -> str:
    """The database's complaint in one line, saying plainly when a write was refused."""
    message = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    lowered = message.lower()
    if "readonly" in lowered or "read-only" in lowered or "query_only" in lowered:
        return f"sql is read-only: the statement would change the corpus ({message})"
    return f"SQL error: {message}"
