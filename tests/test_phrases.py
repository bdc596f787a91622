"""Phrase matching: bucketing by first word or character finds exactly what one big pattern finds."""

from __future__ import annotations

import re
from unittest.mock import patch

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from cleanarticle.filters.image_residue import (
    _SENTENCE_END,
    _TAIL_CHARS,
    CREDIT_MARKS,
    TAIL_HINTS,
    TRAILING,
    has_credit_tail,
)
from cleanarticle.filters.phrases import Dispatch, Ending, _grouped, _in_re_syntax, _union, fewest, keys, reasons, words
from cleanarticle.filters.phrases.heads import folded, head, heads, tail, tails
from cleanarticle.filters.related_articles import _MORE_HEADS, BRAND_MORE
from cleanarticle.text import line_key

SECTIONS = [
    (section, key)
    for section in ("widgets", "image_residue", "related", "metadata", "disclaimers", "legal_anywhere")
    for key in keys(section)
]
LINES = [
    "Share this article",
    "share on x",
    "The content presented above is for information only.",
    "Copyright 2024 Acme Media. All rights reserved.",
    "2024 Acme Media all rights reserved",
    "Disclaimer: not advice",
    "İstanbul bureau contributed",
    "ſhare this",
    "Related Articles",
    "editorial guidelines",
    "See our editorial guidelines",
    "",
    "©",
    "don’t miss",
    "the article was first published in print",
]


@pytest.mark.parametrize(
    ("pattern", "whole", "expected"),
    [
        ("(this|the) (article|post)", False, {"this", "the"}),
        ("share( this)?", True, {"share"}),
        ("share( this)?", False, None),  # "share" could be the start of "shared"
        ("share( this)?\\b", False, {"share"}),
        ("disclaimers?(:| |$)", False, {"disclaimer", "disclaimers"}),
        ("(additional )?reporting by \\w", False, {"additional", "reporting"}),
        ("unauthori[sz]ed use", False, {"unauthorised", "unauthorized"}),
        ("\\d+ comments", False, None),
        (".{0,40}(editorial guidelines)$", False, None),
        ("\\*? ?the content", False, None),  # may start with "*", a non-word character
        ("don’t miss", False, {"don"}),
    ],
)
def test_heads(pattern: str, whole: bool, expected: set[str] | None) -> None:
    found = heads(pattern, whole)
    assert (None if found is None else set(found)) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("save your (spot|seat)", {"spot", "seat"}),
        ("(learn|read) more( here)?", {"more", "here"}),
        ("inscrivez-vous", {"vous"}),
        ("get your (free )?\\w+", None),
        ("click here", {"here"}),
    ],
)
def test_tails(pattern: str, expected: set[str] | None) -> None:
    found = tails(pattern, whole=False)
    assert (None if found is None else set(found)) == expected


def test_tail_is_the_last_word_of_a_key() -> None:
    assert tail("join us now") == "now"
    assert tail("inscrivez-vous") == "vous"
    assert tail("x") == "x"


@pytest.mark.parametrize(("section", "key"), [("inline_promos", "cta_endings")])
@given(data=st.data())
def test_ending_agrees_with_one_reverse_pattern(section: str, key: str, data: st.DataObject) -> None:
    entries = words(section, key)
    ending, whole = Ending(entries), regex.compile(f"(?r)(?:{_union(entries)})", regex.IGNORECASE)
    spelt = [t for t in map(_in_re_syntax, entries) if t]
    ends = st.one_of(*(st.from_regex(re.compile(t, re.IGNORECASE), fullmatch=True) for t in spelt))
    heads_ = st.sampled_from(["", "acme academy: ", "the ", "x"])
    text = data.draw(st.one_of(st.builds(lambda a, b: a + b, heads_, ends), st.text(max_size=30))).lower()
    text = _dotless(text) if data.draw(st.booleans()) else text
    assert bool(ending.match(text)) == bool(whole.match(text)), text


def test_head_folds_what_ignorecase_matches() -> None:
    assert head("İstanbul bureau") == "istanbul"
    assert head("ſhare this") == "share"
    assert head("Share: this") == "share"
    assert head("© 2024") == ""


