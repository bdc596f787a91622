"""Command line: clean files or stdin (placeholder until the full CLI lands)."""

from __future__ import annotations

import sys

from . import clean


def main(argv: list[str] | None = None) -> int:
    paths = sys.argv[1:] if argv is None else argv
    for path in paths or ["-"]:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
        sys.stdout.write(clean(text))
    return 0
