"""`newsgraph quotes|events|timeline|search|entities|export|sql`: questions asked of a corpus.

Every command opens the corpus with `--db` (never creating one), prints a
Rich table, or one JSON document with `--json`. Finding nothing is not an
error: a note on stderr and exit 0. Mistakes (no corpus, unknown table,
bad or writing SQL) are one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from newsgraph.cli.common import app, fail, say, stdout
from newsgraph.query import QueryError
from newsgraph.store.db import DEFAULT_DB, StoreError

DbOption = Annotated[
    str, typer.Option("--db", help="The corpus: a SQLite file or a postgresql:// URL.")
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="One JSON document on stdout instead of a table.")
]
DateOption = Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"])]


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"


@contextmanager
def corpus(db: str) -> Iterator[Connection]:
    """A connection to an existing corpus; every failure becomes one line and an exit."""
    from newsgraph.store.db import explain, open_store

    try:
        engine = open_store(db, readonly=True)
    except StoreError as exc:
        raise fail(str(exc)) from None
    try:
        with engine.connect() as conn:
            yield conn
    except QueryError as exc:
        raise fail(str(exc)) from None
    except DBAPIError as exc:
        raise fail(explain(exc, db), 1) from None
    finally:
        engine.dispose()


def _json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n")


def _show(*tables: Any) -> None:
    for table in tables:
        stdout.print(table)


def _note(message: str) -> None:
    say("note", message)


@app.command()
def quotes(
    speaker: Annotated[
        str | None, typer.Option(help="Said by: entity name or key, or the speaker as written.")
    ] = None,
    about: Annotated[
        str | None, typer.Option(help="About: an entity mentioned in the quote, or its words.")
    ] = None,
    since: DateOption = None,
    until: DateOption = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many quotes.")] = 50,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Quotes by speaker, topic and publication date (since/until: YYYY-MM-DD, inclusive)."""
    from newsgraph.query.quotes import find_quotes
    from newsgraph.render.terminal import quotes_table

    with corpus(db) as conn:
        rows = find_quotes(
            conn,
            speaker=speaker,
            about=about,
            since=since.date() if since else None,
            until=until.date() if until else None,
            limit=limit,
        )
    if not rows:
        _note("no quotes match")
    if as_json:
        _json({"quotes": [r.to_dict() for r in rows]})
    elif rows:
        _show(quotes_table(rows))


@app.command()
def events(
    actor: Annotated[
        str | None,
        typer.Option(help="Done by: entity name or key, the words, or a country code (RUS)."),
    ] = None,
    recipient: Annotated[
        str | None, typer.Option(help="Done to: entity name or key, the words, or a country code.")
    ] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="Only this PLOVER type: CONSULT, SANCTION…")
    ] = None,
    since: DateOption = None,
    until: DateOption = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many events.")] = 50,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Who did what to whom: events by actor, recipient, type and date (inclusive)."""
    from newsgraph.query.events import find_events
    from newsgraph.render.terminal import events_table

    with corpus(db) as conn:
        rows = find_events(
            conn,
            actor=actor,
            recipient=recipient,
            type=event_type,
            since=since.date() if since else None,
            until=until.date() if until else None,
            limit=limit,
        )
    if not rows:
        _note("no events match")
    if as_json:
        _json({"events": [r.to_dict() for r in rows]})
    elif rows:
        _show(events_table(rows))


