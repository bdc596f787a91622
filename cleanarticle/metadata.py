"""Assemble `Metadata` from the title line and the lines `metadata_lines` removed."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .filters.metadata_lines import is_title, parse_byline
from .types import Field, Line, Metadata, Removal

_UPDATED = regex.compile(r"^\W*(?:updated|last updated|modified|aktualisiert|mis à jour|actualizado|aggiornato)\b", regex.I)
_HAS_DATE = regex.compile(r"\d")


def _field(source: str, value: str, start: int, end: int) -> Field:
    at = source.find(value, start, end)
    return Field(value, at, at + len(value)) if at >= 0 else Field(value, start, end)


def extract(source: str, kept: Sequence[Line], removals: Sequence[Removal]) -> Metadata:
    """Title from the first kept line; author, dates and outlet from removed metadata lines."""
    found: dict[str, Field] = {}
    first = next((line for line in kept if line.text), None)
    if first is not None and first.index == 0 and is_title(first):
        found["title"] = Field(first.text, first.start, first.end)
    for removal in removals:
        if removal.filter != "metadata_lines":
            continue
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
    return Metadata(**found)
