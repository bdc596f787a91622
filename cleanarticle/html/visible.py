"""The visible text of a page, one line per block element: the `source` of an HTML result.

A line is the text of one block (paragraph, heading, list item, table row, `div`...), white
space folded. Code, vectors, embedded-object fallbacks, form lists and `hidden` or inline
`display: none` elements show nothing and give no line. Each line also names the furniture node
it sits in (an index into the `owners` that `prune` found), so the ledger can say which rule
took it; entering or leaving such a node always ends a line, so a line belongs to one node or
to none. An optional `Observer` sees the same walk (elements in and out, text, each line ended),
so DOM features of each line (`dom_features`) cost no second walk.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import NamedTuple, Protocol

from selectolax.lexbor import LexborNode

_SKIP = frozenset("script style noscript template svg math iframe object embed canvas video audio select datalist head".split())
# Elements that start and end a line; everything else (spans, links, emphasis, td cells) flows inline.
_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 blockquote pre ul ol dl table figure hr address article aside body center dd details "
    "dialog dir div dt fieldset figcaption footer form header hgroup legend li main menu nav section summary "
    "caption tbody thead tfoot tr br".split()
)
_CELLS = frozenset({"td", "th"})
_HIDDEN = '[hidden], [style*="display:none"], [style*="display: none"]'
_FOLD = re.compile(r"\s+")
NO_OWNER = -1


class VisibleLine(NamedTuple):
    """One line of visible text and the furniture node holding it (`NO_OWNER` for none)."""

    text: str
    owner: int


class Observer(Protocol):
    """What the walk tells a listener: each shown element on the way in and out (after the line
    before it ended), each text node's text, and each end of a line (`kept`: it had text)."""

    def element(self, node: LexborNode, entering: bool) -> None: ...

    def text(self, text: str) -> None: ...

    def line(self, kept: bool) -> None: ...


def visible_lines(
    root: LexborNode, owners: Mapping[int, int] | None = None, observer: Observer | None = None
) -> list[VisibleLine]:
    """The non-empty visible lines under `root`, in document order.

    `owners` maps the `mem_id` of furniture nodes to an index (their place in `prune`'s
    records); every line inside such a node carries that index. `observer` sees the walk."""
    owners = owners or {}
    lines: list[VisibleLine] = []
    current: list[str] = []
    held: list[int] = [NO_OWNER]  # the owners of the furniture nodes the walk is inside
    preformatted = 0  # depth of <pre> elements: their newlines end lines

    def flush() -> None:
        text = _FOLD.sub(" ", "".join(current)).strip()
        current.clear()
        if text:
            lines.append(VisibleLine(text, held[-1]))
        if observer is not None:
            observer.line(bool(text))

    for node, entering in _walk(root, {node.mem_id for node in root.css(_HIDDEN)}):
        if node.is_text_node:
            text = node.text_content or ""
            if observer is not None:
                observer.text(text)
            if preformatted and "\n" in text:
                first, *rest = text.split("\n")
                current.append(first)
                for part in rest:
                    flush()
                    current.append(part)
            else:
                current.append(text)
            continue
        tag = node.tag
        owner = owners.get(node.mem_id)
        if tag in _BLOCKS or owner is not None:
            flush()
        if observer is not None:
            observer.element(node, entering)
        if owner is not None and entering:
            held.append(owner)
        elif owner is not None:
            held.pop()
        if tag == "pre":
            preformatted += 1 if entering else -1
        elif tag in _CELLS and entering:
            current.append(" ")
    flush()
    return lines


def _walk(root: LexborNode, hidden: set[int]) -> Iterator[tuple[LexborNode, bool]]:
    """(node, entering) for every shown element (on the way in and out) and text node (once),
    in document order; iterative, since pages nest deeper than Python's recursion limit."""
    stack: list[tuple[LexborNode, bool]] = [(root, True)]
    while stack:
        node, entering = stack.pop()
        if not entering or node.is_text_node:
            yield node, entering
            continue
        if not node.is_element_node or node.tag in _SKIP or node.mem_id in hidden:
            continue
        yield node, True
        stack.append((node, False))
        stack.extend((child, True) for child in reversed(list(node.iter(include_text=True))))
