"""Hard-wrapped text: a paragraph broken into lines of a fixed width is read as one line."""

from __future__ import annotations

import textwrap

import pytest

from cleanarticle import Pipeline, wrapping
from cleanarticle.text import apply_removals, split_lines

PARAGRAPHS = [
    "The city council approved a new budget on Tuesday after a debate that lasted well into the "
    "night, with members arguing over the money set aside for schools, roads and the public library.",
    "Supporters said the plan would repair ageing classrooms and fill the potholes that residents "
    "have complained about for years, while critics warned that the spending could not be sustained.",
    "The mayor said the first payments would reach the schools in March, and that the roads "
    "department would publish a list of the streets to be repaired before the end of the winter.",
    "Residents who spoke at the meeting welcomed the decision but asked for a clearer account of how "
    "the money would be spent, and several of them called for a second hearing in the spring.",
    "The budget will be reviewed again in the autumn, when the council expects to know how much the "
    "new tax on holiday rentals has raised and whether the library can open on Sundays again.",
    "Officials also promised to publish the full accounts online, a step that the opposition has "
    "demanded since the last election and that the finance committee agreed to without a vote.",
]
NAV = ["Home", "News", "World", "Politics", "Business", "Tech", "Science", "Health", "Sport", "Culture",
       "Travel", "Opinion", "Video", "Podcasts", "Weather", "Puzzles", "Obituaries"]
FOOTER = ["About us", "Contact", "Careers", "Advertise with us", "Privacy policy", "Terms of use",
          "Cookie settings", "Accessibility", "Site map"]


def wrapped_article(width: int, paragraphs: list[str] = PARAGRAPHS) -> list[str]:
    lines = ["Council approves new budget after long debate", ""]
    for paragraph in paragraphs:
        lines += [*textwrap.wrap(paragraph, width), ""]
    return lines


@pytest.mark.parametrize("width", [60, 72, 78, 100])
def test_the_width_of_wrapped_paragraphs_is_found(width: int) -> None:
    lines = wrapped_article(width, PARAGRAPHS * 2)
    found = wrapping.width(lines)
    assert found and max(map(len, lines)) <= found <= width
    joined = wrapping.continues(lines, found)
    assert sum(joined) == 2 * sum(len(textwrap.wrap(p, width)) - 1 for p in PARAGRAPHS)


@pytest.mark.parametrize(
    "lines",
    [
        PARAGRAPHS,  # one paragraph per line, however long
        NAV + FOOTER,  # labels, one per line
        ["Roses are red, and the violets are blue in the morning light", "Sugar is sweet"] * 6,  # verse
        wrapped_article(72)[:8],  # too few lines to tell
        [f"Average Costs for Residential Cleaning Services in {city}" for city in [
            "Arlington Texas", "Atlanta", "Aurora Colorado", "Austin", "Baltimore", "Boston", "Charlotte",
            "Chicago", "Cincinnati", "Cleveland", "Colorado Springs", "Columbus", "El Paso Texas"]],
    ],
    ids=["paragraph per line", "labels", "verse", "short", "list of one opening"],
)
def test_text_that_is_not_wrapped_is_left_as_lines(lines: list[str]) -> None:
    assert wrapping.width(lines) == 0
    assert not any(wrapping.continues(lines, wrapping.width(lines)))


def test_a_list_item_heading_or_quote_starts_a_block_of_its_own() -> None:
    before = "x" * 70
    for line in ["* Second item of the list", "2. Second item", "## Heading", "> a quote", "| a | row |"]:
        assert wrapping.continues([before, line], 72) == [False, False]
    assert wrapping.continues([before, "continued here"], 72) == [False, True]
    assert wrapping.continues(["## " + "x" * 67, "continued here"], 72) == [False, False]


def test_a_wrapped_paragraph_is_one_line_with_the_source_offsets() -> None:
    source = "\n".join(wrapped_article(72)) + "\n"
    lines = split_lines(source)
    texts = [line.text for line in lines if line.text]
    assert texts[1:] == PARAGRAPHS
    for line in lines:
        assert source[line.start : line.end].replace("\n", " ") == line.text


def test_a_wrapped_whole_page_keeps_every_line_of_the_article() -> None:
    article = wrapped_article(72)
    page = "\n".join([*NAV, "", *article, *FOOTER]) + "\n"
    result = Pipeline.default().run(page)
    kept = result.text.split("\n")
    assert all(line in kept for line in article if line)
    assert sum(label in kept for label in NAV + FOOTER) <= 2
    assert apply_removals(result.source, result.removals) == result.text


@pytest.mark.parametrize("labels", [1, 3], ids=["one menu", "menus outweighing the article"])
def test_a_second_cleaning_of_a_wrapped_page_changes_nothing(labels: int) -> None:
    page = "\n".join([*NAV * labels, "", *wrapped_article(72), *FOOTER * labels]) + "\n"
    pipeline = Pipeline.default()
    once = pipeline.run(page).text
    assert pipeline.run(once).text == once
