"""The content model: line features, the sequence pass, the trees' data form, training, the filter."""

from __future__ import annotations

import json
import random

import numpy as np
import pytest

from cleanarticle import CleanResult, Pipeline
from cleanarticle.content import features as feats
from cleanarticle.content.model import ContentModel, Trees, default_model
from cleanarticle.content.sequence import smooth
from cleanarticle.filters.page_furniture import PageFurniture
from cleanarticle.lines import count_words, ends_sentence, is_code, is_prose
from cleanarticle.tables import figure_runs
from cleanarticle.text import apply_removals

WITH_MODEL = Pipeline.default()


def clean_and_explain(text: str) -> CleanResult:
    return WITH_MODEL.run(text)


NAV = ["Home", "News", "World", "Politics", "Business", "Tech", "Science", "Health", "Sport", "Culture",
       "Travel", "Opinion", "Video", "Podcasts", "Weather", "Puzzles", "Obituaries"]
FOOTER = ["About us", "Contact", "Careers", "Advertise with us", "Privacy policy", "Terms of use",
          "Cookie settings", "Accessibility", "Site map", "© 2025 The Daily Example. All rights reserved."]
ARTICLE = [
    "Council approves new budget after long debate",
    "",
    "The city council approved a new budget on Tuesday after a debate that lasted well into the night.",
    "",
    "Members argued over funding for schools, roads and the public library, which has been closed since spring.",
    "",
    "What happens next",
    "",
    "The mayor said the first payments would reach the schools in March, and that the library would reopen soon.",
    "",
    "Residents who spoke at the meeting welcomed the decision but asked for more money for bus services.",
    "",
    "The budget will be reviewed again in the autumn, when the council expects new figures on tax receipts.",
]


def whole_page(nav: list[str] = NAV, article: list[str] = ARTICLE, footer: list[str] = FOOTER) -> str:
    return "\n".join([*nav, "", *article, "", *footer]) + "\n"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Share this article", 3),
        ("日本語の文章はスペースなしで書かれています。", 12),
        ("ภาษาไทยไม่มีช่องว่าง", 10),
        ("Tokyo 東京 is big", 4),
        ("", 0),
    ],
)
def test_count_words_counts_unspaced_scripts_by_characters(text: str, words: int) -> None:
    assert count_words(text) == words


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        ("The council approved the budget on Tuesday after a long debate.", True),
        ("“We will reopen the library in spring,” the mayor told reporters.”", True),
        ("市议会周二在经过漫长的辩论后批准了新的预算。", True),
        ("Council approves new budget after long debate", False),
        ("Read more.", False),
    ],
)
def test_is_prose(text: str, prose: bool) -> None:
    assert is_prose(text) is prose
    assert ends_sentence(text) is (prose or text.endswith("."))


def test_features_have_one_row_per_line_and_every_named_column() -> None:
    lines = [line for line in whole_page().split("\n") if line]
    rows = feats.features(lines)
    assert rows.shape == (len(lines), len(feats.NAMES))
    assert np.isfinite(rows).all()
    assert feats.features([]).shape == (0, len(feats.NAMES))


def test_body_is_the_densest_run_of_prose() -> None:
    words = np.array([1, 2, 1, 20, 3, 25, 30, 1, 2, 1], dtype=float)
    sentence = np.array([0, 0, 0, 1, 0, 1, 1, 0, 0, 0], dtype=float)
    inside, distance = feats.body(words, sentence)
    assert inside.tolist() == [0, 0, 0, 1, 1, 1, 1, 0, 0, 0]
    assert distance[0] > distance[2] > 0 == distance[4]


