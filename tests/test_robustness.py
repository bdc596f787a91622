"""Inputs shaped to hit the worst cases of the filters' patterns and loops.

These check that cleaning returns a correct, replayable result; how long each takes is
measured in benchmarks/bench_text.py, not asserted here.
"""

from __future__ import annotations

import pytest

from cleanarticle import Pipeline
from cleanarticle.text import apply_removals

PIPELINE = Pipeline.default()
N = 200_000

ADVERSARIAL = {
    "punctuation_between_letters": "a" + "-" * N + "a",
    "one_long_word": "x" * N,
    "name_tokens_and_separators": "By " + "Jane Doe · " * (N // 12),
    "date_tokens": "Updated " + "Jun 5, 2025 | " * (N // 15),
    "open_parentheses": "Caption (Photo by " * (N // 20),
    "pipes_and_colons": "A | Source: " * (N // 12) + "x",
    "almost_a_file_name": "Screenshot " + "2025-06-05 " * (N // 12) + ".pngx",
    "many_markers": "Related\n" * (N // 8),
    "many_short_lines": "word\n" * (N // 5),
    "many_blank_lines": "\n" * N,
    "many_teaser_anchors": "Title of a teaser\n3 hours ago\n" * (N // 30),
    "many_attributions": "— Jane Doe (@jane) June 5, 2025\n" * (N // 32),
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_returns_a_replayable_result(name: str) -> None:
    result = PIPELINE.run(ADVERSARIAL[name])
    assert apply_removals(result.source, result.removals) == result.text
    assert PIPELINE.run(result.text).text == result.text


def test_many_short_lines() -> None:
    text = "".join(f"Line number {i} of a long text.\n" for i in range(200_000))
    result = PIPELINE.run(text)
    assert result.text == text
