"""The HTML path: decoding, pruning with reasons, extraction, metadata, and empty pages."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleanarticle.html import HtmlResult, clean_html, clean_html_and_explain
from cleanarticle.html.decode import declared_charset, decode
from cleanarticle.html.prune import RULES, classify, match_words, prune, words_of
from cleanarticle.text import apply_removals

PARAGRAPHS = [
    "The city council voted on Tuesday to rebuild the old harbour wall before the winter storms arrive.",
    "Engineers had warned for years that the wall, built in 1911, could fail during a strong surge.",
    "The work will cost about four million euros and should be finished by the end of next year.",
    "Residents who live near the harbour said they were relieved that the decision had finally come.",
]

PAGE = f"""<!doctype html>
<html lang="en"><head>
<title>Harbour wall to be rebuilt | The Coastal Gazette</title>
<meta property="og:title" content="Harbour wall to be rebuilt">
<meta property="og:site_name" content="The Coastal Gazette">
<meta name="author" content="Maria Jensen">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<script>var tracking = "Share this article";</script>
<style>p {{ color: black }}</style>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour wall to be rebuilt</h1>
{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}
<div class="author-box">Maria Jensen writes about the coast and its towns for the Gazette.</div>
</article>
<footer>Copyright 2024 The Coastal Gazette. All rights reserved.</footer>
</body></html>"""


def test_article_paragraphs_are_kept_and_code_is_gone() -> None:
    text = clean_html(PAGE)
    for paragraph in PARAGRAPHS:
        assert paragraph in text
    assert "var tracking" not in text
    assert "color: black" not in text
    assert "Home News Sport" not in text


def test_bytes_and_str_give_the_same_text() -> None:
    assert clean_html(PAGE.encode("utf-8")) == clean_html(PAGE)


def test_explain_returns_a_ledger_that_replays() -> None:
    result = clean_html_and_explain(PAGE)
    assert isinstance(result, HtmlResult)
    assert apply_removals(result.source, result.removals) == result.text
    assert result.empty_reason == ""


def test_pruned_nodes_carry_reason_and_detail() -> None:
    pruned = clean_html_and_explain(PAGE).pruned
    reasons = {(node.reason, node.detail) for node in pruned}
    assert ("script", "tag:script") in reasons
    assert ("style", "tag:style") in reasons
    author = next(node for node in pruned if node.reason == "author")
    assert author.detail == "class:author-box"
    assert author.text.startswith("Maria Jensen writes about the coast")
    assert author.to_dict()["reason"] == "author"


def test_page_metadata() -> None:
    metadata = clean_html_and_explain(PAGE).metadata
    assert metadata.title is not None and metadata.title.value == "Harbour wall to be rebuilt"
    assert metadata.author is not None and metadata.author.value == "Maria Jensen"
    assert metadata.published is not None and metadata.published.value == "2024-03-05T09:30:00Z"
    assert metadata.outlet is not None and metadata.outlet.value == "The Coastal Gazette"
    # values the text does not contain have no span
    assert (metadata.published.start, metadata.published.end) == (-1, -1)


def test_metadata_from_json_ld_and_spans_in_the_text() -> None:
    page = PAGE.replace('<meta name="author" content="Maria Jensen">', "").replace(
        "<style>",
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "x",'
        ' "author": [{"name": "Ola Berg"}, {"name": "Kim Lund"}]}]}</script><style>',
    )
    result = clean_html_and_explain(page)
    assert result.metadata.author is not None and result.metadata.author.value == "Ola Berg, Kim Lund"
    title = result.metadata.title
    assert title is not None and title.start >= 0
    assert result.source[title.start : title.end] == title.value


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("", "empty_input"),
        (b"", "empty_input"),
        ("   \n\t ", "empty_input"),
        ("<html><body></body></html>", "no_article_text"),
        ("<html><head><title>Only a title</title></head></html>", "no_article_text"),
        ("<!-- a comment -->", "no_article_text"),
    ],
)
def test_empty_or_malformed_html_gives_empty_text_with_a_reason(html: str | bytes, reason: str) -> None:
    result = clean_html_and_explain(html)
    assert result.text == ""
    assert result.empty_reason == reason


@pytest.mark.parametrize(
    "html",
    ["<<<>>> </div></p><p", b"\x00\xff\xfe\x00garbage\x9c", "\ud800 lone surrogate <p>x</p>", "<p>" * 5000, "\u202eRTL \U0001f600"],
)
def test_malformed_html_never_raises_and_explains_empty_text(html: str | bytes) -> None:
    result = clean_html_and_explain(html)
    assert (result.text == "") == (result.empty_reason != "")
    assert apply_removals(result.source, result.removals) == result.text


def test_text_that_the_filters_remove_entirely_says_so() -> None:
    result = clean_html_and_explain("<html><body><article><p>Share this article</p></article></body></html>")
    assert result.text == ""
    assert result.empty_reason == "all_text_removed"
    assert [r.reason for r in result.removals] != []


def test_decode_prefers_declared_charset_and_falls_back_to_utf8() -> None:
    latin = '<meta charset="iso-8859-1"><p>Grüße aus Köln</p>'.encode("cp1252")
    assert "Grüße aus Köln" in decode(latin)
    mislabelled = '<meta charset="iso-8859-1"><p>Grüße</p>'.encode("utf-8")
    assert "Grüße" in decode(mislabelled)
    assert decode("déjà".encode("utf-16")) == "déjà"
    assert decode("déjà".encode("utf-8-sig")) == "déjà"
    assert "新电脑" in decode('<meta charset="gb2312"><p>新电脑</p>'.encode("utf-8"))
    assert "Grüße" in decode('<meta charset="utf-16"><p>Grüße</p>'.encode("utf-8"))
    assert decode(b'<meta charset="utf-8"><p>V\xc3\xb6gel \xff</p>').endswith("<p>Vögel \ufffd</p>")
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">') == "shift_jis"
    assert declared_charset(b"<p>no declaration</p>") is None


def test_decode_detects_an_undeclared_legacy_charset() -> None:
    text = "Привет, как дела? Это обычный русский текст о погоде и новостях города." * 5
    assert decode(text.encode("cp1251")) == text


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("ArticleShare_bar ad-slot", ("article", "share", "bar", "ad", "slot")),
        ("  ", ()),
        ("post--teaser42", ("post", "teaser42")),
    ],
)
def test_words_of_splits_class_names(value: str, words: tuple[str, ...]) -> None:
    assert words_of(value) == words


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("author-box", "author"),
        ("about-the-author", None),
        ("site-header", None),
        ("download-link", None),
        ("entry-content", None),
    ],
)
def test_match_words_matches_whole_words_only(value: str, reason: str | None) -> None:
    assert match_words(value, RULES) == reason


def test_classify_by_role() -> None:
    tree = LexborHTMLParser('<div role="navigation">a</div><div role="main">b</div>')
    first, second = tree.css("div")
    assert classify(first) == ("navigation", "role:navigation")
    assert classify(second) is None


def test_prune_keeps_a_node_that_holds_most_of_the_page() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    tree = LexborHTMLParser(f'<html><body><div class="author-box">{body}</div><p>tail</p></body></html>')
    assert prune(tree) == ()
    assert PARAGRAPHS[0] in (tree.body.text() if tree.body else "")


@pytest.mark.parametrize(
    ("hidden", "detail"),
    [
        ('<div style="display: none; width: 1000px">', "style:display: none; width: 1000px"),  # a login modal
        ('<div style="DISPLAY:none">', "style:DISPLAY:none"),
        ('<div class="popup" style="visibility: hidden; position: fixed">', "style:visibility: hidden; position: fixed"),
        ('<div aria-hidden="true">', "aria-hidden"),
    ],
)
def test_prune_removes_what_the_reader_cannot_see(hidden: str, detail: str) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    tree = LexborHTMLParser(f"<html><body>{body}{hidden}Forgot your password? Sign in again</div></body></html>")
    assert [(node.reason, node.detail) for node in prune(tree)] == [("hidden", detail)]
    assert "Forgot your password" not in (tree.html or "")


@pytest.mark.parametrize(
    "shown",
    [
        '<div hidden id="S:1">',  # React streams a section here and a script moves it into place
        '<div hidden role="region" aria-labelledby="faq-1">',  # a collapsed accordion panel
        '<div role="tabpanel" style="display:none">',  # a tab the reader opens
        '<div style="display: flex">',
        '<div data-note="display:none">',
    ],
)
def test_prune_keeps_text_the_reader_opens_or_sees(shown: str) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    tree = LexborHTMLParser(f"<html><body>{body}{shown}The fund tracks the index at low cost.</div></body></html>")
    assert prune(tree) == ()


def test_prune_records_a_node_matched_twice_once() -> None:
    tree = LexborHTMLParser(
        f'<html><body>{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}'
        '<div class="author-bio" id="author-box" role="navigation">Bio of the author</div></body></html>'
    )
    pruned = prune(tree)
    assert len(pruned) == 1
    assert "Bio of the author" not in (tree.html or "")


TEASER_PAGE = f"""<html><body><article><h1>Harbour wall to be rebuilt</h1>
{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}
<p>The plan, <a href="/plan.pdf">published by the council on Monday</a>, lists every step.</p>
<h2><a href="#costs">How the costs were estimated</a></h2>
<p>Costs were estimated from the last three harbour projects in the region and their overruns.</p>
<h3>Also in the news</h3>
<p><a href="/news/ferry">Ferry timetable changes for the winter season</a></p>
<p>Lea más: <a href="/news/bridge">New bridge over the river opens to cyclists next month</a></p>
</article></body></html>"""


def test_link_teasers_and_their_heading_are_removed_with_reasons() -> None:
    result = clean_html_and_explain(TEASER_PAGE)
    removed = {result.removed_text(r).strip(): r.reason for r in result.removals if r.filter == "link_teasers"}
    assert removed == {
        "Also in the news": "teaser_heading",
        "Ferry timetable changes for the winter season": "link_teaser",
        "Lea más: New bridge over the river opens to cyclists next month": "labelled_link_teaser",
    }
    assert "published by the council on Monday" in result.text
    assert "How the costs were estimated" in result.text
    assert apply_removals(result.source, result.removals) == result.text


def test_author_from_byline_markup_when_the_page_declares_none() -> None:
    page = PAGE.replace('<meta name="author" content="Maria Jensen">', "").replace(
        "<h1>Harbour wall to be rebuilt</h1>", '<h1>Harbour wall to be rebuilt</h1><p class="article-byline">By Ana Sandoiu</p>'
    )
    author = clean_html_and_explain(page).metadata.author
    assert author is not None and author.value == "Ana Sandoiu"


def test_a_heading_left_at_the_end_of_the_text_is_removed() -> None:
    page = PAGE.replace("</article>", "<p>Mehr Themen:</p></article>")
    result = clean_html_and_explain(page)
    assert "Mehr Themen" not in result.text
    assert any(r.reason == "trailing_heading" for r in result.removals)
    assert PARAGRAPHS[-1] in result.text


@pytest.mark.parametrize(
    "headings",
    [
        ["Test Case 1", "Test Case 2"],  # a test page of captioned images
        ["Spring menu", "Starters", "Mains", "Desserts"],  # a page of headings only
    ],
)
def test_a_page_without_prose_keeps_its_last_heading(headings: list[str]) -> None:
    """A trailing heading is one an article left behind; a page of headings alone has no article to end."""
    body = "".join(f"<h2>{heading}</h2><img src='{n}.jpg'>" for n, heading in enumerate(headings))
    result = clean_html_and_explain(f"<html><body><article>{body}</article></body></html>")
    assert result.text.split("\n")[: len(headings)] == headings
    assert not any(r.reason == "trailing_heading" for r in result.removals)
