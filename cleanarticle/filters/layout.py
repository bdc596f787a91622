"""Blank-line tidying after the other filters: no leading, trailing or doubled blank lines."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from ..registry import register
from ..types import Removal
from .base import Filter, View, remove


@register("blank_lines")
@dataclass(frozen=True, slots=True)
class BlankLines(Filter):
    """Blank lines at the start or end, and blank lines after a blank line.

    Runs last, so that the gaps other filters leave are closed too.

    Removes: the second of two blank lines between paragraphs
    Keeps:   one blank line between paragraphs
    """

    reasons: ClassVar[tuple[str, ...]] = ("leading_blank_line", "trailing_blank_line", "repeated_blank_line", "blank_text")
    contextual: ClassVar[bool] = True

    def find(self, view: View) -> Iterator[Removal]:
        lines = view.lines
        content = view.content()
        if not content:
            yield from remove(lines, self.name, "blank_text")
            return
        first, last = content[0], content[-1]
        yield from remove(lines[:first], self.name, "leading_blank_line")
        doubled = [line for i, line in enumerate(lines[first:last], first) if not line.text and not lines[i - 1].text]
        yield from remove(doubled, self.name, "repeated_blank_line")
        yield from remove(lines[last + 1 :], self.name, "trailing_blank_line")
