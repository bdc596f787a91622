"""Dates and timestamps as news pages print them: "Updated Jul 02, 2025 | 8:31 PM GMT-04",
"Madrid - 05 jun 2025 - 14:02 CEST", "3 hours ago", a bare "Published on".

Shared by the steps that find bylines and dates in the header and teaser times in related blocks.
"""

from __future__ import annotations

import re

import regex

from .filters.phrases import words

# Runs of letters, or of digits: the standard `re` (several times faster per call here) spells
# \p{L} as "word characters but digits and _" (which keeps the rare other numerals, "²").
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_MAX_STAMP_CHARS = 160  # the longest timestamps, bilingual ones included, are far shorter
_MONTHS = frozenset(words("metadata", "months"))
_WEEKDAYS = frozenset(words("metadata", "weekdays"))
_RELATIVE = frozenset(words("metadata", "relative"))
_STAMP = frozenset(w for entry in words("metadata", "stamp") for w in entry.split())
_STAMP_LABELS = frozenset(words("metadata", "stamp_labels"))
# Every word a timestamp may hold besides numbers.
DATE_WORDS = _MONTHS | _WEEKDAYS | _RELATIVE | _STAMP | {"st", "nd", "rd", "th", "of", "de", "der", "le", "el"}
_NUMERIC_DATE = regex.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\s?[:h]\s?\d{2}|\b(?:19|20)\d{2}\b")
_RELATIVE_TIME = regex.compile(
    r"\b(?:\d+|an?|one)\s+(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago\b"
    r"|\b(?:yesterday|today|just now|aujourd['’]hui|hier|heute|gestern|hoy|ayer|oggi|ieri|vandaag|gisteren|hoje|ontem)\b",
    regex.IGNORECASE,
)
_DASHES = frozenset("-–—,|·")
_PLACE_FIRST = regex.compile(r"^\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2}\s*(?:[-–—,|·]\s*)(?P<rest>.+)$")
_UPDATED = regex.compile(r"^\W*(?:updated|last updated|modified|aktualisiert|mis à jour|actualizado|aggiornato)\b", regex.I)
_HAS_DATE = regex.compile(r"\d")


def is_timestamp(text: str) -> bool:
    """True for a line made only of date and time words: "Updated Jul 02, 2025 | 8:31 PM GMT-04"."""
    if len(text) > _MAX_STAMP_CHARS:
        return False
    first = _TOKEN.search(text)
    if first is None or not (first.group().isdigit() or first.group().lower() in DATE_WORDS):
        return False  # cheap rejection of most lines: every token must be a date word or number
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    if len(tokens) > 24:
        return False
    if any(not t.isdigit() and t not in DATE_WORDS for t in tokens):
        return False
    # A day or month name counts with a number or a label ("Updated Monday"), not alone:
    # "May", "Monday a" are headings as often as they are dates.
    dated = any(t in _MONTHS or t in _WEEKDAYS for t in tokens) and any(
        t.isdigit() or t in _STAMP_LABELS for t in tokens
    )
    return dated or bool(_NUMERIC_DATE.search(text) or _RELATIVE_TIME.search(text))


def is_dateline(text: str) -> bool:
    """A place, a dash or comma, then a timestamp: "Madrid - 05 jun 2025 - 14:02 CEST"."""
    if _DASHES.isdisjoint("".join(text.split(" ", 4)[:4])):
        return False  # a place of at most three words, then one of these
    match = _PLACE_FIRST.match(text)
    return match is not None and is_timestamp(match.group("rest"))


def is_stamp_label(text: str) -> bool:
    """True for a bare "Updated" or "Published on": a timestamp whose date the scraper lost."""
    if len(text) > 40:
        return False
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    return 0 < len(tokens) <= 3 and all(t in _STAMP for t in tokens) and any(t in _STAMP_LABELS for t in tokens)


def stamp_kind(text: str) -> str | None:
    """Which metadata field a timestamp line gives: "updated" or "published"; None without a date."""
    if not _HAS_DATE.search(text):
        return None
    return "updated" if _UPDATED.match(text) else "published"
