"""Check the HTML path's ledger on every page of the dev sets: the source less the removals is the text.

    python benchmarks/check_ledger.py                  # all pages of ../shared/data
    python benchmarks/check_ledger.py --limit 20       # the first 20 pages of each set
    python benchmarks/check_ledger.py --data PATH

For each page of trafilatura-eval-dev, readability-pages and wcxb-dev-articles it runs
`clean_html_and_explain` and checks that `apply_removals(source, removals) == text`, that every
removal has a step and a reason and lies inside the source on whole lines, and that no two
removals overlap. It prints the failures, then the removals per step and reason; exit 1 on any
failure.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import render

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def problems(result: object) -> list[str]:
    """What is wrong with the ledger of one `HtmlResult` (empty when it replays exactly)."""
    from cleanarticle import apply_removals

    source, text, removals = result.source, result.text, result.removals  # type: ignore[attr-defined]
    found = []
    if apply_removals(source, removals) != text:
        found.append("replay differs from the text")
    end = 0
    for removal in sorted(removals, key=lambda r: r.start):
        if not (removal.filter and removal.reason):
            found.append(f"removal without step or reason: {removal}")
        if not 0 <= removal.start < removal.end <= len(source):
            found.append(f"removal outside the source: {removal}")
        if removal.start < end:
            found.append(f"overlapping removals at {removal.start}")
        if removal.start and source[removal.start - 1] != "\n" and source[removal.start] != "\n":
            found.append(f"removal starts inside a line: {removal}")
        end = max(end, removal.end)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, help="first N pages of each set")
    parser.add_argument("--extractor", default="trafilatura", help="trafilatura (default), model or auto")
    args = parser.parse_args(argv)
    from cleanarticle.html import clean_html_and_explain

    pages = failures = 0
    counts: Counter[tuple[str, str]] = Counter()
    for page in render.iter_pages(args.data, render.ALL_SETS, args.limit):
        result = clean_html_and_explain(page.html, page.url, extractor=args.extractor)
        pages += 1
        for problem in problems(result):
            failures += 1
            print(f"{page.set}/{page.name}: {problem}")
        counts.update((r.filter, r.reason) for r in result.removals)
    for (step, reason), count in counts.most_common():
        print(f"{count:>8}  {step}/{reason}")
    print(f"{pages} pages, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
