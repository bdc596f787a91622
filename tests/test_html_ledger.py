"""The HTML path's complete ledger: the page's visible text is the source, and every line of it
that is not in the output has a removal naming the step (prune, extract or a text filter) and why."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path

import pytest
from test_html import PAGE, PARAGRAPHS

from cleanarticle.html import clean_html_and_explain
from cleanarticle.html.ledger import account
from cleanarticle.html.visible import NO_OWNER, VisibleLine, visible_lines
from cleanarticle.text import apply_removals
from cleanarticle.types import Removal

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "html_pages"


def _check_ledger():
    spec = importlib.util.spec_from_file_location("check_ledger", ROOT / "benchmarks" / "check_ledger.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _removal_of(result, text: str) -> Removal:
    """The removal whose span holds the source line `text`."""
    start = result.source.index(text)
    return next(r for r in result.removals if r.start <= start < r.end)


@pytest.mark.parametrize("path", sorted([*PAGES.glob("*.html"), *PAGES.glob("*.html.gz")]), ids=lambda p: p.name)
def test_every_sample_page_replays_with_a_whole_ledger(path: Path) -> None:
    raw = path.read_bytes()
    result = clean_html_and_explain(gzip.decompress(raw) if path.suffix == ".gz" else raw)
    assert _check_ledger().problems(result) == []
    assert result.text.strip()
    assert len(result.source) > len(result.text)  # the page's furniture is in the source, removed


def test_pruned_and_unextracted_lines_are_in_the_ledger_with_their_step() -> None:
    result = clean_html_and_explain(PAGE)
    assert apply_removals(result.source, result.removals) == result.text
    navigation = _removal_of(result, "Home News Sport")
    assert (navigation.filter, navigation.reason, navigation.detail) == ("prune", "navigation", "tag:nav")
    footer = _removal_of(result, "Copyright 2024 The Coastal Gazette")
    assert (footer.filter, footer.reason) == ("prune", "footer")
    author = _removal_of(result, "Maria Jensen writes about the coast")
    assert (author.filter, author.reason, author.detail) == ("prune", "author", "class:author-box")
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text


def test_text_left_out_by_extraction_is_not_main_content() -> None:
    teaser = "Subscribe to our weekly harbour newsletter for more stories like this one"
    page = PAGE.replace("</article>", f"</article><div class='box'><span>{teaser}</span></div>")
    result = clean_html_and_explain(page)
    assert teaser not in result.text
    removal = _removal_of(result, teaser)
    assert (removal.filter, removal.reason) == ("extract", "not_main_content")


def test_a_page_without_article_text_still_accounts_for_its_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    import cleanarticle.html as html_path
    from cleanarticle.html.extract import Extracted

    monkeypatch.setattr(html_path, "extract_document", lambda *args, **kwargs: Extracted("", None))
    result = clean_html_and_explain(PAGE)
    assert result.text == ""
    assert result.empty_reason == "no_article_text"
    assert PARAGRAPHS[0] in result.source
    assert apply_removals(result.source, result.removals) == ""
    assert _removal_of(result, PARAGRAPHS[0]).reason == "not_main_content"
    assert _removal_of(result, "Home News Sport").reason == "navigation"


def test_visible_lines_are_blocks_and_carry_their_furniture_node() -> None:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(
        "<body><p>One <b>bold</b> line</p><table><tr><td>a</td><td>b</td></tr></table>"
        "<div class='x'>Menu<p>Inner</p></div><p style='display:none'>Hidden</p><script>code()</script></body>"
    )
    menu = tree.css_first("div.x")
    assert tree.body is not None and menu is not None
    lines = visible_lines(tree.body, {menu.mem_id: 0})
    assert lines == [
        VisibleLine("One bold line", NO_OWNER),
        VisibleLine("a b", NO_OWNER),
        VisibleLine("Menu", 0),
        VisibleLine("Inner", 0),
    ]


def test_account_moves_the_pipelines_removals_past_the_inserted_lines() -> None:
    source = "Title\nA kept paragraph.\nShare this\nLast paragraph."
    removals = [Removal(source.index("Share"), source.index("Last"), "widgets", "share_prompt")]
    visible = [
        VisibleLine("Home", NO_OWNER),
        VisibleLine("Title", NO_OWNER),
        VisibleLine("A kept paragraph.", NO_OWNER),
        VisibleLine("Related story", NO_OWNER),
        VisibleLine("Share this", NO_OWNER),
        VisibleLine("Last paragraph.", NO_OWNER),
        VisibleLine("Footer text", NO_OWNER),
    ]
    whole = account(source, removals, visible, [])
    assert whole.source == "Home\nTitle\nA kept paragraph.\nRelated story\nShare this\nLast paragraph.\nFooter text"
    assert apply_removals(whole.source, whole.removals) == "Title\nA kept paragraph.\nLast paragraph."
    assert [(r.filter, whole.source[r.start : r.end]) for r in whole.removals] == [
        ("extract", "Home\n"),
        ("extract", "Related story\n"),
        ("widgets", "Share this\n"),
        ("extract", "\nFooter text"),
    ]
    assert whole.extracted == (False, True, True, False, True, True, False)


def test_account_does_not_repeat_text_that_extraction_split_or_joined() -> None:
    source = "First half\nsecond half\nA | B"
    visible = [VisibleLine("First half second half", NO_OWNER), VisibleLine("A", NO_OWNER), VisibleLine("B", NO_OWNER)]
    whole = account(source, [], visible, [])
    assert whole.source == source
    assert whole.removals == ()


def test_explain_on_the_command_line_shows_the_whole_ledger(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from cleanarticle import cli

    assert cli.main([str(PAGES / "cases" / "blog_pager.html"), "--explain"]) == 0
    record = json.loads(capsys.readouterr().out)
    found = {(r["filter"], r["reason"], r["text"].strip()) for r in record["removals"]}
    assert ("prune", "pager", "Newer Post Older Post Home") in found
    assert ("extract", "not_main_content", "Blog Archive") in found
