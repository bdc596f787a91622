"""Image residue: file names, placeholders, credit lines and captions that end in a credit."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..registry import register
from ..types import Line
from .base import LineFilter, View
from .phrases import pattern, words

_EXTENSIONS = "png|jpe?g|gif|webp|avif|svg|bmp|tiff?|heic"
FILE_NAME = regex.compile(
    rf"^(?:\S*/)?[\w\s.,()\[\]+&'@#~-]{{1,120}}\.(?:{_EXTENSIONS})(?:\?\S*)?$", regex.IGNORECASE
)
RESIDUE = pattern("image_residue", "lines")
CREDIT_LINE = pattern("image_residue", "credit_lines")
# A reverse pattern: `match` tries only the end of the line.
CREDIT_TAIL = regex.compile(
    "(?r)(?:" + "|".join(f"(?:{t})" for t in words("image_residue", "credit_tails")) + r")[\s.]*",
    regex.IGNORECASE,
)
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
    if not any(mark in tail for mark in CREDIT_MARKS):
        return False
    tail = tail.lower()
    return any(h in tail for h in TAIL_HINTS) and CREDIT_TAIL.match(text) is not None


@register("image_residue")
@dataclass(frozen=True, slots=True)
class ImageResidue(LineFilter):
    """Image file names, placeholders, credit lines, and captions ending in a credit.

    Removes: "Screenshot 2025-06-05 112832.png", "Source: DepositPhotos",
             "Crowds gather in Kyiv. (Photo by Jane Doe/AFP via Getty Images)"
    Keeps:   "Sources say the photo was taken in Kyiv by a local resident."
    """

    max_label_words: int = 6
    max_credit_words: int = 12
    max_caption_words: int = 90

    def check_line(self, line: Line, position: int, view: View) -> str | None:
        if line.words <= self.max_label_words:
            if RESIDUE.match(line.key):
                return "image_placeholder"
            if ("." in line.text[-6:] or "?" in line.text) and FILE_NAME.match(line.text):
                return "image_file_name"
        if line.words <= self.max_credit_words and not _is_sentence(line.text):
            if CREDIT_LINE.match(line.key) or (
                line.key.partition(" ")[0] in _CREDIT_WORDS and CREDIT_NAMES.match(line.text)
            ):
                return "image_credit"
        if line.words <= self.max_caption_words and has_credit_tail(line.text):
            return "caption_credit"
        return None


def _is_sentence(text: str) -> bool:
    """A line of six or more words ending in a full stop reads as prose, not a credit."""
    return text.endswith((".", "!", "?")) and len(text.split()) >= 6
