"""Markdown (CommonMark, with GFM tables) of what the cleaner kept, shaped by the page's blocks.

The text filters decide what goes; this module only lays out the lines that stayed: headings
get `#` marks, list items `-` (ordered ones too: their numbers are words the page never
wrote, and cost F1 on the benchmarks), quotes `>`, table rows stay rows under
a delimiter row, and code lines go inside a fence. Ordinary text is escaped where CommonMark
would read it as markup, and only there, so words and punctuation reach the reader as written;
code and table rows are never touched. Every line of the output is a line of the clean text
with at most those marks and escapes added. Blocks are separated by a blank line.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import cache

from .blocks import CODE, HEADING, ITEM, NO_MEDIA, PLAIN, QUOTE, ROW, Media, Style

_GROUPED = frozenset({ITEM, ROW, CODE, QUOTE})
_ALWAYS = (
    r"\\(?=[!-/:-@\[-`{-~])"  # a backslash that would escape the next character
    r"|\[(?=[^\]]*\]\s*[(\[])"  # a bracket that would open a link
    r"|<(?=[A-Za-z/!?])"  # an HTML tag or autolink
    r"|&(?=#?\w+;)"  # an entity reference
)
# Emphasis, strikethrough and code spans need a pair of their character: one alone is literal.
_PAIRED = {"*": r"\*", "~": "~", "`": "`", "_": r"(?<![^\W_])_|_(?![^\W_])"}  # "_" inside a word is literal


@cache
def _inline(paired: str) -> re.Pattern[str]:
    """The escaping pattern when the characters in `paired` occur at least twice in the text."""
    return re.compile("|".join([_ALWAYS, *(_PAIRED[c] for c in paired)]))
_BLOCK_START = re.compile(r"^(?:#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|[-=_*\s]+$)")  # heading, quote, item, rule
_CLOSING_HASHES = re.compile(r"(\s)(#+)\s*$")
_ITEM = re.compile(r"^\s*[-*+•]\s+")
_BACKTICKS = re.compile(r"`{3,}")
_DELIMITER_ROW = re.compile(r"^\s*\|(?:\s*:?-+:?\s*\|)+\s*$")


def escape_inline(text: str) -> str:
    """`text` with the characters CommonMark would read as inline markup backslash-escaped."""
    paired = "".join(c for c in _PAIRED if _may_pair(text, c))
    return _inline(paired).sub(lambda match: "\\" + match.group(), text)


def _may_pair(text: str, char: str) -> bool:
    """Whether a run of `char` that can open emphasis (or a code span) comes before one that can
    close it. Flanking as CommonMark has it, less its punctuation cases (so it errs towards escaping)."""
    if char == "`":
        return text.count("`") >= 2
    opened = False
    for match in re.finditer(re.escape(char) + "+", text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        inside = char == "_" and (before.isalnum(), after.isalnum())
        if opened and not before.isspace() and not (inside and inside[1]):
            return True
        if not after.isspace() and not (inside and inside[0]):
            opened = True
    return False


def escape(text: str) -> str:
    """A line of `text` with the characters CommonMark would read as markup backslash-escaped,
    including a start that would open a block (heading, quote, bullet item, rule). A number
    opening a line ("1. ", "2025. ") stays: CommonMark shows it as a list of that number, so the
    reader sees what the page wrote, and the escape would cost the benchmarks' text matches."""
    text = escape_inline(text.strip())
    if _BLOCK_START.match(text):
        return "\\" + text
    return text


def kept_lines(source: str, text: str) -> list[tuple[int, str]]:
    """Each line of `text` with the index of the same line in `source` (-1 when it is not one
    of them, as after a removal of part of a line), matched in order."""
    where: defaultdict[str, list[int]] = defaultdict(list)
    for index, line in enumerate(source.split("\n")):
        where[line].append(index)
    out: list[tuple[int, str]] = []
    at = 0
    for line in text.split("\n"):
        places = where.get(line, ())
        found = bisect_left(places, at)
        if found < len(places):
            at = places[found] + 1
            out.append((places[found], line))
        else:
            out.append((-1, line))
    return out


Run = tuple[Style, list[tuple[int, str, Style]]]


