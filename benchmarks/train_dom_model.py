"""Train the DOM main-content model (`cleanarticle/html/main_content.py`) and write it into the package.

    pip install -e ".[train]"
    python benchmarks/train_dom_model.py                       # evaluate leave-one-set-out, train, write
    python benchmarks/train_dom_model.py --no-write            # the evaluation alone
    python benchmarks/train_dom_model.py --held-out DIR        # also write each held-out model to DIR/<set>.json

Data: every page of ../shared/data, parsed and pruned as the HTML path does it; each visible line
outside the pruned furniture is a row of `dom_features.NAMES`, labelled from the page's ground
truth (labels.py): WCXB's `main_content`, the visible text of Readability's `expected.html`,
trafilatura-eval's `with`/`without` segments where a line holds one. Each set is held out in turn:
a model trained on the other two scores it (word F1 of the chosen lines against the truth, before
the text pipeline, for each decision setting of `SETTINGS`); the settings are chosen on
`TUNE_SET` and read on the others. The shipped model is trained on all sets with the same machinery
as the text model (`train_content_model.train`: two stages, fixed seed, no early stopping); the
file records the hash of the labelled data and the held-out scores.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import pickle
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import content_data  # noqa: E402
import labels  # noqa: E402
import render  # noqa: E402
import train_content_model  # noqa: E402

from cleanarticle.content.model import ContentModel  # noqa: E402
from cleanarticle.content.sequence import smooth  # noqa: E402
from cleanarticle.html import dom_features, main_content  # noqa: E402
from cleanarticle.html.bounds import bound, cap  # noqa: E402
from cleanarticle.html.decode import decode  # noqa: E402
from cleanarticle.html.prune import furniture  # noqa: E402
from cleanarticle.html.visible import NO_OWNER, visible_lines  # noqa: E402
from cleanarticle.limits import Limits  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
OUT = REPO / "cleanarticle" / "html" / main_content.MODEL_FILE
RESULTS = REPO / "benchmarks" / "results" / "dom_model.json"
CONFIDENCE = RESULTS.parent / "dom_confidence.json"  # --tune: auto's F1 per confidence setting
CACHE = Path("/tmp/cleanarticle-dom-data")
RENDERER = "dom"
TUNE_SET = render.EVAL_SET
SETTINGS = tuple((t, s) for t in (-1.0, -0.5, 0.0, 0.5) for s in (1.0, 2.0, 4.0))


def page_rows(html: str) -> tuple[list[str], np.ndarray]:
    """The candidate lines of a page and their feature rows, as `clean_html_and_explain` sees them."""
    limits = Limits()
    page, _ = bound(decode(cap(html, limits)), limits, capped=len(html) > limits.max_html_bytes)
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(page)
    _, found = furniture(tree)
    root = tree.body or tree.root
    if root is None:
        return [], np.zeros((0, len(dom_features.NAMES)))
    blocks = dom_features.Blocks()
    visible = visible_lines(root, {node.mem_id: i for i, (node, _) in enumerate(found)}, blocks)
    lines = [i for i, line in enumerate(visible) if line.owner == NO_OWNER]
    texts = [visible[i].text for i in lines]
    return texts, dom_features.features(blocks, texts, lines)


def doc_of(page: render.Page) -> content_data.Doc | None:
    texts, rows = page_rows(page.html)
    if not texts:
        return None
    truth = render.naive_text(page.expected_html or "") if page.set == render.READABILITY_SET else page.truth
    if truth is not None:
        marks = labels.label_lines(texts, truth, page.title)
    else:
        marks = labels.label_by_segments(texts, page.keep, page.drop)
    doc = content_data.Doc(page.set, page.name, RENDERER, texts, [False] * len(texts), marks, truth, page.keep, page.drop)
    doc.extra["rows"] = rows
    return doc


def _job(args: tuple[str, str]) -> list[content_data.Doc]:
    root, set_name = args
    return [doc for page in render.iter_pages(Path(root), [set_name]) if (doc := doc_of(page)) is not None]


def load(root: Path, workers: int = 2) -> list[content_data.Doc]:
    """Every page of every set as a `Doc` with its rows, from the cache when it is there."""
    modules = (labels, render, dom_features, sys.modules["cleanarticle.html.visible"], sys.modules["cleanarticle.html.prune"])
    code = b"".join(Path(m.__file__).read_bytes() for m in modules)  # type: ignore[arg-type]
    key = hashlib.sha256(str(root).encode() + code).hexdigest()[:16]
    path = CACHE / f"{key}.pickle"
    if path.is_file():
        return pickle.loads(path.read_bytes())
    with ProcessPoolExecutor(workers) as pool:
        docs = [doc for batch in pool.map(_job, [(str(root), s) for s in render.ALL_SETS]) for doc in batch]
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(docs))
    return docs


def train(docs: Sequence[content_data.Doc], info: dict[str, object]) -> ContentModel:
    """Both stages, as the text model is trained, under the DOM feature names."""
    return dataclasses.replace(train_content_model.train(docs, info), names=dom_features.NAMES)


def segment_f1(docs: Sequence[content_data.Doc], keep: dict[str, list[bool]]) -> float:
    """trafilatura-eval's segment F1 of the kept lines, counts summed over pages."""
    tp = output = truth = 0
    for doc in docs:
        text = "\n".join(line for line, k in zip(doc.lines, keep[doc.page]) if k)
        found = sum(s in text for s in doc.keep)
        tp += found
        output += found + sum(s in text for s in doc.drop)
        truth += len(doc.keep)
    p, r = tp / max(output, 1), tp / max(truth, 1)
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def score(docs: Sequence[content_data.Doc], threshold: float, switch: float) -> float:
    """The model's choice with these settings, scored as the set is scored."""
    keep = {doc.page: list(smooth(doc.extra["odds"] - threshold, switch)) for doc in docs}
    if docs and docs[0].truth is None:
        return segment_f1(docs, keep)
    return train_content_model.scores(docs, lambda doc: keep[doc.page])[RENDERER]


