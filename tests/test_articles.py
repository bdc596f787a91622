"""Whole articles in other publishers' layouts: lines marked "~ " are cruft, the rest is article.

The marks are stripped to make the input; the expected output is exactly the unmarked lines.
These layouts were written for the tests (no seed shares them), to check that the filters
generalise beyond the seeds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanarticle import clean

ARTICLES = sorted((Path(__file__).parent / "articles").glob("*.txt"))
MARK = "~ "


def _split(path: Path) -> tuple[str, list[str]]:
    raw = path.read_text("utf-8").splitlines()
    source = "\n".join(line.removeprefix(MARK) for line in raw) + "\n"
    keep = [line for line in raw if not line.startswith(MARK)]
    return source, keep


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_cruft_goes_article_stays(path: Path) -> None:
    source, keep = _split(path)
    expected = [line for line in keep if line]
    got = [line for line in clean(source).splitlines() if line]
    lost = [line for line in expected if line not in got]
    left = [line for line in got if line not in expected]
    assert not lost, f"article lines lost: {lost}"
    assert not left, f"cruft left: {left}"
