"""The local engine: the work of `run/work.py` in this process or a pool of processes.

Results come back in input order so that a run is deterministic (which copy
of a duplicate is stored first, which article starts a story), and at most a
few inputs per worker are in flight, so memory stays flat however long the
input stream is.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from newsgraph.errors import NewsgraphError
from newsgraph.read.sources import InputFailure, PageInput
from newsgraph.run.work import DEFAULTS, Options, Result, process

IN_FLIGHT_PER_WORKER = 4


def run_local(
    items: Iterable[PageInput | InputFailure], workers: int = 1, options: Options = DEFAULTS
) -> Iterator[Result]:
    """Process the inputs with `workers` processes (1: in this process), in order."""
    if workers <= 1:
        for item in items:
            yield process(item, options)
        return
    # spawn, not fork: the parent runs threads (progress bar, database driver)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm_up) as pool:
        pending: deque[tuple[str, Future[Result]]] = deque()
        for item in items:
            pending.append((item.key, pool.submit(process, item, options)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())


def _result(key: str, future: Future[Result]) -> Result:
    """The result, or one line when the worker process itself died (killed, out of memory)."""
    try:
        return future.result()
    except BrokenProcessPool:
        raise NewsgraphError(
            f"a worker process died while reading {key} (out of memory?); "
            "what was stored is kept: run the same command again to resume"
        ) from None


def _warm_up() -> None:
    """Load the spaCy model once per worker process, before its first page."""
    from newsgraph.analyse.nlp import load_nlp

    load_nlp()
