"""The HTML path: decode, prune furniture with selectolax, extract with trafilatura, clean the text.

`clean_html_and_explain` returns an `HtmlResult`: a `CleanResult` of the text pipeline run on
the extracted text (so `apply_removals(source, removals) == text` holds as for text input), plus
the nodes pruned from the page before extraction (they have no offsets in `source`), and, when
the text is empty, why. The pipeline's page-aware step, `link_teasers`, gets the page's link
texts (`links.anchor_keys`): lines that are the text of a link on the page go, and the headings
of such blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from selectolax.lexbor import LexborHTMLParser

from ..blocks import Style
from ..filters.link_teasers import LinkTeasers
from ..limits import Limits
from ..pipeline import Pipeline
from ..text import split_lines
from ..types import CleanResult, Field, Metadata
from .bounds import bound, cap
from .decode import decode
from .extract import extract_document
from .links import anchor_keys
from .meta import page_metadata
from .prune import PrunedNode
from .prune import prune as prune_page
from .structure import line_styles

__all__ = ["HtmlResult", "PrunedNode", "clean_html", "clean_html_and_explain"]


@dataclass(frozen=True, slots=True)
class HtmlResult(CleanResult):
    """A `CleanResult` for an HTML page: also the pruned nodes, and why the text is empty.

    `empty_reason` is "" when there is text, else a stable code: "empty_input" (nothing or only
    whitespace came in), "no_article_text" (no article text found in the page) or
    "all_text_removed" (the text filters removed every line; `removals` say which and why).
    """

    pruned: tuple[PrunedNode, ...] = ()
    empty_reason: str = ""
    styles: tuple[Style, ...] = ()  # the block of each line of `source` (`structure.line_styles`)
    language: str = ""  # the page's declared language (<html lang>), "" when it declares none


_TEXT_FIRST = frozenset({"author", "outlet"})


@cache
def _default() -> Pipeline:
    """The default text pipeline less `duplicates`: trafilatura already keeps a block once, and on
    extracted text the step only cost article lines (docs/decisions.md)."""
    pipeline = Pipeline.default()
    return pipeline.without("duplicates") if "duplicates" in pipeline.names else pipeline


def _field(value: str, source: str) -> Field:
    """`value` with its span in `source`, or (-1, -1) when the text does not contain it."""
    for line in split_lines(source):
        if line.text == value:  # a whole line, not a substring ("T" is in every "The")
            return Field(value, line.start, line.end)
    return Field(value, -1, -1)


def merge_metadata(page: dict[str, str], found: Metadata, source: str) -> Metadata:
    """Title and dates as the page declares them; author and outlet as found in the text when they are.

    Each declared value gets its span in the text when the text contains it, else (-1, -1). A
    declared author or outlet that the text does not contain gives way to the one the text
    pipeline read from a byline (with its span); the pipeline's title (the first line) is kept
    only when the page declares none, since the first extracted line is often not the headline.
    """
    fields = {}
    for name in ("title", "author", "published", "updated", "outlet"):
        value = page.get(name)
        declared = _field(value, source) if value else None
        own = getattr(found, name)
        if declared is None or (own is not None and declared.start < 0 and name in _TEXT_FIRST):
            fields[name] = own
        else:
            fields[name] = declared
    return Metadata(**fields)


def clean_html_and_explain(
    html: str | bytes, url: str | None = None, *, pipeline: Pipeline | None = None, limits: Limits | None = None
) -> HtmlResult:
    """Clean an HTML page: the article text, the text removals, the pruned nodes and page metadata.

    `limits` (default `Limits()`) bound the page's size, depth, elements and cells per row; what
    they cut comes first in `pruned`."""
    limits = limits or Limits()
    page, bounded = bound(decode(cap(html, limits)), limits, capped=len(html) > limits.max_html_bytes)
    if not page.strip():
        return HtmlResult("", "", empty_reason="empty_input")
    tree = LexborHTMLParser(page)
    declared = page_metadata(tree)
    language = _language(tree)
    pruned = bounded + prune_page(tree)
    text, body = extract_document(tree.html or "", url)
    if not text.strip():
        metadata = merge_metadata(declared, Metadata(), "")
        return HtmlResult("", "", metadata=metadata, pruned=pruned, empty_reason="no_article_text", language=language)
    root = tree.body or tree.root
    pipeline = pipeline or _default()
    if "page_furniture" in pipeline.names:  # the extractor has already chosen the main text
        pipeline = pipeline.without("page_furniture")
    if LinkTeasers.name in pipeline.names:
        anchors = anchor_keys(root) if root is not None else frozenset()
        teasers = next(s for s in pipeline.steps if isinstance(s, LinkTeasers))
        pipeline = pipeline.replace(LinkTeasers.name, replace(teasers, anchors=anchors))
    result = pipeline.run(text, url, limits=limits)
    metadata = merge_metadata(declared, result.metadata, result.source)
    reason = "" if result.text.strip() else "all_text_removed"
    styles = line_styles(body, result.source)
    return HtmlResult(result.text, result.source, result.removals, metadata, pruned, reason, styles, language)


def _language(tree: LexborHTMLParser) -> str:
    root = tree.root
    value = (root.attributes.get("lang") or root.attributes.get("xml:lang") or "") if root is not None else ""
    return value.strip()[:35]


def clean_html(
    html: str | bytes, url: str | None = None, *, pipeline: Pipeline | None = None, limits: Limits | None = None
) -> str:
    """The article text of an HTML page, cleaned by the text pipeline; "" when there is none."""
    return clean_html_and_explain(html, url, pipeline=pipeline, limits=limits).text
