"""Labelled lines for the content model: every page of ../shared/data, rendered every way.

A `Doc` is one page in one rendering: its non-blank lines, which of them follow a blank line, a
label per line (labels.py) and what to score the output against. `load` builds them in worker
processes and keeps them in a cache file keyed by the data, the renderers and this code.
"""

from __future__ import annotations

import hashlib
import pickle
import re
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import labels
import render
import renderers

CACHE = Path("/tmp/cleanarticle-content-data")
_WORD = re.compile(r"\w+")


@dataclass
class Doc:
    """One page in one rendering."""

    set: str
    page: str
    renderer: str
    lines: list[str]
    blank_before: list[bool]
    labels: list[int | None]
    truth: str | None = None  # text to score word F1 against
    keep: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)


def split(text: str) -> tuple[list[str], list[bool]]:
    """The non-blank lines of `text` and, for each, whether a blank line stands before it."""
    lines, blank, pending = [], [], False
    for line in text.split("\n"):
        if line.strip():
            lines.append(line.rstrip())
            blank.append(pending)
            pending = False
        else:
            pending = True
    return lines, blank


def _docs_of(page: render.Page, names: Sequence[str]) -> list[Doc]:
    if page.set == render.READABILITY_SET:
        truth = render.naive_text(page.expected_html or "")
    else:
        truth = page.truth
    out = []
    for name in names:
        try:
            text = (renderers.RENDERERS | renderers.UNSEEN)[name](page.html)
        except Exception:  # a renderer that cannot read a page: that page has no such rendering
            continue
        lines, blank = split(text)
        if not lines:
            continue
        if truth is not None:
            marks = labels.label_lines(lines, truth, page.title)
        else:
            marks = labels.label_by_segments(lines, page.keep, page.drop)
        out.append(Doc(page.set, page.name, name, lines, blank, marks, truth, page.keep, page.drop))
    return out


def _job(args: tuple[str, str, tuple[str, ...]]) -> list[Doc]:
    root, set_name, names = args
    docs = []
    for page in render.iter_pages(Path(root), [set_name]):
        docs.extend(_docs_of(page, names))
    return docs


def load(root: Path, sets: Sequence[str], names: Sequence[str], workers: int = 2) -> list[Doc]:
    """Every page of `sets` in every renderer of `names`, from the cache when it is there."""
    code = b"".join(Path(module.__file__).read_bytes() for module in (labels, render, renderers))  # type: ignore[arg-type]
    key = hashlib.sha256(repr((str(root), list(sets), list(names))).encode() + code).hexdigest()[:16]
    path = CACHE / f"{key}.pickle"
    if path.is_file():
        return pickle.loads(path.read_bytes())
    jobs = [(str(root), s, (n,)) for s in sets for n in names]
    with ProcessPoolExecutor(workers) as pool:
        docs = [doc for batch in pool.map(_job, jobs) for doc in batch]
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(docs))
    return docs


def word_f1(output: str, truth: str) -> float:
    """WCXB's word F1: lower-case `\\w+` tokens as multisets."""
    got, want = Counter(_WORD.findall(output.lower())), Counter(_WORD.findall(truth.lower()))
    tp = sum((got & want).values())
    if not tp:
        return 0.0 if (got or want) else 1.0
    p, r = tp / sum(got.values()), tp / sum(want.values())
    return 2 * p * r / (p + r)
