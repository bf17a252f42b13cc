from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from newsgraph.query import QueryError
from newsgraph.query.sql import run_sql
from newsgraph.store import open_store

from tests.query.corpus import build


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


@pytest.mark.parametrize(
    "statement",
    [
        "PRAGMA journal_mode=DELETE",
        "pragma /* a comment */ user_version = 7",
        "PRAGMA query_only=OFF",
        "PRAGMA wal_checkpoint",
        "VACUUM",
        "VACUUM INTO '{folder}/copy.db'",
        "ATTACH '{folder}/other.db' AS other",
        "DETACH main",
    ],
)
def test_sqlite_statements_that_set_or_make_files_are_refused(
    conn: Connection, statement: str, tmp_path: Path
) -> None:
    if conn.dialect.name != "sqlite":
        pytest.skip("SQLite statements")
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    mode = run_sql(conn, "PRAGMA journal_mode").rows
    with pytest.raises(QueryError, match="read-only") as caught:
        run_sql(conn, statement.format(folder=folder))
    assert "\n" not in str(caught.value)
    assert list(folder.iterdir()) == []
    assert run_sql(conn, "PRAGMA journal_mode").rows == mode
    assert run_sql(conn, "PRAGMA user_version").rows == [(0,)]


def test_pragmas_that_only_report_are_allowed(conn: Connection) -> None:
    if conn.dialect.name != "sqlite":
        pytest.skip("SQLite statements")
    columns = {row[1] for row in run_sql(conn, "PRAGMA table_info(articles)").rows}
    assert {"id", "title", "published"} <= columns
    assert run_sql(conn, "SELECT count(*) FROM pragma_table_info('quotes')").rows[0][0] > 0


def test_a_corpus_opened_read_only_stays_read_only_after_a_query(db_url: str) -> None:
    build(db_url).dispose()
    engine = open_store(db_url, readonly=True)
    try:
        with engine.connect() as conn:
            assert run_sql(conn, "SELECT count(*) FROM articles").rows == [(3,)]
            with pytest.raises(DBAPIError):
                conn.execute(text("DELETE FROM failures"))
    finally:
        engine.dispose()
