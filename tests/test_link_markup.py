"""`link_markup`: Markdown link targets and inline images go, link texts stay, in the text as a
reader sees it; brackets that are no link stay; a second cleaning changes nothing."""

from __future__ import annotations

import textwrap

import pytest

from cleanarticle import Pipeline, apply_removals, clean, clean_and_explain, clean_html
from cleanarticle.filters.base import View
from cleanarticle.text import split_lines

TITLE = "Council approves new budget after months of debate"
PARAGRAPHS = [
    "The city council approved a new budget on Tuesday after months of debate over transit and housing.",
    "The plan raises spending on buses by a fifth and sets aside money for three new libraries.",
    "Opponents said the measure would strain the city's finances if tax revenue fell next year.",
]


def article(line: str) -> str:
    return "\n\n".join([TITLE, PARAGRAPHS[0], line, *PARAGRAPHS[1:]]) + "\n"


@pytest.mark.parametrize(
    ("line", "out", "removed"),
    [
        (  # html2text
            "The mayor called the [vote](https://www.example.com/news/2025/06/vote.html) a turning point.",
            "The mayor called the vote a turning point.",
            [("link_target", "["), ("link_target", "](https://www.example.com/news/2025/06/vote.html)")],
        ),
        (  # a reader service: a title after the target, spaces inside the brackets
            'Read the [ full report ](https://example.org/report "Budget report 2025") before the hearing.',
            "Read the full report before the hearing.",
            [("link_target", "[ "), ("link_target", ' ](https://example.org/report "Budget report 2025")')],
        ),
        (  # a crawler library: a target in angle brackets, a relative link
            "Der Rat hat den [Bericht](<https://example.de/a b.pdf>) und die [Anlage](/anlage#teil-2) veröffentlicht.",
            "Der Rat hat den Bericht und die Anlage veröffentlicht.",
            [
                ("link_target", "["),
                ("link_target", "](<https://example.de/a b.pdf>)"),
                ("link_target", "["),
                ("link_target", "](/anlage#teil-2)"),
            ],
        ),
        (  # an image inside a sentence goes whole, with one of the spaces around it
            "Le maire ![Photo du maire](https://cdn.example.fr/maire.jpg) a salué le vote.",
            "Le maire a salué le vote.",
            [("inline_image", " ![Photo du maire](https://cdn.example.fr/maire.jpg)")],
        ),
    ],
)
def test_link_markup_goes_and_the_link_text_stays(line: str, out: str, removed: list[tuple[str, str]]) -> None:
    result = clean_and_explain(article(line))
    assert out in result.text.split("\n")
    ours = [(r.reason, result.removed_text(r)) for r in result.removals if r.filter == "link_markup"]
    assert ours == removed
    assert apply_removals(result.source, result.removals) == result.text


@pytest.mark.parametrize(
    "line",
    ["[![Council logo](https://example.com/logo.png)](https://example.com/)", "![](https://example.com/spacer.gif)"],
)
def test_a_line_of_images_goes_whole(line: str) -> None:
    result = clean_and_explain(article(line))
    assert line not in result.text
    assert {(r.filter, r.reason) for r in result.removals if result.removed_text(r).strip() == line} == {("link_markup", "inline_image")}
    assert all(p in result.text for p in PARAGRAPHS)


@pytest.mark.parametrize(
    "line",
    [
        "The clerk wrote that the vote was [sic] unanimous, which it was not.",
        "See the note [1] (below) for how the totals were counted this year.",
        "In the script, handlers[name](event) runs the handler for each event.",
        "In Markdown a link is written as [text](url) with the address in brackets.",
    ],
)
def test_brackets_that_are_no_link_stay(line: str) -> None:
    result = clean_and_explain(article(line))
    assert line in result.text.split("\n")
    assert not [r for r in result.removals if r.filter == "link_markup"]


def test_disabled_the_links_stay() -> None:
    line = "The mayor called the [vote](https://www.example.com/vote.html) a turning point."
    assert line in Pipeline.default().without("link_markup").run(article(line)).text


