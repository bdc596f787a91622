"""The first words (or characters) a phrase pattern can match, so that a line is tried only
against the entries that can start the way it does.

A line's head is its leading run of word characters (`\\w*`), lower-cased. `heads("(this|the)
(article|post)")` is {"this", "the"}; `heads("share( this)?", whole=False)` is {"share"}. When
the set is unknown (a class such as `\\w`, `.` inside the first word, more than `LIMIT`
spellings, or a syntax only the `regex` module reads) the answer is None; `first_chars` then
gives the characters the entry can start with (None again when those are unknown, such as for
".{0,40}x").

Reads the pattern with the standard library's own parser (`re._parser`); a Python without it
gives None everywhere, which is slower but still correct.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

try:
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser
except ImportError:  # pragma: no cover - a Python whose `re` internals moved
    _parser = None

LIMIT = 64
_WORD = re.compile(r"\w")
_HEAD = re.compile(r"\w*")
# What `re.IGNORECASE` matches but `str.lower` does not map onto the pattern's letters.
_FOLDS = (("i̇", "i"), ("ı", "i"), ("ſ", "s"))


_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) if _parser else ()


class _Unknown(Exception):
    """The pattern's first word cannot be listed."""


@lru_cache(maxsize=4096)
def head(text: str) -> str:
    """The lower-cased leading word of `text`, in the spelling `heads` lists.

    Cached: every phrase list a line is tried against asks for the head of the same key.
    """
    return folded(_HEAD.match(text).group().lower())  # type: ignore[union-attr]


def folded(text: str) -> str:
    """Lower-cased `text` with the letters `re.IGNORECASE` equates but `str.lower` keeps apart
    ("ı", "ſ") spelt plainly: a literal found in the result is one a pattern can match."""
    if text.isascii():
        return text
    for variant, plain in _FOLDS:
        if variant in text:
            text = text.replace(variant, plain)
    return text


@lru_cache(maxsize=4096)
def tail(text: str) -> str:
    """The lower-cased trailing word of `text` (a line key, which ends in a letter or digit)."""
    last = text[text.rfind(" ") + 1 :]
    return head(last[::-1])[::-1]


def tails(pattern: str, whole: bool) -> frozenset[str] | None:
    """Every tail (trailing word) a match of `pattern` at the end of a string can have, or
    None if unknown. `whole`: the match must start at the string's start."""
    return _words(pattern, whole, back=True)


def heads(pattern: str, whole: bool) -> frozenset[str] | None:
    """Every head a match of `pattern` (at the start of a string) can have, or None if unknown.

    `whole`: the match must run to the end of the string, so a word still open when the
    pattern ends is complete.
    """
    return _words(pattern, whole, back=False)


def _words(pattern: str, whole: bool, back: bool) -> frozenset[str] | None:
    if _parser is None:
        return None
    try:
        open_, closed = _walk(_parser.parse(pattern, re.IGNORECASE), {""}, set(), back)
    except (_Unknown, re.error, RecursionError):
        return None
    if open_ and not whole:
        return None
    found = closed | open_
    return None if "" in found else frozenset(found)


def first_chars(pattern: str) -> frozenset[str] | None:
    """The lower-cased characters a match of `pattern` can begin with, or None if unknown
    (a match that can be empty counts as unknown). "(\\d+ )?min" gives the digits and "m"."""
    if _parser is None:
        return None
    try:
        found, empty = _firsts(_parser.parse(pattern, re.IGNORECASE))
    except (_Unknown, re.error, RecursionError):
        return None
    return None if empty else frozenset(found)


def _firsts(items: Any) -> tuple[set[str], bool]:
    """(first characters of `items`, whether `items` can match the empty string)."""
    found: set[str] = set()
    for op, arg in items:
        if op is C.LITERAL:
            return found | {chr(arg).lower()}, False
        if op is C.IN:
            return found | _chars(arg), False
        if op is C.BRANCH:
            empty = False
            for branch in arg[1]:
                more, can_skip = _firsts(branch)
                found |= more
                empty = empty or can_skip
        elif op is C.SUBPATTERN:
            more, empty = _firsts(arg[-1])
            found |= more
        elif op in _REPEATS:
            more, empty = _firsts(arg[2])
            found |= more
            empty = empty or arg[0] == 0
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            empty = True  # consumes nothing: what follows decides
        else:
            raise _Unknown
        if not empty:
            return found, False
    return found, True


