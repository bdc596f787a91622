"""What a filter is: a frozen dataclass that reads a `View` and yields `Removal`s.

Filters never edit text. `LineFilter` covers the common case of judging one line at a time;
block filters override `find` and use `remove` to turn a run of lines into spans.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress
from typing import ClassVar

from ..content.features import densest_run
from ..lines import ends_sentence
from ..text import TEXT, cut_out, spans_of
from ..types import Field, Line, Removal


@dataclass(frozen=True, slots=True)
class View:
    """The lines still live when a filter runs (blank ones included), in source order.

    `again`: the filter has seen every one of these lines before, in an earlier round, and kept
    it; so a verdict that depends on a line alone would keep it again, and need not be asked.
    """

    source: str
    lines: tuple[Line, ...]
    url: str | None = None
    again: bool = False
    cuts: tuple[tuple[int, int], ...] = ()  # spans cut out of lines that stay (link markup), in order
    wrapped_at: int = 0  # the width the text reads as hard-wrapped at (`wrapping`), 0 when it does not
    _before: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    def written(self, lines: Sequence[Line]) -> list[str]:
        """The text of `lines` as it stands in the source, markup and all, less the `cuts` made so
        far; `Line.text` is the text as a reader sees it. Hard-wrapped lines read as one."""
        if "](" not in self.source:
            return [line.text for line in lines]
        return [cut_out(self.source, line.start, line.end, self.cuts).replace("\n", " ") for line in lines]

    def content(self) -> list[int]:
        """Positions (in `lines`) of the non-blank lines."""
        return list(compress(range(len(self.lines)), map(TEXT, self.lines)))

    def fraction(self, position: int) -> float:
        """How far into the live text the line at `position` starts, from 0 to 1.

        Measured over the lines still live, so a block that an earlier filter removed does
        not push the rest of the text towards the top.
        """
        before = self._offsets()
        return before[position] / (before[-1] or 1)

    def tail_start(self, fraction: float, less: int = 0) -> int:
        """The first position whose `fraction` is at least `fraction` (len(lines) if none);
        `less`: measured as if that many characters of the tail were gone."""
        before = self._offsets()
        return bisect_left(before, fraction * ((before[-1] - less) or 1), 0, len(self.lines))

    def _offsets(self) -> list[int]:
        """Live characters of text before each line, then the total; built on first use. Blank
        lines count for nothing, so tidying them does not move a filter's tail or header, and
        link markup already cut counts for nothing, so a second cleaning, which no longer sees
        it, finds the same positions."""
        if not self._before:
            if self.cuts:
                sizes = (len(cut_out(self.source, line.start, line.stop, self.cuts)) if line.text else 0 for line in self.lines)
            else:
                sizes = (line.stop - line.start if line.text else 0 for line in self.lines)
            self._before.extend(accumulate(sizes, initial=0))
        return self._before


def remove(lines: Iterable[Line], filter: str, reason: str, detail: str = "") -> Iterator[Removal]:
    """Removals for `lines`, one per run of lines that touch in the source."""
    for start, stop in spans_of(lines):
        yield Removal(start, stop, filter, reason, detail)


def remove_each(lines: Sequence[Line], found: dict[int, str], filter: str) -> Iterator[Removal]:
    """One removal per line of `found` (position → reason), in source order."""
    for position in sorted(found):
        line = lines[position]
        yield Removal(line.start, line.stop, filter, found[position])


class Filter:
    """Base of the line-removing steps; subclasses are frozen dataclasses whose fields are settings."""

    name: ClassVar[str]
    reasons: ClassVar[tuple[str, ...]] = ()  # every reason code `find` can give (--list-filters)
    # True for a filter whose verdict on a line depends on other lines (neighbours, position in
    # the text, repeats) and that finds nothing new when run on its own output: the pipeline runs
    # it again once other lines of text have gone, so that cleaning is a fixed point (blank lines
    # going alone start no round: a contextual filter reads blank lines only as breaks between
    # blocks, never counts them). False (run once) for a filter that judges each line alone, or
    # that is not idempotent on its own.
    contextual: ClassVar[bool] = False

    def find(self, view: View) -> Iterator[Removal]:
        raise NotImplementedError

    def metadata(self, view: View, removals: Sequence[Removal]) -> dict[str, Field]:
        """Metadata fields ("author", "published", "updated", "outlet") read from the lines
        this filter removed from `view`; none by default. The first filter to give a field wins."""
        return {}


class LineFilter(Filter):
    """A filter that judges each live, non-blank line on its own (with the view as context)."""

    def check_line(self, line: Line, position: int, view: View) -> str | tuple[str, str] | None:
        """A reason code (or `(reason, detail)`) to remove `line`, or None to keep it."""
        raise NotImplementedError

    def find(self, view: View) -> Iterator[Removal]:
        check = self.check_line  # bound once: this loop runs for every line of every document
        for position, line in enumerate(view.lines):
            if not line.text:
                continue
            verdict = check(line, position, view)
            if verdict is None:
                continue
            reason, detail = (verdict, "") if isinstance(verdict, str) else verdict
            yield Removal(line.start, line.stop, self.name, reason, detail)


def neighbours(lines: Sequence[Line], position: int, step: int) -> Iterator[int]:
    """Positions next to `position` going by `step` (+1 or -1), skipping blank lines."""
    i = position + step
    while 0 <= i < len(lines):
        if lines[i].text:
            yield i
        i += step


def prose_run(lines: Sequence[Line]) -> range:
    """Positions (in `lines`) of the densest run of prose (`features.densest_run`), blank lines
    inside it included; empty for a text without content."""
    content = [position for position, line in enumerate(lines) if line.text]
    if not content:
        return range(0)
    start, end = densest_run([lines[p].words for p in content], [ends_sentence(lines[p].text) for p in content])
    return range(content[start], content[end] + 1)
