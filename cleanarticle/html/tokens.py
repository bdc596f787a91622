"""What marks a page node as furniture before extraction: tags, ARIA roles, words of class and id.

Data only, read by `prune`. Each rule is here because it did not lower the F1 of the HTML path
on either evaluation set; the rules tried and rejected, with their scores, are in
docs/decisions.md.

A class like "article-share_bar" or "ArticleShareBar" is split into the words "article", "share",
"bar" before matching, so a word matches "author-box" but not "authority".
"""

from __future__ import annotations

# Tags pruned wherever they are: never article text. JSON-LD scripts stay (see prune).
CODE_TAGS: dict[str, str] = {
    "script": "script",
    "style": "style",
    "noscript": "script",
    "template": "script",
    "iframe": "embed",
    "object": "embed",
    "embed": "embed",
    "svg": "graphic",
    "canvas": "graphic",
}

# Tags pruned for what they are, unless they hold most of the page's text.
LAYOUT_TAGS: dict[str, str] = {
    "nav": "navigation",
    "footer": "footer",
}

ROLES: dict[str, str] = {
    "navigation": "navigation",
    "menu": "navigation",
    "menubar": "navigation",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
    "search": "form",
    "dialog": "dialog",
    "alertdialog": "dialog",
}

# Whole words of a class or id, per reason.
WORDS: dict[str, frozenset[str]] = {
    "footer": frozenset({"footer"}),
    # "blog-pager" (Blogger), "pager" (Drupal, Bootstrap): Newer Post / Older Post / Home
    "pager": frozenset({"pager"}),
    # "newsletter-incontent", "tnp-subscription-posts", "signup-form": a sign-up box in or beside
    # the article, whose sentence-shaped prompt ("Sign up for our newsletter for the best of the
    # city.") the text filters cannot tell from prose
    "newsletter": frozenset({"newsletter", "newsletters", "subscribe", "subscription", "signup", "optin"}),
}

# Reasons that name a small box, not a region: a node with more words than this is not pruned
# for them. Substack wraps whole posts in "newsletter-post"; a paywall in "subscription-content".
BOX_WORDS: dict[str, int] = {"newsletter": 60}

# Word pairs that name furniture although neither word does alone.
PAIRS: dict[tuple[str, str], str] = {
    ("author", "box"): "author",
    ("author", "bio"): "author",
    ("about", "author"): "author",
    ("feed", "links"): "feed_links",  # Blogger's "Subscribe to: Post Comments (Atom)"
}

# Words of a class or id that name a call-to-action or promo box ("post-cta", "cta-container",
# "promo-banner"). Pruning such boxes changed trafilatura's choice of the main text
# (docs/decisions.md), so they are not pruned: the lines extracted from a box of at most
# `CTA_BOX_WORDS` words go afterwards, in `edge_chrome`, as `cta_box`.
CTA_WORDS: frozenset[str] = frozenset({"cta", "promo", "promos", "promotion"})
CTA_BOX_WORDS = 60
