"""Train the furniture lexicon of the `off_topic` filter and write it into the package.

    pip install -e ".[train]"
    python benchmarks/train_lexicon.py                        # all pages; writes the packaged lexicon
    python benchmarks/train_lexicon.py --half 0 --out /tmp/lexicon-half0.json   # pages of one half only
    python benchmarks/train_lexicon.py --without wcxb-dev-articles --out /tmp/lexicon-no-wcxb.json

Lines: the one-line boilerplate snippets annotated on the pages of ../shared/data (WCXB's and
trafilatura's `without` lists, 1-15 words) are furniture; the short lines (1-15 words) of the
same pages' article text (WCXB's `main_content`, trafilatura's `with` segments, the visible text of
Readability's `expected.html`) are article text. A logistic regression (scikit-learn, lbfgs,
classes weighted to balance, deterministic) over the tokens of `cleanarticle.content.lexicon`
seen on at least `--min-count` lines. `--half` keeps the pages of one half (a stable hash of the
page, the halves of `inserted_furniture.py`), `--without` leaves a set out: the scores a
lexicon reports are on pages it never saw. The file records the hash of its lines, the settings,
and the held-out area under the ROC curve of a lexicon trained on the other half.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import render  # noqa: E402

from cleanarticle.content.lexicon import LEXICON_FILE, Lexicon, tokens  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
OUT = REPO / "cleanarticle" / "content" / LEXICON_FILE
MAX_WORDS = 15
C, MIN_COUNT, MIN_WEIGHT = 1.0, 2, 0.1  # the packaged lexicon's settings (the flags' defaults)
FURNITURE, ARTICLE = 0, 1


def half(key: str) -> int:
    """A page's half: a stable hash of "set/page", the halves `inserted_furniture.py` uses."""
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % 2


def _short(values: Sequence[str] | str) -> Iterator[str]:
    """The one-line pieces of 1-`MAX_WORDS` words of `values` (a text is split into its lines)."""
    pieces = values.split("\n") if isinstance(values, str) else [v for v in values if "\n" not in v.strip()]
    for piece in pieces:
        piece = piece.strip()
        if piece and len(piece.split()) <= MAX_WORDS:
            yield piece


def labelled_lines(data: Path, keep_half: int | None = None, without: str = "") -> list[tuple[str, int, str]]:
    """(line, label, page key) for every short annotated line, in a fixed order."""
    out: list[tuple[str, int, str]] = []

    def wanted(key: str) -> bool:
        return (keep_half is None or half(key) == keep_half) and not key.startswith(f"{without}/")

    wcxb = json.loads((data / render.WCXB_SET / "ground-truth.json").read_text("utf-8"))
    for page, entry in sorted(wcxb.items()):
        key = f"{render.WCXB_SET}/{page}"
        if wanted(key):
            out += [(line, FURNITURE, key) for line in _short(entry.get("without") or ())]
            out += [(line, ARTICLE, key) for line in _short(entry.get("main_content") or "")]
    evaluation = json.loads((data / render.EVAL_SET / "evaldata.json").read_text("utf-8"))
    for url, entry in sorted(evaluation.items()):
        key = f"{render.EVAL_SET}/{url}"
        if wanted(key):
            out += [(line, FURNITURE, key) for line in _short(entry["without"])]
            out += [(line, ARTICLE, key) for line in _short(entry["with"])]
    for page in render.iter_pages(data, (render.READABILITY_SET,)):
        key = f"{render.READABILITY_SET}/{page.name}"
        if wanted(key) and page.expected_html:
            out += [(line, ARTICLE, key) for line in _short(render.naive_text(page.expected_html))]
    return out


def fit(
    lines: Sequence[tuple[str, int, str]], c: float, min_count: int, info: dict[str, object], min_weight: float = 0.0
) -> Lexicon:
    """The logistic regression over the tokens seen on `min_count` lines or more, less the tokens
    weighing under `min_weight` (a smaller file, loaded faster). Needs the train extra."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    seen = Counter(token for line, _, _ in lines for token in tokens(line))
    vocabulary = {token: index for index, token in enumerate(sorted(t for t, n in seen.items() if n >= min_count))}
    rows, columns = [], []
    for row, (line, _, _) in enumerate(lines):
        for token in tokens(line):
            if token in vocabulary:
                rows.append(row)
                columns.append(vocabulary[token])
    matrix = sparse.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(lines), len(vocabulary)))
    labels = np.array([label for _, label, _ in lines])
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(matrix, labels)
    weights = {token: round(float(model.coef_[0][index]), 3) for token, index in vocabulary.items()}
    kept = {t: w for t, w in weights.items() if w and abs(w) >= min_weight}
    return Lexicon(round(float(model.intercept_[0]), 3), kept, info)


def auc(lexicon: Lexicon, lines: Sequence[tuple[str, int, str]]) -> float:
    """Area under the ROC curve of the lexicon's scores on `lines` (ties count half)."""
    scores = np.array([lexicon.score(line) for line, _, _ in lines])
    labels = np.array([label for _, label, _ in lines])
    order = np.argsort(scores, kind="stable")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    for value in np.unique(scores):  # average ranks of ties
        tied = scores == value
        ranks[tied] = ranks[tied].mean()
    positives = labels == ARTICLE
    count = positives.sum()
    return float((ranks[positives].sum() - count * (count + 1) / 2) / (count * (len(labels) - count)))


def data_hash(lines: Sequence[tuple[str, int, str]]) -> str:
    digest = hashlib.sha256()
    for line, label, key in lines:
        digest.update(f"{key}\t{label}\t{line}\n".encode())
    return digest.hexdigest()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--half", type=int, choices=(0, 1), help="train on the pages of this half only")
    parser.add_argument("--without", choices=render.ALL_SETS, default="", help="leave this set out")
    parser.add_argument("--c", type=float, default=C, help="inverse regularisation strength")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT, help="tokens seen on fewer lines are left out")
    parser.add_argument("--min-weight", type=float, default=MIN_WEIGHT, help="tokens weighing less (either way) are left out")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    settings = {"c": args.c, "min_count": args.min_count, "min_weight": args.min_weight, "max_words": MAX_WORDS, "half": args.half, "without": args.without}
    held_out = {}
    for train_half in (0, 1):  # the held-out score: a lexicon of one half on the other half's lines
        lines = labelled_lines(args.data, train_half, args.without)
        other = labelled_lines(args.data, 1 - train_half, args.without)
        held_out[f"auc_half{1 - train_half}"] = round(auc(fit(lines, args.c, args.min_count, {}, args.min_weight), other), 4)
    lines = labelled_lines(args.data, args.half, args.without)
    info = {
        "trained_by": "benchmarks/train_lexicon.py",
        "data": "one-line boilerplate snippets and short article lines of ../shared/data "
        "(wcxb-dev-articles, trafilatura-eval-dev, readability-pages)",
        "settings": settings,
        "lines": len(lines),
        "furniture_lines": sum(label == FURNITURE for _, label, _ in lines),
        "labelled_data_sha256": data_hash(lines),
        "held_out": held_out,
    }
    lexicon = fit(lines, args.c, args.min_count, info, args.min_weight)
    args.out.write_text(json.dumps(lexicon.to_dict(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(json.dumps(info, indent=2))
    print(f"wrote {args.out}: {len(lexicon.weights)} tokens", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
