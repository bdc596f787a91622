"""The command line's run loop: find the inputs, clean every document in order, write, count.

Each document read by `io` (a file, a JSONL line, a WARC page) becomes a `document.Job`; `batch`
processes the jobs in order (here, in a pool, or on Dask) and each comes back as a `Done` whose
output is written where the plan says. Failures of one input are counted, named on stderr and
never end the run; a failure of the run itself (an output that cannot be written, an interrupt)
ends it with every unfinished output file removed.

Exit status: 0 ok, 1 `--check` found something to remove, 2 usage or output error, 3 some
inputs failed, 130 interrupted (SIGINT), 143 terminated (SIGTERM).
"""

from __future__ import annotations

import dataclasses
import os
import signal
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import FrameType
from typing import Any

from tqdm import tqdm

from . import batch, document, explain, formats, io, outputs, runerrors, stdin
from .corpus import Profiles, Thresholds, build_profiles
from .document import Done, Format, Job
from .limits import Limits
from .pipeline import Pipeline
from .report import RemovalReport

PROG = "cleanarticle"
OK, FOUND_CRUFT, USAGE, FAILED = 0, 1, 2, 3
TIME_LIMIT = 60.0  # the default --time-limit, in seconds per document


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line asked for (see `cli.build_parser` for each option)."""

    inputs: list[str]
    input_format: str = "auto"
    output: str | None = None
    explain: bool = False
    format: str = "text"
    links: bool = False
    images: bool = False
    report: str | None = None
    diff: bool = False
    check: bool = False
    text_key: str = "text"
    id_key: str = "id"
    url_key: str = "url"
    html_key: str | None = None
    site_key: str | None = None
    jobs: int = 1
    dask: str | None = None
    max_bytes: int = io.MAX_BYTES
    time_limit: float = TIME_LIMIT
    max_html_bytes: int = Limits().max_html_bytes
    max_html_depth: int = Limits().max_html_depth
    include_comments: bool = False
    extractor: str = "trafilatura"


class Stopped(KeyboardInterrupt):
    """The run was asked to stop by a signal; `status` is the exit status that says which."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.status = 128 + signum


