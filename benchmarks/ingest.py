"""Corpus ingest: speed against bare spaCy, memory as the corpus grows, query latency.

    python benchmarks/ingest.py speed [--articles 300]
    python benchmarks/ingest.py scale [--pages 10000] [--workers 2]
    python benchmarks/ingest.py store [--copies 40] [--repeats 3]

`speed` writes the first N PolNeAR articles (train then dev, clean news text,
dated by their file names) to one JSONL file and times, each in a fresh
process so that every row pays its own model load: bare `nlp.pipe` of the
same spaCy model over the same texts, then `newsgraph ingest` into a new
SQLite corpus with 1 and with 2 worker processes.

`scale` builds a corpus of many short pages — PolNeAR paragraphs of 20 words
or more, each its own page (the only news text here in that number; a
paragraph parses in a fraction of an article's time, so 10,000 pages fit in
minutes) — with `newsgraph ingest --workers 2`, sampling the resident memory
of the whole process tree (the writer and its workers) once a second; it
reports the peak while the first 1,000 pages were stored and the peak over the
whole run, which must not grow with corpus size. It then times the query
commands on the finished corpus (each the median of 5 runs, in process, so
without Python's start-up).

`store` times the database writes alone for the bundled sample page, analysed
once: `--copies` copies of it (each with one word changed, so none is a
duplicate) stored into a fresh SQLite corpus with their events and, in the
same run, without them, alternating; it reports the milliseconds per article
and their ratio (the cost of the `events` and `event_parties` rows), beside
the time the page's analysis takes.

`speed` and `scale` skip, with a message and exit status 0, when the shared
data is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT / ".." / "shared" / "data" / "polnear"
_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")
_WORD = re.compile(r"\w+")


def polnear_files() -> list[Path]:
    return sorted((POLNEAR / "train" / "text").glob("*.txt")) + sorted(
        (POLNEAR / "dev" / "text").glob("*.txt")
    )


def page(path: Path, text: str, line: int | None = None) -> str:
    """One JSONL input line, dated from the PolNeAR file name."""
    match = _DATE.search(path.name)
    url = f"https://polnear.example/{path.stem}" + (f"#p{line}" if line is not None else "")
    return json.dumps({"url": url, "text": text, "published": match and match.group(1)})


def newsgraph(*args: str) -> float:
    """Seconds for one `newsgraph` command in a fresh process."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


_PIPE = """
import json, sys
from newsgraph.analyse.nlp import load_nlp
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for _ in load_nlp().pipe(texts): pass
"""


