"""Teasers of other pages: lines that are the text of one link on the page.

Only the HTML path knows which lines were links: it gives this step the page's link texts
(`html.links.anchor_keys`). A headline of another article kept as a paragraph, alone or after
a short label ("Lea más: ...", "VEA TAMBIÉN: ..."), is the text of an `<a>`; an article
paragraph almost never is. The heading of such a block ("Schon gelesen?") goes with it, and so
does a heading left at the very end of the text, whose section trafilatura dropped ("Mehr
Themen:"). On text input (no page) the step removes nothing.

Position and link density decide where a line's being a link does not: a run of linked lines
with the article's prose both before and after it, and lines without links among them (a list
of patches in a report), is part of the article, and so are linked lines each followed by a
paragraph of their own (the entries of a "best of" list or a section page), while teaser blocks
sit before or after the article and are links only. A labelled teaser ("Read also: ...") goes
wherever it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from ..lines import is_prose
from ..registry import register
from ..text import line_key
from ..types import Line, Removal
from .base import LineFilter, View

MIN_WORDS = 4
_ITEM = "- "  # a list item, as trafilatura writes it
_NOT_HEADINGS = (_ITEM, "|", "•")  # list items and table rows, as trafilatura writes them
_LABEL = re.compile(r"^([^:|»›>]{1,40})[:|»›>]+\s*(.+)$")


@register("link_teasers")
@dataclass(frozen=True, slots=True)
class LinkTeasers(LineFilter):
    """Lines that are the text of a link on the page, alone or after a short label: teasers.

    Removes: "Luftwaffe hat mit dem Training auf den H145 von NHV begonnen" (a linked headline),
             "Lea más: Juan Carlos Ortega propone legalizar ..." (label + linked headline),
             "Schon gelesen?" when teasers follow it, "Mehr Themen:" when it ends the text
    Keeps:   a paragraph that merely contains a link; a heading with text after it; the last
             heading of a text without prose (a page of headings has no article to end)
    """

    reasons: ClassVar[tuple[str, ...]] = ("link_teaser", "labelled_link_teaser", "teaser_heading", "trailing_heading")
    contextual: ClassVar[bool] = False  # HTML only; a second look without the lines between a run of links would take the article's own list

    # The page's link texts (`line_key`s); None on text input. Set by the HTML path, not a setting.
    anchors: frozenset[str] | None = field(default=None, metadata={"setting": False})
    min_words: int = MIN_WORDS
    max_label_words: int = 4  # "Lea más: <headline>"
    max_heading_words: int = 8  # "Schon gelesen?" above teasers
    max_heading_chars: int = 70  # CJK lines have one "word"
    min_run: int = 3  # linked lines in a run that may be the article's own list ...
    body_words: int = 40  # ... when this many words of prose come both before and after it

    def find(self, view: View) -> Iterator[Removal]:
        """Teaser lines, a short heading right before a run of them, and a heading that ends the text."""
        if self.anchors is None:
            return
        verdicts = {p: v for p, line in enumerate(view.lines) if line.text and (v := self.check_line(line, p, view)) is not None}
        kept = self._in_body(view.lines, verdicts)
        previous: Line | None = None
        for position, line in enumerate(view.lines):
            if not line.text:
                continue
            verdict = None if position in kept else verdicts.get(position)
            if verdict is None:
                previous = line
                continue
            if previous is not None and self._heading(previous):
                yield Removal(previous.start, previous.stop, self.name, "teaser_heading")
            previous = None
            reason, detail = (verdict, "") if isinstance(verdict, str) else verdict
            yield Removal(line.start, line.stop, self.name, reason, detail)
        if previous is not None and self._heading(previous) and any(is_prose(line.text) for line in view.lines):
            yield Removal(previous.start, previous.stop, self.name, "trailing_heading")  # it ends an article, not a page of headings

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

    def _in_body(self, lines: tuple[Line, ...], verdicts: dict[int, str | tuple[str, str]]) -> set[int]:
        """Positions of unlabelled teaser lines that are the article's own list of links: a run of
        `min_run` or more with `body_words` words of prose before and after it, which is not all
        links: a line without a link between two of its teasers, or a list item without one after
        its list items (a list of patches, of products with their notes). Teaser blocks are links
        only. Only a prose line ends a run."""
        prose = [line.words if p not in verdicts and is_prose(line.text) else 0 for p, line in enumerate(lines)]
        after = sum(prose)
        before = 0
        kept: set[int] = set()
        run: list[int] = []
        between = mixed = False
        for position, words in enumerate(prose):
            text = lines[position].text
            if verdicts.get(position) == "link_teaser":
                mixed = mixed or between
                run.append(position)
            elif words:
                if len(run) >= self.min_run and mixed and before >= self.body_words and after >= self.body_words:
                    kept.update(run)
                run, between, mixed = [], False, False
                before += words
                after -= words
            elif run and text:
                between = True
                mixed = mixed or (text.startswith(_ITEM) and lines[run[-1]].text.startswith(_ITEM))
        return kept | self._entries(lines, verdicts, prose)

    def _entries(self, lines: tuple[Line, ...], verdicts: dict[int, str | tuple[str, str]], prose: list[int]) -> set[int]:
        """Unlabelled teaser lines each followed by its own prose paragraph, with prose before the
        first and after the last one's paragraph: the entries of a list article ("The 10 best
        ...", a section page), when there are `min_run` or more. Teasers with excerpts end the
        text, and a teaser block is headlines one after another."""
        entries: dict[int, int] = {}  # teaser position -> its paragraph's position
        for position in sorted(verdicts):
            if verdicts[position] == "link_teaser":
                following = next((p for p in range(position + 1, len(lines)) if lines[p].text), None)
                if following is not None and prose[following]:
                    entries[position] = following
        if len(entries) < self.min_run:
            return set()
        first, last = min(entries), max(entries)
        return set(entries) if any(prose[:first]) and any(prose[entries[last] + 1 :]) else set()

    def _heading(self, line: Line) -> bool:
        """A short line that does not end a sentence and is no list item or table row: "Schon gelesen?"."""
        text = line.text.strip()
        return (
            0 < line.words <= self.max_heading_words
            and len(text) <= self.max_heading_chars
            and not text.endswith((".", "!", "。", "！"))
            and not text.startswith(_NOT_HEADINGS)
        )
