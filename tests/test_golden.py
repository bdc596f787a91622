"""Golden files: the expected clean text and removals of each seed, read by eye when written.

Rewrite them only on purpose: `python -m pytest tests/test_golden.py --update-golden`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanarticle import clean_and_explain

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def render(seed: Path) -> tuple[str, str]:
    """The clean text and the removals (one JSON record a line, with the removed text)."""
    result = clean_and_explain(seed.read_text("utf-8"))
    records = [
        json.dumps({**r.to_dict(), "text": result.removed_text(r)}, ensure_ascii=False)
        for r in result.removals
    ]
    metadata = json.dumps({"metadata": result.metadata.to_dict()}, ensure_ascii=False)
    return result.text, "\n".join([*records, metadata]) + "\n"


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_seed_matches_golden(seed: Path, request: pytest.FixtureRequest) -> None:
    text, removals = render(seed)
    text_file = GOLDEN / f"{seed.stem}.clean.txt"
    removals_file = GOLDEN / f"{seed.stem}.removals.jsonl"
    if request.config.getoption("--update-golden"):
        text_file.write_text(text, "utf-8")
        removals_file.write_text(removals, "utf-8")
    assert text_file.exists(), f"no golden file for {seed.name}: run pytest with --update-golden"
    assert text == text_file.read_text("utf-8")
    assert removals == removals_file.read_text("utf-8")
