"""Readers' comments below the article: the section from its header (or first comment) to the end.

Comments are prose, so line-shape filters and the content model keep them; what gives a comment
section away is its furniture, repeated once per comment: reply buttons ("Reply", "Reply to
Sharon", "Antworten"), "Name says:" lines beside a timestamp, "Name wrote on <date>:". Two such
marks within `window` lines, or a section header ("109 Comments", "3 thoughts on "..."",
"Discussion about this post") followed by one, open a section; it starts at the header when one
lies within `window` lines above the first mark, else at the commenter's name and timestamp
above it, and runs to the end of the text, where the comment form, the sidebar and the footer
follow. A quote that an article introduces with "Name wrote:" or "Name says:" is not a mark
(no timestamp), and a section is looked for only after `min_prose` words of prose, so an
article is never cut from its top. The vocabulary is data (`[comments]` in `phrases/*.toml`).
The HTML path leaves this step out when the caller asks for comments (`include_comments`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from ..dates import is_timestamp
from ..lines import FULL_STOP, is_prose
from ..registry import register
from ..types import Line, Removal
from .base import Filter, View, neighbours, remove
from .phrases import whole_line_reasons

MARKS = whole_line_reasons("comments")
HEADER, REPLY, SAYS = "header", "reply", "says"  # the keys of `[comments]`
_NAME_WORDS = 4  # a commenter's name above the timestamp is this short
_MARK_WORDS = 25  # a mark is a short line
_STAMP_REACH = 6  # lines above its first mark where the first comment's timestamp may be
_BREAK = re.compile(r"[:\s]+")


@register("reader_comments")
@dataclass(frozen=True, slots=True)
class ReaderComments(Filter):
    """Readers' comments after the article: from the section's header (or its first comment) to the end.

    Removes: "42 Comments", "Kathy Owen says:", "March 3, 2024 at 9:15 am", "Loved this recipe!",
             "Reply" and everything after them
    Keeps:   an interview whose answers open with "Smith says:" (no timestamp beside them)
    """

    reasons: ClassVar[tuple[str, ...]] = ("comment_section",)
    contextual: ClassVar[bool] = True

    window: int = 15  # lines (not blank) within which the marks of one section lie
    min_prose: int = 100  # words of prose that must come before a section

    def find(self, view: View) -> Iterator[Removal]:
        lines = view.lines
        content = view.content()
        begin = _after_prose(lines, content, self.min_prose)
        kinds = [_kind(lines, p) for p in content[begin:]]
        for at, kind in enumerate(kinds):
            if not kind:
                continue
            ahead = zip(content[begin + at : begin + at + self.window], kinds[at : at + self.window])
            marks = [p for p, k in ahead if k in (REPLY, SAYS)]
            if len(marks) >= 2 or (kind == HEADER and marks):
                position = content[begin + at]
                above = content[max(0, begin + at - self.window) : begin + at]
                start = position if kind == HEADER else _first_comment(lines, above, position)
                detail = f"{len(marks)} marks from {lines[marks[0]].text[:60]!r}"
                yield from remove(lines[start:], self.name, "comment_section", detail)
                return


def _after_prose(lines: Sequence[Line], content: Sequence[int], words: int) -> int:
    """The index in `content` of the first line with `words` words of prose above it (len(content) if none)."""
    prose = 0
    for at, position in enumerate(content):
        if prose >= words:
            return at
        if is_prose(lines[position].text):
            prose += lines[position].words
    return len(content)


def _kind(lines: Sequence[Line], position: int) -> str:
    """Which mark of a comment section the line is: a `[comments]` key, or "" for none."""
    line = lines[position]
    if line.words > _MARK_WORDS or line.text.endswith(FULL_STOP):
        return ""  # a mark is a label, not a sentence
    match = MARKS.match(line.key)
    kind = match.lastgroup if match else None
    if kind != SAYS:
        return kind or ""
    beside = (next(neighbours(lines, position, step), None) for step in (-1, 1))
    if any(p is not None and is_timestamp(lines[p].text) for p in beside) or _dated(line.text):
        return SAYS
    return ""


def _dated(text: str) -> bool:
    """Whether the line ends in a timestamp: "Sharon says: March 3, 2024 at 9:15 am"."""
    return any(is_timestamp(text[m.end() :].strip()) for m in _BREAK.finditer(text))


def _first_comment(lines: Sequence[Line], above: Sequence[int], first: int) -> int:
    """Where a section opened by a mark begins: at a header `above` it (the lines of `window`
    above), else at the first comment's timestamp just above the mark and the name line over
    it, else at the mark itself."""
    headers = [p for p in above if _kind(lines, p) == HEADER]
    if headers:
        return headers[-1]
    for position in reversed(above[-_STAMP_REACH:]):
        if is_timestamp(lines[position].text):
            name = next(neighbours(lines, position, -1), position)
            return name if name in above and lines[name].words <= _NAME_WORDS else position
    return first
