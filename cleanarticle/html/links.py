"""Teasers of other pages: extracted lines that are the text of one link on the page.

The HTML path knows what the text path cannot: which lines were links. A headline of another
article kept as a paragraph ("Hackers ofrecen descuento del 35% al Gobierno"), alone or after a
short label ("Lea más: ...", "VEA TAMBIÉN: ..."), is the text of an `<a>`; an article paragraph
almost never is. The heading of such a block ("Schon gelesen?") goes with it, and so does a
heading left at the very end of the text, whose section trafilatura dropped ("Mehr Themen:").
The step runs inside the text pipeline, so each removal is an ordinary text removal with offsets.

Measured on the HTML path (F1 trafilatura-eval-dev / readability-pages, each rule against the
path without it): link teasers +0.003 / -0.001, teaser headings +0.001 / 0, trailing headings
+0.003 / 0. Links to the same page (`#...`, tables of contents) and links of 3 words or fewer
are not teasers: with them the readability-pages loss was twice as large.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from selectolax.lexbor import LexborNode

from ..filters.base import LineFilter, View
from ..text import line_key
from ..types import Line, Removal

MIN_WORDS = 4
MAX_LABEL_WORDS = 4
MAX_HEADING_WORDS = 8
MAX_HEADING_CHARS = 70  # CJK lines have one "word"
_NOT_HEADINGS = ("- ", "|", "•")  # list items and table rows, as trafilatura writes them
# Links that stay on the page (tables of contents, section permalinks) or run script.
_IN_PAGE = ("#", "javascript:")
_LABEL = re.compile(r"^([^:|»›>]{1,40})[:|»›>]+\s*(.+)$")


def anchor_keys(root: LexborNode, min_words: int = MIN_WORDS) -> frozenset[str]:
    """Normalised texts of the links to other pages under `root`, of at least `min_words` words, the headline's excepted."""
    keys = set()
    for node in root.css("a[href]"):
        href = (node.attributes.get("href") or "").strip()
        if href.startswith(_IN_PAGE) or not href:
            continue
        text = node.text(deep=True, separator=" ")
        if len(text.split()) >= min_words and not _in_headline(node):
            keys.add(line_key(text))
    return frozenset(keys)


def _in_headline(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html"):
        if parent.tag == "h1":
            return True
        parent = parent.parent
    return False


@dataclass(frozen=True, slots=True)
class LinkTeasers(LineFilter):
    """Lines that are the text of a link on the page, alone or after a short label: teasers.

    Removes: "Luftwaffe hat mit dem Training auf den H145 von NHV begonnen" (a linked headline),
             "Lea más: Juan Carlos Ortega propone legalizar ..." (label + linked headline),
             "Schon gelesen?" when teasers follow it, "Mehr Themen:" when it ends the text
    Keeps:   a paragraph that merely contains a link; a heading with text after it.
    """

    name: ClassVar[str] = "link_teasers"
    anchors: frozenset[str] = frozenset()
    min_words: int = MIN_WORDS

    def find(self, view: View) -> Iterator[Removal]:
        """Teaser lines, a short heading right before a run of them, and a heading that ends the text."""
        previous: Line | None = None
        for position, line in enumerate(view.lines):
            if not line.text:
                continue
            verdict = self.check_line(line, position, view)
            if verdict is None:
                previous = line
                continue
            if previous is not None and _heading(previous):
                yield Removal(previous.start, previous.stop, self.name, "teaser_heading")
            previous = None
            reason, detail = (verdict, "") if isinstance(verdict, str) else verdict
            yield Removal(line.start, line.stop, self.name, reason, detail)
        if previous is not None and _heading(previous):
            yield Removal(previous.start, previous.stop, self.name, "trailing_heading")

    def check_line(self, line: Line, position: int, view: View) -> str | tuple[str, str] | None:
        if line.words < self.min_words:
            return None
        if line.key in self.anchors:
            return "link_teaser"
        labelled = _LABEL.match(line.text)
        if labelled and len(labelled.group(1).split()) <= MAX_LABEL_WORDS and line_key(labelled.group(2)) in self.anchors:
            return "labelled_link_teaser", labelled.group(1).strip()
        return None


def _heading(line: Line) -> bool:
    """A short line that does not end a sentence and is no list item or table row: "Schon gelesen?"."""
    text = line.text.strip()
    return (
        0 < line.words <= MAX_HEADING_WORDS
        and len(text) <= MAX_HEADING_CHARS
        and not text.endswith((".", "!", "。", "！"))
        and not text.startswith(_NOT_HEADINGS)
    )
