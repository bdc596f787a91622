"""Hand-made pages for the steps of the HTML path that used to cost real text (issue 13), in
tests/html_pages/cases: each keeps its article and says why the rest went."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleanarticle.html as html_path
from cleanarticle.html import clean_html_and_explain
from cleanarticle.html.extract import Extracted, extends, tiny
from cleanarticle.text import apply_removals

CASES = Path(__file__).resolve().parent / "html_pages" / "cases"


def _page(name: str):
    result = clean_html_and_explain((CASES / name).read_bytes())
    assert apply_removals(result.source, result.removals) == result.text
    return result


def _reasons(result, line: str) -> set[tuple[str, str]]:
    start = result.source.index(line)
    return {(r.filter, r.reason) for r in result.removals if r.start <= start < r.end}


def test_a_list_article_keeps_its_linked_entries() -> None:
    result = _page("teaser_list.html")
    for heading in ("Ridge path to the old quarry", "River meadows to Cotton Mill", "Canal towpath to Lock Seven"):
        assert heading in result.text.splitlines()
    assert "The towpath is paved all the way" in result.text
    assert "Council approves new budget after months of debate" not in result.text


def test_linked_headlines_one_after_another_are_still_teasers() -> None:
    page = (CASES / "teaser_list.html").read_text(encoding="utf-8")
    block = "".join(f'<p><a href="/n/{i}">Another headline about the city number {i}</a></p>' for i in range(4))
    result = clean_html_and_explain(page.replace("<p>Whichever route", block + "<p>Whichever route"))
    assert "Another headline about the city number 1" not in result.text
    assert ("link_teasers", "link_teaser") in _reasons(result, "Another headline about the city number 1")


def test_a_one_paragraph_article_ending_in_a_credit_is_kept() -> None:
    result = _page("caption_only.html")
    assert "Waves broke over the sea wall" in result.text
    assert "Storm floods harbour road" in result.text


def test_a_short_blog_post_loses_its_pager_and_feed_links_with_reasons() -> None:
    result = _page("blog_pager.html")
    assert "The first two barn swallows of the year" in result.text
    for line in ("Newer Post", "Subscribe to:", "curlews", "Blog Archive"):
        assert line not in result.text
    assert ("prune", "pager") in _reasons(result, "Newer Post Older Post Home")
    assert ("prune", "feed_links") in _reasons(result, "Subscribe to: Post Comments (Atom)")
    assert ("extract", "not_main_content") in _reasons(result, "curlews")


def test_tiny_and_extends() -> None:
    assert tiny("Skip to content", 1000)
    assert not tiny("Skip to content", 10)  # the page itself is short
    assert not tiny(" ".join(["word"] * 300), 5000)
    article = "Skip to content\n" + "\n".join(f"Paragraph {i} " + "text " * 30 for i in range(5))
    assert extends(article, "Skip to content")
    assert not extends("Free shipping on orders over $40\n" * 20, "Skip to content")  # another block, not the same one grown


def test_a_tiny_extraction_of_the_pruned_page_falls_back_to_the_page_as_it_came(monkeypatch: pytest.MonkeyPatch) -> None:
    page = (CASES / "teaser_list.html").read_text(encoding="utf-8")
    real = html_path.extract_document

    calls = []

    def misled(html: str, url: str | None = None, *args, **kwargs) -> Extracted:
        calls.append(html == page)
        if html != page:  # the pruned tree, re-serialised: trafilatura picks one stray line
            return Extracted("Six walks near the city for a spring weekend\n", None)
        return real(html, url, *args, **kwargs)

    monkeypatch.setattr(html_path, "extract_document", misled)
    result = clean_html_and_explain(page)
    assert calls == [False, True]
    assert "The towpath is paved all the way" in result.text
    assert apply_removals(result.source, result.removals) == result.text
