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


@cache
def pattern(section: str, key: str, anchor: str = "full") -> re.Pattern[str] | regex.Pattern[str]:
    """One case-insensitive regex for all entries of `section.key`.

    `anchor`: "full" (use with `match`: the whole string), "prefix" (`match`: its start) or
    "end" (a reverse pattern: `match` tries only the end of the string).
    """
    body = _union(words(section, key))
    if anchor == "full":
        return compile_phrases(f"(?:{body})$")
    if anchor == "end":
        return compile_phrases(f"(?r)(?:{body})")
    return compile_phrases(f"(?:{body})")


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


Compiled = re.Pattern[str] | regex.Pattern[str]


@dataclass(frozen=True)
class Reasons:
    """A section whose keys are reason codes, compiled for fast line tests."""

    anchored: tuple[Compiled, ...]
    floating: tuple[tuple[str, str | None, Compiled], ...]

    def find(self, text: str) -> str | None:
        """The reason of the first entry found in `text`, or None."""
        for compiled in self.anchored:
            match = compiled.match(text)
            if match:
                return match.lastgroup
        lowered = text.casefold()
        for reason, needle, compiled in self.floating:
            if (needle is None or needle in lowered) and compiled.search(text):
                return reason
        return None


@cache
def reasons(section: str) -> Reasons:
    """`Reasons` for `section`: "^" entries join one anchored pattern, others float."""
    plain: list[str] = []
    special: list[str] = []
    floating: list[tuple[str, str | None, Compiled]] = []
    for key in keys(section):
        for entry in words(section, key):
            if not entry.startswith("^"):
                floating.append((key, hint(entry), compile_phrases(entry)))
        for group, needs_regex in ((plain, False), (special, True)):
            starts = [e[1:] for e in words(section, key) if e.startswith("^") and ("\\p{Lu}" in e) == needs_regex]
            if starts:
                group.append(f"(?P<{key}>{_union(tuple(starts))})")
    anchored = tuple(compile_phrases("|".join(group)) for group in (plain, special) if group)
    return Reasons(anchored, tuple(floating))


@cache
def whole_line_reasons(section: str) -> regex.Pattern[str]:
    """One pattern with a named group per reason key, matching whole strings (`match`)."""
    body = "|".join(f"(?P<{key}>{_union(words(section, key))})" for key in keys(section))
    return compile_phrases(f"(?:{body or '(?!)'})$")