def test_body_overlap_is_the_share_of_topic_words_the_prose_holds_elsewhere() -> None:
    texts = [
        "Home",
        "Privacy Policy",
        "Linen and hemp sun hats are made of organic cotton in a small workshop.",
        "organic linen hat",
        "The workshop sells its hats to shops in three countries, the owner said.",
        "42",
    ]
    tokens = [feats._WORD.findall(text.lower()) for text in texts]
    inside = np.array([0, 0, 1, 0, 1, 0], dtype=float)
    share = feats.overlap(tokens, feats.stop_words([t for line in tokens for t in line]), inside)
    assert share[:2].tolist() == [0.0, 0.0]  # a menu's labels: no word of the prose
    assert share[3] == 1.0  # the list item: every word in the prose, "hat" meeting "hats"
    # a prose line is not its own evidence: of linen, hemp, sun, hats, organic, cotton, workshop
    # two ("hats", "workshop") stand in the other line of prose, which has six topic words
    assert share[2] == pytest.approx(2 / 7) and share[4] == pytest.approx(2 / 6)
    assert share[5] == 0.0  # no topic word at all

def test_stop_words_follow_the_documents_language() -> None:
    english = feats.stop_words("the council said that it would be in the city".split())
    german = feats.stop_words("der rat hat gesagt dass er in der stadt sein wird".split())
    assert "the" in english and "der" in german
    assert feats.stop_words("市议会 批准 预算".split()) == frozenset()


def test_smooth_follows_strong_votes_and_bridges_weak_ones() -> None:
    odds = np.array([-3, -3, -3, 4, -0.5, 4, 4, -3, -3], dtype=float)
    assert smooth(odds, 1.0).tolist() == [False, False, False, True, True, True, True, False, False]
    assert smooth(odds, 0.0).tolist() == [False, False, False, True, False, True, True, False, False]
    assert smooth(np.zeros(0), 1.0).tolist() == []


def _toy_rows() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    page = whole_page()
    lines = [line for line in page.split("\n") if line]
    rows = feats.features(lines)
    labels = np.array([line in ARTICLE for line in lines], dtype=int)
    return np.vstack([rows] * 4), np.tile(labels, 4), np.ones(4 * len(lines))


def test_training_is_deterministic_and_the_flattened_trees_agree_with_scikit_learn() -> None:
    pytest.importorskip("sklearn")
    from sklearn.ensemble import HistGradientBoostingClassifier

    from cleanarticle.content.train import fit_trees, flatten

    rows, labels, weights = _toy_rows()
    once = fit_trees(rows, labels, weights, trees=10, depth=3)
    twice = fit_trees(rows, labels, weights, trees=10, depth=3)
    assert json.dumps(once.to_dict()) == json.dumps(twice.to_dict())
    fitted = HistGradientBoostingClassifier(max_iter=10, max_depth=3, early_stopping=False, random_state=0)
    fitted.fit(rows, labels, sample_weight=weights)
    assert np.allclose(flatten(fitted).raw(rows), fitted.decision_function(rows))


def test_trees_round_trip_through_their_data_form() -> None:
    model = default_model()
    again = ContentModel.load_text(model.to_json())
    rows = feats.features([line for line in whole_page().split("\n") if line])
    assert np.array_equal(model.log_odds(rows), again.log_odds(rows))
    assert isinstance(model.first, Trees) and model.info["trained_on"]["labelled_data_sha256"]


def test_the_model_file_records_its_training_data_and_held_out_scores() -> None:
    info = default_model().info
    assert set(info["trained_on"]["sets"]) >= {"wcxb-dev-articles", "readability-pages"}
    assert info["dev_scores_word_f1_held_out"]


# --- the filter --------------------------------------------------------------------------------


def test_navigation_and_footer_of_whole_page_text_go_and_the_article_stays() -> None:
    result = clean_and_explain(whole_page())
    kept = result.text.split("\n")
    for line in ARTICLE:
        if line:
            assert line in kept, line
    assert sum(line in kept for line in NAV + FOOTER) <= 1
    mine = [r for r in result.removals if r.filter == "page_furniture"]
    assert mine and {r.reason for r in mine} <= {"outside_main_text", "low_content_score"}
    assert any(r.reason == "outside_main_text" for r in mine)
    assert all(r.detail for r in mine)
    assert apply_removals(result.source, result.removals) == result.text


