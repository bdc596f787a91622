"""Clean a stream of documents in order, in this process or in a bounded pool of workers.

The pool keeps a fixed window of chunks in flight, so the input is consumed only as fast as
results come back and memory stays flat whatever the size of the stream.

A worker process that dies (killed, out of memory, a crash in native code) takes the chunks it
held with it. Those documents are not dropped: the pool is replaced and each lost document is
cleaned again on its own, in a worker, so one poisonous document cannot take its neighbours
down with it. A document that kills a worker a second time comes back failed. Re-running
in this process instead would let that document kill the whole run.

Workers leave interrupts to the main process, which stops them when a run ends early, and
each watches its parent: if the main process is killed outright, its workers exit on their own.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Protocol, TypeVar

from . import document
from .document import Done, Job
from .pipeline import Pipeline

CHUNK_SIZE = 64
WINDOW_PER_JOB = 4
WORKER_DIED = "a worker process died while cleaning this document (a crash, out of memory, or held far past --time-limit)"
PARENT_POLL = 1.0  # seconds between a worker's checks that its parent is still alive

C = TypeVar("C")
T = TypeVar("T")
R = TypeVar("R")

_worker_pipeline: Pipeline | None = None


class Submitter(Protocol):
    """What `ordered_map` needs of an executor: `submit(fn, *args)` giving a future."""

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any: ...


def clean_in_order(
    items: Iterable[tuple[C, Job | None]], pipeline: Pipeline, jobs: int = 1
) -> Iterator[tuple[C, Done | None]]:
    """Process each job (None passes through as None), yielding outcomes in input order.

    With `jobs` > 1 the jobs go to worker processes in chunks, with at most a few chunks per
    worker in flight, so the input is consumed only as fast as results come back.
    """
    if jobs <= 1:
        for context, job in items:
            yield context, None if job is None else document.process(pipeline, job)
        return
    initargs = (pipeline.to_config(),)

    def run(tasks: Iterator[Job | None]) -> Iterator[Done | None]:
        return ordered_map(_clean_chunk, tasks, jobs, lost=lost, initializer=_start_worker, initargs=initargs)

    yield from paired(items, run)


def paired(
    items: Iterable[tuple[C, T]], run: Callable[[Iterator[T]], Iterator[R]]
) -> Iterator[tuple[C, R]]:
    """`run` over the second halves of `items`, each result paired with its first half again;
    `run` must yield one result per item, in order."""
    contexts: deque[C] = deque()

    def tasks() -> Iterator[T]:
        for context, task in items:
            contexts.append(context)
            yield task

    for result in run(tasks()):
        yield contexts.popleft(), result


def ordered_map(
    function: Callable[..., list[R]],
    items: Iterable[T],
    jobs: int,
    *,
    lost: Callable[[T], R],
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    executor: Submitter | None = None,
    args: tuple[Any, ...] = (),
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[R]:
    """`function(chunk, *args)` over chunks of `items` in worker processes, results in order.

    At most `WINDOW_PER_JOB * jobs` chunks are in flight. When a worker dies, the items of its
    lost chunks are run again one by one in a fresh pool; an item that kills a worker again
    gives `lost(item)`. With `executor` the chunks go there, `initializer` is not used, and a
    chunk that fails there is retried one item at a time in the same way.
    """
    workers = _Workers(jobs, initializer, initargs, executor)
    pending: deque[tuple[list[T], Future[list[R]], int]] = deque()
    iterator = iter(items)
    finished = False
    try:
        while chunk := list(islice(iterator, chunk_size)):
            pending.append((chunk, *workers.submit(function, chunk, args)))
            if len(pending) >= WINDOW_PER_JOB * jobs:
                yield from workers.results(function, *pending.popleft(), args, lost)
        while pending:
            yield from workers.results(function, *pending.popleft(), args, lost)
        finished = True
    finally:
        workers.shutdown(finished)


class _Workers:
    """A process pool (or a given executor) whose pool is replaced when a worker dies."""

    def __init__(
        self,
        jobs: int,
        initializer: Callable[..., None] | None,
        initargs: tuple[Any, ...],
        executor: Submitter | None,
    ) -> None:
        self.jobs = jobs
        self.initializer = initializer
        self.initargs = initargs
        self.pool = None if executor is not None else self._new_pool()
        self.executor: Submitter = executor or self.pool  # type: ignore[assignment]
        self.generation = 0
        # A chunk function never raises (it turns errors into outcomes), so an error here is
        # the infrastructure's: a dead pool, or a Dask task that lost its workers.
        self.failures: type[BaseException] = BrokenProcessPool if self.pool else Exception

    def _new_pool(self) -> ProcessPoolExecutor:
        initargs = (os.getpid(), self.initializer, self.initargs)
        return ProcessPoolExecutor(self.jobs, initializer=_setup_worker, initargs=initargs)

    def submit(
        self, function: Callable[..., list[R]], chunk: Sequence[Any], args: tuple[Any, ...]
    ) -> tuple[Future[list[R]], int]:
        return self.executor.submit(function, chunk, *args), self.generation

    def results(
        self,
        function: Callable[..., list[R]],
        chunk: list[T],
        future: Future[list[R]],
        generation: int,
        args: tuple[Any, ...],
        lost: Callable[[T], R],
    ) -> list[R]:
        try:
            return future.result()
        except self.failures:
            self._replace(generation)
        return [self._alone(function, item, args, lost) for item in chunk]

    def _alone(self, function: Callable[..., list[R]], item: T, args: tuple[Any, ...], lost: Callable[[T], R]) -> R:
        future, generation = self.submit(function, [item], args)
        try:
            return future.result()[0]
        except self.failures:
            self._replace(generation)
            return lost(item)

    def _replace(self, generation: int) -> None:
        """Start a fresh pool, unless the pool that broke was already replaced."""
        if self.pool is not None and generation == self.generation:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.executor = self.pool = self._new_pool()
            self.generation += 1

    def shutdown(self, finished: bool = True) -> None:
        """Wait for the workers to exit; when the run stopped early (an interrupt, an output that
        failed), stop them first rather than let them finish the chunks they hold."""
        if self.pool is None:
            return
        if not finished:
            for process in _processes(self.pool):
                process.terminate()
        self.pool.shutdown(wait=True, cancel_futures=True)


def _processes(pool: ProcessPoolExecutor) -> list[Any]:
    """The pool's worker processes (a private attribute: the executor has no public way to stop
    workers that are busy)."""
    return list((getattr(pool, "_processes", None) or {}).values())


def lost(job: Job | None) -> Done | None:
    """The outcome of a document whose worker died twice: it is still written, with an error."""
    return None if job is None else document.failed(job, WORKER_DIED)


def _setup_worker(parent: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    """Every worker: interrupts left to the main process, a watch on it, then `initializer`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_watch, args=(parent,), name="watch", daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


