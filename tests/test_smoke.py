from cleanarticle import clean, clean_and_explain
from cleanarticle.text import apply_removals


def test_clean_removes_share_prompt_and_keeps_paragraph() -> None:
    text = "Title of the story\n\nShare this article\n\nThe minister resigned on Friday after a long inquiry.\n"
    assert clean(text) == "Title of the story\n\nThe minister resigned on Friday after a long inquiry.\n"


def test_ledger_replays() -> None:
    result = clean_and_explain("Headline\nBy Jane Doe\n\nA paragraph that is the whole article, really.\n")
    assert apply_removals(result.source, result.removals) == result.text
    assert result.metadata.author is not None and result.metadata.author.value == "Jane Doe"