@pytest.mark.parametrize(
    "nav",
    [
        ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Reise", "Wissen", "Digital", "Anmelden", "Abo"],
        ["Accueil", "International", "Politique", "Économie", "Culture", "Sport", "Sciences", "Se connecter"],
        ["MENU", "SEARCH", "LOG IN", "U.S.", "WORLD", "BUSINESS", "ARTS", "LIFESTYLE", "OPINION", "AUDIO", "GAMES"],
    ],
)
def test_menus_in_other_words_and_languages_go(nav: list[str]) -> None:
    result = clean_and_explain(whole_page(nav=nav))
    kept = result.text.split("\n")
    assert sum(item not in kept for item in nav) >= len(nav) - 1
    assert all(line in kept for line in ARTICLE if is_prose(line))


def test_an_article_alone_loses_nothing() -> None:
    text = "\n".join(ARTICLE * 2) + "\n"
    result = clean_and_explain(text)
    assert not [r for r in result.removals if r.filter == "page_furniture"]


def test_short_texts_are_left_to_the_rules() -> None:
    text = "\n".join(NAV[:5] + ARTICLE[:3]) + "\n"
    result = WITH_MODEL.set("page_furniture.min_lines", 50).run(text)
    assert not [r for r in result.removals if r.filter == "page_furniture"]


def test_the_budget_keeps_the_prose_and_says_so() -> None:
    text = whole_page()
    pipe = WITH_MODEL.set("page_furniture.threshold", 50.0).set("page_furniture.prose_odds", 100.0)
    result = pipe.run(text)
    mine = [r for r in result.removals if r.filter == "page_furniture"]
    assert mine and all(r.detail.startswith("backed off") for r in mine)
    for line in ARTICLE:
        if is_prose(line):
            assert line in result.text


def test_a_second_cleaning_of_whole_page_text_changes_nothing() -> None:
    once = clean_and_explain(whole_page()).text
    assert clean_and_explain(once).text == once


def test_a_headline_above_header_labels_stays_as_the_title() -> None:
    labels = ["Cryptopolitan", "Updated", "Mitrade", "Markets", "Latest", "Forex", "Crypto", "Stocks", "Analysis"]
    text = "\n".join(["Central bank holds rates as inflation cools", "", *labels, "", *ARTICLE[2:], "", *FOOTER]) + "\n"
    result = clean_and_explain(text)
    assert result.text.startswith("Central bank holds rates as inflation cools\n")
    assert result.metadata.title and result.metadata.title.value == "Central bank holds rates as inflation cools"
    assert sum(label in result.text.split("\n") for label in labels) <= 1


def test_few_lines_around_an_article_are_left_to_the_rules() -> None:
    text = "\n".join(["Weather", "", *ARTICLE, "", "Contact"]) + "\n"
    assert not [r for r in clean_and_explain(text).removals if r.filter == "page_furniture"]


def test_the_page_gate_needs_lines_outside_the_main_text() -> None:
    furniture = PageFurniture()
    page = [line for line in whole_page(nav=NAV[:2], footer=FOOTER[:2]).split("\n") if line]
    rows = feats.features(page)
    odds = np.where(feats.prose(rows), 5.0, -5.0)
    assert furniture.decide(rows, odds)[0].all()  # four lines outside: left to the rules
    assert not PageFurniture(min_outside=0).decide(rows, odds)[0].all()


def test_a_kept_line_at_the_top_does_not_shield_the_menu_under_it() -> None:
    """The gate counts the lines that would go around the kept prose: a site's name that the
    model keeps above a menu does not make the page look like an article on its own."""
    page = [line for line in whole_page(nav=["Omventure", *NAV], footer=FOOTER[:1]).split("\n") if line]
    rows = feats.features(page)
    odds = np.where(feats.prose(rows) | np.isin(page, ["Omventure"]), 5.0, -5.0)
    keep, _ = PageFurniture().decide(rows, odds)
    assert keep[0] and not keep[np.isin(page, NAV)].any()
    assert keep[feats.prose(rows)].all()


