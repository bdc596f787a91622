"""Pure text helpers: split a source into lines with offsets, and apply a removal ledger."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
import operator
from itertools import accumulate, compress, repeat
from operator import add, attrgetter, itemgetter

import regex

from .lines import count_words
from .types import Line, Removal

# First and last letter or digit; the reverse search keeps trimming linear on long lines
# (a `[^\p{L}\p{N}]+$` alternative would retry from every position).
_FIRST = regex.compile(r"[\p{L}\p{N}]")
_LAST = regex.compile(r"(?r)[\p{L}\p{N}]")
# Only what needs replacing: runs of spaces and other white space (a plain " " is left be).
_SPACES = regex.compile(r"\s{2,}|[^\S ]")


_COMMON_EDGE = " .,;:!?\"'“”‘’«»()[]*-–—•·|/…#>"


# Columns of `Line` tuples, for `map`: an item getter is the cheapest way to a tuple's field.
START, STOP, TEXT, KEY = (itemgetter(Line._fields.index(name)) for name in ("start", "stop", "text", "key"))

_new_line = tuple.__new__
_PLUS_ONE = (1).__add__  # Line(...) without the named tuple's Python-level __new__


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


def split_lines(source: str, folded: bool = False) -> tuple[Line, ...]:
    """Split on "\\n" and keep each line's offsets; a final line without newline counts too.

    The hot loop of every document, written as whole-list operations that run in C: lines
    are split and lower-cased, and only the keys whose ends are not letters or digits
    (or all keys of a source with odd spacing) go through `trim`'s slow path. `folded`: the
    source comes from the whitespace normalizer, so that check can be skipped.
    """
    texts = source.split("\n")
    if texts[-1] == "":
        texts.pop()  # the source ends with a newline (or is empty): no line after it
    count = len(texts)
    # Line by line: `str.lower` takes a fast path for pure-ASCII strings, and many lines are
    # pure ASCII even when the text as a whole is not (one curly quote makes it UCS-2).
    lows = list(map(str.lower, texts))
    keys = list(map(str.strip, lows, repeat(_COMMON_EDGE, count)))
    plain = folded or ("  " not in source and source.replace("\n", " ").isprintable())
    for index, key in enumerate(keys):
        if key and not (plain and key[0].isalnum() and key[-1].isalnum()):
            keys[index] = trim(lows[index])
    sizes = list(map(len, texts))
    stops = list(accumulate(map(_PLUS_ONE, sizes)))
    starts = [0, *stops[:-1]]
    if count and stops[-1] > len(source):
        stops[-1] = len(source)
    words = list(map(add, map(str.count, texts, repeat(" ", count)), map(bool, texts)))  # single spaces
    for index in compress(range(count), map(operator.not_, map(str.isascii, texts))):
        words[index] = count_words(texts[index])  # CJK and Thai: by characters
    rows = zip(range(count), starts, map(add, starts, sizes), stops, texts, keys, words)
    return tuple(map(_new_line, repeat(Line, count), rows))


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
    for removal in sorted(removals, key=attrgetter("start", "end")):
        if removal.start > cursor:
            pieces.append(source[cursor : removal.start])
        cursor = max(cursor, removal.end)
    pieces.append(source[cursor:])
    return "".join(pieces)
