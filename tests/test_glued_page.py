"""`glued_page`: a page that `get_text()` gave as one line loses the menu before its first
sentence and the footer after its last, and nothing of its sentences."""

from __future__ import annotations

from cleanarticle import Pipeline, apply_removals, clean_and_explain
from cleanarticle.filters.glued_page import pieces

SENTENCES = [
    "The council approved the harbour plan on Tuesday after two years of debate about its cost.",
    "Engineers will start on the sea wall in April and finish the ferry pier by the end of the summer.",
    "The port authority had asked for the money three times since the storm of 2019.",
    "Its director told the council that the works would keep the ferries running through every winter.",
    "Fishermen at the meeting asked for a new slipway as well, which the plan does not include.",
]
ARTICLE = " ".join(SENTENCES * 3)  # about 250 words
MENU = "HomeNewsWorldPoliticsBusinessTechScienceHealthSportCultureTravelOpinion"
FOOTER = "Share this articleRelated storiesTen things to do this weekendAbout usContact usCareersPrivacy policy"


def _glued(head: str, body: str, tail: str) -> str:
    return f"{head}Council approves harbour plan {body} {tail}\n"


def test_the_menu_before_the_first_sentence_and_the_footer_after_the_last_go() -> None:
    result = clean_and_explain(_glued(MENU, ARTICLE, FOOTER))
    ours = [r for r in result.removals if r.filter == "glued_page"]
    assert [r.reason for r in ours] == ["before_first_sentence", "after_last_sentence"]
    assert result.source[ours[0].start : ours[0].end] == MENU
    assert result.source[ours[1].start : ours[1].end] == " " + FOOTER
    assert result.text == f"Council approves harbour plan {ARTICLE}\n"  # the headline glued to the first sentence stays
    assert apply_removals(result.source, result.removals) == result.text
    assert clean_and_explain(result.text).text == result.text


def test_prompts_and_notices_of_the_phrase_lists_are_no_article_sentences() -> None:
    """A sign-up prompt before the article and a cookie notice after it are sentences in shape;
    the phrase lists tell them from the article's, so they go with the menu and the footer."""
    head = MENU + "Sign up for our newsletter to get the latest news delivered to your inbox. "
    tail = "This website uses cookies to improve your experience. " + FOOTER
    result = clean_and_explain(_glued(head, ARTICLE, tail))
    assert [r.reason for r in result.removals if r.filter == "glued_page"] == ["before_first_sentence", "after_last_sentence"]
    assert result.text == f"Council approves harbour plan {ARTICLE}\n"


def test_a_line_that_opens_and_ends_with_sentences_stays_whole() -> None:
    text = f"{ARTICLE}\n"
    assert clean_and_explain(text).text == text


def test_sentences_run_together_are_sentences() -> None:
    """Paragraphs that `get_text()` ran together ("... the Senate.Those CEOs ...") are read as
    sentences, so the last paragraph is no footer."""
    body = ARTICLE + " Then the minister spoke.Those at the meeting said the plan would pass within the month."
    result = clean_and_explain(_glued(MENU, body, FOOTER))
    assert result.text.rstrip().endswith("would pass within the month.")


def test_a_few_words_around_the_sentences_stay() -> None:
    text = _glued("HomeNewsSport", ARTICLE, "Share this")
    assert not [r for r in clean_and_explain(text).removals if r.filter == "glued_page"]


def test_a_long_line_among_others_is_no_page() -> None:
    """A line with less than `min_share` of the text's words is a paragraph: its ends are the
    other steps' business."""
    text = "\n\n".join([_glued(MENU, ARTICLE, FOOTER).strip(), ARTICLE, ARTICLE, ARTICLE]) + "\n"  # a quarter of the words
    assert not [r for r in clean_and_explain(text).removals if r.filter == "glued_page"]


def test_without_the_step_the_line_stays_whole() -> None:
    text = _glued(MENU, ARTICLE, FOOTER)
    assert Pipeline.default().without("glued_page").run(text).text == text


def test_pieces_break_at_sentence_ends_and_glue_points() -> None:
    text = "HomeNews The Senate.Those CEOs said so. Then it ended. ShareTweet"
    assert [text[a:b] for a, b in pieces(text)] == [
        "Home", "News The Senate.", "Those CEOs said so. ", "Then it ended. ", "Share", "Tweet",
    ]
    sentence = "The council, in a vote of 7 to 2, approved the plan (after a long debate) on Tuesday."
    assert [sentence[a:b] for a, b in pieces(sentence)] == [sentence]