def test_densest_run_is_the_best_run_of_prose_the_first_on_ties() -> None:
    rng = random.Random(7)
    for _ in range(300):
        n = rng.randint(1, 25)
        words = [float(rng.choice([0, 1, 3, 5, 9, 30])) for _ in range(n)]
        sentence = [float(rng.random() < 0.5) for _ in range(n)]
        gain = [w if s > 0 and w >= 5 else -max(w, 1) for w, s in zip(words, sentence)]
        best = max((sum(gain[i : j + 1]), -j, -i) for j in range(n) for i in range(j + 1))
        assert feats.densest_run(words, sentence) == (-best[2], -best[1])


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("var cow = new Cow();", True),
        ("if (res.ok) {", True),
        ("} else {", True),
        ("def run_command(cmd, shell=False):", True),
        ("def greet(name):", True),
        ("print(message)", True),
        ("return len(message)", True),
        ("iterator.next()", True),
        ("open_app(CONFIG['apps']['notes'])", True),
        ("printf(\"%d\\n\", total);", True),
        ('<span onClick={() => toggle(todo.id)} className="item">', True),
        ("The cow (a Jersey) greets the baby.", False),
        ("Price: $20 (approx.)", False),
        ("Copyright (c) 2024 Example Media", False),
        ("* [Home](https://example.com/) [News](https://example.com/news)", False),
        ("* [ ► ](javascript:void\\(0\\)) [ 2015 ](https://example.blogspot.com/2015/)", False),
        ("report.pdf (3840x2160) [5.7 MB]", False),
        ("Results (see table 2) were better = or worse?", False),
        ("Print (2024)", False),
        ("the council (in order)", False),
    ],
)
def test_is_code(text: str, code: bool) -> None:
    assert is_code(text) is code


LISTINGS = {
    "javascript": [
        "fetch(url).then(function(res) {",
        "if (res.ok) {",
        "console.log(\"Saved\", res.status);",
        "} else {",
        "console.log(\"Failed\", res.status);",
        "}",
        "});",
    ],
    "python": [
        "def greet(name):",
        "message = f\"Hello, {name}\"",
        "print(message)",
        "return len(message)",
        "greet(\"Kate\")",
    ],
}


@pytest.mark.parametrize("language", sorted(LISTINGS))
def test_a_code_listing_inside_the_article_stays(language: str) -> None:
    """Code scores as low content by every feature a menu has; inside the main text it stays."""
    listing = LISTINGS[language]
    article = [*ARTICLE[:5], "The script that the council published reads:", "", *listing, "", *ARTICLE[5:]]
    kept = set(clean_and_explain(whole_page(article=article)).text.split("\n"))
    assert all(line in kept for line in listing if is_code(line))
    assert all(line in kept for line in ARTICLE if is_prose(line))


def test_prose_beyond_the_article_needs_more_than_prose_inside_it() -> None:
    teasers = [
        "Readers also liked this piece about the harbour, which we published last spring.",
        "Another story on the new tram line explains why the works were delayed again.",
    ]
    page = [line for line in whole_page(footer=[*teasers, *FOOTER]).split("\n") if line]
    rows = feats.features(page)
    prose = feats.prose(rows)
    odds = np.where(prose & ~np.isin(page, FOOTER), 5.0, -5.0)
    after = np.array([line in teasers for line in page])
    inside = np.flatnonzero(prose & ~after)[2]
    odds[after] = odds[inside] = -3.5  # the model leans to furniture, not sure enough to cut prose
    keep, _ = PageFurniture().decide(rows, odds)
    assert keep[inside] and not keep[after].any()
    assert PageFurniture(outside_prose_odds=-4.0).decide(rows, odds)[0][after].all()
    result = WITH_MODEL.run("\n".join(page) + "\n")
    assert all(line in result.text for line in ARTICLE if line)


