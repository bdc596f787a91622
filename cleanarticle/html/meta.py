"""Page metadata (title, author, dates, site name) from meta tags and JSON-LD.

Read from the parsed page before pruning (JSON-LD lives in `<script>`), with selectolax: cheaper
than trafilatura's metadata pass and its date guessing, and every value comes from markup the
publisher wrote for machines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from selectolax.lexbor import LexborHTMLParser

# For each field, the meta names/properties (lowercased) in order of trust.
META_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title", "parsely-title", "dc.title", "title"),
    "author": ("author", "article:author", "parsely-author", "dc.creator", "byl", "sailthru.author"),
    "published": (
        "article:published_time",
        "og:published_time",
        "parsely-pub-date",
        "date",
        "pubdate",
        "publish-date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "sailthru.date",
        "datepublished",
    ),
    "updated": ("article:modified_time", "og:updated_time", "last-modified", "dcterms.modified", "datemodified"),
    "outlet": ("og:site_name", "application-name", "publisher"),
}
_JSON_LD_KEYS = {"title": "headline", "author": "author", "published": "datePublished", "updated": "dateModified", "outlet": "publisher"}
_MAX_CHARS = 300
# Byline markup, in order of trust, for pages without author metadata.
_AUTHOR_NODES = ('[itemprop="author"] [itemprop="name"]', '[rel="author"]', '[itemprop="author"]', '[class*="byline" i]', '[class*="author" i]')
_MAX_AUTHOR_CHARS = 80
_BY = re.compile(r"^(?:by|von|par|por|di|door|av)\s+", re.I)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text or len(text) > _MAX_CHARS or text.startswith(("http://", "https://", "@")):
        return None
    return text


def _meta_tags(tree: LexborHTMLParser) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.css("meta[content]"):
        attrs = node.attributes
        content = _clean(attrs.get("content"))
        if content is None:
            continue
        for attr in ("property", "name", "itemprop"):
            for key in (attrs.get(attr) or "").lower().split():
                found.setdefault(key, content)
    return found


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in a JSON-LD document, `@graph` members included."""
    if isinstance(value, list):
        for item in value:
            yield from _objects(item)
    elif isinstance(value, dict):
        yield value
        yield from _objects(value.get("@graph"))


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(names) if names else None
    if isinstance(value, dict):
        return _clean(value.get("name"))
    return _clean(value)


def _json_ld(tree: LexborHTMLParser) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            document = json.loads(node.text(deep=True) or "null")
        except (ValueError, RecursionError):
            continue
        for item in _objects(document):
            if "headline" not in item and "datePublished" not in item:
                continue
            for field, key in _JSON_LD_KEYS.items():
                value = _name(item.get(key))
                if value:
                    found.setdefault(field, value)
    return found


def _byline(tree: LexborHTMLParser) -> str | None:
    """The first short byline-like text in the body: "By Ana Sandoiu" gives "Ana Sandoiu"."""
    body = tree.body
    if body is None:
        return None
    for selector in _AUTHOR_NODES:
        for node in body.css(selector):
            text = _clean(_BY.sub("", " ".join(node.text(deep=True, separator=" ").split())))
            if text and len(text) <= _MAX_AUTHOR_CHARS and any(c.isalpha() for c in text):
                return text
    return None


def page_metadata(tree: LexborHTMLParser) -> dict[str, str]:
    """{"title", "author", "published", "updated", "outlet"}: the values the page declares."""
    tags = _meta_tags(tree)
    structured = _json_ld(tree)
    found: dict[str, str] = {}
    for field, keys in META_KEYS.items():
        value = next((tags[k] for k in keys if k in tags), None) or structured.get(field)
        if value:
            found[field] = value
    if "title" not in found:
        title = tree.css_first("title")
        text = _clean(title.text()) if title is not None else None
        if text:
            found["title"] = text
    if "author" not in found:
        author = _byline(tree)
        if author:
            found["author"] = author
    if "published" not in found:
        time = tree.css_first("time[datetime]")
        value = _clean(time.attributes.get("datetime")) if time is not None else None
        if value:
            found["published"] = value
    return found
