"""Pure text helpers: split a source into lines with offsets, and apply a removal ledger."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from operator import attrgetter

import regex

from . import fragments, markup, wrapping
from .lines import count_words
from .types import Line, Removal

# First and last letter or digit; the reverse search keeps trimming linear on long lines
# (a `[^\p{L}\p{N}]+$` alternative would retry from every position).
_FIRST = regex.compile(r"[\p{L}\p{N}]")
_LAST = regex.compile(r"(?r)[\p{L}\p{N}]")
# Only what needs replacing: runs of spaces and other white space (a plain " " is left be).
_SPACES = regex.compile(r"\s{2,}|[^\S ]")


_COMMON_EDGE = " .,;:!?\"'“”‘’«»()[]*-–—•·|/…#>"


# Columns of `Line` tuples, for `map`.
START, STOP, TEXT, KEY = (attrgetter(name) for name in ("start", "stop", "text", "key"))


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
    text = text[first.start() : last.end()]
    if "  " in text or not text.isprintable():
        text = _SPACES.sub(" ", text)
    return text


def line_key(text: str) -> str:
    """The form phrase lists match against: trimmed and lower-cased.

    "  Share this article! " and "SHARE THIS ARTICLE" both give "share this article".
    (`lower`, not `casefold`: casefolding turns "ß" into "ss", and phrase lists keep "ß".)
    """
    return trim(text.lower())


def split_lines(source: str, folded: bool = False, wrapped_at: int | None = None) -> tuple[Line, ...]:
    """Split on "\\n" and keep each line's offsets; a final line without newline counts too.

    In hard-wrapped text (`wrapping`; `wrapped_at` gives the width, None: read from `source`)
    the lines of one paragraph make one `Line`, its text the paragraph's with each line break
    read as a space (so offsets still match the source).
    Keys whose ends are letters or digits in a source with plain spacing skip `trim`'s slow
    path. `folded`: the source comes from the whitespace normalizer, so spacing is plain.
    """
    texts = source.split("\n")
    if texts[-1] == "":
        texts.pop()  # the source ends with a newline (or is empty): no line after it
    plain = folded or ("  " not in source and source.replace("\n", " ").isprintable())
    joined = wrapping.continues(texts, wrapping.width(texts) if wrapped_at is None else wrapped_at)
    joined = [wrapped or piece for wrapped, piece in zip(joined, fragments.continues(texts))]
    lines: list[Line] = []
    start = 0
    for index, text in enumerate(texts):
        end = start + len(text)
        stop = min(end + 1, len(source))
        if joined[index]:
            first = lines.pop()
            start, text = first.start, source[first.start : end].replace("\n", " ")
        text = _as_read(text)
        low = text.lower()
        key = low.strip(_COMMON_EDGE)
        if key and not (plain and key[0].isalnum() and key[-1].isalnum()):
            key = trim(low)
        lines.append(Line(len(lines), start, end, stop, text, key, _words(text)))
        start = stop
    return tuple(lines)


def cut_out(source: str, start: int, end: int, cuts: Sequence[tuple[int, int]]) -> str:
    """`source[start:end]` without the parts of it that `cuts` cover."""
    pieces, at = [], start
    for cut_start, cut_end in cuts[bisect_left(cuts, (start, start)) :]:
        if cut_start >= end:
            break
        pieces.append(source[at:cut_start])
        at = max(at, cut_end)
    pieces.append(source[at:end])
    return "".join(pieces)


def _as_read(text: str) -> str:
    """A line as a reader sees it, without link markup: what the filters read."""
    return (" ".join(markup.visible(text).split()) or text) if "](" in text else text


def _words(text: str) -> int:
    """A line's words: its spaces plus one for plain ASCII, `count_words` else (CJK, Thai by characters)."""
    return (text.count(" ") + 1 if text.isascii() else count_words(text)) if text else 0


def reread(line: Line, written: str) -> Line:
    """`line` as it reads once part of it was cut out, `written` being what is left: the steps
    that run after the cut judge the rest, as a second cleaning would."""
    text = _as_read(written)
    return line._replace(text=text, key=trim(text.lower()), words=_words(text))


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
