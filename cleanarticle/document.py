"""One document's way from input to output: the one path every file, JSONL record and WARC page takes.

A `Job` is a document read by `io` (a file's text, a WARC page) or a JSONL line left unparsed;
`process` parses it, cleans it within its time budget, renders what is written for it, and
returns a `Done`: the output text and what a run's summary counts. It runs wherever the
document is cleaned (this process, a worker, a Dask task), so with `-j N` the main process only
moves bytes and lines in order. Nothing that goes wrong with one document escapes `process`: it
becomes that document's error, and a JSONL record still gets its output line.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, NamedTuple

from . import explain, formats, io, outputs
from .deadline import TimeLimitExceeded, time_limit
from .limits import Limits
from .pipeline import Pipeline
from .types import CleanResult

_WORKER = io.Input("record", None, PurePath("record.jsonl"), True)
_ID_SCAN = 1 << 16  # bytes of a line searched for its id when the line cannot be parsed


@dataclass(frozen=True, slots=True)
class Format:
    """How documents are read and what is written for each.

    `html_key` names a field of raw HTML to read instead of `text_key` (the clean text still
    goes to `text_key`); `explain` adds each document's removals and metadata; `records` makes
    a text file's output a JSONL record (`id_key`, `text_key`); without `write` no output is
    made (`--check`, `--diff`); `keep_result` sends the whole `CleanResult` back (`--diff`,
    `--report`); `time_limit` is each document's budget in seconds (0: none); `limits` bound
    the work on one document (`Limits`); `include_comments` keeps an HTML page's readers' comments;
    `extractor` picks what finds an HTML page's main text (`clean_html`).
    """

    text_key: str = "text"
    url_key: str = "url"
    html_key: str | None = None
    id_key: str = "id"
    explain: bool = False
    write: bool = True
    records: bool = False
    keep_result: bool = False
    time_limit: float = 0.0
    limits: Limits = field(default_factory=Limits)  # --max-html-bytes, --max-html-depth
    output: formats.Output = field(default_factory=formats.Output)  # --format, --links, --images
    include_comments: bool = False
    extractor: str = "trafilatura"


class Job(NamedTuple):
    """A document to clean (`io.Doc`) or a JSONL line without its line break (`bytes`).

    Jobs and their `Done`s cross process boundaries by the thousand: named tuples pickle in a
    fraction of the time dataclasses take, and a chunk's shared `Format` is pickled once."""

    source: io.Doc | bytes
    format: Format


class Done(NamedTuple):
    """A document's outcome: what is written for it (none: ""), its error, and its counts."""

    output: str
    error: str = ""
    changed: bool = False
    counts: Counter[tuple[str, str]] | None = None  # removals per (filter, reason)
    result: CleanResult | None = None  # with `Format.keep_result`


def process(pipeline: Pipeline, job: Job) -> Done:
    """Parse, clean and render one job; never raises for anything the document holds."""
    fmt = job.format
    try:
        doc = parse(job.source, fmt) if isinstance(job.source, bytes) else job.source
    except Exception as failure:  # a line json cannot take (huge integers, deep nesting)
        return failed(job, f"unreadable record: {type(failure).__name__}: {failure}")
    result, problem = result_or_error(
        pipeline, doc, fmt.time_limit, fmt.limits, include_comments=fmt.include_comments, extractor=fmt.extractor
    )
    try:
        return done(doc, fmt, result, problem)
    except Exception as failure:  # rendering (a format, a plugin's metadata) failed
        return done(doc, fmt, None, f"writing failed: {type(failure).__name__}: {failure}")


def parse(data: bytes, fmt: Format) -> io.Doc:
    """A JSONL line as a document; `text` is None (and `error` says why) when it has none."""
    return io.parse_record(_WORKER, 0, data, fmt.html_key or fmt.text_key, fmt.url_key, fmt.html_key is not None)


