"""reader_comments: a comment section below the article goes from its header (or first comment)
to the end, whatever the publisher's comment system; quotes, interviews and headings that look
like its marks stay, and nothing is looked for before the article's prose."""

from __future__ import annotations

import pytest
from test_filters import PARAGRAPHS

from cleanarticle import Pipeline
from cleanarticle.filters.reader_comments import ReaderComments

PIPELINE = Pipeline.default()
PARAGRAPHS = [
    *PARAGRAPHS,
    "Bus riders' groups welcomed the plan but said they would watch how quickly routes change.",
    "Library staff said the new branches could open within two years if building goes to plan.",
]
ARTICLE = "\n\n".join(PARAGRAPHS)

SECTIONS = {  # comment sections as different systems render them (first line: where the cut starts)
    "wordpress": """42 Comments

Kathy Owen says:
March 3, 2024 at 9:15 am

Loved this, thank you for writing it up so clearly.

Reply

Bill says:
March 4, 2024 at 10:02 pm

Does the plan include the bus depot on the east side?

Reply

Leave a Reply
Your email address will not be published. Required fields are marked *""",
    "wordpress_thoughts": """3 thoughts on “The council's new budget”

Marta
July 11, 2021 / 9:47 pm

Finally some money for the libraries.

Reply""",
    "disqus_like": """Diane
1 year ago

We have waited years for this, and I am glad the council finally listened.

Reply to Jeff

Jeffrey C
1 year ago

Same here, though I doubt the buses will come any sooner.

Reply to Diane""",
    "substack": """Discussion about this post

A Thornton
6d

Correlation is not a budget.

Reply
Share
3 replies""",
    "inline_date": """Alexander Petrov wrote on March 11th, 2015 at 02:57:
How is the transit review going to be judged?
Reply
Nikhil Marathe wrote on March 11th, 2015 at 08:00:
By ridership, according to the annex of the bill.
Reply""",
    "german": """12 Kommentare

Anna sagt:
3. März 2024 um 09:15

Endlich mehr Geld für die Bibliotheken.

Antworten

Jonas sagt:
4. März 2024 um 10:02

Und was ist mit den Radwegen?

Antworten""",
    "french": """5 commentaires

Claire dit :
3 mars 2024 à 9 h 15

Enfin des bibliothèques dans chaque quartier.

Répondre

Paul dit :
4 mars 2024 à 10 h 02

Et les pistes cyclables ?

Répondre""",
}


def _removals(text: str) -> list[tuple[str, str, str]]:
    result = PIPELINE.run(text)
    return [(r.filter, r.reason, result.source[r.start : r.end]) for r in result.removals]


@pytest.mark.parametrize("system", sorted(SECTIONS))
def test_a_comment_section_goes_from_its_start_to_the_end(system: str) -> None:
    section = SECTIONS[system]
    result = PIPELINE.run(f"{ARTICLE}\n\n{section}\n")
    cut = [r for r in result.removals if r.filter == "reader_comments"]
    assert [r.reason for r in cut] == ["comment_section"]
    assert result.source[cut[0].start :].startswith(section.split("\n")[0])
    assert result.text.rstrip("\n").endswith(PARAGRAPHS[-1])
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text


KEPT = {  # look-alikes inside articles: each must stay whole
    "interview": """Smith says:

The budget is the best the city has had in a decade, and the buses show it.

Jones says:

It spends money the city does not have, and the buses will not come any sooner.

Smith says:

Then the voters will decide in June.""",
    "quoted_letters": """Makali wrote:
Whenever a council thinks of a new library, its budget should be doubled.
Various readers wrote:
Why not spend it all on buses?""",
    "headings": """Comments

The council will take written comments on the plan until the end of March.

Discussion

Reply cards were sent to every household in the district, and 4,000 came back.""",
}


@pytest.mark.parametrize("name", sorted(KEPT))
def test_quotes_interviews_and_headings_stay(name: str) -> None:
    text = f"{ARTICLE}\n\n{KEPT[name]}\n"
    assert not [r for r in _removals(text) if r[0] == "reader_comments"]
    assert Pipeline((ReaderComments(),)).run(text).text == text


def test_no_section_is_looked_for_before_the_articles_prose() -> None:
    """Marks above the article (a "latest comments" box in a sidebar) never cut the article."""
    text = f"{SECTIONS['wordpress']}\n\n{ARTICLE}\n"
    assert Pipeline((ReaderComments(),)).run(text).text == text


def test_the_html_path_keeps_comments_when_asked() -> None:
    from cleanarticle.html import _for_page

    assert "reader_comments" in _for_page(Pipeline.default(), None).names
    assert "reader_comments" not in _for_page(Pipeline.default(), None, comments=True).names
