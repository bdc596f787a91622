"""off_topic: short furniture lines of unseen wording, inside an article that shares none of their
words, go with their reason; headings, list items and code that look like them stay."""

from __future__ import annotations

import pytest
from test_edge_chrome import PARAGRAPHS

from cleanarticle import Pipeline
from cleanarticle.content.lexicon import load_lexicon, tokens

PIPELINE = Pipeline.default()


def _article(line: str, at: int = 3) -> str:
    blocks = ["City approves budget for buses and libraries", *PARAGRAPHS]
    blocks.insert(at, line)
    return "\n\n".join(blocks) + "\n"


def _reasons(text: str, line: str) -> set[tuple[str, str]]:
    result = PIPELINE.run(text)
    start = result.source.index(line)
    return {(r.filter, r.reason) for r in result.removals if r.start <= start < r.end}


REMOVED = [  # worded unlike any phrase list; from news, shopping, photo and blog pages
    "Promoted Stories",
    "Related Topics",
    "Scroll to continue with content",
    "Shop our favourite picks",
    "More from our partners",
]

SURE = [  # the lexicon is sure of them: they go though they end as sentences or hold no content word
    "Sign up for free today!",
    "Start your free trial now.",
    "Subscribe for unlimited access.",
    "Become a member today!",  # ("Join our mailing list!" goes earlier, as widgets' channel_prompt)
    "Share your story with us!",
    "About Us",
]

KEPT = [
    "Transit spending and the new libraries",  # a heading in the article's words
    "Buses",  # one word of the article
    "- Oat flour\n- Rye flour",  # a list's items
    "SHOW shared_buffers;",  # code
    "Photos are courtesy of the city.",  # ends as a sentence
    "All rights reserved, the lawyer said, under the 1998 agreement.",  # prose in furniture's words
    "About",  # one word: too little for the lexicon to be sure
]


@pytest.mark.parametrize("line", REMOVED)
def test_unseen_furniture_goes_as_off_topic(line: str) -> None:
    assert ("off_topic", "off_topic_label") in _reasons(_article(line), line)


@pytest.mark.parametrize("line", SURE)
def test_furniture_the_lexicon_is_sure_of_goes_in_any_shape(line: str) -> None:
    assert ("off_topic", "off_topic_label") in _reasons(_article(line), line)
    assert line in PIPELINE.set("off_topic.sure", -99.0).run(_article(line)).text  # the tier that takes it


@pytest.mark.parametrize("line", KEPT)
def test_look_alikes_stay(line: str) -> None:
    text = _article(line)
    assert PIPELINE.run(text).text == PIPELINE.without("off_topic").run(text).text
    assert line.split("\n")[0] in PIPELINE.run(text).text


def test_the_first_line_and_short_texts_are_left_alone() -> None:
    assert "Promoted Stories" in PIPELINE.run(_article("Promoted Stories", at=0)).text
    assert PIPELINE.run("Promoted Stories\n\nA short note on the weather today.\n").text.startswith("Promoted Stories")


def test_the_lexicon_is_word_level_and_records_its_training() -> None:
    lexicon = load_lexicon()
    assert {"related", "related topics", "^related", "$topics"} <= tokens("Related Topics")
    assert lexicon.score("Subscribe to our newsletter") < lexicon.score("Transit spending rose")
    assert lexicon.info["trained_by"] == "benchmarks/train_lexicon.py" and "labelled_data_sha256" in lexicon.info
