"""Work that can be stopped: each input runs in a worker process that is killed on overrun.

SIGALRM (`pipeline.time_limit`) stops most overruns inside the worker, but not
one inside C code, such as lxml building the tree of a page of a million
elements, and not one that a library catches. So the parent holds the hard
limit: a worker still busy `GRACE_S` after an input's limit is killed, the
input is recorded as failed, and a fresh worker takes its place (datatrove
runs its extractors the same way). A worker dead for another reason (out of
memory) is replaced too. Each worker loads its model (`warm_up`) before it
says it is ready, and an input's clock starts only when it is handed to a
ready worker, so loading never counts against the first input's limit.

Workers are spawned, not forked: the parent runs threads (progress bar,
database driver), and a spawned worker imports only what it needs, so the
parent never imports spaCy. Results come back in input order, with at most
`IN_FLIGHT_PER_WORKER` inputs per worker read ahead, so memory stays flat
however long the input stream is.
"""

from __future__ import annotations

import gc
import multiprocessing
import resource
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

from newsgraph.errors import NewsgraphError, time_limit_message

T = TypeVar("T")
R = TypeVar("R")

GRACE_S = 2.0  # past the limit, for the soft limit (SIGALRM) to end the input cleanly
START_LIMIT_S = 600.0  # for a worker to load its model: only a broken install takes longer
IN_FLIGHT_PER_WORKER = 4
# Address space per worker: a warm worker maps about 0.5 GB after a few articles
# and a parse peaks near 200 MB more (see analyse/nlp.py), so only a page gone
# wrong reaches this; it then fails with MemoryError instead of swapping the machine.
MEMORY_LIMIT_BYTES = 4 * 1024**3

_READY = "ready"


@dataclass(slots=True)
class _Worker:
    """One worker process, and the input it is working on (an index into the run)."""

    process: BaseProcess
    conn: Connection
    ready: bool = False
    task: int | None = None
    deadline: float = float("inf")


@dataclass(slots=True, frozen=True)
class Job(Generic[T, R]):
    """What every worker runs: `warm_up()` once, then `run(item)` for each input.

    Both are module-level functions (they are pickled by name). `failed(item,
    reason)` makes the result of an input that was stopped; it runs in the parent.
    """

    run: Callable[[T], R]
    failed: Callable[[T, str], R]
    warm_up: Callable[[], object] | None = None


def run_guarded(
    job: Job[T, R], items: Iterable[T], *, workers: int = 1, limit_s: float | None = None
) -> Iterator[R]:
    """`job.run` on every item in `workers` processes, in input order, each within `limit_s`."""
    pool = _Pool(job, max(1, workers), limit_s)
    try:
        yield from pool.results(iter(items))
    finally:
        pool.close()


class Guarded(Generic[T, R]):
    """Workers that outlive one run (a server, a Ray actor): `run` one item at a time.

    The workers start (and load their model) with the first item and stay warm
    for the next; an item that overruns `limit_s` costs its worker, which is
    replaced, as in `run_guarded`. Items from several threads wait their turn.
    """

    def __init__(self, job: Job[T, R], *, limit_s: float | None = None) -> None:
        self._pool = _Pool(job, 1, limit_s)
        self._lock = threading.Lock()

    def run(self, item: T) -> R:
        with self._lock:
            return next(self._pool.results(iter([item])))

    def close(self) -> None:
        with self._lock:
            self._pool.close()


