"""Worker processes that are killed and replaced: an overrun or a crash fails one input only."""

from __future__ import annotations

import os
import time

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.run.guard import Guarded, Job, run_guarded


def _work(item: str) -> str:
    """A job whose inputs say how to behave: hang in a way no signal stops, die, or answer."""
    if item == "hang":
        time.sleep(3600)  # in the worker, under the parent's hard limit only
    if item == "die":
        os._exit(9)
    if item == "bug":
        raise ValueError("a bug")
    if item == "hog":
        return str(len(bytearray(8 * 1024**3)))  # past the worker's memory cap
    return item.upper()


def _failed(item: str, reason: str) -> str:
    return f"{item}: {reason}"


def _broken_warm_up() -> None:
    raise OSError("no model here")


JOB: Job[str, str] = Job(_work, _failed)


def test_an_overrun_fails_its_input_and_a_fresh_worker_goes_on() -> None:
    start = time.monotonic()
    results = list(run_guarded(JOB, ["a", "hang", "b"], limit_s=0.5))
    assert results == ["A", "hang: gave up after the 0.5 s time limit", "B"]
    assert time.monotonic() - start < 60


def test_a_worker_that_dies_or_raises_fails_only_its_input() -> None:
    results = list(run_guarded(JOB, ["die", "bug", "c"], limit_s=30))
    assert results[0].startswith("die: the worker process died")
    assert results[1] == "bug: internal error (ValueError: a bug)"
    assert results[2] == "C"


def test_a_worker_cannot_take_the_machine_s_memory() -> None:
    results = list(run_guarded(JOB, ["hog", "d"]))
    assert results == ["hog: internal error (MemoryError: )", "D"]


def test_results_keep_the_input_order_with_several_workers() -> None:
    items = ["hang", *"abcdef"]
    assert list(run_guarded(JOB, items, workers=2, limit_s=0.5)) == [
        "hang: gave up after the 0.5 s time limit",
        *"ABCDEF",
    ]


def test_a_worker_that_cannot_load_is_one_error_for_the_run() -> None:
    with pytest.raises(NewsgraphError, match="could not start: OSError: no model here"):
        list(run_guarded(Job(_work, _failed, _broken_warm_up), ["a"]))


def test_no_input_starts_no_worker() -> None:
    # a worker that cannot load would fail the run if one were started
    assert list(run_guarded(Job(_work, _failed, _broken_warm_up), [])) == []


def test_a_long_lived_worker_survives_a_stalled_item_and_serves_threads() -> None:
    """`Guarded`, as the server holds it: one warm worker, items from many threads."""
    import threading

    guarded = Guarded(JOB, limit_s=0.5)
    try:
        assert guarded.run("a") == "A"
        assert guarded.run("hang") == "hang: gave up after the 0.5 s time limit"
        assert guarded.run("b") == "B"
        answers: dict[str, str] = {}

        def ask(item: str) -> None:
            answers[item] = guarded.run(item)

        threads = [threading.Thread(target=ask, args=(item,)) for item in "cdefg"]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert answers == {item: item.upper() for item in "cdefg"}
    finally:
        guarded.close()