def _dotless(text: str) -> str:
    return text.replace("i", "ı").replace("s", "ſ")


def _entry_texts(section: str, key: str) -> st.SearchStrategy[str]:
    """Strings that some entry of `section.key` matches, as written and re-cased, with a tail."""
    spelt = [t for t in (_in_re_syntax(e.lstrip("^")) for e in words(section, key)) if t]
    matches = st.one_of(*(st.from_regex(re.compile(t, re.IGNORECASE), fullmatch=True) for t in spelt))
    tails = st.sampled_from(["", " and more", ": x", "s", "ed"])
    # The last case spells "i" and "s" as the letters IGNORECASE equates with them and
    # `str.lower` keeps: gates that look for literals must still let such lines through.
    cases = st.sampled_from([str, str.upper, str.title, str.capitalize, _dotless])
    return st.builds(lambda text, tail, case: case(text + tail), matches, tails, cases)


@pytest.mark.parametrize(("section", "key"), SECTIONS, ids=[f"{s}.{k}" for s, k in SECTIONS])
@pytest.mark.parametrize("suffix", ["$", ""])
@given(data=st.data())
def test_dispatch_agrees_with_one_pattern(section: str, key: str, suffix: str, data: st.DataObject) -> None:
    entries = [(None, e.lstrip("^")) for e in words(section, key)]
    dispatch, whole = Dispatch(entries, suffix), _grouped(entries, suffix)
    text = data.draw(st.one_of(_entry_texts(section, key), st.sampled_from(LINES), st.text(max_size=30)))
    assert bool(dispatch.match(text)) == bool(whole.match(text)), text


def test_fewest_needles_cover_the_others() -> None:
    assert fewest(["cookies", "cookie", "use cookies", "privacy"]) == ("cookie", "privacy")
    assert fewest(["cookie", None]) is None


REASON_SECTIONS = [(section, key) for section in ("legal_anywhere", "disclaimers") for key in keys(section)]


@pytest.mark.parametrize(("section", "key"), REASON_SECTIONS, ids=[f"{s}.{k}" for s, k in REASON_SECTIONS])
@given(data=st.data())
def test_a_line_an_entry_matches_is_never_ruled_out_by_the_needles(section: str, key: str, data: st.DataObject) -> None:
    """`Reasons.possible_in` may skip a text only when no entry of the section can match it."""
    text = data.draw(_entry_texts(section, key)).lower()
    found = reasons(section)
    assert found.possible_in(folded("first line\n" + text + "\nlast line"))


def test_needles_rule_out_an_article_without_the_words() -> None:
    article = "the minister resigned on friday.\nshare this article\nall rights reserved"
    assert reasons("legal_anywhere").needles == ("cookie",)
    assert not reasons("legal_anywhere").possible_in(article)
    assert reasons("legal_anywhere").possible_in(article + "\nmanage cookies")


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
    if " " not in text or (text.endswith(_SENTENCE_END) and not text.rstrip(" .").endswith(")")):
        return False
    tail = text[-_TAIL_CHARS:]
    return any(mark in tail for mark in CREDIT_MARKS) and any(hint in tail.lower() for hint in TAIL_HINTS)


@given(texts=st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=20)), max_size=40))
def test_a_dispatch_used_many_times_answers_as_one_pattern(texts: list[str]) -> None:
    """The buckets a dispatch remembers (and forgets past its limit) never change an answer."""
    for section, key in SECTIONS:
        entries = [(None, e.lstrip("^")) for e in words(section, key)]
        whole = _grouped(entries, "$")
        with patch("cleanarticle.filters.phrases._SEEN_LIMIT", 3):
            dispatch = Dispatch(entries, "$")
            for text in texts + texts:
                assert bool(dispatch.match(text)) == bool(whole.match(text)), (section, key, text)


@pytest.mark.parametrize("text", ["MORE FROM FORBES", "More from Reuters", "MÁS DE El País", "mehr von Spiegel Online", "Plus de Le Monde:"])
def test_every_brand_marker_starts_with_a_word_the_gate_lets_through(text: str) -> None:
    assert BRAND_MORE.match(text)
    assert head(line_key(text)) in _MORE_HEADS
