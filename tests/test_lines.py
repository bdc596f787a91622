"""The shared line vocabulary (`cleanarticle.lines`), and the rule that filters share it rather
than each other's helpers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import cleanarticle.filters as filters
from cleanarticle import lines
from cleanarticle.lines import ends_clause, ends_sentence, is_label, is_prose, is_title, sentence_breaks
from cleanarticle.text import split_lines
from cleanarticle.types import Line


def _line(text: str) -> Line:
    return split_lines(text)[0]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Media Kit (english)", True),  # a bracket after a word is not a sentence end
        ("Search this site:", True),
        ("Newsletter", True),
        ("Sign up now!", False),
        ("Is it over?", False),
        ("He left.”", False),
        ("Ended…", False),
        ("結束了。", False),
        ("One two three four five six seven eight nine", False),  # longer than max_words
    ],
)
def test_is_label(text: str, label: bool) -> None:
    assert is_label(_line(text), 8) is label


@pytest.mark.parametrize(
    ("text", "clause"),
    [("Author:", True), ("It rained.", True), ("He said “no.”", True), ("Jane Doe (Reuters)", False), ("Jane Doe", False)],
)
def test_ends_clause(text: str, clause: bool) -> None:
    assert ends_clause(text) is clause


@pytest.mark.parametrize(
    ("text", "title"),
    [("Will rates fall again?", True), ("Markets slide again", True), ("It rained all day.", False), ("Read more:", False), ("", False)],
)
def test_is_title(text: str, title: bool) -> None:
    assert is_title(_line(text + "\n")) is title


@pytest.mark.parametrize(
    ("text", "breaks"),
    [
        ("The council met on Tuesday. It voted for the plan. Then it adjourned. Share this article", 3),
        ("“We will build it,” she said. “Soon.” The mayor agreed", 2),
        ("東京は晴れです。大阪は雨です。", 2),
        ("Saint Lucia St. Kitts and Nevis U.S. Virgin Islands Vatican City", 0),
        ("A talk by Dr. Smith at 5 p.m. Tickets at the door", 0),
        ("HomeNewsSportWeather", 0),
    ],
)
def test_sentence_breaks(text: str, breaks: int) -> None:
    assert sentence_breaks(text) == breaks


def test_prose_is_a_long_sentence() -> None:
    assert is_prose("The minister spoke for an hour and took no questions.")
    assert not is_prose("The minister spoke for an hour")  # no sentence end
    assert not is_prose("He left.", 6)  # too short
    assert ends_sentence("“He left.”") and not ends_sentence("“He left”")


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("It was founded in 1998 by members of Netscape.[2]", True),
        ("The current name was chosen on February 9, 2004.[47][48]", True),
        ("He was forced out of the company internally.[citation needed]", True),
        ("lässt sich theoretisch auch jedes DNA-Stück entfernen. [2]", True),
        ("“She is not interested in Sam anymore.”[1]", True),
        ("Ridley was a general of the pirates.[a]", True),
        ("Watch the interview [Video]", False),  # a label after words, no sentence before it
        ("Chapter one [1]", False),
        ("Sources [12]", False),
    ],
)
def test_a_reference_mark_after_a_sentence_still_ends_it(text: str, ends: bool) -> None:
    """Encyclopaedias and papers set "[12]" after the full stop: the line is still a sentence."""
    assert ends_sentence(text) is ends


def test_no_filter_imports_another_filter() -> None:
    """Shared parsers live in their own modules (dates, bylines, credits, lines), not in a filter."""
    folder = Path(filters.__file__).parent
    modules = {path.stem for path in folder.glob("*.py")} - {"__init__", "base"}
    for path in folder.glob("*.py"):
        if path.stem == "__init__":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                assert (node.module or "") not in modules, f"{path.name} imports filters.{node.module}"


def test_the_unspaced_gate_lets_every_cjk_and_thai_character_through() -> None:
    """`count_words` skips its script scan on lines `_MAYBE_UNSPACED` does not match: every
    character `_UNSPACED` counts must match it, or some CJK/Thai line would be miscounted."""
    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    counted = lines._UNSPACED.findall(chars)
    assert counted  # the scripts are there
    assert all(lines._MAYBE_UNSPACED.match(char) for char in counted)


@pytest.mark.parametrize(
    ("text", "words"),
    [("Crowds gather — in Kyiv’s “square” €5", 7), ("東京で会議が開かれた", 5), ("ภาษาไทย ทดสอบ", 6), ("Привет мир", 2)],
)
def test_count_words(text: str, words: int) -> None:
    assert lines.count_words(text) == words
