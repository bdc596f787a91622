"""Article text from (pruned) HTML with trafilatura: the only module that imports it.

One line per paragraph, heading, list item or table row, which is what the text pipeline
splits on.
"""

from __future__ import annotations

from trafilatura import extract


def extract_text(html: str, url: str | None = None, favor_precision: bool = False) -> str:
    """The main text of `html`, blocks separated by newlines; "" when trafilatura finds none."""
    text = extract(
        html,
        url=url,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        favor_precision=favor_precision,
    )
    return text or ""
