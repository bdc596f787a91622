"""The line vocabulary every step shares: what ends a sentence, how many words a line has (CJK
and Thai counted by characters), and whether a line reads as prose.
"""

from __future__ import annotations

import regex

# What a sentence can end with, closing quotes and brackets included ("… he said.”").
SENTENCE_END = (".", "!", "?", "…", "。", "！", "？", "”", '"', "’", "»", ")")
# Scripts written without spaces between words: each character counts as half a word (a
# Chinese or Japanese word averages about two characters, a Thai syllable cluster about as much).
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_CLOSERS = "”\"’'»)]"


def count_words(text: str) -> int:
    """Words in `text`: space-separated tokens, plus half a word per CJK/Thai character."""
    spaced = len(text.split())
    if text.isascii():
        return spaced
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return spaced
    return max(spaced, (unspaced + 1) // 2 + len(_UNSPACED.sub(" ", text).split()))


def ends_sentence(text: str) -> bool:
    """Whether `text` ends as a sentence does: ".", "!", "?", "…" or their CJK forms, then closers."""
    core = text.rstrip().rstrip(_CLOSERS)
    return core.endswith((".", "!", "?", "…", "。", "！", "？"))


def is_prose(text: str, min_words: int = 8) -> bool:
    """A sentence of at least `min_words` words: the shape of article text, not of furniture."""
    return count_words(text) >= min_words and ends_sentence(text)
