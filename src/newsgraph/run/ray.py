"""The Ray engine: the work of `run/work.py` on a Ray cluster, one shard per input file.

Each file (after folders are walked) is a shard. Ray actors take shards as
they fall free; each runs its pages in a worker process of its own that holds
the spaCy model and is killed and replaced when a page overruns its time limit
(`run/guard.py`, as the local engine does: no signal stops lxml, so only a kill
makes the limit hold). An actor writes each shard's results to
`<id>.jsonl.gz` in the shard folder, then an empty `<id>.done` marker; a shard
id hashes the file's path, size and modification time, so a re-run skips the
shards that are finished and redoes a file that changed. The driver reads the
shard files back in input order, one line at a time, so that `write_results`
builds the same corpus as the local engine.

On a cluster, the inputs and the shard folder must be on storage that every
node sees at the same path (see docs/scaling.md).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import NewsgraphError
from newsgraph.extras import require
from newsgraph.read.sources import InputFailure, iter_inputs, walk_files
from newsgraph.run.guard import Guarded
from newsgraph.run.local import PAGES, Task
from newsgraph.run.work import Options, Result

if TYPE_CHECKING:
    from ray.actor import ActorHandle
    from ray.types import ObjectRef

# results travel through shard files, not the object store, so a small one does
LOCAL_OBJECT_STORE_BYTES = 128 * 1024 * 1024
# bump when the shard file format changes, so old outputs are not read back
SHARD_FORMAT = "1"


@dataclass(slots=True, frozen=True)
class Shard:
    """One input file (or URL, or missing path) and the id its outputs are named by."""

    spec: str
    id: str


def run_ray(
    paths: list[str],
    *,
    address: str | None,
    workers: int,
    shard_dir: Path,
    options: Options,
) -> Iterator[Result]:
    """Process the inputs on Ray (a local instance when no address), in input order."""
    ray = import_ray()
    shard_dir = _shard_folder(shard_dir)
    plan = list(shard_plan(paths))
    started = _connect(ray, address, workers)
    try:
        pool = _ShardPool(ray, workers, shard_dir, options)
        try:
            pool.add(entry for entry in plan if isinstance(entry, Shard))
            for entry in plan:
                if isinstance(entry, InputFailure):
                    yield Result(entry.key, failure=entry.reason)
                    continue
                pool.wait_for(entry)
                for result in read_shard(shard_dir, entry):
                    yield result
                    pool.poll()
        finally:
            pool.close()
    finally:
        if started:
            ray.shutdown()


def input_files(specs: Iterable[str]) -> Iterator[str | InputFailure]:
    """Each argument as it is, except a folder, which becomes the files iter_inputs walks.

    A URL, a missing path or an unreadable one stays whole: processing it with
    iter_inputs gives the same item or failure as the local engine.
    """
    for spec in specs:
        if _is_folder(spec):
            for found in walk_files(Path(spec)):
                yield found if isinstance(found, InputFailure) else str(found)
        else:
            yield spec


def shard_plan(specs: Iterable[str]) -> Iterator[Shard | InputFailure]:
    """The shards of a run in input order, with the folders that could not be listed."""
    for entry in input_files(specs):
        yield entry if isinstance(entry, InputFailure) else Shard(entry, shard_id(entry))


def shard_id(spec: str) -> str:
    """A name for a shard's outputs that changes when the file changes."""
    try:
        stat = Path(spec).stat()
        stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
    except (OSError, ValueError):
        stamp = "absent"
    key = "\0".join((SHARD_FORMAT, spec, str(Path(spec).absolute()), stamp))
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def is_done(shard_dir: Path, shard: Shard) -> bool:
    """A marker is written after the output is complete, so both present means finished."""
    return (shard_dir / f"{shard.id}.done").exists() and _output(shard_dir, shard).exists()


def read_shard(shard_dir: Path, shard: Shard) -> Iterator[Result]:
    """A finished shard's results, one line at a time."""
    path = _output(shard_dir, shard)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            for line in stream:
                yield Result.from_dict(json.loads(line))
    except (OSError, EOFError, ValueError, KeyError) as exc:
        raise NewsgraphError(
            f"shard output {path} for {shard.spec} is damaged ({exc}): "
            f"delete it and {shard.id}.done to redo the shard"
        ) from None


def write_shard(
    shard_dir: Path, shard: Shard, options: Options, run: Callable[[Task], Result]
) -> int:
    """Process one shard with `run` into its output file, then mark it done; returns the count.

    The output is written to a temporary file and renamed, and the marker comes
    last, so an interrupted shard leaves no marker and is redone next time.
    """
    fd, temp = tempfile.mkstemp(dir=shard_dir, prefix=f".{shard.id}.", suffix=".tmp")
    count = 0
    try:
        with os.fdopen(fd, "wb") as raw:
            with gzip.GzipFile(fileobj=raw, mode="wb") as stream:
                for item in iter_inputs([shard.spec]):
                    line = json.dumps(run((item, options)).to_dict(), ensure_ascii=False)
                    stream.write(line.encode("utf-8") + b"\n")
                    count += 1
            raw.flush()
            os.fsync(raw.fileno())
        Path(temp).replace(_output(shard_dir, shard))
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    (shard_dir / f"{shard.id}.done").touch()
    return count


