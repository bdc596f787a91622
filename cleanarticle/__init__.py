"""cleanarticle: strip scraped cruft from news articles and say what was removed, and why."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from .filters.base import Filter, LineFilter, View
from .limits import Limits
from .pipeline import ConfigError, Pipeline
from .registry import register
from .text import apply_removals
from .types import CleanResult, Field, Line, Metadata, Removal

if TYPE_CHECKING:
    from .html import HtmlResult

__version__ = "0.1.0"

__all__ = [
    "CleanResult",
    "ConfigError",
    "Field",
    "Filter",
    "Limits",
    "Line",
    "LineFilter",
    "Metadata",
    "Pipeline",
    "Removal",
    "View",
    "apply_removals",
    "clean",
    "clean_and_explain",
    "clean_html",
    "clean_html_and_explain",
    "register",
]


@cache
def _default() -> Pipeline:
    return Pipeline.default()


def clean(text: str, url: str | None = None, *, pipeline: Pipeline | None = None, limits: Limits | None = None) -> str:
    """The article alone: `text` with the removals of `pipeline` (default: the default one) cut out."""
    return (pipeline or _default()).run(text, url, limits=limits).text


def clean_and_explain(
    text: str, url: str | None = None, *, pipeline: Pipeline | None = None, limits: Limits | None = None
) -> CleanResult:
    """Clean `text` and return the source, every removal with its reason, and metadata; `limits`
    (default `Limits()`) set the window a long text is cleaned in."""
    return (pipeline or _default()).run(text, url, limits=limits)


def clean_html(
    html: str | bytes,
    url: str | None = None,
    *,
    pipeline: Pipeline | None = None,
    limits: Limits | None = None,
    include_comments: bool = False,
    extractor: str = "trafilatura",
) -> str:
    """The article text of an HTML page, extracted and cleaned ("" when there is none); `limits`
    (default `Limits()`) bound the work on a hostile page; `include_comments` keeps the readers'
    comments found below the article; `extractor` picks the main text: "trafilatura", "model"
    (our DOM model) or "auto" (the model where it is confident)."""
    from .html import clean_html as run  # imported here: trafilatura is slow to import

    return run(html, url, pipeline=pipeline, limits=limits, include_comments=include_comments, extractor=extractor)


def clean_html_and_explain(
    html: str | bytes,
    url: str | None = None,
    *,
    pipeline: Pipeline | None = None,
    limits: Limits | None = None,
    include_comments: bool = False,
    extractor: str = "trafilatura",
) -> HtmlResult:
    """`clean_html` with the text ledger, the pruned page nodes (the cuts of `limits` first),
    page metadata, and why the text is empty when it is."""
    from .html import clean_html_and_explain as run

    return run(html, url, pipeline=pipeline, limits=limits, include_comments=include_comments, extractor=extractor)
