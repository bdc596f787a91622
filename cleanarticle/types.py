"""Value types shared by every layer: lines, removals, metadata and results.

All are immutable, so that they are hashable and safe to pass between processes; this module
imports nothing outside the standard library.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple


class Line(NamedTuple):
    """One line of the normalised source, with its offsets.

    `start`..`end` is the line's text; `stop` is where the next line starts (past the
    newline), so removing `start`..`stop` removes the whole line. A named tuple rather than
    a frozen dataclass: one is built per line of every document, and a tuple builds ~20×
    faster.
    """

    index: int  # type: ignore[assignment]  # shadows tuple.index, as a field of a NamedTuple may
    start: int
    end: int
    stop: int
    text: str
    key: str
    words: int

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(frozen=True, slots=True)
class Removal:
    """A span of `CleanResult.source` that a filter removed, and why."""

    start: int
    end: int
    filter: str
    reason: str
    detail: str = ""

    def __reduce__(self) -> tuple[Any, ...]:
        return _fields_reduce(self)

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "filter": self.filter,
            "reason": self.reason,
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class Field:
    """A metadata value and the span of the source it was read from."""

    value: str
    start: int
    end: int

    def __reduce__(self) -> tuple[Any, ...]:
        return _fields_reduce(self)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the cleaner learned about the article: title, author, dates and outlet.

    Each value carries the span of the source it came from (`Field.start`/`end`).
    """

    title: Field | None = None
    author: Field | None = None
    published: Field | None = None
    updated: Field | None = None
    outlet: Field | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return _fields_reduce(self)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name in ("title", "author", "published", "updated", "outlet"):
            value = getattr(self, name)
            if value is not None:
                out[name] = {"value": value.value, "start": value.start, "end": value.end}
        return out


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The clean text, the normalised source it was cut from, and the ledger of cuts."""

    text: str
    source: str
    removals: tuple[Removal, ...] = ()
    metadata: Metadata = field(default_factory=Metadata)

    def __reduce__(self) -> tuple[Any, ...]:
        return _fields_reduce(self)

    def removed_text(self, removal: Removal) -> str:
        return self.source[removal.start : removal.end]

    def counts(self) -> Counter[tuple[str, str]]:
        """How many removals each (filter, reason) made: what run summaries and adapters count."""
        return Counter((removal.filter, removal.reason) for removal in self.removals)


def _fields_reduce(value: Any) -> tuple[Any, ...]:
    """Pickle a frozen, slotted dataclass (or a subclass that adds fields) as its class and its
    field values in order: the default pickling of slotted dataclasses sets each field through
    `object.__setattr__` and costs several times as much, and results cross processes by the
    thousand."""
    return type(value), tuple(getattr(value, item.name) for item in fields(value))
