"""Phrase lists, one TOML file per language, merged and compiled once per (section, key).

Lists are data so that a language can be added without touching filter code. Each list
compiles to one case-insensitive alternation: with the standard `re` engine when its syntax
allows (faster on long alternations), else with the `regex` module (reverse matching, Unicode
property classes).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files
from typing import Any, TypeAlias

import regex

Compiled: TypeAlias = re.Pattern[str] | regex.Pattern[str]
# Unicode classes the data uses inside [...], and their `re` spelling (letters, digits, "_").
_CLASSES = (("\\p{L}\\p{N}", "\\w"), ("\\p{L}", "\\w"), ("\\p{N}", "\\d"))


def compile_phrases(body: str) -> Compiled:
    """Case-insensitive pattern: `re` when its syntax allows, else the `regex` module."""
    translated = _in_re_syntax(body)
    if translated is not None:
        return re.compile(translated, re.IGNORECASE)
    return regex.compile(body, regex.IGNORECASE)


def _in_re_syntax(body: str) -> str | None:
    """`body` spelt for the standard `re` module, or None when it needs `regex`."""
    if "(?r)" in body:
        return None
    for unicode_class, spelling in _CLASSES:
        body = body.replace(unicode_class, spelling)
    return None if "\\p{" in body else body


@cache
def _tables() -> tuple[dict, ...]:
    folder = files(__name__)
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml"))
    return tuple(tomllib.loads(folder.joinpath(name).read_text("utf-8")) for name in names)


@cache
def words(section: str, key: str) -> tuple[str, ...]:
    """Every language's entries for `section.key`, in file order, without repeats."""
    seen: dict[str, None] = {}
    for table in _tables():
        for entry in table.get(section, {}).get(key, ()):
            seen.setdefault(entry, None)
    return tuple(seen)


@cache
def keys(section: str) -> tuple[str, ...]:
    """The keys of `section` across languages, in first-seen order (reason codes for some)."""
    seen: dict[str, None] = {}
    for table in _tables():
        for key in table.get(section, {}):
            seen.setdefault(key, None)
    return tuple(seen)


def union(entries: tuple[str, ...] | list[str]) -> str:
    """One alternation of `entries`, each in its own group; a pattern that never matches if none."""
    return "|".join(f"(?:{e})" for e in entries) or "(?!)"


class Alternation:
    """A phrase list as one alternation per way a string can start: a string is tried only
    against the entries that can start as it does, which the `regex` module's partial
    matching tells, so most lines skip most entries (half the instructions per article).

    A string's start is its first word when that word occurs in the entries (so "share this"
    is tried only on entries that can begin "share"), else its first character. `reverse`: the
    entries are matched at the end of the string, bucketed by its last word (after its last
    space) or its last character. (Only letters are probed: `regex` and `re` disagree on
    which other characters `\\w` holds.)

    `entries` are (group name or None, pattern); entries sharing a name form one named group,
    whose name `match(...).lastgroup` gives.
    """

    def __init__(self, entries: Sequence[tuple[str | None, str]], suffix: str = "", reverse: bool = False) -> None:
        self._entries = tuple(entries)
        self._prefix = "(?r)" if reverse else ""
        self._suffix = suffix
        self._reverse = reverse
        self._probes = tuple(regex.compile(self._prefix + entry, regex.IGNORECASE) for _, entry in entries)
        self._words = frozenset(w for _, e in entries for w in _WORD.findall(e.lower()))
        self._buckets: dict[str, Compiled | None] = {}

    def match(self, text: str) -> re.Match[str] | regex.Match[str] | None:
        """The match of the entries at the start (the end, `reverse`) of `text`, or None."""
        word = text[text.rfind(" ") + 1 :] if self._reverse else _WORD_AT_START.match(text).group()  # type: ignore[union-attr]
        if word in self._words:
            start = word
        else:  # `re.IGNORECASE` matches "ı" as "i"; `regex` does not
            start = (text[-1:] if self._reverse else text[:1]).replace("ı", "i")
            start = start if start.isalpha() or start.isdecimal() else ""  # every entry: see the note
        pattern = self._buckets.get(start, _UNSEEN)
        if pattern is _UNSEEN:
            pattern = self._bucket(start)
        return pattern.match(text) if pattern is not None else None

    def _bucket(self, start: str) -> Compiled | None:
        """The pattern of the entries that can begin (end) with `start`, remembered."""
        if len(self._buckets) > _MAX_BUCKETS:
            self._buckets.clear()  # a bound on memory over text in every script
        chosen = tuple(e for e, probe in zip(self._entries, self._probes) if probe.match(start, partial=True))
        pattern = self._buckets[start] = _grouped(chosen, self._prefix, self._suffix) if chosen else None
        return pattern