def speed(articles: int) -> dict[str, object]:
    texts = [p.read_text(encoding="utf-8") for p in polnear_files()[:articles]]
    words = sum(len(_WORD.findall(t)) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "pages.jsonl"
        feed.write_text(
            "\n".join(page(p, t) for p, t in zip(polnear_files(), texts, strict=False)) + "\n"
        )
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", _PIPE, str(feed)], check=True)
        bare = time.perf_counter() - start
        rows = {"nlp.pipe (bare spaCy)": bare}
        for workers in (1, 2):
            db = Path(tmp) / f"w{workers}.db"
            rows[f"ingest, {workers} worker(s)"] = newsgraph(
                "ingest", str(feed), "--db", str(db), "--workers", str(workers)
            )
    return {
        "articles": len(texts),
        "words": words,
        "rows": {
            name: {
                "seconds": round(s, 1),
                "articles_per_s": round(len(texts) / s, 2),
                "words_per_s": round(words / s),
                "x_bare": round(s / bare, 2),
            }
            for name, s in rows.items()
        },
    }


def paragraphs(limit: int) -> Iterator[str]:
    seen: set[str] = set()
    for path in polnear_files():
        for number, para in enumerate(path.read_text(encoding="utf-8").split("\n")):
            para = para.strip()
            if len(para.split()) >= 20 and para not in seen:
                seen.add(para)
                yield page(path, para, number)
                if len(seen) >= limit:
                    return


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue
    return total / 1024


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM article_sources").fetchone()[0])
    except sqlite3.Error:
        return 0


def scale(pages: int, workers: int, db: Path) -> dict[str, object]:
    lines = list(paragraphs(pages))
    feed = db.with_suffix(".jsonl")
    feed.write_text("\n".join(lines) + "\n")
    command = [sys.executable, "-m", "newsgraph", "ingest", str(feed), "--db", str(db)]
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*command, "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    peak_first, peak_all, first_done = 0.0, 0.0, None
    while proc.poll() is None:
        rss = tree_rss_mb(proc.pid)
        peak_all = max(peak_all, rss)
        if first_done is None:
            peak_first = max(peak_first, rss)
            if stored(db) >= 1000:
                first_done = time.perf_counter() - start
        time.sleep(1)
    seconds = time.perf_counter() - start
    return {
        "pages": len(lines),
        "stored_inputs": stored(db),
        "workers": workers,
        "seconds": round(seconds, 1),
        "pages_per_s": round(len(lines) / seconds, 1),
        "peak_rss_mb_first_1000": round(peak_first),
        "peak_rss_mb_all": round(peak_all),
        "queries_ms": query_latency(db),
    }


def query_latency(db: Path) -> dict[str, float]:
    """Median milliseconds of each query command's function on the corpus."""
    from newsgraph.query.entities import top_entities
    from newsgraph.query.export import export
    from newsgraph.query.quotes import find_quotes
    from newsgraph.query.search import search
    from newsgraph.query.timeline import timeline
    from newsgraph.store import open_store

    engine = open_store(str(db), create=False)
    out = db.with_suffix(".quotes.parquet")
    queries: dict[str, Callable[..., object]] = {
        'quotes --speaker "Trump"': lambda c: find_quotes(c, speaker="Trump"),
        'quotes --speaker "Clinton" --about "Trump"': lambda c: find_quotes(
            c, speaker="Clinton", about="Trump"
        ),
        'timeline "Hillary Clinton"': lambda c: timeline(c, "Hillary Clinton"),
        'search "border wall"': lambda c: search(c, "border wall"),
        "entities --top 20 --type PERSON": lambda c: top_entities(c, top=20, type="PERSON"),
        "export --format parquet --table quotes": lambda c: export(c, "quotes", "parquet", out),
    }
    timings: dict[str, float] = {}
    with engine.connect() as conn:
        for name, query in queries.items():
            runs = []
            for _ in range(5):
                start = time.perf_counter()
                query(conn)
                runs.append(time.perf_counter() - start)
            timings[name] = round(statistics.median(runs) * 1000, 1)
    engine.dispose()
    return timings


def store(copies: int, repeats: int) -> dict[str, object]:
    """Milliseconds per stored article with and without its events, and their ratio."""
    import dataclasses

    from newsgraph.pipeline import analyze
    from newsgraph.store import open_store
    from newsgraph.store.write import store_article

    sample_path = ROOT / "samples" / "rferl-putin-pullout.txt"
    sample = analyze(sample_path.read_bytes(), published="2016-03-15")  # loads the models
    start = time.perf_counter()
    analyze(sample_path.read_bytes(), published="2016-03-15")
    analysis = time.perf_counter() - start

    def per_article(with_events: bool, tmp: Path) -> float:
        engine = open_store(str(tmp / f"{with_events}-{time.perf_counter_ns()}.db"))
        found = sample.events if with_events else []
        pages = [
            dataclasses.replace(sample, text=f"{sample.text} {i}", events=found)
            for i in range(copies)
        ]
        start = time.perf_counter()
        for i, article in enumerate(pages):
            with engine.begin() as conn:
                store_article(conn, f"copy-{i}", article)
        engine.dispose()
        return (time.perf_counter() - start) / copies

    runs: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeats):
            runs.append((per_article(False, Path(tmp)), per_article(True, Path(tmp))))
    without = statistics.median(r[0] for r in runs)
    with_events = statistics.median(r[1] for r in runs)
    return {
        "events": len(sample.events),
        "parties": sum(len(e.actors) + len(e.recipients) for e in sample.events),
        "ms_per_article_without_events": round(without * 1000, 1),
        "ms_per_article_with_events": round(with_events * 1000, 1),
        "ratio": round(with_events / without, 2),
        "ratios": [round(on / off, 2) for off, on in runs],
        "ms_analysing_the_page": round(analysis * 1000),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="part", required=True)
    sub.add_parser("speed").add_argument("--articles", type=int, default=300)
    scaled = sub.add_parser("scale")
    scaled.add_argument("--pages", type=int, default=10_000)
    scaled.add_argument("--workers", type=int, default=2)
    stored_part = sub.add_parser("store")
    stored_part.add_argument("--copies", type=int, default=40)
    stored_part.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if args.part == "store":
        print(json.dumps(store(args.copies, args.repeats), indent=2))
        return
    if not POLNEAR.is_dir():
        print("skipped: needs ../shared/data/polnear, which is not present")
        return
    if args.part == "speed":
        result = speed(args.articles)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            result = scale(args.pages, args.workers, Path(tmp) / "corpus.db")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
