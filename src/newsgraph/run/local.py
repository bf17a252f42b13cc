"""The local engine: the work of `run/work.py` in worker processes on this machine.

Every input, with `--workers 1` too, runs in a worker process that is killed
and replaced when it overruns its time limit (see `run/guard.py`), so one
page that stalls inside C code costs its own failure, not the run. Results
come back in input order so that a run is deterministic (which copy of a
duplicate is stored first, which article starts a story).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsgraph.read.sources import InputFailure, PageInput
from newsgraph.run.guard import Job, run_guarded
from newsgraph.run.work import DEFAULTS, Options, Result, process

Task = tuple[PageInput | InputFailure, Options]


def run_local(
    items: Iterable[PageInput | InputFailure], workers: int = 1, options: Options = DEFAULTS
) -> Iterator[Result]:
    """Process the inputs with `workers` worker processes, in input order."""
    tasks = ((item, options) for item in items)
    return run_guarded(PAGES, tasks, workers=workers, limit_s=options.time_limit_s)


def _run(task: Task) -> Result:
    return process(*task)


def _failed(task: Task, reason: str) -> Result:
    """The result of an input whose worker was stopped: overrun, or died."""
    return Result(task[0].key, failure=reason)


def _warm_up() -> None:
    """Load everything analysis uses before the first page, so that no page's limit pays."""
    from newsgraph.pipeline import warm_up

    warm_up(everything=True)


# what a page worker runs; the Ray engine's actors run it in workers of their own
PAGES: Job[Task, Result] = Job(_run, _failed, _warm_up)