_UNSEEN: Any = object()
_WORD = re.compile(r"[^\W\d_]+")
_WORD_AT_START = re.compile(r"\w*")
_MAX_BUCKETS = 4096


@cache
def _grouped(entries: tuple[tuple[str | None, str], ...], prefix: str, suffix: str) -> Compiled:
    """One pattern: each name's entries in a named group, unnamed entries as they are."""
    names: dict[str | None, list[str]] = {}
    for name, entry in entries:
        names.setdefault(name, []).append(entry)
    parts = [f"(?P<{n}>{union(e)})" if n else union(e) for n, e in names.items()]
    return compile_phrases(f"{prefix}(?:{'|'.join(parts)}){suffix}")


@cache
def pattern(section: str, key: str, anchor: str = "full") -> Alternation:
    """Case-insensitive matching of all entries of `section.key`; call `.match(text)`.

    `anchor`: "full" (the whole string), "prefix" (its start) or "end" (a reverse pattern:
    `match` tries only the end of the string).
    """
    entries: list[tuple[str | None, str]] = [(None, e) for e in words(section, key)]
    return Alternation(entries, "$" if anchor == "full" else "", reverse=anchor == "end")


@dataclass(frozen=True)
class Reasons:
    """A section whose keys are reason codes, compiled for line tests.

    `anchored` holds the "^" entries (a named group per reason), `ending` the "^..." entries
    that open with any character (matched in reverse, from the end of the line, where they
    fail at once on most lines), `floating` (reason, needle, pattern) for the other entries,
    one per needle of the reason ("" when it has none): a line without the needle is not
    searched.
    """

    anchored: Alternation
    ending: Alternation
    floating: tuple[tuple[str, str, Compiled], ...]

    def find(self, key: str) -> str | None:
        """The reason of the first entry found in `key` (a lower-cased line key), or None."""
        match = self.anchored.match(key)
        if match:
            return match.lastgroup
        match = self.ending.match(key)
        if match:
            return match.lastgroup
        if self.floating:
            folded = fold(key)
            for reason, needle, compiled in self.floating:
                if needle in folded and compiled.search(key):
                    return reason
        return None

    def within(self, block: str) -> Reasons:
        """These reasons less the floating entries whose needle `block` (line keys joined by
        newlines) lacks: a block is scanned once per needle instead of per line."""
        folded = fold(block)
        return replace(self, floating=tuple(entry for entry in self.floating if entry[1] in folded))


def fold(text: str) -> str:
    """`text` with the letters `re.IGNORECASE` equates with "i" and "s" spelt so: a needle
    found in the result is one the patterns can match."""
    return text.replace("ı", "i").replace("ſ", "s")


# A "^..." entry that opens with "." (any character) is matched in reverse.
_OPEN_START = re.compile(r"^\^\(?\.")


@cache
def reasons(section: str) -> Reasons:
    """`Reasons` for `section`: "^" entries join one anchored pattern, others float, gated by
    the needles that section `{section}_needles` lists per reason: literals one of which every
    unanchored entry of that reason holds (a test checks)."""
    anchored: list[tuple[str, str]] = []
    ending: list[tuple[str, str]] = []
    floating: list[tuple[str, str, Compiled]] = []
    for key in keys(section):
        loose: list[str] = []
        for entry in words(section, key):
            if entry.startswith("^") and entry.endswith("$") and _OPEN_START.match(entry):
                ending.append((key, entry))
            elif entry.startswith("^"):
                anchored.append((key, entry[1:]))
            else:
                loose.append(entry)
        if loose:
            compiled = compile_phrases(union(loose))
            floating.extend((key, needle, compiled) for needle in words(f"{section}_needles", key) or ("",))
    return Reasons(Alternation(anchored), Alternation(ending, reverse=True), tuple(floating))


@cache
def whole_line_reasons(section: str) -> Alternation:
    """Whole-string matching with a named group per reason key: `match(text).lastgroup`."""
    return Alternation([(key, entry) for key in keys(section) for entry in words(section, key)], "$")
