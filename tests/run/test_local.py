"""The local engine: results in input order, the same with a pool as in this process."""

from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.read.sources import InputFailure, iter_inputs
from newsgraph.run.local import _result, run_local
from newsgraph.run.work import Result


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


def test_a_dead_worker_process_is_one_line_that_says_how_to_resume() -> None:
    died: Future[Result] = Future()
    died.set_exception(BrokenProcessPool("A process in the process pool was terminated"))
    with pytest.raises(NewsgraphError, match=r"died while reading big\.html.*run the same command"):
        _result("big.html", died)
