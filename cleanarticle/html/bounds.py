"""Make a hostile page small enough for the parsers before they see it, and say what was cut.

Lexbor's tree builder is quadratic in nesting depth (200,000 nested `<div>`s: 97 s), libxml2
(under trafilatura) drops a page nested past 255 levels, and trafilatura is quadratic in the
cells of one table row. `bound` reads the page once with a linear tag scanner that models the
HTML stack of open elements well enough to know the depth (implied end tags of `p`, `li`, cells
and rows included), and past a `Limits` value removes tags, never text: deeper elements are
flattened into the one at the limit, elements past the node limit or a row's cell limit lose their
tags (past the node limit, all tags, read at C speed), and only code and comments past the
node limit go whole. A page within every limit comes back
unchanged. `cap` cuts an input longer than `max_html_bytes` before it is decoded.

A page read as single bytes while it is UTF-16 or UTF-32 (every other character a NUL) is read
again as what it is, so that markup never comes back as text.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from ..limits import Limits
from .prune import PrunedNode

_TOKEN = re.compile(r"<(?:(!--)|[!?]|(/?)([A-Za-z][^\t\n\f\r />]*)([^>]*)>?)")
_VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
_RAW = frozenset("script style textarea title xmp iframe noembed noframes plaintext".split())
_ROOTS = frozenset({"html", "head", "body"})
_FOREIGN = ("svg", "math")
_CLOSES_P = frozenset(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hgroup hr li dd dt main menu nav ol p pre section summary table ul".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_SECTIONS = frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"})
# The open elements a start tag closes when they are on top of the stack (HTML's implied end tags).
_CLOSES = {
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
    "tr": frozenset({"td", "th", "tr"}),
    "tbody": _SECTIONS,
    "thead": _SECTIONS,
    "tfoot": _SECTIONS,
    "option": frozenset({"option"}),
    "optgroup": frozenset({"option", "optgroup"}),
    **{h: _HEADINGS for h in _HEADINGS},
}
_ROWS = frozenset({"tr", "table"})
_CELLS = frozenset({"td", "th"})
_SAMPLE = 2048
# Past the node limit, at C speed: code with its content, comments, then any other tag.
_PAST_LIMIT = re.compile(
    r"<(script|style|textarea|title|xmp|iframe|noembed|noframes)\b[^>]*>(?:.*?</\1\s*>|.*\Z)"
    r"|<plaintext\b.*\Z|<!--(?:.*?-->|.*\Z)|<(?:/?[A-Za-z]|[!?])[^>]*>?",
    re.S | re.I,
)


class _Open(NamedTuple):
    name: str
    dropped: bool
    row: bool


class _Scan:
    """One pass over the page: the spans to blank out, and how many tags each limit took."""

    def __init__(self, page: str, limits: Limits) -> None:
        self.page = page
        self.limits = limits
        self.stack: list[_Open] = []
        self.open: Counter[str] = Counter()
        self.rows: list[int] = []
        self.nodes = 0
        self.cuts: list[tuple[int, int]] = []
        self.counts: Counter[str] = Counter()

    def run(self) -> int:
        """Scan up to the node limit; return where the elements past it start (the page's length
        when there are none)."""
        page, pos = self.page, 0
        while (match := _TOKEN.search(page, pos)) is not None:
            pos = match.end()
            if match.group(1) is not None:  # a comment, to "-->" or the end
                close = page.find("-->", pos)
                pos = len(page) if close < 0 else close + 3
                continue
            name = (match.group(3) or "").lower()
            if not name or name in _ROOTS:
                continue
            if match.group(2):
                self._end(name, match.start(), pos)
            elif self.nodes == self.limits.max_html_nodes:
                return match.start()
            else:
                pos = self._start(name, match, pos)
        return len(page)

    def _start(self, name: str, match: re.Match[str], pos: int) -> int:
        self.nodes += 1
        if name in _RAW:
            return self._raw_end(name, pos)
        if name in _VOID or (match.group(4).endswith("/") and any(self.open[f] for f in _FOREIGN)):
            return pos
        self._close_implied(name)
        reason = ""
        if len(self.stack) >= self.limits.max_html_depth:
            reason = "too_deep"
        if name in _CELLS and self.rows:
            self.rows[-1] += 1
            if not reason and self.rows[-1] > self.limits.max_row_cells:
                reason = "too_many_cells"
        if reason:
            self._cut(reason, match.start(), pos)
        row = name in _ROWS
        if row:
            self.rows.append(0)
        self.stack.append(_Open(name, bool(reason), row))
        self.open[name] += 1
        return pos

    def _end(self, name: str, start: int, end: int) -> None:
        if not self.open[name]:
            return
        while True:
            top = self._pop()
            if top.name == name:
                if top.dropped:
                    self.cuts.append((start, end))
                return

    def _pop(self) -> _Open:
        top = self.stack.pop()
        self.open[top.name] -= 1
        if top.row:
            self.rows.pop()
        return top

    def _close_implied(self, name: str) -> None:
        if name in _CLOSES_P and self.stack and self.stack[-1].name == "p":
            self._pop()
        closes = _CLOSES.get(name)
        while closes and self.stack and self.stack[-1].name in closes:
            self._pop()

    def _raw_end(self, name: str, pos: int) -> int:
        if name == "plaintext":
            return len(self.page)
        close = re.compile(rf"</{name}(?=[\s/>]|$)[^>]*>?", re.I).search(self.page, pos)
        return len(self.page) if close is None else close.end()

    def _cut(self, reason: str, start: int, end: int) -> None:
        self.cuts.append((start, end))
        self.counts[reason] += 1


def cap(html: str | bytes, limits: Limits) -> str | bytes:
    """`html` cut to `limits.max_html_bytes` (bytes, or characters for `str`), before decoding."""
    return html[: limits.max_html_bytes] if len(html) > limits.max_html_bytes else html


def bound(page: str, limits: Limits, capped: bool = False) -> tuple[str, tuple[PrunedNode, ...]]:
    """`page` within `limits`, and a `PrunedNode` for each kind of cut made (none for most pages).

    `capped`: `cap` cut the input, so the page ends at its last tag boundary. Reasons:
    "too_large", "wide_encoding", "too_deep", "too_many_nodes", "too_many_cells"; the detail
    gives the limit and how many tags went.
    """
    notes: list[PrunedNode] = []
    if capped:
        boundary = page.rfind("<")
        page = page[:boundary] if boundary > 0 else page
        notes.append(PrunedNode("", "too_large", f"max_html_bytes={limits.max_html_bytes}: the rest of the page"))
    page, encoding = rewiden(page)
    if encoding:
        notes.append(PrunedNode("", "wide_encoding", f"read again as {encoding}"))
    scan = _Scan(page, limits)
    rest = scan.run()
    tail, scan.counts["too_many_nodes"] = _PAST_LIMIT.subn(" ", page[rest:])
    if not scan.cuts and not scan.counts["too_many_nodes"]:
        return page, tuple(notes)
    settings = {"too_deep": "max_html_depth", "too_many_nodes": "max_html_nodes", "too_many_cells": "max_row_cells"}
    for reason, count in sorted(scan.counts.items()):
        setting = settings[reason]
        if count:
            notes.append(PrunedNode("", reason, f"{setting}={getattr(limits, setting)}: {count:,} tags removed, text kept"))
    return _blank(page[:rest], scan.cuts) + tail, tuple(notes)


def _blank(page: str, cuts: list[tuple[int, int]]) -> str:
    """`page` with each cut replaced by a space, so that the text on either side stays apart."""
    pieces, cursor = [], 0
    for start, end in sorted(cuts):
        if start >= cursor:
            pieces.append(page[cursor:start])
            pieces.append(" ")
        cursor = max(cursor, end)
    pieces.append(page[cursor:])
    return "".join(pieces)


def rewiden(page: str) -> tuple[str, str]:
    """A page whose characters are the bytes of UTF-16 or UTF-32 text (a NUL every second or
    fourth character), read as that encoding, and the encoding's name; else `page` and ""."""
    sample = page[:_SAMPLE]
    nuls = sample.count("\x00")
    if not sample or nuls * 4 < len(sample):
        return page, ""
    wide = "utf-32" if nuls * 8 >= len(sample) * 5 else "utf-16"
    step = 4 if wide == "utf-32" else 2
    little = sample[0::step].count("\x00") < sample[step - 1 :: step].count("\x00")
    encoding = f"{wide}-{'le' if little else 'be'}"
    try:
        data = page.encode("latin-1")
    except UnicodeEncodeError:  # not bytes read one by one: the NULs are all that is wrong
        return page.replace("\x00", ""), "text without NULs"
    return data.decode(encoding, "replace"), encoding
