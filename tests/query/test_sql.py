from __future__ import annotations

import pytest
from sqlalchemy import Connection, text

from newsgraph.query import QueryError
from newsgraph.query.sql import run_sql


def test_select(conn: Connection) -> None:
    result = run_sql(conn, "SELECT title FROM articles ORDER BY id;")
    assert result.columns == ["title"]
    assert result.rows[0] == ("Putin's Pullout: Behind Russia's New Syria Surprise",)
    assert run_sql(conn, "SELECT 'a;b' AS x -- c;d").rows == [("a;b",)]


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM quotes",
        "UPDATE articles SET title = 'x'",
        "CREATE TABLE notes (a INTEGER)",
        "DROP TABLE meta",
    ],
)
def test_writes_are_refused_and_change_nothing(conn: Connection, statement: str) -> None:
    with pytest.raises(QueryError, match="read-only"):
        run_sql(conn, statement)
    assert run_sql(conn, "SELECT count(*) FROM quotes").rows[0][0] > 0
    assert run_sql(conn, "SELECT title FROM articles WHERE title = 'x'").rows == []


def test_one_statement_only(conn: Connection) -> None:
    with pytest.raises(QueryError, match="one statement"):
        run_sql(conn, "SELECT 1; COMMIT; DELETE FROM quotes")
    with pytest.raises(QueryError, match="no SQL"):
        run_sql(conn, " ; -- nothing")


def test_errors_are_one_line(conn: Connection) -> None:
    with pytest.raises(QueryError, match="SQL error") as caught:
        run_sql(conn, "SELECT nonsense FROM nowhere")
    assert "\n" not in str(caught.value)


def test_limit_and_the_connection_stays_writable(conn: Connection) -> None:
    result = run_sql(conn, "SELECT id FROM quotes", limit=2)
    assert len(result.rows) == 2 and result.truncated
    conn.execute(text("DELETE FROM failures"))  # the read-only setting did not leak
    conn.rollback()
