"""Decide over neighbouring lines together: a two-state Viterbi pass over the lines' content scores.

Article text comes in runs and furniture comes in runs (a menu, a footer, a list of teasers), so a
short heading between paragraphs stays with them and a lone sentence in a footer goes with it.
Each switch between article and furniture costs `switch`; each line votes with its log-odds.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np


def smooth(log_odds: np.ndarray, switch: float) -> np.ndarray:
    """The article (True) / furniture (False) labelling that maximises the summed log-odds of the
    article lines minus `switch` per change of state (lines are in document order)."""
    n = len(log_odds)
    if not n:
        return np.zeros(0, dtype=bool)
    # best[s]: best score of a labelling of lines[:i+1] ending in state s (0 furniture, 1 article)
    back = np.zeros((n, 2), dtype=bool)  # back[i, s]: the previous state was the other one
    furniture, article = 0.0, float(log_odds[0])
    for i in range(1, n):
        stay_f, move_f = furniture, article - switch
        stay_a, move_a = article, furniture - switch
        back[i, 0] = move_f > stay_f
        back[i, 1] = move_a > stay_a
        furniture = max(stay_f, move_f)
        article = max(stay_a, move_a) + float(log_odds[i])
    out = np.zeros(n, dtype=bool)
    state = article > furniture
    for i in range(n - 1, -1, -1):
        out[i] = state
        if back[i, int(state)]:
            state = not state
    return out


def runs(mask: np.ndarray) -> Iterator[tuple[int, int]]:
    """(start, stop) of each run of True in `mask`."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.astype(np.int8), [0]))))
    yield from zip(edges[::2].tolist(), edges[1::2].tolist())
