"""Files in and out for the command line: find inputs, stream documents, write results safely.

Inputs are files, directories (recursed), globs and "-" (stdin). `.jsonl` and `.jsonl.gz` are
read and written one record at a time (cleaning them in order is `batch`'s job), so memory stays
flat whatever the size of the input. No file, line or record is read past `max_bytes` (a
longer line is skipped in bounded chunks and reported as `Oversize`), and any failure to read
an input ends that input only. Directory walks and globs take regular files only (a FIFO or a
device would block or never end) and survive symlink loops. Output files are written under a
temporary name in their own directory and moved into place, so a failed input never leaves a
half-written file behind; a failure to write names the file.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import re
import secrets
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from glob import glob
from pathlib import Path, PurePath
from typing import Any, Protocol, TextIO

from . import compressed, stdin, warc

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson", ".ndjson.gz", ".ndjson.zst")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz")
TEXT_SUFFIXES = (".txt", ".txt.gz")
_FOUND_SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, *JSONL_SUFFIXES, *warc.SUFFIXES)
_NONE_FOUND = "no .txt, .html, .htm, .jsonl or .jsonl.gz files in this directory (nor .xhtml, .ndjson, or .gz and .zst of them)"
_GLOB_MAGIC = re.compile(r"[*?[]")
MAX_BYTES = 64 << 20  # the default --max-bytes: a file, line or record larger than this is refused
HEAD_BYTES = 1 << 16  # the start kept of a line that is too long, where its id is looked for
_SKIP_CHUNK = 1 << 20  # bytes read at a time to skip the rest of a line that is too long


class InputError(Exception):
    """An input that cannot be read; the message says why."""


class UsageError(Exception):
    """Inputs and output options that do not fit together; the message says how to fix it."""


def is_jsonl(name: str) -> bool:
    return name.lower().endswith(JSONL_SUFFIXES)


def _is_html(name: str) -> bool:
    return name.lower().endswith(HTML_SUFFIXES)


# Finding inputs ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Input:
    """One input: a file (or stdin when `path` is None) and where its output goes in a tree."""

    name: str
    path: Path | None
    rel: PurePath
    jsonl: bool
    html: bool = False
    warc: bool = False  # a WARC or WET file: a stream of records, like JSONL (`jsonl` is set too)


STDIN = Input("-", None, PurePath("stdin.txt"), False)
STDIN_HTML = Input("-", None, PurePath("stdin.txt"), False, html=True)


@dataclass(slots=True)
class Found:
    """The inputs named on the command line, after expanding directories and globs."""

    inputs: list[Input] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    several: bool = False  # several inputs, a directory or a glob were named


def find_inputs(specs: Sequence[str], exclude: Path | None = None, stdin_html: bool = False) -> Found:
    """Expand `specs` in order; directory walks skip hidden names and `exclude` (the output)."""
    found = Found(several=len(specs) > 1)
    seen: set[Path] = set()
    skip = _real(exclude) if exclude is not None else None

    def add(item: Input) -> None:
        key = _real(item.path) if item.path is not None else Path("-")
        if key not in seen:
            seen.add(key)
            found.inputs.append(item)

    for spec in specs or ["-"]:
        path = Path(spec)
        if spec == "-":
            add(STDIN_HTML if stdin_html else STDIN)
        elif path.is_dir():
            found.several = True
            _walk(spec, path, path, skip, found, add)
        elif path.exists():
            _explicit(spec, path, PurePath(path.name), found, add)
        elif _GLOB_MAGIC.search(spec):
            found.several = True
            matches = sorted(glob(spec, recursive=True))
            if not matches:
                found.errors.append((spec, "no files match this pattern"))
            root = _glob_root(spec)
            for match in matches:
                target = Path(match)
                if target.is_dir():
                    _walk(match, target, root, skip, found, add)
                elif _regular(match, target, found):
                    _explicit(match, target, target.relative_to(root), found, add)
        else:
            found.errors.append((spec, "no such file or directory"))
    return found


def _explicit(name: str, path: Path, rel: PurePath, found: Found, add: Callable[[Input], None]) -> None:
    item = _input(name, path, rel)
    if not item.jsonl and compressed.plain_name(name.lower()).endswith(".json"):
        found.notes.append(f"{name}: read as JSON lines (one JSON object per line)")
        item = dataclasses.replace(item, jsonl=True)
    add(item)


def _input(name: str, path: Path, rel: PurePath) -> Input:
    crawl = warc.is_warc(name)
    return Input(name, path, rel, is_jsonl(name) or crawl, _is_html(name), crawl)


def _walk(spec: str, top: Path, root: Path, skip: Path | None, found: Found, add: Callable[[Input], None]) -> None:
    usable = 0
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _same(Path(folder, d), skip))
        for file in sorted(files):
            path = Path(folder, file)
            if file.startswith(".") or _same(path, skip):
                continue
            if file.lower().endswith(_FOUND_SUFFIXES) and _regular(str(path), path, found):
                usable += 1
                add(_input(str(path), path, path.relative_to(root)))
    if not usable:
        found.errors.append((spec, _NONE_FOUND))


def _regular(name: str, path: Path, found: Found) -> bool:
    """Whether a file found by a walk or a glob is a regular file (through symlinks); a note
    names what is skipped: reading a FIFO or a device would block or never end."""
    try:
        mode = path.stat().st_mode
    except OSError as error:  # a broken link, a symlink loop
        found.notes.append(f"{name}: skipped: {error.strerror or error}")
        return False
    if stat.S_ISREG(mode):
        return True
    found.notes.append(f"{name}: skipped: not a regular file (a FIFO, device or socket); name it alone to read it as a stream")
    return False


def _real(path: Path) -> Path:
    """The path with symlinks resolved as far as they go: `Path.resolve` raises on a loop."""
    return Path(os.path.realpath(path))


def _same(path: Path, resolved: Path | None) -> bool:
    return resolved is not None and _real(path) == resolved


def _glob_root(pattern: str) -> Path:
    """The directory part of a glob before its first wildcard: outputs mirror the tree below it."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts[:-1]:
        if _GLOB_MAGIC.search(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


# Planning outputs ----------------------------------------------------------------------------


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
    sources = {_real(item.path): item.name for item in inputs if item.path is not None}
    if plan.shared is not None and _real(plan.shared) in sources:
        raise UsageError(f"{plan.shared}: the output would overwrite the input {sources[_real(plan.shared)]}")
    written: dict[Path, str] = {}
    for item, target in plan.files.items():
        key = _real(target)
        if key in sources:
            raise UsageError(f"{target}: the output would overwrite the input {sources[key]}")
        if key in written:
            raise UsageError(f"{target} would be written from both {written[key]} and {item.name}")
        written[key] = item.name


# Reading documents ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Doc:
    """One document: a text file, stdin, or one JSONL record (then `line` > 0).

    `text` is None when the document cannot be cleaned; `error` says why. A JSONL line that is
    not a JSON object keeps its `raw` text so that it can still be written out.
    """

    input: Input
    text: str | None
    url: str | None = None
    line: int = 0
    record: dict[str, Any] | None = None
    raw: str = ""
    error: str = ""
    html: bool = False

    @property
    def name(self) -> str:
        return f"{self.input.name}:{self.line}" if self.line else self.input.name

    @property
    def task(self) -> tuple[str, str | None, bool] | None:
        return None if self.text is None else (self.text, self.url, self.html)


@dataclass(frozen=True, slots=True)
class RecordLine:
    """One JSONL line left unparsed (its line break cut): the worker that cleans it parses it."""

    input: Input
    line: int
    data: bytes

    @property
    def name(self) -> str:
        return f"{self.input.name}:{self.line}"


@dataclass(frozen=True, slots=True)
class Oversize:
    """A JSONL line longer than `limit` bytes: only its start was kept, to find its id in."""

    input: Input
    line: int
    head: bytes
    size: int
    limit: int

    @property
    def name(self) -> str:
        return f"{self.input.name}:{self.line}"

    @property
    def error(self) -> str:
        return f"the line is {self.size:,} bytes, over --max-bytes ({self.limit:,})"


@dataclass(frozen=True, slots=True)
class End:
    """All of an input has been read; `error` is set when reading it failed part way."""

    input: Input
    error: str = ""


Part = Doc | RecordLine | Oversize | End


def documents(
    inputs: Iterable[Input],
    text_key: str = "text",
    url_key: str = "url",
    html_key: str | None = None,
    *,
    raw: bool = False,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Part]:
    """Every document of every input in order, each input followed by its `End`.

    HTML files (and JSONL records read from `html_key`) are marked `html` for the HTML path.
    With `raw`, JSONL lines come unparsed, as `RecordLine`s. A line longer than `max_bytes`
    comes as `Oversize`; a file or WARC record larger than that is an error.
    """
    for item in inputs:
        try:
            if item.warc:
                yield from _warc_documents(item, max_bytes)
            elif item.jsonl:
                for number, line in _lines(item, max_bytes):
                    if isinstance(line, Oversize):
                        yield line
                    elif raw:
                        yield RecordLine(item, number, line)
                    else:
                        yield parse_record(item, number, line, html_key or text_key, url_key, html=html_key is not None)
            elif item.html:
                yield Doc(item, read_html(item, max_bytes), html=True)
            else:
                yield Doc(item, read_text(item, max_bytes))
        except InputError as error:
            yield End(item, str(error))
        except Exception as error:  # whatever else reading one input raises ends that input only
            yield End(item, f"cannot read it: {type(error).__name__}: {error}")
        else:
            yield End(item)


def _warc_documents(item: Input, max_bytes: int) -> Iterator[Doc]:
    """Each HTML response or text conversion of a WARC/WET file, numbered, with its record's fields."""
    assert item.path is not None
    try:
        for number, page in enumerate(warc.open_pages(item.path, max_bytes), 1):
            if page.payload is None:
                error = f"the record is over --max-bytes ({max_bytes:,})"
                yield Doc(item, None, page.url, number, page.fields, error=error)
            elif page.html:
                from .html.decode import decode

                yield Doc(item, decode(page.payload), page.url, number, page.fields, html=True)
            else:
                yield Doc(item, page.payload.decode("utf-8", "replace"), page.url, number, page.fields)
    except compressed.MissingExtra as error:
        raise InputError(str(error)) from None
    except Exception as error:  # warcio reports a damaged archive with its own exception types
        raise InputError(f"not a readable WARC file: {type(error).__name__}: {error}") from None


def read_text(item: Input, max_bytes: int = MAX_BYTES) -> str:
    """The whole text of a file (or stdin), refusing binary and non-UTF-8 data."""
    return _decode(_read_bytes(item, max_bytes))


def read_html(item: Input, max_bytes: int = MAX_BYTES) -> str:
    """A page's text, decoded by its byte-order mark, declared charset or detection."""
    from .html.decode import decode  # the HTML path is imported only when HTML comes in

    return decode(_read_bytes(item, max_bytes))


def _read_bytes(item: Input, max_bytes: int) -> bytes:
    """The bytes of stdin or of a file, decompressed by its suffix; at most `max_bytes`."""
    with _opened(item) as stream:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"larger than --max-bytes ({max_bytes:,} bytes)")
    return data


