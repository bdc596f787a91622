"""Image residue: file names, placeholders, credit lines and captions that end in a credit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..registry import register
from ..types import Line
from .base import LineFilter, View
from .phrases import pattern, words

_EXTENSIONS = "png|jpe?g|gif|webp|avif|svg|bmp|tiff?|heic"
FILE_NAME = regex.compile(
    rf"^(?:\S*/)?[\w\s.,()\[\]+&'@#~-]{{1,120}}\.(?:{_EXTENSIONS})(?:\?\S*)?$", regex.IGNORECASE
)
# How every file name ends: a line that does not skips FILE_NAME ("What next?" among them).
_FILE_END = re.compile(rf"\.(?:{_EXTENSIONS})(?:\?\S*)?$", re.IGNORECASE)
RESIDUE = pattern("image_residue", "lines")
CREDIT_LINE = pattern("image_residue", "credit_lines")


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
# "Source Cryptopolitan", "Credit Reuters/Jane Doe": a credit word, then capitalised names only.
_NAME = r"(?:@|\p{Lu}|\p{N})[\p{L}\p{N}.'’&@_/-]*"
CREDIT_NAMES = regex.compile(
    rf"^(?i:{'|'.join(words('image_residue', 'credit_words'))})s?\s+{_NAME}(?:\s+(?:{_NAME}|via|/|&))" r"{0,5}$"
)


# A credit tail names one of these words near the end of the line; others skip the regex.
TAIL_HINTS = words("image_residue", "tail_hints")
_TAIL_CHARS = 160
# Every credit tail holds one of these marks ("(Photo: ...)", "| Source: ...", "AFP/Jane Doe"),
# which rules out most lines before the 38 hints are searched (a test keeps the data so).
CREDIT_MARKS = (")", ":", "|", "/")


_SENTENCE_END = (".", "!", "?", "”", '"', "’", "»")


_CREDIT_WORDS = frozenset(w for entry in words("image_residue", "credit_words") for w in (entry, entry + "s"))


def has_credit_tail(text: str) -> bool:
    """True when `text` ends the way a photo caption with its credit does."""
    if " " not in text or (text.endswith(_SENTENCE_END) and not text.rstrip(" .").endswith(")")):
        return False  # one word, or a sentence; credits end in ")" or in a name
    tail = text[-_TAIL_CHARS:]
    if not any(map(tail.__contains__, CREDIT_MARKS)):
        return False
    if not any(map(tail.lower().__contains__, TAIL_HINTS)):
        return False
    if text.rstrip(TRAILING).endswith(")") and CLOSED_TAIL.match(text):
        return True
    return bool("|" in tail and BAR_TAIL.match(text)) or OTHER_TAIL.match(text) is not None


@register("image_residue")
@dataclass(frozen=True, slots=True)
class ImageResidue(LineFilter):
    """Image file names, placeholders, credit lines, and captions ending in a credit.

    Removes: "Screenshot 2025-06-05 112832.png", "Source: DepositPhotos",
             "Crowds gather in Kyiv. (Photo by Jane Doe/AFP via Getty Images)"
    Keeps:   "Sources say the photo was taken in Kyiv by a local resident."
    """

    reasons: ClassVar[tuple[str, ...]] = ("image_file_name", "image_placeholder", "image_credit", "caption_credit")

    max_label_words: int = 6
    max_credit_words: int = 12
    max_caption_words: int = 90
    sentence_words: int = 6  # a line this long ending in ".", "!" or "?" is prose, not a credit

    def check_line(self, line: Line, position: int, view: View) -> str | None:
        text, key, words = line.text, line.key, line.words
        if words <= self.max_label_words:
            if RESIDUE.match(key):
                return "image_placeholder"
            if _FILE_END.search(text) and FILE_NAME.match(text):
                return "image_file_name"
        if (
            words <= self.max_credit_words
            and not _is_sentence(text, self.sentence_words)
            and (CREDIT_LINE.match(key) or (key.partition(" ")[0] in _CREDIT_WORDS and CREDIT_NAMES.match(text)))
        ):
            return "image_credit"
        if words <= self.max_caption_words and has_credit_tail(text):
            return "caption_credit"
        return None


def _is_sentence(text: str, min_words: int) -> bool:
    """A line of `min_words` or more words ending in a full stop reads as prose, not a credit."""
    return text.endswith((".", "!", "?")) and len(text.split()) >= min_words
