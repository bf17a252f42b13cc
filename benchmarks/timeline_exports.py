"""The entity page's events and the explorers' filtered exports, on a large corpus.

    python benchmarks/timeline_exports.py [--articles 10000] [--db corpus.db] [--json]

The corpus is `benchmarks/pages.py`'s (built the same way, or reused with
--db). In one process, through the app (FastAPI's test client, no network):

- the entity page of the most quoted speaker and of the entity with the most
  events, cold (the page cache empty), against its statement queries and its
  event queries alone: what the events half of the timeline costs;
- a click on a bar (`?period=`) once the page was seen: the median over the
  busiest periods, each asked once, against the two listing queries alone;
- each explorer's export under a filter, against `export()` called alone with
  the same filter (what serving the file adds) and against listing the same
  rows with `find_quotes` / `find_events` (what writing the file adds).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from pages import build, median_ms, stored  # benchmarks/ is the script's folder

PERIODS = 5  # bar clicks timed per entity


def _ms(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return round((time.perf_counter() - start) * 1000, 1)


def entity_rows(app: FastAPI, client: TestClient) -> list[dict[str, object]]:
    from newsgraph.query.entities import EntityCount, entity_by_id, top_speakers
    from newsgraph.query.timeline import (
        event_days,
        event_entries,
        latest_entries,
        latest_events,
        timeline_days,
        timeline_entries,
    )
    from newsgraph.serve.cache import CorpusCache
    from newsgraph.serve.views import bars, granularity, period_bounds
    from newsgraph.store.schema import event_parties

    state = app.state
    with state.engine.connect() as conn:
        star = top_speakers(conn, 1)[0]
        busiest = conn.execute(
            select(event_parties.c.entity_id)
            .where(event_parties.c.entity_id.is_not(None))
            .group_by(event_parties.c.entity_id)
            .order_by(func.count().desc())
            .limit(1)
        ).scalar_one()
        chosen = [star, entity_by_id(conn, busiest)]
    rows = []
    for entity in chosen:
        assert isinstance(entity, EntityCount)
        with state.engine.connect() as conn:
            days = [*timeline_days(conn, entity.id), *event_days(conn, entity)]
            said = sum(n for _, r, n in days if r in ("said", "about"))
            done = sum(n for _, r, n in days if r in ("actor", "recipient"))

            statements_ms = median_ms(
                lambda c=conn, e=entity: latest_entries(c, e.id, timeline_days(c, e.id), 50)
            )
            events_ms = median_ms(
                lambda c=conn, e=entity: latest_events(c, e, event_days(c, e), 50)
            )
        path = f"/entities/{entity.id}"
        state.page_cache = CorpusCache()
        cold_ms = _ms(lambda path=path: client.get(path))
        by = granularity(days)
        busy = sorted(bars(days, by), key=lambda b: -(b.said + b.about + b.actor + b.recipient))
        clicks, listing = [], []
        for bar in busy[:PERIODS]:
            bounds = period_bounds(bar.period)
            assert bounds is not None
            url = f"{path}?period={bar.period}"
            clicks.append(_ms(lambda url=url: client.get(url)))
            with state.engine.connect() as conn:
                first, last = bounds
                listing.append(
                    _ms(
                        lambda c=conn, e=entity, f=first, t=last: (
                            timeline_entries(c, e.id, since=f, until=t, limit=50),
                            event_entries(c, e, since=f, until=t, limit=50),
                        )
                    )
                )
        rows.append(
            {
                "entity": entity.name,
                "statements": said,
                "events": done,
                "page_cold_ms": cold_ms,
                "statement_queries_ms": statements_ms,
                "event_queries_ms": events_ms,
                "events_x_statements": round(events_ms / statements_ms, 2),
                "bar_click_ms": statistics.median(clicks),
                "bar_queries_ms": statistics.median(listing),
                "click_x_queries": round(statistics.median(clicks) / statistics.median(listing), 2),
            }
        )
    return rows


def export_rows(app: FastAPI, client: TestClient, word: str) -> list[dict[str, object]]:
    from newsgraph.query.events import event_filter, find_events
    from newsgraph.query.export import export
    from newsgraph.query.quotes import find_quotes, quote_filter

    state = app.state
    big = 10_000_000
    cases: list[tuple[str, Any, dict[str, str], Callable[..., Any], Callable[..., Any]]] = [
        ("quotes", "csv", {"speaker": word}, quote_filter, find_quotes),
        ("quotes", "parquet", {"about": "Syria"}, quote_filter, find_quotes),
        ("events", "csv", {"actor": word}, event_filter, find_events),
        ("events", "gdelt", {"type": "CONSULT"}, event_filter, find_events),
    ]
    rows = []
    for table, fmt, filters, where, find in cases:
        url = f"/{table}/export.{fmt}"
        route_ms = median_ms(lambda url=url, f=filters: client.get(url, params=f))
        with state.engine.connect() as conn, tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / f"out.{fmt}"
            count = export(conn, table, fmt, out, where=where(**filters))
            export_ms = median_ms(
                lambda c=conn, t=table, x=fmt, o=out, w=where, f=filters: export(
                    c, t, x, o, where=w(**f)
                )
            )
            find_ms = median_ms(lambda c=conn, g=find, f=filters: g(c, **f, limit=big))
        rows.append(
            {
                "export": f"{url}?{'&'.join(f'{k}={v}' for k, v in filters.items())}",
                "rows": count,
                "route_ms": route_ms,
                "export_ms": export_ms,
                "find_ms": find_ms,
                "route_x_export": round(route_ms / export_ms, 2),
                "export_x_find": round(export_ms / find_ms, 2),
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="corpus file: reused if it exists, else built")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from newsgraph.serve.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "pages.db"
        if not db.exists():
            build(db, args.articles)
        app = create_app(str(db))
        client = TestClient(app)
        client.get("/entities/1")  # compile the templates first: that is paid once, at start
        entities = entity_rows(app, client)
        word = str(entities[0]["entity"]).split()[-1]
        result = {
            "articles": stored(db),
            "entities": entities,
            "exports": export_rows(app, client, word),
        }
        app.state.engine.dispose()
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['articles']:,} articles")
    for section in ("entities", "exports"):
        rows = result[section]
        assert isinstance(rows, list)
        print("\t".join(rows[0]))
        for row in rows:
            print("\t".join(str(v) for v in row.values()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
