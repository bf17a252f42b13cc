from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from sqlalchemy import Connection, func, select

from newsgraph.query import QueryError
from newsgraph.query.events import event_filter, find_events
from newsgraph.query.export import export
from newsgraph.query.quotes import find_quotes, quote_filter
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


def test_an_export_keeps_the_quotes_the_filters_select(conn: Connection) -> None:
    for filters in (
        {"speaker": "Peskov"},
        {"about": "Assad"},
        {"since": date(2016, 3, 16)},
        {"speaker": "Putin", "until": date(2016, 3, 15)},
    ):
        out = io.StringIO()
        count = export(conn, "quotes", "jsonl", out, where=quote_filter(**filters))
        exported = {json.loads(line)["id"] for line in out.getvalue().splitlines()}
        listed = {q.id for q in find_quotes(conn, limit=10_000, **filters)}
        assert exported == listed and count == len(listed) < _count(conn), filters
    assert export(conn, "quotes", "csv", io.StringIO(), where=quote_filter()) == _count(conn)


def test_an_export_keeps_the_events_the_filters_select(event_conn: Connection) -> None:
    out = io.StringIO()
    assert export(event_conn, "events", "csv", out, where=event_filter(actor="Putin")) == 2
    types = [row["type"] for row in csv.DictReader(io.StringIO(out.getvalue()))]
    assert sorted(types) == ["CONSULT", "RETREAT"]
    gdelt = io.StringIO()
    # one row per actor pair: the United States and the European Union sanction Russia
    assert export(event_conn, "events", "gdelt", gdelt, where=event_filter(type="sanction")) == 2
    assert {line.split("\t")[26] for line in gdelt.getvalue().splitlines()} == {"163"}
    for filters in ({"recipient": "RUS"}, {"since": date(2016, 3, 16)}, {"actor": "Syria"}):
        out = io.StringIO()
        export(event_conn, "events", "jsonl", out, where=event_filter(**filters))
        exported = [json.loads(line) for line in out.getvalue().splitlines()]
        listed = find_events(event_conn, limit=1000, **filters)
        assert exported and sorted((e["article_id"], e["seq"]) for e in exported) == sorted(
            (e.article_id, e.seq) for e in listed
        ), filters
