"""Clean a stream of documents in order, in this process or in a bounded pool of workers.

The pool keeps a fixed window of chunks in flight, so the input is consumed only as fast as
results come back and memory stays flat whatever the size of the stream.

A worker process that dies (killed, out of memory, a crash in native code) takes the chunks it
held with it. Those documents are not dropped: the pool is replaced and each lost document is
cleaned again on its own, in a worker, so one poisonous document cannot take its neighbours
down with it. A document that kills a worker a second time comes back as `Failed`. Re-running
in this process instead would let that document kill the whole run.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import Any, Protocol, TypeVar

from . import records
from .io import Doc
from .pipeline import Pipeline
from .records import Cleaned, RecordTask
from .types import CleanResult, Field, Metadata, Removal

CHUNK_SIZE = 64
WINDOW_PER_JOB = 4
WORKER_DIED = "a worker process died while cleaning this document"

C = TypeVar("C")
T = TypeVar("T")
R = TypeVar("R")

_worker_pipeline: Pipeline | None = None
_worker_keep_source = True

# (text, url, is_html); a two-item (text, url) task is taken as text. A `RecordTask` is a
# JSONL line, parsed, cleaned and written where it is cleaned: its outcome is a `Cleaned`.
Task = tuple[str, str | None, bool] | tuple[str, str | None] | RecordTask


class Submitter(Protocol):
    """What `ordered_map` needs of an executor: `submit(fn, *args)` giving a future."""

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any: ...


@dataclass(frozen=True, slots=True)
class Failed:
    """A document the pipeline raised on; the rest of the run goes on."""

    reason: str


Outcome = CleanResult | Cleaned | Failed | None


def clean_in_order(
    items: Iterable[tuple[C, Task | None]], pipeline: Pipeline, jobs: int = 1, *, keep_source: bool = True
) -> Iterator[tuple[C, Outcome]]:
    """Clean each task (None passes through as None), yielding outcomes in input order.

    With `jobs` > 1 the tasks go to worker processes in chunks, with at most a few chunks per
    worker in flight, so the input is consumed only as fast as results come back. Without
    `keep_source`, workers send back results whose `source` is empty: about a third fewer
    bytes to move, for runs that need only the clean text, the removals and the metadata.
    """
    if jobs <= 1:
        for context, task in items:
            yield context, _clean(pipeline, task)
        return
    initargs = (pipeline.to_config(), keep_source)

    def run(tasks: Iterator[Task | None]) -> Iterator[Outcome]:
        packed = ordered_map(_clean_chunk, tasks, jobs, lost=lost, initializer=_start_worker, initargs=initargs)
        return map(unpack, packed)

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
    try:
        while chunk := list(islice(iterator, chunk_size)):
            pending.append((chunk, *workers.submit(function, chunk, args)))
            if len(pending) >= WINDOW_PER_JOB * jobs:
                yield from workers.results(function, *pending.popleft(), args, lost)
        while pending:
            yield from workers.results(function, *pending.popleft(), args, lost)
    finally:
        workers.shutdown()


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
        return ProcessPoolExecutor(self.jobs, initializer=self.initializer, initargs=self.initargs)

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

    def shutdown(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def lost(task: Task | None) -> Outcome:
    """The outcome of a document whose worker died twice: it is still written, with an error."""
    return None if task is None else Failed(WORKER_DIED)


def _start_worker(config: dict[str, Any], keep_source: bool) -> None:
    global _worker_pipeline, _worker_keep_source
    _worker_pipeline = Pipeline.from_config(config)
    _worker_keep_source = keep_source


def _clean_chunk(tasks: list[Task | None]) -> list[Packed]:
    assert _worker_pipeline is not None
    return [pack(_clean(_worker_pipeline, task), _worker_keep_source) for task in tasks]


_cached: tuple[dict[str, Any], Pipeline] | None = None


def clean_chunk_with(tasks: list[Task | None], config: dict[str, Any], keep_source: bool) -> list[Packed]:
    """The chunk function for executors without an initializer: the pipeline is built once per
    config object the worker holds (a Dask worker keeps a scattered config as one object)."""
    global _cached
    if _cached is None or _cached[0] is not config:
        _cached = (config, Pipeline.from_config(config))
    return [pack(_clean(_cached[1], task), keep_source) for task in tasks]


# Results cross process boundaries as plain tuples: pickling the slotted dataclasses of a
# CleanResult costs about ten times as much as the tuples, a tenth of the cleaning itself.
Packed = tuple[Any, ...] | Cleaned | Failed | None


def pack(outcome: Outcome, keep_source: bool = True) -> Packed:
    """An outcome as plain tuples (without the source unless `keep_source`)."""
    if not isinstance(outcome, CleanResult):
        return outcome
    removals = tuple((r.start, r.end, r.filter, r.reason, r.detail) for r in outcome.removals)
    meta = outcome.metadata
    fields = tuple(None if f is None else (f.value, f.start, f.end) for f in (getattr(meta, n) for n in _METADATA))
    packed = (outcome.text, outcome.source if keep_source else "", removals, fields)
    pruned = getattr(outcome, "pruned", None)  # an HtmlResult: also its pruned nodes
    if pruned is None:
        return packed
    nodes = tuple((n.tag, n.reason, n.detail, n.text) for n in pruned)
    return (*packed, nodes, outcome.empty_reason, outcome.styles, outcome.language)  # type: ignore[attr-defined]


def unpack(packed: Packed) -> Outcome:
    """The outcome `pack` packed."""
    if not isinstance(packed, tuple) or isinstance(packed, Cleaned):
        return packed
    text, source, removals, fields, *html = packed
    metadata = Metadata(**{name: Field(*f) for name, f in zip(_METADATA, fields) if f is not None})
    ledger = tuple(Removal(*r) for r in removals)
    if not html:
        return CleanResult(text, source, ledger, metadata)
    from .html import HtmlResult, PrunedNode

    nodes, empty_reason, styles, language = html
    return HtmlResult(text, source, ledger, metadata, tuple(PrunedNode(*n) for n in nodes), empty_reason, styles, language)


_METADATA = tuple(f.name for f in dataclasses.fields(Metadata))


def _clean(pipeline: Pipeline, task: Task | None) -> Outcome:
    if task is None:
        return None
    if isinstance(task, RecordTask):
        return _clean_record(pipeline, task)
    text, url, *html = task
    try:
        if html and html[0]:
            from .html import clean_html_and_explain  # trafilatura loads only for HTML input

            return clean_html_and_explain(text, url, pipeline=pipeline)
        return pipeline.run(text, url)
    except Exception as error:  # a broken (plugin) filter fails one document, not the run
        return Failed(f"cleaning failed: {type(error).__name__}: {error}")


def _clean_record(pipeline: Pipeline, task: RecordTask) -> Cleaned:
    doc = task.parse()
    outcome = _clean(pipeline, doc.task) if doc.task is not None else None
    return records.cleaned(doc, task.format, *result_or_error(doc, outcome))


def result_or_error(doc: Doc, outcome: Outcome) -> tuple[CleanResult | None, str]:
    """(result, "") for a cleaned document; (None, why) for one that failed or had no text."""
    if isinstance(outcome, CleanResult):
        return outcome, ""
    return None, outcome.reason if isinstance(outcome, Failed) else doc.error
