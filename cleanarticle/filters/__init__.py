"""Built-in filters, one module per family of cruft; importing this package registers them."""

from . import (  # noqa: F401  (registration side effects)
    disclaimers,
    duplicates,
    edge_chrome,
    glued_page,
    image_residue,
    inline_promos,
    layout,
    link_markup,
    link_teasers,
    metadata_lines,
    off_topic,
    page_furniture,
    reader_comments,
    related_articles,
    site_boilerplate,
    social_embeds,
    widgets,
)
from .base import Filter, LineFilter, View

DEFAULT_STEPS = (
    "unicode",
    "whitespace",
    "reader_comments",
    "duplicates",
    "image_residue",
    "social_embeds",
    "widgets",
    "inline_promos",
    "related_articles",
    "disclaimers",
    "metadata_lines",
    "link_teasers",
    "page_furniture",
    "off_topic",
    "glued_page",
    "link_markup",
    "blank_lines",
)

__all__ = ["DEFAULT_STEPS", "Filter", "LineFilter", "View"]
