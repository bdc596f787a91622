"""Text mode held out: word F1 per page and rendering, each set cleaned by models trained without it.

    python benchmarks/held_out.py --out after.json                  # score the default pipeline
    python benchmarks/held_out.py --out try.json --set widgets.max_words=8   # ... with a setting changed
    python benchmarks/held_out.py --compare before.json after.json  # the means, and the pages that moved

The question every text-mode change has to answer: does it help on pages of a kind nobody tuned
on? For each held-out set (`train_content_model.HELD_OUT`), the content model of `page_furniture`
and the lexicon of `off_topic` are trained without that set (as `train_content_model.evaluate`
does), kept in `--models` (default /tmp/cleanarticle-held-out, keyed by the data, the training
code and the line features) so that later runs take seconds to start, and the default pipeline
with them cleans every rendering of the set's pages. The output file maps "set|page|rendering"
to word F1, so two runs (before and after a change, or two settings) compare page by page.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import content_data
import render
import renderers
import train_content_model as training

import cleanarticle.content.features
import cleanarticle.lines
from cleanarticle import Pipeline

MODELS = Path("/tmp/cleanarticle-held-out")
PARTS = 8  # chunks per set, handed to the worker processes


def models_folder(root: Path, data: Path) -> Path:
    """Where the held-out models of `data` live: keyed by the data folder, the training code and
    the line features the models read."""
    modules = (training, content_data, cleanarticle.lines, cleanarticle.content.features)
    code = b"".join(Path(str(module.__file__)).read_bytes() for module in modules)
    key = hashlib.sha256(str(data.resolve()).encode() + code).hexdigest()[:16]
    return root / key


def ensure_models(folder: Path, data: Path) -> None:
    """Train, once, the content model and lexicon without each held-out set."""
    if all((folder / f"{held}.model.json").exists() for held in training.HELD_OUT):
        return
    folder.mkdir(parents=True, exist_ok=True)
    docs = training.load_docs(data)
    for held in training.HELD_OUT:
        print(f"training without {held}", file=sys.stderr, flush=True)
        training.held_out_lexicon(data, held, folder / f"{held}.lexicon.json")
        model = training.train([d for d in docs if d.set != held], {})
        (folder / f"{held}.model.json").write_text(model.to_json(), encoding="utf-8")


def pipeline(folder: Path, held: str, settings: Sequence[str]) -> Pipeline:
    """The default pipeline with the models trained without `held` and `settings` ("step.field=value")."""
    result = Pipeline.default().set("page_furniture.model", str(folder / f"{held}.model.json"))
    result = result.set("off_topic.lexicon", str(folder / f"{held}.lexicon.json"))
    for setting in settings:
        key, _, value = setting.partition("=")
        try:
            result = result.set(key, json.loads(value))
        except json.JSONDecodeError:
            result = result.set(key, value)
    return result


def score(job: tuple[Path, str, Sequence[str], list[content_data.Doc]]) -> dict[str, float]:
    """Word F1 of each document of one chunk, cleaned by the held-out pipeline."""
    folder, held, settings, docs = job
    cleaner = pipeline(folder, held, settings)
    out = {}
    for doc in docs:
        text = "\n".join(("\n" if blank else "") + line for line, blank in zip(doc.lines, doc.blank_before))
        out[f"{doc.set}|{doc.page}|{doc.renderer}"] = content_data.word_f1(cleaner.run(text).text, doc.truth or "")
    return out


def means(scores: dict[str, float]) -> dict[tuple[str, str], list[float]]:
    """The scores grouped by (set, rendering)."""
    by: dict[tuple[str, str], list[float]] = {}
    for key, value in scores.items():
        name, _, rendering = key.split("|")
        by.setdefault((name, rendering), []).append(value)
    return by


def run(data: Path, folder: Path, settings: Sequence[str], jobs: int) -> dict[str, float]:
    ensure_models(folder, data)
    docs = [d for d in content_data.load(data, render.ALL_SETS, [*renderers.RENDERERS, *renderers.UNSEEN]) if d.set in training.HELD_OUT]
    chunks = []
    for held in training.HELD_OUT:
        mine = [d for d in docs if d.set == held and d.truth is not None]
        chunks += [(folder, held, settings, mine[part::PARTS]) for part in range(PARTS)]
    scores: dict[str, float] = {}
    with ProcessPoolExecutor(jobs) as pool:
        for found in pool.map(score, chunks):
            scores.update(found)
    return dict(sorted(scores.items()))


def compare(before: dict[str, float], after: dict[str, float], top: int) -> str:
    """The mean per set and rendering before and after, and the pages that moved most."""
    shared = before.keys() & after.keys()
    olds, news = means({k: before[k] for k in shared}), means({k: after[k] for k in shared})
    rows = []
    for group in sorted(olds):
        old, new = float(np.mean(olds[group])), float(np.mean(news[group]))
        moved = sum(a != b for a, b in zip(olds[group], news[group]))
        rows.append(f"{group[0]:20} {group[1]:11} {old:.4f} -> {new:.4f} ({new - old:+.4f})  {moved} pages changed")
    deltas = sorted((after[k] - before[k], k) for k in shared if after[k] != before[k])
    rows.append("worst: " + ", ".join(f"{k} {d:+.3f}" for d, k in deltas[:top]))
    rows.append("best: " + ", ".join(f"{k} {d:+.3f}" for d, k in deltas[::-1][:top]))
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=training.DATA, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--models", type=Path, default=MODELS, help=f"where held-out models are kept (default {MODELS})")
    parser.add_argument("--out", type=Path, help="write the per-page scores here (JSON)")
    parser.add_argument("--set", action="append", default=[], metavar="STEP.FIELD=VALUE", help="a pipeline setting to try")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"), help="compare two score files")
    parser.add_argument("--top", type=int, default=8, help="pages listed per direction with --compare")
    args = parser.parse_args(argv)
    if args.compare:
        before, after = (json.loads(path.read_text(encoding="utf-8")) for path in args.compare)
        print(compare(before, after, args.top))
        return 0
    scores = run(args.data, models_folder(args.models, args.data), args.set, args.jobs)
    if args.out:
        args.out.write_text(json.dumps(scores, indent=0) + "\n", encoding="utf-8")
    for (name, rendering), values in sorted(means(scores).items()):
        print(f"{name:20} {rendering:11} {np.mean(values):.4f}  ({len(values)} pages)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
