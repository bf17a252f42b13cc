"""The local engine: results in input order, the same with a pool as in this process."""

from __future__ import annotations

from pathlib import Path

from newsgraph.read.sources import InputFailure, iter_inputs
from newsgraph.run.local import run_local


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
