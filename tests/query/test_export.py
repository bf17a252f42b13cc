from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from sqlalchemy import Connection, func, select

from newsgraph.query import QueryError
from newsgraph.query.export import export
from newsgraph.schema import validate_article
from newsgraph.store.schema import quotes


def _count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(quotes)).scalar_one())


def test_jsonl_keeps_json_columns_nested(conn: Connection) -> None:
    out = io.StringIO()
    assert export(conn, "quotes", "jsonl", out, batch=4) == _count(conn)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(rows) == _count(conn) and isinstance(rows[0]["hedges"], list)


def test_articles_as_jsonl_are_the_full_public_records(conn: Connection) -> None:
    out = io.StringIO()
    assert export(conn, "articles", "jsonl", out) == 3
    for line in out.getvalue().splitlines():
        validate_article(json.loads(line))


def test_csv_has_a_header_and_json_text_cells(conn: Connection, tmp_path: Path) -> None:
    path = tmp_path / "entities.csv"
    count = export(conn, "entities", "csv", path, batch=5)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == count > 5
    assert json.loads(rows[0]["kb"]) and "minhash" not in rows[0]


def test_parquet_in_batches(conn: Connection, tmp_path: Path) -> None:
    path = tmp_path / "quotes.parquet"
    assert export(conn, "quotes", "parquet", path, batch=7) == _count(conn)
    table = pq.read_table(path)
    assert table.num_rows == _count(conn)
    assert table.schema.field("content_start").type == "int64"
    assert not list(tmp_path.glob("*.part"))


def test_bad_requests(conn: Connection, tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="unknown table 'nope'"):
        export(conn, "nope", "jsonl", io.StringIO())
    with pytest.raises(QueryError, match="Parquet is binary"):
        export(conn, "quotes", "parquet", io.StringIO())
    with pytest.raises(FileNotFoundError):
        export(conn, "quotes", "csv", tmp_path / "missing" / "q.csv")


def test_events_and_their_parties_export_like_any_table(
    event_conn: Connection, tmp_path: Path
) -> None:
    path = tmp_path / "events.parquet"
    assert export(event_conn, "events", "parquet", path) == 5
    table = pq.read_table(path)
    assert table.column("type").to_pylist()[:3] == ["RETREAT", "CONSULT", "SANCTION"]
    assert json.loads(table.column("record").to_pylist()[0])["trigger"]["text"] == (
        "ordered the withdrawal"
    )
    out = io.StringIO()
    assert export(event_conn, "event_parties", "csv", out) == 11
    assert "Syrian forces" in out.getvalue()
