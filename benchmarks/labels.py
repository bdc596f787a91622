"""Label each line of a rendered page as article (1), furniture (0) or unknown (None) from the
page's ground truth, for training and scoring the content model line by line.

Long lines are judged by how many of their word trigrams the truth holds. Short lines ("Home",
a two-word heading) would match the truth anywhere by chance, so they count as article only when
their words stand in the truth between the places of the long article lines around them. Lines
that are partly article, Markdown link targets and lines without words stay unknown.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

_WORD = re.compile(r"\w+")
_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
LONG = 6  # words from which a line is judged by its trigrams
SLACK = 40  # words of slack around the window a short line must stand in


def words(text: str) -> list[str]:
    return _WORD.findall(_LINK_TARGET.sub("] ", text).lower())


class Truth:
    """The truth text's words, with the positions of each trigram and of each word."""

    def __init__(self, text: str) -> None:
        self.words = words(text)
        self.joined = " " + " ".join(self.words) + " "
        # character offset of each word in `joined`, to map a phrase match back to a word index
        self.offsets: list[int] = []
        at = 1
        for word in self.words:
            self.offsets.append(at)
            at += len(word) + 1
        self.trigrams: dict[tuple[str, ...], list[int]] = {}
        for i in range(len(self.words) - 2):
            self.trigrams.setdefault(tuple(self.words[i : i + 3]), []).append(i)

    def coverage(self, tokens: Sequence[str]) -> tuple[float, int]:
        """Share of `tokens`' trigrams found in the truth, and the word index of the first found (-1)."""
        grams = [tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)]
        found = [self.trigrams[g][0] for g in grams if g in self.trigrams]
        return len(found) / max(len(grams), 1), (min(found) if found else -1)

    def phrase_between(self, tokens: Sequence[str], low: int, high: int) -> bool:
        """Whether `tokens` stand in the truth as whole words between word indices `low` and `high`."""
        needle = " " + " ".join(tokens) + " "
        start = self.offsets[max(low, 0)] - 1 if self.words and low > 0 else 0
        end = self.offsets[high] if 0 <= high < len(self.offsets) else len(self.joined)
        return self.joined.find(needle, start, end + len(needle)) >= 0


def label_lines(lines: Sequence[str], truth: str, title: str | None = None) -> list[int | None]:
    """1, 0 or None for each line of a rendered page, given the article's true text."""
    model = Truth(truth)
    title_words = words(title) if title else None
    tokens = [words(line) for line in lines]
    labels: list[int | None] = [None] * len(lines)
    anchors: list[tuple[int, int]] = []  # (line index, truth word index) of long article lines
    for i, toks in enumerate(tokens):
        if len(toks) < LONG:
            continue
        share, at = model.coverage(toks)
        if share >= 0.6:
            labels[i] = 1
            anchors.append((i, at))
        elif share <= 0.2:
            labels[i] = 0
    anchor_lines = [line for line, _ in anchors]
    for i, toks in enumerate(tokens):
        if not toks or len(toks) >= LONG:
            continue
        if title_words is not None and toks == title_words:
            continue
        k = bisect_left(anchor_lines, i)
        low = anchors[k - 1][1] - SLACK if k > 0 else 0
        high = anchors[k][1] + SLACK if k < len(anchors) else len(model.words)
        labels[i] = int(model.phrase_between(toks, low, high))
    return labels


def label_by_segments(lines: Sequence[str], keep: Sequence[str], drop: Sequence[str]) -> list[int | None]:
    """Labels from trafilatura-eval's segments: a line holding a `with` segment is article, one
    holding a `without` segment furniture, the rest unknown."""
    labels: list[int | None] = [None] * len(lines)
    for i, line in enumerate(lines):
        if any(segment.strip() and segment.strip() in line for segment in drop):
            labels[i] = 0
        if any(segment.strip() and segment.strip() in line for segment in keep):
            labels[i] = 1
    return labels