@contextmanager
def stop_on_terminate() -> Iterator[None]:
    """SIGTERM handled as SIGINT is: the run stops, unfinished outputs are removed, workers stopped."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Stopped(signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def clean(options: Options, pipeline: Pipeline) -> int:
    """Clean every input as `options` say; return the exit status."""
    writing = not (options.diff or options.check)
    exclude = Path(options.output) if writing and options.output not in (None, "-") else None
    found = io.find_inputs(options.inputs, exclude, stdin_html=options.input_format == "html")
    found.inputs = [_as_format(item, options.input_format) for item in found.inputs]
    _report_found(found)
    if not found.inputs:
        return FAILED
    plan = outputs.Plan()
    if writing:
        try:
            plan = outputs.plan_outputs(
                found.inputs, options.output, several=found.several, explain=options.explain or options.format == "json",
                records_suffix=".json" if options.format == "json" and not options.explain else ".explain.jsonl",
                text_suffix=".md" if options.format == "markdown" else ".txt",
            )
        except outputs.UsageError as error:
            return error_status(str(error), USAGE)
    fmt = Format(
        options.text_key, options.site_key or options.url_key, options.html_key, options.id_key, options.explain, writing,
        plan.records, keep_result=bool(options.diff or options.report), time_limit=options.time_limit,
        limits=Limits(max_html_bytes=options.max_html_bytes, max_html_depth=options.max_html_depth),
        include_comments=options.include_comments, extractor=options.extractor,
        output=formats.Output(options.format, options.links, options.images, options.explain),
    )
    runner = _Runner(options, outputs.Outputs(plan), fmt)
    runner.tally.errors = len(found.errors)
    parts = io.documents(found.inputs, raw=True, max_bytes=options.max_bytes)
    show_bar = sys.stderr.isatty() and (len(found.inputs) > 1 or any(item.jsonl for item in found.inputs))
    total = None if any(item.jsonl for item in found.inputs) else len(found.inputs)
    finished = False
    with tqdm(total=total, unit="doc", file=sys.stderr, leave=False, disable=not show_bar) as bar:
        try:
            with _cleaner(options, pipeline) as clean_stream, closing(clean_stream((p, _job(p, fmt)) for p in parts)) as stream:
                # closing: on an interrupt the pool is stopped here, not whenever the stream is collected
                for part, done in stream:
                    runner.take(part, done)
                    bar.update(not isinstance(part, io.End))
            finished = True
        finally:
            runner.outputs.close(ok=finished)
    if runner.report is not None:
        runner.report.write(Path(options.report or ""))
    return runner.summarise()


def _report_found(found: io.Found) -> None:
    for note in found.notes:
        log(f"{PROG}: note: {note}")
    for name, reason in found.errors:
        log(f"{PROG}: error: {name}: {reason}")


def _as_format(item: io.Input, input_format: str) -> io.Input:
    """The input read as --input-format says; stdin in auto mode as its first line shows (noted)."""
    if input_format == "auto" and item.path is None:
        input_format = stdin.kind(stdin.peek().head)
        if input_format != stdin.TEXT:
            log(f"{PROG}: note: stdin looks like {input_format.upper()}; reading it as such (--input-format text to override)")
    if input_format == "jsonl":
        return dataclasses.replace(item, jsonl=True, html=False)
    if input_format == "auto" or item.jsonl:
        return item
    return dataclasses.replace(item, html=input_format == "html")


def _job(part: io.Part, fmt: Format) -> Job | None:
    if isinstance(part, io.RecordLine):
        return Job(part.data, fmt)
    return Job(part, fmt) if isinstance(part, io.Doc) else None


@contextmanager
def _cleaner(options: Options, pipeline: Pipeline) -> Iterator[Callable[..., Any]]:
    """The function that processes the stream of jobs in order: a process pool, or a Dask cluster."""
    if options.dask is None:
        yield partial(batch.clean_in_order, pipeline=pipeline, jobs=options.jobs)
        return
    with runerrors.dask_client(options.dask or None, options.jobs) as client:
        from .corpus import dask as corpus_dask

        yield partial(corpus_dask.clean_in_order, client, pipeline=pipeline)


@dataclass
class _Tally:
    documents: int = 0
    removals: int = 0
    errors: int = 0
    changed: int = 0
    reasons: Counter[tuple[str, str]] = field(default_factory=Counter)


class _Runner:
    """Takes each processed document to its output, diff or check line, and keeps the counts."""

    def __init__(self, options: Options, outputs: outputs.Outputs, fmt: Format) -> None:
        self.options = options
        self.fmt = fmt
        self.outputs = outputs
        self.tally = _Tally()
        self.report = RemovalReport() if options.report else None
        self._reset()

    def _reset(self) -> None:
        self.input_failed = False
        self.input_documents = self.input_changed = self.input_removals = 0

    def take(self, part: io.Part, done: Done | None) -> None:
        """One part of the stream: a document's outcome, or the end of an input."""
        if isinstance(part, io.End):
            self.end(part)
            return
        if isinstance(part, io.Oversize):
            done = document.failed(Job(part.head, self.fmt), part.error, whole=False)
        assert done is not None
        self.tally.documents += 1
        self.input_documents += 1
        if done.error:
            self.tally.errors += 1
            log(f"{PROG}: error: {part.name}: {done.error}")
            self.input_failed |= isinstance(part, io.Doc) and not part.line
        elif done.counts is not None:
            removed = done.counts.total()
            self.tally.removals += removed
            self.tally.reasons.update(done.counts)
            if done.changed:
                self.input_changed += 1
                self.input_removals += removed
        if done.result is not None:
            if self.report is not None:
                self.report.add(part.name, done.result)
            if self.options.diff:
                diff = explain.unified_diff(done.result, part.name)
                sys.stdout.write(explain.colourise(diff) if _colour() else diff)
        if done.output:
            self.outputs.write(part.input, done.output)

    def end(self, end: io.End) -> None:
        if end.error:
            self.tally.errors += 1
            log(f"{PROG}: error: {end.input.name}: {end.error}")
        if self.fmt.write:
            self.outputs.finish(end.input, ok=not (end.error or self.input_failed))
        if self.input_changed:
            self.tally.changed += 1
            if self.options.check:
                log(f"{PROG}: would change {end.input.name} ({self._change_counts(end.input)})")
        self._reset()

    def _change_counts(self, item: io.Input) -> str:
        removals = plural(self.input_removals, "removal")
        if not item.jsonl:
            return removals
        return f"{self.input_changed} of {plural(self.input_documents, 'record')}, {removals}"

    def summarise(self) -> int:
        """Print the one-line summary (for several documents) and return the exit status."""
        tally = self.tally
        if tally.documents > 1:
            counts = (tally.documents, "document"), (tally.removals, "removal"), (tally.errors, "error")
            line = f"{PROG}: " + ", ".join(plural(count, word) for count, word in counts)
            if self.options.check:
                line += f"; {plural(tally.changed, 'input')} would change"
            log(line)
            if tally.reasons:
                log(reason_table(tally.reasons))
        if tally.errors:
            return FAILED
        return FOUND_CRUFT if self.options.check and tally.changed else OK


