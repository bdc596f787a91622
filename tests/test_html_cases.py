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
    assert tiny(" ".join(["word"] * 300), 5000)  # a part of a long page, however long itself
    assert not tiny(" ".join(["word"] * 300), 1000)
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


def test_short_links_and_buttons_at_the_edges_go_and_in_the_middle_stay() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from cleanarticle import Pipeline
    from cleanarticle.filters.edge_chrome import EdgeChrome
    from cleanarticle.html.links import button_keys

    tree = LexborHTMLParser(
        '<body><a href="/blog">Back to Blogs</a><a href="#top">Top</a><h1><a href="/self">Harbour wall</a></h1>'
        '<button>Get Started</button><a href="/a">A long link text of more than five words</a></body>'
    )
    assert tree.body is not None
    links = button_keys(tree.body, 5)
    assert links == {"back to blogs", "get started"}  # not in-page, not the headline, not long
    paragraphs = [f"Paragraph {i} tells how the council voted on the harbour wall and what it will cost." for i in range(8)]
    lines = ["Back to Blogs", *paragraphs[:4], "Harbour works timeline", *paragraphs[4:], "https://github.com/x/y", "Get Started"]
    text = "\n".join(lines) + "\n"
    result = Pipeline((EdgeChrome(links=links | {"harbour works timeline", "https://github.com/x/y"}),)).run(text)
    removed = [result.removed_text(r).strip() for r in result.removals]
    assert removed == ["Back to Blogs", "Get Started"]  # the edges only; an address is a source, not chrome
    assert {r.reason for r in result.removals} == {"edge_link"}
    plain = Pipeline((EdgeChrome(),)).run(text)  # text input: no page, no links; the vocabulary still works
    assert {r.reason for r in plain.removals} == {"site_navigation", "call_to_action"}


def test_lines_of_a_small_call_to_action_box_go_anywhere_with_their_reason() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from cleanarticle.html.links import box_keys
    from cleanarticle.html.tokens import CTA_BOX_WORDS, CTA_WORDS

    paragraphs = [f"Paragraph {i} tells how the council voted on the harbour wall and what it will cost the town." for i in range(8)]
    boxes = [
        '<div class="post-cta"><h4>Want to win more jobs with less effort?</h4><p>Grow your business with our software.</p></div>',
        '<div class="wp-block-cta__content"><p>Start building today with $300 in free credits.</p></div>',
        '<section class="cta_container"><a href="/quote">Fill out the form for a free quote</a></section>',
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:3]) + boxes[0] + "".join(f"<p>{p}</p>" for p in paragraphs[3:6])
    body += boxes[1] + "".join(f"<p>{p}</p>" for p in paragraphs[6:]) + boxes[2]
    page = f"<html><head><title>Harbour wall</title></head><body><article><h1>Harbour wall</h1>{body}</article></body></html>"
    result = clean_html_and_explain(page)
    gone = {result.removed_text(r).strip(): r.reason for r in result.removals if r.filter == "edge_chrome"}
    for line in ("Want to win more jobs with less effort?", "Grow your business with our software.", "Start building today with $300 in free credits."):
        assert gone.get(line) == "cta_box", gone
    assert all(p in result.text for p in paragraphs)
    assert apply_removals(result.source, result.removals) == result.text
    headline = "Council votes to rebuild the harbour wall"
    promoted = (
        f"<html><head><title>Harbour wall</title></head><body><article><h1>{headline}</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + f'</article><div class="promo-card"><p>{headline}</p></div></body></html>'
    )
    assert clean_html_and_explain(promoted).text.startswith(headline)  # a promo box repeating the headline leaves it

    tree = LexborHTMLParser(
        '<body><div class="factas octave"><p>Not a box: no whole word names one.</p></div>'
        f'<div class="et_pb_cta"><p>{"A whole section of the article sits in this module. " * 8}</p></div>'
        '<div id="PromoBanner"><p>Get $10 off your first order.</p></div></body>'
    )
    assert tree.body is not None
    # no such word; more than 60 words: a region, not a box; a promo box by its id
    assert box_keys(tree.body, CTA_WORDS, CTA_BOX_WORDS) == {"get $10 off your first order"}


COMMENTS = {
    "comments_wordpress.html": (
        "We have one of these in front of our house and the puddle at the corner has gone for good.",
        "The city planted forty rain gardens",
    ),
    "comments_forum.html": (
        "A cool rise overnight in the fridge gives a better flavour if you have the time to wait for it.",
        "Yeast slows to a crawl below twenty degrees",
    ),
}


@pytest.mark.parametrize("name", sorted(COMMENTS))
def test_readers_comments_are_left_out_by_default_with_a_reason(name: str) -> None:
    comment, article = COMMENTS[name]
    result = _page(name)
    assert article in result.text
    assert comment not in result.text
    assert ("extract", "not_main_content") in _reasons(result, comment)


@pytest.mark.parametrize("name", sorted(COMMENTS))
def test_include_comments_keeps_them_below_the_article(name: str) -> None:
    comment, article = COMMENTS[name]
    result = clean_html_and_explain((CASES / name).read_bytes(), include_comments=True)
    assert apply_removals(result.source, result.removals) == result.text
    assert result.text.index(article) < result.text.index(comment)
    assert "Copyright" not in result.text and "All recipes tested" not in result.text


def test_newsletter_boxes_go_by_their_class_and_a_long_subscription_section_stays() -> None:
    result = _page("newsletter_boxes.html")
    assert "The first tram in eleven years" in result.text
    assert "the swing bridge over the inner basin" in result.text  # "subscription-content": 100 words, the article
    assert "sign up for the Courier newsletter" not in result.text
    assert "Would you like to hear" not in result.text
    boxes = [node for node in result.pruned if node.reason == "newsletter"]
    assert [node.detail for node in boxes] == [
        "class:newsletter-incontent block block-listrak",
        "class:tnp-subscription-posts",
    ]
    assert ("prune", "newsletter") in _reasons(result, "Would you like to hear when we publish")
