"""A time budget for one document: `--time-limit`, enforced by an interval timer.

The timer's signal interrupts the cleaning wherever Python code runs next, in the process that
cleans (this one with `-j 1`, each worker with `-j N`), so a slow document fails alone and the
run goes on. Signals reach only a process's main thread: where cleaning runs on another thread
(a Dask worker) or the platform has no SIGALRM, the budget is not enforced. Native code that
holds on for long (a parser in C) is interrupted when it returns.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class TimeLimitExceeded(BaseException):
    """The document took longer than its budget.

    A BaseException, like KeyboardInterrupt, so that a filter's own `except Exception` cannot
    swallow it and carry on past the budget."""


def _expired(signum: int, frame: FrameType | None) -> None:
    raise TimeLimitExceeded


def enforceable() -> bool:
    """Whether a budget can be enforced here: SIGALRM exists and this is the main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `TimeLimitExceeded` in the block once `seconds` have passed (0: no limit)."""
    if seconds <= 0 or not enforceable():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