def evaluate(docs: Sequence[content_data.Doc], held_out: Path | None) -> dict[str, object]:
    """Held-out scores per set and setting; the setting chosen on `TUNE_SET` read on the others."""
    out: dict[str, dict[str, float]] = {}
    for held in render.ALL_SETS:
        test = [d for d in docs if d.set == held]
        model = train([d for d in docs if d.set != held], {"held_out": held})
        if held_out is not None:
            held_out.mkdir(parents=True, exist_ok=True)
            (held_out / f"{held}.json").write_text(model.to_json(), encoding="utf-8")
        for doc in test:
            doc.extra["odds"] = model.log_odds(doc.extra["rows"])
        out[held] = {"all_lines": score(test, -1e9, 0.0)}
        for threshold, switch in SETTINGS:
            out[held][f"t={threshold} s={switch}"] = score(test, threshold, switch)
        print(json.dumps({held: out[held]}), flush=True)
    best = max((k for k in out[TUNE_SET] if k != "all_lines"), key=out[TUNE_SET].__getitem__)
    return {"held_out": out, "chosen_on": TUNE_SET, "chosen": best, "at_chosen": {s: out[s][best] for s in out}}


CUTOFFS = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 1.0)
MIN_WORDS = (20, 40, 100)


def tune(root: Path, held_out: Path, sets: Sequence[str] = (TUNE_SET,)) -> dict[str, object]:
    """The HTML path's F1 per set with `extractor="auto"` for each confidence setting (`CUTOFFS` of
    unsure words, `MIN_WORDS` chosen), beside trafilatura's path and the model's alone, each page
    cleaned with the model held out from its set (`held_out/<set>.json`); the share of pages the
    model takes. Choose on one set, read on the others."""
    import quality  # benchmarks/quality.py: the same pages and metrics

    from cleanarticle.html import clean_html_and_explain

    out: dict[str, object] = {}
    data = quality.load_data(root)
    for name in sets:
        path = str(held_out / f"{name}.json")
        model = main_content.load_model(path)
        rows: list[tuple[float, int, quality.Counts, quality.Counts]] = []
        for page in data[name]:
            texts, features = page_rows(page.html)
            choice = main_content.decide(model, features)
            ours = clean_html_and_explain(page.html, extractor="model", dom_model=path).text
            theirs = clean_html_and_explain(page.html).text
            rows.append((choice.unsure, choice.words, page.score(ours), page.score(theirs)))
        per_page = bool(data[name]) and data[name][0].words

        def f1(pick: Sequence[bool]) -> float:
            chosen = [r[2] if p else r[3] for r, p in zip(rows, pick)]
            if per_page:
                return round(sum(quality.page_f1(c) for c in chosen) / max(len(chosen), 1), 4)
            total = quality.Counts()
            for counts in chosen:
                total.add(counts)
            return round(total.f1, 4)

        table: dict[str, object] = {"trafilatura": f1([False] * len(rows)), "model": f1([True] * len(rows))}
        for cutoff in CUTOFFS:
            for words in MIN_WORDS:
                pick = [r[0] <= cutoff and r[1] >= words for r in rows]
                table[f"auto u<={cutoff} w>={words}"] = [f1(pick), round(sum(pick) / max(len(pick), 1), 3)]
        out[name] = table
        print(json.dumps({name: table}), flush=True)
    return out