@app.command()
def timeline(
    entity: Annotated[str, typer.Argument(help="An entity name or key, e.g. 'Vladimir Putin'.")],
    svg: Annotated[Path | None, typer.Option(help="Also draw the timeline as an SVG file.")] = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """What an entity said, what was said about it, what it did and had done to it, by date."""
    from newsgraph.query.timeline import timeline as build
    from newsgraph.render.terminal import timeline_table

    with corpus(db) as conn:
        found = build(conn, entity)
    if found is None:
        _note(f"no entity matches {entity!r} (see `newsgraph entities`)")
        if as_json:
            _json({"entity": None, "others": [], "entries": [], "events": []})
        return
    if note := found.note(entity):
        _note(note)
    if not found.entries and not found.events:
        _note(f"no quotes or events by or about {found.entity.name}")
    if svg is not None:
        _write_svg(found, svg)
    if as_json:
        _json(found.to_dict())
    elif found.entries or found.events:
        _show(timeline_table(found))


def _write_svg(found: Any, path: Path) -> None:
    from newsgraph.render.timeline_svg import timeline_svg

    try:
        path.write_text(timeline_svg(found), encoding="utf-8")
    except OSError as exc:
        raise fail(f"cannot write {path}: {exc.strerror or exc}", 1) from None


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words that must all appear; "quoted phrases".')],
    limit: Annotated[int, typer.Option(min=1, help="At most this many of each.")] = 20,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Full-text search of article text and quotes, best matches first."""
    from newsgraph.query.search import search as find
    from newsgraph.render.terminal import search_tables

    with corpus(db) as conn:
        result = find(conn, query, limit=limit)
    if not result:
        _note(f"nothing matches {query!r}")
    if as_json:
        _json(result.to_dict())
    else:
        _show(*search_tables(result))


@app.command()
def entities(
    top: Annotated[int, typer.Option(min=1, help="How many entities.")] = 20,
    entity_type: Annotated[
        str | None, typer.Option("--type", help="Only this type: PERSON, ORG, GPE, LOC, NORP…")
    ] = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """The entities in most articles, with their mentions and quotes as speaker."""
    from newsgraph.query.entities import top_entities
    from newsgraph.render.terminal import entities_table

    with corpus(db) as conn:
        rows = top_entities(conn, top=top, type=entity_type)
    if not rows:
        _note("no entities" + (f" of type {entity_type}" if entity_type else ""))
    if as_json:
        _json({"entities": [r.to_dict() for r in rows]})
    elif rows:
        _show(entities_table(rows))


@app.command()
def export(
    table: Annotated[str, typer.Option(help="The table: articles, quotes, entities, mentions…")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    output: Annotated[
        str, typer.Option("--output", "-o", help="The file, or - for stdout (jsonl, csv, gdelt).")
    ] = "-",
    speaker: Annotated[str | None, typer.Option(help="Quotes: as `newsgraph quotes`.")] = None,
    about: Annotated[str | None, typer.Option(help="Quotes: as `newsgraph quotes`.")] = None,
    actor: Annotated[str | None, typer.Option(help="Events: as `newsgraph events`.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Events: as `newsgraph events`.")] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="Events: only this PLOVER type.")
    ] = None,
    since: DateOption = None,
    until: DateOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write a table as JSON lines, CSV or Parquet (articles as JSON lines: full records).

    `--table events --format gdelt` writes GDELT 2.0 event rows (tab-separated, no header).
    Quotes and events take the filters of `newsgraph quotes` and `newsgraph events`
    (since/until: YYYY-MM-DD, inclusive), and every row they select is written.
    """
    from newsgraph.query.events import event_filter
    from newsgraph.query.export import export as write
    from newsgraph.query.quotes import quote_filter

    first, last = (d.date() if d else None for d in (since, until))
    given = {
        "quotes": {"--speaker": speaker, "--about": about},
        "events": {"--actor": actor, "--recipient": recipient, "--type": event_type},
    }
    for name, options in given.items():
        wrong = [option for option, value in options.items() if value and table != name]
        if wrong:
            raise fail(f"{', '.join(wrong)} filters --table {name}, not --table {table}")
    if (since or until) and table not in given:
        raise fail(f"--since and --until filter --table quotes or events, not --table {table}")
    where = None
    try:  # a wrong event type is told before the corpus is opened
        if table == "quotes":
            where = quote_filter(speaker, about, first, last)
        elif table == "events":
            where = event_filter(actor, recipient, event_type, first, last)
    except QueryError as exc:
        raise fail(str(exc)) from None
    out = sys.stdout if output == "-" else Path(output)
    with corpus(db) as conn:
        try:
            count = write(conn, table, fmt.value, out, where=where)
        except BrokenPipeError:
            _stop_quietly()
        except OSError as exc:
            raise fail(f"cannot write {output}: {exc.strerror or exc}", 1) from None
    say("note", f"exported {count} rows of {table}" + ("" if output == "-" else f" to {output}"))


def _stop_quietly() -> NoReturn:
    """The reader of stdout (`| head`) has had enough: stop without a complaint."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error on exit flush
    raise typer.Exit(0)


@app.command()
def sql(
    statement: Annotated[
        str, typer.Argument(help="One SQL statement; the corpus stays unchanged.")
    ],
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 1000,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Run one read-only SQL statement (see docs/store.md for the tables)."""
    from newsgraph.query.sql import run_sql
    from newsgraph.render.terminal import sql_table

    with corpus(db) as conn:
        result = run_sql(conn, statement, limit=limit)
    if not result.rows:
        _note("the statement returned no rows")
    elif result.truncated:
        _note(f"showing the first {limit} rows (raise --limit for more)")
    if as_json:
        _json(result.to_dict())
    elif result.columns:
        _show(sql_table(result))
