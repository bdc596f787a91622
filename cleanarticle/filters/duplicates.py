"""Duplicated content: repeated lines, doubled captions, a standfirst repeated in the body."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import ClassVar

import regex

from ..content.features import densest_run
from ..credits import has_credit_tail
from ..lines import SENTENCE_END, ends_sentence
from ..registry import register
from ..types import Line, Removal
from .base import Filter, View, neighbours, remove

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
    copies; any other repeated sentence keeps one copy, the first inside the densest run of prose
    (a page's teaser or summary box above the article repeats the article's sentence: the copy in
    the article stays), else the first (lines that do not end like a sentence, such as table
    rows, may repeat); a standfirst near the top whose text opens a later paragraph is removed.

    Removes: the second "The minister spoke for an hour and took no questions." of two
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
        repeated = [group for group in copies.values() if len(group) > 1]
        body = _body(lines) if repeated else range(0)
        found: dict[int, tuple[list[int], str]] = {}  # first position -> the lines of one removal, its reason
        for group in repeated:
            first, second = group[:2]
            if next(neighbours(lines, second, -1), None) == first and self._caption_like(lines[first].text):
                found[first] = ([first, second], "duplicate_caption")
                rest = group[2:]
            else:
                keeper = next((position for position in group if position in body), first)
                rest = [position for position in group if position != keeper]
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


def _body(lines: Sequence[Line]) -> range:
    """Positions (in `lines`) of the densest run of prose (`features.densest_run`)."""
    content = [position for position, line in enumerate(lines) if line.text]
    start, end = densest_run([lines[p].words for p in content], [ends_sentence(lines[p].text) for p in content])
    return range(content[start], content[end] + 1) if content else range(0)
