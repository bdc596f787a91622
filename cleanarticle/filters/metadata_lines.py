"""Metadata lines near the top: bylines, timestamps, outlet labels; parsed into metadata."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..registry import register
from ..types import Field, Line, Removal
from .base import Filter, View, remove_each
from .phrases import words

# Runs of letters, or of digits: the standard `re` (several times faster per call here) spells
# \p{L} as "word characters but digits and _" (which keeps the rare other numerals, "²").
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_MAX_STAMP_CHARS = 160  # the longest timestamps, bilingual ones included, are far shorter
_MONTHS = frozenset(words("metadata", "months"))
_WEEKDAYS = frozenset(words("metadata", "weekdays"))
_RELATIVE = frozenset(words("metadata", "relative"))
_STAMP = frozenset(w for entry in words("metadata", "stamp") for w in entry.split())
_STAMP_LABELS = frozenset(words("metadata", "stamp_labels"))
_BY = words("metadata", "by")
_ROLE = regex.compile(rf"\b(?:{'|'.join(words('metadata', 'roles'))})s?\b", regex.IGNORECASE)
# "Somini Sengupta is the international climate reporter for The Times."
_AUTHOR_BIO = regex.compile(
    r"^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,2}\s+(?:is|was|covers|writes|reports)\b.{0,160}$"
)
_NAME_HEAD = regex.compile(r"^(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,2})\s+")
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
# "Le Monde avec AFP", "Staff and agencies": an outlet credited together with a news agency.
_WIRES = "afp reuters ap dpa efe ansa agencies agences agenturen wires".split()
_WIRE_ENDS = frozenset(_WIRES)  # a line whose key ends otherwise skips _WIRE_CREDIT
_WIRE_CREDIT = regex.compile(
    rf"^[\p{{L}}.'’ -]{{2,40}}\s(?:with|and|avec|et|mit|und|con|y|com|e)\s(?i:{'|'.join(_WIRES)})$"
)
# "admin on 12 March 2024" after a by-word: a name or handle, then the date.
_NAME_ON_DATE = regex.compile(r"^(?P<name>.+?)\s+(?i:on|am|le|el|il|op|em|at)\s+(?P<date>.+)$")
_BY_LINE = regex.compile(rf"^(?i:{'|'.join(_BY)})\s*:?\s+(?P<rest>.+)$")
# "Posted on June 12, 2025 by Emma Baker": a timestamp, then a by-word and the names.
_STAMP_BY = regex.compile(rf"^(?P<stamp>.+?)\s+(?i:{'|'.join(_BY)})\s+(?P<rest>.+)$")
_SEPARATOR = regex.compile(r"\s*(?:[·•|]|\s[–—-]\s|,\s)\s*")
_NAME_BREAKS = regex.compile(r"[\s,;]+")
_NAME_WORD = regex.compile(r"^(?:\p{Lu}[\p{L}.'’-]*|[\p{Lu}]\.?|@\w+)$")
_CONNECTORS = frozenset(
    "and & und et y e en og och i of de da di du van von der den la le al bin ibn dos das del".split()
)
_TERMINAL = (".", "!", "?", "”", '"', "»", ":")
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


def _names(text: str) -> bool:
    """True when `text` is capitalised names joined by connectors: "Jane Doe and John Roe"."""
    tokens = [t for t in _NAME_BREAKS.split(text.strip(" ,;")) if t]
    if not tokens or len(tokens) > 10 or tokens[0].lower() in _CONNECTORS:
        return False
    return all(_NAME_WORD.match(t) or t.lower() in _CONNECTORS for t in tokens)


def parse_byline(text: str) -> tuple[str, str] | None:
    """(author, outlet) from a byline, or None if `text` is not one.

    Reads "By Jane Doe", "By Jane Doe, Reuters", "Jane Doe · Stocktwits", "Author: Jane Doe".
    """
    if text.endswith(_TERMINAL) or len(text.split()) > 14:
        return None
    stamped = _STAMP_BY.match(text)
    if stamped and is_timestamp(stamped.group("stamp")) and _names(stamped.group("rest")):
        return stamped.group("rest"), ""
    match = _BY_LINE.match(text)
    if match:
        dated = _NAME_ON_DATE.match(match.group("rest"))
        if dated and is_timestamp(dated.group("date")) and len(dated.group("name").split()) <= 4:
            return dated.group("name"), ""
    body = match.group("rest") if match else text
    parts = [p for p in _SEPARATOR.split(body) if p]
    if not parts:
        return None
    if match:
        head = parts[0]
        if not _names(head):
            return None
        rest = [p for p in parts[1:] if not is_timestamp(p)]
        return head, rest[0] if rest and _names(rest[0]) else ""
    if len(parts) == 2 and _names(parts[0]) and _names(parts[1]) and len(parts[0].split()) >= 2:
        return parts[0], parts[1]
    return _name_and_role(text)


def _name_and_role(text: str) -> tuple[str, str] | None:
    """A name followed by a job title: "Denis Campbell Health policy editor" → its first two words.

    The split between name and title is ambiguous ("Health" is capitalised too); most names
    have two words, so those are taken as the author.
    """
    if len(text.split()) > 8 or not _ROLE.search(text):
        return None
    head = _NAME_HEAD.match(text)
    if head is None or _ROLE.search(head.group(1).split()[1]):
        return None
    return " ".join(head.group(1).split()[:2]), ""


def is_label(line: Line, max_words: int = 3) -> bool:
    """A short name-like line without punctuation: an outlet or section label in the header."""
    return 0 < line.words <= max_words and not line.text.endswith(_TERMINAL) and not line.text[0].islower()


@register("metadata_lines")
@dataclass(frozen=True, slots=True)
class MetadataLines(Filter):
    """Bylines, timestamps and outlet labels in the first lines; they become metadata.

    Also, after the last paragraph: a lone name (the author's signature) and an author's bio.

    Removes: "By Jane Doe and John Roe, Reuters", "Updated Jul 02, 2025 | 8:31 PM GMT-04"
    Keeps:   "By Tuesday, the talks had collapsed." (a sentence, not names)
    """

    reasons: ClassVar[tuple[str, ...]] = ("byline", "timestamp", "header_label", "author_signature", "author_bio")
    contextual: ClassVar[bool] = True

    window: int = 15
    body_words: int = 12
    max_meta_words: int = 30  # no timestamp (24 tokens at most), dateline or byline (14 words) is longer
    max_label_words: int = 3  # an outlet or section label in the header
    max_signature_words: int = 4  # a lone name after the last paragraph

    def metadata(self, view: View, removals: Sequence[Removal]) -> dict[str, Field]:
        """Author and outlet from the bylines removed, published or updated from the timestamps,
        outlet from a header label; the first of each wins."""
        source = view.source
        found: dict[str, Field] = {}
        for removal in removals:
            text = source[removal.start : removal.end].strip()
            if removal.reason == "byline":
                parsed = parse_byline(text)
                if parsed:
                    author, outlet = parsed
                    found.setdefault("author", _field(source, author, removal.start, removal.end))
                    if outlet:
                        found.setdefault("outlet", _field(source, outlet, removal.start, removal.end))
            elif removal.reason == "timestamp" and _HAS_DATE.search(text):
                name = "updated" if _UPDATED.match(text) else "published"
                found.setdefault(name, _field(source, text, removal.start, removal.end))
            elif removal.reason == "header_label":
                found.setdefault("outlet", _field(source, text, removal.start, removal.end))
        return found

    def find(self, view: View) -> Iterator[Removal]:
        lines = view.lines
        content = view.content()
        head, found = self._head(lines, content)
        for position in self._labels(view, head, found):
            found[position] = "header_label"
        if len(content) >= 3:
            for position, reason in self._signature(lines, content).items():
                found.setdefault(position, reason)
        yield from remove_each(lines, found, self.name)

    def _signature(self, lines: tuple[Line, ...], content: list[int]) -> dict[int, str]:
        """Author lines ending the text: a lone name, or "Name is a reporter ...".

        Only when every line after the last paragraph is one of them: a capitalised
        two-word line before other short lines is more likely a heading ("Most Read").
        """
        found: dict[int, str] = {}
        for position in reversed(content):
            line = lines[position]
            if _AUTHOR_BIO.match(line.text) and _ROLE.search(line.text):
                found[position] = "author_bio"
            elif 2 <= line.words <= self.max_signature_words and not line.text.endswith(_TERMINAL) and _names(line.text):
                found[position] = "author_signature"
            elif line.text.endswith(_TERMINAL) or line.words >= self.body_words:
                return found
            else:
                return {}
        return {}

    def _head(self, lines: tuple[Line, ...], content: list[int]) -> tuple[list[int], dict[int, str]]:
        """The content lines up to the `window`-th that is not metadata, or to the second body
        paragraph (a standfirst may come first, bylines and dates after it), and the metadata
        lines among them (position → reason).

        Metadata lines do not count towards the window: once they are removed, a second run
        sees the same lines in its window, and finds nothing more (a top block of 40 archive
        dates goes in one run, not 15 at a time).
        """
        head: list[int] = []
        found: dict[int, str] = {}
        kept = bodies = 0
        for position in content:
            line = lines[position]
            if kept == self.window:
                break
            if _is_body(line, self.body_words):
                bodies += 1
                if bodies == 2:
                    break
            head.append(position)
            reason = None if position == content[0] and is_title(line) else self._reason(line)
            if reason:
                found[position] = reason
            else:
                kept += 1
        return head, found

    def _reason(self, line: Line) -> str | None:
        if line.words > self.max_meta_words:
            return None
        if is_timestamp(line.text) or is_stamp_label(line.text) or is_dateline(line.text):
            return "timestamp"
        if line.key.rpartition(" ")[2] in _WIRE_ENDS and _WIRE_CREDIT.match(line.text):
            return "byline"
        if parse_byline(line.text) is not None:
            return "byline"
        return None

    def _labels(self, view: View, head: list[int], found: dict[int, str]) -> list[int]:
        """Label lines chained by direct adjacency (no blank line between) to a found line."""
        lines = view.lines
        inside = set(head[1:])
        taken = set(found)
        grew = True
        while grew:
            grew = False
            for position in sorted(inside - taken):
                if is_label(lines[position], self.max_label_words) and (position - 1 in taken or position + 1 in taken):
                    taken.add(position)
                    grew = True
        return sorted(taken - set(found))


def _field(source: str, value: str, start: int, end: int) -> Field:
    """`value` with its span, found inside the removed span [start, end) when it is there."""
    at = source.find(value, start, end)
    return Field(value, at, at + len(value)) if at >= 0 else Field(value, start, end)


def _is_body(line: Line, min_words: int) -> bool:
    """A paragraph of prose: long enough, and ending like a sentence."""
    return line.words >= min_words and line.text.endswith(_TERMINAL)


def is_title(line: Line) -> bool:
    """The first line reads as a headline: short, and not a finished sentence."""
    return 0 < line.words <= 30 and not line.text.endswith((".", ":"))
