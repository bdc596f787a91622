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


class Extracted(NamedTuple):
    """The text exactly as `trafilatura.extract(output_format="txt")` gives it, and its tree."""

    text: str
    body: Any  # an lxml element (trafilatura's TEI-like <body>), or None


def extract_document(
    html: str, url: str | None = None, favor_precision: bool = False, *, links: bool = False, images: bool = False
) -> Extracted:
    """The main text of `html` (blocks separated by newlines; "" when there is none) and its tree.

    With `links` or `images` the text holds them as Markdown (`[text](url)`, `![alt](src)`)."""
    options = Extractor(
        output_format="txt", comments=False, tables=True, precision=favor_precision, url=url, links=links, images=images
    )
    document = bare_extraction(html, options=options, as_dict=False)
    if not isinstance(document, Document) or document.body is None:
        return Extracted("", None)
    return Extracted(determine_returnstring(document, options) or "", document.body)


def extract_text(html: str, url: str | None = None, favor_precision: bool = False) -> str:
    """The main text of `html`, blocks separated by newlines; "" when trafilatura finds none."""
    return extract_document(html, url, favor_precision).text


def block_text(element: Any) -> str:
    """One element of the tree as the plain text the whole extraction gives it."""
    return xmltotxt(element, False)
