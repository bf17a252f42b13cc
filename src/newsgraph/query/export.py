"""Whole tables out of the corpus as JSON lines, CSV or Parquet, streamed in batches
(and events as GDELT 2.0 event rows: query/gdelt.py).

Rows are read through `yield_per` (a server-side cursor on PostgreSQL), so
memory stays flat however large the table. JSON columns stay nested in JSON
lines and become JSON text in CSV and Parquet; binary columns (the MinHash
signatures) are internal and left out. `articles` as JSON lines gives each
article's full public record (schema newsgraph.article/1), nothing else.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Literal

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ColumnElement,
    Connection,
    Float,
    Integer,
    LargeBinary,
    Table,
    select,
)

from newsgraph.query import QueryError
from newsgraph.store.schema import metadata

Format = Literal["jsonl", "csv", "parquet", "gdelt"]
TABLES: dict[str, Table] = dict(metadata.tables)
BATCH = 1000

Batches = Iterator[Sequence[Any]]
Writer = Callable[[list[Column[Any]], Batches, Any], int]


def export(
    conn: Connection,
    table: str,
    fmt: Format,
    out: Path | IO[str],
    batch: int = BATCH,
    where: ColumnElement[bool] | None = None,
) -> int:
    """Write every row of `table` to `out` (a file, or a text stream for jsonl/csv); the count.

    `where`, a test on that table (`quote_filter`, `event_filter`), keeps the
    rows an explorer's filters select. A file is written beside its final name
    and moved into place when complete, so a failed export never leaves a
    truncated file behind.
    """
    if table not in TABLES:
        raise QueryError(f"unknown table {table!r}: choose from {', '.join(sorted(TABLES))}")
    if fmt == "parquet" and not isinstance(out, Path):
        raise QueryError("Parquet is binary: give a file with -o, not stdout")
    if fmt == "gdelt":
        if table != "events":
            raise QueryError("GDELT's format holds events: use it with --table events")
        from newsgraph.query.gdelt import write_gdelt

        def gdelt(_columns: list[Column[Any]], _batches: Batches, sink: Any) -> int:
            with _text_sink(sink) as stream:
                return write_gdelt(conn, stream, batch, where)

        return _write(gdelt, [], iter(()), out)
    source = TABLES[table]
    columns = [c for c in source.columns if not isinstance(c.type, LargeBinary)]
    if table == "articles" and fmt == "jsonl":
        columns = [source.c.record]
    query = select(*columns).order_by(*source.primary_key.columns)
    if where is not None:
        query = query.where(where)
    result = conn.execute(query, execution_options={"yield_per": batch})
    return _write(_WRITERS[fmt], columns, result.partitions(), out)


def _write(
    writer: Writer, columns: list[Column[Any]], batches: Batches, out: Path | IO[str]
) -> int:
    """Run `writer` on a stream, or on a file beside `out` moved into place when complete."""
    if not isinstance(out, Path):
        return writer(columns, batches, out)
    part = out.with_name(out.name + ".part")
    try:
        count = writer(columns, batches, part)
        part.replace(out)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return count


def _json_text(column: Column[Any], value: Any) -> Any:
    """JSON column values as JSON text, for formats with flat cells."""
    if isinstance(column.type, JSON) and value is not None:
        return json.dumps(value, ensure_ascii=False)
    return value


@contextmanager
def _text_sink(out: Path | IO[str]) -> Iterator[IO[str]]:
    """A text stream on `out`, closed afterwards only if opened here (never stdout)."""
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as sink:
            yield sink
    else:
        yield out


def _jsonl(columns: list[Column[Any]], batches: Batches, out: Any) -> int:
    names = [c.name for c in columns]
    record_only = names == ["record"]
    count = 0
    with _text_sink(out) as sink:
        for rows in batches:
            for row in rows:
                value = row[0] if record_only else dict(zip(names, row, strict=True))
                sink.write(json.dumps(value, ensure_ascii=False) + "\n")
            count += len(rows)
    return count


def _csv(columns: list[Column[Any]], batches: Batches, out: Any) -> int:
    count = 0
    with _text_sink(out) as sink:
        writer = csv.writer(sink)
        writer.writerow(c.name for c in columns)
        for rows in batches:
            writer.writerows(
                [_json_text(c, v) for c, v in zip(columns, row, strict=True)] for row in rows
            )
            count += len(rows)
    return count


def _arrow_type(column: Column[Any]) -> Any:
    import pyarrow as pa

    if isinstance(column.type, Boolean):
        return pa.bool_()
    if isinstance(column.type, Integer):
        return pa.int64()
    if isinstance(column.type, Float):
        return pa.float64()
    return pa.string()


def _parquet(columns: list[Column[Any]], batches: Batches, out: Any) -> int:
    """One Parquet row group per batch, with a schema fixed by the column types."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([pa.field(c.name, _arrow_type(c), nullable=c.nullable) for c in columns])
    count = 0
    with pq.ParquetWriter(str(out), schema) as writer:
        for rows in batches:
            cells = {c.name: [_json_text(c, row[i]) for row in rows] for i, c in enumerate(columns)}
            writer.write_table(pa.Table.from_pydict(cells, schema=schema))
            count += len(rows)
    return count


_WRITERS: dict[str, Writer] = {"jsonl": _jsonl, "csv": _csv, "parquet": _parquet}
