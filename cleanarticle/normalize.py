"""Normalizers: text → text steps that run before lines are split.

They only repair encoding and whitespace; offsets in `CleanResult.source` refer to their
output, so nothing after them ever rewrites text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import ftfy
import regex

from .registry import register

# Characters typical of UTF-8 read as Latin-1/cp1252 ("â€™", "Ã©", "Â "); ftfy only runs when
# one is present, because it is the slowest step by far and most text is fine.
_MOJIBAKE_LEADS = "ÂÃâðÐÑ"
_MOJIBAKE_HINT = regex.compile(r"[ÂÃâðÐÑ][\x80-\xbf\u0152-\u2122]")
_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,  # curly quotes are the article's own text
    fix_character_width=False,  # full-width forms are legitimate in CJK text
    fix_latin_ligatures=False,
    unescape_html=False,
    explain=False,
)

_INVISIBLE = regex.compile(r"[\u200b\u2060\ufeff\u00ad\u180e\x00-\x08\x0e-\x1f\x7f]")
_SURROGATES = str.maketrans(dict.fromkeys(map(chr, range(0xD800, 0xE000)), "\ufffd"))
# Character tables for `str.translate`, which builds its output in one buffer: a regular
# expression's `sub` keeps an object per match until it joins them (70 bytes a line of a text
# of short lines, 2 GB for 100 MB). Every line break `str.splitlines` knows but "\r\n" (a
# `replace` first) becomes "\n"; in `fold`, the characters of `_INVISIBLE` go, and the other
# white space `str.split()` splits on becomes " ".
_BREAKS = str.maketrans(dict.fromkeys("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", "\n"))
_TIDY = str.maketrans(
    {
        **dict.fromkeys("\u200b\u2060\ufeff\u00ad\u180e\x7f" + "".join(map(chr, [*range(0x09), *range(0x0E, 0x20)]))),
        **dict.fromkeys("\t\x0b\x0c\r\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))), " "),
    }
)


_BULK = 1 << 20
"""Characters past which the whitespace step uses `str.translate` rather than lists of lines."""


def _one_break(text: str) -> str:
    """`"\\n".join(text.splitlines())`: every line break as "\\n", a last one dropped; past
    `_BULK` characters without a list of lines."""
    if len(text) <= _BULK:
        return "\n".join(text.splitlines())
    text = text.replace("\r\n", "\n").translate(_BREAKS)
    return text[:-1] if text.endswith("\n") else text


def fold(text: str, printable: bool) -> str:
    """One space between words, none at line ends, no zero-width or control characters.

    `text` has "\\n" as its only line break. Whole-text passes at C speed: zero-width and
    control characters go, other white space becomes " " (a printable line has neither), then
    runs of " " are halved pass by pass by `str.replace`. Below `_BULK` characters only the
    lines that are not printable are rebuilt, one by one (ten times faster than `translate`);
    past it `str.translate` does it with no object per line (a list of 30 million short lines
    is 2 GB). `printable`: `text`, its line breaks aside, is known to be all printable.
    """
    if not printable and len(text) > _BULK:
        text = text.translate(_TIDY)
    elif not printable:  # faster below `_BULK`: only the lines that need it are rebuilt
        lines = text.split("\n")
        for index, line in enumerate(lines):
            if not line.isprintable():
                lines[index] = " ".join(_INVISIBLE.sub("", line).split())
        text = "\n".join(lines)
    while "  " in text:
        text = text.replace("  ", " ")
    return text.replace(" \n", "\n").replace("\n ", "\n").strip(" ")


class Normalizer:
    """Base of the text → text steps."""

    name: ClassVar[str]

    def normalize(self, text: str) -> str:
        raise NotImplementedError


@register("unicode")
@dataclass(frozen=True, slots=True)
class Unicode(Normalizer):
    """Repair mojibake (UTF-8 read as cp1252) with ftfy, conservatively.

    Fixes:   "Beijingâ€™s Ministry" → "Beijing’s Ministry"
    Keeps:   "naïve café “quotes”" unchanged (curly quotes are never straightened)
    """

    def normalize(self, text: str) -> str:
        if text.isascii():
            return text
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = text.translate(_SURROGATES)
        if not any(char in text for char in _MOJIBAKE_LEADS):
            return text
        # Invisible characters inside a mojibake pair ("Ð\\x1b\\x80") would hide it until the
        # whitespace step removes them, and a second run would then repair it.
        visible = _INVISIBLE.sub("", text)
        if not _MOJIBAKE_HINT.search(visible):
            return text
        return ftfy.fix_text(visible, _FTFY_CONFIG)


@register("whitespace")
@dataclass(frozen=True, slots=True)
class Whitespace(Normalizer):
    """One kind of line break and space; no zero-width, control or trailing characters.

    Fixes:   "fell\\u00a0 0.13%\\r\\n" → "fell 0.13%\\n"
    Keeps:   zero-width joiners (U+200C/U+200D), which Persian, Indic scripts and emoji need
    """

    final_newline: bool = True

    def normalize(self, text: str) -> str:
        if not text:
            return ""
        if "\xa0" in text:
            text = text.replace("\xa0", " ")  # the commonest stray space
        printable = text.replace("\n", " ").isprintable()
        if printable:  # then "\n" is the only line break: `isprintable` refuses every other one
            text = text[:-1] if text.endswith("\n") else text  # as `splitlines` drops it
        else:  # str.splitlines knows every Unicode line break (\r\n, \r, U+2028, \x85, ...)
            text = _one_break(text)
        text = fold(text, printable)
        return text + "\n" if self.final_newline else text
