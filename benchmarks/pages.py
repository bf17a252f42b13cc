"""Web app pages: how long each takes to render on a large corpus, against its query alone.

    python benchmarks/pages.py [--articles 10000] [--db corpus.db] [--json]

Builds (or, with --db naming an existing file, reuses, upgrading its schema
when it is older: the time that takes is printed) a SQLite corpus of N
articles: copies of the query tests' corpus (the bundled sample and two short
made-up articles, analysed once), each with its own closing line so that no
two share a text, dated one a day or so over two years, so the timelines and
the network span the whole corpus: every copy quotes Putin and Peskov, the
worst case for their pages. `--db` may also name a corpus built otherwise
(`benchmarks/ingest.py scale` builds one of 10,000 PolNeAR paragraphs). The
entity and the speaker asked about are the corpus's most quoted speaker.
Then, in one process, each page is requested
through the app (FastAPI's test client: routing, the queries, the template,
no network) twice over: "cold", the first request with the app's page cache
empty (what the first reader after an ingest waits), and "warm", the median
of 5 more (what the cache, kept until the corpus changes, gives everyone
after); then the query functions behind it are called on their own, the
median of 5 runs after one warm-up. "cold × query" is the cold page's time
over its queries' time in the same run: what rendering adds. The target is every
page under 200 ms at 10,000 articles.
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

from sqlalchemy import Connection, func, select

ROOT = Path(__file__).resolve().parents[1]
SIGNATURE_BYTES = 128 * 8  # a MinHash: store.stories.PERMUTATIONS unsigned 64-bit values
sys.path.insert(0, str(ROOT))


def build(db: Path, n: int) -> float:
    """Store `n` copies of the test articles in `db`; the seconds it took."""
    from newsgraph.model import Article
    from newsgraph.store import open_store
    from newsgraph.store.db import refresh_statistics
    from newsgraph.store.write import store_article

    from tests.query.corpus import articles

    random.seed(0)
    start = time.perf_counter()
    models = [article.to_dict() for _, article in articles()]
    engine = open_store(str(db))
    with engine.begin() as conn:
        for i in range(n):
            copy = Article.from_dict(models[i % len(models)])
            copy.text += f"\n\nCopy {i} of the benchmark corpus."
            copy.published = (date(2015, 1, 1) + timedelta(days=i * 730 // n)).isoformat()
            # a random MinHash signature: each copy its own story, as distinct
            # articles are (copies would otherwise all join their original's story,
            # and the near-duplicate lookup would grow with every copy)
            store_article(conn, f"bench:{i}", copy, signature=random.randbytes(SIGNATURE_BYTES))
        refresh_statistics(conn)  # as `newsgraph ingest` does after its last article
    engine.dispose()
    return time.perf_counter() - start


def upgrade(db: Path) -> float | None:
    """Bring a reused corpus of an older schema up to date; the seconds it took, None if current."""
    from sqlalchemy import create_engine

    from newsgraph.store import open_store
    from newsgraph.store.migrations import VERSION, schema_version

    probe = create_engine(f"sqlite:///{db}")
    with probe.connect() as conn:
        current = schema_version(conn)
    probe.dispose()
    if current >= VERSION:
        return None
    start = time.perf_counter()
    open_store(str(db), create=False).dispose()
    return round(time.perf_counter() - start, 1)


def stored(db: Path) -> int:
    from newsgraph.store import open_store
    from newsgraph.store.schema import articles

    engine = open_store(str(db), readonly=True)
    with engine.connect() as conn:
        count = int(conn.execute(select(func.count()).select_from(articles)).scalar_one())
    engine.dispose()
    return count


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

    from newsgraph.query.browse import recent_stories, stored_article
    from newsgraph.query.entities import (
        entity_by_id,
        entity_details,
        match_entities,
        top_entities,
        top_speakers,
    )
    from newsgraph.query.network import KINDS, network
    from newsgraph.query.overview import overview
    from newsgraph.query.quotes import find_quotes
    from newsgraph.query.search import search
    from newsgraph.query.timeline import event_days, latest_entries, latest_events, timeline_days
    from newsgraph.serve.app import create_app
    from newsgraph.serve.cache import CorpusCache
    from newsgraph.store.schema import quotes

    app = create_app(str(db))
    client = TestClient(app)
    with app.state.engine.connect() as conn:
        star = top_speakers(conn, 1)[0]  # the most quoted: the largest timeline
        # the article with the most statements: the heaviest to annotate
        article_id = conn.execute(
            select(quotes.c.article_id)
            .group_by(quotes.c.article_id)
            .order_by(func.count().desc(), quotes.c.article_id)
            .limit(1)
        ).scalar_one()
    word = star.name.split()[-1]

    def home(c: Connection) -> object:
        return (overview(c, top=0), top_speakers(c, 10), top_entities(c, 10), recent_stories(c))

    pages: dict[str, tuple[str, Callable[[Connection], object]]] = {
        "home": ("/", home),
        f"search {word}": (
            f"/search?q={word}",
            lambda c: (search(c, word, limit=30), match_entities(c, word)),
        ),
        "article (most statements)": (
            f"/articles/{article_id}",
            lambda c: stored_article(c, article_id),
        ),
        f"entity ({star.name})": (
            f"/entities/{star.id}",
            lambda c: (
                entity_by_id(c, star.id),
                entity_details(c, star.id),
                latest_entries(c, star.id, timeline_days(c, star.id), 50),
                latest_events(c, star, event_days(c, star), 50),
                network(c, entity=star.id, limit=12),
            ),
        ),
        "network": ("/network", lambda c: [network(c, limit=300, kind=k) for k in KINDS]),
        "network (GPE, min 100)": (
            "/network?type=GPE&min_weight=100",
            lambda c: [network(c, type="GPE", min_weight=100, limit=300, kind=k) for k in KINDS],
        ),
        "quotes (100)": ("/quotes", lambda c: find_quotes(c, limit=100)),
        f"quotes --speaker {word}": (
            f"/quotes?speaker={word}",
            lambda c: find_quotes(c, speaker=word, limit=100),
        ),
    }
    for path, _ in pages.values():  # compile every template first: that is paid once, at start
        client.get(path)
    rows = []
    for name, (path, query) in pages.items():
        app.state.page_cache = CorpusCache()  # cold: nothing kept from an earlier page
        start = time.perf_counter()
        assert client.get(path).status_code == 200, path
        cold_ms = round((time.perf_counter() - start) * 1000, 1)
        warm_ms = median_ms(lambda path=path: client.get(path))  # type: ignore[misc]
        with app.state.engine.connect() as conn:
            query_ms = median_ms(lambda query=query, conn=conn: query(conn))  # type: ignore[misc]
        rows.append(
            {
                "page": name,
                "path": path,
                "cold_ms": cold_ms,
                "warm_ms": warm_ms,
                "query_ms": query_ms,
                "x_query": round(cold_ms / query_ms, 2) if query_ms else None,
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
        upgraded = upgrade(db)
        size = stored(db)
        rows = measure(db)
    if args.json:
        found = {"articles": size, "build_s": built, "upgrade_s": upgraded, "pages": rows}
        print(json.dumps(found, indent=2))
        return 0
    print(
        f"corpus: {db.name}, {size} articles"
        + (f", built in {built} s" if built else "")
        + (f", upgraded to the current schema in {upgraded} s" if upgraded else "")
    )
    print(f"{'page':28} {'cold ms':>8} {'warm ms':>8} {'query ms':>9} {'cold × query':>13}")
    for r in rows:
        print(
            f"{r['page']:28} {r['cold_ms']:>8} {r['warm_ms']:>8} {r['query_ms']:>9}"
            f" {r['x_query']!s:>13}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
