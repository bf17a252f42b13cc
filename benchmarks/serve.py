"""Serve latency: each API route against the query function the CLI calls, in one run.

    python benchmarks/serve.py [--articles 10000] [--corpus PATH] [--repeat 15] [--json]

The corpus is synthetic, made from three analysed texts: the bundled sample
(an RFE/RL article of 1,300 words, 10 statements by Putin) and two short
made-up reports. Each of the `--articles` copies is one of the three with a
serial sentence appended (so that its text, and hash, is its own), a title
numbered, a publication date spread over 2015-2016, and a random MinHash
signature (so that each copy is its own story, as distinct articles would be;
copies with one signature would all fall into one story). The findings keep
their offsets, since the text only grows at its end. The corpus is built
once at `--corpus` (default: a temporary file) and reused when it exists.

Each row times one route through FastAPI's TestClient (in process: routing,
validation, the query, JSON encoding; no network) against the query-layer
function the CLI runs for the same question, with its result turned to
dicts as `--json` does, on a connection held open. Both are the median of
`--repeat` runs after one warm-up run. "× CLI" is the route's time over the
function's: what serving adds. Pages of the web app (`/`, an article, an
entity) are timed as well where the app has them.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "rferl-putin-pullout.txt"
TALKS = (
    "Talks in Geneva\n\nKremlin spokesman Dmitry Peskov said on Monday that Bashar al-Assad "
    'would attend the talks in Geneva. "We expect progress," Vladimir Putin told reporters.\n'
)
SANCTIONS = (
    'Sanctions row\n\n"The sanctions are a mistake," Dmitry Peskov told reporters in Moscow. '
    "Russia will not retreat from Syria, he said. Angela Merkel said the measures would stay.\n"
)
BATCH = 500


def build(path: Path, count: int) -> None:
    """The synthetic corpus of `count` articles at `path` (see the module's docstring)."""
    from newsgraph.model import Article
    from newsgraph.pipeline import analyze
    from newsgraph.store import open_store, stories
    from newsgraph.store.write import store_article

    bases = [
        analyze(SAMPLE.read_text(encoding="utf-8")),
        analyze(TALKS, input="text"),
        analyze(SANCTIONS, input="text"),
    ]
    size = len(stories.signature("x"))
    rng = random.Random(12)
    engine = open_store(str(path))
    start = time.perf_counter()
    for first in range(0, count, BATCH):
        with engine.begin() as conn:
            for i in range(first, min(first + BATCH, count)):
                copy = Article.from_dict(bases[i % 3].to_dict())
                copy.text += f"\n\nSerial {i}."
                copy.title = f"{copy.title} ({i})"
                copy.published = (date(2015, 1, 1) + timedelta(days=i % 730)).isoformat()
                store_article(conn, f"synthetic-{i}", copy, rng.randbytes(size))
        print(f"  stored {min(first + BATCH, count):,}", file=sys.stderr)
    engine.dispose()
    print(f"built in {time.perf_counter() - start:.0f} s", file=sys.stderr)


def median_ms(run: Callable[[], object], repeat: int) -> float:
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def rows(found: Any) -> Any:
    """A query result as dicts, as the CLI's --json makes them."""
    if isinstance(found, list):
        return [r.to_dict() for r in found]
    return found.to_dict() if hasattr(found, "to_dict") else found


def measure(db: str, repeat: int) -> list[dict[str, Any]]:
    from fastapi.testclient import TestClient
    from sqlalchemy import func, select

    from newsgraph.query.articles import article_record, find_articles
    from newsgraph.query.entities import entity_by_id, entity_details, top_entities
    from newsgraph.query.overview import overview
    from newsgraph.query.quotes import find_quotes
    from newsgraph.query.timeline import timeline_counts, timeline_entries
    from newsgraph.serve.app import create_app
    from newsgraph.store.schema import articles, entities

    app = create_app(db)
    client = TestClient(app)
    conn = app.state.engine.connect()
    putin = conn.execute(select(entities.c.id).where(entities.c.name == "Vladimir Putin")).scalar()
    merkel = conn.execute(select(entities.c.id).where(entities.c.name == "Angela Merkel")).scalar()
    article_id = (conn.execute(select(func.max(articles.c.id))).scalar() or 0) // 2

    def entity(entity_id: int) -> Callable[[], object]:
        def run() -> object:
            found = entity_by_id(conn, entity_id)
            assert found is not None
            entries = timeline_entries(conn, entity_id, limit=51)
            details = entity_details(conn, entity_id)
            return (found.to_dict(), details, timeline_counts(conn, entity_id), rows(entries))

        return run

    deep = client.get("/api/v1/quotes", params={"limit": 200}).json()["next"]
    cases: list[tuple[str, str, dict[str, Any], Callable[[], object]]] = [
        ("/api/v1/stats", "overview", {}, lambda: overview(conn, 5)),
        ("/api/v1/articles", "find_articles", {}, lambda: rows(find_articles(conn, limit=51))),
        (
            "/api/v1/articles",
            "find_articles(q)",
            {"q": "Geneva talks"},
            lambda: rows(find_articles(conn, q="Geneva talks", limit=51)),
        ),
        (
            "/api/v1/articles",
            "find_articles(entity)",
            {"entity": "Merkel"},
            lambda: rows(find_articles(conn, entity="Merkel", limit=51)),
        ),
        (
            f"/api/v1/articles/{article_id}",
            "article_record",
            {},
            lambda: article_record(conn, article_id),
        ),
        (
            "/api/v1/quotes",
            "find_quotes(speaker)",
            {"speaker": "Peskov"},
            lambda: rows(find_quotes(conn, speaker="Peskov", limit=51)),
        ),
        (
            "/api/v1/quotes",
            "find_quotes(about)",
            {"about": "Assad", "since": "2016-01-01"},
            lambda: rows(find_quotes(conn, about="Assad", since=date(2016, 1, 1), limit=51)),
        ),
        (
            "/api/v1/quotes",
            "find_quotes(offset 200)",
            {"limit": 200, "cursor": deep},
            lambda: rows(find_quotes(conn, limit=201, offset=200)),
        ),
        (
            "/api/v1/entities",
            "top_entities",
            {"type": "PERSON"},
            lambda: rows(top_entities(conn, 51, "PERSON")),
        ),
        (f"/api/v1/entities/{merkel}", "entity timeline (Merkel)", {}, entity(merkel)),
        (f"/api/v1/entities/{putin}", "entity timeline (Putin)", {}, entity(putin)),
        (
            f"/api/v1/entities/{putin}/timeline",
            "timeline_entries(about)",
            {"role": "about", "since": "2016-01-01"},
            lambda: rows(timeline_entries(conn, putin, "about", since=date(2016, 1, 1), limit=51)),
        ),
    ]
    results = []
    for route, function, params, direct in cases:
        response = client.get(route, params=params)
        assert response.status_code == 200, (route, response.text)
        api_ms = median_ms(lambda r=route, p=params: client.get(r, params=p), repeat)
        cli_ms = median_ms(direct, repeat)
        shown = route + ("?" + "&".join(f"{k}={v}" for k, v in params.items() if k != "cursor"))
        results.append(
            {
                "route": shown.rstrip("?") + (" (page 2)" if "cursor" in params else ""),
                "function": function,
                "api_ms": api_ms,
                "cli_ms": cli_ms,
                "ratio": api_ms / cli_ms,
                "bytes": len(response.content),
            }
        )
    for page in ("/", f"/articles/{article_id}", f"/entities/{putin}"):
        response = client.get(page)
        if response.status_code == 200 and "html" in response.headers.get("content-type", ""):
            page_ms = median_ms(lambda p=page: client.get(p), repeat)
            results.append({"route": page, "function": "(page)", "api_ms": page_ms})
    conn.close()
    client.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.corpus or Path(tmp) / "corpus.db"
        if not path.exists():
            build(path, args.articles)
        results = measure(str(path), args.repeat)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print("| route | ms | CLI function | ms | × CLI | bytes |")
    print("| --- | ---: | --- | ---: | ---: | ---: |")
    for r in results:
        if "cli_ms" in r:
            print(
                f"| `{r['route']}` | {r['api_ms']:.1f} | `{r['function']}` | {r['cli_ms']:.1f} "
                f"| {r['ratio']:.2f} | {r['bytes']:,} |"
            )
        else:
            print(f"| `{r['route']}` | {r['api_ms']:.1f} | (page) | | | |")


if __name__ == "__main__":
    main()
