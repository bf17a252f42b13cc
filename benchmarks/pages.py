"""Web app pages: how long each takes to render on a large corpus, against its query alone.

    python benchmarks/pages.py [--articles 10000] [--db corpus.db] [--json]

Builds (or, with --db naming an existing file, reuses) a SQLite corpus of N
articles: copies of the query tests' corpus (the bundled sample and two short
made-up articles, analysed once), each with its own closing line so that no
two share a text, dated one a day or so over two years, so the timelines and
the network span the whole corpus: every copy quotes Putin and Peskov, the
worst case for their pages. Then, in one process, each page is requested
through the app (FastAPI's test client: routing, the queries, the template,
no network) and the query functions behind it are called on their own, each
the median of 5 runs after one warm-up. "× query" is the page's time over
its queries' time in the same run: what rendering adds. The target is every
page under 200 ms at 10,000 articles.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build(db: Path, n: int) -> float:
    """Store `n` copies of the test articles in `db`; the seconds it took."""
    from newsgraph.model import Article
    from newsgraph.store import open_store
    from newsgraph.store.write import store_article

    from tests.query.corpus import articles

    start = time.perf_counter()
    models = [article.to_dict() for _, article in articles()]
    engine = open_store(str(db))
    with engine.begin() as conn:
        for i in range(n):
            copy = Article.from_dict(models[i % len(models)])
            copy.text += f"\n\nCopy {i} of the benchmark corpus."
            copy.published = (date(2015, 1, 1) + timedelta(days=i * 730 // n)).isoformat()
            store_article(conn, f"bench:{i}", copy)
    engine.dispose()
    return time.perf_counter() - start


def median_ms(run: Callable[[], object]) -> float:
    run()
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        run()
        runs.append(time.perf_counter() - start)
    return round(statistics.median(runs) * 1000, 1)


def measure(db: Path) -> list[dict[str, object]]:
    from fastapi.testclient import TestClient

    from newsgraph.query.browse import (
        entity_profile,
        recent_stories,
        stored_article,
        top_speakers,
    )
    from newsgraph.query.entities import match_entities, top_entities
    from newsgraph.query.network import network
    from newsgraph.query.overview import overview
    from newsgraph.query.quotes import find_quotes
    from newsgraph.query.search import search
    from newsgraph.query.timeline import timeline
    from newsgraph.serve.app import create_app

    app = create_app(str(db))
    client = TestClient(app)
    with app.state.engine.connect() as conn:
        putin = match_entities(conn, "Vladimir Putin")[0]
        article_id = recent_stories(conn, 1)[0].id

    def home(c: object) -> object:
        return (overview(c, top=0), top_speakers(c, 10), top_entities(c, 10), recent_stories(c))  # type: ignore[arg-type]

    pages: dict[str, tuple[str, Callable[..., object]]] = {
        "home": ("/", home),
        "search": ("/search?q=Putin+pullout", lambda c: search(c, "Putin pullout", limit=30)),
        "article (the sample)": (
            f"/articles/{article_id}",
            lambda c: stored_article(c, article_id),
        ),
        "entity (Putin)": (
            f"/entities/{putin.id}",
            lambda c: (
                entity_profile(c, putin.id),
                timeline(c, putin.key),
                network(c, entity=putin.id, limit=12),
            ),
        ),
        "network": ("/network", lambda c: network(c, limit=300)),
        "network (GPE, min 100)": (
            "/network?type=GPE&min_weight=100",
            lambda c: network(c, type="GPE", min_weight=100, limit=300),
        ),
        "quotes (100)": ("/quotes", lambda c: find_quotes(c, limit=100)),
        "quotes --speaker Peskov": (
            "/quotes?speaker=Peskov",
            lambda c: find_quotes(c, speaker="Peskov", limit=100),
        ),
    }
    rows = []
    for name, (path, query) in pages.items():
        assert client.get(path).status_code == 200, path
        page_ms = median_ms(lambda path=path: client.get(path))  # type: ignore[misc]
        with app.state.engine.connect() as conn:
            query_ms = median_ms(lambda query=query, conn=conn: query(conn))  # type: ignore[misc]
        rows.append(
            {
                "page": name,
                "path": path,
                "page_ms": page_ms,
                "query_ms": query_ms,
                "x_query": round(page_ms / query_ms, 2) if query_ms else None,
            }
        )
    app.state.engine.dispose()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="corpus file: reused if it exists, else built")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "pages.db"
        built = None if db.exists() else round(build(db, args.articles), 1)
        rows = measure(db)
    if args.json:
        print(json.dumps({"articles": args.articles, "build_s": built, "pages": rows}, indent=2))
        return 0
    print(
        f"corpus: {db.name}, {args.articles} articles" + (f", built in {built} s" if built else "")
    )
    print(f"{'page':28} {'page ms':>8} {'query ms':>9} {'× query':>8}")
    for r in rows:
        print(f"{r['page']:28} {r['page_ms']:>8} {r['query_ms']:>9} {r['x_query']!s:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
