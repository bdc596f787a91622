"""Disclaimers and legal tails: investment advice notices, corrections contacts, copyright."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..registry import register
from ..types import Line, Removal
from .base import Filter, View, prose_run
from .phrases import Reasons, fold, keys, reasons, words

REASONS = reasons("disclaimers")
ANYWHERE = reasons("legal_anywhere")
# Every entry of ANYWHERE holds this word (a test checks): a text without it skips them.
ANYWHERE_NEEDLE = "cookie"
# A credits line names people or agencies: a capital or an agency after "by"/"von".
_NAMES_SOMEONE = regex.compile(r"\b(?i:by|from|von|par|por)\s+(?:\p{Lu}|(?i:dpa|afp|ap|reuters|efe|ansa)\b)")
# A copyright notice opens with the sign, alone or after the word ("(c)" with a year: "(c) the
# court" is an item of a list); one outside the tail names its year too (a credit "© Getty
# Images" under a chart is the article's).
_COPYRIGHT = regex.compile(r"(?i)(?:copyright\s*)?(?:©|\(c\)\s*(?:19|20)\d\d\b)")
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
# The sign and a year at once ("© 1996-2026 Ziff Davis, LLC. All Rights Reserved. PCMag ... are
# registered trademarks of ..."): in the tail such a notice goes however long it runs on.
_SIGN_AND_YEAR = regex.compile(r"(?i)(?:copyright\s*)?(?:©|\(c\))\s*(?:19|20)\d\d\b")
_COOKIE = regex.compile(r"(?i)\bcookies?\b")
_CONSENT_WORDS = frozenset(words("cookie_consent", "words"))
_WORD = regex.compile(r"\w+")


@register("disclaimers")
@dataclass(frozen=True, slots=True)
class Disclaimers(Filter):
    """Legal and editorial small print, in the tail of the text (cookie and copyright notices anywhere,
    an affiliate disclosure in the head too).

    A consent banner's text names cookies and at least `consent_words` words of the consent
    vocabulary (website, browser, preferences, partners, ...), which make `consent_share` of its
    words: outside the densest run of prose it goes as `cookie_notice` in any wording; inside it,
    an article about tracking says the same, and a long footnote that names cookies in passing is
    no banner, wherever it stands.

    A copyright notice is told by its opening ("©", "Copyright ©", "(c) 2025") and its length
    (`max_copyright_words`), not by its wording: no article sentence starts so. Before the tail
    it must name a year: "© Getty Images" under a chart credits the article's own. In the tail,
    one that opens with the sign and a year goes however long it runs on (the owner's trademarks
    and terms after it).

    Removes: "Disclaimer: For information purposes only.",
             "For updates and corrections, email newsroom[at]example[dot]com.",
             "© 2025 Example Media LLC" (anywhere)
    Keeps:   "The bank's disclaimer, regulators said, was buried on page 40." (not small print);
             "Copyright law changed in 1976." (no sign); "© Acme Ratings, used by permission"
             before the tail
    """

    reasons: ClassVar[tuple[str, ...]] = (*keys("disclaimers"), *keys("legal_anywhere"))
    contextual: ClassVar[bool] = True

    tail_fraction: float = 0.5
    head_fraction: float = 0.15  # an affiliate disclosure goes in this share of the text's start too
    max_words: int = 120
    max_copyright_words: int = 12
    consent_words: int = 2  # words of the consent vocabulary a line naming cookies needs to be a banner's
    consent_share: float = 0.04  # ... and the least share of its words they make (banners: 5-10 %, prose: 2-3 %)

    def find(self, view: View) -> Iterator[Removal]:
        lines = view.lines
        tailing = self._tail(view)
        heading = self._head(view)
        anywhere = not view.again and ANYWHERE_NEEDLE in fold(view.source.lower())  # a line alone: asked once
        body = prose_run(lines) if anywhere else range(0)
        for position, line in enumerate(lines):
            if not line.text or line.words > self.max_words:
                continue
            reason = tailing.get(position) or self._dated_copyright(line) or heading.get(position)
            if not reason and anywhere:
                reason = ANYWHERE.find(line.key)
                if not reason and position not in body:
                    reason = self._consent(line.text)
            if reason:
                yield Removal(line.start, line.stop, self.name, reason)

    def _tail(self, view: View) -> dict[int, str]:
        """Small print in the tail (position → reason), the tail measured without it.

        Removing small print shortens the text, which moves the tail's start up: the lines that
        then enter it are judged too, until it stays put, so that a second run finds nothing
        more. Each step only looks at the lines that entered, and bisects for the new start.
        """
        lines = view.lines
        tail = view.tail_start(self.tail_fraction)
        found = REASONS.within("\n".join(line.key for line in lines[tail:]))
        verdicts: dict[int, str] = {}
        judged, removed = len(lines), 0
        while tail < judged:
            for position in range(tail, judged):
                line = lines[position]
                reason = self._tail_reason(line, found) if line.text and line.words <= self.max_words else None
                if reason:
                    verdicts[position] = reason
                    removed += line.stop - line.start
            judged, tail = tail, view.tail_start(self.tail_fraction, less=removed)
            found = REASONS  # `within` only narrows the search to the needles in the first tail
        return verdicts

    def _head(self, view: View) -> dict[int, str]:
        """Affiliate disclosures in the first `head_fraction` of the text (position → reason): buying
        guides put theirs under the headline ("This post contains affiliate links")."""
        lines = view.lines[: view.tail_start(self.head_fraction)]
        found = REASONS.within("\n".join(line.key for line in lines))
        return {
            position: "affiliate_disclosure"
            for position, line in enumerate(lines)
            if line.text and line.words <= self.max_words and found.find(line.key) == "affiliate_disclosure"
        }

    def _consent(self, text: str) -> str | None:
        """ "cookie_notice" for a line naming cookies with `consent_words` of the consent vocabulary."""
        if _COOKIE.search(text) is None:
            return None
        words = _WORD.findall(text.lower())
        found = {word for word in words if word in _CONSENT_WORDS}
        dense = len(found) >= self.consent_share * len(words)
        return "cookie_notice" if len(found) >= self.consent_words and dense else None

    def _copyright(self, line: Line, any_length: bool = False) -> str | None:
        """The reason "copyright" for a short line that opens as a copyright notice, else None;
        `any_length` (the tail): also one of any length that opens with the sign and a year."""
        short = line.words <= self.max_copyright_words and _COPYRIGHT.match(line.text)
        return "copyright" if short or (any_length and _SIGN_AND_YEAR.match(line.text)) else None

    def _dated_copyright(self, line: Line) -> str | None:
        """The reason "copyright" for a notice that names a year, which may go anywhere; else None."""
        reason = self._copyright(line)
        return reason if reason and _YEAR.search(line.text) else None

    def _tail_reason(self, line: Line, found: Reasons) -> str | None:
        reason = self._copyright(line, any_length=True) or found.find(line.key)
        if reason == "credits_line" and not _NAMES_SOMEONE.search(line.text):
            return None  # "Reporting by local journalists has been cut ..." is prose
        return reason
