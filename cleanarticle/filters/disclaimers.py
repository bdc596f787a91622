"""Disclaimers and legal tails: investment advice notices, corrections contacts, copyright."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..registry import register
from ..types import Line, Removal
from .base import Filter, View
from .phrases import Reasons, fold, keys, reasons

REASONS = reasons("disclaimers")
ANYWHERE = reasons("legal_anywhere")
# Every entry of ANYWHERE holds this word (a test checks): a text without it skips them.
ANYWHERE_NEEDLE = "cookie"
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

    reasons: ClassVar[tuple[str, ...]] = (*keys("disclaimers"), *keys("legal_anywhere"))
    contextual: ClassVar[bool] = True

    tail_fraction: float = 0.5
    max_words: int = 120
    max_copyright_words: int = 12

    def find(self, view: View) -> Iterator[Removal]:
        lines = view.lines
        tail = view.tail_start(self.tail_fraction)
        found = REASONS.within("\n".join(line.key for line in lines[tail:]))
        anywhere = not view.again and ANYWHERE_NEEDLE in fold(view.source.lower())  # a line alone: asked once
        for position, line in enumerate(lines):
            if not line.text or line.words > self.max_words:
                continue
            reason = self._tail_reason(line, found) if position >= tail else None
            if not reason and anywhere:
                reason = ANYWHERE.find(line.key)
            if reason:
                yield Removal(line.start, line.stop, self.name, reason)

    def _tail_reason(self, line: Line, found: Reasons) -> str | None:
        if line.text.startswith("©") and line.words <= self.max_copyright_words:
            return "copyright"
        reason = found.find(line.key)
        if reason == "credits_line" and not _NAMES_SOMEONE.search(line.text):
            return None  # "Reporting by local journalists has been cut ..." is prose
        return reason
