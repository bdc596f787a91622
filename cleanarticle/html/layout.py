"""Layout tables in trafilatura's tree: tables that lay out a page rather than hold data.

Old sites and some blogs put the whole article in a table cell. trafilatura keeps the table,
and its text flattens each row into one line, so a 2,000-word article with its headings comes
out as a single "| ... |" line that no line filter can clean and no reader wants. A table whose
cells hold blocks (two block elements, or a heading) is a layout when it has at most
`MAX_ROWS` rows or a single column: a data table has rows of short cells. Its cells then become
blocks of their own, in order, and the text and structure read them as any other paragraphs.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

MAX_ROWS = 2
_BLOCKS = frozenset({"p", "head", "list", "quote", "table", "div"})  # not code: a listing beside its line numbers is no layout


def unwrap_layout_tables(body: Any) -> None:
    """Replace each layout table of `body` (an lxml tree, changed in place) by its cells' content."""
    for table in list(body.iter("table")):
        rows = [[cell for cell in row if cell.tag == "cell"] for row in table if row.tag == "row"]
        if is_layout(rows):
            _unwrap(table, [cell for row in rows for cell in row])


def is_layout(rows: list[list[Any]]) -> bool:
    """Whether a table of these rows of cells lays out a page: few rows or one column, and a cell holding blocks."""
    if len(rows) > MAX_ROWS and any(len(cells) > 1 for cells in rows):
        return False
    return any(_holds_blocks(cell) for cells in rows for cell in cells)


def _holds_blocks(cell: Any) -> bool:
    blocks = [element.tag for element in cell.iterdescendants() if element.tag in _BLOCKS]
    return len(blocks) >= 2 or "head" in blocks


def _unwrap(table: Any, cells: list[Any]) -> None:
    parent = table.getparent()  # never None: a table found below `body`
    content: list[Any] = []
    for cell in cells:
        if cell.text and cell.text.strip():
            loose = etree.Element("p")
            loose.text = cell.text
            content.append(loose)
        content.extend(cell)
    if table.tail and content:
        content[-1].tail = (content[-1].tail or "") + table.tail
    at = parent.index(table)
    parent.remove(table)
    for offset, element in enumerate(content):
        parent.insert(at + offset, element)
