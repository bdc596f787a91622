"""Tables as text renderers write them, told apart from menus.

A table's cells are short, linked or figures without words: every feature of a menu's. What
gives a table away is its rows: Markdown and text renderers write a row as one line with as many
cell bars as the next ("| Arrival | 2014 | A soldier relives a battle |"); block renderers and
`get_text()` write one cell a line, so that figures and text alternate with the row's period
("Chicago Booth" / "3.6" / "37.5%" / "$175,000", then the next school); a table of figures
alone is a run of figures that are not all whole numbers ("1/1/2013" / "+13.1%", then the next
month), where a pager's are. (A bare count such as "729" or "37%" is taken earlier by `widgets`
as a comment count wherever it stands.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from .content.sequence import runs

# A cell that holds a figure: "37%", "$175,000", "-0.9%", "3.6", "32:03", "23/16", "12 kg", "3 (tie)".
_FIGURE = re.compile(r"[\s$€£¥+\-–(]*\d[\d\s.,:%/$€£¥()x×+\-–]*[^\W\d_]{0,3}\)?\s*")


def _is_figure(text: str) -> bool:
    """Whether `text` is a figure alone, as a table cell holds it."""
    return _FIGURE.fullmatch(text) is not None


def bar_rows(texts: Sequence[str], needed: int) -> np.ndarray:
    """Rows of a table: runs of at least `needed` lines with the same number of cell bars, two
    or more ("a | b | c")."""
    bars = [text.count("|") if " | " in text or text.lstrip().startswith("|") else 0 for text in texts]
    found = np.zeros(len(texts), dtype=bool)
    start = 0
    for end in range(1, len(bars) + 1):
        if end == len(bars) or bars[end] != bars[start]:
            if bars[start] >= 2 and end - start >= needed:
                found[start:end] = True
            start = end
    return found


def cell_rows(texts: Sequence[str], longest: int, needed: int) -> np.ndarray:
    """Cells of a table written one a line: a run of at least `needed` rows of up to `longest`
    lines in which figures and text alternate with the row's period. A row holds two figures
    at least: a shop's grid of names and single prices is no table, nor a numbered list ("1" /
    a title / "2" / a title), whose rows of four lines hold two numbers but whose period is two."""
    figure = np.fromiter(map(_is_figure, texts), dtype=bool, count=len(texts))
    found = np.zeros(len(texts), dtype=bool)
    for period in range(2, min(longest, len(texts) // needed) + 1):
        for start, stop in runs(figure[period:] == figure[:-period]):
            cells, row = figure[start : stop + period], figure[start : start + period]
            if stop - start >= period * (needed - 1) and row.sum() >= 2 and not row.all() and not _shorter(cells, period):
                found[start : stop + period] = True
    return found


def figure_runs(texts: Sequence[str], needed: int) -> np.ndarray:
    """Cells of a table of figures alone written one a line ("1/1/2013" / "+13.1%" / "2/1/2013" /
    ...): a run of at least `2 * needed` lines that are each a figure, at most half of them whole
    numbers (a pager's "1" / "2" / "3" and a share bar's counts are whole numbers)."""
    figure = np.fromiter(map(_is_figure, texts), dtype=bool, count=len(texts))
    found = np.zeros(len(texts), dtype=bool)
    for start, stop in runs(figure):
        whole = sum(texts[i].strip().isdigit() for i in range(start, stop))
        if stop - start >= 2 * needed and 2 * whole <= stop - start:
            found[start:stop] = True
    return found


def _shorter(cells: np.ndarray, period: int) -> bool:
    """Whether `cells` repeat with a period that divides `period`."""
    return any(np.array_equal(cells[d:], cells[:-d]) for d in range(1, period) if period % d == 0)