def test_an_article_glued_into_one_line_makes_the_filter_back_off() -> None:
    """A `get_text()` dump of minified HTML holds the article as one long line that need not end
    as a sentence ("... Share this article"): its sentence breaks make it prose for the budget, so
    a model that scores it as furniture cannot take the article."""
    glued = (
        "The new budget gives the harbour district its first repairs in a decade. Engineers will start on the"
        " sea wall in April and finish the ferry pier by the end of the summer. The port authority had asked"
        " for the money three times since the storm of 2019. Its director told the council that the works"
        " would keep the ferries running through every winter. Fishermen at the meeting asked for a new slipway"
        " as well, which the plan does not include. Share this article"
    )
    page = [*NAV, ARTICLE[0], ARTICLE[2], ARTICLE[4], ARTICLE[8], glued, *FOOTER]
    rows = feats.features(page)
    odds = np.where(feats.prose(rows), 5.0, -5.0)
    mask = np.array([line == glued for line in page])
    at = page.index(glued)
    keep, note = PageFurniture().decide(rows, odds)
    assert not keep[at] and note == ""  # by line ends alone, the article's one line is no prose
    keep, note = PageFurniture().decide(rows, odds, mask)
    assert keep[at] and note.startswith("backed off")
    assert not keep[: len(NAV)].any()  # the menu still goes
    result = WITH_MODEL.run("\n".join(page) + "\n")
    assert glued in result.text.split("\n")


@pytest.mark.parametrize(("ending", "guarded"), [(":", True), ("", False)])
def test_a_sentence_that_ends_in_a_colon_is_guarded_like_prose(ending: str, guarded: bool) -> None:
    """The sentence that introduces a list stays where the model leans to furniture but is not
    sure, as prose does; without its colon the same words are a label, and go with the items."""
    intro = "The council listed the services that will receive more money next year, in this order" + ending
    body = [line for line in ARTICLE if line]
    page = [*NAV, *body[:3], intro, "Parks", "Roads", *body[3:], *FOOTER]
    rows = feats.features(page)
    odds = np.where(feats.prose(rows), 5.0, -5.0)
    at = page.index(intro)
    odds[at] = -3.5
    keep, _ = PageFurniture().decide(rows, odds)
    assert keep[at] == guarded
    assert not keep[at + 1 : at + 3].any()


TABLE = [
    "| Film | Year | Plot |",
    "|---|---|---|",
    "| _[The Time Travelers](https://example.org/wiki/The_Time_Travelers)_ | 1964 | Scientists test a machine |",
    "| _[Salvage](https://example.org/wiki/Salvage)_ | 2006 | A woman relives one day |",
    "| _[Repeaters](https://example.org/wiki/Repeaters)_ | 2010 | Inmates repeat the same day |",
    "| _[Edge of Tomorrow](https://example.org/wiki/Edge_of_Tomorrow)_ | 2014 | A soldier relives a battle |",
]


@pytest.mark.parametrize("rows", [3, 6])
@pytest.mark.parametrize("at", [5, len(ARTICLE)])
def test_a_table_in_the_article_stays(rows: int, at: int) -> None:
    """Rows of a Markdown table (as many cell bars each) stay, inside the main text or after its
    last paragraph: linked, short and without sentences, they score as low content by every
    feature of a menu, but a menu is not written with cell bars."""
    table = TABLE[:rows]
    article = [*ARTICLE[:at], "", "The films the council screened are listed below.", "", *table, "", *ARTICLE[at:]]
    result = WITH_MODEL.run(whole_page(article=article))
    assert not any(label in result.text.split("\n") for label in FOOTER)
    start = result.source.index(table[0])
    end = result.source.index(table[-1]) + len(table[-1])
    assert not [r for r in result.removals if r.filter == "page_furniture" and r.start < end and r.end > start]
    assert all(line in result.text for line in ARTICLE if is_prose(line))


CELLS = [  # a table of business schools as a block renderer writes it: one cell a line
    *("School", "GPA", "Acceptance", "Salary"),
    *("Chicago Booth", "3.6", "37.5%", "$175,000"),
    *("Kellogg", "3.7", "38.2%", "$165,000"),
    *("Wharton", "3.6", "35.1%", "$175,000"),
    *("Harvard", "3.7", "31.4%", "$175,000"),
    *("Stanford", "3.8", "6.8%", "$182,500"),
]