def data_hash(docs: Sequence[content_data.Doc]) -> str:
    digest = hashlib.sha256()
    for doc in sorted(docs, key=lambda d: (d.set, d.page)):
        digest.update(json.dumps([doc.set, doc.page, doc.lines, doc.labels]).encode())
        digest.update(np.ascontiguousarray(doc.extra["rows"]).tobytes())  # type: ignore[call-overload]
    return digest.hexdigest()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the model file")
    parser.add_argument("--held-out", type=Path, help="also write each held-out model here as <set>.json")
    parser.add_argument("--no-write", action="store_true", help="evaluate leave-one-set-out only")
    parser.add_argument("--skip-eval", action="store_true", help="train and write without the held-out evaluation")
    parser.add_argument("--tune", type=Path, metavar="DIR", help="instead: tune the confidence of auto with the held-out models in DIR")
    args = parser.parse_args(argv)
    if args.tune:
        result = tune(args.data, args.tune, render.ALL_SETS)
        CONFIDENCE.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        return 0
    docs = load(args.data)
    lines = sum(len(d.lines) for d in docs)
    print(f"{len(docs)} pages, {lines} lines", flush=True)
    if args.skip_eval:  # the scores of the last evaluation run (benchmarks/results/dom_model.json), if any
        dev = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    else:
        dev = evaluate(docs, args.held_out)
    if dev and not args.skip_eval:
        RESULTS.write_text(json.dumps(dev, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS}", flush=True)
    if args.no_write:
        return 0
    info = {
        "trained_on": {"sets": list(render.ALL_SETS), "pages": len(docs), "lines": lines, "labelled_data_sha256": data_hash(docs)},
        "training": {
            "trees": train_content_model.TREES,
            "depth": train_content_model.DEPTH,
            "folds": train_content_model.FOLDS,
            "random_state": 0,
        },
        "dev_scores_held_out": dev,
        "settings": dataclasses.asdict(main_content.Settings()),
        "auto_held_out": json.loads(CONFIDENCE.read_text(encoding="utf-8")) if CONFIDENCE.is_file() else {},
    }
    args.out.write_text(train(docs, info).to_json(), encoding="utf-8")
    print(f"wrote the model, trained on {len(docs)} pages, to {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
