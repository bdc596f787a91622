"""Photo-credit shapes: a caption that ends in its credit ("Crowds in Kyiv. (Photo by Jane
Doe/AFP via Getty Images)", "... | Source: @handle/Site").

Shared by the step that removes image residue and the one that tells a doubled caption from a
repeated paragraph.
"""

from __future__ import annotations

import regex

from .filters.phrases import words
from .lines import SENTENCE_END


def _reverse(entries: list[str]) -> regex.Pattern[str]:
    """One reverse pattern of `entries`: `match` tries only the end of the line."""
    return regex.compile("(?r)(?:" + "|".join(f"(?:{t})" for t in entries) + r")[\s.]*", regex.IGNORECASE)


_TAILS = words("image_residue", "credit_tails")
# A tail closed by ")" can only end a line that ends in ")" before its spaces and dots, and one
# opened by "|" only a line holding a "|": each group is tried only on such lines (the other
# tails fail slowly, backtracking through their {1,80} runs).
CLOSED_TAIL = _reverse([t for t in _TAILS if t.endswith(r"\)")])
BAR_TAIL = _reverse([t for t in _TAILS if t.startswith(r"\|") and not t.endswith(r"\)")])
OTHER_TAIL = _reverse([t for t in _TAILS if not t.startswith(r"\|") and not t.endswith(r"\)")])
# What `[\s.]*` can match: "." and Unicode white space (with the separators 1C-1F).
TRAILING = ".\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
# A credit tail names one of these words near the end of the line; others skip the regex.
TAIL_HINTS = words("image_residue", "tail_hints")
TAIL_CHARS = 160
# Every credit tail holds one of these marks ("(Photo: ...)", "| Source: ...", "AFP/Jane Doe"),
# which rules out most lines before the 38 hints are searched (a test keeps the data so).
CREDIT_MARKS = (")", ":", "|", "/")


def has_credit_tail(text: str) -> bool:
    """True when `text` ends the way a photo caption with its credit does."""
    if " " not in text or (text.endswith(SENTENCE_END) and not text.rstrip(" .").endswith(")")):
        return False  # one word, or a sentence; credits end in ")" or in a name
    tail = text[-TAIL_CHARS:]
    if not any(map(tail.__contains__, CREDIT_MARKS)):
        return False
    if not any(map(tail.lower().__contains__, TAIL_HINTS)):
        return False
    if text.rstrip(TRAILING).endswith(")") and CLOSED_TAIL.match(text):
        return True
    return bool("|" in tail and BAR_TAIL.match(text)) or OTHER_TAIL.match(text) is not None
