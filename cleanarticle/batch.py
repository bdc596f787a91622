"""Clean a stream of documents in order, in this process or in a bounded pool of workers.

The pool keeps a fixed window of chunks in flight, so the input is consumed only as fast as
results come back and memory stays flat whatever the size of the stream.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import Any, TypeVar

from .pipeline import Pipeline
from .types import CleanResult

CHUNK_SIZE = 64
WINDOW_PER_JOB = 4

C = TypeVar("C")

_worker_pipeline: Pipeline | None = None

Task = tuple[str, str | None]


@dataclass(frozen=True, slots=True)
class Failed:
    """A document the pipeline raised on; the rest of the run goes on."""

    reason: str


Outcome = CleanResult | Failed | None


def clean_in_order(
    items: Iterable[tuple[C, Task | None]], pipeline: Pipeline, jobs: int = 1
) -> Iterator[tuple[C, Outcome]]:
    """Clean each task (None passes through as None), yielding outcomes in input order.

    With `jobs` > 1 the tasks go to worker processes in chunks, with at most a few chunks per
    worker in flight, so the input is consumed only as fast as results come back.
    """
    if jobs <= 1:
        for context, task in items:
            yield context, _clean(pipeline, task)
        return
    pending: deque[tuple[list[C], Future[list[Outcome]]]] = deque()
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(pipeline.to_config(),)) as pool:
        iterator = iter(items)
        while chunk := list(islice(iterator, CHUNK_SIZE)):
            contexts = [context for context, _ in chunk]
            pending.append((contexts, pool.submit(_clean_chunk, [task for _, task in chunk])))
            if len(pending) >= WINDOW_PER_JOB * jobs:
                contexts, future = pending.popleft()
                yield from zip(contexts, future.result(), strict=True)
        while pending:
            contexts, future = pending.popleft()
            yield from zip(contexts, future.result(), strict=True)


def _start_worker(config: dict[str, Any]) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline.from_config(config)


def _clean_chunk(tasks: list[Task | None]) -> list[Outcome]:
    assert _worker_pipeline is not None
    return [_clean(_worker_pipeline, task) for task in tasks]


def _clean(pipeline: Pipeline, task: Task | None) -> Outcome:
    if task is None:
        return None
    try:
        return pipeline.run(*task)
    except Exception as error:  # a broken (plugin) filter fails one document, not the run
        return Failed(f"cleaning failed: {type(error).__name__}: {error}")
