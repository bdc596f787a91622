"""Bylines and author lines: "By Jane Doe and John Roe, Reuters", "Jane Doe · Stocktwits",
"Le Monde avec AFP", "Somini Sengupta is the international climate reporter for The Times."

Parsing into (author, outlet) lives here so that the step that removes bylines and the metadata
it reports share one reading of them.
"""

from __future__ import annotations

import regex

from .dates import is_timestamp
from .filters.phrases import pattern, words
from .lines import ends_clause
from .types import Line

_BY = words("metadata", "by")
ROLE = regex.compile(rf"\b(?:{'|'.join(words('metadata', 'roles'))})s?\b", regex.IGNORECASE)
# "Somini Sengupta is the international climate reporter for The Times."
# "Cassidy Horton is a finance writer who's passionate about ... . With an MBA, ...": the first
# sentence names the role, however long the bio goes on.
_AUTHOR_BIO = regex.compile(
    r"^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,2}\s+(?:is|was|covers|writes|reports)\b(?:.{0,160}$|[^.!?]{0,160}[.!?](?=\s|$))"
)
_AUTHOR_BOX = pattern("metadata", "author_box")
_BOX_HEADING_WORDS = 6
_NAME_HEAD = regex.compile(r"^(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,2})\s+")
# "Le Monde avec AFP", "Staff and agencies": an outlet credited together with a news agency.
_WIRES = "afp reuters ap dpa efe ansa agencies agences agenturen wires".split()
_WIRE_ENDS = frozenset(_WIRES)  # a line whose key ends otherwise skips _WIRE_CREDIT
_WIRE_CREDIT = regex.compile(
    rf"^[\p{{L}}.'’ -]{{2,40}}\s(?:with|and|avec|et|mit|und|con|y|com|e)\s(?i:{'|'.join(_WIRES)})$"
)
# "admin on 12 March 2024" after a by-word: a name or handle, then the date.
_NAME_ON_DATE = regex.compile(r"^(?P<name>.+?)\s+(?i:on|am|le|el|il|op|em|at)\s+(?P<date>.+)$")
_BY_LINE = regex.compile(rf"^(?i:{'|'.join(_BY)})\s*:?\s+(?P<rest>.+)$")
# "By Jane Doe", "Author: Jane Doe": a by-word, then anything (teaser author lines).
AUTHOR_LINE = regex.compile(rf"^(?i:{'|'.join(_BY)})\b[\s:]*\S")
# "Posted on June 12, 2025 by Emma Baker": a timestamp, then a by-word and the names.
_STAMP_BY = regex.compile(rf"^(?P<stamp>.+?)\s+(?i:{'|'.join(_BY)})\s+(?P<rest>.+)$")
_SEPARATOR = regex.compile(r"\s*(?:[·•|]|\s[–—-]\s|,\s)\s*")
_NAME_BREAKS = regex.compile(r"[\s,;]+")
_NAME_WORD = regex.compile(r"^(?:\p{Lu}[\p{L}.'’-]*|[\p{Lu}]\.?|@\w+)$")
_CONNECTORS = frozenset(
    "and & und et y e en og och i of de da di du van von der den la le al bin ibn dos das del".split()
)


def are_names(text: str) -> bool:
    """True when `text` is capitalised names joined by connectors: "Jane Doe and John Roe"."""
    tokens = [t for t in _NAME_BREAKS.split(text.strip(" ,;")) if t]
    if not tokens or len(tokens) > 10 or tokens[0].lower() in _CONNECTORS:
        return False
    return all(_NAME_WORD.match(t) or t.lower() in _CONNECTORS for t in tokens)


def is_author_bio(text: str) -> bool:
    """"Name is/covers/writes ..." naming a newsroom role after the name: the author's bio
    ("Movavi Video Editor is one of those programs ..." names none: "Editor" is in the name)."""
    bio = _AUTHOR_BIO.match(text)
    if bio is None:
        return False
    name = _NAME_HEAD.match(text)
    return ROLE.search(bio.group(), name.end() if name else 0) is not None


def starts_with_name(text: str) -> bool:
    """Whether `text` opens with two or three capitalised words, as a bio opens with its subject."""
    return _NAME_HEAD.match(text) is not None


def is_author_box(line: Line) -> bool:
    """The heading of an author box: "About the author", "Über die Autorin", "Meet the writers"."""
    return line.words <= _BOX_HEADING_WORDS and _AUTHOR_BOX.match(line.key) is not None


def is_wire_credit(line: Line) -> bool:
    """An outlet credited with a news agency: "Le Monde avec AFP", "Staff and agencies"."""
    return line.key.rpartition(" ")[2] in _WIRE_ENDS and _WIRE_CREDIT.match(line.text) is not None


def parse_byline(text: str) -> tuple[str, str] | None:
    """(author, outlet) from a byline, or None if `text` is not one.

    Reads "By Jane Doe", "By Jane Doe, Reuters", "Jane Doe · Stocktwits", "Author: Jane Doe",
    "By Jane Doe June 5, 2025 10:00 AM".
    """
    if ends_clause(text) or len(text.split()) > 14:
        return None
    stamped = _STAMP_BY.match(text)
    if stamped and is_timestamp(stamped.group("stamp")) and are_names(stamped.group("rest")):
        return stamped.group("rest"), ""
    match = _BY_LINE.match(text)
    if match:
        dated = _NAME_ON_DATE.match(match.group("rest"))
        if dated and is_timestamp(dated.group("date")) and len(dated.group("name").split()) <= 4:
            return dated.group("name"), ""
        named = _name_then_date(match.group("rest"))
        if named:
            return named, ""
    body = match.group("rest") if match else text
    parts = [p for p in _SEPARATOR.split(body) if p]
    if not parts:
        return None
    if match:
        head = parts[0]
        if not are_names(head):
            return None
        rest = [p for p in parts[1:] if not is_timestamp(p)]
        return head, rest[0] if rest and are_names(rest[0]) else ""
    if len(parts) == 2 and are_names(parts[0]) and are_names(parts[1]) and len(parts[0].split()) >= 2:
        return parts[0], parts[1]
    return _name_and_role(text)


def _name_then_date(rest: str) -> str | None:
    """The name in "Jane Doe June 5, 2025 10:00 AM" or "Jane Doe Published: Jun 25, 2025" after a
    by-word, with nothing between name and date: the fewest words (two to four) that read as
    names with a timestamp of two words or more after them ("By May 2025", "By Christmas Eve
    2025" are no bylines)."""
    tokens = rest.split()
    for size in range(2, min(4, len(tokens) - 2) + 1):
        name, stamp = " ".join(tokens[:size]), " ".join(tokens[size:])
        if are_names(name) and not stamp.startswith("(") and is_timestamp(stamp):
            return name  # "by Joe Abercrombie (May 13th)" is a book in a list of releases
    return None


def _name_and_role(text: str) -> tuple[str, str] | None:
    """A name followed by a job title: "Denis Campbell Health policy editor" → its first two words.

    The split between name and title is ambiguous ("Health" is capitalised too); most names
    have two words, so those are taken as the author.
    """
    if len(text.split()) > 8 or not ROLE.search(text):
        return None
    head = _NAME_HEAD.match(text)
    if head is None or ROLE.search(head.group(1).split()[1]):
        return None
    return " ".join(head.group(1).split()[:2]), ""
