"""Phrase lists, one TOML file per language, merged and compiled once per (section, key).

Lists are data so that a language can be added without touching filter code.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files

import regex


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
def pattern(section: str, key: str, anchor: str = "full") -> regex.Pattern[str]:
    """One case-insensitive regex for all entries of `section.key`.

    `anchor` is "full" (whole string), "prefix" (start of the string) or "search" (anywhere;
    entries may carry their own ^ and $).
    """
    body = "|".join(f"(?:{entry})" for entry in words(section, key)) or "(?!)"
    if anchor == "full":
        body = f"^(?:{body})$"
    elif anchor == "prefix":
        body = f"^(?:{body})"
    return regex.compile(body, regex.IGNORECASE)


@cache
def keys(section: str) -> tuple[str, ...]:
    """The keys of `section` across languages, in first-seen order (reason codes for some)."""
    seen: dict[str, None] = {}
    for table in _tables():
        for key in table.get(section, {}):
            seen.setdefault(key, None)
    return tuple(seen)
