"""Phrase lists, one TOML file per language, merged and compiled once per (section, key).

Lists are data so that a language can be added without touching filter code. Compiled
patterns avoid unanchored scans, which are slow for long alternations: whole-line and
line-start lists use `match`, line-end lists a reverse `match`, and a floating entry is only
searched in lines holding its mandatory literal words (its "hint"). Patterns compile with the
standard `re` engine, whose first-character dispatch makes long alternations ~4× faster,
unless they need the `regex` module (reverse matching, Unicode upper-case classes).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from itertools import compress
from operator import itemgetter
from typing import Any

import regex

from .heads import first_chars, folded, head, heads, tail, tails

_FLAGS = regex.IGNORECASE
Compiled = re.Pattern[str] | regex.Pattern[str]
# Unicode classes the data uses inside [...], and their `re` spelling (letters, digits, "_").
_CLASSES = (("\\p{L}\\p{N}", "\\w"), ("\\p{L}", "\\w"), ("\\p{N}", "\\d"))


def compile_phrases(body: str) -> re.Pattern[str] | regex.Pattern[str]:
    """Case-insensitive pattern: `re` when its syntax allows, else the `regex` module."""
    translated = _in_re_syntax(body)
    if translated is not None:
        return re.compile(translated, re.IGNORECASE)
    return regex.compile(body, _FLAGS)


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


def _union(entries: tuple[str, ...]) -> str:
    return "|".join(f"(?:{e})" for e in entries) or "(?!)"


_UNSEEN: Any = object()
_SEEN_LIMIT = 8192


class Dispatch:
    """Entries bucketed by the first word (else the first character) they can start with, so
    a string is tried only against the entries that can start the way it does.

    `entries` are (group name or None, pattern); entries sharing a name form one named group.
    Matching is case-insensitive; the string is lower-cased to pick its bucket. A word's
    pattern is compiled the first time a string starts with that word.
    """

    def __init__(self, entries: list[tuple[str | None, str]], suffix: str = "") -> None:
        rank: dict[str | None, int] = {}
        for name, _ in entries:
            rank.setdefault(name, len(rank))
        # A name's entries side by side: every bucket then tries the names in one order.
        self._entries = entries = sorted(entries, key=lambda item: rank[item[0]])
        self._suffix = suffix
        self._starts = [_read(entry, first_chars) for _, entry in entries]
        self._heads = [heads_of(entry, suffix == "$") for _, entry in entries]
        self._known: frozenset[str] = frozenset().union(*(h for h in self._heads if h))
        self._words: dict[str, Compiled | None] = {}
        self._seen: dict[str, Compiled | None] = {}  # the bucket of each start met so far
        unknown = [i for i, found in enumerate(self._heads) if found is None]
        chars = {char for i in unknown for char in self._starts[i] or ()}
        self._buckets = {char: self._compile(i for i in unknown if self._can_start(i, char)) for char in chars}
        self._anywhere = self._compile(i for i in unknown if self._starts[i] is None)

    def match(self, text: str):  # noqa: ANN201  (an re or regex Match, or None)
        start = head(text) or text[:1].lower()  # a word, or the one character that is no word
        pattern = self._seen.get(start, _UNSEEN)
        if pattern is _UNSEEN:
            pattern = self._pattern(start)
        if pattern is None:
            return None  # no entry starts this way: skip the call into the regex engine
        return pattern.match(text)

    def _pattern(self, start: str) -> Compiled | None:
        """The bucket of a head word (or non-word first character), remembered for the next
        string that starts the same way."""
        if start in self._known:
            pattern = self._words.get(start) or self._word_pattern(start)
        else:
            pattern = self._buckets.get(_first(start), self._anywhere)
        if len(self._seen) >= _SEEN_LIMIT:
            self._seen.clear()  # a bound on memory over a corpus with endless vocabulary
        self._seen[start] = pattern
        return pattern

    def _word_pattern(self, word: str) -> Compiled | None:
        first = _first(word)
        pattern = self._words[word] = self._compile(
            i for i, words in enumerate(self._heads) if (word in words if words else self._can_start(i, first))
        )
        return pattern

    def _can_start(self, index: int, char: str) -> bool:
        starts = self._starts[index]
        return starts is None or char in starts

    def _compile(self, indices: Iterable[int]) -> Compiled | None:
        entries = [self._entries[i] for i in indices]
        return _grouped(entries, self._suffix) if entries else None


class Ending:
    """Entries matched at the end of a lower-cased string (a reverse pattern), tried only
    when the string's last word is one some entry can end with; entries whose last word is
    unknown ("get your \\w+") only on strings holding their hints ("get your")."""

    def __init__(self, entries: tuple[str, ...]) -> None:
        found = [_read(entry, tails, False) for entry in entries]
        self._known: frozenset[str] = frozenset().union(*(t for t in found if t))
        self._all = compile_phrases(f"(?r)(?:{_union(entries)})")
        unknown = tuple(entry for entry, words in zip(entries, found) if words is None)
        self._unknown = compile_phrases(f"(?r)(?:{_union(unknown)})") if unknown else None
        self._needles = fewest([hint(entry) for entry in unknown])

    def match(self, text: str):  # noqa: ANN201  (a regex Match, or None)
        if tail(text) in self._known:
            return self._all.match(text)
        if self._unknown is None:
            return None
        if self._needles is not None and not any(map(folded(text).__contains__, self._needles)):
            return None
        return self._unknown.match(text)


def _first(text: str) -> str:
    """The bucket of `text`'s first character: any decimal digit is filed as its ASCII one,
    since `\\d` matches "٣" as it matches "3"."""
    char = text[:1]
    return str(unicodedata.decimal(char)) if char.isdecimal() else char


def heads_of(entry: str, whole: bool) -> frozenset[str] | None:
    """`heads` of a phrase-list pattern (None when only the `regex` module reads it)."""
    return _read(entry, heads, whole)


def _read(entry: str, reader: Callable[..., frozenset[str] | None], *args: bool) -> frozenset[str] | None:
    """`reader` (`heads`, `tails`, `first_chars`) of `entry` in `re` spelling; None when only
    the `regex` module reads it."""
    translated = _in_re_syntax(entry)
    return None if translated is None else reader(translated, *args)


def _grouped(entries: list[tuple[str | None, str]], suffix: str) -> Compiled:
    """One pattern: each name's entries in a named group, unnamed entries as they are."""
    names: dict[str | None, list[str]] = {}
    for name, entry in entries:
        names.setdefault(name, []).append(entry)
    parts = [f"(?P<{n}>{_union(tuple(e))})" if n else _union(tuple(e)) for n, e in names.items()]
    return compile_phrases(f"(?:{'|'.join(parts) or '(?!)'}){suffix}")


