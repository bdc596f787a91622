"""Standard input, read once: what kind of data it holds, and its bytes for whoever reads it.

Piped data carries no file name, so its kind is read from its start: a first line that is a
JSON object means JSONL; `<!doctype` or `<html` (after a byte-order mark and white space)
means an HTML page; anything else is text. The first line read to decide is kept, so the
stream is still read whole and in order afterwards.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

TEXT, HTML, JSONL = "text", "html", "jsonl"
_HTML_STARTS = (b"<!doctype", b"<html")
_MAX_BLANK_LINES = 100


@dataclass(slots=True)
class Peeked:
    """Standard input with its first line already read into `head`."""

    head: bytes
    rest: BinaryIO

    def read(self) -> bytes:
        return self.head + self.rest.read()

    def lines(self) -> Iterator[bytes]:
        if self.head:
            yield self.head
        yield from self.rest


_peeked: tuple[object, Peeked] | None = None


def source() -> Peeked:
    """Standard input as one stream; its first line is read only once, by `peek`."""
    global _peeked
    if _peeked is None or _peeked[0] is not sys.stdin:  # a new stdin (tests swap it)
        _peeked = (sys.stdin, Peeked(b"", _buffer()))
    return _peeked[1]


def peek() -> Peeked:
    """Standard input with its first non-blank line (and any blank lines before it) read for
    `kind`, and kept for the readers."""
    peeked = source()
    if not peeked.head.strip():
        for _ in range(_MAX_BLANK_LINES):
            line = peeked.rest.readline()
            peeked.head += line
            if not line or line.strip():
                break
    return peeked


def kind(head: bytes) -> str:
    """JSONL, HTML or TEXT, from the first non-blank line of the input."""
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if start.startswith(_HTML_STARTS):
        return HTML
    if start.startswith(b"{"):
        try:
            return JSONL if isinstance(json.loads(head), dict) else TEXT
        except (ValueError, UnicodeDecodeError):
            return TEXT
    return TEXT


def _buffer() -> BinaryIO:
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text stream without bytes underneath (tests, embedding)
        return io.BytesIO(stream.read().encode("utf-8", "surrogateescape"))
    return buffer
