"""A learned lexicon of furniture words: how much each word of a short line says "furniture".

A logistic model over the words of a line (each word, each pair of neighbouring words, the first
and the last word), trained by `benchmarks/train_lexicon.py` on boilerplate snippets annotated on
many publishers' pages against the short lines of their articles. It knows that "subscribe",
"promoted", "photographer" or "related topics" lean to furniture in any wording, where a phrase
list knows only the sentences it holds. Stored as JSON (word -> weight), evaluated in plain Python.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

LEXICON_FILE = "furniture_lexicon.json"
_WORD = re.compile(r"\w+")


def tokens(text: str) -> set[str]:
    """The lexicon's tokens of a line: its lower-case words, each neighbouring pair ("related
    topics"), and its first and last word marked ("^read", "$more")."""
    words = _WORD.findall(text.lower())
    found = {*words, *(f"{a} {b}" for a, b in zip(words, words[1:]))}
    if words:
        found.update((f"^{words[0]}", f"${words[-1]}"))
    return found


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Weights of tokens (positive: article text, negative: furniture) and the bias."""

    bias: float
    weights: dict[str, float]
    info: dict[str, object]

    def score(self, text: str) -> float:
        """The log-odds that `text` is article text, from its words alone."""
        weights = self.weights
        return self.bias + sum(weights.get(token, 0.0) for token in tokens(text))

    def strongest(self, text: str, count: int = 3) -> list[tuple[str, float]]:
        """The `count` tokens of `text` that push most towards furniture: the detail of a removal."""
        found = [(token, self.weights[token]) for token in tokens(text) if self.weights.get(token, 0.0) < 0]
        return sorted(found, key=lambda item: (item[1], item[0]))[:count]

    def to_dict(self) -> dict[str, object]:
        return {"info": self.info, "bias": self.bias, "weights": dict(sorted(self.weights.items()))}


@cache
def load_lexicon(path: str = "") -> Lexicon:
    """The lexicon in `path`, or the packaged one ("")."""
    text = Path(path).read_text("utf-8") if path else files(__package__).joinpath(LEXICON_FILE).read_text("utf-8")
    data = json.loads(text)
    return Lexicon(float(data["bias"]), {str(k): float(v) for k, v in data["weights"].items()}, dict(data.get("info", {})))
