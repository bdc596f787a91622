"""The kinds of block a line of clean text can belong to (a value type; stdlib only).

The HTML path labels each line of its source with a `Style` (`html.structure`); renderers such
as `markdown` read the labels. Text input has no labels: every line is a paragraph.
"""

from __future__ import annotations

from typing import NamedTuple

PARAGRAPH, HEADING, ITEM, QUOTE, ROW, CODE = "p", "h", "li", "quote", "row", "code"


class Style(NamedTuple):
    """The block a source line belongs to.

    `kind` is one of PARAGRAPH, HEADING, ITEM, QUOTE, ROW, CODE; `level` is a heading's level or
    an item's list depth; `group` numbers the list, table, quote or code block (lines of one
    group render together); `continued` is 1 for a line that goes on with the line before it
    (a list item's text over several lines).
    """

    kind: str = PARAGRAPH
    level: int = 0
    group: int = 0
    continued: int = 0


PLAIN = Style()


class Media(NamedTuple):
    """Links in a source line, as (text, target), and images standing just before it, as (alt, source)."""

    links: tuple[tuple[str, str], ...] = ()
    images: tuple[tuple[str, str], ...] = ()


NO_MEDIA = Media()
