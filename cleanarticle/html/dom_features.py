"""DOM features of each visible line of a page: what the main-content model (`dom_model`) reads.

A `Blocks` observer rides along `visible.visible_lines`' walk (no second walk): for every block
element it keeps a record (tag, parent, the tags of its ancestors as flags, the score of the
class/id/role words of it and its ancestors, depth), and for every line the block that holds it
and how much of its text sits inside links. `features` then gives one row per candidate line:
the text-path line features (`content.features`: words, sentence ends, stop words, position,
neighbours) beside link density, tag, ancestor flags, class/id scores, depth, the words and link
density of the block's parent and grandparent, and the same of the neighbouring lines. Linear in
the page: one pass over the records and numpy over the lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from selectolax.lexbor import LexborNode

from ..content import features as text_features
from . import dom_tokens
from .prune import words_of
from .visible import _BLOCKS

# Ancestor (or self) tags, one flag each.
FLAGS = ("article", "main", "aside", "nav", "header", "footer", "form", "list", "table", "figure", "quote", "section")
_FLAG_OF = {
    "article": 0, "main": 1, "aside": 2, "nav": 3, "header": 4, "footer": 5, "form": 6, "fieldset": 6,
    "ul": 7, "ol": 7, "dl": 7, "menu": 7, "table": 8, "figure": 9, "blockquote": 10, "section": 11,
}
# The kind of the block that holds a line.
KINDS = ("p", "item", "row", "div", "quote", "pre", "caption")
_KIND_OF = {
    "p": 0, "li": 1, "dd": 1, "dt": 1, "tr": 2, "td": 2, "th": 2, "table": 2, "tbody": 2, "thead": 2, "tfoot": 2,
    "div": 3, "section": 3, "article": 3, "main": 3, "center": 3, "blockquote": 4, "pre": 5, "figcaption": 6, "caption": 6,
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_NEAR = 3  # ancestors whose words make the "near" class score
DOM = (
    "link_density", "heading", *(f"kind_{k}" for k in KINDS), *(f"in_{f}" for f in FLAGS),
    "class_own", "class_near", "class_all", "class_positive", "class_negative", "log_depth",
    "block_words", "block_link", "parent_words", "parent_link", "parent_lines", "parent_share",
    "grand_words", "grand_link", "same_parent_prev", "same_parent_next",
    "prev_link_density", "next_link_density", "window3_link_density", "prev_class_near", "next_class_near",
)
NAMES = tuple(f"text_{name}" for name in text_features.NAMES) + DOM


def class_score(node: LexborNode) -> tuple[int, int]:
    """(positive, negative) weight of the words of `node`'s class, id, role and itemprop."""
    attributes = node.attributes
    positive = negative = 0
    for name in ("class", "id"):
        value = attributes.get(name)
        if value:
            words = words_of(value)
            positive += any(w in dom_tokens.POSITIVE for w in words)
            negative += any(w in dom_tokens.NEGATIVE for w in words)
    for name in ("role", "itemprop"):
        value = (attributes.get(name) or "").strip().lower()
        if value:
            positive += 2 * (value in dom_tokens.STRONG_POSITIVE)
            negative += 2 * (value in dom_tokens.STRONG_NEGATIVE)
    return positive, negative


@dataclass
class Blocks:
    """The `visible.Observer` that records the block elements and, for each line, its block and link text."""

    tag: list[str] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)
    flags: list[int] = field(default_factory=list)
    own: list[int] = field(default_factory=list)  # positive minus negative of the element itself
    near: list[int] = field(default_factory=list)  # ... of it and its `_NEAR` nearest block ancestors
    positive: list[int] = field(default_factory=list)  # summed over it and all its ancestors
    negative: list[int] = field(default_factory=list)
    depth: list[int] = field(default_factory=list)
    line_block: list[int] = field(default_factory=list)
    line_chars: list[int] = field(default_factory=list)
    line_links: list[int] = field(default_factory=list)
    _stack: list[int] = field(default_factory=lambda: [-1])
    _in_link: int = 0
    _chars: int = 0
    _links: int = 0

    def element(self, node: LexborNode, entering: bool) -> None:
        tag = node.tag or ""
        if tag == "a":
            self._in_link += 1 if entering else -1
            return
        if tag not in _BLOCKS or tag == "br":
            return
        if not entering:
            if len(self._stack) > 1:
                self._stack.pop()
            return
        up = self._stack[-1]
        positive, negative = class_score(node)
        score = positive - negative
        flag = 1 << _FLAG_OF[tag] if tag in _FLAG_OF else 0
        near, above = score, up
        for _ in range(_NEAR):
            if above < 0:
                break
            near += self.own[above]
            above = self.parent[above]
        self.tag.append(tag)
        self.parent.append(up)
        self.flags.append(flag | (self.flags[up] if up >= 0 else 0))
        self.own.append(score)
        self.near.append(near)
        self.positive.append(positive + (self.positive[up] if up >= 0 else 0))
        self.negative.append(negative + (self.negative[up] if up >= 0 else 0))
        self.depth.append(self.depth[up] + 1 if up >= 0 else 1)
        self._stack.append(len(self.tag) - 1)

    def text(self, text: str) -> None:
        size = len(text.strip())
        self._chars += size
        if self._in_link:
            self._links += size

    def line(self, kept: bool) -> None:
        if kept:
            self.line_block.append(self._stack[-1])
            self.line_chars.append(self._chars)
            self.line_links.append(self._links)
        self._chars = self._links = 0


