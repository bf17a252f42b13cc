"""The local engine: results in input order, the same with a pool as in this process."""

from __future__ import annotations

import time
from pathlib import Path

from newsgraph.read.sources import InputFailure, PageInput, iter_inputs
from newsgraph.run.local import run_local
from newsgraph.run.work import Options

from tests.run.conftest import STORY


def test_results_follow_the_input_order_failures_included(corpus: Path) -> None:
    items = [InputFailure("first", "unreadable"), *iter_inputs([str(corpus)])]
    results = list(run_local(items))
    assert [result.key for result in results] == [item.key for item in items]
    assert results[0].failure == "unreadable"
    assert [result.failure for result in results[1:]] == [
        None,
        None,
        "no article body found",
        None,
        None,
    ]


def test_two_workers_give_what_one_gives(corpus: Path) -> None:
    items = list(iter_inputs([str(corpus)]))
    alone = [result.to_dict() for result in run_local(items, workers=1)]
    pooled = [result.to_dict() for result in run_local(items, workers=2)]
    assert pooled == alone


def test_pages_past_the_time_limit_fail_and_the_run_goes_on() -> None:
    # 100,000 spans take trafilatura about 30 s; a million elements keep lxml busy
    # for minutes, where no signal reaches: only killing the worker stops it
    spans = "<html><body>" + "<span>x</span>" * 100_000 + "</body></html>"
    million = "<html><body>" + "<i>a</i>" * 1_000_000 + "</body></html>"
    items = [
        PageInput("spans.html", spans, kind="html"),
        PageInput("million.html", million, kind="html"),
        PageInput("good.txt", STORY),
    ]
    start = time.monotonic()
    results = list(run_local(items, options=Options(time_limit_s=1)))
    assert time.monotonic() - start < 240  # the million elements alone take minutes
    assert [r.failure for r in results] == ["gave up after the 1 s time limit"] * 2 + [None]
    assert results[2].article is not None and "Elbe" in results[2].article.text
