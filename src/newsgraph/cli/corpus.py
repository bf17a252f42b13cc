"""`newsgraph ingest`: many pages into the corpus database, resumable, in parallel."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy import Engine

from newsgraph.cli.common import app, check_published, fail, progress_bar, say, stderr
from newsgraph.errors import NewsgraphError
from newsgraph.read.sources import InputFailure, PageInput, iter_inputs
from newsgraph.run.work import Options, Tally, write_results
from newsgraph.store import open_store
from newsgraph.store.write import done_keys

Item = PageInput | InputFailure
BATCH = 256  # inputs checked against the corpus per query
RAY_BULK = 200  # results per transaction when loading Ray shards


class EngineOption(StrEnum):
    local = "local"
    ray = "ray"


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders, .jsonl(.gz), .warc(.gz) or files listing URLs."),
    ],
    db: Annotated[
        str | None,  # help text is Rich markup: the escaped bracket prints as one
        typer.Option(help=r"SQLite file or postgresql:// URL. \[default: newsgraph.db]"),
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes (or Ray workers).")] = 1,
    engine: Annotated[EngineOption, typer.Option(help="Where the work runs.")] = EngineOption.local,
    address: Annotated[
        str | None, typer.Option(help="Ray cluster address (ray://…); local Ray when not given.")
    ] = None,
    shards: Annotated[
        Path, typer.Option(help="Ray engine: folder for shard outputs and completion markers.")
    ] = Path("newsgraph-shards"),
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for pages that give none themselves."),
    ] = None,
    time_limit: Annotated[float, typer.Option(help="Seconds allowed per page.")] = 120.0,
) -> None:
    """Analyse pages into the corpus; a second run skips what is stored and finishes the rest."""
    check_published(published)
    options = Options(time_limit, published)
    try:
        if engine is EngineOption.ray:
            from newsgraph.run.ray import import_ray

            import_ray()  # a missing extra is reported before any corpus is created
        total = sum(1 for _ in iter_inputs(paths))
        if total == 0:  # before the corpus is opened: nothing to store, no file to create
            raise fail(f"no inputs found in {', '.join(paths)}")
        store = open_store(db)
        tally = Tally()
        with progress_bar() as progress:
            task = progress.add_task("ingesting", total=total)
            if engine is EngineOption.ray:
                from newsgraph.run.ray import run_ray

                results = run_ray(
                    paths,
                    address=address,
                    workers=workers,
                    shard_dir=shards,
                    options=options,
                )
                bulk = RAY_BULK  # shard files are already safe on disk
            else:
                from newsgraph.run.local import run_local

                todo = _skip_done(store, iter_inputs(paths), tally, lambda: progress.advance(task))
                results = run_local(todo, min(workers, total), options)
                bulk = 1  # one input per transaction: a kill loses only the page in hand
            for _ in write_results(store, results, tally, batch=bulk):
                progress.advance(task)
    except NewsgraphError as exc:
        raise fail(str(exc), 1) from None
    _report(store, tally, total)
    if tally.failed:
        raise typer.Exit(1)


def _skip_done(
    store: Engine, items: Iterable[Item], tally: Tally, advance: Callable[[], None]
) -> Iterator[Item]:
    """The inputs not stored yet, checked against the corpus a batch at a time."""
    stream = iter(items)
    while batch := list(islice(stream, BATCH)):
        with store.connect() as conn:
            done = done_keys(conn, (item.key for item in batch))
        for item in batch:
            if item.key in done:
                tally.already += 1
                advance()
            else:
                yield item


def _report(store: Engine, tally: Tally, total: int) -> None:
    """What the run did, then what the corpus now holds."""
    from rich.table import Table

    from newsgraph.query.overview import overview

    for key, reason in tally.failed[:10]:
        say("warning", reason if key in reason else f"{key}: {reason}")
    if len(tally.failed) > 10:
        say("warning", f"… and {len(tally.failed) - 10} more failures (table `failures`)")
    with store.connect() as conn:
        found = overview(conn)
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_row(
        "this run",
        f"{total} inputs: {tally.stored} stored, {tally.duplicates} exact duplicate"
        f"{'s' if tally.duplicates != 1 else ''} of stored articles, "
        f"{tally.already} already in the corpus, {len(tally.failed)} failed",
    )
    table.add_row(
        "corpus",
        f"{found.articles} articles in {found.stories} stories, {found.entities} entities, "
        f"{found.quotes} statements, {found.failures} failed inputs",
    )
    if found.speakers:
        table.add_row("most quoted", ", ".join(f"{n} ({c})" for n, c in found.speakers))
    if found.covered:
        table.add_row(
            "most covered", ", ".join(f"{n} ({t}, {c} articles)" for n, t, c in found.covered)
        )
    stderr.print(table)
