"""Duplicated content: repeated lines, doubled captions, a standfirst repeated in the body."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import repeat
from typing import ClassVar

import regex

from ..credits import has_credit_tail
from ..lines import SENTENCE_END
from ..registry import register
from ..types import Removal
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
    copies; any other repeated sentence loses its later copies (lines that do not end like a
    sentence, such as table rows, may repeat); a standfirst near the top whose text opens a
    later paragraph is removed.

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
        first_seen: dict[str, int] = {}
        gone: set[int] = set()
        for position, line in enumerate(lines):
            if line.words < self.min_words or not line.text.endswith(SENTENCE_END):
                continue  # table rows, code output and list items repeat legitimately
            earlier = first_seen.setdefault(line.key, position)
            if earlier == position:
                continue
            adjacent = next(neighbours(lines, position, -1), None) == earlier
            if adjacent and earlier not in gone and self._caption_like(line.text):
                gone.add(earlier)
                yield from remove([lines[earlier], line], self.name, "duplicate_caption")
            else:
                yield from remove([line], self.name, "repeated_line")
            gone.add(position)
        yield from self._standfirst(view, gone)

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
