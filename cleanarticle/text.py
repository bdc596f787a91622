"""Pure text helpers: split a source into lines with offsets, and apply a removal ledger."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from .types import Line, Removal

# First and last letter or digit; the reverse search keeps trimming linear on long lines
# (a `[^\p{L}\p{N}]+$` alternative would retry from every position).
_FIRST = regex.compile(r"[\p{L}\p{N}]")
_LAST = regex.compile(r"(?r)[\p{L}\p{N}]")
# Only what needs replacing: runs of spaces and other white space (a plain " " is left be).
_SPACES = regex.compile(r"\s{2,}|[^\S ]")


_COMMON_EDGE = " .,;:!?\"'“”‘’«»()[]*-–—•·|/…#>"


def trim(text: str) -> str:
    """`text` without punctuation at either end and with single spaces: "* Note: x." → "Note: x"."""
    core = text.strip(_COMMON_EDGE)
    if core and core[0].isalnum() and core[-1].isalnum():
        text = core
        if "  " in text or not text.isprintable():
            text = _SPACES.sub(" ", text)
        return text
    first = _FIRST.search(text)
    if first is None:
        return ""
    last = _LAST.search(text)
    text = text[first.start() : last.end()]  # type: ignore[union-attr]
    if "  " in text or not text.isprintable():
        text = _SPACES.sub(" ", text)
    return text


def line_key(text: str) -> str:
    """The form phrase lists match against: trimmed and lower-cased.

    "  Share this article! " and "SHARE THIS ARTICLE" both give "share this article".
    (`lower`, not `casefold`: casefolding turns "ß" into "ss", and phrase lists keep "ß".)
    """
    return trim(text.lower())


def split_lines(source: str) -> tuple[Line, ...]:
    """Split on "\\n" and keep each line's offsets; a final line without newline counts too."""
    lines: list[Line] = []
    start = 0
    size = len(source)
    index = 0
    while start < size:
        end = source.find("\n", start)
        stop = end + 1 if end >= 0 else size
        if end < 0:
            end = size
        text = source[start:end]
        words = text.count(" ") + 1 if text else 0  # the source has single spaces
        lines.append(Line(index, start, end, stop, text, line_key(text), words))
        index += 1
        start = stop
    return tuple(lines)


def spans_of(lines: Iterable[Line]) -> list[tuple[int, int]]:
    """Merge lines that touch in the source into (start, stop) spans, in order."""
    spans: list[tuple[int, int]] = []
    for line in lines:
        if spans and spans[-1][1] == line.start:
            spans[-1] = (spans[-1][0], line.stop)
        else:
            spans.append((line.start, line.stop))
    return spans


def apply_removals(source: str, removals: Sequence[Removal]) -> str:
    """Cut every removal span out of `source`; overlapping spans are cut once."""
    pieces: list[str] = []
    cursor = 0
    for removal in sorted(removals, key=lambda r: (r.start, r.end)):
        if removal.start > cursor:
            pieces.append(source[cursor : removal.start])
        cursor = max(cursor, removal.end)
    pieces.append(source[cursor:])
    return "".join(pieces)
