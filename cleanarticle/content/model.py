"""The trained content model: gradient-boosted trees stored as data, evaluated with numpy.

Two stages, as jusText's context pass: the first scores each line from its own features and its
neighbours'; the second adds the first stage's scores of the lines around it, so that a short line
inside an article reads as article and a sentence inside a footer as footer. The file records what
the model was trained on and how it scored (see `benchmarks/train_content_model.py`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np

from . import features as feats

MODEL_FILE = "content_model.json"


@dataclass(frozen=True)
class Trees:
    """A sum of regression trees, flattened: node i splits on `feature[i]` at `threshold[i]`
    (left when the value is at most the threshold) unless `leaf[i]`, where it gives `value[i]`."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    leaf: np.ndarray
    roots: np.ndarray
    depth: int
    base: float

    def raw(self, rows: np.ndarray) -> np.ndarray:
        """The summed log-odds of every row, all trees walked at once, one level per step."""
        n, width = rows.shape
        feature, threshold, children = self._walk
        flat = np.ascontiguousarray(rows).ravel()
        offsets = (np.arange(n) * width)[:, None]
        nodes = np.tile(self.roots, (n, 1))
        for _ in range(self.depth):
            left = flat.take(offsets + feature.take(nodes)) <= threshold.take(nodes)
            nodes = children.take(2 * nodes + left)
        return self.base + self.value[nodes].sum(axis=1)

    @cached_property
    def _walk(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The nodes as `raw` walks them: a leaf splits on feature 0 at +inf and both its children
        are itself, so every row takes `depth` steps with no test for leaves; `children[2 * i]` is
        node i's right child and `children[2 * i + 1]` its left (one `take` per level)."""
        itself = np.arange(len(self.leaf))
        feature = np.where(self.leaf, 0, self.feature)
        threshold = np.where(self.leaf, np.inf, self.threshold)
        right, left = np.where(self.leaf, itself, self.right), np.where(self.leaf, itself, self.left)
        return feature, threshold, np.column_stack([right, left]).ravel()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Trees:
        return cls(
            feature=np.asarray(data["feature"], dtype=np.intp),
            threshold=np.asarray(data["threshold"], dtype=float),
            left=np.asarray(data["left"], dtype=np.intp),
            right=np.asarray(data["right"], dtype=np.intp),
            value=np.asarray(data["value"], dtype=float),
            leaf=np.asarray(data["leaf"], dtype=bool),
            roots=np.asarray(data["roots"], dtype=np.intp),
            depth=int(data["depth"]),
            base=float(data["base"]),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "depth": self.depth,
            "base": self.base,
            "roots": self.roots.tolist(),
            "feature": self.feature.tolist(),
            "threshold": [round(float(t), 9) for t in self.threshold],
            "left": self.left.tolist(),
            "right": self.right.tolist(),
            "value": [round(float(v), 9) for v in self.value],
            "leaf": [int(x) for x in self.leaf],
        }


def context(scores: np.ndarray) -> np.ndarray:
    """The second stage's extra columns: a line's first-stage probability and its neighbours'."""
    p = 1.0 / (1.0 + np.exp(-scores))
    return np.column_stack(
        [
            p,
            feats.window(p, 1),
            feats.window(p, 3),
            feats.window(p, 8),
            feats.window(p, 20),
            feats.shift(p, 1),
            feats.shift(p, -1),
            feats.shift(p, 2),
            feats.shift(p, -2),
        ]
    )


@dataclass(frozen=True)
class ContentModel:
    """Both stages, the decision settings they were tuned with, and the file's record."""

    names: tuple[str, ...]
    first: Trees
    second: Trees
    info: dict[str, Any]

    def log_odds(self, rows: np.ndarray) -> np.ndarray:
        """Log-odds that each line is article text, from the rows of `features.features`."""
        if not len(rows):
            return np.zeros(0)
        first = self.first.raw(rows)
        return self.second.raw(np.hstack([rows, context(first)]))

    @classmethod
    def load(cls, path: str | Path | None = None) -> ContentModel:
        """The model in the file at `path`, or the one shipped with the package."""
        text = Path(path).read_text(encoding="utf-8") if path else _packaged()
        return cls.load_text(text, str(path or MODEL_FILE))

    @classmethod
    def load_text(cls, text: str, name: str = MODEL_FILE) -> ContentModel:
        data = json.loads(text)
        names = tuple(data["features"])
        if names != feats.NAMES:
            raise ValueError(f"{name}: the content model was trained on other features than this version computes")
        return cls(names, Trees.from_dict(data["first"]), Trees.from_dict(data["second"]), data["info"])

    def to_json(self) -> str:
        data = {"info": self.info, "features": list(self.names), "first": self.first.to_dict(), "second": self.second.to_dict()}
        return json.dumps(data, separators=(",", ":")) + "\n"


def _packaged() -> str:
    return files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")


@cache
def load_model(path: str = "") -> ContentModel:
    """The model in the file at `path` ("" for the one shipped with the package), loaded once per process."""
    return ContentModel.load(path or None)


def default_model() -> ContentModel:
    return load_model("")