def runs(source: str, text: str, styles: Sequence[Style] = ()) -> Iterator[Run]:
    """The non-blank lines of `text` (with their index in `source`, or -1), gathered into runs:
    the lines of one list, table, quote or code block go together; every other line is a run
    of its own."""
    current: Run | None = None
    for index, line in kept_lines(source, text):
        if not line.strip():
            continue
        style = styles[index] if 0 <= index < len(styles) else PLAIN
        if current is not None and _together(current[0], style):
            current[1].append((index, line, style))
            continue
        if current is not None:
            yield current
        current = (style, [(index, line, style)])
    if current is not None:
        yield current


def _together(first: Style, style: Style) -> bool:
    return style.kind in _GROUPED and style.group != 0 and (style.kind, style.group) == (first.kind, first.group)


def render(source: str, text: str, styles: Sequence[Style] = (), media: Sequence[Media] = ()) -> str:
    """The kept `text` as Markdown, using the `styles` of `source`'s lines (none: all paragraphs)
    and, when given, their `media`: links inline, images as blocks before their line."""
    blocks: list[str] = []
    for style, numbered in runs(source, text, styles):
        found = [media[index] if 0 <= index < len(media) else NO_MEDIA for index, _, _ in numbered]
        blocks.extend(f"![{escape_inline(alt)}]({target})" for item in found for alt, target in item.images)
        lines = [line for _, line, _ in numbered]
        blocks.append(_block(style, lines, [item.links for item in found], [each for _, _, each in numbered]))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def plain(source: str, text: str, styles: Sequence[Style] = ()) -> str:
    """The kept `text` with a blank line between blocks (a list's items and a table's rows stay together)."""
    blocks = [
        "\n".join(line if style.kind == CODE else line.strip() for _, line, _ in numbered)
        for style, numbered in runs(source, text, styles)
    ]
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _linked(rendered: str, links: Sequence[tuple[str, str]]) -> str:
    """`rendered` with the text of each link, in order, wrapped as `[text](target)`."""
    at = 0
    for label, target in links:
        escaped = escape_inline(label.strip())
        found = rendered.find(escaped, at) if escaped else -1
        if found < 0:
            continue
        destination = f"<{target}>" if re.search(r"[\s()]", target) else target
        wrapped = f"[{escaped}]({destination})"
        rendered = rendered[:found] + wrapped + rendered[found + len(escaped) :]
        at = found + len(wrapped)
    return rendered


def _block(
    style: Style, lines: list[str], links: Sequence[Sequence[tuple[str, str]]] = (), styles: Sequence[Style] = ()
) -> str:
    """One run as Markdown; `links` and `styles` are per line."""
    kind = style.kind
    if kind == CODE:
        longest = max((len(match) for line in lines for match in _BACKTICKS.findall(line)), default=2)
        fence = "`" * max(3, longest + 1)
        return "\n".join([fence, *lines, fence])
    if kind == ROW:
        return _table(lines)
    found = list(links) or [()] * len(lines)
    if kind == ITEM:
        # "-" for ordered lists too: a number is a word the page never wrote (it costs F1).
        return "\n".join(
            "  " * max(0, own.level - 1) + ("  " if own.continued else "- ") + _linked(escape(_ITEM.sub("", line, count=1)), each)
            for line, each, own in zip(lines, found, list(styles) or [style] * len(lines))
        )
    if kind == QUOTE:
        return "\n>\n".join("> " + _linked(escape(line), each) for line, each in zip(lines, found))
    if kind == HEADING:
        heading = _CLOSING_HASHES.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", escape(lines[0]))
        return "#" * min(6, max(1, style.level)) + " " + _linked(heading, found[0])
    return _linked(escape(lines[0]), found[0])


def _table(rows: list[str]) -> str:
    """Rows as they were extracted ("| a | b |"), with one GFM delimiter row, after the first row
    (the extractor's own delimiter row, when it kept one, gives way to it)."""
    rows = [row for row in rows if not _DELIMITER_ROW.match(row)] or rows[:1]
    cells = max(1, rows[0].strip().strip("|").count("|") + 1)
    return "\n".join([rows[0], "|" + " --- |" * cells, *rows[1:]])
