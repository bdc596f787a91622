"""Image residue: file names, placeholders, credit lines and captions that end in a credit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..credits import has_credit_tail
from ..lines import is_prose
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
# "Source Cryptopolitan", "Credit Reuters/Jane Doe": a credit word, then capitalised names only.
_NAME = r"(?:@|\p{Lu}|\p{N})[\p{L}\p{N}.'’&@_/-]*"
CREDIT_NAMES = regex.compile(
    rf"^(?i:{'|'.join(words('image_residue', 'credit_words'))})s?\s+{_NAME}(?:\s+(?:{_NAME}|via|/|&))" r"{0,5}$"
)
_CREDIT_WORDS = frozenset(w for entry in words("image_residue", "credit_words") for w in (entry, entry + "s"))


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
    sentence_words: int = 6  # a line this long that ends as a sentence is prose, not a credit

    def check_line(self, line: Line, position: int, view: View) -> str | None:
        text, key, words = line.text, line.key, line.words
        if words <= self.max_label_words:
            if RESIDUE.match(key):
                return "image_placeholder"
            if _FILE_END.search(text) and FILE_NAME.match(text):
                return "image_file_name"
        if (
            words <= self.max_credit_words
            and not is_prose(text, self.sentence_words)
            and (CREDIT_LINE.match(key) or (key.partition(" ")[0] in _CREDIT_WORDS and CREDIT_NAMES.match(text)))
        ):
            return "image_credit"
        if words <= self.max_caption_words and has_credit_tail(text):
            return "caption_credit"
        return None