def test_a_table_written_one_cell_a_line_inside_the_article_stays() -> None:
    """Short cells, figures without words: each scores as a menu entry; the period in which
    figures and text alternate shows the table (`row_cells`)."""
    article = [*ARTICLE[:5], "The schools the council compared are listed below.", "", *CELLS, "", *ARTICLE[5:]]
    result = WITH_MODEL.run(whole_page(article=article))
    start = result.source.index("\n".join(CELLS[4:8]))
    end = result.source.index(CELLS[-1], start) + len(CELLS[-1])
    assert not [r for r in result.removals if r.filter == "page_furniture" and r.start < end and r.end > start]
    assert not any(label in result.text.split("\n") for label in NAV[1:])


SERIES = [  # a table of dates and changes as a block renderer writes it: figures alone, one a line
    *("1/1/2013", "+13.1%", "2/1/2013", "+12.8%", "3/1/2013", "+11.9%"),
    *("4/1/2013", "+12.5%", "5/1/2013", "+12.9%", "6/1/2013", "+14.8%"),
]


@pytest.mark.parametrize(
    ("cells", "table"),
    [
        (SERIES, True),
        (["9.2", "8.9", "7.8", "7.9", "8.4", "8.0"], True),  # scores of a review's criteria
        (["$10.00", "$1.50", "$2.25", "15%", "20%", "$3.00", "$4.50"], True),
        (["1", "2", "3", "4", "5", "6", "7", "8"], False),  # a pager
        (["729", "1.2K", "48", "12", "3", "27"], False),  # a share bar's counts, most whole numbers
        (SERIES[:5], False),  # too few cells for a table of three rows
        (["1/1/2013", "+13.1%", "Chicago", "2/1/2013", "+12.8%", "3/1/2013", "+11.9%"], False),
    ],
)
def test_figure_runs(cells: list[str], table: bool) -> None:
    assert figure_runs(["Date", *cells, "Change"], 3)[1:-1].all() == table
    assert not figure_runs(["Date", *cells, "Change"], 3)[[0, -1]].any()


def test_a_table_of_figures_alone_inside_the_article_stays() -> None:
    """Dates and changes, one a line: each scores as a menu entry, and no period of figures and
    text tells the rows; a run of figures that are not all whole numbers is a table's columns."""
    article = [*ARTICLE[:5], "Prices rose in every month of the year, as the figures show.", "", *SERIES, "", *ARTICLE[5:]]
    result = WITH_MODEL.run(whole_page(article=article))
    kept = result.text.split("\n")
    assert all(cell in kept for cell in SERIES)
    assert not any(label in kept for label in NAV[1:])


INTRO = "The council listed the services that will receive more money next year, in this order:"


@pytest.mark.parametrize(
    "items",
    [
        ["1. Finland", "2. Norway", "3. Australia", "4. Denmark", "5. Sweden", "6. Canada", "7. Switzerland", "8. Japan"],
        ["Parks", "Roads", "Schools", "Libraries", "Housing", "Transport"],
    ],
)
def test_a_list_that_a_sentence_introduces_stays(items: list[str]) -> None:
    """Short items without sentences score as a menu; under a kept sentence that ends in a colon,
    inside the main text, they are the list it announces (`intro_words`)."""
    article = [*ARTICLE[:5], INTRO, "", *items, "", *ARTICLE[5:]]
    kept = WITH_MODEL.run(whole_page(article=article)).text.split("\n")
    assert INTRO in kept and all(item in kept for item in items)
    assert not any(label in kept for label in FOOTER)
    without = WITH_MODEL.set("page_furniture.intro_words", 99).run(whole_page(article=article)).text.split("\n")
    assert not any(item in without for item in items)


def test_a_sentence_with_a_colon_does_not_keep_the_footer_under_it() -> None:
    """After the article's last line the run is no list of the article's: the footer still goes."""
    article = [*ARTICLE, "", "Follow the council's work and its budget on these pages of our site:"]
    kept = WITH_MODEL.run(whole_page(article=article)).text.split("\n")
    assert not any(label in kept for label in FOOTER[:5])
