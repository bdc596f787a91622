"""Train the content model of `page_furniture` and write it into the package.

    pip install -e ".[train]"
    python benchmarks/train_content_model.py                 # evaluate leave-one-set-out, train, write
    python benchmarks/train_content_model.py --no-write      # the evaluation alone

Data: every page of ../shared/data (WCXB's dev articles, Mozilla Readability's test pages,
trafilatura's eval half), rendered six ways (renderers.py), each line labelled from the page's
ground truth (labels.py). Scores: before training the shipped model, each of WCXB and Readability
is held out in turn: a model trained on the other two sets cleans it, and its word F1 is reported
per renderer beside the text as it is, the C4 rule (keep lines ending in terminal punctuation) and
body-text extraction. The shipped model is then trained on all three sets; the file records the
hash of the labelled data, the settings and those held-out scores. Deterministic: fixed seed, no
early stopping; the same data give the same file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import content_data  # noqa: E402
import render  # noqa: E402
import renderers  # noqa: E402
import train_lexicon  # noqa: E402

from cleanarticle import Pipeline  # noqa: E402
from cleanarticle.content import features as feats  # noqa: E402
from cleanarticle.content.model import MODEL_FILE, ContentModel, context  # noqa: E402
from cleanarticle.content.train import fit_trees  # noqa: E402
from cleanarticle.filters.page_furniture import PageFurniture  # noqa: E402
from cleanarticle.lines import count_words, ends_sentence  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
OUT = REPO / "cleanarticle" / "content" / MODEL_FILE
RESULTS = REPO / "benchmarks" / "results" / "generality.json"
HELD_OUT = (render.WCXB_SET, render.READABILITY_SET)
TREES, DEPTH, FOLDS = 120, 6, 2
MAX_DOCS = 2000  # documents per stage fit: every n-th document, so training takes minutes
# Decision settings tried on the held-out sets: (threshold, switch).
SETTINGS = tuple((t, s) for t in (-1.0, -0.5, 0.0) for s in (0.5, 1.0, 2.0))


def rows_of(doc: content_data.Doc) -> np.ndarray:
    return feats.features(doc.lines, doc.blank_before)


def load_docs(data: Path) -> list[content_data.Doc]:
    """Every page of `data` in every rendering, labelled, with its feature rows in `extra["rows"]`."""
    docs = content_data.load(data, render.ALL_SETS, list(renderers.RENDERERS))
    for doc in docs:
        doc.extra["rows"] = rows_of(doc)
    return docs


def stack(docs: Sequence[content_data.Doc], key: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Labelled rows of every `docs[i].extra[key]`, their labels and weights (words: the score
    counts words, so a paragraph weighs more than a menu label)."""
    step = max(1, len(docs) // MAX_DOCS)
    xs, ys, ws = [], [], []
    for doc in docs[::step]:
        marks = np.array([-1 if mark is None else mark for mark in doc.labels])
        known = marks >= 0
        xs.append(doc.extra[key][known])
        ys.append(marks[known])
        ws.append(np.expm1(doc.extra["rows"][known, 0]) + 1.0)
    return np.vstack(xs), np.concatenate(ys), np.concatenate(ws)


def train(docs: Sequence[content_data.Doc], info: dict[str, object]) -> ContentModel:
    """Both stages; the second learns from first-stage scores made out of fold, as at run time."""
    ordered = sorted(docs, key=lambda d: (d.set, d.page, d.renderer))
    folds = [[d for i, d in enumerate(ordered) if _page_fold(d) == f] for f in range(FOLDS)]
    for f in range(FOLDS):
        others = [d for g in range(FOLDS) if g != f for d in folds[g]]
        first = fit_trees(*stack(others, "rows"), trees=TREES, depth=DEPTH)
        for doc in folds[f]:
            doc.extra["stage2"] = np.hstack([doc.extra["rows"], context(first.raw(doc.extra["rows"]))])
    first = fit_trees(*stack(ordered, "rows"), trees=TREES, depth=DEPTH)
    second = fit_trees(*stack(ordered, "stage2"), trees=TREES, depth=DEPTH)
    return ContentModel(feats.NAMES, first, second, info)


def _page_fold(doc: content_data.Doc) -> int:
    """A page's fold, the same for all its renderings (stable: not Python's salted hash)."""
    return int(hashlib.sha256(f"{doc.set}/{doc.page}".encode()).hexdigest(), 16) % FOLDS


def keep_by_model(settings: PageFurniture) -> Callable[[content_data.Doc], list[bool]]:
    """What `page_furniture` keeps with `settings` in its first round, from the log-odds in
    `doc.extra["odds"]` (the rules left out: this scores the model alone)."""

    def keep(doc: content_data.Doc) -> list[bool]:
        if len(doc.lines) < settings.min_lines:
            return [True] * len(doc.lines)
        return list(settings.decide(doc.extra["rows"], doc.extra["odds"])[0])

    return keep


def keep_all(doc: content_data.Doc) -> list[bool]:
    return [True] * len(doc.lines)


def keep_c4(doc: content_data.Doc) -> list[bool]:
    return [ends_sentence(line) for line in doc.lines]


def keep_body(doc: content_data.Doc) -> list[bool]:
    words = np.array([count_words(line) for line in doc.lines], dtype=float)
    sentence = np.array([ends_sentence(line) for line in doc.lines], dtype=float)
    return list(feats.body(words, sentence)[0] > 0)


def scores(docs: Sequence[content_data.Doc], keep: Callable[[content_data.Doc], list[bool] | str]) -> dict[str, float]:
    """Mean word F1 per renderer against the truth of the kept lines (or of the text `keep` gives)."""
    by: dict[str, list[float]] = {}
    for doc in docs:
        if doc.truth is None:
            continue
        kept = keep(doc)
        text = kept if isinstance(kept, str) else "\n".join(line for line, k in zip(doc.lines, kept) if k)
        by.setdefault(doc.renderer, []).append(content_data.word_f1(text, doc.truth))
    return {name: round(float(np.mean(values)), 4) for name, values in sorted(by.items())}


def keep_by_pipeline(pipeline: Pipeline) -> Callable[[content_data.Doc], str]:
    """What `pipeline` makes of the rendering, as a text; a second cleaning of that text is kept
    in `doc.extra` to count how often it still changes."""

    def clean(doc: content_data.Doc) -> str:
        text = "\n".join(("\n" if blank else "") + line for line, blank in zip(doc.lines, doc.blank_before))
        once = pipeline.run(text).text
        doc.extra["changed_again"] = pipeline.run(once).text != once
        return once

    return clean


def changed_again(docs: Sequence[content_data.Doc]) -> dict[str, float]:
    """Per renderer, the share of documents that a second cleaning still changes."""
    by: dict[str, list[bool]] = {}
    for doc in docs:
        if "changed_again" in doc.extra:
            by.setdefault(doc.renderer, []).append(bool(doc.extra["changed_again"]))
    return {name: round(float(np.mean(values)), 4) for name, values in sorted(by.items())}


def held_out_lexicon(data: Path, held: str, path: Path) -> None:
    """Write to `path` the furniture lexicon of `off_topic` trained without the set `held`,
    with the packaged lexicon's settings."""
    lines = train_lexicon.labelled_lines(data, None, held)
    lexicon = train_lexicon.fit(lines, train_lexicon.C, train_lexicon.MIN_COUNT, {"without": held}, train_lexicon.MIN_WEIGHT)
    path.write_text(json.dumps(lexicon.to_dict(), ensure_ascii=False) + "\n", encoding="utf-8")


def evaluate(docs: Sequence[content_data.Doc], data: Path) -> dict[str, dict[str, dict[str, float]]]:
    """Word F1 per held-out set, tool and renderer, each model (and the lexicon of `off_topic`)
    trained without the held-out set; `page_furniture` alone with the filter's default settings
    and with each of `SETTINGS` (to choose the defaults on one set and read them on the other),
    and `clean`: the default pipeline, the rules and the model together, as a user runs it."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for held in HELD_OUT:
        test = [d for d in docs if d.set == held]
        model = train([d for d in docs if d.set != held], {})
        for doc in test:
            doc.extra["odds"] = model.log_odds(doc.extra["rows"])
        tools = {
            "identity": keep_all,
            "c4_rule": keep_c4,
            "body_text": keep_body,
            "page_furniture": keep_by_model(PageFurniture()),
        }
        for threshold, switch in SETTINGS:
            tools[f"page_furniture t={threshold} s={switch}"] = keep_by_model(PageFurniture(threshold=threshold, switch=switch))
        out[held] = {name: scores(test, keep) for name, keep in tools.items()}
        with tempfile.TemporaryDirectory() as folder:
            path, lexicon = Path(folder) / MODEL_FILE, Path(folder) / "lexicon.json"
            path.write_text(model.to_json(), encoding="utf-8")
            held_out_lexicon(data, held, lexicon)
            default = Pipeline.default().set("page_furniture.model", str(path)).set("off_topic.lexicon", str(lexicon))
            out[held]["clean"] = scores(test, keep_by_pipeline(default))
            out[held]["clean: changed by a second pass"] = changed_again(test)
            for step in ("page_furniture", "off_topic"):
                out[held][f"clean without {step}"] = scores(test, keep_by_pipeline(default.without(step)))
        print(json.dumps({held: out[held]}), flush=True)
    return out


def data_hash(docs: Sequence[content_data.Doc]) -> str:
    digest = hashlib.sha256()
    for doc in sorted(docs, key=lambda d: (d.set, d.page, d.renderer)):
        digest.update(json.dumps([doc.set, doc.page, doc.renderer, doc.lines, doc.labels]).encode())
    return digest.hexdigest()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the model file")
    parser.add_argument("--no-write", action="store_true", help="evaluate leave-one-set-out only")
    parser.add_argument("--skip-eval", action="store_true", help="train and write without the held-out evaluation")
    args = parser.parse_args(argv)
    docs = load_docs(args.data)
    dev = {} if args.skip_eval else evaluate(docs, args.data)
    if dev:
        RESULTS.write_text(json.dumps(dev, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS}", flush=True)
    if args.no_write:
        return 0
    info = {
        "trained_on": {
            "sets": list(render.ALL_SETS),
            "renderers": list(renderers.RENDERERS),
            "documents": len(docs),
            "lines": sum(len(d.lines) for d in docs),
            "labelled_data_sha256": data_hash(docs),
        },
        "training": {"trees": TREES, "depth": DEPTH, "folds": FOLDS, "max_docs": MAX_DOCS, "random_state": 0},
        "dev_scores_word_f1_held_out": dev,
    }
    model = train(docs, info)
    args.out.write_text(model.to_json(), encoding="utf-8")
    print(f"wrote {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