def test_the_html_path_keeps_markdown_the_page_prints() -> None:
    """Extracted text holds no markup: a link written out in an article about Markdown is its text."""
    sentence = "To link a page, write [the text](https://example.com/page) and the reader sees only the text."
    page = f"<html><body><article><h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in [PARAGRAPHS[0], sentence, *PARAGRAPHS[1:]]) + "</article></body></html>"
    assert sentence in clean_html(page)


def whole_page() -> str:
    """A Markdown rendering of a whole page: a menu of links, the article with links, link lists below."""
    menu = [f"* [{name}](https://news.example.com/{name.lower()}/)" for name in ("World", "Politics", "Business", "Tech", "Science", "Health", "Sport", "Culture", "Travel", "Opinion")]
    body = [
        f"# {TITLE}",
        "The city council approved a new budget on [Tuesday](https://news.example.com/tag/council) after months of debate over transit and housing.",
        *PARAGRAPHS[1:],
        "“We listened to residents, and this budget reflects what they asked for,” the [mayor](https://news.example.com/people/mayor) said.",
        "The vote was seven to four, with two members absent for the final reading of the bill in the chamber.",
        "The budget takes effect in January, and a review of its transit spending is due in June next year.",
    ]
    footer = [f"* [{name}](https://news.example.com/{name.lower().replace(' ', '-')})" for name in ("About us", "Contact", "Careers", "Privacy policy", "Terms of use", "Advertise")]
    return "\n\n".join(["\n".join(menu), *body, "\n".join(footer)]) + "\n"


def test_a_second_cleaning_of_a_markdown_page_changes_nothing() -> None:
    once = clean(whole_page())
    assert "](" not in once
    assert "the mayor said." in once
    assert clean(once) == once


def test_positions_leave_out_the_link_markup_already_cut() -> None:
    """A position-bound rule (an affiliate note under the headline) finds the same line on the
    first cleaning, where long link targets still stand in the source, as on the second."""
    target = "https://www.example.com/" + "guides/home-projects/" * 6
    linked = [f"{p[:-1]} in our [guide]({target}{n}) to the [budget]({target}{n}b)." for n, p in enumerate(PARAGRAPHS)]
    note = "This post may contain affiliate links, view my full disclosure policy."
    rest = [f"Section {n} of the plan covers a part of the city that the council visited in May." for n in range(40)]
    text = "\n\n".join([TITLE, *linked, note, *rest]) + "\n"
    once = clean_and_explain(text)
    cut = View(once.source, tuple(split_lines(once.source)))
    assert cut.fraction(next(i for i, line in enumerate(cut.lines) if line.text == note)) > 0.15  # with the targets
    assert ("disclaimers", "affiliate_disclosure") in {(r.filter, r.reason) for r in once.removals}
    assert clean(once.text) == once.text


def test_view_written_is_the_line_as_it_stands() -> None:
    """Filters read a line without its link markup (`Line.text`); `View.written` gives it as the
    source has it, less the spans already cut from it."""
    source = "Read the [report](https://example.com/r.pdf) today.\n"
    (line,) = split_lines(source)
    assert line.text == "Read the report today."
    assert View(source, (line,)).written([line]) == ["Read the [report](https://example.com/r.pdf) today."]
    cut = (source.index("]("), source.index(" today"))
    assert View(source, (line,), cuts=((source.index("["), source.index("report")), cut)).written([line]) == ["Read the report today."]


def test_hard_wrapped_markdown_keeps_its_links() -> None:
    """Cut lines would no longer show the width the text was wrapped at, and a second cleaning
    would read another text: hard-wrapped Markdown is left as it is."""
    paragraphs = [
        f"{sentence} The [council](https://news.example.com/council/{n}) met again on [Tuesday](https://news.example.com/day/{n}) to vote on item {n}."
        for n, sentence in enumerate(PARAGRAPHS * 3)
    ]
    text = "\n\n".join([TITLE, *(textwrap.fill(p, 60, break_long_words=False, break_on_hyphens=False) for p in paragraphs)]) + "\n"
    once = clean_and_explain(text)
    assert not [r for r in once.removals if r.filter == "link_markup"]
    assert clean(once.text) == once.text