def result_or_error(
    pipeline: Pipeline,
    doc: io.Doc,
    seconds: float = 0.0,
    limits: Limits | None = None,
    *,
    include_comments: bool = False,
    extractor: str = "trafilatura",
) -> tuple[CleanResult | None, str]:
    """(result, "") for a document cleaned; (None, why) for one that failed or had no text."""
    if doc.text is None:
        return None, doc.error or "no text"
    try:
        with time_limit(seconds):
            if doc.html:
                from .html import clean_html_and_explain  # trafilatura loads only for HTML input

                result = clean_html_and_explain(
                    doc.text, doc.url, pipeline=pipeline, limits=limits, include_comments=include_comments, extractor=extractor
                )
                return result, ""
            return pipeline.run(doc.text, doc.url, limits=limits), ""
    except TimeLimitExceeded:
        return None, f"over the time limit of {seconds:g} s (--time-limit)"
    except Exception as error:  # a broken (plugin) filter fails one document, not the run
        return None, f"cleaning failed: {type(error).__name__}: {error}"


def done(doc: io.Doc, fmt: Format, result: CleanResult | None, error: str = "") -> Done:
    """The `Done` of `doc` given its result (or its error)."""
    output = render(doc, fmt, result, error) if fmt.write else ""
    if result is None:
        return Done(output, error or "no result")
    kept = result if fmt.keep_result else None
    return Done(output, changed=result.text != doc.text, counts=result.counts(), result=kept)


def failed(job: Job, error: str, *, whole: bool = True) -> Done:
    """The `Done` of a job that could not be processed (its worker died, its line was too long
    to read whole): a record still gets a line, with its fields when `whole` and it parses,
    else with the id found in its start."""
    source = job.source
    if isinstance(source, io.Doc):
        return done(source, job.format, None, error)
    doc = _parsed(source, job.format) if whole else None
    if doc is not None and doc.record is not None:
        return done(doc, job.format, None, error)
    record: dict[str, Any] = {}
    found = line_id(source[:_ID_SCAN], job.format.id_key)
    if found is not None:
        record[job.format.id_key] = found
    record["error"] = error
    return Done(outputs.json_line(record) if job.format.write else "", error)


def _parsed(data: bytes, fmt: Format) -> io.Doc | None:
    try:
        return parse(data, fmt)
    except Exception:  # whatever json's own limits raise: the id is looked for instead
        return None


def line_id(head: bytes, id_key: str) -> Any:
    """The value of `id_key` in the start of a JSON line that cannot be parsed whole (a string or
    an integer written before the text, and complete), or None."""
    key = re.escape(json.dumps(id_key)).encode()
    match = re.search(key + rb'\s*:\s*("(?:[^"\\]|\\.){0,1000}"|-?\d{1,30})(?=\s*[,}])', head)
    if match is None:
        return None
    try:
        return json.loads(match.group(1))
    except ValueError:
        return None


def render(doc: io.Doc, fmt: Format, result: CleanResult | None, error: str = "") -> str:
    """What is written for `doc`: a record's line, a file's explanation or JSON, or its text."""
    if doc.input.jsonl:  # a JSONL or WARC record: its fields
        return outputs.json_line(output_record(doc, fmt, result, error))
    if result is None:
        return ""
    output = fmt.output
    if fmt.explain and output.format != "json":
        return outputs.json_line({fmt.id_key: doc.name, **explain.explanation(result)})
    text = formats.body(result, output, doc.text if doc.html else None, doc.url)
    if output.format == "json":
        return outputs.json_line({fmt.id_key: doc.name, fmt.text_key: text, **formats.json_fields(result, output, doc.url)})
    if fmt.records:
        return outputs.json_line({fmt.id_key: doc.name, fmt.text_key: text})
    return text


def output_record(doc: io.Doc, fmt: Format, result: CleanResult | None, error: str = "") -> dict[str, Any]:
    """The record written for `doc`: every field kept and the text replaced by the clean text;
    on `error`, the text kept and an "error" field added (the raw line when it was not a
    JSON object)."""
    if result is None and doc.record is not None:
        return {**doc.record, "error": error}
    if result is None:  # not a JSON object: its id when one can be seen, and the line itself
        found = line_id(doc.raw[:_ID_SCAN].encode("utf-8", "surrogateescape"), fmt.id_key)
        return ({} if found is None else {fmt.id_key: found}) | {"error": error, "raw": doc.raw}
    page = doc.text if doc.html else None
    record = {**(doc.record or {}), fmt.text_key: formats.body(result, fmt.output, page, doc.url)}
    if fmt.output.format == "json":
        return record | formats.json_fields(result, fmt.output, doc.url)
    return record | explain.explanation(result) if fmt.explain else record
