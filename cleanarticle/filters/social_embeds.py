"""Embedded social posts: the post's text and the attribution line under it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..registry import register
from ..types import Removal
from .base import Filter, View, remove_each
from .phrases import pattern

# "— Chinese Embassy in US (@ChineseEmbinUS) June 5, 2025"
ATTRIBUTION = regex.compile(r"^[—–-]{1,2}\s*[^\n]{1,80}?\(@[\w.:-]{1,60}\)\s*[\p{L}\p{N} ,.:]{0,40}$")
POST_LINK = regex.compile(r"\b(?:pic\.twitter\.com|t\.co|x\.com/\w+/status|twitter\.com/\w+/status)/\S+")
EMBED_LINES = pattern("social", "lines")
_HASHTAG = regex.compile(r"(?:^|\s)[#@]\w+")


def _may_link(text: str) -> bool:
    """False when `text` cannot hold a post link: every one has one of these."""
    return "t.co/" in text or "twitter.com/" in text or "x.com/" in text


def _has_post_link(text: str) -> bool:
    return _may_link(text) and POST_LINK.search(text) is not None


@register("social_embeds")
@dataclass(frozen=True, slots=True)
class SocialEmbeds(Filter):
    """Embedded tweets and posts left in the text as their text plus an attribution.

    Removes: "— Jane Doe (@janedoe) June 5, 2025" and the post text just above it,
             "View this post on Instagram"
    Keeps:   "— and that, she said, was the end of it." (no handle)
    """

    # Its one verdict on a neighbour (the post above an attribution) goes with the attribution.
    contextual: ClassVar[bool] = False
    reasons: ClassVar[tuple[str, ...]] = ("post_text", "post_attribution", "embed_label")

    max_post_chars: int = 600
    max_label_words: int = 14  # "View this post on Instagram" and its kin

    def find(self, view: View) -> Iterator[Removal]:
        lines = view.lines
        found: dict[int, str] = {}
        linked = _may_link(view.source)  # one scan of the text instead of one per line
        for position, line in enumerate(lines):
            if not line.text:
                continue
            if line.text[0] in "—–-" and ATTRIBUTION.match(line.text):
                found[position] = "post_attribution"
                above = self._post_above(view, position)
                if above is not None:
                    found.setdefault(above, "post_text")
            elif linked and _has_post_link(line.text) and len(line.text) <= self.max_post_chars:
                found[position] = "post_text"
            elif line.words <= self.max_label_words and EMBED_LINES.match(line.key):
                found[position] = "embed_label"
        yield from remove_each(lines, found, self.name)

    def _post_above(self, view: View, position: int) -> int | None:
        """The line right above an attribution, when it reads as the post's text."""
        lines = view.lines
        above = position - 1
        if above >= 0 and not lines[above].text:
            above -= 1
            if above < 0 or not (_has_post_link(lines[above].text) or _HASHTAG.search(lines[above].text)):
                return None
        if above < 0 or not lines[above].text or len(lines[above].text) > self.max_post_chars:
            return None
        return above
