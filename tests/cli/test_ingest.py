"""`newsgraph ingest` as users run it: a real process, a real database, killed and resumed."""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import MetaData, create_engine, select

from newsgraph.store.db import database_url

from tests.conftest import SAMPLE, newsgraph


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of short news texts cut from the sample page, with one duplicate and junk."""
    folder = tmp_path_factory.mktemp("pages")
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if len(p) > 200]
    for i in range(0, 16, 2):
        (folder / f"story-{i:02d}.txt").write_text("\n\n".join(paragraphs[i : i + 2]) + "\n")
    (folder / "copy-of-story-00.txt").write_text((folder / "story-00.txt").read_text())
    (folder / "empty.txt").write_text("")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    lines = [json.dumps({"url": "https://example.org/a", "text": paragraphs[20]}), "{not json"]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    return folder


def dump(db: str) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows in a stable order, for comparing two corpora."""
    engine = create_engine(database_url(db))
    tables = MetaData()
    tables.reflect(engine)
    with engine.connect() as conn:
        rows = {
            name: sorted(
                (tuple(r) for r in conn.execute(select(table).order_by(*table.c))),
                key=repr,
            )
            for name, table in tables.tables.items()
            if not name.endswith(("_fts", "_data", "_idx", "_docsize", "_config", "_content"))
        }
        added = list(tables.tables["events"].c.keys()).index("added")
    engine.dispose()
    rows["failures"] = [r[:2] for r in rows["failures"]]  # not the time it failed
    rows["events"] = [r[:added] + r[added + 1 :] for r in rows["events"]]  # nor when stored
    return rows


def test_ingest_stores_each_page_once_and_reports_failures(pages: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "corpus.db")
    first = newsgraph("ingest", str(pages), "--db", db)
    assert first.returncode == 1, first.stderr  # failures make the exit non-zero
    said = " ".join(first.stderr.split())
    assert "9 stored, 1 exact duplicate" in said and "2 failed" in said
    corpus = dump(db)
    assert len(corpus["articles"]) == 9  # 8 stories + the JSONL line; the copy is a source
    assert len(corpus["article_sources"]) == 10
    reasons = dict(corpus["failures"])
    assert set(reasons) == {str(pages / "empty.txt"), f"{pages / 'feed.jsonl'}#L2"}
    again = newsgraph("ingest", str(pages), "--db", db)
    assert "10 already in the corpus" in " ".join(again.stderr.split())
    assert dump(db) == corpus


def test_a_date_for_undated_pages_resolves_their_time_expressions(tmp_path: Path) -> None:
    (tmp_path / "talks.txt").write_text(
        "Talks resume\n\nThe minister said on Monday that talks would resume in Geneva.\n"
    )
    db = str(tmp_path / "corpus.db")
    wrong = newsgraph("ingest", str(tmp_path), "--db", db, "--published", "15/03/2016")
    assert wrong.returncode == 2 and "--published must be a date" in wrong.stderr
    assert (
        newsgraph("ingest", str(tmp_path), "--db", db, "--published", "2016-03-15").returncode == 0
    )
    corpus = dump(db)
    assert [r[5:7] for r in corpus["articles"]] == [("2016-03-15", "given")]
    assert ("Monday", "DATE", "2016-03-14") in {r[4:7] for r in corpus["timexes"]}


def test_damaged_inputs_beside_good_ones_are_one_failure_each_and_the_rest_is_stored(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    story = "Talks resume\n\nThe minister said on Monday that talks would resume in Geneva.\n"
    (folder / "good.txt").write_text(story)
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    page = "<html><body>" + "<p>A paragraph of the saved page.</p>" * 400 + "</body></html>"
    packed = gzip.compress(page.encode())
    (folder / "page.html.gz").write_bytes(packed[: len(packed) // 2])
    (folder / "crawl.warc").write_text("this is not a warc file at all\n" * 200)
    lines = [{"text": story.replace("Geneva", "Vienna"), "published": "2016-13-45"}]
    (folder / "feed.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    db = str(tmp_path / "corpus.db")
    run = newsgraph("ingest", str(folder), "--db", db)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "WARNING: Record" not in run.stderr and len(run.stderr.splitlines()) < 12
    said = " ".join(run.stderr.split())
    assert "6 inputs: 2 stored" in said and "4 failed" in said
    corpus = dump(db)
    assert set(dict(corpus["failures"])) == {
        str(folder / "loop-a.txt"),
        str(folder / "loop-b.txt"),
        str(folder / "page.html.gz"),
        f"{folder / 'crawl.warc'}@0",
    }
    assert sorted(r[5:7] for r in corpus["articles"]) == [(None, "unknown"), (None, "unknown")]
    warnings = [w for r in corpus["articles"] for w in r[-1]["warnings"]]  # type: ignore[index]
    assert any("'2016-13-45' is not an ISO date" in w for w in warnings)


def test_ingest_refuses_a_database_it_cannot_use(pages: Path, tmp_path: Path) -> None:
    bad = newsgraph("ingest", str(pages), "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert bad.returncode != 0
    assert bad.stderr.count("\n") == 1 and "cannot connect to the database" in bad.stderr
    (tmp_path / "no-pages").mkdir()
    none = newsgraph("ingest", str(tmp_path / "no-pages"), "--db", str(tmp_path / "new.db"))
    assert none.returncode != 0 and "Traceback" not in none.stderr
    empty, notes = tmp_path / "empty.db", tmp_path / "notes.db"
    empty.touch()
    with sqlite3.connect(notes) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()
    kept = notes.read_bytes()
    for db, why in ((empty, "empty file"), (notes, "another program's SQLite database")):
        for command in (["ingest", str(pages)], ["quotes"]):
            run = newsgraph(*command, "--db", str(db))
            assert run.returncode != 0 and run.stderr.count("\n") == 1 and why in run.stderr
    assert empty.read_bytes() == b"" and notes.read_bytes() == kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db", "no-pages", "notes.db"]


def test_a_run_killed_at_random_moments_resumes_to_the_same_corpus(
    pages: Path, tmp_path: Path
) -> None:
    clean = str(tmp_path / "clean.db")
    newsgraph("ingest", str(pages), "--db", clean)
    killed = str(tmp_path / "killed.db")
    chance = random.Random(int(os.environ.get("NEWSGRAPH_KILL_SEED", "5")))
    for _ in range(4):
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsgraph", "ingest", str(pages), "--db", killed],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(chance.uniform(1.0, 6.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    newsgraph("ingest", str(pages), "--db", killed)
    assert dump(killed) == dump(clean)


def test_ray_engine_without_ray_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    monkeypatch.setitem(sys.modules, "ray", None)  # as if installed without the ray extra
    db = tmp_path / "corpus.db"
    result = CliRunner().invoke(app, ["ingest", str(SAMPLE), "--engine", "ray", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "newsgraph: error: the Ray engine needs the ray package: pip install 'newsgraph[ray]'"
    )
    assert not db.exists()
