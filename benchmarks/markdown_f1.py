"""Does Markdown output cost quality? Score the HTML path's text, its blank-line text format and
its Markdown (plain, and with links and images) on the same pages, with quality.py's metrics.

    python benchmarks/markdown_f1.py                 # both dev sets in ../shared/data
    python benchmarks/markdown_f1.py --sample        # the CI sample in tests/html_pages
    python benchmarks/markdown_f1.py --limit 50      # the first 50 pages of each set

Each page is cleaned once; every output is a rendering of that one result, so the rows differ
only by layout: marks (#, -, >, |, fences), CommonMark escapes and blank lines. Links and
images need a second extraction of the page, so `--links` adds that row only when asked.
The Markdown is scored as it is written (escapes and marks included), the honest measure for a
reader who feeds it on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quality  # noqa: E402  (benchmarks/quality.py, beside this file)

from cleanarticle import formats  # noqa: E402
from cleanarticle.html import HtmlResult, clean_html_and_explain  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "markdown_f1.json"

Render = Callable[[HtmlResult, str], str]
RENDERINGS: dict[str, Render] = {
    "text (today's result.text)": lambda result, html: result.text,
    "--format text (blank lines)": lambda result, html: formats.body(result, formats.Output("text")),
    "--format markdown": lambda result, html: formats.body(result, formats.Output("markdown")),
}
WITH_MEDIA: dict[str, Render] = {
    "--format markdown --links --images": lambda result, html: formats.body(
        result, formats.Output("markdown", links=True, images=True), html
    ),
}


def score(sets: dict[str, list[quality.Page]], renderings: dict[str, Render]) -> dict[str, dict[str, float]]:
    """F1 (and precision, recall) of every rendering on every set, counts summed over pages."""
    totals = {(name, set_name): quality.Counts() for name in renderings for set_name in sets}
    for set_name, pages in sets.items():
        for number, page in enumerate(pages, 1):
            result = clean_html_and_explain(page.html)
            for name, render in renderings.items():
                totals[name, set_name].add(page.score(render(result, page.html)))
            if number % 100 == 0:
                print(f"  {set_name}: {number} pages", file=sys.stderr)
    return {
        f"{name} | {set_name}": {
            "f1": round(counts.f1, 4),
            "precision": round(counts.precision, 4),
            "recall": round(counts.recall, 4),
        }
        for (name, set_name), counts in totals.items()
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n\n")[0])
    parser.add_argument("--sample", action="store_true", help="the CI sample in tests/html_pages")
    parser.add_argument("--data", type=Path, default=quality.DEFAULT_DATA, help="evaluation data (default ../shared/data)")
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("--links", action="store_true", help="also score Markdown with links and images")
    args = parser.parse_args(argv)
    sets = quality.load_sets(None if args.sample else args.data, args.limit)
    renderings = RENDERINGS | (WITH_MEDIA if args.links else {})
    scores = score(sets, renderings)
    width = max(map(len, scores))
    print(f"{'rendering | set':<{width}}  F1      precision  recall")
    for name, row in scores.items():
        print(f"{name:<{width}}  {row['f1']:.4f}  {row['precision']:.4f}     {row['recall']:.4f}")
    if not args.sample and args.limit is None:
        RESULTS.write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
