"""Article text from (pruned) HTML with trafilatura: the only module that imports it.

One line per paragraph, heading, list item or table row, which is what the text pipeline
splits on. `extract_document` also hands back trafilatura's tree of the same extraction, so
the structure (headings, lists, tables, code) can shape the output without a second pass.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from trafilatura import bare_extraction
from trafilatura.core import determine_returnstring
from trafilatura.settings import Document, Extractor
from trafilatura.xml import xmltotxt

from .layout import unwrap_layout_tables


class Extracted(NamedTuple):
    """The text as `trafilatura.extract(output_format="txt")` gives it, and its tree; layout
    tables (`layout.unwrap_layout_tables`) are read as the blocks they hold."""

    text: str
    body: Any  # an lxml element (trafilatura's TEI-like <body>), or None


def extract_document(
    html: str,
    url: str | None = None,
    favor_precision: bool = False,
    *,
    links: bool = False,
    images: bool = False,
    fast: bool = False,
    comments: bool = False,
) -> Extracted:
    """The main text of `html` (blocks separated by newlines; "" when there is none) and its tree.

    With `links` or `images` the text holds them as Markdown (`[text](url)`, `![alt](src)`).
    `fast` skips trafilatura's fallback extractors (readability, jusText); `comments` appends the
    readers' comments that trafilatura finds after the article."""
    options = Extractor(
        output_format="txt", comments=comments, tables=True, precision=favor_precision, url=url, links=links, images=images, fast=fast
    )
    document = bare_extraction(html, options=options, as_dict=False)
    if not isinstance(document, Document) or document.body is None:
        return Extracted("", None)
    unwrap_layout_tables(document.body)
    return Extracted(determine_returnstring(document, options) or "", document.body)


TINY_SHARE = 0.25
FALLBACK_GAIN = 3
"""An extraction holding under `TINY_SHARE` of the words outside the pruned furniture is tiny:
trafilatura, run on the pruned tree, may pick a stray block ("Skip to content", a headline and a
standfirst) or one part of the article over the whole. The HTML path then extracts the page as it
came, and keeps that extraction when it `extends` the tiny one: `FALLBACK_GAIN` times the words,
holding most of the tiny one's lines (the same article, found whole, not another block)."""


def tiny(text: str, page_words: int) -> bool:
    """Whether an extraction of `text` is tiny beside the `page_words` words the page shows outside its furniture."""
    return len(text.split()) < TINY_SHARE * page_words


def extends(found: str, tiny_text: str) -> bool:
    """Whether `found` has `FALLBACK_GAIN` times the words of `tiny_text` and holds most of its lines."""
    if len(found.split()) < FALLBACK_GAIN * len(tiny_text.split()):
        return False
    theirs = {line.strip() for line in found.split("\n")}
    ours = [line.strip() for line in tiny_text.split("\n") if line.strip()]
    return sum(line in theirs for line in ours) * 2 > len(ours)


def extract_text(html: str, url: str | None = None, favor_precision: bool = False) -> str:
    """The main text of `html`, blocks separated by newlines; "" when trafilatura finds none."""
    return extract_document(html, url, favor_precision).text


def block_text(element: Any) -> str:
    """One element of the tree as the plain text the whole extraction gives it."""
    return xmltotxt(element, False)
