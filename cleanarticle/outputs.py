"""The command line's outputs: where each input's results go, and writing them safely.

Output files are written under a temporary name in their own directory and moved into place,
so a failed or interrupted input never leaves a half-written file behind; a failure to write
(a full disk, a missing permission) names the file the user asked for.
"""

from __future__ import annotations

import gzip
import json
import os
import secrets
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any, TextIO

from . import compressed, warc
from .io import Input, is_jsonl, real_path


class UsageError(Exception):
    """Inputs and output options that do not fit together; the message says how to fix it."""


@dataclass(frozen=True, slots=True)
class Plan:
    """Where results go: one stream (`shared`, or stdout when None) or one file per input."""

    shared: Path | None = None
    files: Mapping[Input, Path] = field(default_factory=dict)
    records: bool = False  # text documents become JSONL records in the shared stream


def plan_outputs(
    inputs: Sequence[Input],
    output: str | None,
    *,
    several: bool,
    explain: bool,
    records_suffix: str = ".explain.jsonl",
    text_suffix: str = ".txt",
) -> Plan:
    """Decide the output of every input, refusing plans that would mix or overwrite data.

    `several` says more than one input was named (or a directory or glob): then a new name
    without a suffix, like `out`, is taken to be a directory.
    """
    several = several or len(inputs) > 1
    if output is None or output == "-":
        plan = Plan(records=explain)
        where = "stdout"
    elif _is_directory(output, several):
        root = Path(output)
        plan = Plan(files={item: root / _output_rel(item, explain, records_suffix, text_suffix) for item in inputs})
        where = ""
    else:
        plan = Plan(shared=Path(output), records=explain or is_jsonl(output))
        where = output
    if where and not plan.records and len(inputs) > 1 and not all(item.jsonl for item in inputs):
        raise UsageError(
            f"{len(inputs)} inputs cannot be written as plain text to {where}: give -o DIR/ to mirror "
            "them, or -o FILE.jsonl for one JSONL record per document"
        )
    _refuse_overwrites(inputs, plan)
    return plan


def _is_directory(output: str, several: bool) -> bool:
    """An existing directory, a name ending in a slash, or a new suffix-less name for many files."""
    path = Path(output)
    if path.is_dir() or output.endswith(("/", os.sep)):
        return True
    return several and not path.exists() and not path.suffix


def _output_rel(item: Input, explain: bool, records_suffix: str = ".explain.jsonl", text_suffix: str = ".txt") -> PurePath:
    """Where an input's output goes in a mirrored tree: records, text of a page, or its own name."""
    if item.warc:
        return item.rel.with_name(warc.output_name(item.rel.name))
    if explain and not item.jsonl:
        return item.rel.with_name(PurePath(compressed.plain_name(item.rel)).stem + records_suffix)
    if item.html or (text_suffix != ".txt" and not item.jsonl):
        return PurePath(compressed.plain_name(item.rel)).with_suffix(text_suffix)
    return item.rel


def _refuse_overwrites(inputs: Sequence[Input], plan: Plan) -> None:
    sources = {real_path(item.path): item.name for item in inputs if item.path is not None}
    if plan.shared is not None and real_path(plan.shared) in sources:
        raise UsageError(f"{plan.shared}: the output would overwrite the input {sources[real_path(plan.shared)]}")
    written: dict[Path, str] = {}
    for item, target in plan.files.items():
        key = real_path(target)
        if key in sources:
            raise UsageError(f"{target}: the output would overwrite the input {sources[key]}")
        if key in written:
            raise UsageError(f"{target} would be written from both {written[key]} and {item.name}")
        written[key] = item.name


def json_line(record: Mapping[str, Any]) -> str:
    """A record as one JSON line; readable UTF-8 unless the data holds lone surrogates."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line + "\n"


class AtomicFile:
    """A file written under a temporary name beside its target and moved into place on commit.

    The temporary file is created on first use, not on construction: whoever holds the object
    can discard it whenever an interrupt lands, even in the instant the file comes to exist."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        self._stream: TextIO | None = None

    @property
    def stream(self) -> TextIO:
        if self._stream is None:
            opener = gzip.open if self.path.name.lower().endswith(".gz") else open
            self._stream = opener(self.temp, "xt", encoding="utf-8", newline="")
        return self._stream

    def commit(self) -> None:
        try:
            self.stream.close()
            os.replace(self.temp, self.path)
        except OSError:
            self.discard()
            raise

    def discard(self) -> None:
        if self._stream is not None:
            with suppress(OSError):  # its last buffer could not be written: the file is dropped anyway
                self._stream.close()
        self.temp.unlink(missing_ok=True)


def write_atomically(path: Path, text: str) -> None:
    """`text` as the whole of `path`, which appears only complete: nothing is left behind when
    the write fails or is interrupted."""
    atomic = AtomicFile(path)
    try:
        atomic.stream.write(text)
        atomic.commit()
    except BaseException:
        atomic.discard()
        raise


class Outputs:
    """Writes results where a `Plan` says, opening each file lazily and committing it when done.

    A failure to write (a full disk, a missing permission) is an `OSError` naming the file the
    user asked for (or stdout), whatever the temporary file or the buffer it happened in."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.open: dict[Path, AtomicFile] = {}

    def write(self, item: Input, text: str) -> None:
        target = self.plan.files.get(item, self.plan.shared)
        with _naming(target):
            if target is None:
                sys.stdout.write(text)
            else:
                self._open(target).stream.write(text)

    def finish(self, item: Input, ok: bool) -> None:
        """The input is done: commit its own file (even when empty) or drop it if it failed."""
        target = self.plan.files.get(item)
        if target is None:
            return
        if ok:
            with _naming(target):
                self._open(target).commit()
        elif target in self.open:
            self.open[target].discard()
        self.open.pop(target, None)

    def close(self, ok: bool) -> None:
        """Commit the shared file, or drop every unfinished file when the run was interrupted."""
        try:
            if ok and self.plan.shared is not None:
                with _naming(self.plan.shared):
                    self._open(self.plan.shared).commit()
                del self.open[self.plan.shared]
        finally:
            for atomic in self.open.values():
                atomic.discard()
            self.open.clear()
        with _naming(None):
            sys.stdout.flush()

    def _open(self, target: Path) -> AtomicFile:
        if target not in self.open:
            self.open[target] = AtomicFile(target)
        return self.open[target]


@contextmanager
def _naming(target: Path | None) -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OSError(error.errno, error.strerror or str(error), str(target) if target is not None else "stdout") from None
