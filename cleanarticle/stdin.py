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
from dataclasses import dataclass
from typing import BinaryIO

TEXT, HTML, JSONL = "text", "html", "jsonl"
_HTML_STARTS = (b"<!doctype", b"<html")
_MAX_BLANK_LINES = 100
_PEEK_BYTES = 1 << 20  # of the first line, enough to tell JSON from text


@dataclass(slots=True)
class Peeked:
    """Standard input with its first line already read into `head`, read again first."""

    head: bytes
    rest: BinaryIO
    offset: int = 0  # how much of `head` the readers have taken

    def read(self, size: int = -1) -> bytes:
        taken = self._take(size)
        more = self.rest.read(-1 if size < 0 else size - len(taken)) if size < 0 or len(taken) < size else b""
        return taken + more

    def readline(self, size: int = -1) -> bytes:
        taken = self._take(size, line=True)
        if taken.endswith(b"\n") or (0 <= size <= len(taken)):
            return taken
        return taken + self.rest.readline(-1 if size < 0 else size - len(taken))

    def _take(self, size: int, line: bool = False) -> bytes:
        end = len(self.head) if size < 0 else min(len(self.head), self.offset + size)
        if line:
            newline = self.head.find(b"\n", self.offset, end)
            end = newline + 1 if newline >= 0 else end
        taken = self.head[self.offset : end]
        self.offset = end
        return taken


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
            line = peeked.rest.readline(_PEEK_BYTES)
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
        if len(head) >= _PEEK_BYTES and not head.endswith(b"\n"):  # a first line too long to read whole
            return JSONL
        try:
            return JSONL if isinstance(json.loads(head), dict) else TEXT
        except (ValueError, UnicodeDecodeError, RecursionError):
            return TEXT
    return TEXT


def _buffer() -> BinaryIO:
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text stream without bytes underneath (tests, embedding)
        return io.BytesIO(stream.read().encode("utf-8", "surrogateescape"))
    return buffer