def _totals(blocks: Blocks, lines: Sequence[int], words: np.ndarray, links: np.ndarray) -> tuple[np.ndarray, ...]:
    """Per record (plus a last row for the page itself): words, link words and lines of the
    candidate lines under it. Records come in document order, so a parent precedes its children."""
    n = len(blocks.tag)
    own_words = np.zeros(n + 1)
    own_links = np.zeros(n + 1)
    own_lines = np.zeros(n + 1)
    at = np.array([blocks.line_block[i] for i in lines], dtype=np.intp)
    at[at < 0] = n
    np.add.at(own_words, at, words)
    np.add.at(own_links, at, links)
    np.add.at(own_lines, at, 1.0)
    parents = blocks.parent
    for record in range(n - 1, -1, -1):
        up = parents[record] if parents[record] >= 0 else n
        own_words[up] += own_words[record]
        own_links[up] += own_links[record]
        own_lines[up] += own_lines[record]
    return own_words, own_links, own_lines


def features(blocks: Blocks, texts: Sequence[str], lines: Sequence[int]) -> np.ndarray:
    """One row of `NAMES` per candidate line: `lines` are their indices among the visible lines
    the walk recorded (the lines outside pruned furniture), `texts` their texts."""
    m = len(lines)
    if not m:
        return np.zeros((0, len(NAMES)))
    text_rows = text_features.features(texts)
    words = np.expm1(text_rows[:, 0])
    chars = np.array([blocks.line_chars[i] for i in lines], dtype=float)
    link_density = np.minimum(np.array([blocks.line_links[i] for i in lines], dtype=float) / np.maximum(chars, 1.0), 1.0)
    totals_words, totals_links, totals_lines = _totals(blocks, lines, words, words * link_density)
    n = len(blocks.tag)
    parent_of = np.array([*blocks.parent, -1], dtype=np.intp)
    parent_of[parent_of < 0] = n
    block = np.array([blocks.line_block[i] for i in lines], dtype=np.intp)
    block[block < 0] = n
    parent = parent_of[block]
    grand = parent_of[parent]
    record = np.minimum(block, n - 1) if n else block
    has = (block < n).astype(float)

    def column(values: list[int]) -> np.ndarray:
        return np.array(values, dtype=float)[record] * has if n else np.zeros(m)

    def density(at: np.ndarray) -> np.ndarray:
        return totals_links[at] / np.maximum(totals_words[at], 1.0)

    tags = [blocks.tag[b] if b < n else "" for b in block]
    kinds = np.zeros((m, len(KINDS)))
    for row, tag in enumerate(tags):
        if tag in _KIND_OF:
            kinds[row, _KIND_OF[tag]] = 1.0
    flag_bits = column(blocks.flags).astype(np.int64)
    flags = np.column_stack([(flag_bits >> bit) & 1 for bit in range(len(FLAGS))]).astype(float)
    near = column(blocks.near)
    same = (parent[1:] == parent[:-1]).astype(float)
    page_words = max(float(totals_words[n]), 1.0)
    dom = np.column_stack(
        [
            link_density,
            np.array([_HEADINGS.get(tag, 0) for tag in tags], dtype=float),
            kinds,
            flags,
            column(blocks.own),
            near,
            column([p - q for p, q in zip(blocks.positive, blocks.negative)]),
            column(blocks.positive),
            column(blocks.negative),
            np.log1p(column(blocks.depth)),
            np.log1p(totals_words[block]),
            density(block),
            np.log1p(totals_words[parent]),
            density(parent),
            np.log1p(totals_lines[parent]),
            totals_words[parent] / page_words,
            np.log1p(totals_words[grand]),
            density(grand),
            np.concatenate(([0.0], same)),
            np.concatenate((same, [0.0])),
            text_features.shift(link_density, 1),
            text_features.shift(link_density, -1),
            text_features.window(link_density, 1),
            text_features.shift(near, 1),
            text_features.shift(near, -1),
        ]
    )
    return np.hstack([text_rows, dom])
