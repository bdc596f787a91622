"""JSONL records cleaned where they are read: one input line in, one output line out.

With `-j N` a worker parses the record, cleans its text and writes its output line itself, so
the main process only moves bytes and lines in order. Parsing and writing JSON in the main
process, with whole results sent back to it, kept `-j 2` well short of twice `-j 1`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, NamedTuple

from . import explain, formats, io
from .types import CleanResult

_WORKER = io.Input("record", None, PurePath("record.jsonl"), True)


@dataclass(frozen=True, slots=True)
class RecordFormat:
    """Where records keep their text and URL, and what their output lines hold.

    `html_key` names a field of raw HTML to read instead of `text_key` (the clean text still
    goes to `text_key`); `explain` adds each record's removals and metadata; without `write`
    no output line is made (`--check` only counts).
    """

    text_key: str = "text"
    url_key: str = "url"
    html_key: str | None = None
    explain: bool = False
    write: bool = True
    output: formats.Output = field(default_factory=formats.Output)  # --format, --links, --images for the text field


class RecordTask(NamedTuple):
    """One JSONL line (without its line break) to clean, and how to read and write it.

    Tasks and their `Cleaned` outcomes cross process boundaries by the thousand: as named
    tuples they pickle in a tenth of the time dataclasses take."""

    data: bytes
    format: RecordFormat

    def parse(self) -> io.Doc:
        """The line as a document; `text` is None (and `error` says why) when it has none."""
        fmt = self.format
        return io.parse_record(_WORKER, 0, self.data, fmt.html_key or fmt.text_key, fmt.url_key, fmt.html_key is not None)


class Cleaned(NamedTuple):
    """A record's outcome: its output line, and what a run's summary counts of it."""

    line: str
    error: str = ""
    changed: bool = False
    removals: tuple[tuple[str, str], ...] = ()  # (filter, reason) of each removal


def output_record(doc: io.Doc, fmt: RecordFormat, result: CleanResult | None, error: str = "") -> dict[str, Any]:
    """The record written for `doc`: every field kept and the text replaced by the clean text;
    on `error`, the text kept and an "error" field added (the raw line when it was not a
    JSON object)."""
    if result is None:
        return {**doc.record, "error": error} if doc.record is not None else {"error": error, "raw": doc.raw}
    page = doc.text if doc.html else None
    record = {**(doc.record or {}), fmt.text_key: formats.body(result, fmt.output, page, doc.url)}
    if fmt.output.format == "json":
        return record | formats.json_fields(result, fmt.output, doc.url)
    return record | explain.explanation(result) if fmt.explain else record


def cleaned(doc: io.Doc, fmt: RecordFormat, result: CleanResult | None, error: str = "") -> Cleaned:
    """The `Cleaned` of `doc` given its result (or its error)."""
    line = io.json_line(output_record(doc, fmt, result, error)) if fmt.write else ""
    if result is None:
        return Cleaned(line, error or "no result")
    removals = tuple((removal.filter, removal.reason) for removal in result.removals)
    return Cleaned(line, changed=result.text != doc.text, removals=removals)