class Readable(Protocol):
    """What inputs are read through: a file's (decompressed) stream, or stdin's."""

    def read(self, size: int = -1, /) -> bytes: ...

    def readline(self, size: int = -1, /) -> bytes: ...


@contextmanager
def _opened(item: Input) -> Iterator[Readable]:
    """The input's decompressed byte stream, with a damaged file or missing extra as `InputError`."""
    if item.path is None:
        yield stdin.source()
        return
    try:
        with compressed.open_binary(item.path) as stream:
            yield stream
    except compressed.MissingExtra as error:
        raise InputError(str(error)) from None
    except compressed.errors() as error:
        raise InputError(getattr(error, "strerror", None) or str(error) or type(error).__name__) from None


def _decode(data: bytes) -> str:
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})") from None


def _lines(item: Input, max_bytes: int) -> Iterator[tuple[int, bytes | Oversize]]:
    """(line number, line without its line break) of every non-blank line of a JSONL file; a
    line longer than `max_bytes` is skipped in bounded chunks and given as an `Oversize`."""
    with _opened(item) as stream:
        number = 0
        while line := stream.readline(max_bytes + 1):
            number += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                yield number, _oversize(item, number, line, stream, max_bytes)
            elif line.strip():
                yield number, line.rstrip(b"\r\n")


