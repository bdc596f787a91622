"""Related-article blocks: a marker heading and its teasers, or a tail of repeated teasers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import ClassVar

import regex

from ..bylines import AUTHOR_LINE
from ..dates import is_timestamp
from ..lines import FULL_STOP, is_list_item
from ..registry import register
from ..types import Line, Removal
from .base import Filter, View, remove
from .phrases import pattern, reasons

MARKERS = pattern("related", "markers")
# Small print (copyright, disclaimers) may follow a teaser tail; the disclaimers filter takes it.
SMALL_PRINT = reasons("disclaimers")
LABELS = pattern("related", "labels")
# "MORE FROM FORBES", "More from Reuters": a marker naming a brand (capitalised), not a topic.
_MORE_FROM = ("more from", "mehr von", "plus de", "más de")
BRAND_MORE = regex.compile(rf"^(?i:{'|'.join(_MORE_FROM)})\s+\p{{Lu}}[\p{{L}}.'’&-]*(?:\s+\p{{Lu}}[\p{{L}}.'’&-]*){{0,2}}:?$")


_After = tuple[int, int, int, int, bool]  # lines, anchors, sentences, prose paragraphs, any too long


class _TailStats:
    """Counts over every suffix of the content lines, so each marker is judged in O(1).

    The anchor kinds are always needed (for the teaser tail); the counts only once a marker
    is found, so they are built on the first `after`.
    """

    def __init__(self, lines: tuple[Line, ...], content: list[int], settings: RelatedArticles) -> None:
        self.body = [lines[p] for p in content]
        self.kinds = [anchor_kind(line, settings) for line in self.body]
        self.max_words = settings.max_teaser_words
        self.prose_words = settings.prose_words
        self.max_prose_share = settings.max_prose_share
        self.counts: tuple[list[int], ...] = ()

    def after(self, n: int, stop: int | None = None) -> _After:
        """(lines, anchors, sentences, prose paragraphs, any too long) after the n-th content line,
        up to the `stop`-th (default: to the end).

        Too long: a line longer than a teaser, or prose paragraphs holding more than
        `max_prose_share` of the text's prose words: teasers sit beside an article, so what
        holds most of the prose is the article itself, under a marker of the page's menu."""
        if not self.counts:
            ends = [line.text.endswith(FULL_STOP) for line in self.body]
            is_prose = [end and line.words >= self.prose_words for end, line in zip(ends, self.body)]
            self.counts = (
                _suffix_sums([kind is not None for kind in self.kinds]),
                _suffix_sums(ends),
                _suffix_sums(is_prose),
                _suffix_sums([line.words > self.max_words for line in self.body]),
                _suffix_sums([line.words if p else 0 for p, line in zip(is_prose, self.body)]),
            )
        i, j = n + 1, len(self.body) if stop is None else stop
        anchors, sentences, prose, too_long, prose_words = (sums[i] - sums[j] for sums in self.counts)
        all_prose_words = self.counts[-1][0]
        article = prose_words > self.max_prose_share * all_prose_words
        return j - i, anchors, sentences, prose, too_long > 0 or article


def _next(markers: list[int], n: int) -> int | None:
    """The next marker after the n-th content line that is not right under another marker (a
    block may have two marker lines, "Related" / "More from Reuters"); None at the end."""
    later = [m for m in markers if m > n]
    for previous, m in zip([n, *later], later):
        if m > previous + 1:
            return m
    return None


def _suffix_sums(values: list[int] | list[bool]) -> list[int]:
    """`sums[n]` = the sum of `values[n:]` (how many are true); one more entry (0) at the end."""
    sums = list(accumulate(reversed(values), initial=0))
    sums.reverse()
    return sums


def _is_marker(line: Line) -> bool:
    return MARKERS.match(line.key) is not None or _is_brand_more(line)


def _is_brand_more(line: Line) -> bool:
    return BRAND_MORE.match(line.text) is not None


def anchor_kind(line: Line, settings: RelatedArticles) -> str | None:
    """"author" or "time" for the lines that recur once per teaser, else None."""
    return _anchor_kind(line.text, line.words, settings.max_author_words, settings.max_time_words)


@lru_cache(maxsize=1 << 16)
def _anchor_kind(text: str, words: int, max_author_words: int, max_time_words: int) -> str | None:
    """Cached: the pipeline asks again for the same lines in its later rounds, and sites repeat lines."""
    if words <= max_author_words and AUTHOR_LINE.match(text):
        return "author"
    if words <= max_time_words and is_timestamp(text):
        return "time"
    return None