def _chars(items: Any) -> set[str]:
    """Every character of a class, lower-cased; the digits for `\\d`."""
    chars: set[str] = set()
    for op, arg in items:
        if op is C.LITERAL:
            chars.add(chr(arg).lower())
        elif op is C.RANGE and arg[1] - arg[0] < LIMIT:
            chars.update(chr(code).lower() for code in range(arg[0], arg[1] + 1))
        elif op is C.CATEGORY and arg is C.CATEGORY_DIGIT:
            chars.update("0123456789")
        else:
            raise _Unknown
    return chars


def _walk(items: Any, open_: set[str], closed: set[str], back: bool = False) -> tuple[set[str], set[str]]:
    """Extend the words still open (`open_`) by `items`; a non-word character closes them.

    `back`: walk from the pattern's end towards its start, growing words leftwards.
    """
    ends = (C.AT_BEGINNING, C.AT_BEGINNING_STRING) if back else (C.AT_END, C.AT_END_STRING)
    starts = (C.AT_END, C.AT_END_STRING) if back else (C.AT_BEGINNING, C.AT_BEGINNING_STRING)
    for op, arg in reversed(items) if back else items:
        if not open_:
            break
        if op is C.LITERAL:
            char = chr(arg)
            if _WORD.match(char):
                open_ = _grow(open_, {char.lower()}, back)
            else:
                closed, open_ = closed | open_, set()
        elif op is C.IN:
            word_chars, ends_word = _class(arg)
            if ends_word:
                closed = closed | open_
            open_ = _grow(open_, word_chars, back)
        elif op is C.BRANCH:
            opened: set[str] = set()
            for branch in arg[1]:
                more, ended = _walk(branch, open_, set(), back)
                opened |= more
                closed = closed | ended
            open_ = opened
        elif op is C.SUBPATTERN:
            open_, ended = _walk(arg[-1], open_, set(), back)
            closed = closed | ended
        elif op in _REPEATS:
            open_, closed = _repeat(arg, open_, closed, back)
        elif op is C.AT:
            if arg in ends or arg is C.AT_BOUNDARY:
                closed, open_ = closed | open_, set()
            elif arg not in starts:
                raise _Unknown
        elif op not in (C.ASSERT, C.ASSERT_NOT):  # a look-around consumes nothing
            raise _Unknown
        if len(open_) > LIMIT or len(closed) > 8 * LIMIT:
            raise _Unknown  # spellings multiply: "[a-z][a-z]" is unknown, a long word list is not
    return open_, closed


def _grow(words: set[str], chars: set[str], back: bool) -> set[str]:
    return {char + word for word in words for char in chars} if back else {word + char for word in words for char in chars}


def _repeat(arg: Any, open_: set[str], closed: set[str], back: bool) -> tuple[set[str], set[str]]:
    """`x?` and `x*`-like repeats: once or not at all, unless one pass leaves no word open."""
    low, high, item = arg
    once_open, once_closed = _walk(item, open_, set(), back)
    if high != 1 and once_open:
        raise _Unknown  # "a+", "\\w{2,}": the word can grow without a listed end
    if low == 0:
        once_open = once_open | open_
    return once_open, closed | once_closed


def _class(items: Any) -> tuple[set[str], bool]:
    """A character class as (its word characters, whether it also holds a non-word one)."""
    chars: set[str] = set()
    ends_word = False
    for op, arg in items:
        if op is C.LITERAL:
            chars.add(chr(arg))
        elif op is C.RANGE and arg[1] - arg[0] < LIMIT:
            chars.update(map(chr, range(arg[0], arg[1] + 1)))
        elif op is C.CATEGORY and arg is C.CATEGORY_SPACE:
            ends_word = True
        else:
            raise _Unknown  # a negated class, \w, \d, a wide range
    word_chars = {char for char in chars if _WORD.match(char)}
    ends_word = ends_word or len(word_chars) < len(chars)
    return {char.lower() for char in word_chars}, ends_word
