"""The line vocabulary every step shares: what ends a sentence, how many words a line has (CJK
and Thai counted by characters), and the shapes a line can have: prose, a label, a title.

Steps test these rather than their own tuples of endings, so that "reads as a sentence" means
the same thing in every step.
"""

from __future__ import annotations

import re

import regex

from .types import Line

# What a sentence can end with, closing quotes and brackets included ("… he said.”").
SENTENCE_END = (".", "!", "?", "…", "。", "！", "？", "”", '"', "’", "»", ")")
# A full stop, closing quote included: prose ends so, where headlines end in "?" or "!" as often.
FULL_STOP = (".", "。", ".”", '."', ".»", ".’")
# Scripts written without spaces between words: each character counts as half a word (a
# Chinese or Japanese word averages about two characters, a Thai syllable cluster about as much).
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
# Every character of those scripts lies past U+0DFF and outside Latin and Greek Extended, General
# Punctuation and the currency signs (a test checks): a line holding no other character (Latin,
# Cyrillic, Arabic text with curly quotes and dashes) skips the `_UNSPACED` scan, 7x slower.
_MAYBE_UNSPACED = re.compile(r"[^\x00-\u0dff\u1e00-\u20cf]")
_CLOSERS = "”\"’'»)]"
# Reference marks after a sentence, as encyclopaedias and papers set them: "... in 1642.[12][13]",
# "... of the company.[citation needed]", "... in Sam.[a]".
_CITATIONS = re.compile(r"(?:\s*\[(?:\d{1,4}|[a-z]|note \d{1,3}|[a-z ]{2,30} needed)\])+$", re.IGNORECASE)
# A list item's mark: a bullet, a dash or a number, then a space ("- ", "* ", "• ", "2. ", "3) ").
LIST_MARK = regex.compile(r"\s*(?:[*•·▪►>+-]|\d{1,3}[.)])\s")


def count_words(text: str) -> int:
    """Words in `text`: space-separated tokens, plus half a word per CJK/Thai character."""
    spaced = len(text.split())
    if text.isascii() or _MAYBE_UNSPACED.search(text) is None:
        return spaced
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return spaced
    return max(spaced, (unspaced + 1) // 2 + len(_UNSPACED.sub(" ", text).split()))


def ends_sentence(text: str) -> bool:
    """Whether `text` ends as a sentence does: ".", "!", "?", "…" or their CJK forms, then closers
    and reference marks ("[12]")."""
    core = text.rstrip()
    if core.endswith("]"):
        core = _CITATIONS.sub("", core)
    core = core.rstrip(_CLOSERS)
    return core.endswith((".", "!", "?", "…", "。", "！", "？"))


def ends_clause(text: str) -> bool:
    """Whether `text` ends as a sentence or as a clause that introduces what follows ("Author:"):
    what names and bylines never do."""
    return text.endswith(":") or ends_sentence(text)


# Where one sentence ends and the next begins inside a line: a word of two lower-case letters or
# more, its full stop, a space and a capital ("... the city. The council"), or a CJK full stop.
# "St. Lucia", "U.S. Virgin Islands" and "Dr. Smith" do not count.
_SENTENCE_BREAK = regex.compile(r"\p{Ll}{2}[.!?][\"”’»)]?\s+[\"“‘«(]?\p{Lu}|[。！？]")


def sentence_breaks(text: str) -> int:
    """How many times one sentence ends and another begins inside `text`."""
    return len(_SENTENCE_BREAK.findall(text))


def is_prose(text: str, min_words: int = 8) -> bool:
    """A sentence of at least `min_words` words: the shape of article text, not of furniture."""
    return ends_sentence(text) and count_words(text) >= min_words


_CODE_MARKS = "{}();=[]<>"  # what a line of program code is full of, and prose nearly never
_CODE_ENDS = ("{", "}", ";", "(", "[", "],", "},", "=>", "\\", "):")
CODE_SHARE = 0.08
_CALL_OR_ASSIGNMENT = re.compile(r"\w\(|=")
_CALL_STATEMENT = re.compile(r"(?:(?:return|await|yield) )?[a-z_][\w.]*\(.*\)")  # "print(total)", "return len(name)"


def is_code(text: str) -> bool:
    """Whether `text` reads as a line of program code: it ends as a statement or block does
    ("{", "};", "(", "):"), is one call in lower case ("print(total)"), or calls or assigns
    ("f(x)", "a = b") with `CODE_SHARE` of its characters (three at least) brackets, parentheses
    and "=" signs. A line with a link or an address ("](", "://") is no code: Markdown menus and
    link lists are full of brackets."""
    stripped = text.strip()
    if not stripped or "](" in stripped or "://" in stripped:
        return False
    if stripped.endswith(_CODE_ENDS) or _CALL_STATEMENT.fullmatch(stripped):
        return True
    if _CALL_OR_ASSIGNMENT.search(stripped) is None:
        return False
    return sum(stripped.count(mark) for mark in _CODE_MARKS) >= max(3, CODE_SHARE * len(stripped))


def is_label(line: Line, max_words: int) -> bool:
    """A short line (at most `max_words` words) that does not end as a sentence: a menu item, a
    section or outlet label, a heading, a button. "Media Kit (english)" is one; "Sign up now!" is not."""
    return 0 < line.words <= max_words and not ends_sentence(line.text)


def is_title(line: Line) -> bool:
    """The line reads as a headline: at most 30 words, and not ending in a full stop or a colon
    (headlines may ask or exclaim)."""
    return 0 < line.words <= 30 and not line.text.endswith((".", ":"))


def is_list_item(text: str) -> bool:
    """Whether `text` opens with a list item's mark (`LIST_MARK`)."""
    return LIST_MARK.match(text) is not None
