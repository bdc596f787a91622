"""Failures of a run itself (not of one input), as one line a user can act on.

A missing optional package, a Dask scheduler that cannot be reached, an output that cannot be
written: the command line prints the message and exits 2, with no traceback. Failures of one
input are reported per input elsewhere and never end the run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any


class RunError(Exception):
    """The run cannot go on; the message names the cause and what to do."""


@contextmanager
def dask_client(address: str | None, workers: int) -> Iterator[Any]:
    """`corpus.dask.connect`, with a missing extra or an unreachable scheduler as a `RunError`."""
    with ExitStack() as stack:
        try:
            from .corpus import dask as corpus_dask

            client = stack.enter_context(corpus_dask.connect(address, workers))
        except ImportError as error:
            raise RunError(f"--dask needs Dask ({_missing(error)}): install cleanarticle[dask]") from None
        except (OSError, TimeoutError) as error:
            where = f"the Dask scheduler at {address}" if address else "a local Dask cluster"
            raise RunError(f"cannot reach {where}: {error or type(error).__name__}") from None
        yield client


def _missing(error: ImportError) -> str:
    cause = error.__cause__ if isinstance(error.__cause__, ImportError) else error
    return f"no module named {cause.name!r}" if cause.name else str(cause)


def output_failure(error: OSError) -> RunError:
    """An output that cannot be created or written."""
    where = error.filename or "the output"
    return RunError(f"cannot write {where}: {error.strerror or error}")
