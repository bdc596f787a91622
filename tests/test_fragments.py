"""Text broken at inline elements (one text node a line): the pieces of a sentence read as one
line, so a whole-page rendering keeps its article; lines that start blocks of their own do not."""

from __future__ import annotations

import pytest

from cleanarticle import clean_and_explain
from cleanarticle.fragments import continues
from cleanarticle.text import split_lines


@pytest.mark.parametrize(
    ("texts", "joined"),
    [
        (["A square matrix", "is Hermitian if and only if it is equal to its", "adjoint", ", that is, it satisfies the equation."], [False, True, True, True]),
        (["Die Regierung hat den", "Haushalt", "am Dienstag beschlossen."], [False, True, True]),  # "den" leaves it open
        (["In 1645, Dutch", "cartographers", "renamed the land after the", "Dutch province", "of", "Zeeland", "."], [False, True, True, True, True, True, True]),
        (["Tuatara, skinks and geckos live on the islands of", "Auckland", "and", "Christchurch", "."], [False, True, True, True, True]),
        (["Le maire a salué le", "vote", "du conseil."], [False, True, True]),
        (["Read the full", "report", ") before the hearing."], [False, True, True]),
        (["Read the full", "report", "before the hearing"], [False, False, False]),  # no sentence end: no sentence
    ],
)
def test_pieces_of_a_sentence_continue_it(texts: list[str], joined: list[bool]) -> None:
    assert continues(texts) == joined


@pytest.mark.parametrize(
    "texts",
    [
        ["The council approved the budget.", "its critics were not convinced"],  # a sentence ended
        ["Popular topics", "o Passwords", "o Phishing"],  # inscriptis's nested bullets
        ["Ingredients", "- flour", "- sugar"],  # list items
        ["## Setup", "install the package first"],  # after a heading
        ["var client = builder.Build();", "client.Services.AddHttpClient(name)"],  # code
        ["首页", "新闻", "体育"],  # scripts without case
        ["Home", "World", "Business"],  # capitalised labels
        ["Related Articles", "placeholder", "Elon Musk’s feud with Trump costs him $27 billion"],  # a word left alone
        ["Author FXStreet", "12 hours ago"],  # a number
        ["Snowee", "by Hieu Le", "Designed by Hieu Le for a font foundry, Snowee emerged from a brand refresh."],  # "Le": a name
        ["Terms of", "Use", "Privacy Policy"],  # an open end, but no sentence end
        ["Log in", "Sign up", "Subscribe to our newsletter."],  # particles end labels
    ],
)
def test_lines_that_start_blocks_of_their_own_do_not(texts: list[str]) -> None:
    assert not any(continues(texts))


def test_a_sentence_in_pieces_is_one_line_and_its_text_stays_as_it_is() -> None:
    source = "A square matrix\nis Hermitian if it equals its\nadjoint\n.\n"
    (line,) = split_lines(source)
    assert (line.start, line.end, line.text) == (0, len(source) - 1, "A square matrix is Hermitian if it equals its adjoint .")
    assert line.words == 11


MENU = ["Home", "World", "Politics", "Business", "Technology", "Science", "Health", "Sport", "Culture", "Travel", "Opinion", "Video"]
FOOTER = ["About us", "Contact", "Careers", "Privacy policy", "Terms of use", "Advertise with us", "Cookie settings", "Sitemap"]
SENTENCES = [
    ["The city council approved a new", "budget", "on Tuesday after months of debate over", "transit", "and housing in the city."],
    ["The plan raises spending on", "buses", "by a fifth and sets aside money for three new", "libraries", "in the poorer districts."],
    ["Opponents said the measure would strain the", "city's finances", "if tax revenue fell next year, as it did in 2009 after the", "crash", "."],
    ["The mayor said the budget reflected what", "residents", "had asked for at more than a dozen public hearings."],
    ["The vote was seven to four, with two members absent for the", "final reading", "of the bill in the council chamber."],
    ["The budget takes effect in January, and a review of its", "transit spending", "is due in June of next year."],
]


def test_a_whole_page_in_text_nodes_keeps_its_article() -> None:
    """`get_text("\\n")` of a page: menus, then an article whose every link starts a new line."""
    article = ["Council approves new budget after months of debate", *(piece for sentence in SENTENCES for piece in sentence)]
    text = "\n".join([*MENU, *article, *FOOTER]) + "\n"
    result = clean_and_explain(text)
    kept = result.text.split("\n")
    assert all(piece in kept for piece in article)
    assert not any(label in kept for label in MENU[1:] + FOOTER)
