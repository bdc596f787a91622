"""Links and images of a page, line by line, for Markdown that keeps them (`--links`, `--images`).

Only asked for when wanted: it extracts the page a second time with trafilatura's links and
images switched on (the first extraction keeps them off, so that the text filters see the
plain text the benchmarks measure). Each line of that second text is matched to a line of the
cleaned source on its letters and digits; a line's links become (text, target) pairs, and
image lines are attached to the next source line, so an image stays exactly when the text
after it stays.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from ..blocks import NO_MEDIA, Media
from .decode import decode
from .extract import extract_document
from .prune import prune
from .structure import align, loose_key

_IMAGE = re.compile(r"!\[((?:\\.|[^\]\\])*)\]\((\S+?)(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"(?<!!)\[((?:\\.|[^\]\\])*)\]\((\S+?)(?:\s+\"[^\"]*\")?\)")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def line_media(html: str | bytes, source: str, url: str | None = None, *, links: bool, images: bool) -> tuple[Media, ...]:
    """One `Media` per line of `source` (the `source` of the page's `HtmlResult`)."""
    lines = source.split("\n")
    if not (links or images):
        return (NO_MEDIA,) * len(lines)
    tree = LexborHTMLParser(decode(html))
    prune(tree)
    text, _ = extract_document(tree.html or "", url, links=links, images=images)
    found: list[tuple[str, Media]] = []
    waiting: list[tuple[str, str]] = []
    for line in text.split("\n"):
        pictures = [(_plain(alt), target) for alt, target in _IMAGE.findall(line)]
        rest = _IMAGE.sub("", line)
        key = loose_key(_LINK.sub(lambda match: match.group(1), rest))
        if not key:
            waiting.extend(pictures)
            continue
        anchors = tuple((_plain(label), target) for label, target in _LINK.findall(rest))
        found.append((key, Media(anchors, tuple(waiting + pictures))))
        waiting = []
    return align(lines, found, NO_MEDIA)


def _plain(markdown_text: str) -> str:
    return _UNESCAPE.sub(r"\1", markdown_text)
