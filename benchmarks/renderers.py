"""Several ways a scraper turns a page into text, so that text mode is trained and scored on more
than one rendering (a model that learns one renderer's habits fails on the next user's).

- `blocks`: one line per block element, a blank line around paragraphs (`render.naive_text`);
- `wet`: the same without blank lines, as Common Crawl's WET files hold page text;
- `text_nodes`: every text node on a line of its own, as BeautifulSoup's `get_text("\\n", strip=True)`
  gives it (inline links and emphasis split sentences over several lines);
- `markdown`: html2text's Markdown, unwrapped, without images (headings, `*` lists, `[text](url)`
  links);
- `inscriptis`: inscriptis' layout-aware text (tables laid out in columns, indented lists);
- `article`: the `blocks` rendering of the page's `<article>` or `<main>` element when it has
  one: article-only text with whatever furniture the publisher put inside it.

`UNSEEN` renderings are scored by `held_out.py` but never trained on: how text mode fares on a
scraper's output that no model or rule was fitted to.
- `get_text`: every text node as the page source has it, nothing put between them, as
  BeautifulSoup's `get_text()` gives it: lines break where the source breaks, so a minified page
  glues its menu labels into one word and its paragraphs into one line.

The third-party renderers come with the `train` extra. Pure apart from the libraries' parsing;
imports nothing from `cleanarticle`.
"""

from __future__ import annotations

from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser, LexborNode

import render

Renderer = Callable[[str], str]


def blocks(html: str) -> str:
    return render.naive_text(html)


def wet(html: str) -> str:
    return "\n".join(line for line in render.naive_text(html).split("\n") if line)


def _shown(html: str) -> LexborNode | None:
    """The page's body (or root) without the elements a browser does not show as text."""
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    if root is not None:
        for node in root.css(", ".join(sorted(render.SKIPPED))):
            node.decompose()
    return root


def text_nodes(html: str) -> str:
    root = _shown(html)
    if root is None:
        return ""
    texts = (node.text_content or "" for node in root.traverse(include_text=True) if node.is_text_node)
    return "\n".join(filter(None, (" ".join(text.split()) for text in texts)))


def markdown(html: str) -> str:
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = 0
    converter.ignore_images = True
    return converter.handle(html)


def inscriptis_text(html: str) -> str:
    from inscriptis import get_text

    return get_text(html)


def article(html: str) -> str:
    """The `<article>` (the longest, when there are several) or `<main>` element's text; "" without one."""
    tree = LexborHTMLParser(html)
    candidates = tree.css("article") or tree.css("main")
    if not candidates:
        return ""
    best = max(candidates, key=lambda node: len(node.text(deep=True) or ""))
    return render.naive_text(f"<body>{best.html}</body>")


def get_text(html: str) -> str:
    root = _shown(html)
    return "" if root is None else root.text(deep=True, separator="")


RENDERERS: dict[str, Renderer] = {
    "blocks": blocks,
    "wet": wet,
    "text_nodes": text_nodes,
    "markdown": markdown,
    "inscriptis": inscriptis_text,
    "article": article,
}

UNSEEN: dict[str, Renderer] = {"get_text": get_text}
