"""Text mode on hard-wrapped whole pages: a rendering the content model never saw.

    python benchmarks/wrapped_text.py                  # widths 60, 78 (html2text's default), 100
    python benchmarks/wrapped_text.py --widths 72

Each page of WCXB's dev articles and of Readability's test pages is rendered by html2text with
its line width set (paragraphs broken into lines, as html2text, lynx and e-mail do by default),
and cleaned by the default pipeline with the content model and the off_topic lexicon trained
without the set (the other two sets' pages, every renderer of renderers.py; none wrapped). Word
F1 against the page's truth, beside the text as it is, and the share of documents a second
cleaning still changes. Needs the `bench` and `train` extras.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import content_data  # noqa: E402
import render  # noqa: E402
import train_content_model  # noqa: E402

from cleanarticle import Pipeline  # noqa: E402


def wrapped(html: str, width: int) -> str:
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = width
    converter.ignore_images = True
    return converter.handle(html)


def _score(job: tuple[list[tuple[str, str]], int, str, str]) -> list[tuple[float, float, bool]]:
    pages, width, model, lexicon = job
    pipeline = Pipeline.default().set("page_furniture.model", model).set("off_topic.lexicon", lexicon)
    rows = []
    for html, truth in pages:
        text = wrapped(html, width)
        once = pipeline.run(text).text
        rows.append((content_data.word_f1(text, truth), content_data.word_f1(once, truth), pipeline.run(once).text != once))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=train_content_model.DATA)
    parser.add_argument("--widths", default="60,78,100", help="comma-separated line widths")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    docs = train_content_model.load_docs(args.data)
    report: dict[str, dict[str, dict[str, float]]] = {}
    for held in train_content_model.HELD_OUT:
        pages = []
        for page in render.iter_pages(args.data, (held,)):
            truth = page.truth if held == render.WCXB_SET else render.naive_text(page.expected_html or "")
            if truth:
                pages.append((page.html, truth))
        with tempfile.TemporaryDirectory() as folder:
            model, lexicon = Path(folder) / "model.json", Path(folder) / "lexicon.json"
            model.write_text(train_content_model.train([d for d in docs if d.set != held], {}).to_json(), encoding="utf-8")
            train_content_model.held_out_lexicon(args.data, held, lexicon)
            for width in map(int, args.widths.split(",")):
                jobs = [(pages[i :: args.workers], width, str(model), str(lexicon)) for i in range(args.workers)]
                with ProcessPoolExecutor(args.workers) as pool:
                    rows = np.array([row for part in pool.map(_score, jobs) for row in part], dtype=float)
                identity, clean, again = rows.mean(axis=0).round(4).tolist()
                report.setdefault(held, {})[str(width)] = {"identity": identity, "clean": clean, "changed_again": again}
                print(json.dumps({held: {width: report[held][str(width)]}}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
