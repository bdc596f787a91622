"""Short lines that share no word with the article and whose words read as furniture.

A newsletter prompt, a photo credit or a "Promoted Stories" label is worded differently by every
publisher, so phrase lists miss most of them; two signals that do not depend on the wording catch
them. The line is off topic: none of its content words occurs in the article's prose (a heading
or a list item of the article almost always repeats a word of it). And its words lean to
furniture in a lexicon learned from boilerplate annotated on many publishers' pages
(`content.lexicon`), which tells "Related Topics" from "Conclusion", both off topic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from ..content.features import stop_words
from ..content.lexicon import load_lexicon
from ..lines import ends_sentence, is_prose
from ..registry import register
from ..types import Line, Removal
from .base import Filter, View

_WORD = re.compile(r"\w+")
_CODE = re.compile(r'[{}\[\];=<>_|\\]|":|,$')  # a line of code, data or markup, not a label
_MARK = re.compile(r"\s*(?:[-*•·▪►–]|\d{1,3}[.)])\s")


@register("off_topic")
@dataclass(frozen=True, slots=True)
class OffTopic(Filter):
    """Short lines with no word of the article's prose, whose words a learned lexicon scores as furniture.

    Acts only beside an article (`min_article_words` distinct content words in its prose lines, the
    sentences of `min_prose_words` words or more, which this filter never removes). A line of at most
    `max_words` words that does not end as a sentence goes when at most `max_overlap` of its content words (4
    letters or more, not a stop word of the text's language, not a number) occur in that prose and the
    lexicon's log-odds of article text are below `threshold`. Where the lexicon is sure (below
    `sure`), a line of two words or more goes in any other shape short of prose: a short call to
    action ending in "!", a line sharing up to `sure_overlap` of its content words with the prose,
    or one without content words ("About Us"). The detail names the tokens that weighed most.
    Contextual: the prose it compares with can lose lines to other steps.

    Removes: "Promoted Stories", "Related Topics", "Shop our favourite picks", "More from our partners",
             "Sign up for free today!", "About Us"
    Keeps:   the first line (a headline); a heading or list item that repeats a word of the article;
             "Conclusion", "Sources", "About"; an item of a list; a line of code; every line of prose
             ("All rights reserved, the lawyer said, under the 1998 agreement.")
    """

    reasons: ClassVar[tuple[str, ...]] = ("off_topic_label",)
    contextual: ClassVar[bool] = True

    threshold: float = -0.5  # lexicon log-odds of article text under which an off-topic line goes
    sure: float = -3.0  # below these log-odds a short line goes though it ends as a sentence or shares words
    sure_overlap: float = 0.5  # the share of its content words a line under `sure` may share with the prose
    max_words: int = 12  # longer lines are left alone
    max_overlap: float = 0.0  # share of a line's content words that may occur in the prose
    min_prose_words: int = 8  # a line is prose (kept, and compared with) from this many words with a sentence end
    min_article_words: int = 40  # distinct content words of prose needed to judge what is off topic
    lexicon: str = ""  # a lexicon file trained by benchmarks/train_lexicon.py ("" = the packaged one)

    def find(self, view: View) -> Iterator[Removal]:
        lines = [line for line in view.lines if line.text]
        # the first line: a headline, in words of its own
        candidates = [p for p in range(1, len(lines)) if self._candidate(lines[p]) and not _in_list(lines, p)]
        if not candidates:
            return
        prose = [line for line in lines if is_prose(line.text, self.min_prose_words)]
        words = [word for line in prose for word in _WORD.findall(line.text.lower())]
        ignore = stop_words(words)
        article = {word for word in set(words) if _content(word, ignore)}
        if len(article) < self.min_article_words:
            return
        lexicon = load_lexicon(self.lexicon)
        for position in candidates:
            line = lines[position]
            own = [word for word in _WORD.findall(line.text.lower()) if _content(word, ignore)]
            shared = sum(word in article for word in own)
            bar = self._bar(line, shared, len(own))
            if bar is None:
                continue
            score = lexicon.score(line.text)
            if score < bar:
                weighed = ", ".join(f"{token} {weight:+.1f}" for token, weight in lexicon.strongest(line.text))
                detail = f"lexicon {score:+.1f} ({weighed}); {shared} of {len(own)} content words in the article"
                yield Removal(line.start, line.stop, self.name, "off_topic_label", detail)

    def _candidate(self, line: Line) -> bool:
        """A short line written with spaces between words that holds none of the characters of code."""
        return (
            0 < line.words <= self.max_words
            and line.words == len(line.text.split())  # CJK and Thai: words are not what `\\w+` finds
            and _CODE.search(line.text) is None
        )

    def _bar(self, line: Line, shared: int, own: int) -> float | None:
        """The lexicon log-odds under which a line with `own` content words, `shared` of them in
        the prose, goes: `threshold` for an off-topic label, `sure` for a sentence, a line sharing
        some words or one without content words (never for a one-word line), else None."""
        if own and shared <= self.max_overlap * own and not ends_sentence(line.text):
            return self.threshold
        if line.words >= 2 and shared <= self.sure_overlap * own and not is_prose(line.text, self.min_prose_words):
            return self.sure
        return None


def _in_list(lines: Sequence[Line], position: int) -> bool:
    """Whether the line is an item of a list: it and a neighbour start with the same list mark."""
    mark = _mark(lines[position].text)
    return mark is not None and any(0 <= i < len(lines) and _mark(lines[i].text) == mark for i in (position - 1, position + 1))


def _mark(text: str) -> str | None:
    """The list mark `text` starts with ("1" for any number), or None."""
    found = _MARK.match(text)
    if found is None:
        return None
    mark = found.group().strip()
    return "1" if mark[:1].isdigit() else mark


def _content(word: str, ignore: frozenset[str]) -> bool:
    """A word that says what a text is about: 4 letters or more, not a stop word, not a number.
    Three-letter words are left out as the stop lists miss some of them ("our", "your")."""
    return len(word) >= 4 and not word.isdigit() and word not in ignore