@register("related_articles")
@dataclass(frozen=True, slots=True)
class RelatedArticles(Filter):
    """Blocks of teasers for other articles.

    A marker ("Related Articles", "More from Reuters", "You may also like") followed by
    teasers, to the end and up to the next marker, removes everything from the marker on (a
    promo box's marker inside the article is followed by the article's paragraphs, and the
    page's real teasers only after them); one followed by a few headline links
    removes just those; a marker that is a pure page label ("Most Read") goes even alone.
    With no marker, a tail where a teaser's shape (title, author line,
    time) repeats at least `min_teasers` times goes too.

    Removes: "Related Articles" and the teasers after it
    Keeps:   "Related to the inquiry, the minister resigned on Friday." (a sentence)
    """

    reasons: ClassVar[tuple[str, ...]] = ("related_block", "related_links", "related_label", "teaser_block")
    contextual: ClassVar[bool] = True

    max_marker_words: int = 8
    max_teaser_words: int = 80
    max_link_words: int = 20
    min_tail_fraction: float = 0.3
    min_teasers: int = 3
    max_period: int = 8
    prose_words: int = 15  # a paragraph ending in a full stop with this many words is prose
    max_prose_share: float = 0.5  # what holds more of the text's prose words after a marker is no teaser list
    max_author_words: int = 6  # the longest teaser author line ("By Jane Doe and John Roe")
    max_time_words: int = 10  # the longest teaser time line

    def find(self, view: View) -> Iterator[Removal]:
        lines = view.lines
        content = view.content()
        tails = _TailStats(lines, content, self)
        consumed = -1
        markers = [n for n, p in enumerate(content) if lines[p].words <= self.max_marker_words and _is_marker(lines[p])]
        for n in markers:
            position = content[n]
            line = lines[position]
            if position <= consumed:
                continue
            if self._teasers_follow(view, position, tails.after(n), tails.after(n, _next(markers, n))):
                yield from remove(lines[position:], self.name, "related_block", line.text)
                return
            links = self._link_run(lines, position, content[n + 1 : n + 11])
            if links:
                consumed = links[-1]
                yield from remove([line] + [lines[p] for p in links], self.name, "related_links", line.text)
            elif LABELS.match(line.key) or _is_brand_more(line):
                yield from remove([line], self.name, "related_label", line.text)
        block = self._teaser_tail(lines, content, tails, consumed)
        if block is not None:
            yield from remove(lines[block[0] : block[1] + 1], self.name, "teaser_block")

    def _teasers_follow(self, view: View, position: int, tail: _After, block: _After) -> bool:
        """True when what follows the marker reads as teasers, not prose: to the end (`tail`), and
        up to the next marker (`block`)."""
        return self._teasers(view, position, tail) and self._teasers(view, position, block)

    def _teasers(self, view: View, position: int, after: _After) -> bool:
        """Whether the lines `after` the marker read as teasers. Teaser summaries are sentences
        too, so prose paragraphs are allowed only where teaser anchors (author or time lines)
        recur and show the block's shape."""
        count, anchors, sentences, prose, too_long = after
        if not count:
            return True
        if too_long or (prose and anchors < 2):
            return False
        teaserish = anchors >= 1 or sentences * 3 <= count
        return teaserish and (view.fraction(position) >= self.min_tail_fraction or anchors >= 2)

    def _link_run(self, lines: tuple[Line, ...], marker: int, after: list[int]) -> list[int]:
        """The headline-like lines directly under a mid-text marker (no blank line between); when
        the first is a list item, the list's items only (a heading after the list is the article's)."""
        run: list[int] = []
        for p in after:
            line = lines[p]
            if line.words > self.max_link_words or line.text.endswith(FULL_STOP):
                break
            if p != (run[-1] if run else marker) + 1:
                break
            if run and is_list_item(lines[run[0]].text) and not is_list_item(line.text):
                break
            run.append(p)
        return run

    def _teaser_tail(
        self, lines: tuple[Line, ...], content: list[int], tails: _TailStats, consumed: int
    ) -> tuple[int, int] | None:
        """First and last positions of a tail of teasers whose anchor lines repeat with a fixed
        period; small print after the last teaser is left out of it. Not a tail that holds most
        of the text's prose (`_TailStats.after`): a listicle's entries ("Gando" / "by Matthieu
        Cortat" / three paragraphs) have the shape of teasers and are the article."""
        skip = sum(1 for p in content if p <= consumed)
        content, kinds = content[skip:], tails.kinds[skip:]
        while content and not kinds[-1] and SMALL_PRINT.find(lines[content[-1]].key):
            content, kinds = content[:-1], kinds[:-1]
        for kind in ("author", "time"):
            marks = [n for n, k in enumerate(kinds) if k == kind]
            if len(marks) < self.min_teasers:
                continue
            period = marks[-1] - marks[-2]
            run = [marks[-1]]
            for n in reversed(marks[:-1]):
                if run[-1] - n != period:
                    break
                run.append(n)
            trailing = len(content) - 1 - marks[-1]
            if len(run) < self.min_teasers or not 2 <= period <= self.max_period or trailing >= period:
                continue
            first = run[-1] - (period - 1 - trailing)
            if first < 0:
                continue
            *_, too_long = tails.after(skip + first - 1)
            if too_long:
                continue
            return content[first], content[-1]
        return None
