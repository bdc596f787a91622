"""Fit the content model's stages: gradient-boosted trees, flattened into the package's data form.

Deterministic: scikit-learn's histogram GBDT with a fixed seed and no early stopping (so no random
validation split), in float64. scikit-learn is needed here only (the `train` extra), never at run time.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .model import Trees


def fit_trees(rows: np.ndarray, labels: np.ndarray, weights: np.ndarray, trees: int, depth: int) -> Trees:
    """Gradient-boosted trees (scikit-learn's histogram GBDT, fixed seed, no early stopping),
    flattened into `Trees`. Needs the `train` extra."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(
        max_iter=trees, max_depth=depth, learning_rate=0.1, early_stopping=False, random_state=0
    )
    model.fit(rows, labels, sample_weight=weights)
    return flatten(model)


def flatten(model: Any) -> Trees:
    """One `Trees` from a fitted binary HistGradientBoostingClassifier."""
    columns: dict[str, list[Any]] = {name: [] for name in ("feature", "threshold", "left", "right", "value", "leaf")}
    roots = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        offset = len(columns["value"])
        roots.append(offset)
        columns["feature"].extend(nodes["feature_idx"].tolist())
        columns["threshold"].extend(nodes["num_threshold"].tolist())
        columns["left"].extend((nodes["left"] + offset).tolist())
        columns["right"].extend((nodes["right"] + offset).tolist())
        columns["value"].extend(nodes["value"].tolist())
        columns["leaf"].extend(nodes["is_leaf"].tolist())
    depth = max(int(predictor.nodes["depth"].max()) for (predictor,) in model._predictors)
    base = float(np.ravel(model._baseline_prediction)[0])
    return Trees.from_dict({**columns, "roots": roots, "depth": depth, "base": base})
