"""Disclaimers and legal tails: investment advice notices, corrections contacts, copyright."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..registry import register
from ..types import Line
from .base import LineFilter, View
from .phrases import reasons

REASONS = reasons("disclaimers")
ANYWHERE = reasons("legal_anywhere")
# A credits line names people or agencies: a capital or an agency after "by"/"von".
_NAMES_SOMEONE = regex.compile(r"\b(?i:by|from|von|par|por)\s+(?:\p{Lu}|(?i:dpa|afp|ap|reuters|efe|ansa)\b)")


@register("disclaimers")
@dataclass(frozen=True, slots=True)
class Disclaimers(LineFilter):
    """Legal and editorial small print, in the tail of the text (cookie notices anywhere).

    Removes: "Disclaimer: For information purposes only.",
             "For updates and corrections, email newsroom[at]example[dot]com."
    Keeps:   "The bank's disclaimer, regulators said, was buried on page 40." (not small print)
    """

    tail_fraction: float = 0.5
    max_words: int = 120
    max_copyright_words: int = 12

    def check_line(self, line: Line, position: int, view: View) -> str | None:
        if line.words > self.max_words:
            return None
        if view.fraction(position) >= self.tail_fraction:
            if line.text.startswith("©") and line.words <= self.max_copyright_words:
                return "copyright"
            reason = REASONS.find(line.key)
            if reason == "credits_line" and not _NAMES_SOMEONE.search(line.text):
                reason = None  # "Reporting by local journalists has been cut ..." is prose
            if reason:
                return reason
        return ANYWHERE.find(line.key)
