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
# Words a sentence cannot end on (articles, prepositions, conjunctions; not particles such as
# "in" or "up", which end labels: "Log in", "Sign up"): a line ending on one leaves its sentence open.
_OPEN_WORDS = frozenset(
    "a an the of and or to with by from for as at than that into onto its their his her our your this these those is are was were which whose between through during via"
    " der die das den dem des und oder von mit zu für zum zur ein eine einen"
    " le la les du de des et ou à au aux un une"
    " el los las del y con por para que una".split()
)
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
        and (text[0].islower() or text[0] in _CLOSING or _leaves_open(before))
        and not before.rstrip().endswith(SENTENCE_END)
        and not _starts_block(before)
        and not _starts_block(text)
        and not is_code(before)
        and not is_code(text)
        and _IDENTIFIER.search(text) is None
    )


def _leaves_open(before: str) -> bool:
    """Whether `before` stops where no sentence stops: on one of `_OPEN_WORDS` as written (a
    capital "Le" or "De" is more often a name)."""
    words = before.rsplit(None, 1)
    return bool(words) and words[-1] in _OPEN_WORDS


def _starts_block(text: str) -> bool:
    """A list item, heading, table row or quote (`wrapping.BLOCK_START`), or an item under
    inscriptis's nested bullet "o"."""
    return BLOCK_START.match(text) is not None or text.lstrip().startswith("o ")
