"""What a cleaned document is written as: `--format text`, `markdown` or `json`.

- text: the clean text; for an HTML page, its blocks separated by a blank line (a list's
  items and a table's rows stay together), since the extractor gives one block per line.
- markdown: the same lines with the page's structure (`markdown`); text input has none, so
  each of its lines is a paragraph.
- json: the text with the document's metadata (title, author, dates, site, language, URL)
  and, with `--explain`, the ledger.
Rendering only lays out what the filters kept; it never decides what goes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import explain, markdown
from .blocks import Media
from .types import CleanResult

FORMATS = ("text", "markdown", "json")
_METADATA_NAMES = {"title": "title", "author": "author", "published": "published", "updated": "updated", "outlet": "site"}


@dataclass(frozen=True, slots=True)
class Output:
    """The chosen format, and whether Markdown keeps links and images."""

    format: str = "text"
    links: bool = False
    images: bool = False
    explain: bool = False


def body(result: CleanResult, output: Output, page: str | bytes | None = None, url: str | None = None) -> str:
    """The clean text of `result` in the chosen format (json gives the text format here).

    `page` is the HTML the result came from; it is read again only for Markdown with links or
    images."""
    styles = getattr(result, "styles", None)
    if output.format == "markdown":
        media: tuple[Media, ...] = ()
        if page is not None and styles is not None and (output.links or output.images):
            from .html.media import line_media

            media = line_media(page, result.source, url, links=output.links, images=output.images)
        return markdown.render(result.source, result.text, styles or (), media)
    if styles is not None:
        return markdown.plain(result.source, result.text, styles)
    return result.text


def metadata(result: CleanResult, url: str | None = None) -> dict[str, str | None]:
    """Title, author, published, updated, site, language and URL (None when unknown)."""
    found: dict[str, str | None] = {}
    for name, key in _METADATA_NAMES.items():
        value = getattr(result.metadata, name)
        found[key] = value.value if value is not None else None
    found["language"] = getattr(result, "language", "") or None
    found["url"] = url
    return found


def json_fields(result: CleanResult, output: Output, url: str | None = None) -> dict[str, Any]:
    """The fields `--format json` adds to a record: metadata, and with `--explain` the ledger
    (removals with their text, and an HTML page's pruned nodes)."""
    fields: dict[str, Any] = {"metadata": metadata(result, url)}
    if output.explain:
        fields.update((key, value) for key, value in explain.explanation(result).items() if key != "metadata")
    return fields
