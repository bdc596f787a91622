"""cleanarticle: strip scraped cruft from news articles and say what was removed, and why."""

from __future__ import annotations

from functools import cache

from .pipeline import ConfigError, Pipeline
from .types import CleanResult, Field, Line, Metadata, Removal

__version__ = "0.1.0"

__all__ = [
    "CleanResult",
    "ConfigError",
    "Field",
    "Line",
    "Metadata",
    "Pipeline",
    "Removal",
    "clean",
    "clean_and_explain",
]


@cache
def _default() -> Pipeline:
    return Pipeline.default()


def clean(text: str) -> str:
    """The article alone: `text` with the default pipeline's removals cut out."""
    return _default().run(text).text


def clean_and_explain(text: str, url: str | None = None) -> CleanResult:
    """Clean `text` and return the source, every removal with its reason, and metadata."""
    return _default().run(text, url)
