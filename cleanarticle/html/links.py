"""The page's links: for `link_teasers`, the texts of the links to other pages; for
`edge_chrome`, the texts of short links and buttons (what a call to action is made of).

Links to the same page (`#...`, tables of contents) and links of 3 words or fewer are not
teasers (docs/decisions.md).
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from ..filters.link_teasers import MIN_WORDS
from ..text import line_key
from .prune import words_of

# Links that stay on the page (tables of contents, section permalinks) or run script.
_IN_PAGE = ("#", "javascript:")


def anchor_keys(root: LexborNode, min_words: int = MIN_WORDS, max_words: int | None = None) -> frozenset[str]:
    """Normalised texts of the links to other pages under `root`, of at least `min_words` words
    (and at most `max_words`), the headline's excepted."""
    keys = set()
    for node in root.css("a[href]"):
        href = (node.attributes.get("href") or "").strip()
        if href.startswith(_IN_PAGE) or not href:
            continue
        text = node.text(deep=True, separator=" ")
        words = len(text.split())
        if min_words <= words and (max_words is None or words <= max_words) and not _in_headline(node):
            keys.add(line_key(text))
    return frozenset(keys)


def button_keys(root: LexborNode, max_words: int) -> frozenset[str]:
    """Normalised texts of the short links to other pages and of the buttons under `root`."""
    buttons = {line_key(node.text(deep=True, separator=" ")) for node in root.css("button, [role=button]")}
    short = {key for key in buttons if key and len(key.split()) <= max_words}
    return anchor_keys(root, 1, max_words) | frozenset(short)


def _in_headline(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html"):
        if parent.tag == "h1":
            return True
        parent = parent.parent
    return False


def box_keys(root: LexborNode, words: frozenset[str], max_words: int) -> frozenset[str]:
    """Normalised texts of the blocks in the page's small call-to-action boxes: nodes of at most
    `max_words` words whose class or id holds one of `words`; not the headline's (`h1`)."""
    keys: set[str] = set()
    selector = ", ".join(f'[class*="{word}" i], [id*="{word}" i]' for word in sorted(words))  # the few candidates, found in C
    for node in root.css(selector):
        value = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if not words.intersection(words_of(value)):
            continue
        text = node.text(deep=True, separator=" ")
        if len(text.split()) > max_words:
            continue
        for block in (node, *node.css("*")):
            key = line_key(block.text(deep=True, separator=" "))
            if any(c.isalpha() for c in key):
                keys.add(key)
    headlines = {line_key(node.text(deep=True, separator=" ")) for node in root.css("h1")}
    return frozenset(keys - headlines)  # a promo box may repeat the headline, which stays
