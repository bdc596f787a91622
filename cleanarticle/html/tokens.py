"""What marks a page node as furniture before extraction: tags, ARIA roles, words of class and id.

Data only, read by `prune`. Each rule was measured on both evaluation sets (benchmarks/quality.py;
F1 of the whole HTML path, trafilatura-eval-dev / readability-pages, against the path without the
rule) and is here only because it did not lower either score. trafilatura already drops most
furniture itself, with its own token lists, so pruning earlier mostly adds records to the ledger;
broader lists borrowed from trafilatura (`xpaths.py`), Readability (`unlikelyCandidates`) and
newspaper4k cost article text, because the same words name article parts on many sites
("teaser" is the standfirst on German sites, "share" and "promoted" are Drupal/WordPress state
classes on the article body, "widget" wraps Elementor content, `display:none` hides lazily shown
text). Rejected, with their F1 deltas (eval / readability): class/id words for sidebar/widget
(-0.011 / +0.003), hidden elements by attribute, style or class (-0.008 / -0.003), share/social
(-0.006 / -0.005), navigation/menu (-0.005 / 0), ad/sponsor/promo (-0.004 / 0), related/teaser
(-0.003 / -0.002), comments (-0.002 / 0), figure captions and credits (-0.001 / 0), dialogs and
overlays (-0.001 / -0.008), newsletter + cookie consent + tags (-0.001 / 0), `<aside>` (-0.001 / 0),
`<form>` and form controls (-0.001 / 0).

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
}

# Word pairs that name furniture although neither word does alone.
PAIRS: dict[tuple[str, str], str] = {
    ("author", "box"): "author",
    ("author", "bio"): "author",
    ("about", "author"): "author",
}