class _Pool(Generic[T, R]):
    """The workers of one run and the inputs handed to them (state that is real)."""

    def __init__(self, job: Job[T, R], size: int, limit_s: float | None) -> None:
        self._job = job
        self._limit_s = limit_s
        self._context = multiprocessing.get_context("spawn")
        self._size = size
        self._workers: list[_Worker] = []  # started with the first input: none for no input
        self._items: dict[int, T] = {}
        self._done: dict[int, R] = {}

    def results(self, stream: Iterator[T]) -> Iterator[R]:
        """Hand out inputs and collect results until the stream is used up."""
        queued: list[int] = []
        taken = emitted = 0
        exhausted = False
        ahead = self._size * IN_FLIGHT_PER_WORKER
        while True:
            while not exhausted and taken - emitted < ahead:
                item = next(stream, _END)
                if item is _END:
                    exhausted = True
                    break
                self._items[taken] = item
                queued.append(taken)
                taken += 1
            if taken and not self._workers:
                self._workers = [self._start() for _ in range(self._size)]
            for worker in self._workers:
                if worker.ready and worker.task is None and queued:
                    self._hand(worker, queued.pop(0))
            while emitted in self._done:
                yield self._done.pop(emitted)
                emitted += 1
            if exhausted and emitted == taken:
                return
            self._wait()

    def close(self) -> None:
        """Stop every worker: close its pipe (it exits at once), kill it if it lingers."""
        for worker in self._workers:
            worker.conn.close()
        for worker in self._workers:
            worker.process.join(timeout=1.0)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()

    def _start(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(
            target=_serve, args=(theirs, self._job.run, self._job.warm_up), daemon=True
        )
        process.start()
        theirs.close()  # so that our end sees EOF when the worker dies
        return _Worker(process, ours, deadline=time.monotonic() + START_LIMIT_S)

    def _hand(self, worker: _Worker, index: int) -> None:
        worker.task = index
        worker.deadline = (
            time.monotonic() + self._limit_s + GRACE_S
            if self._limit_s is not None
            else float("inf")
        )
        try:
            worker.conn.send(self._items[index])
        except (BrokenPipeError, ConnectionResetError):
            self._replace(worker, "the worker process died before it began")

    def _wait(self) -> None:
        """Wait for a message or the nearest deadline, and act on what happened."""
        nearest = min(worker.deadline for worker in self._workers)
        timeout = max(0.0, nearest - time.monotonic()) if nearest != float("inf") else None
        ready = wait([worker.conn for worker in self._workers], timeout)
        for worker in list(self._workers):
            if worker.conn in ready:
                self._receive(worker)
            elif time.monotonic() >= worker.deadline:
                self._overrun(worker)

    def _receive(self, worker: _Worker) -> None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(timeout=5.0)
            code = worker.process.exitcode
            if not worker.ready:
                raise NewsgraphError(
                    f"a worker process could not start (exit status {code})"
                ) from None
            self._replace(worker, f"the worker process died (exit status {code}; out of memory?)")
            return
        if not worker.ready:
            status, detail = message
            if status != _READY:
                raise NewsgraphError(f"a worker process could not start: {detail}")
            worker.ready, worker.deadline = True, float("inf")
            return
        status, value = message
        index = self._finish(worker)
        self._done[index] = value if status == "ok" else self._job.failed(self._items[index], value)
        self._items.pop(index)

    def _overrun(self, worker: _Worker) -> None:
        if not worker.ready:
            raise NewsgraphError(f"a worker process did not start within {START_LIMIT_S:g} s")
        assert self._limit_s is not None  # only a limited input has a deadline
        self._replace(worker, time_limit_message(self._limit_s))

    def _replace(self, worker: _Worker, reason: str) -> None:
        """Kill the worker, fail its input with `reason`, and start a fresh one."""
        worker.process.kill()
        worker.process.join()
        worker.conn.close()
        if worker.task is not None:
            index = self._finish(worker)
            self._done[index] = self._job.failed(self._items.pop(index), reason)
        self._workers[self._workers.index(worker)] = self._start()

    @staticmethod
    def _finish(worker: _Worker) -> int:
        assert worker.task is not None
        index, worker.task, worker.deadline = worker.task, None, float("inf")
        return index


_END: Any = object()


def _serve(
    conn: Connection, run: Callable[[Any], Any], warm_up: Callable[[], object] | None
) -> None:
    """The worker's loop: warm up, say so, then one input after another until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to report
    _cap_memory(MEMORY_LIMIT_BYTES)
    try:
        if warm_up is not None:
            warm_up()
    except Exception as exc:  # a broken install: the parent reports it once, for the run
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    # What is loaded stays: keep the collector off it, and collect less often. The
    # gazetteers, built on first use, are hundreds of thousands of small objects;
    # the default thresholds made their load take twice as long (1.96 s to 1.10 s
    # of CPU for a first PolNeAR article), and the documents after it no slower.
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    conn.send((_READY, None))
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", run(item)))
        except Exception as exc:  # a bug in `run`: still that input's one-line failure
            conn.send(("error", f"internal error ({type(exc).__name__}: {exc})"))


def _cap_memory(limit: int) -> None:
    """Lower the worker's address-space limit to `limit` (never raise it), where supported."""
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
        if soft == resource.RLIM_INFINITY or soft > cap:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):  # not allowed here: the worker runs without a cap
        pass
