"""Digest the text-mode output of `clean_and_explain` over every input we have, and compare digests.

A refactoring promises the same output; this checks it. `digest` cleans the seeds, the annotated
articles of tests/articles, and the naive rendering (`render.naive_text`) of every page in
../shared/data (trafilatura-eval-dev, readability-pages, wcxb-dev-articles), and writes, per
document, the clean text, the removals as (start, end, filter, reason) and the metadata.
`compare` lists the documents whose entries differ between two digests.

    python benchmarks/compare_outputs.py digest /tmp/before.json
    python benchmarks/compare_outputs.py compare /tmp/before.json /tmp/after.json
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from render import EVAL_SET, READABILITY_SET, decode, iter_pages, naive_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
WCXB_SET = "wcxb-dev-articles"


def inputs(data: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of every text-mode input, in a fixed order."""
    for folder in (ROOT / "seeds", ROOT / "tests" / "articles"):
        for path in sorted(folder.glob("*.txt")):
            yield f"{folder.name}/{path.name}", path.read_text("utf-8")
    for page in iter_pages(data, (EVAL_SET, READABILITY_SET)):
        yield f"{page.set}/{page.name}", naive_text(page.html)
    for path in sorted((data / WCXB_SET / "html").glob("*.html.gz")):
        yield f"{WCXB_SET}/{path.name}", naive_text(decode(gzip.decompress(path.read_bytes())))


def entry(text: str) -> dict:
    """The clean text, the removals' (start, end, filter, reason) and the metadata of `text`."""
    from cleanarticle import clean_and_explain

    result = clean_and_explain(text)
    return {
        "text": result.text,
        "removals": [[r.start, r.end, r.filter, r.reason] for r in result.removals],
        "metadata": result.metadata.to_dict(),
    }


def digest(out: Path, data: Path) -> int:
    found = {name: entry(text) for name, text in inputs(data)}
    out.write_text(json.dumps(found, ensure_ascii=False, sort_keys=True), "utf-8")
    print(f"{len(found)} documents digested into {out}", file=sys.stderr)
    return 0


def compare(before: Path, after: Path) -> int:
    """Print the names of the documents that differ (or exist in one digest only); 1 if any."""
    old = json.loads(before.read_text("utf-8"))
    new = json.loads(after.read_text("utf-8"))
    differing = sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))
    for name in differing:
        parts = [key for key in ("text", "removals", "metadata") if (old.get(name) or {}).get(key) != (new.get(name) or {}).get(key)]
        print(f"{name}: {', '.join(parts) or 'missing'}")
    print(f"{len(differing)} of {len(old.keys() | new.keys())} documents differ", file=sys.stderr)
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    make = sub.add_parser("digest", help="clean every input and write the digest")
    make.add_argument("out", type=Path)
    make.add_argument("--data", type=Path, default=DATA, help="the shared data folder (default ../shared/data)")
    diff = sub.add_parser("compare", help="list the documents that differ between two digests")
    diff.add_argument("before", type=Path)
    diff.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.mode == "digest":
        return digest(args.out, args.data)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