def reason_table(reasons: Counter[tuple[str, str]]) -> str:
    """Removals per filter and reason, most frequent first, as aligned lines."""
    rows = sorted(reasons.items(), key=lambda item: (-item[1], item[0]))
    width_filter = max(len(name) for (name, _), _ in rows)
    width_reason = max(len(reason) for (_, reason), _ in rows)
    width_count = len(str(rows[0][1]))
    lines = [
        f"  {name:<{width_filter}}  {reason:<{width_reason}}  {count:>{width_count}}" for (name, reason), count in rows
    ]
    return "\n".join(["removals by filter and reason:", *lines])


# Profiles (pass 1) -----------------------------------------------------------------------------


def profile(options: Options, thresholds: Thresholds, pipeline: Pipeline) -> int:
    """`cleanarticle profile`: build site profiles from JSONL files and write them as JSON."""
    output = Path(options.output) if options.output not in (None, "-") else None
    found = io.find_inputs(options.inputs, output)
    _report_found(found)
    unusable = [item.name for item in found.inputs if not item.jsonl or item.warc or item.path is None]
    if unusable:
        return error_status(f"{', '.join(unusable)}: profiles are built from JSONL files (they are read twice)", USAGE)
    if not found.inputs:
        return FAILED
    sources = {Path(os.path.realpath(item.path)) for item in found.inputs if item.path is not None}
    if output is not None and Path(os.path.realpath(output)) in sources:
        return error_status(f"{output}: the output would overwrite an input", USAGE)
    profiles, documents, errors = _build_profiles(options, found.inputs, thresholds, pipeline)
    if output is None:
        sys.stdout.write(profiles.dumps())
    else:
        outputs.write_atomically(output, profiles.dumps())
    errors += len(found.errors)
    log(
        f"{PROG}: {plural(documents, 'document')}, {plural(errors, 'error')}; "
        f"{plural(profiles.line_count, 'line')} in {plural(len(profiles.sites), 'site profile')}"
    )
    return FAILED if errors else OK


def _build_profiles(
    options: Options, inputs: list[io.Input], thresholds: Thresholds, pipeline: Pipeline
) -> tuple[Profiles, int, int]:
    """The profiles, the number of documents read and of records or files that failed."""
    where_key = options.site_key or options.url_key
    if options.dask is None:
        reader = _ProfileReader(inputs, options.text_key, where_key, options.max_bytes)
        return build_profiles(reader.read, thresholds, pipeline, options.jobs), reader.documents, reader.errors
    from .corpus import dask as corpus_dask

    paths = [str(item.path) for item in inputs]
    with runerrors.dask_client(options.dask or None, options.jobs) as client:
        return corpus_dask.profile_files(client, paths, thresholds, pipeline, options.text_key, where_key)


class _ProfileReader:
    """Reads (URL or site, text) pairs for profiling; the first read reports and counts errors."""

    def __init__(self, inputs: list[io.Input], text_key: str, url_key: str, max_bytes: int) -> None:
        self.inputs = inputs
        self.text_key = text_key
        self.url_key = url_key
        self.max_bytes = max_bytes
        self.reads = self.documents = self.errors = 0

    def read(self) -> Iterator[tuple[str | None, str]]:
        first = self.reads == 0
        self.reads += 1
        for part in io.documents(self.inputs, self.text_key, self.url_key, max_bytes=self.max_bytes):
            if isinstance(part, io.Doc) and part.text is not None:
                self.documents += first
                yield part.url, part.text
            elif first and not isinstance(part, io.RecordLine) and part.error:
                self.errors += 1
                log(f"{PROG}: error: {part.input.name if isinstance(part, io.End) else part.name}: {part.error}")


# Messages ------------------------------------------------------------------------------------


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _colour() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def log(message: str) -> None:
    tqdm.write(message, file=sys.stderr)


def error_status(message: str, status: int) -> int:
    """Print `message` as an error and return `status`."""
    log(f"{PROG}: error: {message}")
    return status
