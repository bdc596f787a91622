"""Phrase lists: the gates that spare lines a pattern call never change an answer."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanarticle.credits import CREDIT_MARKS, TAIL_CHARS, TAIL_HINTS, TRAILING, has_credit_tail
from cleanarticle.filters.disclaimers import ANYWHERE_NEEDLE
from cleanarticle.filters.phrases import Alternation, _in_re_syntax, compile_phrases, fold, keys, reasons, union, words
from cleanarticle.filters.related_articles import BRAND_MORE
from cleanarticle.lines import SENTENCE_END
from cleanarticle.text import line_key

LINES = [
    "Share this article",
    "share on x",
    "The content presented above is for information only.",
    "Copyright 2024 Acme Media. All rights reserved.",
    "Disclaimer: not advice",
    "İstanbul bureau contributed",
    "ſhare this",
    "shares this",
    "Related Articles",
    "See our editorial guidelines",
    "editorial guidelines",
    "",
    "©",
    "don’t miss",
    "acme academy: save your spot",
]
LISTS = [("widgets", key) for key in keys("widgets")] + [("related", "markers"), ("image_residue", "lines")]


def _dotless(text: str) -> str:
    return text.replace("i", "ı").replace("s", "ſ")


def _matches(entry: str) -> st.SearchStrategy[str]:
    """Line keys some match of `entry` makes, re-cased and lower-cased as keys are."""
    spelt = _in_re_syntax(entry)
    assert spelt is not None, entry
    cases = st.sampled_from([str, str.upper, _dotless])
    found = st.from_regex(re.compile(spelt, re.IGNORECASE), fullmatch=True)
    return st.builds(lambda text, case: case(text).lower(), found, cases)


@pytest.mark.parametrize(("section", "key"), LISTS, ids=[f"{s}.{k}" for s, k in LISTS])
@settings(max_examples=60)
@given(data=st.data())
def test_alternation_answers_as_one_pattern(section: str, key: str, data: st.DataObject) -> None:
    """Bucketing by first word or character never changes whether a line matches."""
    entries = [(None, e) for e in words(section, key)]
    whole = compile_phrases(f"(?:{union([e for _, e in entries])})$")
    entry = data.draw(st.sampled_from([e for _, e in entries if _in_re_syntax(e)]))
    text = data.draw(st.one_of(_matches(entry), st.sampled_from(LINES), st.text(max_size=30)))
    assert bool(Alternation(entries, "$").match(text)) == bool(whole.match(text)), text


@settings(max_examples=60)
@given(data=st.data())
def test_reverse_alternation_answers_as_one_reverse_pattern(data: st.DataObject) -> None:
    entries = words("inline_promos", "cta_endings")
    whole = regex.compile(f"(?r)(?:{union(entries)})", regex.IGNORECASE)
    head = data.draw(st.sampled_from(["", "acme academy: ", "the ", "x"]))
    text = head + data.draw(st.one_of(_matches(data.draw(st.sampled_from(entries))), st.text(max_size=30)))
    assert bool(Alternation([(None, e) for e in entries], reverse=True).match(text)) == bool(whole.match(text)), text


DISCLAIMERS = [(key, e) for key in keys("disclaimers") for e in words("disclaimers", key) if not e.startswith("^")]


@pytest.mark.parametrize(("key", "entry"), DISCLAIMERS, ids=[e[:30] for _, e in DISCLAIMERS])
@settings(max_examples=40)
@given(data=st.data())
def test_every_match_of_an_unanchored_entry_holds_a_needle(key: str, entry: str, data: st.DataObject) -> None:
    """A line without its reason's needles is not searched: no match may lack them all."""
    needles = words("disclaimers_needles", key)
    assert needles, f"no needles for {key} in [disclaimers_needles]"
    text = fold(data.draw(_matches(entry)))
    assert any(needle in text for needle in needles), text


CHANNELS = words("channel_prompts", "channels")


