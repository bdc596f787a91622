"""Metadata lines near the top: bylines, timestamps, outlet labels; parsed into metadata."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from ..bylines import are_names, is_author_bio, is_author_box, is_wire_credit, parse_byline, starts_with_name
from ..dates import is_dateline, is_stamp_label, is_timestamp, stamp_kind
from ..lines import ends_clause, is_label, is_title
from ..registry import register
from ..types import Field, Line, Removal
from .base import Filter, View, remove_each


@register("metadata_lines")
@dataclass(frozen=True, slots=True)
class MetadataLines(Filter):
    """Bylines, timestamps and outlet labels in the first lines; they become metadata. An
    author's bio there goes too (an author box above the article), but names no metadata.

    Also, after the last paragraph: a lone name (the author's signature), a byline ("Written by
    Jane Doe", an author box's first line) and an author's bio (its first sentence names a role:
    "Jane Doe is a finance writer who ...", however long it goes on). Anywhere, an author box
    under its heading ("About the author", "Über die Autorin"): per person a few short lines (a
    name, a role) and one paragraph, as `author_bio`; short lines that no paragraph follows
    belong to the next section and stay, and a box never takes `box_share` of the text.
    Further down, a timestamp line between paragraphs (`inline_timestamp`, no metadata: it may
    date a comment or an update), unless the text holds `dated_entries` different ones, each
    followed by a paragraph before the next: then they head the entries of a schedule or a diary,
    and stay wherever they are (one stamp printed three times, or three stacked under the
    headline, date one page, not a diary).

    Removes: "By Jane Doe and John Roe, Reuters", "Updated Jul 02, 2025 | 8:31 PM GMT-04"
    Keeps:   "By Tuesday, the talks had collapsed." (a sentence, not names)
    """

    reasons: ClassVar[tuple[str, ...]] = (
        "byline",
        "timestamp",
        "header_label",
        "author_signature",
        "author_bio",
        "inline_timestamp",
    )
    contextual: ClassVar[bool] = True

    window: int = 15
    body_words: int = 12
    max_meta_words: int = 30  # no timestamp (24 tokens at most), dateline or byline (14 words) is longer
    max_label_words: int = 3  # an outlet or section label in the header
    max_signature_words: int = 4  # a lone name after the last paragraph
    stamp_reach: int = 3  # a paragraph this many content lines before and after an inline timestamp
    dated_entries: int = 3  # this many different inline timestamps are a dated list, kept
    box_labels: int = 3  # short lines (a name, a role, a handle) before each bio in an author box
    box_label_words: int = 12  # the most words of such a line
    box_words: int = 150  # the most words of one bio paragraph in an author box
    box_people: int = 4  # the most bios one author box holds
    box_share: float = 0.5  # an author box never takes this share of the text's words

    def metadata(self, view: View, removals: Sequence[Removal]) -> dict[str, Field]:
        """Author and outlet from the bylines removed, published or updated from the timestamps,
        outlet from a header label; the first of each wins."""
        source = view.source
        found: dict[str, Field] = {}
        for removal in removals:
            text = source[removal.start : removal.end].strip()
            if removal.reason == "byline":
                parsed = parse_byline(text)
                if parsed:
                    author, outlet = parsed
                    found.setdefault("author", _field(source, author, removal.start, removal.end))
                    if outlet:
                        found.setdefault("outlet", _field(source, outlet, removal.start, removal.end))
            elif removal.reason == "timestamp" and (kind := stamp_kind(text)):
                found.setdefault(kind, _field(source, text, removal.start, removal.end))
            elif removal.reason == "header_label":
                found.setdefault("outlet", _field(source, text, removal.start, removal.end))
        return found

    def find(self, view: View) -> Iterator[Removal]:
        lines = view.lines
        content = view.content()
        head, found = self._head(lines, content)
        for position in self._labels(view, head, found):
            found[position] = "header_label"
        if len(content) >= 3:
            for position, reason in self._signature(lines, content).items():
                found.setdefault(position, reason)
        for position in self._author_boxes(lines, content):
            found.setdefault(position, "author_bio")
        stamps = self._inline_stamps(lines, content)
        if self._dated_list(lines, stamps):  # its dates stay, in the head too
            found = {p: reason for p, reason in found.items() if p not in stamps}
        else:
            for position in stamps:
                found.setdefault(position, "inline_timestamp")
        yield from remove_each(lines, found, self.name)

    def _signature(self, lines: tuple[Line, ...], content: list[int]) -> dict[int, str]:
        """Author lines ending the text: a lone name, a byline, or "Name is a reporter ...".

        Only when every line after the last paragraph is one of them: a capitalised
        two-word line before other short lines is more likely a heading ("Most Read").
        """
        found: dict[int, str] = {}
        for position in reversed(content):
            line = lines[position]
            if is_author_bio(line.text):
                found[position] = "author_bio"
            elif parse_byline(line.text) is not None:
                found[position] = "byline"
            elif line.words >= 2 and is_label(line, self.max_signature_words) and are_names(line.text):
                found[position] = "author_signature"
            elif ends_clause(line.text) or line.words >= self.body_words:
                return found
            else:
                return {}
        return {}

    def _author_boxes(self, lines: tuple[Line, ...], content: list[int]) -> list[int]:
        """The lines of each author box: its heading, then per person up to `box_labels` short
        lines, the first a name, and one paragraph of at most `box_words` words. Only the first
        bio may come without a name line, when it starts with a name ("Paul Martin est ...")."""
        found: list[int] = []
        total = sum(lines[p].words for p in content)
        for at, heading in enumerate(content):
            if not is_author_box(lines[heading]):
                continue
            box, people = [heading], 0
            pending: list[int] = []
            for position in content[at + 1 :]:
                line = lines[position]
                if is_label(line, self.box_label_words):
                    if len(pending) == self.box_labels or not (pending or are_names(line.text)):
                        break
                    pending.append(position)
                elif line.words <= self.box_words and (pending or (not people and starts_with_name(line.text))):
                    box += [*pending, position]
                    pending, people = [], people + 1
                    if people == self.box_people:
                        break
                else:
                    break
            if len(box) > 1 and sum(lines[p].words for p in box) < self.box_share * total:
                found += box
        return found

    def _dated_list(self, lines: tuple[Line, ...], stamps: list[int]) -> bool:
        """Whether `stamps` head the entries of a dated list: `dated_entries` different ones, each
        with a paragraph between it and the next (stamps stacked under a headline date one
        article, however many there are)."""
        keys = {lines[p].key for p in stamps}
        entries = 1 + sum(
            any(_is_body(line, self.body_words) for line in lines[a + 1 : b]) for a, b in zip(stamps, stamps[1:])
        )
        return len(keys) >= self.dated_entries and entries >= self.dated_entries

    def _inline_stamps(self, lines: tuple[Line, ...], content: list[int]) -> list[int]:
        """Timestamp lines with a paragraph within `stamp_reach` content lines on each side. A
        date ending in a colon opens an entry ("2025-12-19:") and is not one."""
        reach = self.stamp_reach
        found = []
        for at, position in enumerate(content):
            line = lines[position]
            if line.words <= self.max_meta_words and not line.text.endswith(":") and is_timestamp(line.text):
                before, after = content[max(0, at - reach) : at], content[at + 1 : at + 1 + reach]
                if any(_is_body(lines[p], self.body_words) for p in before) and any(
                    _is_body(lines[p], self.body_words) for p in after
                ):
                    found.append(position)
        return found

    def _head(self, lines: tuple[Line, ...], content: list[int]) -> tuple[list[int], dict[int, str]]:
        """The content lines up to the `window`-th that is not metadata, or to the second body
        paragraph (a standfirst may come first, bylines and dates after it), and the metadata
        lines among them (position → reason).

        Metadata lines do not count towards the window: once they are removed, a second run
        sees the same lines in its window, and finds nothing more (a top block of 40 archive
        dates goes in one run, not 15 at a time).
        """
        head: list[int] = []
        found: dict[int, str] = {}
        kept = bodies = 0
        for position in content:
            line = lines[position]
            if kept == self.window:
                break
            title = position == content[0] and is_title(line)
            bio = not title and is_author_bio(line.text)  # an author box above the article
            if not bio and _is_body(line, self.body_words):
                bodies += 1
                if bodies == 2:
                    break
            head.append(position)
            reason = "author_bio" if bio else None if title else self._reason(line)
            if reason:
                found[position] = reason
            else:
                kept += 1
        return head, found

    def _reason(self, line: Line) -> str | None:
        if line.words > self.max_meta_words:
            return None
        if is_timestamp(line.text) or is_stamp_label(line.text) or is_dateline(line.text):
            return "timestamp"
        if is_wire_credit(line):
            return "byline"
        if parse_byline(line.text) is not None:
            return "byline"
        return None

    def _labels(self, view: View, head: list[int], found: dict[int, str]) -> list[int]:
        """Label lines chained by direct adjacency (no blank line between) to a found line."""
        lines = view.lines
        inside = set(head[1:])
        taken = set(found)
        grew = True
        while grew:
            grew = False
            for position in sorted(inside - taken):
                if _is_header_label(lines[position], self.max_label_words) and (position - 1 in taken or position + 1 in taken):
                    taken.add(position)
                    grew = True
        return sorted(taken - set(found))


def _field(source: str, value: str, start: int, end: int) -> Field:
    """`value` with its span, found inside the removed span [start, end) when it is there."""
    at = source.find(value, start, end)
    return Field(value, at, at + len(value)) if at >= 0 else Field(value, start, end)


def _is_body(line: Line, min_words: int) -> bool:
    """A paragraph of prose: long enough, and ending like a sentence."""
    return line.words >= min_words and ends_clause(line.text)


def _is_header_label(line: Line, max_words: int) -> bool:
    """A short name-like label (not lower-case, not a field name with a colon): an outlet or section
    label in the header."""
    return is_label(line, max_words) and not line.text[0].islower() and not line.text.endswith(":")
