"""Hard-wrapped text: paragraphs broken into lines of a fixed width (html2text's and lynx's
defaults, e-mail, plain-text pages), told apart from text with one block per line.

Every step reads a line as a unit: a wrapped paragraph's lines read as short fragments that do
not end as sentences, the shape of menu labels, so the steps would cut prose. A wrapping tool
breaks a line where the next word would not fit, so in wrapped text many pairs of adjacent lines
agree on one width: the first line fits it and would not have fitted the next line's first word.
Where enough pairs agree, the lines of a paragraph are read as one line (the text stays as it is).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

NARROWEST, WIDEST = 55, 160  # widths a wrapping tool uses
SHORTEST = 40  # a shorter line is no full line of a paragraph wrapped at `NARROWEST` or wider
MIN_PAIRS = 8  # pairs of adjacent lines that must agree on the width ...
MIN_SHARE = 0.3  # ... and their share of all pairs of adjacent non-blank lines
# A line that starts a block of its own: a list item, a heading, a table row, a quote.
BLOCK_START = re.compile(r"\s*(?:[*+•-]\s|\d{1,3}[.)]\s|#|\||>)")


def _first_word(text: str) -> int:
    """Length of the first word of `text` (0 for a blank line)."""
    words = text.split(None, 1)
    return len(words[0]) if words else 0


def _same_opening(text: str, after: str) -> bool:
    """Whether two lines open with the same word: items of a list ("Costs in Austin", "Costs in
    Boston"), which a wrapped paragraph's lines seldom do."""
    first, second = text.split(None, 1), after.split(None, 1)
    return bool(first and second) and first[0].lower() == second[0].lower()


def width(texts: Sequence[str]) -> int:
    """The width the lines of `texts` were wrapped at, or 0 when they were not wrapped: the
    width from `NARROWEST` to `WIDEST` that most pairs of adjacent non-blank lines agree on (the
    first line, `SHORTEST` or longer, fits it and would not have fitted the next line's first
    word), when `MIN_PAIRS` pairs do and they make `MIN_SHARE` of all pairs (menus and labels
    count against it). Narrower widths, and pairs of lines that open with the same word, are
    left out: lists of items of one length agree on them by chance."""
    sizes = list(map(len, texts))
    pairs = sum(1 for size, after in zip(sizes, sizes[1:]) if size and after)
    candidates = [i for i, (size, after) in enumerate(zip(sizes, sizes[1:])) if SHORTEST <= size <= WIDEST and after]
    if len(candidates) < max(MIN_PAIRS, MIN_SHARE * pairs):
        return 0
    counts = [0] * (WIDEST + 2)
    for i in candidates:
        if _same_opening(texts[i], texts[i + 1]):
            continue
        counts[sizes[i]] += 1
        counts[min(sizes[i] + _first_word(texts[i + 1]), WIDEST) + 1] -= 1
    best, found, running = 0, 0, 0
    for at in range(SHORTEST, WIDEST + 1):
        running += counts[at]
        if at >= NARROWEST and running > found:
            best, found = at, running
    return best if found >= MIN_PAIRS and found >= MIN_SHARE * pairs else 0


def continues(texts: Sequence[str], wrapped_at: int) -> list[bool]:
    """Per line, whether it continues the line before as part of one paragraph wrapped at
    `wrapped_at`: the line before is full (its next word would not have fitted) and this line
    does not start a block of its own (a list item, heading, table row or quote)."""
    out = [False] * len(texts)
    if not wrapped_at:
        return out
    for index in range(1, len(texts)):
        before, text = texts[index - 1], texts[index]
        word = _first_word(text)
        if (
            before
            and word
            and len(before) <= wrapped_at < len(before) + 1 + word
            and BLOCK_START.match(text) is None
            and not before.lstrip().startswith("#")
        ):
            out[index] = True
    return out
