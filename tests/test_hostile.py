"""Hostile inputs, small: each returns the article text, and the cuts the limits made are recorded.

The full-size versions, timed with their peak memory, are in benchmarks/bench_hostile.py.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from cleanarticle import Limits, apply_removals, clean_and_explain, clean_html_and_explain, normalize
from cleanarticle.html.bounds import bound, rewiden
from cleanarticle.normalize import Whitespace
from cleanarticle.pipeline import windows
from cleanarticle.testing import ARTICLE, hostile_input

PAGES = Path(__file__).parent / "html_pages"
LEDE = "The town council voted on Tuesday to approve a larger budget for the public library."
LAST = "The head librarian thanked residents who had written letters in support of the plan."


def reasons(result: object) -> set[str]:
    return {node.reason for node in result.pruned}


def test_text_nested_255_elements_deep_comes_back() -> None:
    result = clean_html_and_explain(hostile_input("article_255_deep.html"))
    assert LEDE in result.text and LAST in result.text
    assert "too_deep" in reasons(result)


def test_deep_nesting_is_flattened_and_the_text_kept() -> None:
    result = clean_html_and_explain(hostile_input("nested_divs.html", scale=0.025))  # 5,000 divs
    assert LEDE in result.text and LAST in result.text
    [note] = [node for node in result.pruned if node.reason == "too_deep"]
    assert note.detail == "max_html_depth=200: 4,808 tags removed, text kept"  # 4,800 divs, 8 article tags


def test_elements_past_the_node_limit_lose_their_tags_not_their_text() -> None:
    page = hostile_input("many_paragraphs.html", scale=0.01)  # the article, then 3,000 <p>
    result = clean_html_and_explain(page, limits=Limits(max_html_nodes=1_000))
    assert LEDE in result.text
    assert "too_many_nodes" in reasons(result)


def test_cells_past_the_row_limit_lose_their_tags() -> None:
    page = hostile_input("wide_row.html", scale=0.01)  # 2,000 cells in one row
    result = clean_html_and_explain(page, limits=Limits(max_row_cells=100))
    assert LEDE in result.text
    [note] = [node for node in result.pruned if node.reason == "too_many_cells"]
    assert note.detail == "max_row_cells=100: 1,900 tags removed, text kept"


def test_a_page_past_the_size_limit_is_cut_at_a_tag() -> None:
    page = hostile_input("page_100mb.html", scale=0.0001)  # 10 kB of repeated articles
    result = clean_html_and_explain(page, limits=Limits(max_html_bytes=3_000))
    assert LEDE in result.text
    assert "too_large" in reasons(result)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_or_32_without_bom_never_comes_back_as_markup(encoding: str) -> None:
    data = hostile_input("utf16_without_bom.html").decode("utf-16-le").encode(encoding)
    for page in (data, data.decode("latin-1")):  # bytes, or bytes read one by one into a str
        result = clean_html_and_explain(page)
        assert LEDE in result.text and "<p>" not in result.text and "\x00" not in result.text
    assert rewiden(data.decode("latin-1")) == (data.decode(encoding), encoding)


def test_a_page_within_the_limits_is_left_exactly_as_it_is() -> None:
    for path in sorted(PAGES.glob("*.html")):
        page = path.read_text("utf-8")
        assert bound(page, Limits()) == (page, ()), path.name


@pytest.mark.parametrize(
    "body",
    [
        "<p>x" * 3_000,  # an open <p> ends at the next one
        "<ul>" + "<li>item" * 3_000 + "</ul>",
        "<table>" + "<tr><td>a<td>b" * 3_000 + "</table>",
        "<script>" + "<div>" * 3_000 + "</script><p>x</p>",  # no tags in a script
        "<svg>" + "<path d='M0'/>" * 3_000 + "</svg>",  # self-closing in SVG
        "<!--" + "<div>" * 3_000 + "-->",
    ],
)
def test_siblings_and_raw_text_do_not_count_as_depth(body: str) -> None:
    page = f"<html><body>{body}</body></html>"
    assert bound(page, Limits(max_html_depth=50)) == (page, ())


def test_windows_cover_the_text_at_line_ends() -> None:
    text = "".join(f"line {i}\n" for i in range(1_000)) + "x" * 500
    spans = windows(text, Limits(window_chars=300, window_lines=20))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    for start, stop in spans[:-1]:
        assert text[stop - 1] == "\n" and text.count("\n", start, stop) <= 20
    assert windows(ARTICLE, Limits()) == [(0, len(ARTICLE))]


def test_a_text_longer_than_a_window_keeps_the_ledger_exact() -> None:
    text = hostile_input("text_100mb.txt", scale=0.0005)  # 50 kB of articles and cruft
    small = Limits(window_chars=2_000, window_lines=40)
    result = clean_and_explain(text, limits=small)
    assert apply_removals(result.source, result.removals) == result.text
    assert LEDE in result.text and "Share this story" not in result.text


def test_blank_lines_past_a_window_make_one_removal() -> None:
    result = clean_and_explain(hostile_input("newlines_20mb.txt", scale=0.01), limits=Limits(window_lines=1_000))
    assert result.text == ""
    assert len(result.removals) == 1 and result.removals[0].end == len(result.source)


def test_many_short_cruft_lines_all_go() -> None:
    result = clean_and_explain(hostile_input("short_lines.txt", scale=0.02), limits=Limits(window_lines=5_000))
    assert result.text == ""


@pytest.mark.parametrize("name", ["max_html_depth", "window_lines"])
def test_limits_must_be_positive_integers(name: str) -> None:
    with pytest.raises(ValueError, match=f"Limits.{name} must be a positive integer"):
        Limits(**{name: 0})


def test_long_texts_are_tidied_in_bulk_exactly_as_line_by_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past `_BULK` characters the whitespace step uses `str.translate` (no object per line)."""
    alphabet = "ab é’\n\r\t\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2005\u2028\u2029\u200b\u200c\u3000\x00\x07\x7f\xad"
    chance = random.Random(12)
    texts = ["".join(chance.choice(alphabet) for _ in range(chance.randrange(1, 80))) for _ in range(300)]
    line_by_line = [Whitespace().normalize(text) for text in texts]
    monkeypatch.setattr(normalize, "_BULK", 0)
    assert [Whitespace().normalize(text) for text in texts] == line_by_line
