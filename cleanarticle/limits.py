"""The limits that bound the work spent on one document, whatever it holds.

A crawl holds pages no article needs: markup nested 200,000 deep, a table row of 200,000 cells,
hundreds of thousands of elements. Parsers slow down quadratically on them (Lexbor with nesting,
trafilatura with cells per row) and libxml2 drops everything below 255 levels. Past a limit the
page is made smaller before any parser sees it (`html.bounds`), and every cut is recorded as a
`PrunedNode`, so that the work per document stays bounded and nothing goes unsaid.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-document limits; the defaults sit far above any real news page.

    max_html_bytes: a page longer than this (bytes, or characters when given `str`) is cut at
        the tag boundary before the limit; the rest is recorded as one pruned node.
    max_html_depth: elements opened deeper than this below `<body>` lose their tags (their text
        stays, in the element at the limit); libxml2, under trafilatura, gives up at 256.
    max_html_nodes: elements after this many lose their tags (text stays; scripts, styles and
        comments go whole), so that the parsers' work stays bounded (trafilatura takes about
        3 s per 50,000 paragraphs).
    max_row_cells: table cells after this many in one row lose their tags (text stays).
    window_chars, window_lines: text (plain, or extracted from a page) is cleaned in windows of
        at most this many characters and lines, cut at line ends, so that memory follows the
        window (Python objects per line cost some 600 bytes) rather than the text; no article
        comes near one window. Position-aware filters see a window as a whole text.
    """

    max_html_bytes: int = 20_000_000  # the largest page of the corpora is under 2 MB
    max_html_depth: int = 200  # the deepest page of the corpora: 54
    max_html_nodes: int = 30_000  # the most elements on a page of the corpora: 9,885
    max_row_cells: int = 500
    window_chars: int = 2_000_000
    window_lines: int = 100_000  # some 60 MB of Python objects at most

    def __post_init__(self) -> None:
        for name in ("max_html_bytes", "max_html_depth", "max_html_nodes", "max_row_cells", "window_chars", "window_lines"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"Limits.{name} must be a positive integer, got {value!r}")
