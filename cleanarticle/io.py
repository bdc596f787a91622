"""The command line's inputs: find them, and stream their documents in bounded memory.

Inputs are files, directories (recursed), globs and "-" (stdin). `.jsonl` and `.jsonl.gz` are
read one record at a time (cleaning them in order is `batch`'s job, writing them `outputs`'),
so memory stays flat whatever the size of the input. No file, line or record is read past
`max_bytes` (a longer line is skipped in bounded chunks and reported as `Oversize`), and any
failure to read an input ends that input only. Directory walks and globs take regular files
only (a FIFO or a device would block or never end) and survive symlink loops.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from glob import glob
from pathlib import Path, PurePath
from typing import Any, Protocol

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
    skip = real_path(exclude) if exclude is not None else None

    def add(item: Input) -> None:
        key = real_path(item.path) if item.path is not None else Path("-")
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


def real_path(path: Path) -> Path:
    """The path with symlinks resolved as far as they go: `Path.resolve` raises on a loop."""
    return Path(os.path.realpath(path))


def _same(path: Path, resolved: Path | None) -> bool:
    return resolved is not None and real_path(path) == resolved


def _glob_root(pattern: str) -> Path:
    """The directory part of a glob before its first wildcard: outputs mirror the tree below it."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts[:-1]:
        if _GLOB_MAGIC.search(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


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
