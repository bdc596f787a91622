"""Assemble `Metadata`: the title from the first kept line, the rest from the filters' hooks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .lines import is_title
from .types import Field, Line, Metadata


def extract(kept: Sequence[Line], found: Mapping[str, Field]) -> Metadata:
    """Title from the first kept line (when it reads as one); the fields the filters read
    from what they removed (`Filter.metadata`) for the rest."""
    fields = dict(found)
    first = next((line for line in kept if line.text), None)
    if first is not None and is_title(first):
        fields["title"] = Field(first.text, first.start, first.end)
    return Metadata(**fields)
