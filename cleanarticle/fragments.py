"""Text broken at inline elements: one text node a line (`get_text("\\n")`), so a sentence with a
link or an emphasis comes as several lines ("A square matrix" / "is Hermitian if it equals its" /
"adjoint" / ", that is, …").

Every step reads a line as a unit, and such pieces read as labels: a whole article would go as
menus. A line that starts as no sentence starts (a lower-case letter, or punctuation that closes or
continues one) right after a line that does not end as a sentence continues that line, and the
steps read the two as one (the text stays as it is). Not a line that starts a block (a list
item, a heading), nor code, nor a number ("Author X" / "12 hours ago" is a teaser's two lines).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lines import SENTENCE_END, is_code
from .wrapping import BLOCK_START

_CLOSING = frozenset(",;:.)]!?%")  # punctuation that continues or closes a sentence
_IDENTIFIER = re.compile(r"\w[.(\[]\w|^[a-z]+[A-Z]")  # "builder.Services", "f(x)", "coverImg": names in code, not a sentence's piece


def continues(texts: Sequence[str]) -> list[bool]:
    """Per line, whether it continues the line before as a piece of one sentence. The pieces
    must end as a sentence does: "adjoint" / ", that is, it satisfies …." are pieces, while
    "placeholder" under "Related Articles" or lower-case labels in a row ("Share", "twitter",
    "print") are not, whatever is removed around them."""
    out = [index > 0 and _mid_sentence(texts[index - 1], text) for index, text in enumerate(texts)]
    head = 0
    for index in range(1, len(texts) + 1):
        if index < len(texts) and out[index]:
            continue
        if index - head > 1 and not texts[index - 1].rstrip().endswith(SENTENCE_END):
            out[head + 1 : index] = [False] * (index - head - 1)
        head = index
    return out


def _mid_sentence(before: str, text: str) -> bool:
    """Whether `text` opens as the rest of a sentence that `before` leaves unfinished."""
    return bool(
        before
        and text
        and (text[0].islower() or text[0] in _CLOSING)
        and not before.rstrip().endswith(SENTENCE_END)
        and not _starts_block(before)
        and not _starts_block(text)
        and not is_code(before)
        and not is_code(text)
        and _IDENTIFIER.search(text) is None
    )


def _starts_block(text: str) -> bool:
    """A list item, heading, table row or quote (`wrapping.BLOCK_START`), or an item under
    inscriptis's nested bullet "o"."""
    return BLOCK_START.match(text) is not None or text.lstrip().startswith("o ")