class ShardWorker:
    """A Ray actor: one page worker, warm from the first page on, then shard after shard.

    The worker is spawned by the actor and loads the model before its first
    page; it exits when the actor dies (its pipe closes).
    """

    def __init__(self, cwd: str, options: Options) -> None:
        # relative input paths (and so the keys) mean what they meant to the driver
        if Path(cwd).is_dir():
            os.chdir(cwd)
        self._options = options
        self._pages = Guarded(PAGES, limit_s=options.time_limit_s)

    def run(self, shard_dir: str, shard: Shard) -> int:
        return write_shard(Path(shard_dir), shard, self._options, self._pages.run)


class _ShardPool:
    """Hands shards to idle actors and notes which have finished or failed.

    Actors are started only when there is work for them, so a re-run whose
    shards are all finished loads no model. A failure is raised only when the
    driver reaches that shard, so the shards before it are still stored.
    """

    def __init__(self, ray: Any, workers: int, shard_dir: Path, options: Options) -> None:
        self._ray = ray
        self._shard_dir = shard_dir
        self._options = options
        self._queue: deque[Shard] = deque()
        self._seen: set[str] = set()
        self._done: set[str] = set()
        self._failed: dict[str, str] = {}
        self._running: dict[ObjectRef[int], tuple[ActorHandle[ShardWorker], Shard]] = {}
        self._workers = workers
        self._actors: list[ActorHandle[ShardWorker]] = []
        self._idle: list[ActorHandle[ShardWorker]] = []

    def add(self, shards: Iterable[Shard]) -> None:
        """Queue the shards not finished by an earlier run (each id once)."""
        for shard in shards:
            if shard.id in self._seen:
                continue
            self._seen.add(shard.id)
            if is_done(self._shard_dir, shard):
                self._done.add(shard.id)
            else:
                self._queue.append(shard)

    def wait_for(self, shard: Shard) -> None:
        """Keep the actors busy until this shard is finished; raise if it failed."""
        while shard.id not in self._done:
            if shard.id in self._failed:
                raise NewsgraphError(self._failed[shard.id])
            self._start()
            self._collect(block=True)

    def poll(self) -> None:
        """Collect finished shards and start new ones, without waiting."""
        self._collect(block=False)
        self._start()

    def close(self) -> None:
        for actor in self._actors:
            self._ray.kill(actor)

    def _start(self) -> None:
        while self._queue and (self._idle or len(self._actors) < self._workers):
            if not self._idle:
                self._idle.append(self._new_actor())
            actor, shard = self._idle.pop(), self._queue.popleft()
            ref: ObjectRef[int] = actor.run.remote(str(self._shard_dir), shard)
            self._running[ref] = (actor, shard)

    def _new_actor(self) -> ActorHandle[ShardWorker]:
        actor: ActorHandle[ShardWorker] = self._ray.remote(num_cpus=1)(ShardWorker).remote(
            str(Path.cwd()), self._options
        )
        self._actors.append(actor)
        return actor

    def _collect(self, *, block: bool) -> None:
        if not self._running:
            return
        refs = list(self._running)
        ready, _ = self._ray.wait(
            refs, num_returns=1 if block else len(refs), timeout=None if block else 0
        )
        for ref in ready:
            actor, shard = self._running.pop(ref)
            try:
                self._ray.get(ref)
            except self._ray.exceptions.RayError as exc:
                why = f"the Ray worker failed on {shard.spec} (shard {shard.id}): {_cause(exc)}"
                self._failed[shard.id] = why
                self._retire(actor)
            else:
                self._done.add(shard.id)
                self._idle.append(actor)

    def _retire(self, actor: ActorHandle[ShardWorker]) -> None:
        """Drop an actor whose shard failed (it may be dead); a fresh one may take its place."""
        self._actors.remove(actor)
        self._ray.kill(actor)


def import_ray() -> Any:
    """The ray module, or a one-line error saying which extra installs it."""
    return require("ray", extra="ray", purpose="the Ray engine")


def _connect(ray: Any, address: str | None, workers: int) -> bool:
    """Join the cluster, or start a quiet local instance; True when we started one.

    With no address, RAY_ADDRESS names the cluster as it does for Ray itself.
    """
    if ray.is_initialized():
        return False
    address = address or os.environ.get("RAY_ADDRESS")
    try:
        if address:
            ray.init(address=address, log_to_driver=False, logging_level=logging.ERROR)
        else:
            ray.init(
                num_cpus=workers,
                include_dashboard=False,
                log_to_driver=False,
                logging_level=logging.ERROR,
                object_store_memory=LOCAL_OBJECT_STORE_BYTES,
            )
    except Exception as exc:  # Ray raises ConnectionError, RuntimeError, ValueError, ...
        what = f"connect to the Ray cluster at {address}" if address else "start a local Ray"
        raise NewsgraphError(f"cannot {what}: {_first_line(exc)}") from None
    return True


def _cause(exc: BaseException) -> str:
    """What went wrong in a worker, in one line: the task's own exception where there is one."""
    cause = getattr(exc, "cause", None)
    if isinstance(cause, BaseException):
        return f"{type(cause).__name__}: {_first_line(cause)}"
    return _first_line(exc)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _is_folder(spec: str) -> bool:
    try:
        return Path(spec).is_dir()
    except OSError:
        return False


def _shard_folder(shard_dir: Path) -> Path:
    """The shard folder as an absolute path (the actors may run elsewhere), created."""
    try:
        shard_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NewsgraphError(
            f"cannot create the shard folder {shard_dir}: {exc.strerror}"
        ) from None
    return shard_dir.resolve()


def _output(shard_dir: Path, shard: Shard) -> Path:
    return shard_dir / f"{shard.id}.jsonl.gz"