def _start_worker(config: dict[str, Any]) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline.from_config(config)


def _watch(parent: int) -> None:
    """Exit once the process that started this worker is gone (killed, even by SIGKILL): the
    worker is then re-parented, and nobody would ever read its results. Exit too when one
    document holds the worker far past its time limit: native code (a parser in C) can keep
    the limit's signal waiting, and the pool then retries that document alone, as for any
    worker that dies, before giving it up."""
    while os.getppid() == parent:
        busy = _busy
        if busy is not None and time.monotonic() > busy:
            os._exit(HELD_PAST_LIMIT)
        time.sleep(PARENT_POLL)
    os._exit(1)


HELD_PAST_LIMIT = 124  # a worker's exit status when a document held it far past its time limit
_busy: float | None = None  # when the document being cleaned in this worker must be given up for good


def _clean_chunk(jobs: list[Job | None]) -> list[Done | None]:
    assert _worker_pipeline is not None
    return [None if job is None else _process_watched(_worker_pipeline, job) for job in jobs]


def _process_watched(pipeline: Pipeline, job: Job) -> Done:
    """`document.process`, with the watch told how long the document may hold the worker:
    twice its time limit, and two polls more."""
    global _busy
    limit = job.format.time_limit
    _busy = time.monotonic() + 2 * (limit + PARENT_POLL) if limit > 0 else None
    try:
        return document.process(pipeline, job)
    finally:
        _busy = None


_cached: tuple[dict[str, Any], Pipeline] | None = None


def clean_chunk_with(jobs: list[Job | None], config: dict[str, Any]) -> list[Done | None]:
    """The chunk function for executors without an initializer."""
    pipeline = pipeline_of(config)
    return [None if job is None else document.process(pipeline, job) for job in jobs]


def pipeline_of(config: dict[str, Any]) -> Pipeline:
    """The pipeline of `config`, built once per config object a worker holds (a Dask worker
    keeps a scattered config as one object)."""
    global _cached
    if _cached is None or _cached[0] is not config:
        _cached = (config, Pipeline.from_config(config))
    return _cached[1]
