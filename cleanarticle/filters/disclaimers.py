"""Disclaimers and legal tails: investment advice notices, corrections contacts, copyright."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..registry import register
from ..text import KEY
from ..types import Line, Removal
from .base import Filter, View
from .phrases import Floating, reasons
from .phrases.heads import folded

REASONS = reasons("disclaimers")
ANYWHERE = reasons("legal_anywhere")
# A credits line names people or agencies: a capital or an agency after "by"/"von".
_NAMES_SOMEONE = regex.compile(r"\b(?i:by|from|von|par|por)\s+(?:\p{Lu}|(?i:dpa|afp|ap|reuters|efe|ansa)\b)")


@register("disclaimers")
@dataclass(frozen=True, slots=True)
class Disclaimers(Filter):
    """Legal and editorial small print, in the tail of the text (cookie notices anywhere).

    Removes: "Disclaimer: For information purposes only.",
             "For updates and corrections, email newsroom[at]example[dot]com."
    Keeps:   "The bank's disclaimer, regulators said, was buried on page 40." (not small print)
    """

    tail_fraction: float = 0.5
    max_words: int = 120
    max_copyright_words: int = 12

    def find(self, view: View) -> Iterator[Removal]:
        lines = view.lines
        tail = view.tail_start(self.tail_fraction)
        # The phrases found anywhere in the tail: each line is then searched for those only;
        # the notices allowed anywhere are looked for line by line only when the text holds
        # a word every one of them has ("cookie").
        keys = list(map(KEY, lines))
        every_key = "\n".join(keys)
        # Folded ("ı" as "i", as the patterns match it) after the tail is cut: folding may shorten.
        floating = REASONS.floating_in(folded(every_key[sum(map(len, keys[:tail])) + tail :]))
        anywhere = ANYWHERE.possible_in(folded(every_key))
        for position in range(0 if anywhere else tail, len(lines)):
            line = lines[position]
            if not line.text or line.words > self.max_words:
                continue
            reason = self._tail_reason(line, floating) if position >= tail else None
            if not reason and anywhere:
                reason = ANYWHERE.find(line.key)
            if reason:
                yield Removal(line.start, line.stop, self.name, reason)

    def _tail_reason(self, line: Line, floating: Floating) -> str | None:
        if line.text.startswith("©") and line.words <= self.max_copyright_words:
            return "copyright"
        reason = REASONS.find(line.key, floating)
        if reason == "credits_line" and not _NAMES_SOMEONE.search(line.text):
            return None  # "Reporting by local journalists has been cut ..." is prose
        return reason
