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
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import regex

_FLAGS = regex.IGNORECASE
Compiled = re.Pattern[str] | regex.Pattern[str]
# Unicode classes the data uses inside [...], and their `re` spelling (letters, digits, "_").
_CLASSES = (("\\p{L}\\p{N}", "\\w"), ("\\p{L}", "\\w"), ("\\p{N}", "\\d"))


def compile_phrases(body: str) -> re.Pattern[str] | regex.Pattern[str]:
    """Case-insensitive pattern: `re` when its syntax allows, else the `regex` module."""
    if "(?r)" not in body:
        translated = body
        for unicode_class, spelling in _CLASSES:
            translated = translated.replace(unicode_class, spelling)
        if "\\p{" not in translated:
            return re.compile(translated, re.IGNORECASE)
    return regex.compile(body, _FLAGS)


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


_LITERAL = frozenset("abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüßñ'’ ")


def _alternatives(group: str) -> list[str] | None:
    """Split "a|b(c|d)|e" at its top level; None on unbalanced text."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(group):
        if char == "\\":
            continue
        depth += (char == "(") - (char == ")")
        if depth < 0:
            return None
        if char == "|" and depth == 0:
            parts.append(group[start:i])
            start = i + 1
    parts.append(group[start:])
    return parts


def prefixes(entry: str) -> frozenset[str] | None:
    """The first characters every match of `entry` can begin with, or None if unknown.

    "share( this)?" → {"s"}; "(share|tweet)" and "share|tweet" → {"s", "t"};
    "(\\d+ )?min" → the digits and "m"; ".{0,40}x" → None.
    """
    parts = _alternatives(entry)
    if not parts or not entry:
        return None
    if len(parts) > 1:
        return _union_of(parts)
    if entry.startswith("(") and not entry.startswith("(?"):
        depth = 0
        end = 0
        for end, char in enumerate(entry):
            depth += (char == "(") - (char == ")")
            if depth == 0:
                break
        inner = _alternatives(entry[1:end])
        found = _union_of(inner) if inner else None
        quantifier = entry[end + 1 : end + 2]
        if found is None or quantifier == "{":
            return None
        if quantifier in ("?", "*"):
            rest = prefixes(entry[end + 2 :])
            return None if rest is None else found | rest
        return found
    if entry.startswith("\\d") and entry[2:3] not in ("?", "*", "{"):
        return _DIGITS
    if entry[0] in _LITERAL and entry[1:2] not in ("?", "*", "{"):
        return frozenset(entry[0])
    return None


_DIGITS = frozenset("0123456789")


def _union_of(parts: list[str]) -> frozenset[str] | None:
    found: set[str] = set()
    for part in parts:
        starts = prefixes(part)
        if starts is None:
            return None
        found |= starts
    return frozenset(found)


class Dispatch:
    """Entries bucketed by their first character, so a string is tried only against the
    entries that can start the way it does (plus those whose start is unknown).

    `entries` are (group name or None, pattern); entries sharing a name form one named group.
    Matching is case-insensitive; the string is lower-cased to pick its bucket.
    """

    def __init__(self, entries: list[tuple[str | None, str]], suffix: str = "") -> None:
        buckets: dict[str, list[tuple[str | None, str]]] = {}
        anywhere: list[tuple[str | None, str]] = []
        for item in entries:
            starts = prefixes(item[1])
            if starts is None:
                anywhere.append(item)
            for start in starts or ():
                buckets.setdefault(start, []).append(item)
        self._buckets = {k: _grouped(v + anywhere, suffix) for k, v in buckets.items()}
        self._anywhere = _grouped(anywhere, suffix)

    def match(self, text: str):  # noqa: ANN201  (an re or regex Match, or None)
        return self._buckets.get(text[:1].lower(), self._anywhere).match(text)


def _grouped(entries: list[tuple[str | None, str]], suffix: str) -> Compiled:
    """One pattern: each name's entries in a named group, unnamed entries as they are."""
    names: dict[str | None, list[str]] = {}
    for name, entry in entries:
        names.setdefault(name, []).append(entry)
    parts = [f"(?P<{n}>{_union(tuple(e))})" if n else _union(tuple(e)) for n, e in names.items()]
    return compile_phrases(f"(?:{'|'.join(parts) or '(?!)'}){suffix}")


@cache
def pattern(section: str, key: str, anchor: str = "full") -> Dispatch | Compiled:
    """Case-insensitive matching of all entries of `section.key`; call `.match(text)`.

    `anchor`: "full" (the whole string), "prefix" (its start) or "end" (a reverse pattern:
    `match` tries only the end of the string).
    """
    if anchor == "end":
        return compile_phrases(f"(?r)(?:{_union(words(section, key))})")
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


@dataclass(frozen=True)
class Reasons:
    """A section whose keys are reason codes, compiled for fast line tests."""

    anchored: Dispatch
    floating: tuple[tuple[str, str | None, Compiled], ...]

    def find(self, key: str) -> str | None:
        """The reason of the first entry found in `key` (a lower-cased line key), or None."""
        match = self.anchored.match(key)
        if match:
            return match.lastgroup
        for reason, needle, compiled in self.floating:
            if (needle is None or needle in key) and compiled.search(key):
                return reason
        return None


@cache
def reasons(section: str) -> Reasons:
    """`Reasons` for `section`: "^" entries join one anchored pattern, others float."""
    anchored: list[tuple[str | None, str]] = []
    floating: list[tuple[str, str | None, Compiled]] = []
    for key in keys(section):
        for entry in words(section, key):
            if entry.startswith("^"):
                anchored.append((key, entry[1:]))
            else:
                floating.append((key, hint(entry), compile_phrases(entry)))
    return Reasons(Dispatch(anchored), tuple(floating))


@cache
def whole_line_reasons(section: str) -> Dispatch:
    """Whole-string matching with a named group per reason key: `match(text).lastgroup`."""
    return Dispatch([(key, e) for key in keys(section) for e in words(section, key)], "$")
