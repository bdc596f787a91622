"""A page glued into one line: what stands before its first sentence and after its last.

BeautifulSoup's `get_text()` puts nothing between text nodes, so on a minified page (no line
breaks in the source) the menu, the article and the footer come out as one line, the menu's
labels run together ("HomeNewsSportWeather"). No step that judges whole lines can take part of
it. Read as pieces, cut where one sentence ends and the next begins and where a lower-case
letter runs into a capitalised word, such a line shows its article as the sentences and its
furniture as the pieces around them that end as no sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..lines import count_words, ends_sentence
from ..registry import register
from ..text import line_key
from ..types import Removal
from .base import Filter, View
from .phrases import reasons, whole_line_reasons

# Sentences that are furniture all the same: prompts and notices in the phrase lists ("Get the
# latest tips delivered to your inbox!", "This website uses cookies to improve your experience.").
_PROMPTS = whole_line_reasons("widgets")
_NOTICES = (reasons("disclaimers"), reasons("legal_anywhere"))

# Where a glued line breaks into pieces: the spaces after a sentence's end (closers included), a
# sentence's end run into the next ("the Senate.Those CEOs"), a lower-case letter running into a
# capitalised word ("NewsSport"). Runs of spaces and tabs are gone by then (`whitespace`).
_GLUE = regex.compile(r"(?<=\p{Ll})(?=\p{Lu}\p{Ll})")
_PIECE_BREAK = regex.compile(rf"(?<=[.!?。！？][\"”’»)]?)\s+|(?<=\p{{Ll}}{{2}}[.!?][\"”’»)]?)(?=\p{{Lu}})|{_GLUE.pattern}")


def _words(text: str) -> int:
    """Words in `text`, labels run together counted one by one ("HomeNewsSport": 3)."""
    return count_words(_GLUE.sub(" ", text))


def pieces(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each non-blank piece of `text` (`_PIECE_BREAK`), in order."""
    cuts = [0]
    for match in _PIECE_BREAK.finditer(text):
        cuts.append(match.end())
    cuts.append(len(text))
    return [(start, end) for start, end in zip(cuts, cuts[1:]) if text[start:end].strip()]


@register("glued_page")
@dataclass(frozen=True, slots=True)
class GluedPage(Filter):
    """The non-sentence text before the first and after the last sentence of a line that holds
    the page: `min_words` words or more and `min_share` of the text's words.

    A sentence is a piece of `sentence_words` words or more that ends as one and is no prompt or
    notice of the phrase lists (`widgets`, `disclaimers`, `legal_anywhere`). What stands before
    the first (`before_first_sentence`) or after the last (`after_last_sentence`) goes when it is
    `min_cut` words or more: the menu's labels run together, the footer's links. The line's
    sentences and whatever stands between them stay. Runs after the line verdicts (an article on
    its own line is prose to `page_furniture`'s budget) and leaves hard-wrapped text alone.

    Removes: "HomeNewsSportWeatherCouncil approves budget" before "The council approved ..."
    Keeps:   every sentence of the line, and the line whole when it opens and ends with one
    """

    reasons: ClassVar[tuple[str, ...]] = ("before_first_sentence", "after_last_sentence")
    contextual: ClassVar[bool] = True  # the share of the text's words changes as other lines go

    min_words: int = 200
    min_share: float = 0.3
    sentence_words: int = 5
    min_cut: int = 10

    def find(self, view: View) -> Iterator[Removal]:
        if view.wrapped_at:
            return
        total = sum(line.words for line in view.lines)
        for line in view.lines:
            if line.words < self.min_words or line.words < self.min_share * total:
                continue
            text = view.source[line.start : line.end]
            found = pieces(text)
            sentences = [i for i, (a, b) in enumerate(found) if self._sentence(text[a:b])]
            if not sentences:
                continue
            first = found[sentences[0]][0]
            at, to = found[sentences[-1]]
            last = at + len(text[at:to].rstrip())  # the last sentence, less the space after it
            spans = ((line.start, line.start + first, "before_first_sentence"), (line.start + last, line.end, "after_last_sentence"))
            for start, end, reason in spans:
                words = _words(view.source[start:end])
                if words >= self.min_cut and (start, end) not in view.cuts:  # a later round sees the cut made
                    yield Removal(start, end, self.name, reason, f"{words} words")

    def _sentence(self, piece: str) -> bool:
        """Whether `piece` is a sentence of the article: `sentence_words` words or more that end
        as a sentence, and no prompt or notice of the phrase lists."""
        if not ends_sentence(piece) or count_words(piece) < self.sentence_words:
            return False
        key = line_key(piece)
        return _PROMPTS.match(key) is None and all(notices.find(key) is None for notices in _NOTICES)
