"""The Ray engine on a local Ray instance: the same corpus as the local engine, and resumable.

One Ray instance serves the whole module (starting one takes seconds); each
run_ray call starts its own two actors and kills them when it ends.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from newsgraph.errors import NewsgraphError
from newsgraph.read.sources import iter_inputs
from newsgraph.run.local import run_local
from newsgraph.run.work import DEFAULTS, Options, Result, Tally, write_results
from newsgraph.store import open_store
from newsgraph.store.schema import metadata

from tests.run.conftest import STORY

ray = pytest.importorskip("ray")

from newsgraph.run.ray import Shard, run_ray, shard_id, shard_plan  # noqa: E402


@pytest.fixture(scope="module", autouse=True)
def ray_instance() -> Iterator[None]:
    """One small, quiet local Ray instance for the module."""
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        logging_level="ERROR",
        object_store_memory=128 * 1024 * 1024,
    )
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def specs(corpus: Path) -> list[str]:
    return [str(corpus), str(corpus / "missing.txt")]


@pytest.fixture(scope="module")
def local_db(tmp_path_factory: pytest.TempPathFactory, specs: list[str]) -> Engine:
    """The corpus the local engine builds: what the Ray engine must equal."""
    store = open_store(str(tmp_path_factory.mktemp("local") / "corpus.db"))
    _drain(write_results(store, run_local(iter_inputs(specs)), Tally()))
    return store


def test_shards_are_the_walked_files_in_input_order(corpus: Path, specs: list[str]) -> None:
    plan = list(shard_plan(specs))
    shards = [shard for shard in plan if isinstance(shard, Shard)]
    names = [Path(shard.spec).relative_to(corpus).as_posix() for shard in shards]
    assert names == ["a-bridge.txt", "feed.jsonl", "news/port.html", "z-copy.txt", "missing.txt"]
    assert len(shards) == len(plan) == len({shard.id for shard in shards})


def test_ray_builds_the_same_corpus_as_the_local_engine(
    tmp_path: Path, specs: list[str], local_db: Engine
) -> None:
    store = open_store(str(tmp_path / "ray.db"))
    tally = Tally()
    results = _drain(write_results(store, _ray(specs, tmp_path / "shards"), tally))
    assert [r.key for r in results] == [item.key for item in iter_inputs(specs)]
    assert (tally.stored, tally.duplicates, len(tally.failed)) == (3, 1, 2)
    assert _dump(store) == _dump(local_db)


def test_a_rerun_skips_finished_shards_and_stores_nothing_twice(
    tmp_path: Path, specs: list[str], local_db: Engine
) -> None:
    shards = tmp_path / "shards"
    store = open_store(str(tmp_path / "ray.db"))
    _drain(write_results(store, _ray(specs, shards), Tally()))
    before = _stamps(shards)
    assert sum(name.endswith(".done") for name in before) == 5

    again = Tally()
    _drain(write_results(store, _ray(specs, shards), again))
    assert _stamps(shards) == before  # nothing recomputed, nothing rewritten
    assert (again.stored, again.duplicates, again.already) == (0, 0, 4)
    assert _dump(store) == _dump(local_db)

    fresh = open_store(str(tmp_path / "fresh.db"))
    _drain(write_results(fresh, _ray(specs, shards), Tally()))
    assert _stamps(shards) == before
    assert _dump(fresh) == _dump(local_db)


def test_a_changed_file_is_redone(tmp_path: Path, corpus: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(STORY, encoding="utf-8")
    shards = tmp_path / "shards"
    _drain(_ray([str(page)], shards))
    page.write_text(STORY.replace("Elbe", "Rhine"), encoding="utf-8")
    os.utime(page, ns=(1, 1))  # a different mtime, whatever the clock's resolution
    [result] = _ray([str(page)], shards)
    assert result.article is not None and "Rhine" in result.article.text
    assert sum(name.endswith(".done") for name in _stamps(shards)) == 2


def test_a_failed_shard_names_itself_and_finished_shards_are_kept(tmp_path: Path) -> None:
    good, bad = tmp_path / "a.txt", tmp_path / "b.txt"
    good.write_text(STORY, encoding="utf-8")
    bad.write_text(STORY.replace("Elbe", "Rhine"), encoding="utf-8")
    shards = tmp_path / "shards"
    (shards / f"{shard_id(str(bad))}.jsonl.gz").mkdir(parents=True)  # its output cannot be saved
    results: list[Result] = []
    with pytest.raises(NewsgraphError, match=f"Ray worker failed on {bad}"):
        results.extend(_ray([str(good), str(bad)], shards))
    assert [result.key for result in results] == [str(good)]
    assert (shards / f"{shard_id(str(good))}.done").exists()
    assert not (shards / f"{shard_id(str(bad))}.done").exists()


def test_pages_past_the_time_limit_fail_and_the_shard_goes_on(tmp_path: Path) -> None:
    # as in the local engine's test: a million elements keep lxml busy for
    # minutes, where no signal reaches; only killing the page's worker stops it
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a-spans.html").write_text(
        "<html><body>" + "<span>x</span>" * 100_000 + "</body></html>"
    )
    (pages / "b-million.html").write_text(
        "<html><body>" + "<i>a</i>" * 1_000_000 + "</body></html>"
    )
    (pages / "c-good.txt").write_text(STORY, encoding="utf-8")
    start = time.monotonic()
    options = Options(time_limit_s=1)
    run = run_ray([str(pages)], address=None, workers=1, shard_dir=tmp_path / "s", options=options)
    results = list(run)
    assert time.monotonic() - start < 240  # the million elements alone take minutes
    assert [r.failure for r in results] == ["gave up after the 1 s time limit"] * 2 + [None]
    assert results[2].article is not None and "Elbe" in results[2].article.text


def test_the_cli_ingests_with_ray(tmp_path: Path, corpus: Path, local_db: Engine) -> None:
    db, shards = tmp_path / "cli.db", tmp_path / "shards"
    command = [sys.executable, "-m", "newsgraph", "ingest", "--engine", "ray", "--workers", "2"]
    command += ["--db", str(db), "--shards", str(shards), str(corpus), str(corpus / "missing.txt")]
    env = {**os.environ, "COLUMNS": "400"}  # one report line, however rich wraps
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 1, done.stderr  # 1: some inputs failed (missing.txt, empty page)
    assert "6 inputs: 3 stored" in done.stderr
    assert _dump(open_store(str(db))) == _dump(local_db)


def _ray(specs: list[str], shards: Path) -> Iterator[Result]:
    return run_ray(specs, address=None, workers=2, shard_dir=shards, options=DEFAULTS)


def _drain(results: Iterator[Result]) -> list[Result]:
    return list(results)


def _stamps(folder: Path) -> dict[str, int]:
    """Each file in the shard folder and its modification time."""
    return {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}


def _dump(store: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in a stable order; only the times of failures and events may differ."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with store.connect() as conn:
        for table in metadata.sorted_tables:
            columns = [column for column in table.columns if column.name not in ("at", "added")]
            order = list(table.primary_key.columns) or columns
            rows = conn.execute(select(*columns).order_by(*order))
            tables[table.name] = [tuple(row) for row in rows]
    return tables
