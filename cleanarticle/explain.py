"""Show what cleaning removed: removals as JSON-ready records, and a unified diff.

Every removal record carries the removed text itself, so a reader can check the ledger
without the source at hand; the diff compares the normalised source with the clean text,
so it shows removals only, never whitespace repairs.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from .types import CleanResult

_COLOURS = {"+": "\033[32m", "-": "\033[31m", "@": "\033[36m"}
_BOLD = "\033[1m"
_RESET = "\033[0m"
_NO_NEWLINE = "\\ No newline at end of file\n"
_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")  # split on "\n" only, unlike str.splitlines


def removal_records(result: CleanResult) -> list[dict[str, Any]]:
    """Each removal as {start, end, filter, reason, detail, text}; offsets index `result.source`."""
    return [removal.to_dict() | {"text": result.removed_text(removal)} for removal in result.removals]


def explanation(result: CleanResult) -> dict[str, Any]:
    """The fields `--explain` adds to a record: its removals and the metadata read from it
    (and, for an HTML page, the nodes pruned before extraction)."""
    fields: dict[str, Any] = {"removals": removal_records(result), "metadata": result.metadata.to_dict()}
    pruned = getattr(result, "pruned", None)
    if pruned is not None:
        fields["pruned"] = [node.to_dict() for node in pruned]
    return fields


def unified_diff(result: CleanResult, name: str) -> str:
    """A unified diff from the source to the clean text; empty when nothing was removed."""
    lines = difflib.unified_diff(
        _LINE.findall(result.source),
        _LINE.findall(result.text),
        f"{name}\t(original)",
        f"{name}\t(clean)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" + _NO_NEWLINE for line in lines)


def colourise(diff: str) -> str:
    """`diff` with headers in bold, removed lines red, added lines green and hunks cyan."""
    out = []
    for line in _LINE.findall(diff):
        body, end = (line[:-1], "\n") if line.endswith("\n") else (line, "")
        if line.startswith(("---", "+++")):
            out.append(f"{_BOLD}{body}{_RESET}{end}")
        elif line[:1] in _COLOURS:
            out.append(f"{_COLOURS[line[0]]}{body}{_RESET}{end}")
        else:
            out.append(line)
    return "".join(out)