@pytest.mark.parametrize("entry", CHANNELS)
@settings(max_examples=40)
@given(data=st.data())
def test_every_channel_holds_a_needle(entry: str, data: st.DataObject) -> None:
    """widgets searches a line for an invitation to the publisher's channels only when it holds
    one of `[channel_prompts].needles`: no channel may lack them all."""
    text = fold(data.draw(_matches(entry)))
    assert any(needle in text for needle in words("channel_prompts", "needles")), text


def test_needles_spare_lines_but_not_matches() -> None:
    found = reasons("disclaimers")
    assert found.find(line_key("This article contains affiliate links.")) == "affiliate_disclosure"
    assert found.find(line_key("All rightſ reserved")) == "copyright"
    assert found.within("the minister resigned").find("we may earn a commission") is None
    assert found.within("we may earn a commission").find("we may earn a commission") == "affiliate_disclosure"


def test_every_notice_allowed_anywhere_holds_the_needle() -> None:
    for key in keys("legal_anywhere"):
        for entry in words("legal_anywhere", key):
            assert ANYWHERE_NEEDLE in entry, entry


def test_every_credit_tail_entry_needs_a_credit_mark() -> None:
    """`has_credit_tail` skips lines without one of CREDIT_MARKS; each tail pattern needs one."""
    for entry in words("image_residue", "credit_tails"):
        assert any(mark in entry.replace("\\", "") for mark in CREDIT_MARKS), entry


@given(st.data())
def test_credit_tail_matches_hold_a_credit_mark(data: st.DataObject) -> None:
    entry = data.draw(st.sampled_from([_in_re_syntax(e) for e in words("image_residue", "credit_tails")]))
    text = data.draw(st.from_regex(re.compile(entry, re.IGNORECASE), fullmatch=True))  # type: ignore[arg-type]
    assert any(mark in text for mark in CREDIT_MARKS)


def test_trailing_holds_everything_the_tail_patterns_end_with() -> None:
    """`has_credit_tail` strips TRAILING to see whether a line ends in ")": it must hold every
    character that `[\\s.]*` matches, and not ")"."""
    assert ")" not in TRAILING
    assert all(chr(c) in TRAILING for c in range(0x3001) if regex.match(r"[\s.]", chr(c)))


@given(st.data())
def test_credit_tails_tried_by_group_agree_with_one_pattern(data: st.DataObject) -> None:
    """Closed tails tried only on lines ending in ")", barred ones only on lines with a "|"."""
    entries = words("image_residue", "credit_tails")
    entry = data.draw(st.sampled_from([_in_re_syntax(e) for e in entries]))
    credit = data.draw(st.from_regex(re.compile(entry, re.IGNORECASE), fullmatch=True))  # type: ignore[arg-type]
    text = data.draw(st.sampled_from(["Crowds in Kyiv. ", "A caption (", "Quelle | ", ""])) + credit
    text += data.draw(st.sampled_from(["", ".", " ", " . ", ")", " |x"]))
    whole = regex.compile("(?r)(?:" + "|".join(f"(?:{t})" for t in entries) + r")[\s.]*", regex.IGNORECASE)
    assert has_credit_tail(text) == (bool(whole.match(text)) and _passes_gates(text)), text


def _passes_gates(text: str) -> bool:
    """The cheap checks `has_credit_tail` makes before any pattern (tested above and elsewhere)."""
    if " " not in text or (text.endswith(SENTENCE_END) and not text.rstrip(" .").endswith(")")):
        return False
    tail = text[-TAIL_CHARS:]
    return any(mark in tail for mark in CREDIT_MARKS) and any(hint in tail.lower() for hint in TAIL_HINTS)


@pytest.mark.parametrize("text", ["MORE FROM FORBES", "More from Reuters", "MÁS DE El País", "mehr von Spiegel Online", "Plus de Le Monde:"])
def test_brand_markers(text: str) -> None:
    assert BRAND_MORE.match(text)
