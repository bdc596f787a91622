"""Inline promos: "Read also: ..." links and promotions that end in a call to action."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import regex

from ..lines import SENTENCE_END
from ..registry import register
from ..types import Line
from .base import LineFilter, View
from .phrases import compile_phrases, pattern, words

_PREFIXES = "|".join(f"(?:{p})" for p in words("inline_promos", "prefixes"))
_SEPARATORS = frozenset(":：|»›>—–-")
# A call to action may end in "!" ("Sign up now!") or ")" and still be a button, not a sentence.
_STATEMENT_END = tuple(end for end in SENTENCE_END if end not in "!)")
# The prefix must be followed by a separator, then the linked headline.
LINK = compile_phrases(rf"^\W{{0,3}}(?:{_PREFIXES})\s*(?:[:：|»›>]+|[—–-]+(?=\s))\s*\S")
CTA = pattern("inline_promos", "cta_endings", "end")
PROMO_WORDS = regex.compile(
    r"\b(?:" + "|".join(regex.escape(w) for w in words("inline_promos", "promo_words")) + r")\b",
    regex.IGNORECASE,
)
# Addressing the reader is a weaker sign: it counts only in short lines (a paragraph can end
# in a "Learn more" link and still be article text).
READER_WORDS = regex.compile(
    r"\b(?:" + "|".join(regex.escape(w) for w in words("inline_promos", "reader_words")) + r")\b",
    regex.IGNORECASE,
)


@register("inline_promos")
@dataclass(frozen=True, slots=True)
class InlinePromos(LineFilter):
    """Lines that point the reader elsewhere or sell something.

    Removes: "Read also: ECB Cuts Rates For Eighth Time", "READ MORE | Markets slide again",
             "Acme Academy: Learn to trade in our free webinar. Save Your Spot"
    Keeps:   "Read also the footnotes, which explain how the survey was weighted."
    """

    reasons: ClassVar[tuple[str, ...]] = ("read_also_link", "promo_call_to_action")

    max_link_words: int = 30
    max_promo_words: int = 80
    max_reader_words: int = 25

    def check_line(self, line: Line, position: int, view: View) -> str | None:
        text = line.text
        if (
            line.words <= self.max_link_words
            and not _SEPARATORS.isdisjoint(text[:60])
            and LINK.match(text)
        ):
            return "read_also_link"
        if (
            line.words <= self.max_promo_words
            and not text.endswith(_STATEMENT_END)  # a call to action is a button, not a sentence
            and CTA.match(line.key)
            and (PROMO_WORDS.search(text) or (line.words <= self.max_reader_words and READER_WORDS.search(text)))
        ):
            return "promo_call_to_action"
        return None
