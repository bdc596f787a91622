"""Markdown link and image markup inside a line: where it is, and the line as a reader sees it.

Scrapers that write Markdown keep every link as `[text](https://…)` and every image as
`![alt](src)`. The link text is the page's; the target, the brackets and the image are markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# Alternatives that start with different characters, so matching stays linear on any line.
_TEXT = r"(?:[^\[\]\n\\]|\\.|\[(?:[^\[\]\n\\]|\\.)*\])*"
_TARGET = r"(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\([^\s()]*\))*)"
_TITLE = r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?"""
LINK = re.compile(rf"(!?)\[({_TEXT})\]\(\s*({_TARGET}){_TITLE}\s*\)")
"""A Markdown link or image: group 1 is "!" for an image, group 2 the text, group 3 the target."""
_ADDRESS = re.compile(r"[./:#?]")  # a target names a place; "handlers[name](event)" in code does not


class Markup(NamedTuple):
    """A span of link or image markup in a text: `image` when it holds an image."""

    start: int
    end: int
    image: bool
    target: str


def spans(text: str, start: int = 0, end: int | None = None) -> list[Markup]:
    """The markup in `text[start:end]`, in order, joined where pieces touch (a link whose text
    is an image is one span): for a link, its "[" and its "](target)" with any spaces inside the
    brackets; an image whole."""
    joined: list[Markup] = []
    for piece in _pieces(text, start, len(text) if end is None else end):
        if joined and joined[-1].end == piece.start:
            last = joined[-1]
            joined[-1] = Markup(last.start, piece.end, last.image or piece.image, last.target or piece.target)
        else:
            joined.append(piece)
    return joined


def _pieces(text: str, start: int, end: int) -> Iterator[Markup]:
    for match in LINK.finditer(text, start, end):
        target = match.group(3)
        if _ADDRESS.search(target) is None:
            continue
        if match.group(1):
            yield Markup(match.start(), match.end(), True, target)
            continue
        inner = match.group(2)
        first = match.start(2) + len(inner) - len(inner.lstrip())  # "[ Get started ](…)": the spaces go too
        last = max(first, match.end(2) - len(inner) + len(inner.rstrip()))
        yield Markup(match.start(), first, False, target)
        yield from _pieces(text, first, last)
        yield Markup(last, match.end(), False, target)


def visible(text: str) -> str:
    """`text` as a reader sees it: link texts without their markup, no images."""
    if "](" not in text:
        return text
    pieces, cursor = [], 0
    for span in spans(text):
        pieces.append(text[cursor : span.start])
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces)
