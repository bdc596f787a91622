"""Our main-content step: which visible lines of a pruned page are the article, and how sure we are.

The content model of the text path, trained on DOM features (`dom_features`), scores each line
outside the pruned furniture; a two-state Viterbi pass (`content.sequence.smooth`) decides over
the lines in document order, so a short heading between paragraphs stays with them and a lone
sentence in a sidebar goes with it. The choice is confident when few of the page's words have an
unsure score and enough words are chosen; the HTML path then skips trafilatura, else it falls
back to it (`extractor="auto"`). Every line left out gets a reason and the features that decided.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

import numpy as np

from ..blocks import CODE, HEADING, ITEM, PARAGRAPH, PLAIN, QUOTE, ROW, Style
from ..content.model import ContentModel, Trees
from ..content.sequence import smooth
from . import dom_features
from .structure import loose_key
from .visible import NO_OWNER, VisibleLine

MODEL_FILE = "dom_model.json"
STEP = "main_content"
EXTRACTORS = ("trafilatura", "auto", "model")
"""`trafilatura`: today's extraction on every page; `model`: this step on every page; `auto`:
this step where it is confident, trafilatura elsewhere."""
LOW_SCORE = "low_content_score"  # the model scored the line as furniture
OUTSIDE = "outside_main_text"  # the line scored as article but lies outside the chosen runs


def load(path: str | Path | None = None) -> ContentModel:
    """The DOM model in the file at `path`, or the one shipped with the package."""
    if path:
        text, name = Path(path).read_text(encoding="utf-8"), str(path)
    else:
        text, name = files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8"), MODEL_FILE
    data = json.loads(text)
    names = tuple(data["features"])
    if names != dom_features.NAMES:
        raise ValueError(f"{name}: the DOM model was trained on other features than this version computes")
    return ContentModel(names, Trees.from_dict(data["first"]), Trees.from_dict(data["second"]), data["info"])


@cache
def load_model(path: str = "") -> ContentModel:
    """`load(path)` once per process ("" for the packaged model)."""
    return load(path or None)


@dataclass(frozen=True, slots=True)
class Settings:
    """How the step decides: `threshold` is added to every line's log-odds against the article,
    `switch` is the Viterbi cost of a change between article and furniture; the choice is
    confident when at most `max_unsure` of the candidate words have a probability between
    `unsure_low` and `unsure_high`, and at least `min_words` words are chosen. All chosen on
    trafilatura-eval-dev with a model trained without it (benchmarks/results/dom_model.json,
    dom_confidence.json): the most pages for the model at no more than 0.002 F1 below trafilatura."""

    threshold: float = 0.0
    switch: float = 1.0
    max_unsure: float = 0.2
    unsure_low: float = 0.2
    unsure_high: float = 0.8
    min_words: int = 100


@dataclass(frozen=True, slots=True)
class Choice:
    """The step's decision over the candidate lines: which are kept, their log-odds, how unsure."""

    keep: np.ndarray
    log_odds: np.ndarray
    unsure: float
    words: int
    confident: bool


def decide(model: ContentModel, rows: np.ndarray, settings: Settings = Settings()) -> Choice:
    """Score the candidate `rows` (`dom_features.features`) and choose the article lines."""
    if not len(rows):
        return Choice(np.zeros(0, dtype=bool), np.zeros(0), 1.0, 0, False)
    odds = model.log_odds(rows) - settings.threshold
    keep = smooth(odds, settings.switch)
    words = np.expm1(rows[:, 0])
    p = 1.0 / (1.0 + np.exp(-odds))
    unsure_words = float(words[(p > settings.unsure_low) & (p < settings.unsure_high)].sum())
    unsure = unsure_words / max(float(words.sum()), 1.0)
    chosen = round(float(words[keep].sum()))
    confident = unsure <= settings.max_unsure and chosen >= settings.min_words
    return Choice(keep, odds, unsure, chosen, confident)


_COLUMN = {name: i for i, name in enumerate(dom_features.NAMES)}
_FLAG_COLUMNS = [(f, _COLUMN[f"in_{f}"]) for f in dom_features.FLAGS]


def reason(row: np.ndarray, log_odds: float) -> tuple[str, str]:
    """(reason, detail) of a left-out line: low score or outside the chosen runs, and the
    features that weigh most in the field's experience (link density, class words, ancestors)."""
    inside = ",".join(f for f, column in _FLAG_COLUMNS if row[column] > 0)
    detail = (
        f"p={1 / (1 + np.exp(-log_odds)):.2f} words={round(float(np.expm1(row[0])))} "
        f"link_density={row[_COLUMN['link_density']]:.2f} class={int(row[_COLUMN['class_near']])}"
        + (f" in={inside}" if inside else "")
    )
    return (LOW_SCORE if log_odds < 0 else OUTSIDE), detail


_KIND_STYLE = {"item": ITEM, "row": ROW, "quote": QUOTE, "pre": CODE}
_GROUPED = frozenset(_KIND_STYLE.values())  # consecutive lines of these kinds render as one block


def style(row: np.ndarray, group: int) -> Style:
    """The block style of a chosen line from its tag: heading level, list item, row, quote, code, else paragraph."""
    level = int(row[_COLUMN["heading"]])
    if level:
        return Style(HEADING, level, group)
    for kind, name in _KIND_STYLE.items():
        if row[_COLUMN[f"kind_{kind}"]] > 0:
            return Style(name, 1 if name == ITEM else 0, group)
    return Style(PARAGRAPH, 0, group)


@dataclass(frozen=True, slots=True)
class Extraction:
    """The step's article text (chosen lines, one per line), the style of each as (loose key,
    `Style`) for `structure.align`, and (step, reason, detail) of each visible line it left out."""

    text: str
    styles: tuple[tuple[str, Style], ...]
    left_out: dict[int, tuple[str, str, str]]
    choice: Choice
    origin: tuple[int, ...] = ()  # the visible line of each line of `text`


def extract(
    blocks: dom_features.Blocks,
    visible: list[VisibleLine],
    model: ContentModel,
    settings: Settings = Settings(),
    force: bool = False,
) -> Extraction | None:
    """The article lines among the `visible` lines outside furniture (the walk `blocks` observed),
    or None when the choice is not confident and not `force`d."""
    lines = [i for i, line in enumerate(visible) if line.owner == NO_OWNER]
    texts = [visible[i].text for i in lines]
    rows = dom_features.features(blocks, texts, lines)
    choice = decide(model, rows, settings)
    if not (choice.confident or force):
        return None
    kept: list[str] = []
    origin: list[int] = []
    styles: list[tuple[str, Style]] = []
    left_out: dict[int, tuple[str, str, str]] = {}
    group, last = 0, PLAIN
    for row, (at, text, keep, odds) in enumerate(zip(lines, texts, choice.keep, choice.log_odds)):
        if keep:
            own = style(rows[row], group + 1)
            same = own.kind == last.kind and own.kind in _GROUPED and row and choice.keep[row - 1]
            group = group if same else group + 1
            last = own._replace(group=group)
            kept.append(text)
            origin.append(at)
            styles.append((loose_key(text), last))
        else:
            left_out[at] = (STEP, *reason(rows[row], float(odds)))
    return Extraction("\n".join(kept), tuple(styles), left_out, choice, tuple(origin))
