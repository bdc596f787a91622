"""Prune non-article nodes from a parsed page with selectolax (Lexbor), recording each one.

Code (scripts, styles, embeds, vectors) always goes. A node also goes when an inline style or
`aria-hidden` hides it from the reader, or its tag, ARIA role or the words of its class and id
(`tokens`) mark it as furniture, unless it holds more than half
of the page's text (a `<nav>` around the whole page, a "footer" class on a wrapper):
Readability's guard against pruning the article, made structural. Words that name a small box
(a newsletter sign-up) prune it only while it is small (`tokens.BOX_WORDS`). Which rules exist, and why
only these, is written in `tokens`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import tokens

RULES = frozenset({"code", "layout", "roles", "hidden", *tokens.WORDS, *tokens.PAIRS.values()})
"""Every rule `prune` knows; pass a subset to switch rules off (the benchmark's ablations)."""

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# JSON-LD is data, not code: trafilatura reads `articleBody` from it when the markup is thin.
_CODE = ", ".join('script:not([type="application/ld+json"])' if tag == "script" else tag for tag in tokens.CODE_TAGS)
# Lexbor narrows the candidates by substring (case-insensitive); `classify` then checks whole words.
_STEMS = sorted({*(w for words in tokens.WORDS.values() for w in words), *(pair[0] for pair in tokens.PAIRS)})
_HIDDEN_CSS = ['[style*="none" i]', '[style*="hidden" i]', '[aria-hidden="true" i]']
_PANELS = frozenset({"region", "tabpanel"})
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.IGNORECASE)
_CANDIDATES = ", ".join(
    [*tokens.LAYOUT_TAGS, "[role]", *_HIDDEN_CSS, *(f'[{attr}*="{stem}" i]' for stem in _STEMS for attr in ("class", "id"))]
)
_SNIPPET = 200
MAX_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class PrunedNode:
    """A node removed from the page before extraction, and why.

    `reason` is a stable snake_case code ("script", "navigation", "footer", "author", ...);
    `detail` says what matched ("tag:nav", "class:author-box", "role:complementary");
    `text` is the start of the node's visible text, spaces collapsed ("" for code).
    """

    tag: str
    reason: str
    detail: str
    text: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"tag": self.tag, "reason": self.reason, "detail": self.detail, "text": self.text}


@lru_cache(maxsize=4096)
def words_of(value: str) -> tuple[str, ...]:
    """The words of a class or id: "ArticleShare_bar ad-slot" gives ("article", "share", "bar", "ad", "slot")."""
    return tuple(w for w in _NON_WORD.split(_CAMEL.sub(" ", value).lower()) if w)


@lru_cache(maxsize=4096)
def match_words(value: str, rules: frozenset[str] = RULES) -> str | None:
    """The reason the words of a class or id mark furniture, or None."""
    words = words_of(value)
    for word in words:
        for reason, vocabulary in tokens.WORDS.items():
            if word in vocabulary and reason in rules:
                return reason
    for pair in zip(words, words[1:]):
        paired = tokens.PAIRS.get(pair)
        if paired is not None and paired in rules:
            return paired
    return None


def classify(node: LexborNode, rules: frozenset[str] = RULES) -> tuple[str, str] | None:
    """(reason, detail) when `node` is furniture by tag, ARIA role or class/id words."""
    tag = node.tag or ""
    if "layout" in rules and tag in tokens.LAYOUT_TAGS:
        return tokens.LAYOUT_TAGS[tag], f"tag:{tag}"
    attrs = node.attributes
    if "hidden" in rules:
        hidden = _hidden(attrs)
        if hidden:
            return "hidden", hidden
    if "roles" in rules:
        role = (attrs.get("role") or "").strip().lower()
        if role in tokens.ROLES:
            return tokens.ROLES[role], f"role:{role}"
    for name in ("class", "id"):
        value = attrs.get(name)
        if value:
            reason = match_words(value, rules)
            if reason is not None:
                return reason, f"{name}:{' '.join(value.split())[:80]}"
    return None


def _hidden(attrs: dict[str, str | None]) -> str:
    """What hides a node from the reader ("" when nothing does): an inline style `display: none`
    or `visibility: hidden`, or `aria-hidden="true"`. A collapsed panel of an accordion or a tab
    list (ARIA `region`/`tabpanel`, labelled by its button) is text the reader opens: it stays.
    So does a node with the `hidden` attribute: streaming renderers (React's Suspense) park
    the article's own sections in hidden nodes that a script moves into place."""
    if (attrs.get("role") or "").strip().lower() in _PANELS or "aria-labelledby" in attrs:
        return ""
    style = attrs.get("style") or ""
    if _HIDDEN_STYLE.search(style):
        return f"style:{' '.join(style.split())[:80]}"
    if (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return "aria-hidden"
    return ""


def _text(node: LexborNode) -> str:
    return " ".join(node.text(deep=True, separator=" ").split())


def _inside(node: LexborNode, chosen: set[int]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id in chosen:
            return True
        parent = parent.parent
    return False


def _outermost(nodes: Iterable[LexborNode]) -> list[LexborNode]:
    """`nodes` less repeats and nodes inside another of them, in document order."""
    chosen: set[int] = set()
    out = []
    for node in nodes:
        if node.mem_id not in chosen and not _inside(node, chosen):
            chosen.add(node.mem_id)
            out.append(node)
    return out


def prune(tree: LexborHTMLParser, rules: frozenset[str] = RULES, max_share: float = MAX_SHARE) -> tuple[PrunedNode, ...]:
    """Remove furniture from `tree` in place; return what went (code first, then the rest, each in document order)."""
    code, found = furniture(tree, rules, max_share)
    for node, _ in found:
        node.decompose()
    return code + tuple(record for _, record in found)


def furniture(
    tree: LexborHTMLParser, rules: frozenset[str] = RULES, max_share: float = MAX_SHARE
) -> tuple[tuple[PrunedNode, ...], list[tuple[LexborNode, PrunedNode]]]:
    """Remove code from `tree` in place and find the furniture nodes, without removing them yet.

    Returns the code's records and each furniture node with its record, outermost only, in
    document order: the caller reads their text (the ledger) before it decomposes them."""
    records: list[PrunedNode] = []
    if "code" in rules:
        for node in _outermost(tree.css(_CODE)):
            tag = node.tag or ""
            records.append(PrunedNode(tag, tokens.CODE_TAGS[tag], f"tag:{tag}"))
            node.decompose()
    root = tree.body
    if root is None:
        return tuple(records), []
    matches = [(node, verdict) for node in root.css(_CANDIDATES) if (verdict := classify(node, rules)) is not None]
    if not matches:
        return tuple(records), []
    limit = max_share * len(_text(root))
    chosen: set[int] = set()
    found = []
    for node, (reason, detail) in matches:
        if node.mem_id in chosen or _inside(node, chosen):
            continue
        text = _text(node)
        if len(text) > limit or len(text.split()) > tokens.BOX_WORDS.get(reason, math.inf):
            continue
        chosen.add(node.mem_id)
        found.append((node, PrunedNode(node.tag or "", reason, detail, text[:_SNIPPET])))
    return tuple(records), found
