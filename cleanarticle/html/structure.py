"""The block structure of an extracted page, line by line: which lines are headings, list
items, quotes, table rows or code.

The text pipeline sees trafilatura's plain text, one block per line, and decides alone what
goes. This module only labels the lines of that text with the block each came from, so that
renderers (Markdown) can give back the structure of what stays. Labels are found by walking
trafilatura's tree and matching each block's text to the source lines in order, on letters and
digits only (the pipeline's normalisers may change spaces and broken characters); a line that
matches no block is a plain paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from copy import deepcopy
from typing import Any, TypeVar

from ..blocks import CODE, HEADING, ITEM, PARAGRAPH, PLAIN, QUOTE, ROW, Style
from .extract import block_text

_LOOKAHEAD = 64  # how far ahead of the last match a source line is looked for among the blocks
T = TypeVar("T")


_NOT_ALNUM = re.compile(r"[\W_]+")  # exactly the characters `str.isalnum` rejects


def loose_key(text: str) -> str:
    """Letters and digits only, case-folded: what survives any whitespace or markup change."""
    return _NOT_ALNUM.sub("", text.casefold())


def line_styles(body: Any, source: str) -> tuple[Style, ...]:
    """One `Style` per line of `source` (split on "\\n"), from the tree `body` it was extracted from."""
    lines = source.split("\n")
    if body is None:
        return (PLAIN,) * len(lines)
    return align(lines, list(_Walker().walk(body)), PLAIN)


def align(lines: Sequence[str], found: Sequence[tuple[str, T]], missing: T) -> tuple[T, ...]:
    """For each line, the value of the next (key, value) of `found` whose key is the line's, in
    order and at most a few dozen entries ahead; `missing` for a line that has none."""
    out: list[T] = []
    at = 0
    for line in lines:
        key = _key(line)
        match = _find(found, key, at) if key else -1
        if match < 0:
            out.append(missing)
            continue
        out.append(found[match][1])
        at = match + 1
    return tuple(out)


def _key(line: str) -> str:
    """The loose key, or for a line of punctuation alone ("}", "---") the line itself, marked."""
    key = loose_key(line)
    return key or (f"\x00{line.strip()}" if line.strip() else "")


def _find(slots: Sequence[tuple[str, object]], key: str, start: int) -> int:
    for index in range(start, min(start + _LOOKAHEAD, len(slots))):
        if slots[index][0] == key:
            return index
    return -1


class _Walker:
    """Yields (loose key, style) for every line of every block of the tree, in document order."""

    def __init__(self) -> None:
        self.groups = 0

    def _group(self) -> int:
        self.groups += 1
        return self.groups

    def walk(self, element: Any, quote: int = 0) -> Iterator[tuple[str, Style]]:
        for child in element:
            yield from self._block(child, quote)

    def _block(self, element: Any, quote: int) -> Iterator[tuple[str, Style]]:
        tag = element.tag
        if tag == "head":
            rend = element.get("rend") or ""
            level = int(rend[1]) if len(rend) == 2 and rend[0] == "h" and rend[1] in "123456" else 2
            yield from _lines(element, Style(HEADING, level, self._group()))
        elif tag == "list":
            yield from self._list(element, 1, self._group())
        elif tag == "table":
            group = self._group()
            for row in element.iter("row"):
                yield from _lines(row, Style(ROW, 0, group))
        elif tag == "code" or (tag == "quote" and _preformatted(element)):
            yield from _lines(element, Style(CODE, 0, self._group()))
        elif tag == "quote":
            group = quote or self._group()
            if _has_blocks(element):
                if (element.text or "").strip():
                    yield from _lines(_shallow(element), Style(QUOTE, 0, group))
                yield from self.walk(element, group)
            else:
                yield from _lines(element, Style(QUOTE, 0, group))
        elif _has_blocks(element):
            yield from self.walk(element, quote)
        else:
            style = Style(QUOTE, 0, quote) if quote else Style(PARAGRAPH, 0, self._group())
            yield from _lines(element, style)

    def _list(self, element: Any, depth: int, group: int) -> Iterator[tuple[str, Style]]:
        """A list's items; its sublists share its group, so they render inside it."""
        for item in element:
            sublists = [child for child in item if child.tag == "list"]
            own = _without(item, sublists) if sublists else item
            yield from _lines(own, Style(ITEM, depth, group))
            for sublist in sublists:
                yield from self._list(sublist, depth + 1, group)


_BLOCK_TAGS = frozenset({"p", "head", "list", "quote", "table", "div"})  # code inside a block is inline


def _has_blocks(element: Any) -> bool:
    return any(child.tag in _BLOCK_TAGS for child in element)


def _preformatted(element: Any) -> bool:
    """A quote holding lines of its own text: trafilatura turns `<pre>` into one."""
    return "\n" in (element.text or "").strip() and not _has_blocks(element)


def _shallow(element: Any) -> Any:
    return _without(element, list(element))


def _without(element: Any, children: Sequence[Any]) -> Any:
    """A copy of `element` without the given children (a list item without its sublists)."""
    copy = deepcopy(element)
    drop = {element.index(child) for child in children}
    for index in sorted(drop, reverse=True):
        del copy[index]
    return copy


def _lines(element: Any, style: Style) -> Iterator[tuple[str, Style]]:
    """The element's lines; those after the first go on with it (`Style.continued`)."""
    first = True
    for line in block_text(element).split("\n"):
        key = _key(line)
        if key:
            yield key, style if first else style._replace(continued=1)
            first = False