def _oversize(item: Input, number: int, start: bytes, stream: Readable, max_bytes: int) -> Oversize:
    size = len(start)
    while (chunk := stream.readline(_SKIP_CHUNK)) and not chunk.endswith(b"\n"):
        size += len(chunk)
    size += len(chunk.rstrip(b"\r\n"))
    return Oversize(item, number, start[:HEAD_BYTES], size, max_bytes)


def parse_record(item: Input, number: int, line: bytes, text_key: str, url_key: str, html: bool = False) -> Doc:
    """One JSONL line as a document, or as an error that still yields one output record."""
    try:
        raw = line.decode("utf-8")
    except UnicodeDecodeError as error:
        problem = f"not UTF-8 (byte 0x{line[error.start]:02x} at column {error.start + 1})"
        return Doc(item, None, line=number, raw=line.decode("utf-8", "replace"), error=problem)
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as error:
        return Doc(item, None, line=number, raw=raw, error=f"invalid JSON: {error.msg} at column {error.colno}")
    except (ValueError, RecursionError) as error:  # an integer too long to convert, nesting too deep
        return Doc(item, None, line=number, raw=raw, error=f"unreadable JSON: {type(error).__name__}: {error}")
    if not isinstance(record, dict):
        return Doc(item, None, line=number, raw=raw, error=f"not a JSON object but {_json_type(record)}")
    text = record.get(text_key)
    if text_key not in record:
        return Doc(item, None, line=number, record=record, error=f"no {text_key!r} field")
    if not isinstance(text, str):
        problem = f"the {text_key!r} field is {_json_type(text)}, not a string"
        return Doc(item, None, line=number, record=record, error=problem)
    url = record.get(url_key)
    return Doc(item, text, url if isinstance(url, str) else None, number, record, html=html)


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    names = {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number"}
    return names.get(type(value), "null")


# Writing results ------------------------------------------------------------------------------


def json_line(record: Mapping[str, Any]) -> str:
    """A record as one JSON line; readable UTF-8 unless the data holds lone surrogates."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line + "\n"


class AtomicFile:
    """A file written under a temporary name beside its target and moved into place on commit."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        self.stream: TextIO = opener(self.temp, "xt", encoding="utf-8", newline="")

    def commit(self) -> None:
        try:
            self.stream.close()
            os.replace(self.temp, self.path)
        except OSError:
            self.discard()
            raise

    def discard(self) -> None:
        with suppress(OSError):  # its last buffer could not be written: the file is dropped anyway
            self.stream.close()
        self.temp.unlink(missing_ok=True)


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
