"""Teasers of other pages: lines that are the text of one link on the page.

Only the HTML path knows which lines were links: it gives this step the page's link texts
(`html.links.anchor_keys`). A headline of another article kept as a paragraph, alone or after
a short label ("Lea más: ...", "VEA TAMBIÉN: ..."), is the text of an `<a>`; an article
paragraph almost never is. The heading of such a block ("Schon gelesen?") goes with it, and so
does a heading left at the very end of the text, whose section trafilatura dropped ("Mehr
Themen:"). On text input (no page) the step removes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from ..registry import register
from ..text import line_key
from ..types import Line, Removal
from .base import LineFilter, View

MIN_WORDS = 4
_NOT_HEADINGS = ("- ", "|", "•")  # list items and table rows, as trafilatura writes them
_LABEL = re.compile(r"^([^:|»›>]{1,40})[:|»›>]+\s*(.+)$")


@register("link_teasers")
@dataclass(frozen=True, slots=True)
class LinkTeasers(LineFilter):
    """Lines that are the text of a link on the page, alone or after a short label: teasers.

    Removes: "Luftwaffe hat mit dem Training auf den H145 von NHV begonnen" (a linked headline),
             "Lea más: Juan Carlos Ortega propone legalizar ..." (label + linked headline),
             "Schon gelesen?" when teasers follow it, "Mehr Themen:" when it ends the text
    Keeps:   a paragraph that merely contains a link; a heading with text after it.
    """

    reasons: ClassVar[tuple[str, ...]] = ("link_teaser", "labelled_link_teaser", "teaser_heading", "trailing_heading")
    contextual: ClassVar[bool] = True

    # The page's link texts (`line_key`s); None on text input. Set by the HTML path, not a setting.
    anchors: frozenset[str] | None = field(default=None, metadata={"setting": False})
    min_words: int = MIN_WORDS
    max_label_words: int = 4  # "Lea más: <headline>"
    max_heading_words: int = 8  # "Schon gelesen?" above teasers
    max_heading_chars: int = 70  # CJK lines have one "word"

    def find(self, view: View) -> Iterator[Removal]:
        """Teaser lines, a short heading right before a run of them, and a heading that ends the text."""
        if self.anchors is None:
            return
        previous: Line | None = None
        for position, line in enumerate(view.lines):
            if not line.text:
                continue
            verdict = self.check_line(line, position, view)
            if verdict is None:
                previous = line
                continue
            if previous is not None and self._heading(previous):
                yield Removal(previous.start, previous.stop, self.name, "teaser_heading")
            previous = None
            reason, detail = (verdict, "") if isinstance(verdict, str) else verdict
            yield Removal(line.start, line.stop, self.name, reason, detail)
        if previous is not None and self._heading(previous):
            yield Removal(previous.start, previous.stop, self.name, "trailing_heading")

    def check_line(self, line: Line, position: int, view: View) -> str | tuple[str, str] | None:
        if line.words < self.min_words:
            return None
        anchors = self.anchors or frozenset()
        if line.key in anchors:
            return "link_teaser"
        labelled = _LABEL.match(line.text)
        if labelled and len(labelled.group(1).split()) <= self.max_label_words and line_key(labelled.group(2)) in anchors:
            return "labelled_link_teaser", labelled.group(1).strip()
        return None

    def _heading(self, line: Line) -> bool:
        """A short line that does not end a sentence and is no list item or table row: "Schon gelesen?"."""
        text = line.text.strip()
        return (
            0 < line.words <= self.max_heading_words
            and len(text) <= self.max_heading_chars
            and not text.endswith((".", "!", "。", "！"))
            and not text.startswith(_NOT_HEADINGS)
        )
