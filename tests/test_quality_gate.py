"""Quality gate: cleanarticle's HTML path and text mode must not fall below the F1 floors pinned in
benchmarks/baseline.json, scored on the fixed sample in tests/html_pages (no network, no ../shared).

Lowering a floor takes an explicit `python benchmarks/quality.py --sample --update-baseline --allow-lower`.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_quality():
    spec = importlib.util.spec_from_file_location("quality", ROOT / "benchmarks" / "quality.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


quality = _load_quality()


@pytest.fixture(scope="module")
def sample_scores():
    sets = quality.load_sample()
    tools = [t for t in quality.TOOLS if t.name in ("cleanarticle", "text:clean")]
    return [score for tool in tools for score in quality.run_tool(tool, sets)]


def test_sample_has_both_sets() -> None:
    sets = quality.load_sample()
    assert len(sets[quality.EVAL]) >= 5
    assert len(sets[quality.READABILITY]) >= 4
    assert len(sets[quality.WCXB]) >= 5


def test_floors_are_pinned_for_every_gated_score(sample_scores) -> None:
    floors = json.loads(quality.BASELINE.read_text(encoding="utf-8"))["sample"]
    assert set(quality.floors_of(sample_scores)) == set(floors)


def test_f1_is_not_below_the_pinned_floors(sample_scores) -> None:
    floors = json.loads(quality.BASELINE.read_text(encoding="utf-8"))["sample"]
    assert quality.check_floors(sample_scores, floors) == []
    assert not any(score.errors for score in sample_scores)


def test_segment_metric() -> None:
    counts = quality.segment_counts("Keep me. And me. Drop me.", ["Keep me", "And me", "Lost"], ["Drop me", "Gone"])
    assert (counts.tp, counts.output, counts.truth) == (2, 3, 3)
    assert counts.precision == pytest.approx(2 / 3)
    assert counts.recall == pytest.approx(2 / 3)


def test_shingle_metric() -> None:
    truth = "One two three four five six"
    assert quality.shingle_counts(truth.upper(), truth).f1 == 1.0
    half = quality.shingle_counts("one two three four five", truth)
    assert (half.tp, half.output, half.truth) == (2, 2, 3)
    assert quality.shingle_counts("", truth).f1 == 0.0


def test_lowering_a_floor_needs_the_explicit_flag(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"sample": {"cleanarticle/x": 0.9}}), encoding="utf-8")
    refused = quality.update_baseline(path, "sample", {"cleanarticle/x": 0.8}, allow_lower=False)
    assert refused and json.loads(path.read_text(encoding="utf-8"))["sample"]["cleanarticle/x"] == 0.9
    assert quality.update_baseline(path, "sample", {"cleanarticle/x": 0.95}, allow_lower=False) == []
    assert quality.update_baseline(path, "sample", {"cleanarticle/x": 0.8}, allow_lower=True) == []
    assert json.loads(path.read_text(encoding="utf-8"))["sample"]["cleanarticle/x"] == 0.8


def test_word_metric_and_leak_rule() -> None:
    counts = quality.word_counts("The cat sat. The cat!", "the cat sat on the mat")
    assert (counts.tp, counts.output, counts.truth) == (4, 5, 6)
    assert quality.page_f1(quality.Counts()) == 1.0  # nothing to find, nothing found
    page = quality.Page("p", "", drop=("Home", "Get a free quote today"))
    assert page.leaks("Intro.\nHome\nText.")
    assert page.leaks("Text. Get a free quote today. More.")  # three words or more: anywhere
    assert not page.leaks("We drove home at night.")  # a one-word snippet inside a sentence is not a leak


def test_leak_ceilings_are_checked_and_not_raised_silently(tmp_path: Path) -> None:
    score = quality.Score("cleanarticle", "x", judged=10, leaked=2)
    assert quality.floors_of([score])["leaks:cleanarticle/x"] == 0.2
    assert quality.check_floors([score], {"leaks:cleanarticle/x": 0.1}) != []
    assert quality.check_floors([score], {"leaks:cleanarticle/x": 0.2}) == []
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"sample": {"leaks:cleanarticle/x": 0.1}}), encoding="utf-8")
    assert quality.update_baseline(path, "sample", {"leaks:cleanarticle/x": 0.2}, allow_lower=False)


def test_check_floors_reports_a_score_below_its_floor() -> None:
    score = quality.Score("cleanarticle", "x", quality.Counts(tp=1, output=2, truth=2))
    assert quality.check_floors([score], {"cleanarticle/x": 0.6}) != []
    assert quality.check_floors([score], {"cleanarticle/x": 0.5}) == []
