"""The page's links for the `link_teasers` filter: the texts of the links to other pages.

Links to the same page (`#...`, tables of contents) and links of 3 words or fewer are not
teasers (docs/decisions.md).
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from ..filters.link_teasers import MIN_WORDS
from ..text import line_key

# Links that stay on the page (tables of contents, section permalinks) or run script.
_IN_PAGE = ("#", "javascript:")


def anchor_keys(root: LexborNode, min_words: int = MIN_WORDS) -> frozenset[str]:
    """Normalised texts of the links to other pages under `root`, of at least `min_words` words, the headline's excepted."""
    keys = set()
    for node in root.css("a[href]"):
        href = (node.attributes.get("href") or "").strip()
        if href.startswith(_IN_PAGE) or not href:
            continue
        text = node.text(deep=True, separator=" ")
        if len(text.split()) >= min_words and not _in_headline(node):
            keys.add(line_key(text))
    return frozenset(keys)


def _in_headline(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html"):
        if parent.tag == "h1":
            return True
        parent = parent.parent
    return False
