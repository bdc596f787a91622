"""Words of class, id and ARIA role that lean a block towards article or furniture: data for `dom_features`.

Readability weighs a node by such words; here they are only features, and the trained model
decides how much each side counts. Words are whole words of a class or id ("post-content" gives
"post" and "content"; see `prune.words_of`), so "add" does not match "ad".
"""

from __future__ import annotations

POSITIVE = frozenset(
    "article articles body content contents entry hentry post posts story stories text blog prose "
    "main page paragraph richtext rich markdown copy detail details single".split()
)

NEGATIVE = frozenset(
    "comment comments disqus respond reply sidebar side aside widget widgets footer foot nav navbar navigation "
    "menu breadcrumb breadcrumbs crumbs related recommended recommendations more teaser teasers trending popular "
    "share sharing social follow subscribe subscription newsletter signup promo promotion ad ads advert advertisement "
    "sponsor sponsored banner masthead header meta byline author tags tag tagcloud categories pagination pager "
    "popup modal overlay cookie consent gdpr login search toolbar tools outbrain taboola caption credit "
    "card cards skip hidden print".split()
)

# ARIA roles and itemprops that settle the matter more than a class does (weight 2).
STRONG_POSITIVE = frozenset({"main", "article", "articlebody", "text"})
STRONG_NEGATIVE = frozenset({"navigation", "menu", "menubar", "banner", "contentinfo", "complementary", "search", "dialog"})
