"""Duplicated content: repeated lines, doubled captions, a standfirst repeated in the body."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import ClassVar

import regex

from ..credits import has_credit_tail
from ..lines import SENTENCE_END
from ..registry import register
from ..types import Line, Removal
from .base import Filter, View, neighbours, prose_run, remove

# Words that photo captions use and body paragraphs rarely do.
_CAPTION_WORDS = regex.compile(
    r"\b(?:photo|photograph|pictured|picture|image|illustration|is seen|are seen|poses?|posing|"
    r"gestures?|displayed|file photo|foto|bild|photographie)\b",
    regex.IGNORECASE,
)


@register("duplicates")
@dataclass(frozen=True, slots=True)
class Duplicates(Filter):
    """Lines that repeat earlier text.

    A caption doubled by the scraper (two adjacent copies that read as a caption) loses both
    copies. Of any other repeated sentence, the copies that stand alone in the densest run of
    prose stay: an article may repeat its own sentence at a distance (key points above the
    body, a refrain), which is prose and not furniture. A copy beside its twin (a scraper's
    double) or among other repeated lines (a table of contents, a carousel, a block the page
    shows twice) goes; when no copy stands alone, one stays, the first in the densest run (a
    teaser box above the article repeats the article's sentence: the article's copy stays),
    else the first. Lines that do not end like a sentence (table rows, list items) may repeat.
    A standfirst near the top whose text opens a later paragraph is removed.

    A text whose sentence lines are all copies of one keeps them: they are all the prose there is
    (a placeholder or test page that repeats one paragraph), and removing them would remove most
    of it, not tell the article from its furniture.

    Removes: the second "The minister spoke for an hour and took no questions." of two in a row
    Keeps:   "Yes." said twice in an interview (fewer than `min_words` words)
    """

    reasons: ClassVar[tuple[str, ...]] = ("duplicate_caption", "repeated_line", "standfirst_repeated")
    contextual: ClassVar[bool] = True

    min_words: int = 6
    max_caption_words: int = 80
    standfirst_window: int = 4
    standfirst_reach: int = 30

    def find(self, view: View) -> Iterator[Removal]:
        lines = view.lines
        copies: dict[str, list[int]] = {}
        for position, line in enumerate(lines):
            if line.words >= self.min_words and line.text.endswith(SENTENCE_END):
                copies.setdefault(line.key, []).append(position)  # table rows, code output and list items repeat legitimately
        repeated = [group for group in copies.values() if len(group) > 1] if len(copies) > 1 else []
        body = prose_run(lines) if repeated else range(0)
        counts = Counter(line.key for line in lines if line.text) if repeated else Counter()
        found: dict[int, tuple[list[int], str]] = {}  # first position -> the lines of one removal, its reason
        for group in repeated:
            first, second = group[:2]
            if next(neighbours(lines, second, -1), None) == first and self._caption_like(lines[first].text):
                found[first] = ([first, second], "duplicate_caption")
                rest = group[2:]
            else:
                inside = [position for position in group if position in body]
                lone = {p for p in inside if not _in_block(lines, p, counts)}
                keepers = lone or {inside[0] if inside else first}
                rest = [position for position in group if position not in keepers]
            found.update({position: ([position], "repeated_line") for position in rest})
        for position in sorted(found):
            together, reason = found[position]
            yield from remove([lines[p] for p in together], self.name, reason)
        yield from self._standfirst(view, {p for together, _ in found.values() for p in together})

    def _caption_like(self, text: str) -> bool:
        if len(text.split()) > self.max_caption_words:
            return False
        return has_credit_tail(text) or _CAPTION_WORDS.search(text) is not None

    def _standfirst(self, view: View, gone: set[int]) -> Iterator[Removal]:
        """The first sentences after the title, when a later paragraph opens with one of them.

        Only sentence lines count towards the window, so header cruft that later filters
        remove does not move it; the title itself is never a standfirst.
        """
        lines = view.lines
        content = [i for i in view.content()[: self.standfirst_reach] if i not in gone]
        sentences = [p for p in content[1:] if lines[p].words >= self.min_words and lines[p].text.endswith(SENTENCE_END)]
        keys = [lines[p].key for p in content]
        for position in sentences[: self.standfirst_window]:
            key = lines[position].key
            opening = (key + ".", key + "!", key + "?")  # a later paragraph opens with it
            if any(map(str.startswith, keys[content.index(position) + 1 :], repeat(opening))):
                yield from remove([lines[position]], self.name, "standfirst_repeated")
                return


def _in_block(lines: Sequence[Line], position: int, counts: Counter[str]) -> bool:
    """Whether the line before or after `position` repeats too: a copy beside its twin (a scraper's
    double) or among other repeated lines (a block the page shows twice), not a copy in prose."""
    for step in (-1, 1):
        near = next(neighbours(lines, position, step), None)
        if near is not None and counts[lines[near].key] > 1:
            return True
    return False
