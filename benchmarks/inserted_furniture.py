"""Furniture worded by publishers we have not seen, inserted into clean articles: how much goes,
and how much of the article stays.

    python benchmarks/inserted_furniture.py                 # the default pipeline
    python benchmarks/inserted_furniture.py --set page_furniture.min_outside=3

Articles: the ground truth of WCXB's dev pages (title and `main_content`). Furniture: the
single-line boilerplate snippets annotated on other pages of ../shared/data (WCXB's and
trafilatura's `without` lists, 1-15 words), three inserted between the paragraphs of each
article. Pages are split in two halves by a stable hash; articles and snippets come from the
same half (`--half`), so a snippet's own page never lends it its article. A snippet counts as
removed when it is not a line of the output; an article line as kept when it is (whitespace
runs compared as one space: the cleaner normalises them). The packaged lexicon of `off_topic`
was trained on every page, these snippets among them, and the packaged content model of
`page_furniture` on every page, these articles among them; `--held-out` trains the lexicon on the
other half's pages and the content model without WCXB's, for the figure on unseen publishers.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import render  # noqa: E402
import train_content_model  # noqa: E402
import train_lexicon  # noqa: E402

from cleanarticle import Pipeline  # noqa: E402

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
PER_ARTICLE = 3


def half(key: str) -> int:
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % 2


def _key(line: str) -> str:
    """A line as the cleaner may leave it: runs of whitespace (tabs, double spaces) are one space."""
    return " ".join(line.split())


def snippets(values: Sequence[str]) -> list[str]:
    """The one-line snippets of 1-15 words."""
    return [s.strip() for s in values if "\n" not in s.strip() and 1 <= len(s.split()) <= 15]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--half", type=int, choices=(0, 1), default=1)
    parser.add_argument("--articles", type=int, default=300, help="articles per source of snippets")
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="off_topic's lexicon trained on the other half's pages only, page_furniture's model without WCXB (needs the train extra)",
    )
    parser.add_argument("--set", action="append", default=[], metavar="FILTER.FIELD=VALUE", help="a pipeline setting")
    args = parser.parse_args(argv)
    pipeline = Pipeline.default()
    if args.held_out:
        folder = tempfile.TemporaryDirectory()  # lives as long as the run
        lexicon = Path(folder.name) / "lexicon.json"
        train_lexicon.main(["--data", str(args.data), "--half", str(1 - args.half), "--out", str(lexicon)])
        model = Path(folder.name) / "content_model.json"
        others = [doc for doc in train_content_model.load_docs(args.data) if doc.set != render.WCXB_SET]
        model.write_text(train_content_model.train(others, {}).to_json(), encoding="utf-8")
        pipeline = pipeline.set("off_topic.lexicon", str(lexicon)).set("page_furniture.model", str(model))
    for setting in args.set:
        key, _, value = setting.partition("=")
        pipeline = pipeline.set(key, value)
    truth = json.loads((args.data / "wcxb-dev-articles" / "ground-truth.json").read_text(encoding="utf-8"))
    evaluation = json.loads((args.data / "trafilatura-eval-dev" / "evaldata.json").read_text(encoding="utf-8"))
    sources = {
        "wcxb": [s for key, v in truth.items() if half("wcxb/" + key) == args.half for s in snippets(v.get("without", []))],
        "trafilatura": [s for key, v in evaluation.items() if half("traf/" + key) == args.half for s in snippets(v.get("without", []))],
    }
    articles = [v for key, v in sorted(truth.items()) if half("wcxb/" + key) == args.half and v.get("main_content")]
    rng = random.Random(0)
    report = {}
    for name, pool in sources.items():
        removed = inserted = kept = lines = 0
        for page in articles[: args.articles]:
            paragraphs = [p.strip() for p in page["main_content"].split("\n\n") if p.strip()]
            body = [page.get("title") or "", *paragraphs]
            chosen = [s for s in rng.sample(pool, PER_ARTICLE) if s.lower() not in page["main_content"].lower()]
            for line in chosen:
                body.insert(rng.randint(1, len(body)), line)
            out = {_key(line) for line in pipeline.run("\n\n".join(body) + "\n").text.split("\n")}
            inserted += len(chosen)
            removed += sum(_key(line) not in out for line in chosen)
            article_lines = [_key(line) for p in paragraphs for line in p.split("\n") if line.strip()]
            lines += len(article_lines)
            kept += sum(line in out for line in article_lines)
        report[name] = {"furniture_removed": round(removed / inserted, 4), "article_lines_kept": round(kept / lines, 4)}
        print(name, json.dumps(report[name]), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
