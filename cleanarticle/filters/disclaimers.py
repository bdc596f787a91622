"""Disclaimers and legal tails: investment advice notices, corrections contacts, copyright."""

from __future__ import annotations

from dataclasses import dataclass

from ..registry import register
from ..text import trim
from ..types import Line
from .base import LineFilter, View
from .phrases import reasons

REASONS = reasons("disclaimers")


@register("disclaimers")
@dataclass(frozen=True, slots=True)
class Disclaimers(LineFilter):
    """Legal and editorial small print, in the tail of the text.

    Removes: "Disclaimer: For information purposes only.",
             "For updates and corrections, email newsroom[at]example[dot]com."
    Keeps:   "The bank's disclaimer, regulators said, was buried on page 40." (not small print)
    """

    tail_fraction: float = 0.5
    max_words: int = 120

    def check_line(self, line: Line, position: int, view: View) -> str | None:
        if line.words > self.max_words:
            return None
        in_tail = view.fraction(position) >= self.tail_fraction
        if not in_tail and not line.key.startswith("disclaimer"):
            return None
        return REASONS.find(trim(line.text))
