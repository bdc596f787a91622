"""Page furniture found by the content model: menus, section lists, footers and link lists.

Whole-page text (Common Crawl's WET files, `get_text()` dumps) holds the page's navigation and
footer around the article, worded differently on every site. No phrase list can name it; its shape
can: runs of short lines without sentences, link text, repeated labels, far from the run of prose.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from ..content.features import NAMES, densest_run, features
from ..content.features import prose as is_prose
from ..content.model import load_model
from ..content.sequence import runs, smooth
from ..lines import ends_sentence, is_code, sentence_breaks
from ..registry import register
from ..tables import bar_rows, cell_rows, figure_runs
from ..types import Line, Removal
from .base import Filter, View

_LOG_WORDS, _LETTERS, _URL, _COLON, _LINKED = (NAMES.index(n) for n in ("log_words", "letters", "url", "ends_colon", "link_share"))


@register("page_furniture")
@dataclass(frozen=True, slots=True)
class PageFurniture(Filter):
    """Lines outside the article body, decided by a trained model over every line and its neighbours.

    Runs after the rules, which take what they recognise with their own reasons (bylines and dates
    into the metadata). Acts only around an article (`min_prose_words` of prose kept) on a page
    with furniture outside it (`min_outside` lines): an article on its own, this filter's output
    among them, is left to the rules. As a contextual step it looks again, gate and all, when
    lines went (the pipeline's rounds), so a second cleaning finds nothing to remove. The HTML
    path leaves it out, since its extractor has already chosen the main text.

    Each non-blank line gets the model's log-odds of being article text; a two-state pass over the
    sequence then labels runs of lines together (each change of label costs `switch`). Runs before
    the first or after the last article line go as `outside_main_text`, runs between as
    `low_content_score`; the detail names the features in which the run differs most from the
    kept text.

    Removes: a menu of 60 labels above the article; "About us / Careers / Privacy / © 2025 Acme"
    Keeps:   the article's paragraphs, headings and lists; any line that reads as prose (a
             sentence ending in a colon among them) unless the model is sure of it (`prose_odds`;
             beyond the main text `outside_prose_odds`, as a sentence after the article's end is
             mostly a teaser, a bio or a comment); a code listing (`code_lines`), a table written
             one cell a line (`row_cells`) or a run of figures alone that are not all whole
             numbers (a table of dates and changes) inside the main text; a table written with
             cell bars (`table_rows` rows) wherever it stands; inside the main text, the list
             that a kept sentence ending in a colon introduces (`intro_words`)

    Backs off, keeping every line of prose, when the removals would take more than
    `max_prose_share` of the prose words; a line of `glued_words` words holding
    `glued_sentences` sentence breaks counts as prose there however it ends: the article glued
    into one line, as `get_text()` gives a minified page, need not end as a sentence.
    """

    reasons: ClassVar[tuple[str, ...]] = ("outside_main_text", "low_content_score")
    contextual: ClassVar[bool] = True  # its verdicts read the neighbours: it looks again once lines went

    threshold: float = -0.5  # log-odds under which a line leans to furniture
    switch: float = 2.0  # what a change between article and furniture costs, in log-odds
    min_lines: int = 12  # shorter texts have too little context: left to the rules
    prose_odds: float = -4.0  # a prose line goes only below these log-odds (never cut prose)
    outside_prose_odds: float = -3.0  # the same, for a prose line before or after the run of article lines
    max_prose_share: float = 0.5  # back off when more than this share of prose words would go
    min_prose_words: int = 50  # act only around an article: at least this many words of kept prose
    min_outside: int = 8  # act only when at least this many lines would go before or after the kept prose
    code_lines: int = 3  # a line of code inside the main text stays when this many of the 5 lines around it are code
    intro_words: int = 6  # the lines after a kept sentence this long that ends in a colon stay (the list it introduces)
    table_rows: int = 3  # a table of this many rows stays (with cell bars anywhere, one cell a line inside the main text)
    row_cells: int = 12  # the most cells a row written one cell a line may have
    glued_words: int = 40  # a line this long ...
    glued_sentences: int = 3  # ... holding this many sentence breaks is prose for the budget, however it ends
    title_words: int = 4  # a first line of at least this many words that reads as a headline is kept
    max_lines: int = 50_000  # longer texts are no single page: left to the rules
    model: str = ""  # a model file trained by benchmarks/train_content_model.py ("" = the packaged one)

    def find(self, view: View) -> Iterator[Removal]:
        content = view.content()
        if not self.min_lines <= len(content) <= self.max_lines:
            return
        lines = [view.lines[i] for i in content]
        if _outside_body(lines) < self.min_outside:
            return  # the densest run of prose fills the text: an article on its own
        rows = features(view.written(lines), [i > 0 and not view.lines[i - 1].text for i in content])
        glued = np.array([line.words >= self.glued_words and sentence_breaks(line.text) >= self.glued_sentences for line in lines])
        keep, note = self.decide(rows, load_model(self.model).log_odds(rows), glued)
        if keep.all():
            return
        first, last = _ends(keep)
        texts = [line.text for line in lines]
        inside = texts[first:last]
        keep[first:last] |= (
            _code_block(inside, self.code_lines) | cell_rows(inside, self.row_cells, self.table_rows) | figure_runs(inside, self.table_rows)
        )
        keep |= bar_rows(texts, self.table_rows)  # a table written with cell bars, wherever it stands
        keep |= _introduced(view, lines, keep, self.intro_words)
        for start, stop in runs(~keep):
            reason = "outside_main_text" if stop <= first or start > last else "low_content_score"
            detail = note or _why(rows, keep, start, stop)
            yield from _removals(view, lines[start:stop], self.name, reason, detail)

    def decide(self, rows: np.ndarray, odds: np.ndarray, glued: np.ndarray | None = None) -> tuple[np.ndarray, str]:
        """Which lines to keep, given their feature rows and log-odds, and a note when the filter
        backed off. Keeps everything unless `min_outside` lines would go before the first or
        after the last line of kept prose: an article on its own, the output of this filter among
        them, is left to the rules. Counted from the prose, not from the outermost kept line, as
        a site's name kept at the top would otherwise shield a menu of 300 lines under it.
        `glued` marks lines that count as prose for the budget alone (`glued_words`)."""
        keep = smooth(odds - self.threshold, self.switch)
        # a sentence ending in a colon is prose too: the line that introduces a list ("The
        # council listed the services ..., in this order:") would otherwise go with its items
        prose = is_prose(rows, colon=True)
        keep |= prose & (odds >= self._prose_bar(keep))
        counted = prose if glued is None else prose | glued
        note = self._budget(rows, keep, counted)
        if note:
            keep |= counted
        if np.expm1(rows[keep & prose, _LOG_WORDS]).sum() < self.min_prose_words:
            return np.ones(len(keep), dtype=bool), ""  # no article to find the furniture around
        start, end = _ends(keep & prose)
        if np.count_nonzero(~keep[:start]) + np.count_nonzero(~keep[end + 1 :]) < self.min_outside:
            return np.ones(len(keep), dtype=bool), ""
        first, last = _ends(keep)
        keep |= _lone(keep, first, last)
        keep[0] |= self._headline(rows[0])
        if first:  # the headline just above the main text: a page's title under its menu
            keep[first - 1] |= self._headline(rows[first - 1])
        return keep, note

    def _prose_bar(self, article: np.ndarray) -> np.ndarray:
        """The log-odds a prose line needs to stay: `prose_odds` from the first to the last line
        of `article`, `outside_prose_odds` beyond them (everywhere `prose_odds` without article lines)."""
        if not article.any():
            return np.full(len(article), self.prose_odds)
        bar = np.full(len(article), self.outside_prose_odds)
        first, last = _ends(article)
        bar[first : last + 1] = self.prose_odds
        return bar

    def _headline(self, row: np.ndarray) -> bool:
        """Whether a document's first line reads as its title: a few words of text, no link, no
        address, no label colon (a menu's first entry is one or two words)."""
        words = float(np.expm1(row[_LOG_WORDS]))
        text_like = row[_LETTERS] >= 0.5 and not (row[_URL] or row[_COLON] or row[_LINKED])
        return self.title_words <= words <= 30 and text_like

    def _budget(self, rows: np.ndarray, keep: np.ndarray, prose: np.ndarray) -> str:
        """"" when the removals stay within the prose budget, else the note of the back-off."""
        words = np.expm1(rows[:, 0])
        total = float(words[prose].sum())
        lost = float(words[prose & ~keep].sum())
        if total and lost > self.max_prose_share * total:
            return f"backed off: would have removed {lost / total:.0%} of the prose; prose kept"
        return ""


def _ends(mask: np.ndarray) -> tuple[int, int]:
    """Positions of the first and the last True in `mask` (which holds one at least)."""
    return int(np.argmax(mask)), len(mask) - 1 - int(np.argmax(mask[::-1]))


def _code_block(texts: Sequence[str], needed: int) -> np.ndarray:
    """Lines of program code among code: `needed` of the five lines centred on each read as code
    (`lines.is_code`). An article's listing is low in content by every feature of a menu's."""
    code = np.fromiter(map(is_code, texts), dtype=bool, count=len(texts))
    counts = np.concatenate(([0], np.cumsum(code)))
    at = np.arange(len(texts))
    around = counts[np.minimum(at + 3, len(texts))] - counts[np.maximum(at - 2, 0)]
    return code & (around >= needed)


def _introduced(view: View, lines: Sequence[Line], keep: np.ndarray, words: int) -> np.ndarray:
    """Runs of lines inside the main text that a kept sentence of at least `words` words ending
    in a colon introduces ("The overall rankings of the countries were as follows:"): the list or
    listing it announces. Only a run followed by a kept line (a run to the end of the text would
    take the footer with the list) and as it came, no line of it or above it removed by an
    earlier step (what is left of a block the page shows twice is no list)."""
    found = np.zeros(len(keep), dtype=bool)
    for start, stop in runs(~keep):
        if start == 0 or stop == len(keep):
            continue
        before = lines[start - 1]
        if before.words >= words and before.text.rstrip().endswith(":"):
            found[start:stop] = all(_gap_is_blank(view, lines[i], lines[i + 1]) for i in range(start - 1, stop - 1))
    return found


def _lone(keep: np.ndarray, first: int, last: int) -> np.ndarray:
    """Lone lines inside the main text, between two kept ones: a heading, a label over a list."""
    lone = ~keep & np.roll(keep, 1) & np.roll(keep, -1)
    inside = np.zeros(len(keep), dtype=bool)
    inside[first + 1 : last] = True
    return lone & inside


def _outside_body(lines: Sequence[Line]) -> int:
    """Lines outside the densest run of prose (`features.densest_run`): the page gate read from
    word counts and sentence ends alone, before any feature is computed."""
    start, end = densest_run([line.words for line in lines], [ends_sentence(line.text) for line in lines])
    return len(lines) - (end - start + 1)


def _why(rows: np.ndarray, keep: np.ndarray, start: int, stop: int) -> str:
    """The three features in which lines start..stop differ most from the kept lines."""
    spread = np.maximum(rows.std(axis=0), 0.05)
    gap = (rows[start:stop].mean(axis=0) - rows[keep].mean(axis=0)) / spread
    top = np.argsort(-np.abs(gap), kind="stable")[:3]
    return ", ".join(f"{NAMES[i]} {gap[i]:+.1f}σ" for i in top)


def _removals(view: View, lines: Sequence[Line], name: str, reason: str, detail: str) -> Iterator[Removal]:
    """One removal per run of lines, blank lines between them included."""
    start = lines[0].start
    previous = lines[0]
    for line in lines[1:]:
        if _gap_is_blank(view, previous, line):
            previous = line
            continue
        yield Removal(start, previous.stop, name, reason, detail)
        start, previous = line.start, line
    yield Removal(start, previous.stop, name, reason, detail)


def _gap_is_blank(view: View, before: Line, after: Line) -> bool:
    """Whether only blank lines stand between `before` and `after` in the source."""
    return not view.source[before.stop : after.start].strip()

