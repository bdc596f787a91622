"""Markdown link and image markup in the lines that stay: the targets go, the link text stays.

Scrapers that write Markdown (html2text, reader services, crawler libraries) keep every link as
`[text](https://…)`. The target is not article text, and in word counts a link's address
outweighs its text. This step runs after every line verdict, so the filters that read links as
a sign of furniture (`page_furniture`'s link share) see them; the phrase rules read each line
as a reader sees it (`markup.visible`) whether the markup is there or not, so cleaning the
output again changes nothing. Hard-wrapped text (`wrapping`) is left as it is: its lines' lengths
are what show the width it was wrapped at, and cut lines would read as another text on a second
cleaning. Disable the step to keep the links (`--disable link_markup`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from .. import markup
from ..registry import register
from ..types import Removal
from .base import Filter, View

_WORD = re.compile(r"\w")

LINK_TARGET = "link_target"
INLINE_IMAGE = "inline_image"


@register("link_markup")
@dataclass(frozen=True, slots=True)
class LinkMarkup(Filter):
    """Markdown link targets and inline images in the lines that stay; a line left with no word goes whole.

    Removes: "[" and "](https://example.com/budget)" around "[new budget](https://example.com/budget)"
    Keeps:   "new budget", and "[sic]" or "f(x)" (brackets that are not a link)
    """

    reasons: ClassVar[tuple[str, ...]] = (LINK_TARGET, INLINE_IMAGE)

    def find(self, view: View) -> Iterator[Removal]:
        source = view.source
        if view.wrapped_at:
            return  # shorter lines would no longer show the width the text was wrapped at
        for line in view.lines:
            if source.find("](", line.start, line.end) < 0:
                continue
            found = markup.spans(source, line.start, line.end)
            if not found:
                continue
            if _WORD.search(markup.visible(source[line.start : line.end])) is None:
                reason = INLINE_IMAGE if any(span.image for span in found) else LINK_TARGET
                yield Removal(line.start, line.stop, self.name, reason, found[0].target)
                continue
            for start, end, span in _tidy(source, line.start, line.end, found):
                yield Removal(start, end, self.name, INLINE_IMAGE if span.image else LINK_TARGET, span.target)


def _tidy(source: str, start: int, end: int, found: list[markup.Markup]) -> Iterator[tuple[int, int, markup.Markup]]:
    """Each span of `found` (inside the line `start`..`end`; no two touch) widened by one space
    where cutting it would leave two spaces together or a space at an end of the line."""
    cut, kept = start, ""  # where the last cut ended; the character that stays before it ("" at the line's start)
    for span in found:
        left, right = span.start, span.end
        before = source[left - 1] if left > cut else kept
        after = source[right] if right < end else ""
        if before == " " and after in (" ", "") and left > cut:
            left -= 1
        elif before in ("", " ") and after == " ":
            right += 1
        cut, kept = right, before
        yield left, right, span