@cache
def pattern(section: str, key: str, anchor: str = "full") -> Dispatch | Ending:
    """Case-insensitive matching of all entries of `section.key`; call `.match(text)`.

    `anchor`: "full" (the whole string), "prefix" (its start) or "end" (a reverse pattern:
    `match` tries only the end of the string).
    """
    if anchor == "end":
        return Ending(words(section, key))
    return Dispatch([(None, e) for e in words(section, key)], "$" if anchor == "full" else "")


def hint(entry: str) -> str | None:
    """The longest literal run that every match of `entry` must contain, lowercased.

    Only text outside groups and classes counts; a character made optional by a quantifier
    ends the run. None when the entry has a top-level alternation or no run of 4+ letters.
    """
    runs: list[str] = []
    run = ""
    depth = 0
    i = 0
    while i < len(entry):
        char = entry[i]
        if char == "\\":
            runs.append(run)
            run = ""
            i += 2
            continue
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif depth == 0 and char == "|":
            return None
        elif depth == 0 and char in "?*{+":
            runs.append(run[:-1] if char != "+" else run)
            run = ""
        elif depth == 0 and (char.isalpha() or char in " '’-"):
            run += char
            i += 1
            continue
        runs.append(run)
        run = ""
        i += 1
    runs.append(run)
    best = max((r.strip() for r in runs), key=len)
    return best.lower() if len(best) >= 4 else None


# A floating entry: (reason, a literal every match contains or "", pattern).
Floating = tuple[tuple[str, str, Compiled], ...]
_NEEDLE = itemgetter(1)


@dataclass(frozen=True)
class Reasons:
    """A section whose keys are reason codes, compiled for fast line tests."""

    anchored: Dispatch
    floating: Floating
    ending: tuple[tuple[str, Ending], ...] = ()
    # Literals one of which every match of every entry holds (None: some entry has none).
    needles: tuple[str, ...] | None = None

    def find(self, key: str, floating: Floating | None = None) -> str | None:
        """The reason of the first entry found in `key` (a lower-cased line key), or None.

        `floating`: the floating entries to try (default all), from `floating_in`.
        """
        match = self.anchored.match(key)
        if match:
            return match.lastgroup
        for reason, ending in self.ending:
            if ending.match(key):
                return reason
        plain = key if key.isascii() else folded(key)  # the call skipped on the common path
        for reason, needle, compiled in self.floating if floating is None else floating:
            if needle in plain and compiled.search(key):
                return reason
        return None

    def floating_in(self, text: str) -> Floating:
        """The floating entries that can match somewhere in `text` (line keys, `folded`).

        One pass per entry over a whole block of lines, instead of one per line.
        """
        return tuple(compress(self.floating, map(text.__contains__, map(_NEEDLE, self.floating))))

    def possible_in(self, text: str) -> bool:
        """False when no entry can match any line of `text` (line keys, `folded`): then the
        lines need not be tried one by one."""
        return self.needles is None or any(map(text.__contains__, self.needles))


def fewest(needles: list[str | None]) -> tuple[str, ...] | None:
    """The needles that no other needle lies inside ("cookie" covers "cookies"): a text holds
    one of `needles` only if it holds one of these. None if any needle is None."""
    if None in needles:
        return None
    found = sorted(set(needles), key=len)  # type: ignore[arg-type]
    return tuple(n for i, n in enumerate(found) if not any(m in n for m in found[:i]))


@cache
def reasons(section: str) -> Reasons:
    """`Reasons` for `section`: "^" entries join one anchored pattern, others float.

    A "^...$" entry that can start with any character ("^.{0,40}(editorial guidelines)$")
    would be tried on every line from every start; it is matched in reverse instead, from
    the end of the line, where it fails at once on most lines.
    """
    anchored: list[tuple[str | None, str]] = []
    floating: list[tuple[str, str, Compiled]] = []
    ending: list[tuple[str, Ending]] = []
    hints: list[str | None] = []
    for key in keys(section):
        for entry in words(section, key):
            hints.append(hint(entry.removeprefix("^")))  # the floating entries' needles too
            if entry.startswith("^") and entry.endswith("$") and _read(entry[1:], first_chars) is None:
                ending.append((key, Ending((entry,))))
            elif entry.startswith("^"):
                anchored.append((key, entry[1:]))
            else:
                floating.append((key, hints[-1] or "", compile_phrases(entry)))
    return Reasons(Dispatch(anchored), tuple(floating), tuple(ending), fewest(hints))


@cache
def whole_line_reasons(section: str) -> Dispatch:
    """Whole-string matching with a named group per reason key: `match(text).lastgroup`."""
    return Dispatch([(key, e) for key in keys(section) for e in words(section, key)], "$")
