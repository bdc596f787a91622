"""Marketing, call-to-action and newsletter chrome at the head and tail of the article.

Three quarters of the boilerplate that extractors leave sits in the first or last ~15 % of the
text: "Request a Demo", "Get a free quote today.", "Subscribe for the Latest Updates", "Back to
blog", "LIKE IT? PIN IT!". The same words inside an article are usually prose about them, so
this step looks at the edges, and only at lines shaped like a button or a prompt: short, and
not a sentence unless a very short one; elsewhere only at buttons (`button_words` words or
fewer, no sentence end: "Book a demo", "Follow us"), which are never prose. On a page (HTML
path), a short line at an edge that is the whole text of a link or a button goes too
(`edge_link`): "Back to Blogs", "Get Started", a category label above the headline; and a line
anywhere that is the text of a block in a small box the page itself names a call to action or a
promo by its class or id ("post-cta", "cta-container", "promo-banner": `cta_box`), whatever its
wording or shape. The vocabulary is data (`[edge_chrome]` in
`phrases/*.toml`, one key per reason); affiliate notes ("We may earn a commission ...") are
sentences, taken at the edges up to `note_words` long. A prompt often comes as two sentences
("Like this article? Subscribe to our blog ...", "Want to see how it works? Request a demo!"): at
an edge, a line of two or three sentences one of which is a prompt of this vocabulary or of
`widgets` goes (`edge_prompt`), never the text's
first line (a headline may read "Who's Reading Your Newsletter?"). A budget keeps the step from taking a section of text: if
what it finds adds up to more than `budget` of the text's words, it removes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from ..lines import SENTENCE_END
from ..registry import register
from ..text import line_key
from ..types import Line, Removal
from .base import Filter, View, remove_each
from .phrases import keys, whole_line_reasons

VOCABULARY = whole_line_reasons("edge_chrome")
PROMPTS = whole_line_reasons("widgets")  # the prompts `widgets` takes as whole lines
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=\S)")
_ADDRESS = ("://", "www.", "@")
NOTES = frozenset({"affiliate_note"})  # reasons whose lines are sentences: up to `note_words` long


@register("edge_chrome")
@dataclass(frozen=True, slots=True)
class EdgeChrome(Filter):
    """Button and prompt lines of the marketing/CTA/newsletter vocabulary in the first or last
    `edge` of the text.

    Removes: "Request a Demo", "Get a free quote today." (in the last lines of the text)
             "Book a demo" anywhere
    Keeps:   "We asked three firms to give us a free quote for the roof." (a sentence);
             "Get your free quote today." in the middle of the article
    """

    reasons: ClassVar[tuple[str, ...]] = (*keys("edge_chrome"), "edge_link", "edge_prompt", "cta_box")

    # The texts of the page's short links and buttons (`line_key`s); None on text input. Set by
    # the HTML path, not a setting.
    links: frozenset[str] | None = field(default=None, metadata={"setting": False})
    # The texts of the blocks in the page's small call-to-action and promo boxes (`line_key`s,
    # `links.box_keys`); None on text input. Set by the HTML path, not a setting.
    boxes: frozenset[str] | None = field(default=None, metadata={"setting": False})
    link_words: int = 5  # a line this short that is a link's or button's whole text, at an edge, is chrome

    edge: float = 0.15  # share of the text, from either end, that counts as its edge
    max_words: int = 12  # a prompt is short ...
    sentence_words: int = 7  # ... and a sentence only when it is shorter than this
    budget: float = 0.15  # most of the text's words the step may take; above, it takes none
    button_words: int = 4  # a prompt this short and without a sentence end is a button anywhere ("Book a demo")
    note_words: int = 60  # an affiliate note at an edge may be a sentence or two this long
    prompt_words: int = 40  # a prompt of two or three sentences at an edge, one of them a prompt, is this short

    def find(self, view: View) -> Iterator[Removal]:
        lines = view.lines
        if not lines:
            return
        head_end = view.tail_start(self.edge)
        tail_start = view.tail_start(1 - self.edge)
        found: dict[int, str] = {}
        longest = max(self.max_words, self.note_words, self.prompt_words)
        first = next((p for p, line in enumerate(lines) if line.key), -1)  # the title: never a prompt
        for position, line in enumerate(lines):
            if not line.key or line.words > longest:
                continue
            edge = position < head_end or position >= tail_start
            if self.boxes is not None and line.key in self.boxes:
                found[position] = "cta_box"
                continue
            if edge and self._link(line):
                found[position] = "edge_link"
                continue
            match = VOCABULARY.match(line.key)
            reason = match.lastgroup if match else None
            if reason is None:
                if edge and position != first and self._holds_prompt(line):
                    found[position] = "edge_prompt"
                continue
            if reason in NOTES:
                fits = edge and line.words <= self.note_words
            else:
                fits = self._shaped(line) and (edge or self._button(line))
            if fits:
                found[position] = reason
        total = sum(line.words for line in lines)
        if sum(lines[p].words for p in found) > self.budget * total:
            return
        yield from remove_each(lines, found, self.name)

    def _link(self, line: Line) -> bool:
        """The whole text of a short link or button of the page, not a sentence, nor an address
        (a list of sources is the article's)."""
        return (
            self.links is not None
            and line.words <= self.link_words
            and line.key in self.links
            and not line.text.rstrip().endswith(SENTENCE_END)
            and not any(mark in line.key for mark in _ADDRESS)
        )

    def _holds_prompt(self, line: Line) -> bool:
        """Two or three sentences one of which, three words or more, is a prompt of the
        vocabulary or of `widgets` ("Like this article? Subscribe to our blog ...", "Want to see
        how it works? Request a demo!")."""
        breaks = list(_SENTENCE_BREAK.finditer(line.text))
        if not 1 <= len(breaks) <= 2 or line.words > self.prompt_words:
            return False
        starts, ends = [0, *(b.end() for b in breaks)], [*(b.start() for b in breaks), len(line.text)]
        sentences = [line.text[start:end] for start, end in zip(starts, ends)]
        keys = [line_key(sentence) for sentence in sentences if len(sentence.split()) >= 3]
        return any(VOCABULARY.match(key) is not None or PROMPTS.match(key) is not None for key in keys)

    def _button(self, line: Line) -> bool:
        return line.words <= self.button_words and not line.text.rstrip().endswith(SENTENCE_END)

    def _shaped(self, line: Line) -> bool:
        """Short, and not a sentence unless a very short one ("Get a free quote today.")."""
        if not line.key or line.words > self.max_words:
            return False
        return line.words < self.sentence_words or not line.text.rstrip().endswith(SENTENCE_END)
