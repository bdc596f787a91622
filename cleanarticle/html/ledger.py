"""The whole ledger of an HTML page: every visible line that is not in the output, and why.

The text pipeline only sees what trafilatura extracted, so its ledger says nothing of the
navigation, share bars or related-article asides that never reached it. This module merges the
page's visible lines (`visible.visible_lines`) into the pipeline's source: each extracted line is
matched to the visible line it came from (on letters and digits, in order), and every visible
line left over is inserted in its place in the source with a removal of its own, under the
step that took it: `prune` (the furniture rule as reason, what matched as detail) or `extract`
(`not_main_content`). The pipeline's own removals are moved by what was inserted before them, so
`apply_removals(source, removals)` still gives the pipeline's text, byte for byte.

A visible line whose letters are part of unmatched extracted lines nearby (trafilatura split a
`<br>` paragraph, or joined table cells) counts as extracted and is not inserted, and so is an
extracted line's part of a longer visible line: the ledger never shows the same text twice.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from ..types import Field, Metadata, Removal
from .prune import PrunedNode
from .structure import loose_key
from .visible import NO_OWNER, VisibleLine

EXTRACT = "extract"
PRUNE = "prune"
NOT_MAIN_CONTENT = "not_main_content"


@dataclass(frozen=True, slots=True)
class Account:
    """The merged source, its complete ledger, and where the pipeline's source lines went.

    `extracted[i]` is True for a line of `source` that came from the pipeline's source, False for
    an inserted (removed) visible line."""

    source: str
    removals: tuple[Removal, ...]
    extracted: tuple[bool, ...]
    _starts: tuple[int, ...]  # offset of each pipeline source line in the pipeline source
    _shifts: tuple[int, ...]  # characters inserted before it

    def move(self, offset: int, end: bool = False) -> int:
        """Where `offset` of the pipeline's source is in `source` (`end`: an exclusive end offset)."""
        if not self._starts:
            return offset
        index = bisect_right(self._starts, offset - 1 if end and offset else offset) - 1
        return offset + self._shifts[max(index, 0)]

    def move_metadata(self, metadata: Metadata) -> Metadata:
        """`metadata` with the spans of its fields moved into `source`."""
        fields = {}
        for name in ("title", "author", "published", "updated", "outlet"):
            value: Field | None = getattr(metadata, name)
            if value is not None and value.start >= 0:
                value = replace(value, start=self.move(value.start), end=self.move(value.end, end=True))
            fields[name] = value
        return Metadata(**fields)


def account(
    source: str,
    removals: Sequence[Removal],
    visible: Sequence[VisibleLine],
    pruned: Sequence[PrunedNode],
    normalize: Callable[[str], str] = str.strip,
    left_out: Mapping[int, tuple[str, str, str]] | None = None,
    origin: Sequence[int] | None = None,
) -> Account:
    """Merge the `visible` lines that the pipeline's `source` does not hold into it, each with a removal.

    `pruned[line.owner]` says why a line inside a furniture node went; `left_out` maps the index
    of a visible line outside furniture to (step, reason, detail) when an extractor said why it
    left the line out (default: step `extract`, `not_main_content`); `normalize` is applied to
    each inserted line (the pipeline's normalizers, so the source reads alike throughout).
    `origin`, when given and one per source line, is the index of the visible line each source
    line came from (our model's lines): then no alignment is needed."""
    lines = source.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the source ends with a newline: no line after it
    inserts = _placed(origin, visible) if origin is not None and len(origin) == len(lines) else _inserts(lines, visible)
    open_end = bool(source) and not source.endswith("\n")  # text inserted after the last line needs a newline first
    pieces: list[str] = []
    added: list[Removal] = []
    extracted: list[bool] = []
    starts: list[int] = []
    shifts: list[int] = []
    old = new = 0
    for index in range(len(lines) + 1):
        at_end = index == len(lines)
        for at, line in inserts.get(index, ()):
            text = " ".join(normalize(line.text).split("\n")).strip()
            if not text:
                continue
            chunk = "\n" + text if at_end and open_end else text + "\n"
            added.append(_removal(new, new + len(chunk), line, pruned, (left_out or {}).get(at)))
            pieces.append(chunk)
            extracted.append(False)
            new += len(chunk)
        if at_end:
            break
        piece = source[old : old + len(lines[index]) + 1]  # with its newline, if it has one
        starts.append(old)
        shifts.append(new - old)
        pieces.append(piece)
        extracted.append(True)
        old += len(piece)
        new += len(piece)
    merged = Account("".join(pieces), (), tuple(extracted), tuple(starts), tuple(shifts))
    moved = [replace(r, start=merged.move(r.start), end=merged.move(r.end, end=True)) for r in removals]
    spans = [(r.start, r.end) for r in added]
    pieces_of = [piece for removal in moved for piece in _around(removal, spans)]
    return replace(merged, removals=tuple(sorted([*added, *pieces_of], key=lambda r: (r.start, r.end))))


def _around(removal: Removal, spans: Sequence[tuple[int, int]]) -> list[Removal]:
    """`removal` less the inserted `spans` (sorted, disjoint) inside it: a filter's block of
    lines around inserted ones is recorded once per run, so no text is in two removals."""
    out = []
    start = removal.start
    for begin, end in spans[bisect_right(spans, (removal.start, -1)) :]:
        if begin >= removal.end:
            break
        if begin > start:
            out.append(replace(removal, start=start, end=begin))
        start = max(start, end)
    if start < removal.end:
        out.append(replace(removal, start=start))
    return out


def _removal(
    start: int, end: int, line: VisibleLine, pruned: Sequence[PrunedNode], why: tuple[str, str, str] | None
) -> Removal:
    if line.owner != NO_OWNER and 0 <= line.owner < len(pruned):
        node = pruned[line.owner]
        return Removal(start, end, PRUNE, node.reason, node.detail)
    if why is not None:
        return Removal(start, end, *why)
    return Removal(start, end, EXTRACT, NOT_MAIN_CONTENT)


def _inserts(lines: Sequence[str], visible: Sequence[VisibleLine]) -> dict[int, list[tuple[int, VisibleLine]]]:
    """The visible lines to insert (with their index), keyed by the pipeline source line they go
    before (len(lines): at the end)."""
    ours = [loose_key(line) for line in lines]
    theirs = [loose_key(line.text) for line in visible]
    matcher = SequenceMatcher(None, ours, theirs, autojunk=False)
    inserts: dict[int, list[tuple[int, VisibleLine]]] = {}
    at_ours = at_theirs = 0
    for block in matcher.get_matching_blocks():
        gap_ours = "".join(ours[at_ours : block.a])
        for index in range(at_theirs, block.b):
            key = theirs[index]
            if not key or key in gap_ours or (gap_ours and gap_ours in key):
                continue
            inserts.setdefault(at_ours, []).append((index, visible[index]))
        at_ours, at_theirs = block.a + block.size, block.b + block.size
    return inserts


def _placed(origin: Sequence[int], visible: Sequence[VisibleLine]) -> dict[int, list[tuple[int, VisibleLine]]]:
    """`_inserts` when the visible line of each source line is known (`origin`, ascending)."""
    taken = set(origin)
    inserts: dict[int, list[tuple[int, VisibleLine]]] = {}
    before = 0  # the source line the next visible line not taken goes before
    for index, line in enumerate(visible):
        while before < len(origin) and origin[before] < index:
            before += 1
        if index not in taken:
            inserts.setdefault(before, []).append((index, line))
    return inserts
